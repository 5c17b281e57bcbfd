import { describe, expect, it } from "vitest";
import { extract } from "../index.js";
import { emgHeader, readEmgCells } from "./emg-table.js";

const report = [
  "NEEDLE EMG",
  "Side  Muscle              Nerve           Root    Ins Act  Fibs  PSW  Amp   Dur   Poly  Recrt    Comment",
  "Left  Tibialis anterior   Deep peroneal   L4-5    Incr     2+    2+   Nml   Nml   0     Reduced",
  "Left  Med gastrocnemius   Tibial          S1-2    Nml      0     0    Nml   Nml   0     Nml",
  "Left  Vastus lateralis    Femoral         L2-4    Nml      0     0    Incr  Incr  0     Reduced",
  "Left  L5 paraspinals      Rami            L5      Nml      0     0",
  "",
  "IMPRESSION: Left common peroneal neuropathy at the fibular head.",
].join("\n");

describe("needle EMG tables with a column header", () => {
  const found = extract(report).case.findings;

  it("reads each row by its columns, with the fibrillation grade", () => {
    expect(found).toContainEqual({
      kind: "emg",
      muscle: "tibialis_anterior",
      side: "left",
      insertional: "increased",
      spontaneous: "fibrillations",
      grade: 2,
      muap: "normal",
      recruitment: "reduced",
    });
    expect(found).toContainEqual(
      expect.objectContaining({ muscle: "vastus_lateralis", spontaneous: "none", muap: "neurogenic" }),
    );
    expect(found).toContainEqual(expect.objectContaining({ muscle: "paraspinal_L5", spontaneous: "none" }));
  });

  it("never gives one row's values to another, nor reads the nerve column as a conduction study", () => {
    expect(found).toContainEqual(
      expect.objectContaining({
        muscle: "gastrocnemius_medial_head",
        spontaneous: "none",
        recruitment: "normal",
      }),
    );
    expect(found.some((f) => f.kind === "emg" && f.muscle === "gastrocnemius_lateral_head")).toBe(false);
    expect(found.some((f) => f.kind === "ncs")).toBe(false);
  });

  it("knows a header by its column words", () => {
    expect(emgHeader(["Muscle", "Ins Act", "Fibs", "PSW", "Recrt"])).toBeDefined();
    expect(emgHeader(["Nerve", "Lat", "Amp"])).toBeUndefined();
    expect(readEmgCells(["muscle", "fibs", "psw", "recruit"], ["TA", "0", "3+", "discrete"])).toMatchObject({
      spontaneous: "fibrillations",
      grade: 3,
      recruitment: "discrete",
    });
  });
});
