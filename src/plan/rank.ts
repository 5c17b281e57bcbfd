/**
 * Every test weighed for a case: the limb tests as columns of the table, and the imaging and
 * laboratory tests (data/orders.ts) the case is eligible for, with their cost (burden, days to the
 * result, where they are done) and whether a red flag asks for them now.
 */
import type { Atlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { keep, keepBounded } from "../keep.js";
import { type LimbValues, weighLimbs } from "./columns.js";
import { type ConditionView, conditionGain, eligibleOrders } from "./conditions.js";
import { availabilityCost, type Order, workupsOf } from "./data/orders.js";
import { entropyBits, type Gain } from "./gain.js";
import { imagingChances, imagingGain, levelGain } from "./kernels.js";
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
  /** The model's results under each candidate, for an imaging test the engine reads. */
  chances?: number[][];
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

/** Every test weighed: the limb tests as table columns, the orders as objects. */
export interface Weighing {
  /** Orders, and the limb tests worth describing, best first. */
  ranked: Ranked[];
  /** Each limb test's ranking key, by table column. */
  limbValue: LimbValues;
  /** The limb test likeliest to change the leading answer, and that chance. */
  limbChange: { column: number; chance: number };
  considered: number;
}

/** A limb test tells nothing about the conditions (one object for every limb test ranked). */
const NOTHING_ON_CONDITIONS: Ranked["cond"] = Object.freeze({ bits: 0, change: 0, mustNotMiss: 0 });

/** Whether each limb test, by table column, may be weighed: not done, and among `only` when given. */
function openColumns(table: Table, closed: Set<string>, only: Set<string> | undefined): Uint8Array {
  const open = new Uint8Array(table.keys.length);
  if (only) {
    for (const key of only) {
      const t = table.index.get(key);
      if (t !== undefined) open[t] = 1;
    }
  } else open.fill(1);
  for (const key of closed) {
    const t = table.index.get(key);
    if (t !== undefined) open[t] = 0;
  }
  return open;
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
  const open = openColumns(table, closed, only);
  const limbs = weighLimbs(w, table, rates, open, exponent, h0, stake);
  const columns = limbs.best;
  const ranked: Ranked[] = columns.map((t) => {
    const bits = limbs.bits[t] as number;
    return {
      test: table.tests[t] as TestRef,
      table: t,
      loc: { bits, change: limbs.change[t] as number },
      cond: NOTHING_ON_CONDITIONS,
      cost: table.burden[t] as number,
      value: limbs.value.at(t),
      urgent: false,
    };
  });
  const bench = benchFor(atlas, c);
  const read = new Map<TestModel, number[][]>();
  for (const { test, order } of orderTests(c, w, v)) {
    if (only && !only.has(testKey(test))) continue;
    const model =
      engineReads(order) && test.side !== "bilateral" ? bench.model({ ...test, contrast: false }) : undefined;
    // The plexus read with and without gadolinium is one model: its results are worked out once.
    const chances = model ? keep(read, model, () => imagingChances(w, model)) : undefined;
    const loc = model
      ? imagingGain(w, chances ?? [], model.outcomes.length, h0, stake)
      : order.levels
        ? levelGain(w, order, h0, stake)
        : { bits: 0, change: 0 };
    const cond = conditionGain(order, v);
    const cost =
      burdenOf(atlas, test).value * (1 + DELAY_COST * order.days) * availabilityCost[order.availability];
    const urgent = workupsOf(order).some((id) => v.emergency.has(id));
    const value = (loc.bits + cond.bits + cond.mustNotMiss) / cost ** exponent;
    ranked.push({ test, order, ...(model ? { model, chances } : {}), loc, cond, cost, value, urgent });
  }
  ranked.sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.value - a.value);
  return {
    ranked,
    limbValue: limbs.value,
    limbChange: limbs.likeliest,
    considered: limbs.considered + ranked.length - columns.length,
  };
}
