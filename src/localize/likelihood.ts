/**
 * The probability of one observation given the damage each lesion class does to its anatomy.
 * Causes combine as a noisy OR: each cause shows the finding with its own sensitivity, and a
 * false-positive rate stands in for everything outside the hypothesis.
 */
import { equivocal, gradeGivenWeak, type LesionClass, sensitivity, shareCurve } from "./data/evidence.js";
import type { Observation } from "./observe.js";

/** How the share of supply cut becomes the chance the finding shows. */
export function shareEffect(d: number): number {
  if (d <= 0) return 0;
  return Math.min(1, d / shareCurve.saturation) ** shareCurve.exponent;
}

export interface Cause {
  cls: LesionClass;
  d: number;
}

const FLOOR = 1e-4;

function sens(o: Observation, cls: LesionClass): number {
  const table = sensitivity[o.family] as Partial<Record<LesionClass, { value: number }>>;
  return table[cls]?.value ?? 0;
}

/** log P(observation | causes). */
export function logLikelihood(o: Observation, causes: readonly Cause[]): number {
  let pNot = 1 - o.fp;
  let qSum = 0;
  let g0 = o.fp * (gradeGivenWeak.unexplained[o.grade ?? 0] ?? 0);
  for (const c of causes) {
    if (c.d <= 0) continue;
    const q = sens(o, c.cls) * o.timing * shareEffect(c.d);
    if (q <= 0) continue;
    pNot *= 1 - q;
    qSum += q;
    if (o.grade !== undefined) g0 += q * (gradeGivenWeak[c.cls][o.grade] ?? 0);
  }
  const pAbn = 1 - pNot;
  if (!o.abnormal) return Math.log(Math.max(FLOOR, pNot));
  if (o.equivocal) return Math.log(pNot * equivocal.withoutLesion.value + pAbn * equivocal.withLesion.value);
  if (o.family === "weakness" && o.grade !== undefined) {
    const gradeP = g0 / (o.fp + qSum);
    return Math.log(Math.max(FLOOR, pAbn * gradeP));
  }
  return Math.log(Math.max(FLOOR, pAbn));
}
