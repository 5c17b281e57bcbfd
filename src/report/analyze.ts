/**
 * The whole answer for one case: localization, differential and the next tests, naming the atlas
 * version it was made with. The assembler is src/analysis/assemble.ts; this binds the engine's
 * real stages to it.
 */
import {
  type Analysis,
  type AnalyzeOptions,
  assemble,
  type LocalAnalysis,
  type Stages,
} from "../analysis/assemble.js";
import type { LocusCase } from "../case/schema.js";
import { differential } from "../differential/index.js";
import { localizeWithCandidates } from "../localize/index.js";
import { plan } from "../plan/index.js";

export type { Analysis, AnalyzeOptions, LocalAnalysis, LocalStages, Stages } from "../analysis/assemble.js";

/** The engine's stages: localization once, the differential on it, the planner on its candidates. */
export const ENGINE_STAGES: Stages = {
  localize: (c, options) => localizeWithCandidates(c, options),
  differential: (c, loc, options) => differential(c, loc, options),
  plan: (c, options) => plan(c, options),
};

export function analyze(c: LocusCase, options: AnalyzeOptions = {}): Analysis {
  return assemble(c, options, ENGINE_STAGES);
}

/** The analysis without the plan stage (the differential and localization only). */
export function analyzeWithoutPlan(c: LocusCase, options: AnalyzeOptions = {}): LocalAnalysis {
  const { localize, differential: diff } = ENGINE_STAGES;
  return assemble(c, options, { localize, differential: diff });
}
