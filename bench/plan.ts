/**
 * `npm run bench:plan`: the sequential test-selection benchmark.
 *
 * For every focal lesion site on each side (and a second patient per lesion with another seed),
 * a simulated patient (src/plan/simulate.ts) holds the lesion. The case starts sparse: age, time
 * since onset, and three bedside findings from the territory that brought the patient in. Then
 * one test at a time is chosen and answered by the patient, until the true lesion's decision (its
 * level, side and the segment that changes management: src/plan/decision.ts) holds at least 90% of
 * localize's probability (`--target lesion`: the exact lesion), or 25 tests have been done.
 *
 * Two strategies on the same patients (the same seed gives the same answers to the same test):
 * - planner: the first suggestion of `plan(case)`;
 * - fixed screen: sural and peroneal conduction studies, then the usual lumbosacral needle screen
 *   (six limb muscles and the lower lumbar paraspinals, after Dillingham et al. 2000), then more
 *   muscles and studies in a fixed order, on the symptomatic side.
 *
 * The planner stops when it says the case is settled or no test left is expected to gain 0.02 bit
 * (--stop 0 never stops early); the fixed screen runs its list. Either way the count is the tests
 * spent. The planner chooses among the tests the simulated patient can answer (limb tests and the
 * imaging the engine reads).
 *
 * Options: --seeds N (patients per lesion, default 2), --max N (tests per patient, default 25),
 * --noise X (extra chance a result is flipped, default 0), --json.
 */
import { getAtlas } from "../src/atlas/index.js";
import type { Finding, LocusCase } from "../src/case/schema.js";
import { lesionKey, toLesions } from "../src/localize/format.js";
import { localize, localizeWithCandidates } from "../src/localize/index.js";
import { focalUnits, type Unit } from "../src/localize/model.js";
import { decisionOf } from "../src/plan/decision.js";
import { MIN_GAIN, plan } from "../src/plan/plan.js";
import { type Rng, SimulatedPatient, seededRng } from "../src/plan/simulate.js";
import { allTests, burdenOf, type TestRef, testKey, testsNotDone } from "../src/plan/tests.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(v) ? v : fallback;
};
const SEEDS = option("seeds", 2);
const MAX_TESTS = option("max", 25);
const NOISE = option("noise", 0);
const EXPONENT = args.includes("--exponent") ? option("exponent", 0.5) : undefined;
const TARGET = 0.9;
/** --target lesion: the exact lesion must reach 90%; by default its decision (level, side, segment: decision.ts). */
const BY_DECISION = !(args.includes("--target") && args[args.indexOf("--target") + 1] === "lesion");
const STOP = option("stop", MIN_GAIN);
const JSON_OUT = args.includes("--json");

const atlas = getAtlas();

type Side = "left" | "right";

/** The fixed lumbosacral screen, in order, on the symptomatic side. */
const FIXED: [TestRef["kind"], string][] = [
  ["ncs", "sural_sensory"],
  ["ncs", "peroneal_motor_edb"],
  ["emg", "tibialis_anterior"],
  ["emg", "peroneus_longus"],
  ["emg", "gastrocnemius_medial_head"],
  ["emg", "vastus_medialis"],
  ["emg", "gluteus_medius"],
  ["emg", "biceps_femoris_short_head"],
  ["emg", "tibialis_posterior"],
  ["emg", "paraspinal_L4"],
  ["emg", "paraspinal_L5"],
  ["emg", "paraspinal_S1"],
  ["ncs", "tibial_motor_ah"],
  ["ncs", "superficial_peroneal_sensory"],
  ["emg", "iliopsoas"],
  ["emg", "adductor_longus"],
  ["emg", "gluteus_maximus"],
  ["emg", "extensor_hallucis_longus"],
  ["emg", "rectus_femoris"],
  ["emg", "abductor_hallucis"],
  ["emg", "semitendinosus"],
  ["emg", "paraspinal_L3"],
  ["emg", "paraspinal_L2"],
  ["ncs", "saphenous_sensory"],
  ["ncs", "tibial_h_reflex"],
];

