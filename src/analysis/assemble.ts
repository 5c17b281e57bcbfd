/**
 * The one analysis of a case: localization, differential and (when asked) the next tests, computed
 * once and given in one shape, whoever asks (the CLI, every API route, saved reports, FHIR, CDS
 * Hooks, the page). Localization runs once; the differential reads that localization and the
 * planner the candidates localization weighed, so one answer has one set of probabilities.
 *
 * The stages are passed in (src/report/analyze.ts binds the real ones) so that the page can run
 * the assembler without the planner in its bundle, and the service's tests with stand-in stages.
 */
import type { LocusCase } from "../case/schema.js";
import type { Differential, RankedCondition } from "../differential/types.js";
import { clinicalWords } from "../differential/words.js";
import type { Candidates } from "../localize/index.js";
import type { Hypothesis, Localization, Reason } from "../localize/types.js";
import type { Plan, PlanOptions } from "../plan/plan.js";

/**
 * A condition as the analysis gives it: its work-up as ids of the work-up catalogue
 * (src/differential/data/workup.ts) rather than the items written out again; `differential.workup`
 * holds each item of the leading conditions once, with what asks for it. The items written out in
 * every condition were a third of an answer's bytes, and no reader used them.
 */
export type AnalysisCondition = Omit<RankedCondition, "workup"> & { workup: string[] };
export type AnalysisDifferential = Omit<Differential, "conditions"> & { conditions: AnalysisCondition[] };

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
  differential: AnalysisDifferential;
  /** The next tests, best first. */
  plan: Plan;
}

/** The analysis without its plan stage (what the page computes itself; the plan comes from the service). */
export type LocalAnalysis = Omit<Analysis, "plan">;

export interface AnalyzeOptions {
  /** How many hypotheses to list (default 5). */
  limit?: number;
  /** How many next tests to suggest (default 5). */
  suggestions?: number;
  /** How many conditions the differential lists (default: the differential's own). */
  conditions?: number;
}

/** The engine's stages as the assembler calls them. */
export interface LocalStages {
  localize(c: LocusCase, options: { limit: number }): { localization: Localization; candidates?: Candidates };
  differential(c: LocusCase, localization: Localization, options?: { limit?: number }): Differential;
}
export interface Stages extends LocalStages {
  plan(c: LocusCase, options: PlanOptions): Plan;
}

/** Electrodiagnostic findings: the decisive ones lead the reasons. */
const ELECTRODIAGNOSTIC = new Set(["emg", "ncs"]);
/** A reason this strong (log likelihood ratio) is decisive. */
const DECISIVE = 1;

/**
 * A hypothesis's reasons in a clinician's words (any id left in them named) and ordered by weight,
 * the decisive electrodiagnostic ones first. A reason whose words need no change is kept as it is,
 * and a list already in order is not sorted again (most are both): an answer makes no copy of them.
 */
function inWords(c: LocusCase, h: Hypothesis): Hypothesis {
  const decisiveEdx = (r: Reason) =>
    ELECTRODIAGNOSTIC.has(c.findings[r.finding]?.kind ?? "") && Math.abs(r.weight) >= DECISIVE;
  const before = (a: Reason, b: Reason) =>
    Number(decisiveEdx(b)) - Number(decisiveEdx(a)) || Math.abs(b.weight) - Math.abs(a.weight);
  const order = (rs: Reason[]) => {
    const out = rs.map(spokenReason);
    for (let i = 1; i < out.length; i++)
      if (before(out[i - 1] as Reason, out[i] as Reason) > 0) return out.sort(before);
    return out;
  };
  return {
    ...h,
    explains: order(h.explains),
    against: order(h.against),
    unexplained: order(h.unexplained),
    detail: h.detail.map(clinicalWords),
  };
}

/** A reason in a clinician's words: itself when its words need no change. */
function spokenReason(r: Reason): Reason {
  const text = clinicalWords(r.text);
  return text === r.text ? r : { ...r, text };
}

/** The differential with each condition's work-up as ids (see AnalysisCondition). */
function slim(d: Differential): AnalysisDifferential {
  return { ...d, conditions: d.conditions.map((c) => ({ ...c, workup: c.workup.map((w) => w.id) })) };
}

export function assemble(c: LocusCase, options: AnalyzeOptions, stages: Stages): Analysis;
export function assemble(c: LocusCase, options: AnalyzeOptions, stages: LocalStages): LocalAnalysis;
export function assemble(
  c: LocusCase,
  options: AnalyzeOptions,
  stages: LocalStages & Partial<Stages>,
): Analysis | LocalAnalysis {
  const { localization: loc, candidates } = stages.localize(c, { limit: options.limit ?? 5 });
  const d = stages.differential(
    c,
    loc,
    options.conditions !== undefined ? { limit: options.conditions } : undefined,
  );
  const enough = d.status === "ok";
  const local: LocalAnalysis = {
    status: d.status,
    atlasVersion: loc.atlasVersion,
    ...(c.id ? { caseId: c.id } : {}),
    hypotheses: enough ? loc.hypotheses.map((h) => inWords(c, h)) : [],
    other: enough ? loc.other : 1,
    ...(enough && loc.undecided ? { undecided: loc.undecided } : {}),
    searched: loc.searched,
    ...(loc.skipped ? { skipped: loc.skipped } : {}),
    differential: slim(d),
  };
  if (!stages.plan) return local;
  const from = candidates ? { from: candidates } : {};
  // The planner weighs the differential as given (a list cut short by `conditions` it makes again).
  const differential = options.conditions === undefined ? { differential: d } : {};
  return { ...local, plan: stages.plan(c, { limit: options.suggestions ?? 5, ...from, ...differential }) };
}
