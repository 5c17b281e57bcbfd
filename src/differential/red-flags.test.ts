/**
 * Each red flag fires on its own small case, and nothing else fires; flags are never suppressed
 * by the ranking.
 */
import { describe, expect, it } from "vitest";
import type { Localization } from "../localize/types.js";
import { redFlagRules } from "./data/red-flags.js";
import { differential } from "./differential.js";
import { L, type MiniCase, mkCase, mkLoc } from "./test-helpers.js";

const footDropLoc = mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "right")], 0.8]);

const table: { flag: string; c: MiniCase; loc: Localization }[] = [
  {
    flag: "cauda_equina_or_conus",
    c: { age: 40, onset: "acute", symptoms: ["bladder_dysfunction"] },
    loc: mkLoc([[L("root", ["S1"], "left")], 0.8]),
  },
  {
    flag: "cauda_equina_or_conus",
    c: { age: 40, findings: [{ kind: "sensory", side: "bilateral", region: "perineum", change: "reduced" }] },
    loc: mkLoc([[L("root", ["S1"], "left")], 0.8]),
  },
  {
    flag: "cauda_equina_or_conus",
    c: { age: 40 },
    loc: mkLoc([[L("cauda_equina", [], "left")], 0.8]),
  },
  {
    flag: "cancer_with_plexopathy",
    c: { age: 60, history: ["cancer:prostate"] },
    loc: mkLoc([[L("plexus", ["sacral_plexus"], "left")], 0.7]),
  },
  {
    flag: "cancer_with_pain",
    c: { age: 60, history: ["cancer:breast"], symptoms: ["radicular_pain"] },
    loc: mkLoc([[L("root", ["L5"], "left")], 0.7]),
  },
  {
    flag: "progressive_or_bilateral_weakness",
    c: {
      age: 50,
      onset: "acute",
      symptoms: ["progressive"],
      findings: [{ kind: "strength", side: "left", target: "hip_flexion", mrc: 3 }],
    },
    loc: mkLoc([[L("root", ["L3"], "left")], 0.7]),
  },
  {
    flag: "progressive_or_bilateral_weakness",
    c: {
      age: 50,
      onset: "chronic",
      findings: [
        { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 4 },
        { kind: "strength", side: "right", target: "ankle_dorsiflexion", mrc: 4 },
      ],
    },
    loc: mkLoc([[L("root", ["L5"], "left")], 0.4], [[L("root", ["L5"], "right")], 0.3]),
  },
  {
    flag: "anticoagulated_femoral_neuropathy",
    c: { age: 70, history: ["anticoagulation:warfarin"] },
    loc: mkLoc([[L("nerve", ["femoral"], "left")], 0.7]),
  },
  {
    flag: "anticoagulated_femoral_neuropathy",
    c: { age: 70, history: ["on apixaban for atrial fibrillation"] },
    loc: mkLoc([[L("plexus", ["lumbar_plexus"], "left")], 0.7]),
  },
  {
    flag: "infection_with_back_pain",
    c: { age: 45, symptoms: ["back_pain", "fever"] },
    loc: mkLoc([[L("root", ["L4"], "left")], 0.7]),
  },
  {
    flag: "infection_with_back_pain",
    c: { age: 45, history: ["kidney transplant on immunosuppression"], symptoms: ["back_pain"] },
    loc: mkLoc([[L("root", ["L4"], "left")], 0.7]),
  },
  {
    flag: "upper_motor_neuron_signs",
    c: { age: 65, findings: [{ kind: "reflex", side: "right", reflex: "plantar", grade: "extensor" }] },
    loc: footDropLoc,
  },
  {
    flag: "upper_motor_neuron_signs",
    c: { age: 65 },
    loc: mkLoc([[L("cns", [], "right")], 0.7]),
  },
];

describe("red flags: each fires on its own, nothing else does", () => {
  it("every flag in the data is tested", () => {
    expect(new Set(table.map((t) => t.flag))).toEqual(new Set(redFlagRules.map((r) => r.id)));
  });
  for (const [i, t] of table.entries())
    it(`${t.flag} (#${i})`, () => {
      const d = differential(mkCase(t.c), t.loc);
      expect(d.redFlags.map((f) => f.id)).toEqual([t.flag]);
      const flag = d.redFlags[0];
      expect(flag?.because.length).toBeGreaterThan(0);
      expect(flag?.action.length).toBeGreaterThan(0);
      // the flag's actions lead the case's work-up
      expect(d.workup.some((w) => w.for.includes(`red flag: ${t.flag}`))).toBe(true);
    });

  it("a plain case fires nothing", () => {
    const d = differential(
      mkCase({ age: 45, onset: "acute", symptoms: ["radicular_pain"] }),
      mkLoc([[L("root", ["S1"], "left")], 0.8]),
    );
    expect(d.redFlags).toEqual([]);
  });

  it("a flag stands even when the ranking puts its condition far down", () => {
    // anticoagulated femoral deficit with a matching disc: the disc may lead, the hematoma flag stays
    const d = differential(
      mkCase({
        age: 55,
        history: ["anticoagulation"],
        symptoms: ["radicular_pain"],
        findings: [
          {
            kind: "imaging",
            modality: "mri_spine",
            tags: ["disc_herniation"],
            level: "L3-L4",
            side: "left",
            text: "far lateral disc",
          },
        ],
      }),
      mkLoc([[L("root", ["L3"], "left")], 0.6], [[L("nerve", ["femoral"], "left")], 0.3]),
    );
    expect(d.redFlags.map((f) => f.id)).toContain("anticoagulated_femoral_neuropathy");
  });

  it("critical flags come before warnings", () => {
    const d = differential(
      mkCase({ age: 60, history: ["cancer:rectal"], symptoms: ["back_pain"] }),
      mkLoc([[L("plexus", ["sacral_plexus"], "left")], 0.7]),
    );
    expect(d.redFlags.map((f) => f.severity)).toEqual(["critical", "warning"]);
  });
});
