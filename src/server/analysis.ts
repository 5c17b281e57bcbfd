/**
 * The service's analysis: the one assembler (src/analysis/assemble.ts) with the engine's stages,
 * the answer envelope of /localize and /plan, and the report saved beside a revision. Pure: no I/O.
 */
import { type Analysis, type AnalyzeOptions, assemble } from "../analysis/assemble.js";
import type { Issue, LocusCase, Normalisation } from "../case/index.js";
import { renderText } from "../report/text.js";
import type { Engine } from "./engine.js";

export type { Analysis } from "../analysis/assemble.js";

export function analyse(engine: Engine, c: LocusCase, options: AnalyzeOptions = {}): Analysis {
  return assemble(c, options, engine);
}

/** The text report (src/report/text.ts, without colour): the same words as `locus localize`. */
export const reportText = (a: Analysis): string => renderText(a);

/** What /localize and /plan answer: the analysis, beside the case as read. */
export interface AnalysisAnswer extends Analysis {
  case: LocusCase;
  normalisations: Normalisation[];
  warnings: Issue[];
  /** When a note was sent: what was extracted, with spans. */
  extraction?: unknown;
  /** With ?text=1: the text report. */
  report?: { text: string };
}

export function answerOf(
  a: Analysis,
  read: { case: LocusCase; normalisations: Normalisation[]; warnings: Issue[]; extraction?: unknown },
  options: { text?: boolean } = {},
): AnalysisAnswer {
  return {
    ...a,
    case: read.case,
    normalisations: read.normalisations,
    warnings: read.warnings,
    ...(read.extraction !== undefined ? { extraction: read.extraction } : {}),
    ...(options.text ? { report: { text: reportText(a) } } : {}),
  };
}

/**
 * The shape of a saved report's body since the one analysis (issue 16). Bodies saved before it have
 * no `shape` and hold `{ normalisations, warnings, localization, differential, plan, report }`;
 * they are kept and answered exactly as saved.
 */
export const SAVED_SHAPE = "analysis-2";

/** What is saved beside a revision: the analysis of it, with the atlas version it was made with. */
export interface SavedReport {
  atlasVersion: string;
  body: Analysis & {
    shape: typeof SAVED_SHAPE;
    normalisations: unknown[];
    warnings: unknown[];
    report: { text: string };
  };
}

/**
 * The report to save with a case, or null when it cannot be made: the case is saved whatever
 * happens to its analysis (nothing the user entered is lost). `onError` hears of engine failures.
 */
export function savedReport(
  engine: Engine,
  parsed: { case: LocusCase; normalisations: unknown[]; warnings: unknown[] },
  onError: (error: Error) => void = () => {},
): SavedReport | null {
  try {
    return savedBody(analyse(engine, parsed.case), parsed);
  } catch (error) {
    onError(error as Error);
    return null;
  }
}

export function savedBody(
  a: Analysis,
  read: { normalisations: unknown[]; warnings: unknown[] },
): SavedReport {
  return {
    atlasVersion: a.atlasVersion,
    body: {
      shape: SAVED_SHAPE,
      ...a,
      normalisations: read.normalisations,
      warnings: read.warnings,
      report: { text: reportText(a) },
    },
  };
}
