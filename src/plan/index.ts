/**
 * The next test: which test not yet done best separates the current localization hypotheses,
 * per unit of burden, and what each leading hypothesis predicts for it.
 */
export { burden, planSources } from "./data/burden.js";
export {
  type Plan,
  type PlanHypothesis,
  type PlanOptions,
  type Prediction,
  plan,
  type Suggestion,
} from "./plan.js";
export {
  type HiddenLesion,
  type Rng,
  SimulatedPatient,
  type SimulateOptions,
  seededRng,
  simulateFindings,
} from "./simulate.js";
export { allTests, burdenOf, type TestKind, type TestRef, testName, testsNotDone } from "./tests.js";
