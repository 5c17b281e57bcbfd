/**
 * The probability of one observation given the damage each lesion class does to its anatomy.
 * Causes combine as a noisy OR: each cause shows the finding with its own sensitivity, and a
 * false-positive rate stands in for everything outside the hypothesis.
 */
import {
  equivocal,
  gradeBySeverity,
  gradeGivenWeak,
  irritation,
  type LesionClass,
  largeUnitsInMuscleDisease,
  sensitivity,
  sensoryInvolvement,
  shareCurve,
  wholeSupply,
  withinTerritory,
} from "./data/evidence.js";
import { severity } from "./data/priors.js";
import type { Observation } from "./observe.js";

/** The severity level (index into severity.levels) a fraction lost reads as: the nearest one. */
export function levelIndex(fraction: number): number {
  let best = 0;
  severity.levels.forEach((l, k) => {
    if (Math.abs(l - fraction) < Math.abs((severity.levels[best] ?? 1) - fraction)) best = k;
  });
  return best;
}

/** How the share of supply cut becomes the chance the finding shows. */
export function shareEffect(d: number): number {
  if (d <= 0) return 0;
  return Math.min(1, d / shareCurve.saturation) ** shareCurve.exponent;
}

export interface Cause {
  cls: LesionClass;
  d: number;
  /** The severity level (index into priors.ts severity.levels) the share was read at; the middle one when not given. */
  level?: number;
}

export const FLOOR = 1e-4;

function table(o: Observation, cls: LesionClass): number {
  const t = sensitivity[o.family] as Partial<Record<LesionClass, { value: number }>>;
  return t[cls]?.value ?? 0;
}

/** How far a root cause behaves like a plexus cause because it takes the muscle's whole supply. */
function wholeness(cls: LesionClass, d: number): number {
  if (cls !== "root" || d <= wholeSupply.from) return 0;
  return Math.min(1, (d - wholeSupply.from) / (1 - wholeSupply.from));
}

function sens(o: Observation, c: Cause, involved: boolean): number {
  if (o.family === "sensoryChange" && involved)
    return sensoryInvolvement[c.cls] > 0 ? withinTerritory.value : 0;
  const base = table(o, c.cls);
  if (o.largeUnits && (c.cls === "muscle" || c.cls === "myopathy"))
    return base * largeUnitsInMuscleDisease.value;
  if (o.family !== "cmapLoss") return base;
  const t = wholeness(c.cls, c.d);
  return base + t * (table(o, "plexus") - base);
}

/** The chance that one cause shows in this observation. */
export function causeProbability(o: Observation, c: Cause, involved: boolean): number {
  if (c.d <= 0) return 0;
  if (o.family === "sensorySymptom")
    return sens(o, c, involved) * o.timing * Math.min(1, c.d / irritation.value);
  return sens(o, c, involved) * o.timing * shareEffect(c.d);
}

export function gradeShare(c: Cause, grade: 0 | 1 | 2): number {
  const t = wholeness(c.cls, c.d);
  const m = gradeBySeverity[c.level ?? 1] ?? [1, 1, 1];
  const at = (g: 0 | 1 | 2) => {
    const own = gradeGivenWeak[c.cls][g] ?? 0;
    return (own + t * ((gradeGivenWeak.plexus[g] ?? 0) - own)) * (m[g] ?? 1);
  };
  return at(grade) / (at(0) + at(1) + at(2));
}

/**
 * log P(observation | causes). `involved`: read a sensory finding inside a territory known to be
 * numb (the case-level sensory mixture in score.ts decides how likely that is).
 */
export function logLikelihood(o: Observation, causes: readonly Cause[], involved = false): number {
  let pNot = 1 - o.fp;
  let qSum = 0;
  let g0 = o.fp * (gradeGivenWeak.unexplained[o.grade ?? 0] ?? 0);
  for (const c of causes) {
    if (c.d <= 0) continue;
    const q = causeProbability(o, c, involved);
    if (q <= 0) continue;
    pNot *= 1 - q;
    qSum += q;
    if (o.grade !== undefined) g0 += q * gradeShare(c, o.grade);
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
