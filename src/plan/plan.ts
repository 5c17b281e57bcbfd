/**
 * The next test: rank the tests not yet done by what they are expected to tell about the
 * decisions that change management (where the lesion is, at the level, side and segment that
 * matter: decision.ts), and, for imaging and laboratory tests, about the differential's conditions
 * with its must-not-miss ones counted again (conditions.ts); per unit of burden and delay.
 *
 * Limb tests are read off a table worked out once per atlas (table.ts) and weighted by how often
 * two examiners agree on them (data/reliability.ts); imaging the engine reads is predicted by the
 * engine's own context items (predict.ts). The hypotheses are localize's candidates.
 */
import { type Atlas, getAtlas } from "../atlas/index.js";
import type { Lesion, LocusCase } from "../case/schema.js";
import { differential } from "../differential/index.js";
import type { Differential } from "../differential/types.js";
import { type Candidates, localizeWithCandidates } from "../localize/index.js";
import { type ConditionView, conditionGain, conditionView, eligibleOrders } from "./conditions.js";
import { burdenExponent } from "./data/burden.js";
import { availabilityCost, type Order, workupsOf } from "./data/orders.js";
import { binaryGain, entropyBits, type Gain, multiGain, stakeGain } from "./gain.js";
import { TestBench, type TestModel } from "./predict.js";
import { buildProtocol, type Protocol } from "./protocol.js";
import { stakeOf } from "./stake.js";
import { describeSuggestion, type Prediction } from "./suggest.js";
import { type Rates, ratesFor, type Table, tableFor } from "./table.js";
import { burdenOf, closedKeys, IMAGING_TESTS, type TestRef, testKey, testName } from "./tests.js";
import { leadingSide, type Weighed, weigh } from "./weigh.js";

export type { Prediction } from "./suggest.js";

export interface PlanOptions {
  /** How many suggestions to return (default 5). */
  limit?: number;
  /** How many of localize's best candidates the planner weighs (default 40). */
  candidates?: number;
  /** Ranking key gain / cost^exponent (default: data/burden.ts). */
  burdenExponent?: number;
  /** Restrict the tests considered (default: every test not yet done in the case). */
  tests?: TestRef[];
  /** The candidates localize weighed for this case (localizeWithCandidates): not searched again. */
  from?: Candidates;
  /** The case's differential, when the caller has it (otherwise worked out here). */
  differential?: Differential;
}

export interface Suggestion {
  test: TestRef;
  /** Readable test name, e.g. "left tibialis posterior (needle EMG)". */
  name: string;
  /** Expected information, in bits: where the lesion is plus, for imaging and laboratory tests, what it is. */
  gain: number;
  /** The gain's parts: over the localization decisions, over the conditions (must-not-miss counted again). */
  decides: { localization: number; conditions: number };
  /** Chance the result changes the leading localization decision or the leading condition. */
  changes: number;
  /** Relative burden (grading a movement = 1); see src/plan/data/burden.ts and data/orders.ts. */
  burden: number;
  /** Days until the result is in hand (imaging and laboratory tests). */
  days?: number;
  /** How far two examiners agree on the result (Cohen's kappa), for limb tests. */
  agreement?: number;
  /** The differential's work-up item this test is, when it is one. */
  workup?: string;
  /** A red flag asks for this test now: it is listed first whatever its gain. */
  urgent?: boolean;
  /** gain / cost^exponent: the ranking key. */
  value: number;
  /** Why this test, in words. */
  why: string;
  predictions: Prediction[];
}

export interface PlanHypothesis {
  hypothesis: string;
  lesions: Lesion[];
  probability: number;
}

export interface Plan {
  atlasVersion: string;
  /** Uncertainty over the localization decisions now, in bits. */
  entropy: number;
  hypotheses: PlanHypothesis[];
  /** The decisions that change management, with their probability. */
  decisions?: { decision: string; probability: number }[];
  suggestions: Suggestion[];
  /** How many tests were weighed. */
  considered: number;
  /** Present when no test left is likely to change the answer: why. */
  settled?: { why: string };
  /** What the EMG laboratory would do next, in order. */
  protocol?: Protocol;
}

const DEFAULT_LIMIT = 5;
const DEFAULT_CANDIDATES = 40;
/** A test expected to tell less than this (bits) is not proposed: it would change nothing. */
export const MIN_GAIN = 0.02;
/** The leading localization must hold at least this much for the case to be settled. */
export const SETTLED_LEAD = 0.8;
/** A test that changes the leading answer less often than this does not unsettle the case. */
export const SETTLED_CHANCE = 0.1;
/**
 * Each day of waiting for a result adds DELAY_COST of its burden to its cost.
 */
const DELAY_COST = 0.05;

const benches = new WeakMap<Atlas, Map<string, TestBench>>();

