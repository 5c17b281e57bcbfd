/** CDS Hooks 2.0: the Locus patient-view service. */

export * from "./schema.js";
export { type CardInput, cards, DISCOVERY, hookCaseId, PREFETCH, SERVICE_ID } from "./service.js";
