export {
  type Calibration,
  calibration,
  calibrationLines,
  type Forecast,
  type ReliabilityBin,
} from "./calibration.js";
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
