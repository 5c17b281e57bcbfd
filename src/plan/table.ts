/**
 * The planner's table: for every limb test Locus knows and every lesion the engine weighs, the
 * chance the lesion alone makes the test abnormal, worked out once per atlas through the engine's
 * own fibre model and likelihood (predict.ts) at the lesion's prior severity. A case then only
 * supplies each test's rate without a lesion (age) and the needle's yield (time since onset), and
 * a candidate's chance of an abnormal result is 1 - (1 - fp) * prod(1 - timing * q) over its
 * lesions: table arithmetic, no model evaluation per case.
 */
import type { Atlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { keep, keepBounded } from "../keep.js";
import { DIFFUSE_KINDS, type DiffuseKind, focalUnits, type Unit } from "../localize/model.js";
import { type Observation, observe } from "../localize/observe.js";
import { agreementOf } from "./data/reliability.js";
import { causesFor, damageTable, type Hyp, pAbnormal, priorStates } from "./predict.js";
import { allTests, burdenOf, normalFinding, type TestRef, testKey } from "./tests.js";

export interface Table {
  /** The limb tests (every test of allTests but imaging), in a fixed order. */
  tests: TestRef[];
  keys: string[];
  index: Map<string, number>;
  /** Per test: the chance a reading is the truth rather than chance (sqrt of kappa), and its burden. */
  accuracy: Float64Array;
  burden: Float64Array;
  /** Each test's observation in its normal form, read at a reference age and time since onset. */
  observations: Observation[];
  /** Lesion-only chance of an abnormal result, by unit key, one entry per test. */
  units: Map<string, Float64Array>;
  diffuse: Map<DiffuseKind, Float64Array>;
}

/** A case's side of the table: each test's rate without a lesion and the needle's yield. */
export interface Rates {
  fp: Float64Array;
  timing: Float64Array;
}

const tables = new WeakMap<Atlas, Table>();

/** The reference case the table is read at (its rates are replaced per case). */
const REFERENCE: Pick<LocusCase, "patient" | "context"> = {
  patient: { age: 50 },
  context: { durationDays: 60 },
};

function caseOf(tests: readonly TestRef[], c: Pick<LocusCase, "patient" | "context">): LocusCase {
  return {
    format: "locus-case/1",
    id: "plan-table",
    ...(c.patient ? { patient: c.patient } : {}),
    ...(c.context ? { context: c.context } : {}),
    findings: tests.map(normalFinding),
  };
}

/** Each test's observation (by test index) when every test is recorded normal. */
function observationsOf(atlas: Atlas, tests: readonly TestRef[], c: Pick<LocusCase, "patient" | "context">) {
  const out: (Observation | undefined)[] = new Array(tests.length).fill(undefined);
  for (const o of observe(atlas, caseOf(tests, c)).observations) {
    const t = tests[o.finding];
    if (t && o.side === t.side && out[o.finding] === undefined) out[o.finding] = o;
  }
  return out;
}

/** The lesion-only chance (no false positives, full needle yield) for one hypothesis. */
function lesionOnly(
  atlas: Atlas,
  h: Hyp,
  tests: readonly TestRef[],
  obs: readonly Observation[],
): Float64Array {
  const states = priorStates(atlas, h);
  const out = new Float64Array(tests.length);
  for (let t = 0; t < tests.length; t++) {
    const o = obs[t] as Observation;
    const bare: Observation = { ...o, fp: 0, timing: 1 };
    delete bare.ageing;
    delete bare.subjective;
    const causes = causesFor(atlas, h, bare, damageTable(atlas, testKey(tests[t] as TestRef)));
    out[t] = causes.length === 0 ? 0 : pAbnormal(bare, causes, states);
  }
  return out;
}

export function tableFor(atlas: Atlas): Table {
  const known = tables.get(atlas);
  if (known) return known;
  const candidates = allTests(atlas).filter((t) => t.kind !== "imaging");
  const read = observationsOf(atlas, candidates, REFERENCE);
  const tests = candidates.filter((_, i) => read[i] !== undefined);
  const observations = read.filter((o): o is Observation => o !== undefined);
  const units = new Map<string, Float64Array>();
  for (const u of focalUnits(atlas))
    units.set(u.key, lesionOnly(atlas, { units: [u], diffuse: "none" }, tests, observations));
  const diffuse = new Map<DiffuseKind, Float64Array>();
  for (const d of DIFFUSE_KINDS)
    if (d !== "none") diffuse.set(d, lesionOnly(atlas, { units: [], diffuse: d }, tests, observations));
  const keys = tests.map(testKey);
  const table: Table = {
    tests,
    keys,
    index: new Map(keys.map((k, i) => [k, i])),
    accuracy: Float64Array.from(tests, (t) => Math.sqrt(agreementOf(t.kind, t.id)?.kappa ?? 1)),
    burden: Float64Array.from(tests, (t) => burdenOf(atlas, t).value),
    observations,
    units,
    diffuse,
  };
  tables.set(atlas, table);
  return table;
}

const rowByUnit = new WeakMap<Unit, Float64Array>();

/** A lesion's row, worked out on first use for lesions outside the atlas's list (muscle lesions). */
export function rowOf(atlas: Atlas, table: Table, u: Unit): Float64Array {
  const known = rowByUnit.get(u);
  if (known) return known;
  let row = table.units.get(u.key);
  if (!row) {
    row = lesionOnly(atlas, { units: [u], diffuse: "none" }, table.tests, table.observations);
    if (table.units.size < 4096) table.units.set(u.key, row);
  }
  rowByUnit.set(u, row);
  return row;
}

const rateCache = new WeakMap<Table, Map<string, Rates>>();

/** Each test's rate without a lesion and needle yield for this patient (kept by age, sex and timing). */
export function ratesFor(atlas: Atlas, table: Table, c: Pick<LocusCase, "patient" | "context">): Rates {
  const m = keep(rateCache, table, () => new Map<string, Rates>());
  const key = JSON.stringify([c.patient ?? null, c.context?.durationDays ?? null, c.context?.onset ?? null]);
  return keepBounded(
    m,
    key,
    () => {
      const obs = observationsOf(atlas, table.tests, c);
      const fp = new Float64Array(table.tests.length);
      const timing = new Float64Array(table.tests.length);
      obs.forEach((o, t) => {
        fp[t] = o?.fp ?? 0;
        timing[t] = o?.timing ?? 1;
      });
      return { fp, timing };
    },
    256,
  );
}
