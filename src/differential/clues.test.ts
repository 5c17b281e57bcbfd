import { describe, expect, it } from "vitest";
import type { Finding } from "../case/schema.js";
import { extractClues, mrcValue, rootsReachedAt, statedIn } from "./clues.js";
import { differential } from "./differential.js";
import { L, mkCase, mkLoc } from "./test-helpers.js";

const weakDorsiflexion = (side: "left" | "right"): Finding => ({
  kind: "strength",
  side,
  target: "ankle_dorsiflexion",
  mrc: 4,
});

describe("rootsReachedAt (exiting root from the atlas's foramina)", () => {
  it.each([
    ["L3-L4", "disc_herniation", "far lateral disc", ["L3"]],
    ["L3-L4", "disc_herniation", "extraforaminal protrusion", ["L3"]],
    ["L4-L5", "disc_herniation", "paracentral extrusion", ["L4", "L5"]],
    ["L4-L5", "lateral_recess_stenosis", "", ["L5"]],
    ["L5-S1", "foraminal_stenosis", "", ["L5"]],
  ])("%s %s %s", (level, tag, text, roots) => {
    expect(rootsReachedAt(level, tag, text).sort()).toEqual([...roots].sort());
  });
  it("canal stenosis reaches the roots below", () => {
    expect(rootsReachedAt("L4-L5", "canal_stenosis")).toEqual(
      expect.arrayContaining(["L4", "L5", "S1", "S2"]),
    );
  });
});

describe("mrcValue", () => {
  it.each([
    [5, 5],
    ["4-", 3.67],
    ["2+", 2.33],
    ["weak", 4],
  ] as const)("%s", (mrc, v) => expect(mrcValue(mrc)).toBeCloseTo(v, 2));
  it("unreadable is undefined", () => expect(mrcValue("x")).toBeUndefined());
});

describe("extractClues", () => {
  const rootL3 = mkLoc([[L("root", ["L3"], "left")], 0.8]);
  it("a disc at the level and side of the root is concordant; elsewhere it is not", () => {
    const at = (level: string, side: "left" | "right") =>
      extractClues(
        mkCase({
          findings: [
            {
              kind: "imaging",
              modality: "mri_spine",
              tags: ["disc_herniation"],
              level,
              side,
              text: "far lateral",
            },
          ],
        }),
        rootL3,
      );
    expect(at("L3-L4", "left").has("disc_compression_concordant")).toBe(true);
    expect(at("L3-L4", "right").has("spine_compression_discordant")).toBe(true);
    expect(at("L5-S1", "left").has("spine_compression_discordant")).toBe(true);
  });
  it("free-text history and symptoms are read as clues, known words directly", () => {
    const cl = extractClues(
      mkCase({
        history: [
          "on enoxaparin",
          "pelvic_surgery:vaginal hysterectomy in lithotomy position",
          "cancer:cervical",
        ],
        symptoms: ["painless weakness", "thigh swelling"],
      }),
      rootL3,
    );
    for (const id of [
      "anticoagulation",
      "pelvic_surgery",
      "lithotomy_position",
      "cancer",
      "cancer_pelvic",
      "painless",
      "weakness",
      "muscle_swelling",
    ] as const)
      expect(cl.has(id), id).toBe(true);
    expect(cl.has("pain")).toBe(false);
  });
  it("muscle oedema with denervation in the same leg is denervation oedema; without, it is not", () => {
    const edema: Finding = { kind: "imaging", modality: "mri_limb", tags: ["muscle_edema"], side: "left" };
    const withEmg = extractClues(
      mkCase({
        findings: [
          edema,
          { kind: "emg", side: "left", muscle: "vastus_medialis", spontaneous: "fibrillations" },
        ],
      }),
      rootL3,
    );
    expect(withEmg.has("muscle_edema_in_denervated_territory")).toBe(true);
    const normalEmg = extractClues(
      mkCase({
        findings: [
          edema,
          { kind: "emg", side: "left", muscle: "vastus_medialis", spontaneous: "none", muap: "normal" },
        ],
      }),
      rootL3,
    );
    expect(normalEmg.has("muscle_edema_without_denervation")).toBe(true);
  });
  it("bilateral distal studies make a length-dependent pattern; one side only does not", () => {
    const both = extractClues(
      mkCase({
        findings: [
          { kind: "ncs", side: "bilateral", study: "sural_sensory", result: "absent" },
          { kind: "ncs", side: "bilateral", study: "superficial_peroneal_sensory", result: "reduced" },
        ],
      }),
      rootL3,
    );
    expect(both.has("length_dependent_ncs")).toBe(true);
    const one = extractClues(
      mkCase({ findings: [{ kind: "ncs", side: "left", study: "sural_sensory", result: "absent" }] }),
      rootL3,
    );
    expect(one.has("length_dependent_ncs")).toBe(false);
    expect(one.has("snap_reduced_in_territory")).toBe(true);
  });
  it("paraspinals spared while limb muscles are denervated", () => {
    const cl = extractClues(
      mkCase({
        findings: [
          { kind: "emg", side: "right", muscle: "tibialis_anterior", spontaneous: "fibrillations" },
          { kind: "emg", side: "right", muscle: "paraspinal_L5", spontaneous: "none" },
        ],
      }),
      rootL3,
    );
    expect(cl.has("paraspinal_spared")).toBe(true);
    expect(cl.has("paraspinal_denervation")).toBe(false);
  });
});

