/**
 * The differential stage, this build against another (a build of an earlier commit), in one process:
 *
 *   npm run build && npx tsx bench/differential-ab.ts /tmp/base8/dist [rounds]
 *
 * 1. Same answers: for every development case, every seed paper read by the text extractor, and
 *    each of those with one finding left out, JSON.stringify of the differential (given the
 *    localization that localize gives) must be byte-identical between the two builds.
 * 2. Speed: the two builds' differentials alternated case by case and round by round (which goes
 *    first alternates too), each case's fastest of `rounds`, the median over cases; for the
 *    development cases and for the new ones (one finding left out).
 * 3. Allocation: heapUsed growth across one call, median over the calls during which no
 *    collection ran, the two builds alternated.
 * Both inputs (case and localization) are made once by the other build, so only the stage differs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LocusCase } from "../src/case/schema.js";
import type { Localization } from "../src/localize/types.js";
import { DEV_CASES, SEED_PAPERS } from "../src/paths.js";
import { allocation, fastest, median, timed } from "./ab.js";

interface Build {
  parseCaseText: typeof import("../src/case/index.js").parseCaseText;
  stages: typeof import("../src/report/analyze.js").ENGINE_STAGES;
  extract: typeof import("../src/text/index.js").extract;
}

async function load(dist: string): Promise<Build> {
  const at = (p: string) => pathToFileURL(join(resolve(dist), p)).href;
  const kase = (await import(at("case/index.js"))) as typeof import("../src/case/index.js");
  const report = (await import(at("report/analyze.js"))) as typeof import("../src/report/analyze.js");
  const text = (await import(at("text/index.js"))) as typeof import("../src/text/index.js");
  return { parseCaseText: kase.parseCaseText, stages: report.ENGINE_STAGES, extract: text.extract };
}

interface Input {
  name: string;
  c: LocusCase;
  loc: Localization;
}

/** A case and each of its copies with one finding left out. */
function withLeftOut(name: string, c: LocusCase): { name: string; c: LocusCase }[] {
  return [
    { name, c },
    ...c.findings.map((_, k) => ({
      name: `${name} without finding ${k}`,
      c: { ...c, id: `${c.id}-${k}`, findings: c.findings.filter((_f, j) => j !== k) },
    })),
  ];
}

function inputs(base: Build): { dev: Input[]; fresh: Input[]; seeds: Input[] } {
  const parsed = (name: string, text: string): LocusCase => {
    const r = base.parseCaseText(text, name);
    if (!r.ok) throw new Error(`${name}: not a valid case`);
    return r.case;
  };
  const located = ({ name, c }: { name: string; c: LocusCase }): Input => ({
    name,
    c,
    loc: base.stages.localize(c, { limit: 5 }).localization,
  });
  const devFiles = readdirSync(DEV_CASES).filter((f) => f.endsWith(".json"));
  const devCases = devFiles.map((f) => ({ name: f, c: parsed(f, readFileSync(join(DEV_CASES, f), "utf8")) }));
  const seedCases = readdirSync(SEED_PAPERS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({ name: f, c: base.extract(readFileSync(join(SEED_PAPERS, f), "utf8"), { id: f }).case }));
  return {
    dev: devCases.map(located),
    fresh: devCases.flatMap((d) => withLeftOut(d.name, d.c).slice(1)).map(located),
    seeds: seedCases.flatMap((d) => withLeftOut(d.name, d.c)).map(located),
  };
}

function sameAnswers(ours: Build, base: Build, all: Input[]): string[] {
  const differ: string[] = [];
  for (const x of all) {
    const a = JSON.stringify(ours.stages.differential(x.c, x.loc));
    const b = JSON.stringify(base.stages.differential(x.c, x.loc));
    if (a !== b) differ.push(x.name);
  }
  return differ;
}

const stage = (b: Build, x: Input) => b.stages.differential(x.c, x.loc);

const [baseDist, roundsArg] = process.argv.slice(2);
if (!baseDist) throw new Error("usage: tsx bench/differential-ab.ts <base build's dist> [rounds]");
const rounds = Number(roundsArg ?? 40);
const base = await load(baseDist);
const ours = await load(join(import.meta.dirname, "..", "dist"));
const sets = inputs(base);
const all = [...sets.dev, ...sets.fresh, ...sets.seeds];
const differ = sameAnswers(ours, base, all);
console.log(
  `same answers: ${all.length - differ.length} of ${all.length} differentials byte-identical (${sets.dev.length} development, ${sets.fresh.length} development with one finding left out, ${sets.seeds.length} seed papers and their left-out copies)`,
);
for (const name of differ.slice(0, 20)) console.log(`  differs: ${name}`);
if (differ.length > 0) process.exitCode = 1;

const builds: [Build, Build] = [ours, base];
const ms = (x: number) => `${x.toFixed(4)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
for (const [label, cases] of [
  ["development", sets.dev],
  ["new (one finding left out)", sets.fresh],
] as const) {
  const fastestOf = (n: number) =>
    fastest(cases.length, n, (k, i) => timed(() => stage(builds[k], cases[i] as Input)));
  fastestOf(5);
  const [a, b] = fastestOf(rounds);
  const ratios = a.map((t, i) => t / (b[i] as number));
  console.log(
    `${label}, ${cases.length} cases, fastest of ${rounds} alternated rounds, median over cases: this build ${ms(median(a))}, base ${ms(median(b))}, ratio ${(median(a) / median(b)).toFixed(3)} (median of per-case ratios ${median(ratios).toFixed(3)})`,
  );
  const [ga, gb] = allocation(cases.length, Math.max(3, Math.round(rounds / 4)), (k, i) =>
    stage(builds[k], cases[i] as Input),
  );
  console.log(
    `  allocation per call, median over ${ga.length} / ${gb.length} calls without a collection: this build ${kb(median(ga))}, base ${kb(median(gb))}`,
  );
}
