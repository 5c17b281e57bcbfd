/**
 * The service's answer, this build against another (a build of an earlier commit), in one process:
 *
 *   npm run build && npx tsx bench/answer-ab.ts /tmp/base9/dist [rounds]
 *
 * 1. Same answers: for every development case, every seed paper read by the text extractor, and
 *    each of those with one finding left out, the bytes POST /api/v1/localize answers on a cache
 *    miss (the case text parsed and checked, analysed, answerOf, JSON.stringify) must be identical
 *    between the two builds.
 * 2. Speed, the two builds alternated case by case and round by round (which goes first alternates
 *    too), each case's fastest of `rounds`, the median over cases, on new cases (each development
 *    case with one finding left out, as compact JSON as a client sends it): the case stage
 *    (parseCaseText) alone and right after another case's whole answer (as the service meets it,
 *    the processor's caches full of the other stages' code and data), the answer to bytes
 *    (answerOf, JSON.stringify, the bytes as the answer cache makes them), and the whole answer.
 * 3. Allocation: heapUsed growth across one whole answer, median over the answers during which no
 *    collection ran, the two builds alternated.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CaseResult } from "../src/case/index.js";
import { DEV_CASES, SEED_PAPERS } from "../src/paths.js";
import { allocation, type Build, buildsFromArgs, fastest, median, timed } from "./ab.js";

type Valid = Extract<CaseResult, { ok: true }>;

function valid(b: Build, name: string, text: string): Valid {
  const r = b.parseCaseText(text);
  if (!r.ok) throw new Error(`${name}: not a valid case`);
  return r;
}

/** What the service answers on a cache miss, as bytes. */
const answer = (b: Build, text: string): Uint8Array => {
  const parsed = valid(b, "a case", text);
  return b.bytes(JSON.stringify(b.answerOf(b.analyze(parsed.case), parsed)));
};

interface Input {
  name: string;
  text: string;
}

/** A case's text and the texts of its copies with one finding left out (compact JSON). */
function withLeftOut(name: string, text: string): Input[] {
  const doc = JSON.parse(text) as { id: string; findings: unknown[] };
  return [
    { name, text },
    ...doc.findings.map((_, k) => ({
      name: `${name} without finding ${k}`,
      text: JSON.stringify({
        ...doc,
        id: `${doc.id}-${k}`,
        findings: doc.findings.filter((_f, j) => j !== k),
      }),
    })),
  ];
}

function inputs(base: Build): { dev: Input[]; fresh: Input[]; seeds: Input[] } {
  const dev = readdirSync(DEV_CASES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ name: f, text: readFileSync(join(DEV_CASES, f), "utf8") }));
  const seeds = readdirSync(SEED_PAPERS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({
      name: f,
      text: JSON.stringify(base.extract(readFileSync(join(SEED_PAPERS, f), "utf8"), { id: f }).case),
    }));
  return {
    dev,
    fresh: dev.flatMap((d) => withLeftOut(d.name, d.text).slice(1)),
    seeds: seeds.flatMap((d) => withLeftOut(d.name, d.text)),
  };
}

/**
 * A piece of the answer, timed on one case by one build: `run` is timed, `before` (untimed) runs
 * just before it; what both need is made when the piece is made.
 */
type Piece = (b: Build, x: Input, other: Input) => { run: () => unknown; before?: () => unknown };

const PIECES: Record<string, Piece> = {
  "case stage (parseCaseText)": (b, x) => ({ run: () => b.parseCaseText(x.text) }),
  // As the service meets it: the engine's other stages have just run (for another case) and left
  // the processor's caches full of their own code and data.
  "case stage right after another case's whole answer": (b, x, other) => ({
    before: () => answer(b, other.text),
    run: () => b.parseCaseText(x.text),
  }),
  "answer to bytes (answerOf, stringify, the bytes sent)": (b, x) => {
    const parsed = valid(b, x.name, x.text);
    const a = b.analyze(parsed.case);
    return { run: () => b.bytes(JSON.stringify(b.answerOf(a, parsed))) };
  },
  "whole answer": (b, x) => ({ run: () => answer(b, x.text) }),
};

/** Each case's fastest timed run of `rounds`, for both builds, alternated. */
function fastestOf(
  builds: [Build, Build],
  cases: Input[],
  piece: Piece,
  rounds: number,
): [number[], number[]] {
  const runs = builds.map((b) => cases.map((x, i) => piece(b, x, cases[(i + 1) % cases.length] as Input)));
  return fastest(cases.length, rounds, (k, i) => {
    const { run, before } = (runs[k] as ReturnType<Piece>[])[i] as ReturnType<Piece>;
    before?.();
    return timed(run);
  });
}

const { ours, base, rounds } = await buildsFromArgs("answer-ab.ts", 30);
const sets = inputs(base);
const all = [...sets.dev, ...sets.fresh, ...sets.seeds];
const differ = all
  .filter((x) => !Buffer.from(answer(ours, x.text)).equals(answer(base, x.text)))
  .map((x) => x.name);
console.log(
  `same answers: ${all.length - differ.length} of ${all.length} answers byte-identical (${sets.dev.length} development, ${sets.fresh.length} development with one finding left out, ${sets.seeds.length} seed papers and their left-out copies)`,
);
for (const name of differ.slice(0, 20)) console.log(`  differs: ${name}`);
if (differ.length > 0) process.exitCode = 1;

const builds: [Build, Build] = [ours, base];
const ms = (x: number) => `${x.toFixed(4)} ms`;
for (const cases of [sets.fresh, sets.dev]) for (const x of cases) for (const b of builds) answer(b, x.text);
console.log(`new cases (one finding left out): ${sets.fresh.length}, fastest of ${rounds} alternated rounds`);
for (const [label, piece] of Object.entries(PIECES)) {
  const [a, b] = fastestOf(builds, sets.fresh, piece, rounds);
  const ratios = a.map((t, i) => t / (b[i] as number));
  console.log(
    `  ${label}: this build ${ms(median(a))}, base ${ms(median(b))}, ratio ${(median(a) / median(b)).toFixed(3)} (median of per-case ratios ${median(ratios).toFixed(3)})`,
  );
}
const [ga, gb] = allocation(sets.fresh.length, Math.max(3, Math.round(rounds / 4)), (k, i) =>
  answer(builds[k], (sets.fresh[i] as Input).text),
);
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
console.log(
  `  allocation per whole answer, median over ${ga.length} / ${gb.length} answers without a collection: this build ${kb(median(ga))}, base ${kb(median(gb))}`,
);