interface Start {
  unit: Unit;
  /** One patient for both strategies: the same test gets the same answer. */
  patient: SimulatedPatient;
  seed: number;
  age: number;
  durationDays: number;
  presenting: Finding[];
  /** Whether every test on the symptomatic side, answered by this patient, localizes the lesion (>= 90%). */
  identifiable: boolean;
}

interface Run {
  tests: number;
  reached: boolean;
  /** The first hypothesis to reach 90% was the true one (undefined: none reached 90%). */
  firstConfidentRight: boolean | undefined;
  finalTop1: boolean;
  burden: number;
}

function patientFor(unit: Unit, rng: Rng, age: number, durationDays: number): SimulatedPatient {
  return new SimulatedPatient(atlas, unit, {
    rng,
    noise: NOISE,
    patient: { age },
    context: { durationDays },
  });
}

/** Three bedside findings from the territory that brought the patient in. */
function presenting(unit: Unit, rng: Rng, patient: SimulatedPatient): Finding[] {
  const pool: TestRef[] = [];
  for (const m of atlas.data.movements) pool.push({ kind: "strength", id: m.id, side: unit.side });
  for (const r of atlas.data.reflexes) pool.push({ kind: "reflex", id: r.id, side: unit.side });
  for (const g of atlas.data.regions) pool.push({ kind: "sensory", id: g.id, side: unit.side });
  const weights = pool.map((t) => 1 - (patient.probabilities(t)[0] ?? 1) + 0.01);
  const out: Finding[] = [];
  for (let k = 0; k < 3; k++) {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = rng() * total;
    let i = 0;
    for (; i < weights.length - 1; i++) {
      x -= weights[i] as number;
      if (x < 0) break;
    }
    const f = patient.answer(pool[i] as TestRef);
    if (f) out.push(f);
    weights[i] = 0;
  }
  return out;
}

function truthKey(unit: Unit): string {
  return BY_DECISION ? decisionOf([unit], "none") : lesionKey(toLesions([unit], "none", []));
}

/** The probability of each decision (decision.ts): localize's candidates, grouped as the planner groups them. */
function decisionProbabilities(c: LocusCase): Map<string, number> {
  const { prepared, scored } = localizeWithCandidates(c, {}, atlas).candidates;
  const top = scored[0]?.score ?? 0;
  const out = new Map<string, number>();
  let total = 0;
  for (const s of scored) {
    const x = Math.exp(s.score - top);
    total += x;
    const key = decisionOf(
      s.units.map((u) => prepared.units[u] as Unit),
      s.diffuse,
    );
    out.set(key, (out.get(key) ?? 0) + x);
  }
  for (const [k, v] of out) out.set(k, v / (total || 1));
  return out;
}

function probabilityOf(c: LocusCase, key: string): { truth: number; top: number; topKey: string } {
  if (BY_DECISION) {
    const d = decisionProbabilities(c);
    let topKey = "";
    let top = 0;
    for (const [k, v] of d)
      if (v > top) {
        top = v;
        topKey = k;
      }
    return { truth: d.get(key) ?? 0, top, topKey };
  }
  const loc = localize(c, { limit: 10 });
  const h = loc.hypotheses.find((x) => lesionKey(x.lesions) === key);
  const first = loc.hypotheses[0];
  return {
    truth: h?.probability ?? 0,
    top: first?.probability ?? 0,
    topKey: first ? lesionKey(first.lesions) : "",
  };
}