function benchFor(atlas: Atlas, c: LocusCase): TestBench {
  let m = benches.get(atlas);
  if (!m) {
    m = new Map();
    benches.set(atlas, m);
  }
  const key = JSON.stringify([c.patient ?? null, c.context ?? null]);
  let b = m.get(key);
  if (!b) {
    if (m.size > 64) m.clear();
    b = new TestBench(atlas, c);
    m.set(key, b);
  }
  return b;
}

/** Scratch for the limb-test loop, grown as needed and reused. */
const scratch = {
  pa: new Float64Array(64),
  abn: new Float64Array(64),
  nor: new Float64Array(64),
  rows: [] as Float64Array[],
};
scratch.rows = [scratch.abn, scratch.nor];

function grow(n: number) {
  if (scratch.pa.length < n) {
    scratch.pa = new Float64Array(n * 2);
    scratch.abn = new Float64Array(n * 2);
    scratch.nor = new Float64Array(n * 2);
    scratch.rows = [scratch.abn, scratch.nor];
  }
}

/**
 * The gain over the decisions, with the must-not-miss question counted again: whether the lesion
 * is at a level where a listed must-not-miss condition lives, other than the leading one's
 * (stake.ts). Missing it costs more than mislabelling a level, so the question weighs twice.
 */
function decisionGain(
  joint: readonly Float64Array[],
  w: Weighed,
  h0: number,
  stake: Uint8Array | undefined,
  out?: Gain,
): Gain {
  const n = w.decisions.length;
  const g =
    joint.length === 2
      ? binaryGain(joint[0] as Float64Array, joint[1] as Float64Array, n, h0, w.lead, out)
      : multiGain([...joint], n, h0, w.lead);
  if (stake) g.bits += stakeGain(joint, n, stake);
  return g;
}

/** A limb test's gain over the decisions, from the table, the case's rates and the examiners' agreement. */
function limbGain(
  w: Weighed,
  t: number,
  rates: Rates,
  accuracy: number,
  h0: number,
  stake: Uint8Array | undefined,
): Gain {
  const n = w.pi.length;
  const nd = w.decisions.length;
  const { pa, abn, nor } = scratch;
  const fp = rates.fp[t] as number;
  const timing = rates.timing[t] as number;
  let m = 0;
  let low = 1;
  let high = 0;
  for (let i = 0; i < n; i++) {
    let spared = 1;
    const rows = w.rows[i] as Float64Array[];
    for (let r = 0; r < rows.length; r++) spared *= 1 - timing * ((rows[r] as Float64Array)[t] as number);
    const x = 1 - (1 - fp) * spared;
    pa[i] = x;
    m += (w.pi[i] as number) * x;
    if (x < low) low = x;
    if (x > high) high = x;
  }
  // Every candidate expects the same: the result tells nothing.
  if (high - low < 1e-6) return NOTHING;
  abn.fill(0, 0, nd);
  nor.fill(0, 0, nd);
  for (let i = 0; i < n; i++) {
    const x = accuracy * (pa[i] as number) + (1 - accuracy) * m;
    const g = w.decision[i] as number;
    const pi = w.pi[i] as number;
    abn[g] = (abn[g] as number) + pi * x;
    nor[g] = (nor[g] as number) + pi * (1 - x);
  }
  return decisionGain(scratch.rows, w, h0, stake, LIMB_GAIN);
}

/** The limb loop's result, rewritten for every test (read before the next). */
const LIMB_GAIN: Gain = { bits: 0, change: 0 };

const NOTHING: Readonly<Gain> = Object.freeze({ bits: 0, change: 0 });

/** An engine-read imaging test's gain over the decisions. */
function imagingGain(w: Weighed, model: TestModel, h0: number, stake: Uint8Array | undefined): Gain {
  const nd = w.decisions.length;
  const joint = model.outcomes.map(() => new Float64Array(nd));
  w.hyps.forEach((h, i) => {
    const probs = model.probabilities(h, []);
    const g = w.decision[i] as number;
    probs.forEach((x, j) => {
      const row = joint[j] as Float64Array;
      row[g] = (row[g] as number) + (w.pi[i] as number) * x;
    });
  });
  return decisionGain(joint, w, h0, stake);
}

/** An imaging or laboratory test's gain over the decisions, from its sensitivity per level. */
function levelGain(w: Weighed, o: Order, h0: number, stake: Uint8Array | undefined): Gain {
  const levels = o.levels ?? {};
  const nd = w.decisions.length;
  const { abn, nor } = scratch;
  abn.fill(0, 0, nd);
  nor.fill(0, 0, nd);
  w.candidateLevels.forEach((own, i) => {
    let spared = 1 - o.falsePositive;
    for (const level of own) spared *= 1 - (levels[level] ?? 0);
    const g = w.decision[i] as number;
    const pi = w.pi[i] as number;
    abn[g] = (abn[g] as number) + pi * (1 - spared);
    nor[g] = (nor[g] as number) + pi * spared;
  });
  return decisionGain(scratch.rows, w, h0, stake);
}

