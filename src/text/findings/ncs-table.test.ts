import { describe, expect, it } from "vitest";
import { extract } from "../index.js";
import { isNcsTableLine, readSite } from "./ncs-table.js";

const report = [
  "Motor NCS",
  "Nerve / Sites     Rec. Site   Lat ms   Amp mV   Dist cm   Vel m/s",
  "L Peroneal - EDB",
  "  Ankle           EDB         4.2      0.8      8",
  "  B Fib Head      EDB         11.0     0.7      30        44",
  "R Tibial - AH",
  "  Ankle           AH          3.9      12.0     8",
  "  Knee            AH          12.1     9.5      40        45",
  "Sensory NCS",
  "L Sural - Calf",
  "  Calf                        3.8      NR",
  "Needle EMG: fibrillations in the left TA and EHL.",
].join("\n");

describe("conduction tables", () => {
  const found = extract(report).case.findings;

  it("reads a study with its stimulation sites: the distal site's values, the first velocity", () => {
    expect(found).toContainEqual({
      kind: "ncs",
      study: "peroneal_motor_edb",
      side: "left",
      result: "reduced",
      amplitude: 0.8,
      unit: "mV",
      latency: 4.2,
      velocity: 44,
    });
    expect(found).toContainEqual(
      expect.objectContaining({ study: "tibial_motor_ah", side: "right", result: "normal", amplitude: 12 }),
    );
  });

  it("reads NR as an absent response, in the section's type", () => {
    expect(found).toContainEqual(
      expect.objectContaining({ study: "sural_sensory", side: "left", result: "absent" }),
    );
  });

  it("does not take the recording sites (EDB, AH) for needled muscles", () => {
    expect(
      found.some((f) => f.kind === "emg" && /extensor_digitorum_brevis|abductor_hallucis/.test(f.muscle)),
    ).toBe(false);
    expect(found).toContainEqual(expect.objectContaining({ kind: "emg", muscle: "tibialis_anterior" }));
  });

  it("reads cells by their units when there is no header", () => {
    expect(readSite("Ankle 4.1 ms 2.0 mV", undefined)).toMatchObject({ lat: 4.1, amp: 2 });
    expect(readSite("Fib head 44 m/s 1.8 mV", undefined)).toMatchObject({ vel: 44, amp: 1.8 });
  });

  it("knows table lines from prose", () => {
    expect(isNcsTableLine("L Peroneal - EDB")).toBe(true);
    expect(isNcsTableLine("  B Fib Head  EDB  11.0  2.9  30  44")).toBe(true);
    expect(isNcsTableLine("The peroneal nerve was compressed at the fibular head.")).toBe(false);
  });
});

describe("conduction block (FORMAT v1.1)", () => {
  it("reads a fall of the amplitude between two sites of a table as a block across that stretch", () => {
    const table = [
      "Motor NCS",
      "Nerve / Sites     Rec. Site   Lat ms   Amp mV   Dist cm   Vel m/s",
      "L Peroneal - EDB",
      "  Ankle           EDB         4.2      4.0      8",
      "  B Fib Head      EDB         11.0     3.8      30        44",
      "  A Fib Head      EDB         13.5     1.2      10        38",
    ].join("\n");
    expect(extract(table).case.findings).toContainEqual(
      expect.objectContaining({
        study: "peroneal_motor_edb",
        side: "left",
        result: "block",
        segment: "fibular head",
      }),
    );
  });

  it("does not take the tibial nerve's usual dispersion (under 60 %) for a block", () => {
    const table = ["R Tibial - AH", "  Ankle  AH  3.9  12.0", "  Knee   AH  12.1  6.0"].join("\n");
    expect(extract(table).case.findings).toContainEqual(
      expect.objectContaining({ study: "tibial_motor_ah", result: "normal" }),
    );
  });

  it("reads a block named in prose, and not one denied", () => {
    expect(
      extract("The left peroneal motor study showed conduction block across the fibular head.").case.findings,
    ).toContainEqual(
      expect.objectContaining({ study: "peroneal_motor_edb", result: "block", segment: "fibular head" }),
    );
    expect(
      extract("There was no conduction block in the peroneal motor study on the left.").case.findings,
    ).not.toContainEqual(expect.objectContaining({ result: "block" }));
  });
});

describe("conduction tables as reports print them", () => {
  const ncs = (text: string) => extract(text).case.findings.filter((f) => f.kind === "ncs");

  it("reads a segment column and takes the velocity across a block", () => {
    const found = ncs(
      [
        "Nerve / Site          Rec   Lat (ms)  Amp       Segment       Dist (cm)  CV (m/s)",
        "R Peroneal motor      EDB",
        "  Ankle                     4.9       4.0 mV",
        "  Below fibular head        10.6      3.8 mV    Ankle-BFH     28         49",
        "  Lat popliteal fossa       13.3      1.2 mV    BFH-Pop       9          33",
      ].join("\n"),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        study: "peroneal_motor_edb",
        side: "right",
        result: "block",
        segment: "fibular head",
        amplitude: 4,
        latency: 4.9,
        velocity: 33,
      }),
    );
  });

  it("reads a proximal site without a latency as amplitude and velocity, and 'DL' as the latency", () => {
    const found = ncs(
      [
        "Nerve / stimulation site     Recording   DL (ms)   Amplitude   CV (m/s)",
        "L tibial motor               AH",
        "   Medial ankle                          5.0       7.5 mV",
        "   Popliteal fossa                                 6.1 mV      43",
      ].join("\n"),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        study: "tibial_motor_ah",
        side: "left",
        amplitude: 7.5,
        latency: 5,
        velocity: 43,
      }),
    );
  });

  it("reads a sensory study and its values on one line", () => {
    const found = ncs(
      "L Sup peroneal sensory    Ankle     2.8 (peak)  2 uV\nR sural sensory   Post ankle   NR",
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        study: "superficial_peroneal_sensory",
        side: "left",
        amplitude: 2,
        latency: 2.8,
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ study: "sural_sensory", side: "right", result: "absent" }),
    );
  });

  it("reads a grid with the study on its first site's line, a side column and late responses", () => {
    const found = ncs(
      [
        "Nerve            Side  Site        Rec   Onset (ms)  Amp (mV)  Segment      CV (m/s)",
        "Tibial motor     L     Ankle       AH    4.4         9.1",
        "                 L     Knee        AH    13.0        7.9       Ankle-Knee   45",
        "Peroneal motor   L     Ankle       EDB   4.0         0.8",
        "                 L     Fib neck    EDB   10.1        0.7       Ankle-Fib    46",
        "",
        "Nerve        Rec      Latency (ms)   Comment",
        "L Tibial F   AH       51.0           normal",
        "L Tibial H   Soleus   NR",
      ].join("\n"),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        study: "tibial_motor_ah",
        side: "left",
        amplitude: 9.1,
        latency: 4.4,
        velocity: 45,
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ study: "peroneal_motor_edb", side: "left", result: "reduced", velocity: 46 }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ study: "tibial_f_wave", side: "left", latency: 51 }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ study: "tibial_h_reflex", side: "left", result: "absent" }),
    );
    expect(found.filter((f) => f.study === "peroneal_motor_edb")).toHaveLength(1);
  });
});
