import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import { orderDone } from "./conditions.js";
import { type Plan, plan, type Suggestion } from "./plan.js";
import { orderOf, type TestRef, testKey, testsNotDone } from "./tests.js";

const atlas = getAtlas();
const L = "left" as const;
const strength = (target: string, mrc: number): Finding => ({ kind: "strength", side: L, target, mrc });
const reflex = (r: string, grade: "absent" | "reduced" | "normal"): Finding => ({
  kind: "reflex",
  side: L,
  reflex: r,
  grade,
});
const numb = (region: string): Finding => ({ kind: "sensory", side: L, region, change: "reduced" });
const needle = (muscle: string, abnormal: boolean): Finding =>
  abnormal
    ? {
        kind: "emg",
        side: L,
        muscle,
        spontaneous: "fibrillations",
        muap: "neurogenic",
        recruitment: "reduced",
      }
    : { kind: "emg", side: L, muscle, spontaneous: "none", muap: "normal", recruitment: "normal" };

const caseOf = (findings: Finding[]): LocusCase => ({
  format: "locus-case/1",
  id: "plan-test",
  patient: { age: 50 },
  context: { durationDays: 60 },
  findings,
});

/** The prediction a suggestion makes for the hypothesis whose words contain `name`. */
function predicted(s: Suggestion, name: string): number {
  const p = s.predictions.find((x) => x.hypothesis.includes(name));
  if (!p)
    throw new Error(`no prediction for "${name}" in ${s.predictions.map((x) => x.hypothesis).join("; ")}`);
  return p.pAbnormal;
}

const ranks = (p: Plan, name: string) => p.hypotheses.findIndex((h) => h.hypothesis.includes(name));

/** The electromyographer's question: which study or muscle next. */
const electrodiagnostic = (c: LocusCase): TestRef[] =>
  testsNotDone(atlas, c).filter((t) => t.kind === "emg" || t.kind === "ncs");

interface Pair {
  title: string;
  findings: Finding[];
  a: string;
  b: string;
  /** Studies and muscles that separate the pair in the electrodiagnostic texts. */
  discriminating: string[];
}

const pairs: Pair[] = [
  {
    title: "L5 root vs common peroneal neuropathy at the fibular head",
    // Foot drop with dorsal foot numbness; the short head of biceps is normal (not sciatic).
    findings: [
      strength("ankle_dorsiflexion", 3),
      strength("great_toe_extension", 3),
      numb("foot_dorsum"),
      needle("biceps_femoris_short_head", false),
    ],
    a: "L5 root",
    b: "common peroneal nerve at the fibular head",
    // L5 muscles outside the peroneal nerve, the L5 paraspinal, and the peroneal sensory response.
    discriminating: [
      "emg:tibialis_posterior",
      "emg:flexor_digitorum_longus",
      "emg:gluteus_medius",
      "emg:tensor_fasciae_latae",
      "emg:paraspinal_L5",
      "emg:paraspinal_S1",
      "ncs:superficial_peroneal_sensory",
    ],
  },
  {
    title: "L5 root vs sciatic neuropathy",
    findings: [
      strength("ankle_dorsiflexion", 3),
      strength("great_toe_extension", 3),
      strength("ankle_inversion", 4),
      numb("foot_dorsum"),
      numb("leg_anterolateral"),
    ],
    a: "L5 root",
    b: "sciatic nerve",
    // The sciatic nerve's sensory responses and its muscles outside L5, against the paraspinals and glutei.
    discriminating: [
      "ncs:sural_sensory",
      "ncs:superficial_peroneal_sensory",
      "ncs:medial_plantar_sensory",
      "emg:biceps_femoris_short_head",
      "emg:gastrocnemius_medial_head",
      "emg:gastrocnemius_lateral_head",
      "emg:soleus",
      "emg:abductor_hallucis",
      "emg:abductor_digiti_minimi_pedis",
      "emg:gluteus_medius",
      "emg:tensor_fasciae_latae",
      "emg:paraspinal_L5",
    ],
  },
  {
    title: "femoral neuropathy vs the L4 root",
    // Normal skin on the outer thigh sets the lumbar plexus (and its lateral femoral cutaneous branch) aside.
    findings: [
      strength("knee_extension", 3),
      reflex("patellar", "absent"),
      numb("thigh_anterior"),
      { kind: "sensory", side: L, region: "thigh_lateral", change: "normal" },
    ],
    a: "femoral nerve",
    // Since the report's silence counts, the single L4 root is the leading root rival (two roots
    // would also weaken the unmentioned adductors and hip flexors).
    b: "L4 root",
    // Obturator (adductor) muscles and paraspinals share the roots but not the nerve; the saphenous response the reverse.
    discriminating: [
      "emg:adductor_longus",
      "emg:paraspinal_L2",
      "emg:paraspinal_L3",
      "emg:paraspinal_L4",
      "ncs:saphenous_sensory",
    ],
  },
  {
    title: "lumbar plexus vs roots",
    findings: [
      strength("knee_extension", 3),
      strength("hip_flexion", 4),
      strength("hip_adduction", 4),
      reflex("patellar", "absent"),
      numb("thigh_medial"),
      numb("thigh_anterior"),
    ],
    a: "lumbar plexus",
    b: "roots",
    // A sensory response (lost distal to the ganglion only) or the paraspinals (denervated by root lesions only).
    discriminating: [
      "ncs:saphenous_sensory",
      "ncs:lateral_femoral_cutaneous_sensory",
      "emg:paraspinal_L1",
      "emg:paraspinal_L2",
      "emg:paraspinal_L3",
      "emg:paraspinal_L4",
    ],
  },
];

