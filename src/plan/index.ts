/**
 * The next test: which test not yet done best settles the decisions that change management (where
 * the lesion is, at the level, side and segment that matter, and the must-not-miss conditions), per
 * unit of cost; what each leading answer predicts for it; the EMG laboratory's next steps; and
 * whether the case is settled.
 */
export { burden, planSources } from "./data/burden.js";
export { type Order, orders } from "./data/orders.js";
export { type Agreement, agreementById, agreementByKind, agreementOf } from "./data/reliability.js";
export { decisionOf } from "./decision.js";
export {
  type Plan,
  type PlanHypothesis,
  type PlanOptions,
  type Prediction,
  plan,
  type Suggestion,
} from "./plan.js";
export type { Protocol, ProtocolStep } from "./protocol.js";
export {
  type HiddenLesion,
  type Rng,
  SimulatedPatient,
  type SimulateOptions,
  seededRng,
  simulateFindings,
} from "./simulate.js";
export {
  allTests,
  burdenOf,
  closedKeys,
  type TestKind,
  type TestRef,
  testName,
  testsNotDone,
} from "./tests.js";