describe("differential output", () => {
  // one abnormal finding: a case without any has "not enough to say" (sufficiency.test.ts)
  const c = mkCase({
    age: 45,
    onset: "acute",
    symptoms: ["radicular_pain"],
    findings: [{ kind: "reflex", side: "left", reflex: "achilles", grade: "reduced" } as Finding],
  });
  const loc = mkLoc([[L("root", ["S1"], "left")], 0.6], [[L("nerve", ["sciatic"], "left")], 0.2]);
  it("is JSON-serialisable and stable", () => {
    const d = differential(c, loc);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(differential(c, loc)).toEqual(d);
  });
  it("probabilities are ordered, in [0, 1], and sum with `other` to 1", () => {
    const d = differential(c, loc);
    const ps = d.conditions.map((x) => x.probability);
    expect([...ps].sort((a, b) => b - a)).toEqual(ps);
    const sum = ps.reduce((a, b) => a + b, 0) + d.other;
    expect(sum).toBeCloseTo(1, 2);
  });
  it("every reason is for (factor > 1 or a fitting localization) or against, with sources", () => {
    const d = differential(c, loc);
    for (const r of d.conditions) {
      for (const x of r.for) expect(x.kind === "localization" || x.factor > 1).toBe(true);
      for (const x of r.against) expect(x.factor).toBeLessThan(x.kind === "localization" ? 0.1 : 1);
      for (const x of [...r.for, ...r.against]) expect(x.sources.length).toBeGreaterThan(0);
    }
  });
  it("codes follow the side of the lesion where ICD-10-CM has laterality", () => {
    const d = differential(
      mkCase({ history: ["leg_crossing"], findings: [weakDorsiflexion("left")] }),
      mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "left")], 0.8]),
    );
    expect(d.conditions.find((x) => x.id === "common_peroneal_neuropathy")?.codes.icd10cm).toBe("G57.32");
  });
  it("an empty localization still answers (priors and clues only)", () => {
    const d = differential(c, { atlasVersion: "x", hypotheses: [], other: 1, searched: 0 });
    expect(d.conditions.length).toBeGreaterThan(0);
    for (const x of d.conditions) expect(Number.isFinite(x.probability)).toBe(true);
  });
  it("a localization with unusable probabilities is read as equal weights", () => {
    const bad = mkLoc([[L("root", ["S1"], "left")], Number.NaN]);
    const d = differential(c, bad);
    expect(d.conditions[0]?.id).toBe("lumbar_disc_radiculopathy");
  });
  it("must-not-miss conditions above 1% stay listed past the limit", () => {
    const d = differential(
      mkCase({
        age: 70,
        onset: "acute",
        history: ["atrial fibrillation"],
        symptoms: ["weakness"],
        findings: [weakDorsiflexion("right")],
      }),
      mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "right")], 0.5], [[L("cns", [], "right")], 0.3]),
      { limit: 1 },
    );
    expect(d.conditions.length).toBeGreaterThan(1);
    for (const x of d.conditions.slice(1)) expect(x.mustNotMiss && x.probability >= 0.01).toBe(true);
  });
});

