/**
 * A FHIR Bundle through the pipeline: Bundle -> LocusCase -> analysis -> DiagnosticReport and
 * ClinicalImpression. Shared by the HTTP route and `locus fhir`. Pure apart from ids and clock.
 */
import type { Bundle } from "@medplum/fhirtypes";
import type { Issue, LocusCase } from "../case/index.js";
import { buildReport, bundleToCase, toBundlePath } from "../fhir/index.js";
import { buildReport as buildEdxReport } from "../report/document/index.js";
import { type Analysis, analyse, reportText } from "./analysis.js";
import type { Engine } from "./engine.js";

export type FhirAnswer =
  | {
      ok: true;
      case: LocusCase;
      /** What could not be read, and the case stage's warnings, with Bundle paths. */
      warnings: Issue[];
      analysis: Analysis;
      bundle: Bundle;
    }
  | { ok: false; stage: "bundle" | "case"; errors: Issue[]; warnings: Issue[] };

export function readBundle(
  engine: Engine,
  input: unknown,
):
  | { ok: true; case: LocusCase; warnings: Issue[]; observations: string[]; patient: string | undefined }
  | {
      ok: false;
      stage: "bundle" | "case";
      errors: Issue[];
      warnings: Issue[];
    } {
  const read = bundleToCase(input);
  if (!read.ok) return { ok: false, stage: "bundle", errors: read.errors, warnings: [] };
  const parsed = engine.parseCase(read.case);
  const map = (i: Issue) => toBundlePath(i, read.findingEntries);
  if (!parsed.ok)
    return {
      ok: false,
      stage: "case",
      errors: parsed.errors.map(map),
      warnings: [...read.warnings, ...parsed.warnings.map(map)],
    };
  return {
    ok: true,
    case: parsed.case,
    warnings: [...read.warnings, ...parsed.warnings.map(map)],
    observations: read.observationUrls,
    patient: read.patientUrl,
  };
}

export function fhirLocalize(
  engine: Engine,
  input: unknown,
  options: { caseUrl?: (id: string) => string } = {},
): FhirAnswer {
  const read = readBundle(engine, input);
  if (!read.ok) return read;
  const analysis = analyse(engine, read.case);
  const { bundle } = buildReport(
    { ...analysis, text: reportText(analysis) },
    {
      observations: read.observations,
      patient: read.patient,
      caseId: read.case.id,
      caseUrl: read.case.id && options.caseUrl ? options.caseUrl(read.case.id) : undefined,
      document: buildEdxReport(read.case, analysis),
    },
  );
  return { ok: true, case: read.case, warnings: read.warnings, analysis, bundle };
}