function run(s: Start, choose: (c: LocusCase, done: Set<string>, side: Side) => TestRef | undefined): Run {
  const patient = s.patient;
  const key = truthKey(s.unit);
  const c: LocusCase = {
    format: "locus-case/1",
    id: `bench-${s.unit.key}-${s.seed}`,
    patient: { age: s.age },
    context: { durationDays: s.durationDays, symptoms: ["weakness", "numbness"] },
    findings: [...s.presenting],
  };
  const done = new Set<string>();
  let firstConfidentRight: boolean | undefined;
  let burden = 0;
  for (let n = 0; ; n++) {
    const p = probabilityOf(c, key);
    if (firstConfidentRight === undefined && p.top >= TARGET) firstConfidentRight = p.topKey === key;
    if (p.truth >= TARGET || n >= MAX_TESTS) {
      return {
        tests: n,
        reached: p.truth >= TARGET,
        firstConfidentRight,
        finalTop1: p.topKey === key,
        burden,
      };
    }
    const t = choose(c, done, s.unit.side);
    if (!t) return { tests: n, reached: false, firstConfidentRight, finalTop1: p.topKey === key, burden };
    done.add(testKey(t));
    burden += burdenOf(atlas, t).value;
    const f = patient.answer(t);
    if (f) c.findings.push(f);
  }
}

/**
 * The planner stops, as an electromyographer does, when no test left is expected to tell the
 * hypotheses apart (its best expected gain is below STOP bits); the count is then the tests spent.
 */
const planner = (c: LocusCase, done: Set<string>): TestRef | undefined => {
  // The simulated patient answers limb tests and the imaging the engine reads, not laboratory tests.
  const p = plan(
    c,
    {
      limit: 3,
      tests: testsNotDone(atlas, c),
      ...(EXPONENT !== undefined ? { burdenExponent: EXPONENT } : {}),
    },
    atlas,
  );
  if (p.settled && STOP > 0) return undefined;
  const next = p.suggestions.find((s) => !done.has(testKey(s.test)));
  return next && next.gain >= STOP ? next.test : undefined;
};

const fixed = (_c: LocusCase, done: Set<string>, side: Side): TestRef | undefined => {
  for (const [kind, id] of FIXED) {
    const t: TestRef = { kind, id, side };
    if (!done.has(testKey(t))) return t;
  }
  return undefined;
};

function starts(): Start[] {
  const out: Start[] = [];
  const single = focalUnits(atlas).filter((u) => u.parts.length === 1);
  for (const unit of single) {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rng = seededRng(seed * 104729 + out.length);
      const age = 25 + Math.floor(rng() * 50);
      const durationDays = [30, 60, 120][Math.floor(rng() * 3)] as number;
      const patient = patientFor(unit, rng, age, durationDays);
      const first = presenting(unit, rng, patient);
      // The patient answers every test on the symptomatic side now: both strategies read these answers.
      const everything = allTests(atlas)
        .filter((t) => t.side === unit.side)
        .map((t) => patient.answer(t))
        .filter((f): f is Finding => f !== undefined);
      const full: LocusCase = {
        format: "locus-case/1",
        id: "full",
        patient: { age },
        context: { durationDays },
        findings: [...first, ...everything],
      };
      const identifiable = probabilityOf(full, truthKey(unit)).truth >= TARGET;
      out.push({ unit, patient, seed, age, durationDays, presenting: first, identifiable });
    }
  }
  return out;
}

interface Summary {
  strategy: string;
  patients: number;
  meanTests: number;
  medianTests: number;
  reached: number;
  firstConfidentRight: number;
  firstConfidentWrong: number;
  finalTop1: number;
  meanBurden: number;
}

function summarise(strategy: string, runs: Run[]): Summary {
  const n = runs.length;
  const tests = runs.map((r) => r.tests).sort((a, b) => a - b);
  return {
    strategy,
    patients: n,
    meanTests: tests.reduce((a, b) => a + b, 0) / n,
    medianTests: tests[Math.floor(n / 2)] ?? 0,
    reached: runs.filter((r) => r.reached).length / n,
    firstConfidentRight: runs.filter((r) => r.firstConfidentRight === true).length / n,
    firstConfidentWrong: runs.filter((r) => r.firstConfidentRight === false).length / n,
    finalTop1: runs.filter((r) => r.finalTop1).length / n,
    meanBurden: runs.reduce((a, r) => a + r.burden, 0) / n,
  };
}

