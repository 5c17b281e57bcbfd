import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LocusCase, parseCase } from "../case/index.js";
import { v11Case } from "../case/test-helpers/v11.js";
import { LAB_LOINC, SYSTEMS } from "./codes.js";
import { bundleToCase } from "./from-fhir.js";
import { caseToBundle } from "./to-fhir.js";

const DIR = join(import.meta.dirname, "../../demo/cases");
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ name: f, json: JSON.parse(readFileSync(join(DIR, f), "utf8")) as LocusCase }));

const roundTrip = (c: unknown) => {
  const back = bundleToCase(JSON.parse(JSON.stringify(caseToBundle(c as LocusCase))));
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  return back;
};

describe("LocusCase <-> FHIR Bundle", () => {
  it.each(cases)("round-trips $name unchanged", ({ json }) => {
    const back = roundTrip(json);
    expect(back.case).toEqual(json);
    expect(back.warnings).toEqual([]);
  });

  it("round-trips a case with every FORMAT v1.1 addition (course, denies, block segments, Tinel sites)", () => {
    const c = v11Case();
    const back = roundTrip(c);
    expect(back.case).toEqual(c);
    expect(back.warnings).toEqual([]);
    const empty = { ...c, context: { denies: [] } };
    expect(roundTrip(empty).case).toEqual(empty);
  });

  it("codes the new laboratory tests with LOINC", () => {
    const c = {
      format: "locus-case/1",
      id: "labs",
      findings: [{ kind: "lab", test: "wbc", result: "elevated" }],
    };
    const obs = caseToBundle(c as LocusCase).entry?.[0]?.resource as {
      code: { coding: { system: string; code: string }[] };
    };
    expect(obs.code.coding[0]).toMatchObject({ system: SYSTEMS.loinc, code: LAB_LOINC.wbc?.code });
  });

  it("round-trips edge shapes: empty context, empty lists, numbers and strings for MRC, no side", () => {
    const c = {
      format: "locus-case/1",
      id: "edge",
      patient: {},
      context: { history: [], symptoms: [] },
      findings: [
        { kind: "strength", target: "hip_flexion", mrc: 4 },
        { kind: "strength", side: "left", target: "hip_flexion", mrc: "4-" },
        { kind: "imaging", modality: "mri_spine", tags: [] },
        { kind: "imaging", modality: "mri_spine", tags: ["disc_herniation"], level: "L4-L5", side: "left" },
        {
          kind: "ncs",
          study: "sural_sensory",
          result: "reduced",
          amplitude: 2.5,
          unit: "uV",
          velocity: 41.3,
        },
        { kind: "sign", sign: "atrophy", target: "calf muscles", present: false },
        { kind: "lab", test: "spep", result: "normal" },
      ],
      meta: { a: [1, { b: null }] },
      notes: 'free text, with "quotes" and ünïcode',
    };
    expect(roundTrip(c).case).toEqual(c);
    expect(roundTrip({ format: "locus-case/1", id: "x", findings: [], context: {} }).case).toEqual({
      format: "locus-case/1",
      id: "x",
      findings: [],
      context: {},
    });
  });

  it("round-trips generated cases", () => {
    const side = fc.option(fc.constantFrom("left", "right", "bilateral"), { nil: undefined });
    const finding = fc.oneof(
      fc.record({
        kind: fc.constant("strength"),
        side,
        target: fc.constantFrom("hip_flexion", "EHL"),
        mrc: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom("4-", "weak", "3+")),
      }),
      fc.record({
        kind: fc.constant("reflex"),
        side,
        reflex: fc.constantFrom("patellar", "achilles"),
        grade: fc.constantFrom("absent", "brisk"),
      }),
      fc.record({
        kind: fc.constant("emg"),
        side,
        muscle: fc.constantFrom("tibialis_anterior", "paraspinal_L5"),
        spontaneous: fc.option(fc.constantFrom("none", "fibrillations"), { nil: undefined }),
        grade: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      }),
      fc.record({
        kind: fc.constant("lab"),
        test: fc.constantFrom("ck", "esr", "csf_protein"),
        result: fc.constantFrom("normal", "elevated", "low"),
        value: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: undefined }),
      }),
    );
    const clean = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
        (fs, age, history) => {
          const c: Record<string, unknown> = { format: "locus-case/1", id: "gen", findings: fs.map(clean) };
          if (age !== undefined) c.patient = { age };
          if (history.length) c.context = { history };
          expect(roundTrip(c).case).toEqual(c);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads laboratory Observations by LOINC code and interpretation, and reports what it skips", () => {
    const bundle = {
      resourceType: "Bundle",
      type: "searchset",
      entry: [
        {
          fullUrl: "Patient/1",
          resource: { resourceType: "Patient", gender: "female", birthDate: "1960-01-01" },
        },
        {
          resource: {
            resourceType: "Observation",
            status: "final",
            code: { coding: [{ system: SYSTEMS.loinc, code: LAB_LOINC.ck?.code }] },
            valueQuantity: { value: 1450, unit: "U/L" },
            interpretation: [{ coding: [{ system: SYSTEMS.interpretation, code: "H" }] }],
          },
        },
        {
          resource: {
            resourceType: "Observation",
            status: "final",
            code: { coding: [{ system: SYSTEMS.loinc, code: "8867-4", display: "Heart rate" }] },
            valueQuantity: { value: 70 },
          },
        },
        { resource: { resourceType: "MedicationStatement" } },
      ],
    };
    const r = bundleToCase(bundle);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.patient).toMatchObject({ sex: "female" });
    expect((r.case.patient as { age: number }).age).toBeGreaterThan(60);
    expect(r.case.findings).toEqual([
      { kind: "lab", test: "ck", result: "elevated", value: 1450, unit: "U/L" },
    ]);
    expect(r.warnings.map((w) => w.path)).toEqual([
      ["entry", 2, "resource", "code"],
      ["entry", 3, "resource"],
    ]);
    expect(parseCase(r.case).ok).toBe(true);
  });

  it("rejects what is not a Bundle with the path of the problem", () => {
    const r = bundleToCase({ resourceType: "Patient" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toEqual(["resourceType"]);
    const r2 = bundleToCase({ resourceType: "Bundle", entry: [{ resource: { resourceType: 5 } }] });
    expect(r2.ok).toBe(false);
  });
});
