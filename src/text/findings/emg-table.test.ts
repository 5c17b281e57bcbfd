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

describe("needle tables as reports print them", () => {
  const cases = (text: string) => extract(text).case.findings;

  it("reads a combined 'Fibs/PSWs' column with + grades and a MUP column", () => {
    const found = cases(
      [
        "Needle study (left)",
        "Muscle                   Insertional  Fibs/PSWs  MUP     Recruitment",
        "Ext hallucis longus      Increased    +++        Large   Reduced",
        "Biceps femoris (short head)  Normal   -          Normal  Normal",
      ].join("\n"),
    );
    expect(found).toContainEqual({
      kind: "emg",
      muscle: "extensor_hallucis_longus",
      side: "left",
      insertional: "increased",
      spontaneous: "fibrillations",
      grade: 3,
      muap: "neurogenic",
      recruitment: "reduced",
    });
    expect(found).toContainEqual(
      expect.objectContaining({ muscle: "biceps_femoris_short_head", spontaneous: "none", muap: "normal" }),
    );
    expect(found.some((f) => f.kind === "emg" && f.muscle === "biceps_femoris_long_head")).toBe(false);
  });

  it("reads a spontaneous-activity column in words and an 'Other' column for myokymia", () => {
    const found = cases(
      [
        "EMG",
        "Muscle            Side  Spont      Other      MUAP                 Recruit",
        "Vastus medialis   R     None       Myokymia   Normal               Normal",
        "Iliopsoas         R     Fibs 1+    -          Short, small         Early",
      ].join("\n"),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ muscle: "vastus_medialis", side: "right", spontaneous: "myokymia" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        muscle: "iliopsoas",
        spontaneous: "fibrillations",
        grade: 1,
        muap: "myopathic",
      }),
    );
  });

  it("reads a pipe table with its side in the header, and keeps going past a muscle it does not know", () => {
    const r = extract(
      [
        "| Muscle (R) | Insertional | Spontaneous | MUAP | Recruitment |",
        "|---|---|---|---|---|",
        "| Gluteus medius | Normal | Fibs 2+ | Normal | Reduced |",
        "| Erector spinae | Normal | None | Normal | Normal |",
        "| S1 paraspinal | Increased | Fibs 1+ | | |",
      ].join("\n"),
    );
    const found = r.case.findings;
    expect(found).toContainEqual(
      expect.objectContaining({
        muscle: "gluteus_medius",
        side: "right",
        spontaneous: "fibrillations",
        grade: 2,
      }),
    );
    expect(found).toContainEqual({
      kind: "emg",
      muscle: "paraspinal_S1",
      side: "right",
      insertional: "increased",
      spontaneous: "fibrillations",
      grade: 1,
    });
    expect(r.unrecognized.some((u) => u.text.includes("Erector spinae"))).toBe(true);
  });

  it("takes the side from the table's title when the rows have none", () => {
    const found = cases(
      [
        "NEEDLE EMG (left leg)",
        "Muscle   Ins   Spont   MUAP    Recruit",
        "Soleus   Nml   None    Normal  Normal",
      ].join("\n"),
    );
    expect(found).toContainEqual(expect.objectContaining({ muscle: "soleus", side: "left" }));
  });
});

describe("a muscle called normal in prose", () => {
  it("is normal in every part of the needle examination; paraspinals at rest only", () => {
    const found = extract("Needle EMG: right vastus lateralis and L3 paraspinals normal.").case.findings;
    expect(found).toContainEqual({
      kind: "emg",
      muscle: "vastus_lateralis",
      side: "right",
      insertional: "normal",
      spontaneous: "none",
      muap: "normal",
      recruitment: "normal",
    });
    expect(found).toContainEqual({
      kind: "emg",
      muscle: "paraspinal_L3",
      side: "right",
      insertional: "normal",
      spontaneous: "none",
    });
  });

  it("'quiet' says nothing of the motor units", () => {
    const found = extract("EMG: left gastrocnemius quiet at rest.").case.findings;
    expect(found).toContainEqual({
      kind: "emg",
      muscle: "gastrocnemius_medial_head",
      side: "left",
      spontaneous: "none",
    });
  });
});
