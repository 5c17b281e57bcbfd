export { type Analysis, type AnalyzeOptions, analyze } from "./analyze.js";
export { renderMarkdown } from "./markdown.js";
export { renderText, type TextOptions } from "./text.js";
export { bar, hypothesisWords, lesionWords, pct } from "./words.js";
