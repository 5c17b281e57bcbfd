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
import type { Differential } from "../src/differential/types.js";
import type { Candidates } from "../src/localize/index.js";
import { type Build, buildsFromArgs, caseSets, compare, type Named } from "./ab.js";

/** One case as a build plans it: its own localize's candidates and differential. */
interface Input extends Named {
  from: Candidates;
  dx: Differential;
  /** The localization and differential as JSON (checked the same between the builds). */
  upstream: string;
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

const { ours, base, rounds } = await buildsFromArgs("plan-ab.ts", 40);
const builds: [Build, Build] = [ours, base];
const sets = caseSets(base);
const all = [...sets.dev, ...sets.fresh, ...sets.seeds];
const inputsOf = (b: Build, xs: Named[]) => xs.map((x) => prepared(b, x));
console.log(
  `inputs: ${sets.dev.length} development cases, ${sets.fresh.length} with one finding left out, ${sets.seeds.length} seed papers and their left-out copies`,
);
if (!sameAnswers(inputsOf(ours, all), inputsOf(base, all), builds)) process.exitCode = 1;

for (const [label, set] of [
  ["development", sets.dev],
  ["new (one finding left out)", sets.fresh],
] as const) {
  const inputs = [inputsOf(ours, set), inputsOf(base, set)] as const;
  const run = (k: 0 | 1) => (i: number) => planOf(builds[k], inputs[k][i] as Input);
  for (const line of compare(label, [run(0), run(1)], set.length, rounds)) console.log(line);
}