describe("context words with qualifiers", () => {
  const loc = mkLoc([[L("plexus", ["sacral_plexus"], "left")], 0.8]);
  it("a minor accident is trauma, not major trauma", () => {
    const clues = extractClues(mkCase({ history: ["minor motorcycle accident"] }), loc);
    expect(clues.has("trauma")).toBe(true);
    expect(clues.has("major_trauma")).toBe(false);
  });
  it("a motorcycle accident with a pelvic fracture is major trauma", () => {
    const clues = extractClues(mkCase({ history: ["motorcycle accident with pelvic fracture"] }), loc);
    expect(clues.has("major_trauma")).toBe(true);
  });
});

describe("ganglion cysts at the fibular head", () => {
  const loc = mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "right")], 0.8]);
  const cyst = (text: string) =>
    extractClues(
      mkCase({ findings: [{ kind: "imaging", modality: "mri_limb", tags: ["mass"], side: "right", text }] }),
      loc,
    );
  it("a cyst reaching the nerve along its articular branch is intraneural", () => {
    expect(
      cyst("cystic lesion along the common peroneal nerve and its articular branch").has("intraneural_cyst"),
    ).toBe(true);
  });
  it("a cyst beside the nerve is extraneural", () => {
    expect(cyst("ganglion cyst beside the fibular neck").has("extraneural_cyst")).toBe(true);
  });
});

describe("words that name object properties", () => {
  it("'constructor' or 'toString' as a history or symptom word is only a word", () => {
    const loc = mkLoc([[L("root", ["L5"], "left")], 0.8]);
    const c = mkCase({ history: ["constructor", "__proto__"], symptoms: ["toString", "constructor"] });
    expect(() => extractClues(c, loc)).not.toThrow();
    expect(() => differential(c, loc)).not.toThrow();
  });
});

describe("knee joint disease in the history", () => {
  const loc = mkLoc([[L("nerve", ["tibial"], "right")], 0.8]);
  for (const words of [
    "Baker's (popliteal) cyst",
    "rheumatoid arthritis (knees and hands)",
    "left knee osteoarthritis",
  ])
    it(words, () => {
      expect(extractClues(mkCase({ history: [words] }), loc).has("knee_joint_disease")).toBe(true);
    });
  it("arthritis of the hands alone is not knee disease", () => {
    expect(
      extractClues(mkCase({ history: ["rheumatoid arthritis of the hands"] }), loc).has("knee_joint_disease"),
    ).toBe(false);
  });
});

describe("statedIn (each pattern's global copy kept)", () => {
  it("answers the same on every call, whatever the pattern's own lastIndex", () => {
    const warfarin = /warfarin/g;
    expect(statedIn(warfarin, "on warfarin")).toBe(true);
    warfarin.lastIndex = 5;
    expect(statedIn(warfarin, "warfarin since 2019")).toBe(true);
    expect(statedIn(warfarin, "stopped warfarin")).toBe(false);
    expect(statedIn(/warfarin/i, "Warfarin")).toBe(true);
    expect(statedIn(/warfarin/i, "not on WARFARIN")).toBe(false);
  });
});