interface Ranked {
  test: TestRef;
  order?: Order;
  model?: TestModel;
  table?: number;
  loc: Gain;
  cond: Gain & { mustNotMiss: number };
  cost: number;
  value: number;
  urgent: boolean;
}

/**
 * Imaging the localization engine reads (its context items): a plain spinal MRI, a plexus MRI
 * (read the same with or without gadolinium) and nerve ultrasound.
 */
function engineReads(o: Order): boolean {
  if (o.test.kind !== "imaging" || !(IMAGING_TESTS as readonly string[]).includes(o.test.id)) return false;
  return !(o.test.id === "mri_spine" && o.contrast);
}

function orderTests(c: LocusCase, w: Weighed, v: ConditionView): { test: TestRef; order: Order }[] {
  const side = leadingSide(w);
  return eligibleOrders(c, v, engineReads).map((order) => ({
    order,
    test: {
      kind: order.test.kind,
      id: order.test.id,
      side: order.test.side === "per-side" ? side : "bilateral",
      ...(order.contrast ? { contrast: true } : {}),
    },
  }));
}

/** Every test weighed: the limb tests as table columns (value -1: done or impossible), the orders as objects. */
interface Weighing {
  /** Orders, and the limb tests worth describing, best first. */
  ranked: Ranked[];
  /** Each limb test's ranking key, by table column. */
  limbValue: Float64Array;
  /** The limb test likeliest to change the leading answer, and that chance. */
  limbChange: { column: number; chance: number };
  considered: number;
}

const limbScratch = { value: new Float64Array(0), bits: new Float64Array(0), change: new Float64Array(0) };

/** The limb tests: one table column each, no objects made per test. */
function weighLimbs(
  w: Weighed,
  table: Table,
  rates: Rates,
  closed: Set<string>,
  only: Set<string> | undefined,
  exponent: number,
  h0: number,
  stake: Uint8Array | undefined,
): Pick<Weighing, "limbValue" | "limbChange" | "considered"> & { bits: Float64Array; change: Float64Array } {
  const n = table.tests.length;
  if (limbScratch.value.length !== n) limbScratch.value = new Float64Array(n);
  if (limbScratch.bits.length !== n) limbScratch.bits = new Float64Array(n);
  if (limbScratch.change.length !== n) limbScratch.change = new Float64Array(n);
  const { value, bits, change } = limbScratch;
  const limbChange = { column: -1, chance: 0 };
  let considered = 0;
  grow(w.pi.length);
  for (let t = 0; t < n; t++) {
    const key = table.keys[t] as string;
    if (closed.has(key) || (only && !only.has(key))) {
      value[t] = -1;
      continue;
    }
    considered++;
    const g = limbGain(w, t, rates, table.accuracy[t] as number, h0, stake);
    bits[t] = g.bits;
    change[t] = g.change;
    value[t] = g.bits / (table.burden[t] as number) ** exponent;
    if (g.change > limbChange.chance) {
      limbChange.chance = g.change;
      limbChange.column = t;
    }
  }
  return { limbValue: value, limbChange, considered, bits, change };
}

/** How many limb tests are described beside the orders (the rest stay table columns). */
const DESCRIBED = 24;

/** The columns of the k best positive values, best first (insertion into a short list: no sort of all). */
function topColumns(value: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < value.length; t++) {
    const x = value[t] as number;
    if (x <= 0 || (out.length === k && x <= (value[out[k - 1] as number] as number))) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0 && (value[out[i - 1] as number] as number) < x) {
      out[i] = out[i - 1] as number;
      i--;
    }
    out[i] = t;
  }
  return out;
}

