/**
 * Every test weighed for a case: the limb tests as columns of the table, and the imaging and
 * laboratory tests (data/orders.ts) the case is eligible for, with their cost (burden, days to the
 * result, where they are done) and whether a red flag asks for them now.
 */
import type { Atlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { keep, keepBounded } from "../keep.js";
import { type ConditionView, conditionGain, eligibleOrders } from "./conditions.js";
import { availabilityCost, type Order, workupsOf } from "./data/orders.js";
import { entropyBits, type Gain } from "./gain.js";
import { grow, imagingGain, levelGain, limbGain, sparedByTest } from "./kernels.js";
import { TestBench, type TestModel } from "./predict.js";
import { stakeOf } from "./stake.js";
import type { Rates, Table } from "./table.js";
import { burdenOf, closedKeys, IMAGING_TESTS, type TestRef, testKey } from "./tests.js";
import { leadingSide, type Weighed } from "./weigh.js";

/**
 * Each day of waiting for a result adds DELAY_COST of its burden to its cost.
 */
const DELAY_COST = 0.05;

const benches = new WeakMap<Atlas, Map<string, TestBench>>();

function benchFor(atlas: Atlas, c: LocusCase): TestBench {
  const m = keep(benches, atlas, () => new Map<string, TestBench>());
  const key = JSON.stringify([c.patient ?? null, c.context ?? null]);
  // Started again once it holds 65 benches (as before: cleared when over 64).
  return keepBounded(m, key, () => new TestBench(atlas, c), 65);
}

export interface Ranked {
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
export interface Weighing {
  /** Orders, and the limb tests worth describing, best first. */
  ranked: Ranked[];
  /** Each limb test's ranking key, by table column. */
  limbValue: Float64Array;
  /** The limb test likeliest to change the leading answer, and that chance. */
  limbChange: { column: number; chance: number };
  considered: number;
}

const limbScratch = { value: new Float64Array(0), bits: new Float64Array(0), change: new Float64Array(0) };

/**
 * The sides some candidate's lesions reach (a diffuse process reaches both). A lesion's table row
 * is zero on the other side's tests (checked in table.test.ts), so those tests tell nothing.
 */
function sidesReached(w: Weighed): Set<TestRef["side"]> {
  const out = new Set<TestRef["side"]>();
  for (const h of w.hyps) {
    if (h.diffuse !== "none") return new Set(["left", "right"]);
    for (const u of h.units) out.add(u.side);
  }
  return out;
}

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
  const anyReach = sparedByTest(w, rates, n);
  const sides = sidesReached(w);
  for (let t = 0; t < n; t++) {
    const key = table.keys[t] as string;
    if (closed.has(key) || (only && !only.has(key))) {
      value[t] = -1;
      continue;
    }
    considered++;
    if (!anyReach[t] || !sides.has((table.tests[t] as TestRef).side)) {
      // No candidate reaches this test or its side: every one expects the same result there.
      value[t] = 0;
      bits[t] = 0;
      change[t] = 0;
      continue;
    }
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

export function rank(
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
