/**
 * The whole answer for one case: localization, differential and the next tests, naming the atlas
 * version it was made with.
 */
import type { LocusCase } from "../case/schema.js";
import { type Differential, differential } from "../differential/index.js";
import { clinicalWords } from "../differential/words.js";
import { localize } from "../localize/index.js";
import type { Hypothesis, Reason } from "../localize/types.js";
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
  /** The findings cannot separate these answers (indices in `hypotheses`): see Localization.undecided. */
  undecided?: { between: number[] };
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

/** Electrodiagnostic findings: the decisive ones lead the reasons. */
const ELECTRODIAGNOSTIC = new Set(["emg", "ncs"]);
/** A reason this strong (log likelihood ratio) is decisive. */
const DECISIVE = 1;

/**
 * A hypothesis's reasons in a clinician's words (any id left in them named) and ordered by weight,
 * the decisive electrodiagnostic ones first.
 */
function inWords(c: LocusCase, h: Hypothesis): Hypothesis {
  const decisiveEdx = (r: Reason) =>
    ELECTRODIAGNOSTIC.has(c.findings[r.finding]?.kind ?? "") && Math.abs(r.weight) >= DECISIVE;
  const order = (rs: Reason[]) =>
    rs
      .map((r) => ({ ...r, text: clinicalWords(r.text) }))
      .sort(
        (a, b) => Number(decisiveEdx(b)) - Number(decisiveEdx(a)) || Math.abs(b.weight) - Math.abs(a.weight),
      );
  return {
    ...h,
    explains: order(h.explains),
    against: order(h.against),
    unexplained: order(h.unexplained),
    detail: h.detail.map(clinicalWords),
  };
}

export function analyze(c: LocusCase, options: AnalyzeOptions = {}): Analysis {
  const loc = localize(c, { limit: options.limit ?? 5 });
  const d = differential(c, loc);
  const enough = d.status === "ok";
  return {
    status: d.status,
    atlasVersion: loc.atlasVersion,
    ...(c.id ? { caseId: c.id } : {}),
    hypotheses: enough ? loc.hypotheses.map((h) => inWords(c, h)) : [],
    other: enough ? loc.other : 1,
    ...(enough && loc.undecided ? { undecided: loc.undecided } : {}),
    searched: loc.searched,
    ...(loc.skipped ? { skipped: loc.skipped } : {}),
    differential: d,
    plan: plan(c, { limit: options.suggestions ?? 5 }),
  };
}