const all = starts();
const t0 = performance.now();
const plannerRuns = all.map((s) => run(s, planner));
const t1 = performance.now();
const fixedRuns = all.map((s) => run(s, fixed));
const t2 = performance.now();
const subset = (runs: Run[], only: boolean) => runs.filter((_, i) => !only || all[i]?.identifiable);
const rows = [
  summarise("planner", subset(plannerRuns, true)),
  summarise("fixed screen", subset(fixedRuns, true)),
];
const rowsAll = [summarise("planner", plannerRuns), summarise("fixed screen", fixedRuns)];
const saving = 1 - (rows[0]?.meanTests ?? 0) / (rows[1]?.meanTests ?? 1);
const savingAll = 1 - (rowsAll[0]?.meanTests ?? 0) / (rowsAll[1]?.meanTests ?? 1);

if (JSON_OUT) {
  console.log(
    JSON.stringify(
      {
        patients: all.length,
        identifiable: all.filter((s) => s.identifiable).length,
        seeds: SEEDS,
        maxTests: MAX_TESTS,
        noise: NOISE,
        target: TARGET,
        identifiableRows: rows,
        saving,
        allRows: rowsAll,
        savingAll,
      },
      null,
      2,
    ),
  );
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `Sequential test selection: ${all.length} simulated patients (${all.length / SEEDS} lesion sites and sides x ${SEEDS}), ` +
      `stop when the true ${BY_DECISION ? "decision (level, side, segment)" : "lesion"} holds >= ${TARGET * 100}% or after ${MAX_TESTS} tests (the planner also when settled or no test is expected to gain ${STOP} bit); noise ${NOISE}`,
  );
  const print = (title: string, rs: Summary[]) => {
    console.log(`\n${title}`);
    const header = ["", "planner", "fixed screen"];
    const line = (label: string, f: (s: Summary) => string) => [label, ...rs.map(f)];
    const table = [
      header,
      line("mean tests", (s) => s.meanTests.toFixed(2)),
      line("median tests", (s) => String(s.medianTests)),
      line("true lesion reached 90%", (s) => pct(s.reached)),
      line("first 90% answer right", (s) => pct(s.firstConfidentRight)),
      line("first 90% answer wrong", (s) => pct(s.firstConfidentWrong)),
      line("final top-1 right", (s) => pct(s.finalTop1)),
      line("mean burden", (s) => s.meanBurden.toFixed(1)),
    ];
    const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length)));
    for (const r of table)
      console.log(
        r.map((x, i) => (i === 0 ? x.padEnd(widths[i] ?? 0) : x.padStart(widths[i] ?? 0))).join("   "),
      );
  };
  print(
    `Lesions the full test set can localize (${rows[0]?.patients} patients): planner ${pct(saving)} fewer tests`,
    rows,
  );
  print(
    `All patients (${rowsAll[0]?.patients}), including lesions no test set localizes: planner ${pct(savingAll)} fewer tests`,
    rowsAll,
  );
  console.log(
    `planner uses ${pct(saving)} fewer tests than the fixed screen (target >= 33.3%); ` +
      `time ${((t1 - t0) / 1000).toFixed(1)} s planner, ${((t2 - t1) / 1000).toFixed(1)} s fixed`,
  );
}
const words = (f: Finding) =>
  f.kind === "strength"
    ? `${f.target}=${f.mrc}`
    : f.kind === "reflex"
      ? `${f.reflex}=${f.grade}`
      : f.kind === "sensory"
        ? `${f.region}=${f.change}`
        : f.kind;
if (args.includes("--verbose"))
  all.forEach((s, i) => {
    console.log(
      s.unit.key.padEnd(36),
      s.presenting.map(words).join(" "),
      plannerRuns[i]?.tests,
      fixedRuns[i]?.tests,
    );
  });
