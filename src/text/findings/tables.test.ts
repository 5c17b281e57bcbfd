import { describe, expect, it } from "vitest";
import { vocabulary } from "../vocabulary.js";
import { paraspinalIds, readRow } from "./tables.js";

const v = vocabulary();

describe("table rows", () => {
  it("reads a row of grades, first column first", () => {
    expect(readRow("Ankle dorsiflexor 3- 4", v)).toMatchObject({
      kind: "strength",
      ids: ["ankle_dorsiflexion"],
      cells: ["3-", "4"],
    });
  });

  it("reads a needle EMG row", () => {
    expect(readRow("Tensor fascia lata Increased F&P(+) Inc. polys Reduced", v)).toMatchObject({
      kind: "emg",
      ids: ["tensor_fasciae_latae"],
      cells: ["Increased", "F&P(+)", "Inc. polys", "Reduced"],
    });
    expect(readRow("Tibialis anterior Increased F&P(+) No MUAP", v)?.cells).toEqual([
      "Increased",
      "F&P(+)",
      "No MUAP",
    ]);
  });

  it("reads paraspinal levels through the atlas and names the ones it lacks", () => {
    expect(readRow("L4/5, L5/S1 PVMs Increased -", v)).toMatchObject({
      kind: "emg",
      ids: ["paraspinal_L4", "paraspinal_L5", "paraspinal_S1"],
    });
    expect(paraspinalIds("S1/2, S2/3")).toEqual({ ids: ["paraspinal_S1", "paraspinal_S2"], unknown: ["S3"] });
  });

  it("does not take prose for a row", () => {
    expect(readRow("Tibialis anterior was weak on the left.", v)).toBeUndefined();
    expect(readRow("The patient walked in.", v)).toBeUndefined();
  });
});
