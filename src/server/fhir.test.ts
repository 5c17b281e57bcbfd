import type { Bundle, ClinicalImpression, DiagnosticReport } from "@medplum/fhirtypes";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/index.js";
import { memoryIo } from "../cli/io.js";
import { caseToBundle, SYSTEMS } from "../fhir/index.js";
import { devCases, jsonRequest, type TestApp, testApp } from "./test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const sample = () => devCases().find((c) => c.name.startsWith("seed-004"))!.json;
const fhirRequest = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/fhir+json" },
  body: JSON.stringify(body),
});

describe("FHIR over HTTP", () => {
  it("answers a Bundle of Observations with a DiagnosticReport and a ClinicalImpression", async () => {
    t = await testApp();
    const res = await t.app.request("/api/v1/fhir/localize", fhirRequest(caseToBundle(sample())));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/fhir\+json/);
    const bundle = (await res.json()) as Bundle;
    const [dr, ci] = (bundle.entry ?? []).map((e) => e.resource) as [DiagnosticReport, ClinicalImpression];
    expect(dr.resourceType).toBe("DiagnosticReport");
    expect(dr.status).toBe("preliminary");
    expect(dr.result?.length).toBe(sample().findings.length);
    expect(dr.extension?.[0]).toMatchObject({ valueString: "test-atlas-1" });
    const systems = dr.conclusionCode?.flatMap((c) => c.coding?.map((x) => x.system) ?? []);
    expect(systems).toContain(SYSTEMS.icd10cm);
    expect(dr.conclusion).toMatch(/L5/);
    expect(ci.resourceType).toBe("ClinicalImpression");
    expect(ci.finding?.[0]?.basis).toMatch(/probability 70%/);
    expect(ci.note?.map((n) => n.text).join(" ")).toMatch(/Red flag \(critical\)/);
    expect(ci.subject.reference).toBe(dr.subject?.reference);
  });

  it("converts both ways: case -> Observations -> case", async () => {
    t = await testApp();
    const obs = await t.app.request("/api/v1/fhir/observations", jsonRequest("POST", sample()));
    expect(obs.status).toBe(200);
    const back = await t.app.request("/api/v1/fhir/case", fhirRequest(await obs.json()));
    expect(((await back.json()) as { case: unknown }).case).toEqual(sample());
  });

  it("answers 400 with Bundle paths for what is not a Bundle, or not a valid case", async () => {
    t = await testApp();
    const notBundle = await t.app.request("/api/v1/fhir/localize", fhirRequest({ resourceType: "Patient" }));
    expect(notBundle.status).toBe(400);
    expect(await notBundle.json()).toMatchObject({
      error: { code: "invalid_bundle", issues: [{ path: ["resourceType"] }] },
    });
    const bundle = caseToBundle({
      ...sample(),
      findings: [{ kind: "strength", side: "left", target: "hip_flexion", mrc: 4 }],
    });
    const obs = bundle.entry?.find(
      (e) => e.resource?.resourceType === "Observation" && JSON.stringify(e.resource).includes("strength"),
    );
    (obs?.resource as { valueInteger?: number }).valueInteger = 9;
    const invalid = await t.app.request("/api/v1/fhir/localize", fhirRequest(bundle));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { code: string; issues: { path: unknown[] }[] } };
    expect(body.error.code).toBe("invalid_case");
    expect(body.error.issues[0]?.path[0]).toBe("entry");
  });
});

describe("locus fhir", () => {
  it("does offline what the route does", async () => {
    const io = memoryIo({ "b.json": JSON.stringify(caseToBundle(sample())) });
    expect(await main(["node", "locus", "fhir", "b.json"], io)).toBe(0);
    const bundle = JSON.parse(io.stdout) as Bundle;
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual([
      "DiagnosticReport",
      "ClinicalImpression",
    ]);
  });

  it("prints the case with --case and makes Observations with --from-case", async () => {
    const io = memoryIo({ "c.json": JSON.stringify(sample()) });
    expect(await main(["node", "locus", "fhir", "--from-case", "c.json"], io)).toBe(0);
    const io2 = memoryIo({ "b.json": io.stdout });
    expect(await main(["node", "locus", "fhir", "--case", "b.json"], io2)).toBe(0);
    expect(JSON.parse(io2.stdout)).toEqual(sample());
  });

  it("exits 1 with the path of the problem for a bad Bundle, 74 for a missing file", async () => {
    const io = memoryIo({ "bad.json": '{"resourceType": "Bundle", "entry": 3}' });
    expect(await main(["node", "locus", "fhir", "bad.json"], io)).toBe(1);
    expect(io.stderr).toMatch(/entry/);
    expect(await main(["node", "locus", "fhir", "missing.json"], memoryIo())).toBe(74);
  });
});