describe("plan: classic pairs get a discriminating test first", () => {
  for (const pair of pairs) {
    it(pair.title, () => {
      const c = caseOf(pair.findings);
      const all = plan(c, { limit: 3 });
      // Precondition: both hypotheses are among the leading ones, or the test proves nothing.
      expect(ranks(all, pair.a)).toBeGreaterThanOrEqual(0);
      expect(ranks(all, pair.a)).toBeLessThan(4);
      expect(ranks(all, pair.b)).toBeGreaterThanOrEqual(0);
      expect(ranks(all, pair.b)).toBeLessThan(4);
      // Any test: the first one separates the pair (one predicts abnormal, the other normal).
      const first = all.suggestions[0] as Suggestion;
      expect(Math.abs(predicted(first, pair.a) - predicted(first, pair.b))).toBeGreaterThan(0.45);
      // The electromyographer's choice: a muscle or study the texts name for this question.
      const edx = plan(c, { limit: 1, tests: electrodiagnostic(c) });
      const pick = edx.suggestions[0] as Suggestion;
      expect(pair.discriminating).toContain(`${pick.test.kind}:${pick.test.id}`);
      expect(pick.test.side).toBe("left");
      expect(Math.abs(predicted(pick, pair.a) - predicted(pick, pair.b))).toBeGreaterThan(0.45);
    });
  }
});

