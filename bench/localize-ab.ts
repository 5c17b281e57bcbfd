/**
 * Localization, this build against another (a build of an earlier commit), in one process:
 *
 *   npm run build && npx tsx bench/localize-ab.ts /tmp/base9/dist [rounds]
 *
 * 1. Same answers: for every development case, every seed paper read by the text extractor, and
 *    each of those with one finding left out, JSON.stringify of localize's localization (the
 *    engine's stage, limit 5) and of the whole analysis answer must be byte-identical between the
 *    two builds.
 * 2. Speed: the two builds alternated case by case and round by round (which goes first alternates
 *    too), each case's fastest of `rounds`, the median over cases: localize whole, its preparation
 *    alone, preparation and search (localize less that is the answer: localizationOf), and the whole
 *    fresh analysis from the case's text.
 * 3. Allocation: heapUsed growth across one call, median over the calls during which no collection
 *    ran, the two builds alternated.
 */
import {
  allocation,
  type Build,
  buildsFromArgs,
  caseSets,
  fastest,
  median,
  type Named,
  timed,
} from "./ab.js";

interface Input extends Named {
  /** The case as text (what the service parses). */
  text: string;
}

/** bench/ab.ts's case sets, each case with its text (what the service parses). */
function inputs(base: Build): { dev: Input[]; fresh: Input[]; seeds: Input[] } {
  const withText = (x: Named): Input => ({ ...x, text: JSON.stringify(x.c) });
  const sets = caseSets(base);
  return { dev: sets.dev.map(withText), fresh: sets.fresh.map(withText), seeds: sets.seeds.map(withText) };
}

/** The whole fresh answer from a case's text, as the service computes it. */
function answer(b: Build, text: string): string {
  const parsed = b.parseCaseText(text);
  if (!parsed.ok) throw new Error("not a valid case");
  return JSON.stringify(b.answerOf(b.analyze(parsed.case), parsed));
}

/** The inputs whose localization or whole analysis differs between the builds, with which differs. */
function sameAnswers(ours: Build, base: Build, all: Input[]): string[] {
  const differ: string[] = [];
  for (const x of all) {
    const loc = (b: Build) => JSON.stringify(b.stages.localize(x.c, { limit: 5 }).localization);
    const parts = [
      loc(ours) !== loc(base) ? "localization" : "",
      answer(ours, x.text) !== answer(base, x.text) ? "analysis" : "",
    ].filter(Boolean);
    if (parts.length > 0) differ.push(`${x.name} (${parts.join(", ")})`);
  }
  return differ;
}

type Run = (b: Build, x: Input) => unknown;

const RUNS: Record<string, Run> = {
  localize: (b, x) => b.stages.localize(x.c, { limit: 5 }),
  prepare: (b, x) => b.prepare(b.atlas, x.c),
  "prepare and search": (b, x) => b.search(b.prepare(b.atlas, x.c), { maxLesions: 3, beam: 12, rescore: 30 }),
  "whole fresh analysis": (b, x) => answer(b, x.text),
};

/** Each case's fastest call of `rounds` for both builds, alternated (bench/ab.ts). */
const fastestOf = (builds: [Build, Build], cases: Input[], rounds: number, run: Run) =>
  fastest(cases.length, rounds, (k, i) => timed(() => run(builds[k], cases[i] as Input)));

/** heapUsed growth per call for both builds, alternated (bench/ab.ts). */
const allocationOf = (builds: [Build, Build], cases: Input[], rounds: number, run: Run) =>
  allocation(cases.length, rounds, (k, i) => run(builds[k], cases[i] as Input));

const { ours, base, rounds, rest } = await buildsFromArgs("localize-ab.ts", 40, " [check|speed]");
const only = rest[0];
const sets = inputs(base);
if (only !== "speed") {
  const all = [...sets.dev, ...sets.fresh, ...sets.seeds];
  const differ = sameAnswers(ours, base, all);
  console.log(
    `same answers: ${all.length - differ.length} of ${all.length} inputs byte-identical in localization and whole analysis (${sets.dev.length} development, ${sets.fresh.length} development with one finding left out, ${sets.seeds.length} seed papers and their left-out copies)`,
  );
  for (const name of differ.slice(0, 20)) console.log(`  differs: ${name}`);
  if (differ.length > 0) process.exitCode = 1;
}
if (only !== "check") {
  const builds: [Build, Build] = [ours, base];
  const ms = (x: number) => `${x.toFixed(4)} ms`;
  const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
  const cases = sets.dev;
  for (const run of Object.values(RUNS)) fastestOf(builds, cases, 10, run);
  const fast: Record<string, [number[], number[]]> = {};
  for (const [label, run] of Object.entries(RUNS)) {
    const [a, b] = fastestOf(builds, cases, rounds, run);
    fast[label] = [a, b];
    const ratios = a.map((t, i) => t / (b[i] as number));
    const [ga, gb] = allocationOf(builds, cases, Math.max(3, Math.round(rounds / 4)), run);
    console.log(
      `${label}, ${cases.length} development cases, fastest of ${rounds} alternated rounds, median over cases: this build ${ms(median(a))}, base ${ms(median(b))} (median of per-case ratios ${median(ratios).toFixed(3)}); allocation per call, median over calls without a collection: this build ${kb(median(ga))}, base ${kb(median(gb))}`,
    );
  }
  const [la, lb] = fast.localize as [number[], number[]];
  const [sa, sb] = fast["prepare and search"] as [number[], number[]];
  const answerPart = (l: number[], s: number[]) => median(l.map((t, i) => t - (s[i] as number)));
  console.log(
    `the answer (localize less prepare and search), per case, median: this build ${ms(answerPart(la, sa))}, base ${ms(answerPart(lb, sb))}`,
  );
}
