/** Small synthetic cases for the localization tests (kept out of the build). */
import type { Finding, Lesion, LocusCase } from "../../case/schema.js";

export const lesion = (level: Lesion["level"], sites: string[], side: Lesion["side"]): Lesion => ({
  level,
  sites,
  side,
});

/** A case of these findings in a woman of 45, subacute over 60 days, unless `extra` says otherwise. */
export const caseOf = (findings: Finding[], extra: Partial<LocusCase> = {}): LocusCase => ({
  format: "locus-case/1",
  id: "test",
  patient: { age: 45, sex: "female" },
  context: { onset: "subacute", durationDays: 60 },
  findings,
  ...extra,
});
