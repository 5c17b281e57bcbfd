/**
 * npm run fuzz: a long fuzz campaign, on demand (npm test runs the short fuzz tests).
 *
 *   npm run fuzz [-- --engine 100000 --notes 10000 --minutes 20 --seed 123]
 *
 * Engine inputs (default 100,000): random cases from the atlas's own ids, the demo cases with one
 * value replaced by something hostile (prototype keys, long or odd strings, wrong types), and
 * arbitrary JSON. parseCase must never throw nor report an internal error; a valid case must go
 * through localization, differential and plan with finite probabilities that sum to at most 1.
 * Notes (default 10,000): clinical word salad and cut-up demo narratives through extraction, which
 * must return a valid case whose spans point into the note.
 *
 * Bounded in time (--minutes, default 30, shared by both; about 15 minutes on a loaded 2-core machine). Exit 0 when both targets are reached,
 * 1 on a defect (printed with the seed that replays it), 2 when the time ran out first.
 */
import { randomInt } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { getAtlas } from "../src/atlas/index.js";
import { parseCase } from "../src/case/index.js";
import { locusCase } from "../src/case/schema.js";
import { analyze } from "../src/report/index.js";
import { failureMessage } from "../src/test-helpers/fuzz.js";
import { extract } from "../src/text/index.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isSafeInteger(n) || n < 0) {
    process.stderr.write(`npm run fuzz: --${name} takes a whole number; found "${args[i + 1] ?? ""}"\n`);
    process.exit(2);
  }
  return n;
};
const ENGINE = option("engine", 100_000);
const NOTES = option("notes", 10_000);
const MINUTES = option("minutes", 30);
const SEED = option("seed", randomInt(0, 2 ** 31 - 1));
const deadline = Date.now() + MINUTES * 60_000;

const atlas = getAtlas();
const DEMO = new URL("../demo/cases/", import.meta.url);
const demo = readdirSync(DEMO)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, DEMO), "utf8")) as Record<string, unknown>);

// ---- engine inputs

const side = fc.constantFrom("left", "right", "bilateral", undefined);
const id = (kind: Parameters<typeof atlas.ids>[0]) => fc.constantFrom(...atlas.ids(kind));
const hostile = fc.oneof(
  fc.constantFrom("constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "", " ", "\u0000"),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ maxLength: 2000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, [], {}),
);
const finding = fc.oneof(
  fc.record({
    kind: fc.constant("strength"),
    side,
    target: fc.oneof(id("movement"), id("muscle")),
    mrc: fc.constantFrom(0, 1, 2, 3, 4, 5, "4-", "3+", "weak"),
  }),
  fc.record({
    kind: fc.constant("reflex"),
    side,
    reflex: id("reflex"),
    grade: fc.constantFrom("absent", "reduced", "normal", "brisk"),
  }),
  fc.record({
    kind: fc.constant("sensory"),
    side,
    region: id("region"),
    change: fc.constantFrom("absent", "reduced", "increased", "normal", "pain"),
  }),
  fc.record({
    kind: fc.constant("emg"),
    side,
    muscle: id("muscle"),
    spontaneous: fc.constantFrom("none", "fibrillations", "fasciculations"),
    muap: fc.constantFrom("normal", "neurogenic", "myopathic"),
  }),
  fc.record({
    kind: fc.constant("ncs"),
    side,
    study: id("study"),
    result: fc.constantFrom("normal", "reduced", "absent", "prolonged"),
  }),
  fc.record({
    kind: fc.constant("sign"),
    side,
    sign: fc.constantFrom("atrophy", "foot_drop", "babinski", "straight_leg_raise", "tinel"),
    target: fc.oneof(fc.constant(undefined), id("muscle"), hostile),
  }),
);
const context = fc.record(
  {
    history: fc.array(
      fc.oneof(fc.constantFrom("diabetes", "cancer:rectal", "anticoagulation", "pelvic_radiation"), hostile),
      { maxLength: 4 },
    ),
    symptoms: fc.array(fc.oneof(fc.constantFrom("back_pain", "radicular_pain", "numbness"), hostile), {
      maxLength: 4,
    }),
    onset: fc.constantFrom("acute", "subacute", "chronic"),
  },
  { requiredKeys: [] },
);
const randomCase = fc
  .tuple(fc.array(finding, { minLength: 1, maxLength: 12 }), context)
  .map(([findings, ctx]) => ({ format: "locus-case/1", id: "fuzz", context: ctx, findings }));

/** Every path to a leaf of a JSON value. */
function leaves(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      leaves(x, [...path, i], out);
    });
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  else out.push(path);
  return out;
}
const mutatedDemo = fc.tuple(fc.nat(demo.length - 1), fc.nat(), hostile).map(([which, at, value]) => {
  const c = structuredClone(demo[which]) as Record<string, unknown>;
  const paths = leaves(c);
  const path = paths[at % paths.length] ?? [];
  let o = c as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) o[last] = value;
  return c;
});
const engineInput = fc.oneof(
  { weight: 4, arbitrary: randomCase },
  { weight: 4, arbitrary: mutatedDemo },
  { weight: 1, arbitrary: fc.jsonValue() },
);

