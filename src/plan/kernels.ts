/**
 * The planner's inner loops: a test's expected information over the decisions, from the table
 * (limb tests), the engine's context items (imaging it reads) or a sensitivity per level (CK, brain
 * MRI). Scratch arrays are reused between calls; the limb loop allocates nothing per candidate or
 * per test.
 */
import { keep } from "../keep.js";
import type { Order } from "./data/orders.js";
import { binaryGain, type Gain, multiGain, stakeGain } from "./gain.js";
import type { TestModel } from "./predict.js";
import type { Rates } from "./table.js";
import type { Weighed } from "./weigh.js";

/**
 * Scratch for the limb-test loop, grown as needed and reused. `spared[t * n + i]`: the chance
 * candidate i's lesions all spare test t (sparedByTest fills it once per case, test by test).
 */
const scratch = {
  pa: new Float64Array(64),
  abn: new Float64Array(64),
  nor: new Float64Array(64),
  rows: [] as Float64Array[],
  spared: new Float64Array(0),
  anyReach: new Uint8Array(0),
};
scratch.rows = [scratch.abn, scratch.nor];

export function grow(n: number) {
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

/** Each table row's tests with a chance above zero (a lesion reaches a seventh of the tests). */
const reachedBy = new WeakMap<Float64Array, Int32Array>();

const reached = (row: Float64Array): Int32Array =>
  keep(reachedBy, row, () => Int32Array.from(row.keys()).filter((t) => (row[t] as number) > 0));

/**
 * For every candidate and limb test, the chance its lesions all spare the test, prod over its rows
 * of (1 - timing x q), worked out candidate by candidate over the tests each row reaches (a factor
 * of 1 elsewhere); limbGain reads it. Returns, per test, whether any candidate reaches it: where
 * none does, every candidate expects the same result and the test tells nothing. Call once per
 * case, before limbGain.
 */
export function sparedByTest(w: Weighed, rates: Rates, tests: number): Uint8Array {
  const n = w.pi.length;
  if (scratch.spared.length < n * tests) scratch.spared = new Float64Array(n * tests * 2);
  if (scratch.anyReach.length < tests) scratch.anyReach = new Uint8Array(tests * 2);
  const { spared, anyReach } = scratch;
  spared.fill(1, 0, n * tests);
  anyReach.fill(0, 0, tests);
  const timing = rates.timing;
  for (let i = 0; i < n; i++)
    for (const row of w.rows[i] as Float64Array[]) {
      const at = reached(row);
      for (let j = 0; j < at.length; j++) {
        const t = at[j] as number;
        const k = t * n + i;
        spared[k] = (spared[k] as number) * (1 - (timing[t] as number) * (row[t] as number));
        anyReach[t] = 1;
      }
    }
  return anyReach;
}

/**
 * A limb test's gain over the decisions, from the table, the case's rates and the examiners'
 * agreement (sparedByTest must have been called for this case).
 */
export function limbGain(
  w: Weighed,
  t: number,
  rates: Rates,
  accuracy: number,
  h0: number,
  stake: Uint8Array | undefined,
): Gain {
  const n = w.pi.length;
  const nd = w.decisions.length;
  const { pa, abn, nor, spared } = scratch;
  const fp = rates.fp[t] as number;
  const at = t * n;
  let m = 0;
  let low = 1;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const x = 1 - (1 - fp) * (spared[at + i] as number);
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
export function imagingGain(w: Weighed, model: TestModel, h0: number, stake: Uint8Array | undefined): Gain {
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
export function levelGain(w: Weighed, o: Order, h0: number, stake: Uint8Array | undefined): Gain {
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
