/**
 * What an imaging or laboratory test is worth to the differential: the expected information over
 * the conditions it ranks (a test finds each condition with its sensitivity, and is abnormal for
 * another reason at its false-positive rate), plus, for each must-not-miss condition it finds,
 * the information on whether that condition is present: missing one costs more than mislabelling
 * a benign cause, so its question is counted again on its own.
 */

import type { Level, LocusCase } from "../case/schema.js";
import { alreadyDone, WORKUP_FLOOR } from "../differential/differential.js";
import { conditions as catalogue, workupById } from "../differential/index.js";
import type { Differential } from "../differential/types.js";
import type { Order } from "./data/orders.js";
import { orders, workupsOf } from "./data/orders.js";
import { binaryGain, entropyBits, type Gain } from "./gain.js";

/** Must-not-miss conditions the differential lists (its floor): an order aimed at one is weighed. */
export const MUST_NOT_MISS_FLOOR = 0.01;
/**
 * Must-not-miss conditions at least this likely get their own question again: the differential's
 * floor for a condition after the first to add its work-up (WORKUP_FLOOR).
 */
export const MUST_NOT_MISS_QUESTION = WORKUP_FLOOR;

export interface ConditionView {
  ids: string[];
  names: string[];
  /** The differential's probabilities, weighted by how likely the lesion is at a level each condition produces. */
  q: Float64Array;
  /** The differential's probabilities as it gives them (for the must-not-miss questions). */
  reported: Float64Array;
  mustNotMiss: boolean[];
  lead: number;
  entropy: number;
  /** Work-up item ids the differential asks for and the case lacks; those a red flag asks for now. */
  asked: Set<string>;
  emergency: Set<string>;
}

/** The levels each catalogue condition produces. */
const producedLevels = new Map<string, Set<Level>>(
  catalogue.map((k) => [k.id, new Set(k.produces.map((p) => p.level))]),
);

function normalise(q: Float64Array): void {
  let sum = 0;
  for (const x of q) sum += x;
  if (sum > 0) for (let i = 0; i < q.length; i++) q[i] = (q[i] as number) / sum;
}

/**
 * The conditions as the planner weighs them: those the differential would work up (the first, and
 * the others at or above its work-up floor), the rest as one. Localize first: a cause counts as much as the lesion it
 * produces is likely at that level (`levels`: the localization's probability of a lesion at each
 * level), so a test looking for the cause of a root lesion is worth little while the lesion is
 * most likely in a nerve. An MRI abnormality counts only where the examination and EMG point
 * (Levin 2002; Brinjikji 2015).
 */
export function conditionView(dx: Differential, levels: ReadonlyMap<Level, number>): ConditionView {
  const n = dx.conditions.length + 1;
  const q = new Float64Array(n);
  const reported = new Float64Array(n);
  dx.conditions.forEach((k, i) => {
    reported[i] = k.probability;
    let fit = 0;
    for (const level of producedLevels.get(k.id) ?? []) fit += levels.get(level) ?? 0;
    q[i] = k.probability * Math.min(1, fit);
  });
  reported[n - 1] = Math.max(0, dx.other);
  q[n - 1] = reported[n - 1] as number;
  normalise(reported);
  // Conditions the differential would not yet work up (after the first, under its floor) are one
  // "another condition": a test aimed at them alone is not asked for yet.
  for (let i = 1; i < n - 1; i++)
    if ((reported[i] as number) < WORKUP_FLOOR) {
      q[n - 1] = (q[n - 1] as number) + (q[i] as number);
      q[i] = 0;
    }
  normalise(q);
  let lead = 0;
  for (let i = 1; i < n; i++) if ((q[i] as number) > (q[lead] as number)) lead = i;
  const pending = dx.workup.filter((w) => !w.done);
  return {
    ids: [...dx.conditions.map((k) => k.id), "other"],
    names: [...dx.conditions.map((k) => k.name), "another condition"],
    q,
    reported,
    mustNotMiss: [...dx.conditions.map((k) => k.mustNotMiss), false],
    lead,
    entropy: entropyBits(q),
    asked: new Set(pending.map((w) => w.id)),
    emergency: new Set(pending.filter((w) => w.for.some((f) => f.startsWith("red flag"))).map((w) => w.id)),
  };
}

/** Whether the case already holds this test's result. */
export function orderDone(c: LocusCase, o: Order): boolean {
  const w = o.workup ? workupById.get(o.workup) : undefined;
  if (w) return alreadyDone(c, w);
  const labs = o.doneWhen?.labs ?? [];
  return c.findings.some((f) => f.kind === "lab" && labs.includes(f.test));
}

/**
 * The orders worth weighing in this case: not done, and asked for by the work-up or aimed at a
 * listed must-not-miss condition, or read by the localization engine (`engine`) too.
 */
export function eligibleOrders(c: LocusCase, v: ConditionView, engine: (o: Order) => boolean): Order[] {
  const wanted = (o: Order) =>
    engine(o) ||
    workupsOf(o).some((id) => v.asked.has(id)) ||
    v.ids.some((id, i) => v.mustNotMiss[i] && (v.q[i] as number) >= MUST_NOT_MISS_FLOOR && id in o.finds);
  // Whether the case holds the result is the dearer question: asked of the orders wanted.
  return orders.filter((o) => wanted(o) && !orderDone(c, o));
}

const PAIR_A = new Float64Array(2);
const PAIR_B = new Float64Array(2);
const scratchA = { a: new Float64Array(64), b: new Float64Array(64) };

function scratch(n: number): { a: Float64Array; b: Float64Array } {
  if (scratchA.a.length < n) {
    scratchA.a = new Float64Array(n * 2);
    scratchA.b = new Float64Array(n * 2);
  }
  return scratchA;
}

/** P(abnormal) under a condition. */
const sensitivity = (o: Order, id: string) => o.finds[id] ?? o.falsePositive;

/** The information the test gives on the conditions, and on each must-not-miss condition it finds. */
export function conditionGain(o: Order, v: ConditionView): Gain & { mustNotMiss: number } {
  const n = v.q.length;
  const { a, b } = scratch(n);
  for (let i = 0; i < n; i++) {
    const s = i === n - 1 ? o.falsePositive : sensitivity(o, v.ids[i] as string);
    a[i] = (v.q[i] as number) * s;
    b[i] = (v.q[i] as number) * (1 - s);
  }
  const all = binaryGain(a, b, n, v.entropy, v.lead);
  let extra = 0;
  let reportedAbnormal = 0;
  for (let i = 0; i < n; i++)
    reportedAbnormal +=
      (v.reported[i] as number) * (i === n - 1 ? o.falsePositive : sensitivity(o, v.ids[i] as string));
  for (let i = 0; i < n - 1; i++) {
    const qi = v.reported[i] as number;
    if (!v.mustNotMiss[i] || qi < MUST_NOT_MISS_QUESTION || !((v.ids[i] as string) in o.finds)) continue;
    const ai = qi * sensitivity(o, v.ids[i] as string);
    const pAbnormal = reportedAbnormal;
    // Two groups: the condition, and everything else.
    PAIR_A[0] = ai;
    PAIR_B[0] = qi - ai;
    PAIR_A[1] = pAbnormal - ai;
    PAIR_B[1] = 1 - qi - (pAbnormal - ai);
    const h0 = -(qi * Math.log2(qi)) - (qi < 1 ? (1 - qi) * Math.log2(1 - qi) : 0);
    extra += binaryGain(PAIR_A, PAIR_B, 2, h0, qi >= 0.5 ? 0 : 1).bits;
  }
  return { bits: all.bits, change: all.change, mustNotMiss: extra };
}
