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
import type { LocusCase } from "../src/case/schema.js";
import type { Localization } from "../src/localize/types.js";
import { type Build, buildsFromArgs, caseSets, compare, type Named } from "./ab.js";

interface Input {
  name: string;
  c: LocusCase;
  loc: Localization;
}

function inputs(base: Build): { dev: Input[]; fresh: Input[]; seeds: Input[] } {
  const located = ({ name, c }: Named): Input => ({
    name,
    c,
    loc: base.stages.localize(c, { limit: 5 }).localization,
  });
  const sets = caseSets(base);
  return { dev: sets.dev.map(located), fresh: sets.fresh.map(located), seeds: sets.seeds.map(located) };
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

const { ours, base, rounds } = await buildsFromArgs("differential-ab.ts", 40);
const sets = inputs(base);
const all = [...sets.dev, ...sets.fresh, ...sets.seeds];
const differ = sameAnswers(ours, base, all);
console.log(
  `same answers: ${all.length - differ.length} of ${all.length} differentials byte-identical (${sets.dev.length} development, ${sets.fresh.length} development with one finding left out, ${sets.seeds.length} seed papers and their left-out copies)`,
);
for (const name of differ.slice(0, 20)) console.log(`  differs: ${name}`);
if (differ.length > 0) process.exitCode = 1;

for (const [label, cases] of [
  ["development", sets.dev],
  ["new (one finding left out)", sets.fresh],
] as const) {
  const run = (b: Build) => (i: number) => {
    const x = cases[i] as Input;
    return b.stages.differential(x.c, x.loc);
  };
  for (const line of compare(label, [run(ours), run(base)], cases.length, rounds)) console.log(line);
}
