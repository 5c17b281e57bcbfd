/**
 * Locus as a library: the stages in the order data flows through them.
 */
export { ATLAS_VERSION, describe, getAtlas } from "./atlas/index.js";
export { parseCase, parseCaseText } from "./case/index.js";
export type { Finding, Lesion, LocusCase } from "./case/schema.js";
export { differential } from "./differential/index.js";
export type { Differential } from "./differential/types.js";
export { scoreCase, setMatches } from "./evaluate/index.js";
export { localize } from "./localize/index.js";
export type { Hypothesis, Localization, LocalizeOptions, Reason } from "./localize/types.js";
export { type Analysis, analyze, renderMarkdown, renderText } from "./report/index.js";
export { extract, looksLikeNote } from "./text/index.js";
