import { describe, expect, it } from "vitest";
import { type LocusCase, parseCase } from "./index.js";
import {
  applyResolutions,
  canonicalHistory,
  canonicalLevel,
  canonicalSide,
  canonicalSymptom,
  normaliseValues,
  resolveAtlasIds,
} from "./normalize.js";
import { baseCase } from "./test-helpers/cases.js";

const withFindings = (...findings: Record<string, unknown>[]) => ({
  format: "locus-case/1",
  id: "n",
  findings,
});

describe("values with one certain canonical form", () => {
  it.each([
    ["L", "left"],
    ["Lt", "left"],
    ["RIGHT", "right"],
    ["both", "bilateral"],
    ["b/l", "bilateral"],
    ["bilat.", "bilateral"],
  ])("side %j is %j", (written, side) => {
    expect(canonicalSide(written)).toBe(side);
  });

  it.each([
    ["L4/5", "L4-L5"],
    ["l4-l5", "L4-L5"],
    ["L4\u2013L5", "L4-L5"],
    ["L5/S1", "L5-S1"],
    ["L5-1", "L5-S1"],
    ["T12-1", "T12-L1"],
    ["s1", "S1"],
    ["L3 L4", "L3-L4"],
  ])("spinal level %j is %j", (written, level) => {
    expect(canonicalLevel(written)).toBe(level);
  });

  it("leaves what is not a level alone", () => {
    expect(canonicalLevel("lumbar")).toBeUndefined();
  });

  it.each([
    ["Diabetes", "diabetes"],
    ["pelvic radiation", "pelvic_radiation"],
    ["Cancer: cervical", "cancer:cervical"],
    ["cancer:", "cancer"],
  ])("history %j is %j", (written, word) => {
    expect(canonicalHistory(written)).toBe(word);
  });

  it("keeps unknown history and symptom words for free text", () => {
    expect(canonicalHistory("hypertension")).toBeUndefined();
    expect(canonicalSymptom("Back pain")).toBe("back_pain");
    expect(canonicalSymptom("calf swelling")).toBeUndefined();
  });

  it("does not change its input", () => {
    const input = withFindings({ kind: "strength", side: "L", target: "TA", mrc: "4/5" });
    const copy = structuredClone(input);
    const out = normaliseValues(input);
    expect(input).toEqual(copy);
    expect(out.normalisations).toEqual([
      { path: ["findings", 0, "side"], from: "L", to: ["left"] },
      { path: ["findings", 0, "mrc"], from: "4/5", to: ["4"] },
    ]);
  });
});

