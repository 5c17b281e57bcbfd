/** FHIR R4 in and out: Bundle of Observations <-> LocusCase, and the answer as DiagnosticReport + ClinicalImpression. */
export * from "./codes.js";
export { type BundleRead, type BundleResult, bundleToCase, toBundlePath } from "./from-fhir.js";
export {
  type AnalysisForFhir,
  buildReport,
  conditionConcept,
  lesionConcept,
  lesionText,
  type ReportContext,
} from "./report.js";
export { caseToBundle } from "./to-fhir.js";
