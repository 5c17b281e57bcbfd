import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { focalUnits, type Unit } from "../localize/model.js";
import { decisionOf } from "./decision.js";

const units = focalUnits(getAtlas());
const unit = (key: string): Unit => {
  const u = units.find((x) => x.key === key);
  if (!u) throw new Error(`no unit ${key}`);
  return u;
};

describe("decisions: the distinctions that change management", () => {
  it("adjacent-root combinations are one decision", () => {
    const roots = ["L3|left", "L3+L4|left", "L2+L3+L4|left", "L4|left"].map((k) =>
      decisionOf([unit(k)], "none"),
    );
    expect(new Set(roots).size).toBe(1);
  });

  it("a polyneuropathy beside a focal lesion does not make another decision; alone it does", () => {
    const root = decisionOf([unit("L5|left")], "none");
    expect(decisionOf([unit("L5|left")], "polyneuropathy")).toBe(root);
    expect(decisionOf([], "polyneuropathy")).not.toBe(root);
  });

  it("level and side are decisions", () => {
    const all = [
      decisionOf([unit("L5|left")], "none"),
      decisionOf([unit("L5|right")], "none"),
      decisionOf([unit("lumbosacral_trunk|left")], "none"),
      decisionOf([unit("sciatic|left")], "none"),
      decisionOf([], "myopathy"),
      decisionOf([], "cns_left"),
    ];
    expect(new Set(all).size).toBe(all.length);
  });

  it("the fibular head against the nerve above it, and the femoral nerve above against at the inguinal ligament, are kept apart", () => {
    expect(decisionOf([unit("common_peroneal@fibular_head|left")], "none")).not.toBe(
      decisionOf([unit("common_peroneal|left")], "none"),
    );
    expect(decisionOf([unit("femoral@inguinal_ligament|left")], "none")).not.toBe(
      decisionOf([unit("femoral|left")], "none"),
    );
  });

  it("segments that change nothing are merged: the sciatic nerve in the buttock or the thigh", () => {
    expect(decisionOf([unit("sciatic@thigh|left")], "none")).toBe(decisionOf([unit("sciatic|left")], "none"));
  });
});
