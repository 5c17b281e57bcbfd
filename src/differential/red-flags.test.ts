/**
 * Red flags fire on their published criteria: critical only when the stated minimum combination
 * holds, a warning on the smaller one, silent otherwise; every criterion is shown beside the flag;
 * a denied symptom counts against; the tests asked for are never ones the case already has.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../case/schema.js";
import type { Localization } from "../localize/types.js";
import { redFlagRules } from "./data/red-flags.js";
import { differential } from "./differential.js";
import { L, type MiniCase, mkCase, mkLoc } from "./test-helpers.js";

/** A finding FORMAT.md v1.1 allows, whether or not the schema has it yet. */
const v11 = (f: Record<string, unknown>) => f as unknown as Finding;
const weak = (side: "left" | "right", target: string, mrc: number): Finding => ({
  kind: "strength",
  side,
  target,
  mrc,
});
const reflex = (side: "left" | "right", r: string, grade: "absent" | "reduced" | "normal"): Finding =>
  ({ kind: "reflex", side, reflex: r, grade }) as Finding;

const root = mkLoc([[L("root", ["L5"], "left")], 0.8]);
const poly = mkLoc([[L("polyneuropathy", [], "bilateral")], 0.8]);
const bothLegs = [
  weak("left", "hip_flexion", 3),
  weak("right", "hip_flexion", 3),
  reflex("left", "patellar", "absent"),
  reflex("right", "patellar", "absent"),
];

const critical: { flag: string; c: MiniCase; loc: Localization }[] = [
  {
    flag: "guillain_barre",
    c: { age: 40, onset: "acute", durationDays: 6, symptoms: ["progressive"], findings: bothLegs },
    loc: poly,
  },
  {
    flag: "cauda_equina",
    c: { age: 40, onset: "acute", symptoms: ["back_pain", "urinary_retention"] },
    loc: root,
  },
  {
    flag: "cauda_equina",
    c: {
      age: 40,
      symptoms: ["radicular_pain"],
      findings: [{ kind: "sensory", side: "bilateral", region: "perineum", change: "reduced" }],
    },
    loc: root,
  },
  {
    flag: "acute_limb_ischaemia",
    c: {
      age: 60,
      onset: "acute",
      durationDays: 0.5,
      symptoms: ["pain_out_of_proportion"],
      findings: [
        v11({ kind: "sign", sign: "pulses", side: "right", present: false }),
        weak("right", "ankle_dorsiflexion", 2),
      ],
    },
    loc: mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "right")], 0.8]),
  },
  {
    flag: "spinal_epidural_abscess",
    c: { age: 45, onset: "acute", history: ["injection_drug_use"], symptoms: ["back_pain", "fever"] },
    loc: root,
  },
  {
    flag: "spinal_epidural_haematoma",
    c: {
      age: 72,
      onset: "acute",
      history: ["anticoagulation:apixaban"],
      symptoms: ["back_pain"],
      findings: [weak("left", "ankle_dorsiflexion", 3)],
    },
    loc: root,
  },
  {
    flag: "retroperitoneal_haematoma",
    c: { age: 70, onset: "acute", history: ["anticoagulation:warfarin"] },
    loc: mkLoc([[L("nerve", ["femoral"], "left")], 0.7]),
  },
  {
    flag: "cord_compression",
    c: {
      age: 66,
      onset: "subacute",
      history: ["cancer:prostate"],
      findings: [
        weak("left", "hip_flexion", 4),
        weak("right", "hip_flexion", 4),
        { kind: "reflex", side: "left", reflex: "plantar", grade: "extensor" } as Finding,
        v11({ kind: "sign", sign: "sensory_level", target: "T10" }),
      ],
    },
    loc: mkLoc([[L("cns", [], "bilateral")], 0.8]),
  },
  {
    flag: "neoplastic_plexopathy",
    c: { age: 60, history: ["cancer:cervical"], symptoms: ["buttock pain"] },
    loc: mkLoc([[L("plexus", ["sacral_plexus"], "left")], 0.7]),
  },
  {
    flag: "compartment_syndrome",
    c: {
      age: 25,
      onset: "acute",
      durationDays: 1,
      history: ["trauma: tibial fracture"],
      symptoms: ["pain_on_passive_stretch"],
    },
    loc: mkLoc([[L("nerve", ["deep_peroneal"], "left")], 0.7]),
  },
];

const flagsOf = (m: MiniCase, loc: Localization) => differential(mkCase(m), loc).redFlags;
const criticalIds = (m: MiniCase, loc: Localization) =>
  flagsOf(m, loc)
    .filter((f) => f.severity === "critical")
    .map((f) => f.id);

