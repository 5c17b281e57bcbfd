export { type CaseResult, type EvalReport, evaluateFolder } from "./run.js";
export {
  type CaseScore,
  lesionMatches,
  overlaps,
  quantile,
  type Summary,
  scoreCase,
  setMatches,
  summarise,
} from "./score.js";
