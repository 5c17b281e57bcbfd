import { describe, expect, it } from "vitest";
import { run } from "../test-helpers/run.js";

const footDrop = JSON.stringify({
  format: "locus-case/1",
  id: "foot-drop",
  patient: { age: 50 },
  context: { durationDays: 60 },
  findings: [
    { kind: "strength", side: "left", target: "ankle dorsiflexion", mrc: 3 },
    { kind: "strength", side: "left", target: "great_toe_extension", mrc: 3 },
    { kind: "sensory", side: "left", region: "foot_dorsum", change: "reduced" },
    { kind: "emg", side: "left", muscle: "biceps femoris short head", spontaneous: "none", muap: "normal" },
  ],
});

describe("locus plan", () => {
  it("prints the hypotheses and the next tests with what each hypothesis predicts", async () => {
    const r = await run(["plan", "case.json"], { "case.json": footDrop });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Hypotheses now");
    expect(r.out).toContain("left common peroneal nerve at the fibular head");
    expect(r.out).toContain("left L5 root");
    expect(r.out).toMatch(/ 1\. left .+ gain \d\.\d\d, burden \d/);
    expect(r.out).toContain("predicts");
  });

  it("--json gives the suggestions, best first, in the documented shape", async () => {
    const r = await run(["plan", "case.json", "--json", "--limit", "3"], { "case.json": footDrop });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(j.case).toBe("foot-drop");
    expect(j.suggestions).toHaveLength(3);
    for (const s of j.suggestions) {
      expect(Object.keys(s.test).sort()).toEqual(["id", "kind", "side"]);
      expect(typeof s.gain).toBe("number");
      expect(typeof s.burden).toBe("number");
      expect(s.predictions.length).toBeGreaterThan(0);
      for (const p of s.predictions) {
        expect(typeof p.hypothesis).toBe("string");
        expect(typeof p.expected).toBe("string");
      }
    }
    expect(j.suggestions[0].value).toBeGreaterThanOrEqual(j.suggestions[1].value);
    expect(j.hypotheses[0].probability).toBeGreaterThan(0);
  });

  it("an invalid case exits 1 with the JSON path of the error", async () => {
    const bad = JSON.stringify({
      format: "locus-case/1",
      id: "x",
      findings: [{ kind: "reflex", side: "left" }],
    });
    const r = await run(["plan", "bad.json"], { "bad.json": bad });
    expect(r.code).toBe(1);
    expect(r.err).toContain("findings");
    const j = await run(["plan", "bad.json", "--json"], { "bad.json": bad });
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out).ok).toBe(false);
  });

  it("a bad --limit exits 2, a missing file 74", async () => {
    expect((await run(["plan", "case.json", "--limit", "0"], { "case.json": footDrop })).code).toBe(2);
    const missing = await run(["plan", "nowhere.json"]);
    expect(missing.code).toBe(74);
    expect(missing.err).toContain("cannot be read");
  });
});