describe("red flags: each critical on its published minimum", () => {
  it("every flag with a critical threshold is tested", () => {
    const withCritical = redFlagRules.filter((r) => r.critical).map((r) => r.id);
    expect(new Set(critical.map((t) => t.flag))).toEqual(new Set(withCritical));
  });
  for (const [i, t] of critical.entries())
    it(`${t.flag} (#${i})`, () => {
      const d = differential(mkCase(t.c), t.loc);
      const flag = d.redFlags.find((f) => f.id === t.flag);
      expect(flag?.severity).toBe("critical");
      expect(d.redFlags.filter((f) => f.severity === "critical").map((f) => f.id)).toEqual([t.flag]);
      // every criterion is shown, those that hold with what shows them
      const rule = redFlagRules.find((r) => r.id === t.flag);
      expect(flag?.criteria.map((c) => c.id)).toEqual(rule?.criteria.map((c) => c.id));
      for (const c of flag?.criteria ?? []) expect(c.evidence.length > 0).toBe(c.status !== "absent");
      expect(flag?.because.length).toBeGreaterThan(0);
      expect(flag?.action.length).toBeGreaterThan(0);
      expect(d.workup.some((w) => w.for.includes(`red flag: ${t.flag}`))).toBe(true);
    });
});

describe("red flags: the false alarms the issue reported", () => {
  it("three years of diabetic polyneuropathy with 4/5 toe extensors on both sides is not Guillain-Barré", () => {
    const m: MiniCase = {
      age: 68,
      onset: "chronic",
      durationDays: 1100,
      history: ["diabetes"],
      symptoms: ["numbness", "progressive"],
      findings: [
        weak("left", "toe_extension", 4),
        weak("right", "toe_extension", 4),
        reflex("left", "achilles", "absent"),
        reflex("right", "achilles", "absent"),
      ],
    };
    expect(flagsOf(m, poly).map((f) => f.id)).not.toContain("guillain_barre");
  });
  it("bilateral weakness alone is no longer critical", () => {
    expect(criticalIds({ age: 50, onset: "chronic", findings: bothLegs }, poly)).toEqual([]);
  });
  it("Guillain-Barré without reflexes recorded is a warning to examine them, not an alarm", () => {
    const f = flagsOf(
      { age: 40, onset: "acute", symptoms: ["progressive"], findings: bothLegs.slice(0, 2) },
      poly,
    ).find((x) => x.id === "guillain_barre");
    expect(f?.severity).toBe("warning");
    expect(f?.criteria.find((c) => c.id === "reflexes")?.status).toBe("absent");
  });
  it("a cauda equina localization without sphincter or saddle symptoms is a warning to ask", () => {
    const f = flagsOf({ age: 50 }, mkLoc([[L("cauda_equina", [], "bilateral")], 0.8]));
    expect(f.map((x) => [x.id, x.severity])).toEqual([["cauda_equina", "warning"]]);
  });
  it("absent pulses without an acute onset are a warning to examine the circulation", () => {
    const f = flagsOf(
      {
        age: 70,
        onset: "chronic",
        symptoms: ["claudication"],
        findings: [v11({ kind: "sign", sign: "pulses", side: "left", present: false })],
      },
      root,
    );
    expect(f.map((x) => [x.id, x.severity])).toEqual([["acute_limb_ischaemia", "warning"]]);
  });
  it("diabetes and back pain alone raise no abscess flag", () => {
    expect(flagsOf({ age: 60, history: ["diabetes"], symptoms: ["back_pain"] }, root)).toEqual([]);
  });
  it("no anticoagulation in the history: no haematoma flag, and no sentence says the patient is on one", () => {
    const d = differential(
      mkCase({ age: 70, onset: "acute", symptoms: ["back_pain", "groin pain"] }),
      mkLoc([[L("nerve", ["femoral"], "left")], 0.7]),
    );
    expect(d.redFlags.map((f) => f.id)).toEqual([]);
    expect(JSON.stringify(d.redFlags)).not.toMatch(/anticoag/i);
  });
  it("a denied symptom counts against: denied retention is shown as denied and does not fire", () => {
    const f = flagsOf(
      {
        age: 40,
        onset: "acute",
        symptoms: ["back_pain", "radicular_pain"],
        denies: ["urinary_retention", "bowel"],
      },
      root,
    );
    expect(f.map((x) => x.id)).not.toContain("cauda_equina");
    const withLoc = flagsOf(
      { age: 40, symptoms: ["back_pain"], denies: ["bladder symptoms", "saddle numbness"] },
      mkLoc([[L("cauda_equina", [], "bilateral")], 0.8]),
    ).find((x) => x.id === "cauda_equina");
    expect(withLoc?.severity).toBe("warning");
    expect(withLoc?.criteria.find((c) => c.id === "bladder")?.status).toBe("denied");
  });
  it("a course stable over months turns a critical combination into a warning, and says why", () => {
    const f = flagsOf(
      { age: 60, onset: "chronic", course: "stable", symptoms: ["back_pain", "bladder_dysfunction"] },
      root,
    ).find((x) => x.id === "cauda_equina");
    expect(f?.severity).toBe("warning");
    expect(f?.against.join(" ")).toMatch(/stable/);
  });
});

