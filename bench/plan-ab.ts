/**
 * The plan stage, this build against another (a build of an earlier commit), in one process:
 *
 *   npm run build && npx tsx bench/plan-ab.ts /tmp/base9/dist [rounds]
 *
 * 1. Same answers: for every development case, every seed paper read by the text extractor, and
 *    each of those with one finding left out, JSON.stringify of the plan (localize's candidates and
 *    the differential handed over, as bench/analysis.ts's planOf does) must be byte-identical
 *    between the two builds, or differ only in the last digit of rounded numbers (floating-point
 *    reassociation); such differences are counted and listed, anything else fails.
 * 2. Speed: the two builds' plans alternated case by case and round by round (which goes first
 *    alternates too), each case's fastest of `rounds`, the median over cases.
 * 3. Allocation: heapUsed growth across one call, median over the calls during which no collection
 *    ran, the two builds alternated.
 * Each build plans from its own localize and differential (unchanged between the builds, and
 * checked the same), made once before the timing, so only the plan stage is timed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LocusCase } from "../src/case/schema.js";
import type { Differential } from "../src/differential/types.js";
import type { Candidates } from "../src/localize/index.js";
import { DEV_CASES, SEED_PAPERS } from "../src/paths.js";

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

interface Named {
  name: string;
  c: LocusCase;
}

/** One case as a build plans it: its own localize's candidates and differential. */
interface Input extends Named {
  from: Candidates;
  dx: Differential;
  /** The localization and differential as JSON (checked the same between the builds). */
  upstream: string;
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

function cases(base: Build): { dev: Named[]; fresh: Named[]; seeds: Named[] } {
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

function prepared(b: Build, x: Named): Input {
  const run = b.stages.localize(x.c, { limit: 5 });
  const dx = b.stages.differential(x.c, run.localization);
  if (!run.candidates) throw new Error(`${x.name}: localize gave no candidates`);
  return { ...x, from: run.candidates, dx, upstream: JSON.stringify([run.localization, dx]) };
}

const planOf = (b: Build, x: Input) => b.stages.plan(x.c, { limit: 5, from: x.from, differential: x.dx });

/** Numbers in a JSON text. */
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g;

/**
 * Whether two JSON texts differ only in numbers whose last printed digit moved by one (a rounded
 * value on the other side of a rounding boundary); the differing pairs are returned, or undefined
 * when anything else differs.
 */
function lastDigitOnly(a: string, b: string): [string, string][] | undefined {
  if (a.replace(NUMBER, "#") !== b.replace(NUMBER, "#")) return undefined;
  const na = a.match(NUMBER) ?? [];
  const nb = b.match(NUMBER) ?? [];
  const moved: [string, string][] = [];
  for (let i = 0; i < na.length; i++) {
    const x = na[i] as string;
    const y = nb[i] as string;
    if (x === y) continue;
    const decimals = Math.max(x.split(".")[1]?.length ?? 0, y.split(".")[1]?.length ?? 0);
    if (Math.abs(Number(x) - Number(y)) > 1.000001 * 10 ** -decimals) return undefined;
    moved.push([x, y]);
  }
  return moved;
}

/** Where two texts first differ, with some context: base, then this build. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `at ${i}: base ...${b.slice(from, i + 80)}... this build ...${a.slice(from, i + 80)}...`;
}

function sameAnswers(ours: Input[], base: Input[], builds: [Build, Build]): boolean {
  let identical = 0;
  const lastDigit: string[] = [];
  const differ: string[] = [];
  ours.forEach((x, i) => {
    const y = base[i] as Input;
    if (x.upstream !== y.upstream) throw new Error(`${x.name}: localize or the differential differ`);
    const a = JSON.stringify(planOf(builds[0], x));
    const b = JSON.stringify(planOf(builds[1], y));
    if (a === b) {
      identical++;
      return;
    }
    const moved = lastDigitOnly(a, b);
    if (moved) lastDigit.push(`${x.name}: ${moved.map(([p, q]) => `${q} -> ${p}`).join(", ")}`);
    else differ.push(`${x.name}: ${firstDifference(a, b)}`);
  });
  console.log(
    `same answers: ${identical} of ${ours.length} plans byte-identical, ${lastDigit.length} differ only in a rounded number's last digit, ${differ.length} differ otherwise`,
  );
  for (const line of lastDigit) console.log(`  last digit: ${line}`);
  for (const line of differ.slice(0, 20)) console.log(`  DIFFERS: ${line}`);
  return differ.length === 0;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Each case's fastest call of `rounds`, for both builds, alternated. */
function fastest(builds: [Build, Build], inputs: [Input[], Input[]], rounds: number): [number[], number[]] {
  const n = inputs[0].length;
  const best: [number[], number[]] = [new Array(n).fill(Infinity), new Array(n).fill(Infinity)];
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < n; i++)
      for (const k of r % 2 ? [1, 0] : [0, 1]) {
        const b = builds[k] as Build;
        const x = (inputs[k] as Input[])[i] as Input;
        const t0 = performance.now();
        planOf(b, x);
        const t = performance.now() - t0;
        const mine = best[k] as number[];
        if (t < (mine[i] as number)) mine[i] = t;
      }
  return best;
}

/** heapUsed growth per call, over the calls with no collection, for both builds, alternated. */
function allocation(
  builds: [Build, Build],
  inputs: [Input[], Input[]],
  rounds: number,
): [number[], number[]] {
  const grown: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < inputs[0].length; i++)
      for (const k of r % 2 ? [1, 0] : [0, 1]) {
        const b = builds[k] as Build;
        const x = (inputs[k] as Input[])[i] as Input;
        const before = process.memoryUsage().heapUsed;
        planOf(b, x);
        const after = process.memoryUsage().heapUsed;
        if (after >= before) (grown[k] as number[]).push(after - before);
      }
  return grown;
}

