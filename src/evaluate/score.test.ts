import { describe, expect, it } from "vitest";
import type { Expected, Lesion } from "../case/schema.js";
import { diagnosisBrier, overlaps, scoreCase, setMatches, summarise } from "./score.js";

const L = (level: Lesion["level"], sites: string[], side: Lesion["side"]): Lesion => ({ level, sites, side });

describe("FORMAT.md scoring", () => {
  const expected: Expected = {
    localization: [L("root", ["L5", "S1"], "left"), L("polyneuropathy", [], "bilateral")],
    alsoAcceptable: [[L("root", ["L5", "S1"], "left")]],
    diagnosis: "neuralgic_amyotrophy",
    alsoAcceptableDiagnoses: ["idiopathic_lumbosacral_radiculoplexus_neuropathy"],
  };
  it("matches lesions by level, side and the set of sites, in any order", () => {
    expect(
      setMatches(
        [L("polyneuropathy", [], "bilateral"), L("root", ["S1", "L5"], "left")],
        expected.localization,
      ),
    ).toBe(true);
    expect(setMatches([L("root", ["L5", "S1"], "right")], expected.alsoAcceptable![0]!)).toBe(false);
    expect(
      setMatches([L("root", ["L5", "S1"], "left"), L("root", ["L4"], "left")], expected.alsoAcceptable![0]!),
    ).toBe(false);
  });
  it("counts overlap by Jaccard of at least one half", () => {
    expect(overlaps([L("root", ["L5"], "left")], [L("root", ["L5", "S1"], "left")])).toBe(true);
    expect(overlaps([L("root", ["L4"], "left")], [L("root", ["L5", "S1"], "left")])).toBe(false);
  });
  it("scores exact, top-3 and diagnoses", () => {
    const hyps = [
      { lesions: [L("plexus", ["sacral_plexus"], "left")] },
      { lesions: [L("root", ["L5", "S1"], "left")] },
    ];
    const s = scoreCase(expected, hyps, [
      "lumbar_spinal_stenosis",
      "idiopathic_lumbosacral_radiculoplexus_neuropathy",
    ]);
    expect(s).toEqual({
      exact: false,
      overlap: false,
      top3: true,
      diagnosisTop1: false,
      diagnosisTop3: true,
      diagnosisBrier: null,
    });
    expect(scoreCase(expected, hyps, null).diagnosisTop1).toBeNull();
  });
  it("summarises as fractions with timing", () => {
    const s = summarise(
      [
        {
          exact: true,
          overlap: true,
          top3: true,
          diagnosisTop1: null,
          diagnosisTop3: null,
          diagnosisBrier: 0.2,
        },
        {
          exact: false,
          overlap: true,
          top3: true,
          diagnosisTop1: null,
          diagnosisTop3: null,
          diagnosisBrier: null,
        },
      ],
      [1, 3],
    );
    expect(s).toMatchObject({
      cases: 2,
      exact: 0.5,
      overlap: 1,
      top3: 1,
      diagnosisTop1: null,
      diagnosisBrier: 0.2,
      medianMs: 3,
    });
  });
  it("scores diagnosis probabilities with the Brier score, acceptable diagnoses as one class", () => {
    expect(diagnosisBrier(["a"], [{ id: "a", probability: 1 }])).toBe(0);
    expect(diagnosisBrier(["a"], [{ id: "b", probability: 1 }])).toBe(2);
    // 0.6 right, 0.3 and 0.1 on two wrong: 0.16 + 0.09 + 0.01
    const b = diagnosisBrier(
      ["a", "a2"],
      [
        { id: "a", probability: 0.4 },
        { id: "a2", probability: 0.2 },
        { id: "b", probability: 0.3 },
        { id: "c", probability: 0.1 },
      ],
    );
    expect(b).toBeCloseTo(0.26, 10);
    // what is left unlisted counts as one wrong class
    expect(diagnosisBrier(["a"], [{ id: "a", probability: 0.5 }])).toBeCloseTo(0.5, 10);
  });
});
