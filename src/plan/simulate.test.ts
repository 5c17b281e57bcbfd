import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { parseCase } from "../case/index.js";
import type { Finding } from "../case/schema.js";
import { localize } from "../localize/index.js";
import { SimulatedPatient, seededRng, simulateFindings } from "./simulate.js";
import { allTests, type TestRef } from "./tests.js";

const atlas = getAtlas();
const left = allTests(atlas).filter((t) => t.side === "left");

const abnormal = (f: Finding | undefined): boolean => {
  if (!f) return false;
  switch (f.kind) {
    case "emg":
      return f.spontaneous === "fibrillations";
    case "ncs":
      return f.result !== "normal";
    case "strength":
      return f.mrc !== 5;
    case "reflex":
      return f.grade !== "normal" && f.grade !== "flexor";
    case "sensory":
      return f.change !== "normal";
    default:
      return false;
  }
};

/** How often a test is abnormal over many patients with the lesion. */
function rate(site: string, test: TestRef, n = 200): number {
  const rng = seededRng(42);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const p = new SimulatedPatient(atlas, { site, side: "left" }, { rng, context: { durationDays: 60 } });
    if (abnormal(p.answer(test))) k++;
  }
  return k / n;
}

describe("simulate: a hidden lesion answers as the fibre model says", () => {
  it("is reproducible from a seed", () => {
    const a = simulateFindings(atlas, { site: "L5", side: "left" }, { rng: seededRng(7), tests: left });
    const b = simulateFindings(atlas, { site: "L5", side: "left" }, { rng: seededRng(7), tests: left });
    expect(a).toEqual(b);
    const c = simulateFindings(atlas, { site: "L5", side: "left" }, { rng: seededRng(8), tests: left });
    expect(c).not.toEqual(a);
  });

  it("gives findings that are valid cases", () => {
    const findings = simulateFindings(atlas, { site: "sciatic", side: "right" }, { rng: seededRng(1) });
    expect(findings.length).toBe(allTests(atlas).length);
    const r = parseCase({ format: "locus-case/1", id: "sim", findings });
    expect(r.ok).toBe(true);
  });

  it("an L5 root denervates tibialis anterior and spares vastus medialis and the sural response", () => {
    const ta = rate("L5", { kind: "emg", id: "tibialis_anterior", side: "left" });
    const vm = rate("L5", { kind: "emg", id: "vastus_medialis", side: "left" });
    expect(ta).toBeGreaterThan(0.3);
    expect(vm).toBeLessThan(0.15);
    expect(ta).toBeGreaterThan(3 * vm);
    // Root lesions are proximal to the ganglion: the sural response falls only as often as in health.
    expect(rate("L5", { kind: "ncs", id: "sural_sensory", side: "left" })).toBeLessThan(0.12);
  });

  it("a sciatic lesion lowers the sural response and leaves the paraspinals alone", () => {
    expect(rate("sciatic", { kind: "ncs", id: "sural_sensory", side: "left" })).toBeGreaterThan(0.5);
    expect(rate("sciatic", { kind: "emg", id: "paraspinal_L5", side: "left" })).toBeLessThan(0.2);
  });

  it("the other leg is normal but for false positives", () => {
    const right: TestRef = { kind: "emg", id: "tibialis_anterior", side: "right" };
    expect(rate("L5", right)).toBeLessThan(0.08);
  });

  it("a patient asked twice gives the same answer", () => {
    const p = new SimulatedPatient(atlas, { site: "femoral", side: "left" }, { rng: seededRng(3) });
    const t: TestRef = { kind: "reflex", id: "patellar", side: "left" };
    expect(p.answer(t)).toEqual(p.answer(t));
  });

  it("noise flips results", () => {
    const t: TestRef = { kind: "emg", id: "vastus_medialis", side: "right" };
    const rng = seededRng(9);
    let k = 0;
    for (let i = 0; i < 300; i++) {
      const p = new SimulatedPatient(atlas, { site: "L5", side: "left" }, { rng, noise: 0.3 });
      if (abnormal(p.answer(t))) k++;
    }
    expect(k / 300).toBeGreaterThan(0.2);
  });

  it("all findings of a lesion localize it", () => {
    for (const site of ["L5", "S1", "common_peroneal@fibular_head", "femoral", "tibial"]) {
      const findings = simulateFindings(
        atlas,
        { site, side: "left" },
        {
          rng: seededRng(11),
          tests: left.filter((t) => t.kind !== "imaging"),
          context: { durationDays: 60 },
        },
      );
      const loc = localize({ format: "locus-case/1", id: site, context: { durationDays: 60 }, findings });
      expect(loc.hypotheses[0]?.lesions[0]?.sites).toEqual([site]);
    }
  });

  it("rejects an unknown site with the known ones", () => {
    expect(() => simulateFindings(atlas, { site: "L7", side: "left" }, { rng: seededRng(1) })).toThrow(
      /unknown lesion site "L7": expected one of .*L5/,
    );
  });
});
