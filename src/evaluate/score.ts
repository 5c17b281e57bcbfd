/**
 * Scoring an evaluation set exactly as FORMAT.md's "Scoring an evaluation set" says.
 */
import type { Expected, Lesion } from "../case/schema.js";

const sameSites = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Level, side and the set of sites are the same. */
export function lesionMatches(a: Lesion, b: Lesion): boolean {
  return a.level === b.level && a.side === b.side && sameSites(a.sites, b.sites);
}

/** Each lesion of the hypothesis matches one expected lesion, and none is left over. */
export function setMatches(hypothesis: readonly Lesion[], expected: readonly Lesion[]): boolean {
  if (hypothesis.length !== expected.length) return false;
  const used = new Set<number>();
  for (const h of hypothesis) {
    const j = expected.findIndex((e, k) => !used.has(k) && lesionMatches(h, e));
    if (j < 0) return false;
    used.add(j);
  }
  return true;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sa = new Set(a);
  const inter = b.filter((x) => sa.has(x)).length;
  return inter / new Set([...a, ...b]).size;
}

/** For every expected lesion the hypothesis has one of the same level and side overlapping it by half. */
export function overlaps(hypothesis: readonly Lesion[], expected: readonly Lesion[]): boolean {
  return expected.every((e) =>
    hypothesis.some((h) => h.level === e.level && h.side === e.side && jaccard(h.sites, e.sites) >= 0.5),
  );
}

export interface CaseScore {
  exact: boolean;
  overlap: boolean;
  top3: boolean;
  diagnosisTop1: boolean | null;
  diagnosisTop3: boolean | null;
  /** Brier score of the diagnosis probabilities (0 perfect, 2 worst); null without them. */
  diagnosisBrier: number | null;
}

/**
 * The multi-class Brier score of a diagnosis distribution, the acceptable diagnoses taken as one
 * class: (1 - P(acceptable))^2 + the sum of every other condition's P^2. 0 is a certain right
 * answer, 2 a certain wrong one; probability left unlisted counts as one wrong class.
 */
export function diagnosisBrier(
  ok: readonly string[],
  probabilities: readonly { id: string; probability: number }[],
): number {
  let right = 0;
  let wrong = 0;
  let listed = 0;
  for (const d of probabilities) {
    listed += d.probability;
    if (ok.includes(d.id)) right += d.probability;
    else wrong += d.probability ** 2;
  }
  const rest = Math.max(0, 1 - listed);
  return (1 - right) ** 2 + wrong + rest ** 2;
}

export function scoreCase(
  expected: Expected,
  hypotheses: readonly { lesions: Lesion[] }[],
  diagnoses: readonly string[] | null,
  probabilities?: readonly { id: string; probability: number }[],
): CaseScore {
  const acceptable = [expected.localization, ...(expected.alsoAcceptable ?? [])];
  const exactAt = (h: { lesions: Lesion[] } | undefined) =>
    h !== undefined && acceptable.some((set) => setMatches(h.lesions, set));
  const first = hypotheses[0];
  const okDiagnoses = expected.diagnosis
    ? [expected.diagnosis, ...(expected.alsoAcceptableDiagnoses ?? [])]
    : [];
  const dx = diagnoses && okDiagnoses.length ? diagnoses : null;
  return {
    exact: exactAt(first),
    overlap: first !== undefined && acceptable.some((set) => overlaps(first.lesions, set)),
    top3: hypotheses.slice(0, 3).some(exactAt),
    diagnosisTop1: dx ? okDiagnoses.includes(dx[0] ?? "") : null,
    diagnosisTop3: dx ? dx.slice(0, 3).some((d) => okDiagnoses.includes(d)) : null,
    diagnosisBrier:
      probabilities && okDiagnoses.length
        ? Math.round(diagnosisBrier(okDiagnoses, probabilities) * 1e4) / 1e4
        : null,
  };
}

export interface Summary {
  cases: number;
  exact: number;
  overlap: number;
  top3: number;
  diagnosisTop1: number | null;
  diagnosisTop3: number | null;
  /** Mean Brier score of the diagnoses (lower is better). */
  diagnosisBrier: number | null;
  medianMs: number;
  p95Ms: number;
}

const rate = (xs: boolean[]) =>
  xs.length ? Math.round((xs.filter(Boolean).length / xs.length) * 1000) / 1000 : 0;

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export function summarise(scores: readonly CaseScore[], ms: readonly number[]): Summary {
  const dx1 = scores.map((s) => s.diagnosisTop1).filter((x): x is boolean => x !== null);
  const dx3 = scores.map((s) => s.diagnosisTop3).filter((x): x is boolean => x !== null);
  const briers = scores.map((s) => s.diagnosisBrier).filter((x): x is number => x !== null);
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    cases: scores.length,
    exact: rate(scores.map((s) => s.exact)),
    overlap: rate(scores.map((s) => s.overlap)),
    top3: rate(scores.map((s) => s.top3)),
    diagnosisTop1: dx1.length ? rate(dx1) : null,
    diagnosisTop3: dx3.length ? rate(dx3) : null,
    diagnosisBrier: briers.length
      ? Math.round((briers.reduce((a, b) => a + b, 0) / briers.length) * 1000) / 1000
      : null,
    medianMs: Math.round(quantile(sorted, 0.5) * 1000) / 1000,
    p95Ms: Math.round(quantile(sorted, 0.95) * 1000) / 1000,
  };
}
