import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const others = (text: string) =>
  extract(text)
    .case.findings.filter((f) => "target" in f || "reflex" in f || "region" in f)
    .filter(
      (f) =>
        (f as { target?: string; reflex?: string; region?: string }).target === "others" ||
        (f as { reflex?: string }).reflex === "others" ||
        (f as { region?: string }).region === "others",
    );

describe("a whole limb examined and found normal", () => {
  it("'RLE 5/5', 'LUE/LLE: 5/5', 'the left leg had normal power' are strength on that leg only", () => {
    expect(others("L ankle DF 2/5. RLE 5/5.")).toEqual([
      { kind: "strength", target: "others", mrc: 5, side: "right" },
    ]);
    expect(others("RUE: drift. LUE/LLE: 5/5.")).toEqual([
      { kind: "strength", target: "others", mrc: 5, side: "left" },
    ]);
    expect(others("On examination the left leg had normal power.")).toEqual([
      { kind: "strength", target: "others", mrc: 5, side: "left" },
    ]);
  });
  it("'R LE: neuro intact' and 'Left leg: neurologically normal' are strength, reflexes and sensation", () => {
    for (const [text, side] of [
      ["R LE: neuro intact.", "right"],
      ["Left leg: neurologically normal.", "left"],
    ] as const) {
      const found = others(text);
      expect(found).toContainEqual({ kind: "strength", target: "others", mrc: 5, side });
      expect(found).toContainEqual({ kind: "reflex", reflex: "others", grade: "normal", side });
      expect(found).toContainEqual({ kind: "sensory", region: "others", change: "normal", side });
    }
  });
  it("'otherwise 5/5', 'myotomes intact' and 'remainder of the lower limb examination normal' reach both legs", () => {
    expect(others("Power: R ankle DF 3/5, R EHL 3/5; otherwise 5/5.")).toContainEqual(
      expect.objectContaining({ kind: "strength", target: "others", side: "bilateral" }),
    );
    expect(others("Myotomes L2-S1 intact bilaterally apart from L ankle PF 4/5.")).toContainEqual(
      expect.objectContaining({ kind: "strength", target: "others", side: "bilateral" }),
    );
    expect(others("Right EHL 4/5; remainder of the lower limb examination normal.")).toContainEqual(
      expect.objectContaining({ kind: "sensory", region: "others", side: "bilateral" }),
    );
  });
  it("a limb in the complaint, or a limb with a deficit, is no normal statement", () => {
    expect(others("HPI: the right leg is normal, the left weak.")).toEqual([]);
    expect(others("RLE 4/5 throughout.")).toEqual([]);
  });
});