function checkEngine(input: unknown): void {
  const r = parseCase(input);
  if (!r.ok) {
    const internal = r.errors.find((e) => /internal error/.test(e.message));
    if (internal) throw new Error(`parseCase: ${internal.message}`);
    return;
  }
  const a = analyze(r.case, { limit: 5 });
  let sum = 0;
  for (const h of a.hypotheses) {
    if (!Number.isFinite(h.probability) || h.probability < 0) throw new Error(`probability ${h.probability}`);
    sum += h.probability;
  }
  // Each probability is answered rounded to 4 decimals: the sum may exceed 1 by half a unit each.
  if (sum > 1 + 0.5e-4 * a.hypotheses.length + 1e-9) throw new Error(`probabilities sum to ${sum}`);
}

// ---- notes

const words = fc.constantFrom(
  ...["left", "right", "bilateral", "no", "weakness", "MRC 4/5", "3-", "knee jerk", "ankle jerk", "absent"],
  ...["1+/2+", "TA", "EHL", "fibrillations", "no MUAP", "CMAP", "sural", "no response", "MRI", "L4-5"],
  ...[
    "disc herniation at L4-5",
    "L5/S1 PVMs",
    "denies",
    "history of",
    "constructor",
    "__proto__",
    "\n",
    ".",
    ",",
  ],
  ...[
    "(",
    ")",
    "%",
    "dermatome",
    "hypoaesthesia",
    "foot drop",
    "Babinski",
    "upgoing",
    "diabetes",
    "toString",
  ],
);
const narratives = demo.map((c) => String(c.narrative ?? "")).filter(Boolean);
const note = fc.oneof(
  fc.array(words, { maxLength: 80 }).map((w) => w.join(" ")),
  fc
    .tuple(fc.nat(narratives.length - 1), fc.nat(), fc.nat(), fc.array(words, { maxLength: 10 }))
    .map(([n, a, b, extra]) => {
      const text = narratives[n] ?? "";
      const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
      return `${text.slice(0, from)} ${extra.join(" ")} ${text.slice(to as number)}`;
    }),
  fc.string({ unit: "grapheme", maxLength: 600 }),
);

function checkNote(text: string): void {
  const r = extract(text);
  if (!locusCase.safeParse(r.case).success) throw new Error("extraction returned an invalid case");
  for (const s of r.spans)
    if (text.slice(s.start, s.end) !== s.text)
      throw new Error(`span ${s.start}-${s.end} does not point at "${s.text}"`);
}

// ---- the campaign

function campaign<T>(
  name: string,
  target: number,
  arb: fc.Arbitrary<T>,
  check: (v: T) => void,
  seed: number,
) {
  let runs = 0;
  const started = Date.now();
  const details = fc.check(
    fc.property(arb, (v) => {
      runs++;
      check(v);
    }),
    {
      numRuns: target,
      seed,
      interruptAfterTimeLimit: Math.max(1000, deadline - Date.now()),
      markInterruptAsFailure: false,
    },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    process.stderr.write(`${name}: ${failureMessage(details, seed)}\n`);
    process.exit(1);
  }
  const done = details.numRuns >= target;
  process.stdout.write(
    `${name}: ${details.numRuns} of ${target} inputs${done ? "" : " (stopped by the time bound)"} in ${seconds} s, no defect (${runs} checks)\n`,
  );
  return done;
}

process.stdout.write(
  `npm run fuzz: seed ${SEED} (replay: npm run fuzz -- --seed ${SEED}), bound ${MINUTES} min\n`,
);
const engineDone = campaign("engine", ENGINE, engineInput, checkEngine, SEED);
const notesDone = campaign("notes", NOTES, note, checkNote, SEED + 1);
process.exit(engineDone && notesDone ? 0 : 2);