describe("atlas words", () => {
  it("become ids, and the result says what was normalised", () => {
    const r = parseCase(
      withFindings(
        { kind: "reflex", side: "left", reflex: "knee jerk", grade: "absent" },
        { kind: "strength", side: "left", target: "EHL", mrc: "4-/5" },
        { kind: "emg", side: "left", muscle: "fibularis longus", spontaneous: "fibrillations" },
        { kind: "sensory", side: "left", region: "dorsum of the foot", change: "reduced" },
        { kind: "ncs", side: "left", study: "sural SNAP", result: "normal" },
        { kind: "strength", side: "left", target: "dorsiflexion", mrc: 4 },
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.findings).toEqual([
      { kind: "reflex", side: "left", reflex: "patellar", grade: "absent" },
      { kind: "strength", side: "left", target: "extensor_hallucis_longus", mrc: "4-" },
      { kind: "emg", side: "left", muscle: "peroneus_longus", spontaneous: "fibrillations" },
      { kind: "sensory", side: "left", region: "foot_dorsum", change: "reduced" },
      { kind: "ncs", side: "left", study: "sural_sensory", result: "normal" },
      { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 4 },
    ]);
    expect(r.normalisations).toEqual([
      { path: ["findings", 0, "reflex"], from: "knee jerk", to: ["patellar"] },
      { path: ["findings", 1, "target"], from: "EHL", to: ["extensor_hallucis_longus"] },
      { path: ["findings", 1, "mrc"], from: "4-/5", to: ["4-"] },
      { path: ["findings", 2, "muscle"], from: "fibularis longus", to: ["peroneus_longus"] },
      { path: ["findings", 3, "region"], from: "dorsum of the foot", to: ["foot_dorsum"] },
      { path: ["findings", 4, "study"], from: "sural SNAP", to: ["sural_sensory"] },
      { path: ["findings", 5, "target"], from: "dorsiflexion", to: ["ankle_dorsiflexion"] },
    ]);
  });

  it("copy only the findings whose word changes (a finding already naming its id is kept as it is)", () => {
    const c = withFindings(
      { kind: "reflex", side: "left", reflex: "patellar", grade: "absent" },
      { kind: "reflex", side: "left", reflex: "knee jerk", grade: "absent" },
    ) as unknown as LocusCase;
    const out = applyResolutions(c, resolveAtlasIds(c)).case.findings;
    expect(out[0]).toBe(c.findings[0]);
    expect(out[1]).toEqual({ ...c.findings[1], reflex: "patellar" });
    expect(c.findings[1]).toMatchObject({ reflex: "knee jerk" });
  });

  it("expand a group word into one finding per member, each traced to where it came from", () => {
    const r = parseCase(
      withFindings(
        { kind: "reflex", reflex: "achilles", grade: "normal" },
        { kind: "strength", side: "right", target: "quadriceps", mrc: "4" },
        { kind: "emg", side: "right", muscle: "L5/S1 paraspinals", spontaneous: "fibrillations" },
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(
      r.case.findings.map((f) => (f.kind === "strength" ? f.target : f.kind === "emg" ? f.muscle : f.kind)),
    ).toEqual([
      "reflex",
      "rectus_femoris",
      "vastus_lateralis",
      "vastus_medialis",
      "vastus_intermedius",
      "paraspinal_L5",
      "paraspinal_S1",
    ]);
    expect(r.origins).toEqual([0, 1, 1, 1, 1, 2, 2]);
    expect(r.normalisations).toEqual([
      {
        path: ["findings", 1, "target"],
        from: "quadriceps",
        to: ["rectus_femoris", "vastus_lateralis", "vastus_medialis", "vastus_intermedius"],
      },
      { path: ["findings", 2, "muscle"], from: "L5/S1 paraspinals", to: ["paraspinal_L5", "paraspinal_S1"] },
    ]);
  });

  it("normalise the sites of expected lesions, a nerve segment reported as FORMAT.md names it", () => {
    const c = baseCase();
    c.expected = {
      localization: [
        { level: "nerve", sites: ["peroneal nerve at the fibular head"], side: "left" },
        { level: "muscle", sites: ["gastroc", "gastrocnemius_medial_head"], side: "left" },
      ],
      alsoAcceptable: [[{ level: "Root", sites: ["l5"], side: "L" }]],
    };
    const r = parseCase(c);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.expected?.localization).toEqual([
      { level: "nerve", sites: ["common_peroneal@fibular_head"], side: "left" },
      { level: "muscle", sites: ["gastrocnemius_medial_head", "gastrocnemius_lateral_head"], side: "left" },
    ]);
    expect(r.case.expected?.alsoAcceptable).toEqual([[{ level: "root", sites: ["L5"], side: "left" }]]);
  });

  it("keep a sign's body part word, and take a muscle word to its id", () => {
    const r = parseCase(
      withFindings(
        { kind: "sign", sign: "atrophy", target: "calf" },
        { kind: "sign", sign: "hypertrophy", target: "medial gastroc" },
      ),
    );
    expect(r.ok && r.case.findings).toEqual([
      { kind: "sign", sign: "atrophy", target: "calf" },
      { kind: "sign", sign: "hypertrophy", target: "gastrocnemius_medial_head" },
    ]);
  });

  it("report every unknown word, with the nearest known ids", () => {
    const r = parseCase(
      withFindings(
        { kind: "emg", muscle: "vastus lateralus" },
        { kind: "reflex", reflex: "knee jrk", grade: "absent" },
        { kind: "strength", target: "hip flex", mrc: 4 },
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.suggestions])).toEqual([
      [["findings", 0, "muscle"], ["vastus_lateralis"]],
      [["findings", 1, "reflex"], ["patellar"]],
      [["findings", 2, "target"], ["hip_flexion"]],
    ]);
  });
});
