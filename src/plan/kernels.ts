/**
 * The planner's kernels for imaging and laboratory tests: a test's expected information over the
 * decisions from the engine's context items (imaging it reads) or a sensitivity per level (CK,
 * brain MRI). The limb tests have their own (limbs.ts). Scratch arrays are reused between calls.
 */
import type { Order } from "./data/orders.js";
import { binaryGain, type Gain, multiGain, stakeGain } from "./gain.js";
import type { TestModel } from "./predict.js";
import type { Weighed } from "./weigh.js";

/** Scratch joint of a two-result test over the decisions, grown as needed and reused. */
const scratch = {
  abn: new Float64Array(64),
  nor: new Float64Array(64),
  rows: [] as Float64Array[],
};
scratch.rows = [scratch.abn, scratch.nor];

function grow(n: number) {
  if (scratch.abn.length < n) {
    scratch.abn = new Float64Array(n * 2);
    scratch.nor = new Float64Array(n * 2);
    scratch.rows = [scratch.abn, scratch.nor];
  }
}

/**
 * The gain over the decisions, with the must-not-miss question counted again: whether the lesion
 * is at a level where a listed must-not-miss condition lives, other than the leading one's
 * (stake.ts). Missing it costs more than mislabelling a level, so the question weighs twice.
 * Written into `out` when given (a loop over tests makes no object per test).
 */
export function decisionGain(
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

/** An engine-read imaging test's results under each candidate (TestModel.probabilities). */
export const imagingChances = (w: Weighed, model: TestModel): number[][] =>
  w.hyps.map((h) => model.probabilities(h, []));

/** An engine-read imaging test's gain over the decisions, from its results under each candidate. */
export function imagingGain(
  w: Weighed,
  chances: readonly (readonly number[])[],
  outcomes: number,
  h0: number,
  stake: Uint8Array | undefined,
): Gain {
  const nd = w.decisions.length;
  const joint: Float64Array[] = [];
  for (let j = 0; j < outcomes; j++) joint.push(new Float64Array(nd));
  chances.forEach((probs, i) => {
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
  grow(nd);
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
