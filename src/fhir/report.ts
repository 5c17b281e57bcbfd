/**
 * Locus's answer in FHIR R4: a DiagnosticReport (the conclusion in words, conclusion codes in
 * SNOMED CT and ICD-10-CM from the condition catalogue, the Observations it read, and, when the
 * caller gives it, the electrodiagnostic report itself as `presentedForm`: HTML, Markdown and PDF) and a
 * ClinicalImpression (each leading localization and condition as a finding with its basis).
 */
import { randomUUID } from "node:crypto";
import type {
  Attachment,
  Bundle,
  ClinicalImpression,
  ClinicalImpressionFinding,
  CodeableConcept,
  Coding,
  DiagnosticReport,
  Observation,
  Patient,
  Reference,
} from "@medplum/fhirtypes";
import type { AnalysisCondition, AnalysisDifferential } from "../analysis/assemble.js";
import type { Hypothesis } from "../localize/types.js";
import { reportToHtml, reportToMarkdown } from "../report/document/index.js";
import type { EdxReport } from "../report/document/types.js";
import { CONTEXT_CODES, EXTENSIONS, SYSTEMS } from "./codes.js";
import { locusConcept } from "./to-fhir.js";

/** The analysis (src/analysis/assemble.ts) as this report reads it, and the report in words. */
export interface AnalysisForFhir {
  atlasVersion: string;
  hypotheses: Hypothesis[];
  differential: AnalysisDifferential | null;
  /** The report in words. */
  text: string;
}

export interface ReportContext {
  /** fullUrls of the Observations the analysis read. */
  observations: string[];
  patient?: string | undefined;
  caseId?: string | undefined;
  /** Where the case can be opened (the page), when known. */
  caseUrl?: string | undefined;
  /** The electrodiagnostic report of the case (src/report/document), shown as presentedForm. */
  document?: EdxReport | undefined;
  /** That report as PDF bytes (made asynchronously by the caller), added to presentedForm. */
  pdf?: Uint8Array | undefined;
}

const base64 = (bytes: Uint8Array | string) =>
  (typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes)).toString("base64");

