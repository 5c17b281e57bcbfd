import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import { DEV_CASES } from "../paths.js";
import { analyze } from "../report/analyze.js";
import { buildReport as buildEdxReport } from "../report/document/index.js";
import { reportToPdf } from "../report/document/pdf.js";
import { pdfText } from "../report/document/test-helpers/pdf-text.js";
import { fakeDifferential, fakeLocalize } from "../server/test-helpers/app.js";
import { SYSTEMS } from "./codes.js";
import { buildReport, lesionConcept } from "./report.js";

const c = {
  format: "locus-case/1" as const,
  id: "r1",
  findings: [{ kind: "strength" as const, side: "left" as const, target: "ankle_dorsiflexion", mrc: 3 }],
};
const analysis = () => ({
  atlasVersion: "9.9.9",
  hypotheses: fakeLocalize(c).hypotheses,
  differential: fakeDifferential(),
  text: "1. left root L5 (70%)",
});

describe("DiagnosticReport and ClinicalImpression", () => {
  it("code the leading localization in Locus codes and the leading conditions in ICD-10-CM (and SNOMED CT when the catalogue has it)", () => {
    const { diagnosticReport: dr } = buildReport(analysis(), {
      observations: ["urn:uuid:a"],
      patient: "urn:uuid:p",
    });
    expect(dr.conclusionCode?.[0]?.coding?.[0]).toEqual({ system: SYSTEMS.locus, code: "root:L5:left" });
    const icd = dr.conclusionCode
      ?.slice(1)
      .map((cc) => cc.coding?.find((x) => x.system === SYSTEMS.icd10cm)?.code);
    expect(icd).toEqual(["M51.16", "G54.1"]);
    expect(dr.extension).toEqual([
      { url: "urn:locus:fhir:StructureDefinition:atlas-version", valueString: "9.9.9" },
    ]);
    expect(dr.result).toEqual([{ reference: "urn:uuid:a" }]);
    expect(dr.subject).toEqual({ reference: "urn:uuid:p" });
  });

  it("give each finding its probability and basis, and a subject even without a Patient", () => {
    const { clinicalImpression: ci } = buildReport(analysis(), { observations: [] });
    expect(ci.subject).toEqual({ display: "the patient of the submitted observations" });
    expect(ci.finding?.[0]?.extension?.[0]).toMatchObject({ valueDecimal: 0.7 });
    expect(ci.finding?.[1]?.basis).toMatch(/against: paraspinal denervation/);
    expect(ci.investigation).toBeUndefined();
    expect(ci.note?.map((n) => n.text).join("\n")).toMatch(/Decision support, not a diagnosis/);
  });

  it("write multi-lesion hypotheses as one concept with a coding per lesion", () => {
    const h = fakeLocalize(c).hypotheses[0]!;
    const two = {
      ...h,
      lesions: [...h.lesions, { level: "polyneuropathy" as const, sites: [], side: "bilateral" as const }],
    };
    expect(lesionConcept(two).coding?.map((x) => x.code)).toEqual([
      "root:L5:left",
      "polyneuropathy:-:bilateral",
    ]);
    expect(lesionConcept(two).text).toBe("left root L5 + bilateral polyneuropathy");
  });
});

describe("the electrodiagnostic report as presentedForm", () => {
  const seed = parseCaseText(
    readFileSync(join(DEV_CASES, "seed-004-neoplastic-plexopathy.json"), "utf8"),
    "seed-004",
  );
  if (!seed.ok) throw new Error("seed 004 does not parse");
  const document = buildEdxReport(seed.case, analyze(seed.case));
  const decode = (data: string | undefined) => Buffer.from(data ?? "", "base64");

  it("carries the report as HTML and Markdown beside the Observations, and as PDF when given", async () => {
    const pdf = await reportToPdf(document);
    const { diagnosticReport: dr } = buildReport(analysis(), { observations: ["urn:uuid:a"], document, pdf });
    expect(dr.result).toEqual([{ reference: "urn:uuid:a" }]);
    expect(dr.presentedForm?.map((f) => f.contentType)).toEqual([
      "text/html; charset=utf-8",
      "text/markdown; charset=utf-8",
      "application/pdf",
    ]);
    expect(decode(dr.presentedForm?.[0]?.data).toString("utf8")).toContain("right sacral plexus");
    expect(decode(dr.presentedForm?.[1]?.data).toString("utf8")).toContain("## Needle EMG");
    const text = (await pdfText(decode(dr.presentedForm?.[2]?.data))).join("\n");
    expect(text).toContain("Nerve conduction studies");
  });

  it("is left out when no report is given", () => {
    expect(buildReport(analysis(), { observations: [] }).diagnosticReport.presentedForm).toBeUndefined();
  });
});