describe("red flags: tests the case already has are not asked for again", () => {
  it("a CT of the abdomen and pelvis already done is not requested", () => {
    const d = differential(
      mkCase({
        age: 70,
        onset: "acute",
        history: ["anticoagulation:warfarin"],
        findings: [
          {
            kind: "imaging",
            modality: "ct",
            tags: ["hematoma"],
            text: "left iliacus haematoma on CT of the abdomen and pelvis",
          },
        ],
      }),
      mkLoc([[L("nerve", ["femoral"], "left")], 0.7]),
    );
    const flag = d.redFlags.find((f) => f.id === "retroperitoneal_haematoma");
    expect(flag?.severity).toBe("critical");
    expect(flag?.action.map((a) => a.id)).not.toContain("ct_abdomen_pelvis_emergency");
    expect(d.workup.find((w) => w.id === "ct_abdomen_pelvis_emergency")?.done).toBe(true);
  });
  it("a CT of the spine is not a CT of the abdomen", () => {
    const d = differential(
      mkCase({
        age: 70,
        onset: "acute",
        history: ["anticoagulation:warfarin"],
        findings: [
          {
            kind: "imaging",
            modality: "ct",
            tags: ["canal_stenosis"],
            level: "L3-L4",
            text: "lumbar spine CT",
          },
        ],
      }),
      mkLoc([[L("nerve", ["femoral"], "left")], 0.7]),
    );
    const flag = d.redFlags.find((f) => f.id === "retroperitoneal_haematoma");
    expect(flag?.action.map((a) => a.id)).toContain("ct_abdomen_pelvis_emergency");
  });
  it("brain imaging already done is not requested", () => {
    const d = differential(
      mkCase({
        age: 70,
        findings: [
          { kind: "reflex", side: "right", reflex: "plantar", grade: "extensor" } as Finding,
          v11({ kind: "imaging", modality: "mri_brain", tags: [], text: "left parasagittal meningioma" }),
        ],
      }),
      mkLoc([[L("cns", [], "right")], 0.7]),
    );
    const flag = d.redFlags.find((f) => f.id === "cord_compression");
    expect(flag?.severity).toBe("warning");
    expect(flag?.action.map((a) => a.id)).not.toContain("brain_imaging");
  });
});

describe("red flags: order", () => {
  it("critical flags come before warnings", () => {
    const d = differential(
      mkCase({ age: 60, history: ["cancer:rectal"], symptoms: ["back_pain"] }),
      mkLoc([[L("plexus", ["sacral_plexus"], "left")], 0.7]),
    );
    expect(d.redFlags.map((f) => f.severity)).toEqual(["critical", "warning"]);
  });
  it("a plain case fires nothing", () => {
    expect(flagsOf({ age: 45, onset: "acute", symptoms: ["radicular_pain"] }, root)).toEqual([]);
  });
});

describe("red flags: context only from what the case says", () => {
  it("'off anticoagulation' is not anticoagulation", () => {
    const d = differential(
      mkCase({ age: 70, onset: "acute", history: ["atrial fibrillation, off anticoagulation since May"] }),
      mkLoc([[L("nerve", ["femoral"], "left")], 0.7]),
    );
    expect(d.redFlags.map((f) => f.id)).toEqual([]);
  });
  it("non-Hodgkin lymphoma is still a cancer", () => {
    const d = differential(
      mkCase({ age: 60, history: ["non-Hodgkin lymphoma"], symptoms: ["leg pain"] }),
      mkLoc([[L("plexus", ["sacral_plexus"], "left")], 0.7]),
    );
    expect(d.redFlags.map((f) => f.id)).toContain("neoplastic_plexopathy");
  });
  it("upper motor neuron signs turn a cauda equina alarm into a warning beside cord compression", () => {
    const d = differential(
      mkCase({
        age: 60,
        onset: "acute",
        symptoms: ["back_pain", "bladder_dysfunction"],
        findings: [
          weak("left", "hip_flexion", 4),
          weak("right", "hip_flexion", 4),
          { kind: "reflex", side: "left", reflex: "plantar", grade: "extensor" } as Finding,
        ],
      }),
      mkLoc([[L("cns", [], "bilateral")], 0.7]),
    );
    expect(d.redFlags.map((f) => [f.id, f.severity])).toEqual([
      ["cord_compression", "critical"],
      ["cauda_equina", "warning"],
    ]);
  });
});
