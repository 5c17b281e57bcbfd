import { describe, expect, it } from "vitest";
import { run } from "../test-helpers/run.js";

const hematoma = JSON.stringify({
  format: "locus-case/1",
  id: "anticoagulated-femoral",
  patient: { age: 70, sex: "male" },
  context: { onset: "acute", history: ["anticoagulation:warfarin"], symptoms: ["groin pain"] },
  findings: [
    { kind: "strength", side: "left", target: "knee_extension", mrc: 3 },
    { kind: "strength", side: "left", target: "hip_adduction", mrc: 5 },
    { kind: "reflex", side: "left", reflex: "knee jerk", grade: "absent" },
    { kind: "sensory", side: "left", region: "thigh_anterior", change: "reduced" },
  ],
});

describe("locus differential", () => {
  it("prints the localization, the red flags, the ranked conditions with reasons, and the work-up", async () => {
    const r = await run(["differential", "case.json"], { "case.json": hematoma });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Localization");
    expect(r.out).toContain("CRITICAL");
    expect(r.out).toContain("retroperitoneal (iliopsoas) hematoma");
    expect(r.out).toMatch(/ 1\. .*Retroperitoneal/);
    expect(r.out).toContain("ICD-10-CM K68.3");
    expect(r.out).toContain("Work-up");
    expect(r.out).toContain("CT of the abdomen and pelvis now");
  });

  it("--json gives the case id, the localization and the differential", async () => {
    const r = await run(["differential", "case.json", "--json"], { "case.json": hematoma });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(j.case).toBe("anticoagulated-femoral");
    expect(j.hypotheses.length).toBeGreaterThan(0);
    expect(j.plan).toBeUndefined();
    expect(j.differential.conditions[0].id).toBe("retroperitoneal_hematoma");
    expect(j.differential.redFlags.map((f: { id: string }) => f.id)).toContain("retroperitoneal_haematoma");
    expect(j.differential.workup[0].urgency).toBe("emergency");
  });

  it("--limit bounds the list", async () => {
    const r = await run(["differential", "case.json", "--json", "--limit", "3"], { "case.json": hematoma });
    const j = JSON.parse(r.out);
    expect(
      j.differential.conditions.filter((c: { mustNotMiss: boolean }) => !c.mustNotMiss).length,
    ).toBeLessThanOrEqual(3);
  });

  it("exits 1 with the validation errors for an invalid case", async () => {
    const bad =
      '{"format": "locus-case/1", "id": "bad", "findings": [{"kind": "emg", "muscle": "tibialis_anterio"}]}';
    const r = await run(["differential", "bad.json"], { "bad.json": bad });
    expect(r.code).toBe(1);
    expect(r.err).toContain("tibialis_anterior");
    const j = await run(["differential", "bad.json", "--json"], { "bad.json": bad });
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out).ok).toBe(false);
  });

  it("exits 74 for a missing file, 2 for a bad --limit", async () => {
    expect((await run(["differential", "nope.json"])).code).toBe(74);
    expect((await run(["differential", "case.json", "--limit", "0"], { "case.json": hematoma })).code).toBe(
      2,
    );
  });
});
