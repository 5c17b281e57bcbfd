import { describe, expect, it } from "vitest";
import type { Finding, LocusCase } from "../case/schema.js";
import { scoreCase, total } from "./eval.js";

const cse = (findings: Finding[]): LocusCase => ({ format: "locus-case/1", id: "x", findings });

describe("strict scoring of extraction", () => {
  const handMade = cse([
    { kind: "reflex", reflex: "achilles", grade: "absent", side: "left" },
    { kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" },
    { kind: "strength", target: "ankle_dorsiflexion", mrc: 4, side: "right" },
    { kind: "sensory", region: "foot_dorsum", change: "reduced", side: "left" },
  ]);

  it("counts a finding read with its opposite value as wrong, not as right", () => {
    const got = cse([
      { kind: "reflex", reflex: "achilles", grade: "absent", side: "left" },
      { kind: "reflex", reflex: "plantar", grade: "extensor", side: "bilateral" },
    ]);
    const s = scoreCase("x", handMade, got);
    expect(s.strict).toMatchObject({ correct: 1, wrongValue: 1, wrongSide: 0, missed: 2, extra: 0 });
    expect(s.strict.precision).toBe(0.5);
    expect(s.strict.recall).toBe(0.25);
    expect(s.wrong[0]).toMatch(/plantar.*flexor -> .*extensor/);
    // The loose figure of earlier versions counts it as right.
    expect(s.overall.tp).toBe(2);
  });

  it("counts a finding read on the other side as a side error, apart from a missed one", () => {
    const got = cse([
      { kind: "strength", target: "ankle_dorsiflexion", mrc: 4, side: "left" },
      { kind: "sign", sign: "babinski", present: false },
    ]);
    const s = scoreCase("x", handMade, got);
    expect(s.strict).toMatchObject({ correct: 0, wrongValue: 0, wrongSide: 1, missed: 3, extra: 1 });
  });

  it('reads 4 and "4" as the same grade, and a missing side as both', () => {
    const got = cse([
      { kind: "strength", target: "ankle_dorsiflexion", mrc: "4", side: "right" },
      { kind: "reflex", reflex: "plantar", grade: "flexor" },
    ]);
    expect(scoreCase("x", handMade, got).strict.correct).toBe(2);
  });

  it("sums cases into one strict F1", () => {
    const a = scoreCase("a", handMade, handMade);
    const b = scoreCase("b", handMade, cse([]));
    const t = total([a, b]);
    expect(t.strict.correct).toBe(4);
    expect(t.strict.missed).toBe(4);
    expect(t.strict.f1).toBeCloseTo(2 / 3, 5);
  });
});

describe("strict scoring of v1.1 others", () => {
  it("a read 'others' makes right the hand-made items it stands for, and is extra when it stands for none", () => {
    const handMade = cse([
      { kind: "strength", target: "hip_flexion", mrc: 5, side: "left" },
      { kind: "strength", target: "knee_extension", mrc: 5, side: "left" },
      { kind: "strength", target: "ankle_dorsiflexion", mrc: 3, side: "left" },
    ]);
    const got = cse([
      { kind: "strength", target: "others", mrc: 5, side: "bilateral" },
      { kind: "strength", target: "ankle_dorsiflexion", mrc: 3, side: "left" },
    ]);
    expect(scoreCase("x", handMade, got).strict).toMatchObject({ correct: 3, missed: 0, extra: 0 });
    const none = cse([{ kind: "reflex", reflex: "others", grade: "normal", side: "left" }]);
    expect(scoreCase("x", handMade, none).strict).toMatchObject({ correct: 0, extra: 1, missed: 3 });
  });

  it("a hand-made 'others' takes in the read items it covers", () => {
    const handMade = cse([{ kind: "sensory", region: "others", change: "normal", side: "bilateral" }]);
    const got = cse([
      { kind: "sensory", region: "foot_dorsum", change: "normal", side: "left" },
      { kind: "sensory", region: "thigh_lateral", change: "normal", side: "right" },
    ]);
    expect(scoreCase("x", handMade, got).strict).toMatchObject({ correct: 1, extra: 0, missed: 0 });
  });
});
