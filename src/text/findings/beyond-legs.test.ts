import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const signs = (text: string) => extract(text).case.findings.filter((f) => f.kind === "sign");

describe("signs beyond the legs", () => {
  it("an upper-limb grade below 5 or a drift is arm weakness, on its side", () => {
    expect(signs("Right finger abduction 4-/5.")).toContainEqual(
      expect.objectContaining({ sign: "arm_weakness", side: "right" }),
    );
    expect(signs("RUE: mild pronator drift, grip 5/5.")).toContainEqual(
      expect.objectContaining({ sign: "arm_weakness", side: "right" }),
    );
    expect(signs("MMT (R/L): deltoid 4/4; hip flex 3/3.")).toContainEqual(
      expect.objectContaining({ sign: "arm_weakness", side: "bilateral" }),
    );
  });
  it("normal arms, no drift, a symmetric face and normal cranial nerves are absent signs", () => {
    const found = signs(
      "The arms had normal tone, power and reflexes, with no pronator drift. Face symmetric.",
    );
    expect(found).toContainEqual(expect.objectContaining({ sign: "arm_weakness", present: false }));
    expect(found).toContainEqual(expect.objectContaining({ sign: "facial_weakness", present: false }));
    expect(found.some((f) => f.sign === "arm_weakness" && f.present !== false)).toBe(false);
    expect(signs("Cranial nerves II-XII intact.")).toContainEqual(
      expect.objectContaining({ sign: "facial_weakness", present: false }),
    );
  });
  it("facial weakness is present; an arm grade of 5 is not weakness", () => {
    expect(signs("Mild bilateral facial weakness.")).toContainEqual(
      expect.objectContaining({ sign: "facial_weakness", side: "bilateral" }),
    );
    expect(signs("Deltoid 5/5, grip 5/5.").some((f) => f.sign === "arm_weakness")).toBe(false);
  });
});

describe("wasting and fasciculations", () => {
  it("'no wasting or fasciculations' is both signs absent, with no part named", () => {
    const found = signs("No wasting or fasciculations.");
    expect(found).toContainEqual({ kind: "sign", sign: "atrophy", present: false });
    expect(found).toContainEqual({ kind: "sign", sign: "fasciculations", present: false });
  });
  it("bedside fasciculations are a sign; fasciculation potentials on the needle are EMG", () => {
    expect(signs("Fasciculations visible in both quadriceps.")).toContainEqual(
      expect.objectContaining({ sign: "fasciculations", target: "quadriceps" }),
    );
    expect(signs("EMG: fasciculation potentials in the right vastus lateralis.")).toEqual([]);
  });
});
