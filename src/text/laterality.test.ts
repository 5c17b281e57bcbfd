import { describe, expect, it } from "vitest";
import { extract } from "./index.js";
import { headerSide, sideFor, sideMentions } from "./laterality.js";

const side = (s: string, phrase: string, head?: string) => {
  const i = s.indexOf(phrase);
  const h = head ? s.indexOf(head) : i;
  return sideFor(s, i, i + phrase.length, { from: 0, to: s.length }, sideMentions(s), undefined, h);
};

describe("laterality", () => {
  it.each([
    ["weakness with left hip flexion", "hip flexion", "left"],
    ["His knee jerk was absent on the left.", "knee jerk", "left"],
    ["left-sided disc prolapse at L3/L4", "disc prolapse", "left"],
    ["absent SNAPs bilaterally", "SNAPs", "bilateral"],
    ["the sural response was 6 uV on both sides", "sural", "bilateral"],
    ["The right ankle reflex was absent.", "ankle reflex", "right"],
    ["weakness in the right lower limb of the knee flexors", "knee flexors", "right"],
  ])("%s: %s is %s", (s, p, want) => {
    expect(side(s, p)).toBe(want);
  });

  it("gives one side to a list", () => {
    const s = "fibrillations in the left paraspinals, tibialis anterior, and gluteus maximus muscles";
    expect(side(s, "gluteus maximus", "paraspinals")).toBe("left");
  });

  it("does not take a comparison for the side of a finding", () => {
    const s = "the CMAP of the left peroneal nerve was 4.1% of the right peroneal nerve";
    expect(side(s, "peroneal nerve")).toBe("left");
    const refs = sideMentions(s).filter((m) => m.reference);
    expect(refs.map((m) => m.side)).toEqual(["right"]);
  });

  it("keeps sides inside their clause", () => {
    const s = "the knee jerk was normal, however, the ankle jerk on the right was decreased";
    expect(side(s, "knee jerk")).toBe("right");
    const clause = "the knee jerk was normal";
    expect(
      sideFor(s, 4, 13, { from: 0, to: clause.length }, sideMentions(s, 0, clause.length)),
    ).toBeUndefined();
  });
});

describe("letters and abbreviations", () => {
  const one = (s: string) => sideMentions(s).map((m) => m.side);
  it.each([
    ["R EHL 4/5", ["right"]],
    ["weak (L)", ["left"]],
    ["absent on L, present on R", ["left", "right"]],
    ["LLE 4/5", ["left"]],
    ["BLE intact", ["bilateral"]],
    ["lt TA 3/5", ["left"]],
    ["L5 and S1 roots", []],
    ["R/O disc", []],
    ["lt and pp intact", []],
    ["L4-5 disc", []],
    ["the affected side", ["affected"]],
  ])("%s", (s, want) => {
    expect(one(s)).toEqual(want);
  });

  it("reads a side label at the start of a line as a header", () => {
    expect(headerSide("RIGHT LEG:")).toMatchObject({ side: "right", alone: true });
    expect(headerSide("LLE: TA 4/5")).toMatchObject({ side: "left", alone: false });
    expect(headerSide("Left:")).toMatchObject({ side: "left", alone: true });
    expect(headerSide("Left TA 4/5")).toBeUndefined();
  });
});

describe("a sentence that opens with its leg", () => {
  it("'In the left leg tone was increased; hip flexion was 4/5' is the left leg past the ';'", () => {
    const found = extract("In the left leg tone was increased; hip flexion was 4/5, knee flexion 4/5.").case
      .findings;
    expect(found).toContainEqual(expect.objectContaining({ target: "hip_flexion", mrc: 4, side: "left" }));
    expect(found).toContainEqual(expect.objectContaining({ target: "knee_flexion", side: "left" }));
  });
  it("'Neuro, R leg: ankle DF 2/5; knee extension 5/5' is the right leg throughout", () => {
    const found = extract("Neuro, R leg: ankle DF 2/5, ankle PF 3/5; knee extension 5/5.").case.findings;
    expect(found).toContainEqual(
      expect.objectContaining({ target: "knee_extension", mrc: 5, side: "right" }),
    );
    expect(found.some((f) => f.side === "bilateral" || f.side === "left")).toBe(false);
  });
});