/** The report as the DiagnosticReport's presented forms: HTML and Markdown (UTF-8), and PDF when given. */
export function presentedForm(ctx: ReportContext, issued: string): Attachment[] {
  if (!ctx.document) return [];
  const title = `${ctx.document.header.title}: ${ctx.document.header.caseId}`;
  const forms: Attachment[] = [
    {
      contentType: "text/html; charset=utf-8",
      language: "en",
      data: base64(reportToHtml(ctx.document)),
      title,
      creation: issued,
    },
    {
      contentType: "text/markdown; charset=utf-8",
      language: "en",
      data: base64(reportToMarkdown(ctx.document)),
      title,
      creation: issued,
    },
  ];
  if (ctx.pdf)
    forms.push({
      contentType: "application/pdf",
      language: "en",
      data: base64(ctx.pdf),
      title,
      creation: issued,
    });
  return forms;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

export function lesionText(h: Hypothesis): string {
  return h.lesions
    .map((l) => {
      const level = l.level.replace(/_/g, " ");
      return l.sites.length ? `${l.side} ${level} ${l.sites.join(", ")}` : `${l.side} ${level}`;
    })
    .join(" + ");
}

/** A localization as a Locus code: `root:L5:left`, `nerve:common_peroneal@fibular_head:left`. */
export function lesionConcept(h: Hypothesis): CodeableConcept {
  return {
    coding: h.lesions.map((l) => ({
      system: SYSTEMS.locus,
      code: `${l.level}:${l.sites.join("+") || "-"}:${l.side}`,
    })),
    text: lesionText(h),
  };
}

export function conditionConcept(c: AnalysisCondition): CodeableConcept {
  const coding: Coding[] = [];
  if (c.codes.snomed) coding.push({ system: SYSTEMS.snomed, code: c.codes.snomed, display: c.name });
  coding.push({ system: SYSTEMS.icd10cm, code: c.codes.icd10cm });
  for (const extra of c.codes.icd10cmAlso ?? []) coding.push({ system: SYSTEMS.icd10cm, code: extra });
  coding.push({ system: SYSTEMS.locus, code: c.id, display: c.name });
  return { coding, text: c.name };
}

const probability = (p: number) => ({
  url: EXTENSIONS.probability,
  valueDecimal: Math.round(p * 1000) / 1000,
});

function hypothesisBasis(h: Hypothesis): string {
  const parts = [`probability ${pct(h.probability)}`];
  if (h.detail.length) parts.push(h.detail.join("; "));
  if (h.explains.length) parts.push(`explains: ${h.explains.map((r) => r.text).join("; ")}`);
  if (h.against.length) parts.push(`against: ${h.against.map((r) => r.text).join("; ")}`);
  if (h.unexplained.length) parts.push(`unexplained: ${h.unexplained.map((r) => r.text).join("; ")}`);
  return parts.join(". ");
}

function conditionBasis(c: AnalysisCondition): string {
  const parts = [`probability ${pct(c.probability)}`];
  if (c.for.length) parts.push(`for: ${c.for.map((r) => r.text).join("; ")}`);
  if (c.against.length) parts.push(`against: ${c.against.map((r) => r.text).join("; ")}`);
  return parts.join(". ");
}

export function buildReport(
  a: AnalysisForFhir,
  ctx: ReportContext,
  now = new Date(),
): { diagnosticReport: DiagnosticReport; clinicalImpression: ClinicalImpression; bundle: Bundle } {
  const subject: Reference<Patient> | undefined = ctx.patient ? { reference: ctx.patient } : undefined;
  const results: Reference<Observation>[] = ctx.observations.map((reference) => ({ reference }));
  const top = a.hypotheses.slice(0, 3);
  const conditions = (a.differential?.conditions ?? []).slice(0, 3);
  const atlas = { url: EXTENSIONS.atlasVersion, valueString: a.atlasVersion };
  const issued = now.toISOString();
  const forms = presentedForm(ctx, issued);

  const diagnosticReport: DiagnosticReport = {
    resourceType: "DiagnosticReport",
    extension: [atlas],
    status: "preliminary",
    code: locusConcept(CONTEXT_CODES.report, "Locus localization report (decision support)"),
    ...(subject ? { subject } : {}),
    issued,
    ...(ctx.caseId ? { identifier: [{ system: SYSTEMS.locusCaseId, value: ctx.caseId }] } : {}),
    result: results,
    conclusion: a.text,
    conclusionCode: [...top.slice(0, 1).map(lesionConcept), ...conditions.map(conditionConcept)],
    ...(forms.length ? { presentedForm: forms } : {}),
  };

  const findings: ClinicalImpressionFinding[] = [
    ...top.map((h) => ({
      extension: [probability(h.probability)],
      itemCodeableConcept: lesionConcept(h),
      basis: hypothesisBasis(h),
    })),
    ...conditions.map((c) => ({
      extension: [probability(c.probability)],
      itemCodeableConcept: conditionConcept(c),
      basis: conditionBasis(c),
    })),
  ];
  const flags = a.differential?.redFlags ?? [];
  const clinicalImpression: ClinicalImpression = {
    resourceType: "ClinicalImpression",
    extension: [atlas],
    status: "completed",
    description:
      "Where the lesion is, what it is likely to be, and what would settle it (Locus, decision support)",
    subject: subject ?? { display: "the patient of the submitted observations" },
    date: issued,
    summary: a.text,
    finding: findings,
    ...(results.length ? { investigation: [{ code: { text: "findings Locus read" }, item: results }] } : {}),
    note: [
      { text: "Decision support, not a diagnosis: Locus reasons over the findings it was given." },
      ...flags.map((f) => ({ text: `Red flag (${f.severity}): ${f.text}` })),
      ...(ctx.caseUrl ? [{ text: `Open the case: ${ctx.caseUrl}` }] : []),
    ],
  };

  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "collection",
    timestamp: issued,
    entry: [
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: diagnosticReport },
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: clinicalImpression },
    ],
  };
  return { diagnosticReport, clinicalImpression, bundle };
}