const [baseDist, roundsArg] = process.argv.slice(2);
if (!baseDist) throw new Error("usage: tsx bench/plan-ab.ts <base build's dist> [rounds]");
const rounds = Number(roundsArg ?? 40);
const base = await load(baseDist);
const ours = await load(join(import.meta.dirname, "..", "dist"));
const builds: [Build, Build] = [ours, base];
const sets = cases(base);
const all = [...sets.dev, ...sets.fresh, ...sets.seeds];
const inputsOf = (b: Build, xs: Named[]) => xs.map((x) => prepared(b, x));
console.log(
  `inputs: ${sets.dev.length} development cases, ${sets.fresh.length} with one finding left out, ${sets.seeds.length} seed papers and their left-out copies`,
);
if (!sameAnswers(inputsOf(ours, all), inputsOf(base, all), builds)) process.exitCode = 1;

const ms = (x: number) => `${x.toFixed(4)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
for (const [label, set] of [
  ["development", sets.dev],
  ["new (one finding left out)", sets.fresh],
] as const) {
  const inputs: [Input[], Input[]] = [inputsOf(ours, set), inputsOf(base, set)];
  fastest(builds, inputs, 5);
  const [a, b] = fastest(builds, inputs, rounds);
  const ratios = a.map((t, i) => t / (b[i] as number));
  console.log(
    `${label}, ${set.length} cases, fastest of ${rounds} alternated rounds, median over cases: this build ${ms(median(a))}, base ${ms(median(b))}, ratio ${(median(a) / median(b)).toFixed(3)} (median of per-case ratios ${median(ratios).toFixed(3)})`,
  );
  const [ga, gb] = allocation(builds, inputs, Math.max(3, Math.round(rounds / 4)));
  console.log(
    `  allocation per call, median over ${ga.length} / ${gb.length} calls without a collection: this build ${kb(median(ga))}, base ${kb(median(gb))}`,
  );
}
