/**
 * The whole answer for one case: localization, differential and the next tests, naming the atlas
 * version it was made with.
 */
import type { LocusCase } from "../case/schema.js";
import { type Differential, differential } from "../differential/index.js";
import { localize } from "../localize/index.js";
import type { Hypothesis } from "../localize/types.js";
import { type Plan, plan } from "../plan/index.js";

export interface Analysis {
  /**
   * ok: localized and a differential given; not_enough: the case holds no abnormal finding, so
   * neither is given (`differential.notEnough` says why and what to examine first).
   */
  status: "ok" | "not_enough";
  atlasVersion: string;
  caseId?: string;
  hypotheses: Hypothesis[];
  /** Probability of hypotheses searched but not listed. */
  other: number;
  searched: number;
  skipped?: { finding: number; why: string }[];
  differential: Differential;
  /** The next tests, best first. */
  plan: Plan;
}

export interface AnalyzeOptions {
  /** How many hypotheses to list (default 5). */
  limit?: number;
  /** How many next tests to suggest (default 5). */
  suggestions?: number;
}

export function analyze(c: LocusCase, options: AnalyzeOptions = {}): Analysis {
  const loc = localize(c, { limit: options.limit ?? 5 });
  const d = differential(c, loc);
  const enough = d.status === "ok";
  return {
    status: d.status,
    atlasVersion: loc.atlasVersion,
    ...(c.id ? { caseId: c.id } : {}),
    hypotheses: enough ? loc.hypotheses : [],
    other: enough ? loc.other : 1,
    searched: loc.searched,
    ...(loc.skipped ? { skipped: loc.skipped } : {}),
    differential: d,
    plan: plan(c, { limit: options.suggestions ?? 5 }),
  };
}
