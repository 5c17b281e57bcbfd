/**
 * The engine's pure stages, run in the page so the results follow each click at once: the case is
 * checked and normalised (case stage), then analysed by the same assembler as the CLI and the
 * service (src/analysis/assemble.ts) without its plan stage. The plan (next tests) and everything
 * stored come from the service.
 */
import { assemble, type LocalAnalysis, type LocalStages } from "../../src/analysis/assemble.js";
import { ATLAS_VERSION } from "../../src/atlas/index.js";
import { parseCase } from "../../src/case/index.js";
import { differential } from "../../src/differential/index.js";
import { localizeWithCandidates } from "../../src/localize/index.js";
import type { Issue, LocusCase } from "./types.js";

export const BUNDLED_ATLAS_VERSION = ATLAS_VERSION;

export type { LocalAnalysis } from "../../src/analysis/assemble.js";

export type LocalAnswer =
  | { ok: true; case: LocusCase; analysis: LocalAnalysis; ms: number }
  | { ok: false; errors: Issue[]; ms: number };

const PAGE_STAGES: LocalStages = {
  localize: (c, options) => localizeWithCandidates(c, options),
  differential: (c, loc) => differential(c, loc),
};

export function analyseHere(c: LocusCase): LocalAnswer {
  const t0 = performance.now();
  const parsed = parseCase(c);
  if (!parsed.ok) return { ok: false, errors: parsed.errors as Issue[], ms: performance.now() - t0 };
  const analysis = assemble(parsed.case, {}, PAGE_STAGES);
  return { ok: true, case: parsed.case, analysis, ms: performance.now() - t0 };
}
