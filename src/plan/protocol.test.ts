import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import { plan } from "./plan.js";
import { scenarios } from "./scenarios/scenarios.js";
import { testKey, testsNotDone } from "./tests.js";

const scenario = (id: string): LocusCase => {
  const s = scenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s.case;
};
const ids = (c: LocusCase) =>
  plan(c).protocol?.steps.map((s) => `${s.test.kind}:${s.test.id}:${s.test.side}`) ?? [];

describe("the EMG laboratory's protocol", () => {
  it("a foot drop: the SNAP of the numb dorsum first, then the lumbosacral screen with the L5 paraspinal", () => {
    const steps = ids(scenario("foot-drop-exam-only"));
    expect(steps[0]).toMatch(/^ncs:/);
    expect(steps).toContain("ncs:superficial_peroneal_sensory:left");
    expect(steps).toContain("emg:paraspinal_L5:left");
    expect(steps).toContain("emg:tibialis_posterior:left");
    const firstNeedle = steps.findIndex((s) => s.startsWith("emg:"));
    expect(steps.slice(firstNeedle).every((s) => s.startsWith("emg:") || s.includes(":right"))).toBe(true);
  });

  it("thigh weakness: the saphenous response and the L3-L4 paraspinals, not the L5-S1 ones", () => {
    const steps = ids(scenario("thigh-weakness-absent-knee-jerk"));
    expect(steps).toContain("ncs:saphenous_sensory:left");
    expect(steps.some((s) => /paraspinal_L[34]/.test(s))).toBe(true);
  });

  it("an L5 root: L5 muscles through nerves other than those already denervated", () => {
    const c = scenario("foot-drop-normal-conduction");
    const steps = ids(c);
    expect(steps).toContain("emg:gluteus_medius:left");
  });

  it("a polyneuropathy: distal muscles and the other side, not the lumbosacral screen with paraspinals", () => {
    const steps = ids(scenario("burning-soles"));
    expect(steps).toContain("emg:tibialis_anterior:left");
    expect(steps).toContain("ncs:sural_sensory:right");
    expect(steps.some((s) => s.includes("paraspinal"))).toBe(false);
  });

  it("a central foot drop: the weak muscle itself, no paraspinals", () => {
    const steps = ids(scenario("upper-motor-neuron-foot-drop"));
    expect(steps).toContain("emg:tibialis_anterior:left");
    expect(steps.some((s) => s.includes("paraspinal"))).toBe(false);
  });

  it("never lists a test the case holds", () => {
    for (const s of scenarios) {
      const open = new Set(testsNotDone(getAtlas(), s.case).map(testKey));
      for (const step of plan(s.case).protocol?.steps ?? [])
        expect(open.has(testKey(step.test)), s.id).toBe(true);
    }
  });
});

describe("the stopping rule", () => {
  const fibs = (muscle: string): Finding => ({
    kind: "emg",
    side: "left",
    muscle,
    spontaneous: "fibrillations",
    muap: "neurogenic",
    recruitment: "reduced",
  });
  const quiet = (muscle: string): Finding => ({
    kind: "emg",
    side: "left",
    muscle,
    spontaneous: "none",
    muap: "normal",
    recruitment: "normal",
  });

  it("an open question is not settled and has steps", () => {
    const p = plan(scenario("foot-drop-exam-only"));
    expect(p.settled).toBeUndefined();
    expect(p.protocol?.steps.length ?? 0).toBeGreaterThan(3);
  });

  it("a peroneal palsy at the fibular head shown by conduction and needle is settled, says why, and has no steps", () => {
    const base = scenario("peroneal-block-at-knee");
    const c: LocusCase = {
      ...base,
      findings: [
        ...base.findings,
        quiet("gluteus_medius"),
        quiet("tensor_fasciae_latae"),
        quiet("flexor_digitorum_longus"),
        quiet("gastrocnemius_medial_head"),
        fibs("extensor_digitorum_longus"),
        { kind: "imaging", modality: "ultrasound", side: "left", tags: ["normal"] },
        { kind: "sensory", side: "left", region: "calf_lateral", change: "normal" },
      ],
    };
    const p = plan(c);
    expect(p.settled?.why).toMatch(/No test left is likely to change the answer/);
    expect(p.settled?.why).toContain("common peroneal");
    expect(p.protocol?.steps).toEqual([]);
  });
});
