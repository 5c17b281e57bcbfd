import { describe, expect, it } from "vitest";
import { gradesIn } from "./mrc.js";

const grades = (t: string) => gradesIn(t).map((g) => g.mrc);

describe("gradesIn", () => {
  it.each([
    ["weakness with left hip flexion (Medical Research Council Grade 4)", ["4"]],
    ["TA 4/5, EHL 3-/5, gastrocnemius 5/5", ["4", "3-", "5"]],
    ["EHL 3-, tibialis anterior 4+", ["3-", "4+"]],
    ["ankle dorsiflexion grade 0", ["0"]],
    ["motor function was 0 in both flexors and poor in the knee flexors", ["0", "2"]],
    ["the L4/5 disc, 5 days ago", []],
  ])("%s", (t, want) => {
    expect(grades(t)).toEqual(want);
  });

  it("leaves out grades that only explain the scale", () => {
    const t =
      "The test goes from grade 0 (no contraction) to grade 5 (normal) and showed ankle plantar flexion at Grade 4 (good: some resistance) out of 5.";
    expect(grades(t)).toEqual(["4"]);
    expect(grades("MRC scores are as follows: 0, no contraction; 1, palpable contraction")).toEqual([]);
  });

  it("says whether a grade is written before what it grades", () => {
    const [a, b] = gradesIn("power 0 in the ankle flexors; knee extension 4/5");
    expect(a?.forward).toBe(true);
    expect(b?.forward).toBe(false);
  });
});
