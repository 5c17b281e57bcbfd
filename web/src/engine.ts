/**
 * The engine's pure stages, run in the page so the results follow each click at once: the case is
 * checked and normalised (case stage), localized and given its differential, exactly as the service
 * does. The plan (next tests) and everything stored come from the service.
 */
import { ATLAS_VERSION } from "../../src/atlas/index.js";
import { parseCase } from "../../src/case/index.js";
import { differential } from "../../src/differential/index.js";
import { localize } from "../../src/localize/index.js";
import type { Differential, Issue, Localization, LocusCase } from "./types.js";

export const BUNDLED_ATLAS_VERSION = ATLAS_VERSION;

export type LocalAnswer =
  | { ok: true; case: LocusCase; localization: Localization; differential: Differential; ms: number }
  | { ok: false; errors: Issue[]; ms: number };

export function analyseHere(c: LocusCase): LocalAnswer {
  const t0 = performance.now();
  const parsed = parseCase(c);
  if (!parsed.ok) return { ok: false, errors: parsed.errors as Issue[], ms: performance.now() - t0 };
  const localization = localize(parsed.case);
  const diff = differential(parsed.case, localization);
  return {
    ok: true,
    case: parsed.case,
    localization,
    differential: diff,
    ms: performance.now() - t0,
  };
}
