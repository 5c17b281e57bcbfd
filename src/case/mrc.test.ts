import { describe, expect, it } from "vitest";
import { canonicalMrc, isOnScale, mrcGrade } from "./mrc.js";

describe("mrcGrade", () => {
  it.each([
    [5, 5],
    [0, 0],
    ["4", 4],
    ["4-", 3.67],
    ["4+", 4.33],
    ["3+", 3.33],
    ["2-", 1.67],
    ["4/5", 4],
    ["4-/5", 3.67],
    ["M3", 3],
  ] as const)("reads %j as %d", (written, grade) => {
    expect(mrcGrade(written)).toBe(grade);
  });

  it.each([["weak"], ["Weak"], ["6"], ["4.5"], [""], ["four"], [4.5], [-1], [6], [Number.NaN]] as const)(
    "has no grade for %j",
    (written) => {
      expect(mrcGrade(written)).toBeUndefined();
    },
  );

  it("orders the modified grades between the whole ones", () => {
    const order = ["0", "1", "2-", "2", "2+", "3-", "3", "3+", "4-", "4", "4+", "5"].map((g) => mrcGrade(g));
    expect(order).toEqual([...order].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });
});

describe("canonicalMrc", () => {
  it.each([
    ["4/5", "4"],
    ["4 / 5", "4"],
    ["4-/5", "4-"],
    [" 4 + ", "4+"],
    ["4\u2212", "4-"],
    ["WEAK", "weak"],
    ["3", "3"],
  ])("writes %j as %j", (written, canonical) => {
    expect(canonicalMrc(written)).toBe(canonical);
  });

  it("refuses what is not a grade", () => {
    expect(canonicalMrc("4/4")).toBeUndefined();
    expect(canonicalMrc("45")).toBeUndefined();
    expect(canonicalMrc("normal")).toBeUndefined();
  });

  it("knows the ends of the scale have no outer step", () => {
    expect(isOnScale("5+")).toBe(false);
    expect(isOnScale("0-")).toBe(false);
    expect(isOnScale("5-")).toBe(true);
  });
});
