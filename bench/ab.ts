/**
 * What the A/B benches share (answer-ab.ts, differential-ab.ts, localize-ab.ts, plan-ab.ts): a build loaded from
 * its dist, the cases (development cases, seed papers read by the text extractor, each with one
 * finding left out), and the two measures, each case's fastest of alternated rounds and heapUsed
 * growth per call. On this machine only timings taken side by side compare, so every case is run
 * by both builds, one after the other, and which goes first alternates round by round.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LocusCase } from "../src/case/schema.js";
import { DEV_CASES, SEED_PAPERS } from "../src/paths.js";

export interface Build {
  parseCaseText: typeof import("../src/case/index.js").parseCaseText;
  stages: typeof import("../src/report/analyze.js").ENGINE_STAGES;
  analyze: typeof import("../src/report/analyze.js").analyze;
  answerOf: typeof import("../src/server/analysis.js").answerOf;
  extract: typeof import("../src/text/index.js").extract;
  prepare: typeof import("../src/localize/score.js").prepare;
  search: typeof import("../src/localize/search.js").search;
  atlas: import("../src/atlas/index.js").Atlas;
  /** An answer's text as the bytes the service sends (its answer cache's, keeping nothing). */
  bytes(text: string): Uint8Array;
}

/** A build's modules, from its dist folder (which needs its package.json beside it: ESM, and tsx is slower without). */
export async function load(dist: string): Promise<Build> {
  const at = (p: string) => pathToFileURL(join(resolve(dist), p)).href;
  const kase = (await import(at("case/index.js"))) as typeof import("../src/case/index.js");
  const report = (await import(at("report/analyze.js"))) as typeof import("../src/report/analyze.js");
  const server = (await import(at("server/analysis.js"))) as typeof import("../src/server/analysis.js");
  const text = (await import(at("text/index.js"))) as typeof import("../src/text/index.js");
  const score = (await import(at("localize/score.js"))) as typeof import("../src/localize/score.js");
  const search = (await import(at("localize/search.js"))) as typeof import("../src/localize/search.js");
  const atlas = (await import(at("atlas/index.js"))) as typeof import("../src/atlas/index.js");
  const { ResponseCache } = (await import(at("server/cache.js"))) as typeof import("../src/server/cache.js");
  const none = new ResponseCache(0);
  return {
    parseCaseText: kase.parseCaseText,
    stages: report.ENGINE_STAGES,
    analyze: report.analyze,
    answerOf: server.answerOf,
    extract: text.extract,
    prepare: score.prepare,
    search: search.search,
    atlas: atlas.getAtlas(),
    bytes: (t) => none.set("", t).raw,
  };
}

/**
 * The two builds an A/B bench compares, from its command line: `tsx bench/<script> <base build's
 * dist> [rounds] [...]`; this build is the checkout's own dist. `rest` holds what follows the rounds.
 */
export async function buildsFromArgs(
  script: string,
  defaultRounds: number,
  more = "",
): Promise<{ ours: Build; base: Build; rounds: number; rest: string[] }> {
  const [baseDist, roundsArg, ...rest] = process.argv.slice(2);
  if (!baseDist) throw new Error(`usage: tsx bench/${script} <base build's dist> [rounds]${more}`);
  const base = await load(baseDist);
  const ours = await load(join(import.meta.dirname, "..", "dist"));
  return { ours, base, rounds: Number(roundsArg ?? defaultRounds), rest };
}

export interface Named {
  name: string;
  c: LocusCase;
}

/** A case and each of its copies with one finding left out. */
function withLeftOut(name: string, c: LocusCase): Named[] {
  return [
    { name, c },
    ...c.findings.map((_, k) => ({
      name: `${name} without finding ${k}`,
      c: { ...c, id: `${c.id}-${k}`, findings: c.findings.filter((_f, j) => j !== k) },
    })),
  ];
}

/** The development cases, each with one finding left out, and the seed papers with their left-out copies. */
export function caseSets(base: Build): { dev: Named[]; fresh: Named[]; seeds: Named[] } {
  const parsed = (name: string, text: string): LocusCase => {
    const r = base.parseCaseText(text, name);
    if (!r.ok) throw new Error(`${name}: not a valid case`);
    return r.case;
  };
  const devFiles = readdirSync(DEV_CASES).filter((f) => f.endsWith(".json"));
  const devCases = devFiles.map((f) => ({ name: f, c: parsed(f, readFileSync(join(DEV_CASES, f), "utf8")) }));
  const seedCases = readdirSync(SEED_PAPERS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({ name: f, c: base.extract(readFileSync(join(SEED_PAPERS, f), "utf8"), { id: f }).case }));
  return {
    dev: devCases,
    fresh: devCases.flatMap((d) => withLeftOut(d.name, d.c).slice(1)),
    seeds: seedCases.flatMap((d) => withLeftOut(d.name, d.c)),
  };
}

export type Which = 0 | 1;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Milliseconds one call takes. */
export function timed(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const inTurn = (round: number): Which[] => (round % 2 ? [1, 0] : [0, 1]);

/** Each of `n` cases' fastest of `rounds` runs for both builds; `time(k, i)` runs build k on case i. */
export function fastest(
  n: number,
  rounds: number,
  time: (k: Which, i: number) => number,
): [number[], number[]] {
  const best: [number[], number[]] = [new Array(n).fill(Infinity), new Array(n).fill(Infinity)];
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < n; i++)
      for (const k of inTurn(r)) {
        const t = time(k, i);
        const mine = best[k];
        if (t < (mine[i] as number)) mine[i] = t;
      }
  return best;
}

/** The growth of heapUsed across `call(k, i)`, over the calls during which no collection ran, both builds. */
export function allocation(
  n: number,
  rounds: number,
  call: (k: Which, i: number) => unknown,
): [number[], number[]] {
  const grown: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < n; i++)
      for (const k of inTurn(r)) {
        const before = process.memoryUsage().heapUsed;
        call(k, i);
        const after = process.memoryUsage().heapUsed;
        if (after >= before) grown[k].push(after - before);
      }
  return grown;
}

/** One stage on case i, by this build (0) and the other (1). */
export type Runs = [(i: number) => unknown, (i: number) => unknown];

/** Speed and allocation of both builds on one set of cases, in words. */
export function compare(label: string, runs: Runs, count: number, rounds: number): string[] {
  const ms = (x: number) => `${x.toFixed(4)} ms`;
  const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
  const time = (k: Which, i: number) => timed(() => runs[k](i));
  fastest(count, 5, time);
  const [a, b] = fastest(count, rounds, time);
  const ratios = a.map((t, i) => t / (b[i] as number));
  const [ga, gb] = allocation(count, Math.max(3, Math.round(rounds / 4)), (k, i) => runs[k](i));
  return [
    `${label}, ${count} cases, fastest of ${rounds} alternated rounds, median over cases: this build ${ms(median(a))}, base ${ms(median(b))}, ratio ${(median(a) / median(b)).toFixed(3)} (median of per-case ratios ${median(ratios).toFixed(3)})`,
    `  allocation per call, median over ${ga.length} / ${gb.length} calls without a collection: this build ${kb(median(ga))}, base ${kb(median(gb))}`,
  ];
}
