/** The electrodiagnostic report: one model (model.ts), laid out as Markdown and HTML (pdf.ts: PDF, Node only). */
export { characterize, type EdxCharacter } from "./character.js";
export { reportToHtml } from "./html.js";
export { reportToMarkdown } from "./markdown.js";
export { buildReport } from "./model.js";
export { citation, reportSources } from "./sources.js";
export type * from "./types.js";
