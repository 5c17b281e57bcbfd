/**
 * What localization answers. The JSON shape is a stable interface (see docs/localize.md).
 */
import type { Lesion } from "../case/schema.js";

/** One finding's part in a hypothesis, in the clinic's words. */
export interface Reason {
  /** Index into case.findings. */
  finding: number;
  /** The side the reason is about, for findings given on both sides. */
  side?: "left" | "right";
  text: string;
  /** log-likelihood ratio of this finding under the hypothesis against a normal nervous system. */
  weight: number;
}

export interface Hypothesis {
  lesions: Lesion[];
  probability: number;
  explains: Reason[];
  against: Reason[];
  unexplained: Reason[];
  /** Finer detail than FORMAT.md's ids, e.g. "femoral nerve at or below the inguinal ligament". */
  detail: string[];
  /** Total log-likelihood plus log prior (for diagnostics and tests). */
  score: number;
  /** log of the hypothesis's localization prior (before the findings), for the differential. */
  logPrior?: number;
}

/** One answer of the whole distribution: its lesions, probability and log prior (no reasons). */
export interface DistributionEntry {
  lesions: Lesion[];
  probability: number;
  logPrior: number;
}

export interface Localization {
  atlasVersion: string;
  hypotheses: Hypothesis[];
  /** Probability mass of hypotheses searched but not listed. */
  other: number;
  /**
   * Every answer kept (not only those listed), most probable first: what the differential reads,
   * so the diagnosis does not depend on how many hypotheses are shown.
   */
  distribution?: DistributionEntry[];
  /**
   * Present when the findings cannot separate the leading answers (the first below `leader` and
   * others within `ratio` of it; see index.ts UNDECIDED): their indices in `hypotheses`. Locus then
   * says it cannot tell them apart, and the next test is what would.
   */
  undecided?: { between: number[] };
  /** How many hypotheses were scored. */
  searched: number;
  /** Findings the engine could not read, with why (unknown ids, nothing recorded). */
  skipped?: { finding: number; why: string }[];
}

export interface LocalizeOptions {
  /** How many hypotheses to return (default 5). */
  limit?: number;
  /** Largest number of focal lesions in one hypothesis (1 to 3, default 3). */
  maxLesions?: number;
}
