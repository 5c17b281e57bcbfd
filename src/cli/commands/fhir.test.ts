import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../test-helpers/run.js";

const DEMO = join(import.meta.dirname, "../../../demo/cases");
const seed = readFileSync(join(DEMO, "seed-000-l3-radiculopathy.json"), "utf8");

describe("locus fhir", () => {
  it("turns a case into a Bundle and the Bundle into the same answer the API gives", async () => {
    const bundle = await run(["fhir", "--from-case", "case.json"], { "case.json": seed });
    expect(bundle.code).toBe(0);
    const b = JSON.parse(bundle.out);
    expect(b.resourceType).toBe("Bundle");
    const back = await run(["fhir", "--case", "b.json"], { "b.json": bundle.out });
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out).findings).toEqual(JSON.parse(seed).findings);
    const report = await run(["fhir", "b.json"], { "b.json": bundle.out });
    expect(report.code).toBe(0);
    const types = JSON.parse(report.out).entry.map(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType,
    );
    expect(types).toContain("DiagnosticReport");
    expect(types).toContain("ClinicalImpression");
  });

  it("exits 74 when the file cannot be read, 1 for text that is not JSON or not a Bundle", async () => {
    const missing = await run(["fhir", "missing.json"]);
    expect(missing.code).toBe(74);
    expect(missing.err).toMatch(/cannot read missing\.json/);
    const text = await run(["fhir", "x.json"], { "x.json": "not json" });
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/x\.json is not JSON/);
    const other = await run(["fhir", "p.json"], { "p.json": '{"resourceType":"Patient"}' });
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/not a FHIR Bundle/);
  });
});