function rank(
  atlas: Atlas,
  c: LocusCase,
  w: Weighed,
  v: ConditionView,
  table: Table,
  rates: Rates,
  exponent: number,
  only: Set<string> | undefined,
): Weighing {
  const h0 = entropyBits(w.decisions.map((d) => d.p));
  const stake = stakeOf(w, v);
  const closed = closedKeys(atlas, c);
  const limbs = weighLimbs(w, table, rates, closed, only, exponent, h0, stake);
  const columns = topColumns(limbs.limbValue, DESCRIBED);
  const ranked: Ranked[] = columns.map((t) => {
    const bits = limbs.bits[t] as number;
    return {
      test: table.tests[t] as TestRef,
      table: t,
      loc: { bits, change: limbs.change[t] as number },
      cond: { bits: 0, change: 0, mustNotMiss: 0 },
      cost: table.burden[t] as number,
      value: limbs.limbValue[t] as number,
      urgent: false,
    };
  });
  const bench = benchFor(atlas, c);
  for (const { test, order } of orderTests(c, w, v)) {
    if (only && !only.has(testKey(test))) continue;
    const model =
      engineReads(order) && test.side !== "bilateral" ? bench.model({ ...test, contrast: false }) : undefined;
    const loc = model
      ? imagingGain(w, model, h0, stake)
      : order.levels
        ? levelGain(w, order, h0, stake)
        : { bits: 0, change: 0 };
    const cond = conditionGain(order, v);
    const cost =
      burdenOf(atlas, test).value * (1 + DELAY_COST * order.days) * availabilityCost[order.availability];
    const urgent = workupsOf(order).some((id) => v.emergency.has(id));
    const value = (loc.bits + cond.bits + cond.mustNotMiss) / cost ** exponent;
    ranked.push({ test, order, ...(model ? { model } : {}), loc, cond, cost, value, urgent });
  }
  ranked.sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.value - a.value);
  return {
    ranked,
    limbValue: limbs.limbValue,
    limbChange: limbs.limbChange,
    considered: limbs.considered + ranked.length - columns.length,
  };
}

function settledWhy(
  w: Weighed,
  v: ConditionView,
  weighing: Weighing,
  table: Table,
  atlas: Atlas,
): { why: string } | undefined {
  let best: TestRef | undefined =
    weighing.limbChange.column >= 0 ? table.tests[weighing.limbChange.column] : undefined;
  let chance = weighing.limbChange.chance;
  for (const r of weighing.ranked) {
    if (r.urgent) return undefined;
    const x = Math.max(r.loc.change, r.cond.change);
    if (x > chance) {
      chance = x;
      best = r.test;
    }
  }
  const lead = w.decisions[w.lead];
  if (chance >= SETTLED_CHANCE || (lead?.p ?? 0) < SETTLED_LEAD) return undefined;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const k = v.lead;
  const cond =
    v.names[k] && (v.q[k] ?? 0) > 0
      ? `, the leading condition ${v.names[k]} (${pct(v.reported[k] ?? 0)})`
      : "";
  const next = best
    ? `; the likeliest to, ${testName(atlas, best)}, would with a chance of ${pct(chance)}`
    : "";
  return {
    why: `No test left is likely to change the answer: the leading localization ${lead?.name ?? "none"} (${pct(lead?.reported ?? 0)})${cond} would change with a chance under ${pct(SETTLED_CHANCE)} whatever test comes next${next}.`,
  };
}

/** One suggestion per test: the same study on the other side is the protocol's question, not a second suggestion. */
function firstOfEach(ranked: Ranked[]): Ranked[] {
  const seen = new Set<string>();
  return ranked.filter((r) => {
    const key = `${r.test.kind}:${r.test.id}:${r.test.contrast ?? false}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Rank the tests not yet done in a case by expected information on the decisions, per unit of cost. */
export function plan(c: LocusCase, options: PlanOptions = {}, atlas: Atlas = getAtlas()): Plan {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const exponent = options.burdenExponent ?? burdenExponent.value;
  let from = options.from;
  let dx = options.differential;
  if (!from || !dx) {
    const run = localizeWithCandidates(c, {}, atlas);
    from ??= run.candidates;
    dx ??= differential(c, run.localization);
  }
  const table = tableFor(atlas);
  const w = weigh(atlas, table, from, options.candidates ?? DEFAULT_CANDIDATES);
  const v = conditionView(dx, w.levels);
  const only = options.tests ? new Set(options.tests.map(testKey)) : undefined;
  const rates = ratesFor(atlas, table, c);
  const weighing = rank(atlas, c, w, v, table, rates, exponent, only);
  const useful = firstOfEach(
    weighing.ranked.filter((r) => r.urgent || r.loc.bits + r.cond.bits + r.cond.mustNotMiss >= MIN_GAIN),
  );
  const settled = settledWhy(w, v, weighing, table, atlas);
  return {
    atlasVersion: atlas.version,
    entropy: Math.round(entropyBits(w.decisions.map((d) => d.p)) * 1000) / 1000,
    hypotheses: [...w.groups]
      .sort((a, b) => b.reported - a.reported)
      .slice(0, 10)
      .map((g) => ({
        hypothesis: g.name,
        lesions: g.lesions,
        probability: Math.round(g.reported * 10000) / 10000,
      })),
    decisions: [...w.decisions]
      .sort((a, b) => b.reported - a.reported)
      .slice(0, 6)
      .map((d) => ({ decision: d.key, probability: Math.round(d.reported * 10000) / 10000 })),
    suggestions: useful.slice(0, limit).map((r) => describeSuggestion(atlas, w, v, r, rates)),
    considered: weighing.considered,
    ...(settled ? { settled } : {}),
    protocol: buildProtocol(atlas, c, w, { table, value: weighing.limbValue }, settled !== undefined),
  };
}

export type { Ranked };
