import { describe, expect, it } from "vitest";
import {
  emptyCase,
  findSided,
  rowsOf,
  setSided,
  setWordDetail,
  toggleWord,
  wordDetail,
} from "./caseModel.js";
import type { Finding } from "./types.js";

const patellar = (f: Finding) => f.kind === "reflex" && f.reflex === "patellar";

describe("the case as the form edits it", () => {
  it("gives a table its rows: the findings of its kinds with their places in the case", () => {
    const c = {
      ...emptyCase("t"),
      findings: [
        { kind: "emg", side: "left", muscle: "tibialis_anterior", spontaneous: "none" },
        { kind: "reflex", side: "left", reflex: "patellar", grade: "normal" },
        { kind: "lab", test: "ck", result: "high" },
        { kind: "emg", side: "right", muscle: "soleus", spontaneous: "fibrillations" },
      ] as Finding[],
    };
    expect(rowsOf(c, "emg").map(([f, i]) => [f.muscle, i])).toEqual([
      ["tibialis_anterior", 0],
      ["soleus", 3],
    ]);
    expect(rowsOf(c, "lab", "reflex").map(([, i]) => i)).toEqual([1, 2]);
    expect(rowsOf(c, "ncs")).toEqual([]);
  });

  it("splits a both-sides finding when one side changes, so the other side keeps its value", () => {
    const c = {
      ...emptyCase("t"),
      findings: [{ kind: "reflex", reflex: "patellar", grade: "absent" } as Finding],
    };
    const next = setSided(c, patellar, "left", (side) => ({
      kind: "reflex",
      side,
      reflex: "patellar",
      grade: "normal",
    }));
    expect(next.findings).toEqual([
      { kind: "reflex", reflex: "patellar", grade: "absent", side: "right" },
      { kind: "reflex", side: "left", reflex: "patellar", grade: "normal" },
    ]);
    const cleared = setSided(next, patellar, "left", () => null);
    expect(cleared.findings).toEqual([
      { kind: "reflex", reflex: "patellar", grade: "absent", side: "right" },
    ]);
    expect(findSided(cleared, patellar, "left")).toBe(-1);
    expect(c.findings).toHaveLength(1);
  });

  it("keeps findings it has no cell for, and the order of the others", () => {
    const lab: Finding = { kind: "lab", test: "ck", result: "normal" };
    const c = { ...emptyCase("t"), findings: [lab] };
    const next = setSided(c, patellar, "right", (side) => ({
      kind: "reflex",
      side,
      reflex: "patellar",
      grade: "brisk",
    }));
    expect(next.findings[0]).toBe(lab);
    expect(next.findings).toHaveLength(2);
  });

  it("toggles history words with their detail", () => {
    let h = toggleWord([], "cancer", true);
    h = setWordDetail(h, "cancer", "cervical");
    expect(h).toEqual(["cancer:cervical"]);
    expect(wordDetail(h, "cancer")).toBe("cervical");
    expect(toggleWord([...h, "smoking"], "cancer", false)).toEqual(["smoking"]);
  });
});