describe("plan: the shape of the answer", () => {
  const c = caseOf(pairs[0]?.findings ?? []);
  const p = plan(c, { limit: 8 });

  it("ranks by gain per cost, best first; a limb test's gain is bounded by the uncertainty and one yes-or-no question", () => {
    expect(p.suggestions).toHaveLength(8);
    for (let i = 1; i < p.suggestions.length; i++)
      expect(p.suggestions[i - 1]?.value).toBeGreaterThanOrEqual(p.suggestions[i]?.value ?? 0);
    for (const s of p.suggestions) {
      expect(s.gain).toBeGreaterThan(0);
      expect(s.gain).toBeCloseTo(s.decides.localization + s.decides.conditions, 2);
      if (s.test.kind === "imaging" || s.test.kind === "lab") continue;
      expect(s.gain).toBeLessThanOrEqual(p.entropy + 1 + 1e-9);
      expect(s.value).toBeCloseTo(s.gain / Math.sqrt(s.burden), 2);
    }
  });

  it("says what each leading hypothesis predicts, in words and as a probability", () => {
    const s = p.suggestions[0] as Suggestion;
    expect(s.predictions.length).toBeGreaterThanOrEqual(2);
    for (const pr of s.predictions) {
      expect(pr.pAbnormal).toBeGreaterThanOrEqual(0);
      expect(pr.pAbnormal).toBeLessThanOrEqual(1);
      expect(pr.expected.length).toBeGreaterThan(0);
      expect(pr.lesions.length).toBeGreaterThan(0);
      if (pr.pAbnormal <= 0.25) expect(pr.expected).toMatch(/normal|full strength|flexor/);
    }
    expect(s.why).toContain("predicts");
  });

  it("never suggests a test the case already holds", () => {
    const open = new Set(testsNotDone(atlas, c).map(testKey));
    const wide = plan(c, { limit: 500 });
    expect(wide.suggestions.length).toBeGreaterThan(20);
    for (const s of wide.suggestions) {
      const order = orderOf(s.test);
      if (order) expect(orderDone(c, order)).toBe(false);
      else expect(open.has(testKey(s.test))).toBe(true);
    }
    expect(
      wide.suggestions.some(
        (s) => s.test.kind === "emg" && s.test.id === "biceps_femoris_short_head" && s.test.side === "left",
      ),
    ).toBe(false);
    expect(
      wide.suggestions.some(
        (s) => s.test.kind === "strength" && s.test.id === "ankle_dorsiflexion" && s.test.side === "left",
      ),
    ).toBe(false);
  });

  it("weighs burden: with burden ignored, needles and imaging rise", () => {
    const free = plan(c, { limit: 5, burdenExponent: 0 });
    const meanBurden = (x: Plan) => x.suggestions.reduce((a, s) => a + s.burden, 0) / x.suggestions.length;
    expect(meanBurden(free)).toBeGreaterThan(meanBurden(p));
  });

  it("a settled case leaves little to gain", () => {
    const settled = caseOf([
      ...(pairs[0]?.findings ?? []),
      needle("tibialis_posterior", false),
      needle("gluteus_medius", false),
      needle("paraspinal_L5", false),
      { kind: "ncs", side: L, study: "superficial_peroneal_sensory", result: "reduced" },
      { kind: "ncs", side: L, study: "peroneal_motor_ta", result: "reduced" },
      needle("peroneus_longus", true),
      needle("tibialis_anterior", true),
    ]);
    const q = plan(settled, { limit: 3 });
    expect(q.hypotheses[0]?.hypothesis).toContain("peroneal");
    expect(q.entropy).toBeLessThan(p.entropy);
    expect(q.suggestions[0]?.gain ?? 0).toBeLessThan(p.suggestions[0]?.gain ?? 0);
  });

  it("names sides: tests on the healthy side are not first for a one-sided lesion", () => {
    for (const s of p.suggestions.slice(0, 3)) expect(s.test.side).toBe("left");
  });

  it("does not suggest the cremasteric reflex in a woman", () => {
    const c = caseOf(pairs[3]?.findings ?? []);
    const woman = { ...c, patient: { age: 50, sex: "female" as const } };
    const man = { ...c, patient: { age: 50, sex: "male" as const } };
    const has = (x: LocusCase) => testsNotDone(atlas, x).some((t) => t.id === "cremasteric");
    expect(has(man)).toBe(true);
    expect(has(woman)).toBe(false);
  });

  it("answers an empty case without failing", () => {
    const q = plan(caseOf([]), { limit: 3 });
    expect(q.hypotheses.length).toBeGreaterThan(0);
    expect(q.suggestions.length).toBeLessThanOrEqual(3);
  });
});

describe("plan: imaging", () => {
  it("a spinal MRI says which root it would show under a root hypothesis", () => {
    const c = caseOf(pairs[0]?.findings ?? []);
    const only: TestRef[] = [{ kind: "imaging", id: "mri_spine", side: "left" }];
    const p = plan(c, { limit: 1, tests: only });
    const s = p.suggestions[0] as Suggestion;
    const root = s.predictions.find((x) => x.hypothesis.includes("L5 root"));
    expect(root?.expected ?? "").toMatch(/either|root compression/);
    const nerve = s.predictions.find((x) => x.hypothesis.includes("fibular head"));
    expect(nerve?.pAbnormal).toBeCloseTo(0.5, 2);
    expect(root?.pAbnormal ?? 0).toBeGreaterThan(nerve?.pAbnormal ?? 1);
  });
});
