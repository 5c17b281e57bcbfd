/**
 * The differential stage: what the localized lesion is likely to be, the red flags, the work-up.
 */
export { extractClues, mrcValue, rootsReachedAt } from "./clues.js";
export { CATALOGUE_VERSION, conditions } from "./data/conditions.js";
export { redFlagRules } from "./data/red-flags.js";
export { type DifferentialSource, sources } from "./data/sources.js";
export { workup, workupById } from "./data/workup.js";
export { differential, MUST_NOT_MISS_FLOOR } from "./differential.js";
export { redFlags } from "./red-flags.js";
export { isAbnormal, type NotEnough, notEnough } from "./sufficiency.js";
export * from "./types.js";
