/**
 * The model's principles, each held by a small synthetic case that fails without it.
 */
import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import type { Finding, Lesion, LocusCase } from "../case/schema.js";
import { setMatches } from "../evaluate/index.js";
import { type Hypothesis, localize } from "./index.js";
import { nerveSitesInText } from "./named.js";
import { observe } from "./observe.js";
import { prepare } from "./score.js";
import { silenceTerm } from "./silence.js";

const caseOf = (findings: Finding[], extra: Partial<LocusCase> = {}): LocusCase => ({
  format: "locus-case/1",
  id: "principle",
  patient: { age: 45, sex: "female" },
  context: { onset: "subacute", durationDays: 60 },
  findings,
  ...extra,
});
const lesion = (level: Lesion["level"], sites: string[], side: Lesion["side"]): Lesion => ({
  level,
  sites,
  side,
});
const top = (c: LocusCase): Hypothesis | undefined => localize(c).hypotheses[0];
const rank = (c: LocusCase, ...want: Lesion[]) =>
  localize(c, { limit: 30 }).hypotheses.findIndex((h) => setMatches(h.lesions, want));
const fullStrength = (side: "left" | "right", targets: string[]): Finding[] =>
  targets.map((target) => ({ kind: "strength", side, target, mrc: 5 }));

describe("what the report leaves unmentioned counts a little (the least extensive lesion)", () => {
  const lateralThigh = caseOf([
    { kind: "sensory", side: "right", region: "thigh_lateral", change: "reduced" },
    ...fullStrength("right", ["hip_flexion"]),
  ]);

  it("a broad lesion pays for the deficits it predicts that the report does not mention; a narrow one barely", () => {
    const atlas = getAtlas();
    const p = prepare(atlas, lateralThigh);
    const index = (site: string) => p.units.findIndex((u) => u.site === site && u.side === "right");
    const plexus = silenceTerm(atlas, p.silence, p.units, [index("lumbar_plexus")], "none");
    const lfcn = silenceTerm(atlas, p.silence, p.units, [index("lateral_femoral_cutaneous")], "none");
    expect(plexus).toBeLessThan(lfcn - 1);
    expect(lfcn).toBeGreaterThan(-0.5);
    expect(plexus).toBeGreaterThanOrEqual(-3);
  });

  it("findings on one side only do not read as a polyneuropathy, which would have reached the other", () => {
    const c = caseOf(
      [
        { kind: "sensory", side: "right", region: "sole_medial", change: "reduced" },
        { kind: "sensory", side: "right", region: "sole_lateral", change: "reduced" },
        { kind: "reflex", side: "right", reflex: "achilles", grade: "reduced" },
      ],
      { patient: { age: 64, sex: "female" } },
    );
    const first = top(c);
    expect(first?.lesions.some((l) => l.level === "polyneuropathy")).toBe(false);
    expect(first?.lesions.every((l) => l.side === "right")).toBe(true);
  });

  it("an item the report mentions is read as what it says, never again as silence", () => {
    const p = prepare(getAtlas(), lateralThigh);
    const i = p.silence.items.index.get("movement:hip_flexion|right");
    expect(i).toBeDefined();
    expect(p.silence.rate[i as number]).toBe(0);
    const j = p.silence.items.index.get("movement:knee_extension|right");
    expect(p.silence.rate[j as number]).toBeGreaterThan(0);
  });

  it("a complaint the examination leaves unresolved is not silence", () => {
    const c = caseOf([{ kind: "sensory", side: "right", region: "thigh_lateral", change: "reduced" }], {
      context: { onset: "subacute", symptoms: ["weakness"] },
    });
    const p = prepare(getAtlas(), c);
    const j = p.silence.items.index.get("movement:knee_extension|right");
    expect(p.silence.rate[j as number]).toBe(0);
  });
});

describe("pain and paraesthesia are symptoms of irritation, not deficits", () => {
  it("pain in a numb region is counted once, with the numbness", () => {
    const c = caseOf([
      { kind: "sensory", side: "right", region: "sole_medial", change: "reduced" },
      { kind: "sensory", side: "right", region: "sole_medial", change: "pain" },
      { kind: "sensory", side: "left", region: "sole_medial", change: "pain" },
    ]);
    const { observations, skipped } = observe(getAtlas(), c);
    expect(observations.map((o) => `${o.side} ${o.family}`)).toEqual([
      "right sensoryChange",
      "left sensorySymptom",
    ]);
    expect(skipped.map((s) => s.finding)).toEqual([1]);
  });

  it("radicular pain with a normal examination points at the root whose pain spreads there", () => {
    const c = caseOf([
      ...fullStrength("right", [
        "hip_flexion",
        "knee_extension",
        "ankle_dorsiflexion",
        "great_toe_extension",
        "ankle_plantarflexion",
        "ankle_eversion",
      ]),
      { kind: "reflex", side: "right", reflex: "patellar", grade: "normal" },
      { kind: "reflex", side: "right", reflex: "achilles", grade: "normal" },
      { kind: "sensory", side: "right", region: "thigh_lateral", change: "pain" },
      { kind: "sensory", side: "right", region: "thigh_posterior", change: "pain" },
      { kind: "sensory", side: "right", region: "leg_anterolateral", change: "paresthesia" },
    ]);
    const focal = localize(c, { limit: 10 }).hypotheses.find((h) =>
      h.lesions.some((l) => l.level !== "none"),
    );
    expect(focal?.lesions).toEqual([lesion("root", ["L5"], "right")]);
    expect(rank(c, lesion("root", ["L5"], "right"))).toBeLessThan(
      rank(c, lesion("nerve", ["lateral_femoral_cutaneous"], "right")),
    );
  });
});

describe("one process may take neighbouring structures together", () => {
  it("weakness and lost sensory responses in both the femoral and the sciatic territories, with clean paraspinals, read as the lumbar and sacral plexus together", () => {
    const c = caseOf([
      { kind: "strength", side: "left", target: "hip_flexion", mrc: 4 },
      { kind: "strength", side: "left", target: "knee_extension", mrc: 4 },
      { kind: "strength", side: "left", target: "hip_adduction", mrc: 4 },
      { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 4 },
      { kind: "strength", side: "left", target: "ankle_plantarflexion", mrc: 4 },
      { kind: "strength", side: "left", target: "hip_extension", mrc: 4 },
      { kind: "reflex", side: "left", reflex: "patellar", grade: "absent" },
      { kind: "reflex", side: "left", reflex: "achilles", grade: "absent" },
      { kind: "ncs", side: "left", study: "saphenous_sensory", result: "absent" },
      { kind: "ncs", side: "left", study: "sural_sensory", result: "absent" },
      { kind: "ncs", side: "right", study: "sural_sensory", result: "normal" },
      { kind: "emg", side: "left", muscle: "paraspinal_L3", spontaneous: "none", muap: "normal" },
      { kind: "emg", side: "left", muscle: "paraspinal_S1", spontaneous: "none", muap: "normal" },
    ]);
    const both = localize(c).hypotheses[0];
    expect(both?.lesions).toEqual([lesion("plexus", ["lumbar_plexus", "sacral_plexus"], "left")]);
    expect(both?.probability).toBeGreaterThan(0.5);
  });

  it("a pelvic haematoma pressing the femoral and lateral femoral cutaneous nerves reads as those two nerves", () => {
    const c = caseOf([
      { kind: "sensory", side: "right", region: "thigh_anterior", change: "reduced" },
      { kind: "sensory", side: "right", region: "thigh_lateral", change: "reduced" },
      { kind: "sensory", side: "right", region: "thigh_medial", change: "normal" },
      { kind: "strength", side: "right", target: "knee_extension", mrc: 3 },
      { kind: "strength", side: "right", target: "hip_adduction", mrc: 5 },
      { kind: "reflex", side: "right", reflex: "patellar", grade: "absent" },
      {
        kind: "imaging",
        modality: "ct",
        tags: ["hematoma"],
        side: "right",
        text: "iliacus haematoma compressing the femoral and lateral femoral cutaneous nerves",
      },
    ]);
    expect(top(c)?.lesions).toEqual([lesion("nerve", ["femoral", "lateral_femoral_cutaneous"], "right")]);
  });

  it("names joined by 'and' before 'nerves' each name a nerve", () => {
    const sites = nerveSitesInText(
      getAtlas(),
      "compressing the femoral and lateral femoral cutaneous nerves",
    );
    expect(sites.has("femoral")).toBe(true);
    expect(sites.has("lateral_femoral_cutaneous")).toBe(true);
    expect(nerveSitesInText(getAtlas(), "the femoral head and the sural nerve").has("femoral")).toBe(false);
  });
});

describe("sensory modality matters", () => {
  it("vibration lost at both great toes with pinprick kept reads as a polyneuropathy or the dorsal columns, not as roots", () => {
    const c = caseOf(
      [
        { kind: "strength", side: "bilateral", target: "ankle_dorsiflexion", mrc: 4 },
        { kind: "strength", side: "bilateral", target: "great_toe_extension", mrc: 4 },
        { kind: "sensory", side: "bilateral", region: "great_toe", change: "absent", modality: "vibration" },
        { kind: "sensory", side: "bilateral", region: "foot_dorsum", change: "normal", modality: "pinprick" },
      ],
      { context: { onset: "chronic" } },
    );
    const first = top(c)?.lesions ?? [];
    expect(first).toHaveLength(1);
    expect(["polyneuropathy", "cns"]).toContain(first[0]?.level);
  });
});

describe("severity is one latent per lesion; a deficit is counted once", () => {
  it("a foot drop sign beside a graded ankle dorsiflexion is the same weakness, counted once", () => {
    const c = caseOf([
      { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 2 },
      { kind: "sign", side: "bilateral", sign: "foot_drop" },
    ]);
    const { observations, skipped } = observe(getAtlas(), c);
    expect(observations.map((o) => `${o.side} ${o.family}`)).toEqual(["left weakness", "right weakness"]);
    expect(skipped).toEqual([]);
    expect(observations[1]?.label).toMatch(/right foot drop/);
  });

  it("dense symmetric distal weakness with a stocking sensory loss and lost sural responses reads as a severe polyneuropathy", () => {
    const c = caseOf(
      [
        { kind: "strength", side: "bilateral", target: "ankle_dorsiflexion", mrc: 2 },
        { kind: "strength", side: "bilateral", target: "great_toe_extension", mrc: 1 },
        { kind: "strength", side: "bilateral", target: "ankle_plantarflexion", mrc: 4 },
        { kind: "strength", side: "bilateral", target: "knee_flexion", mrc: 5 },
        { kind: "strength", side: "bilateral", target: "knee_extension", mrc: 5 },
        { kind: "reflex", side: "bilateral", reflex: "achilles", grade: "absent" },
        { kind: "sensory", side: "bilateral", region: "sole_medial", change: "reduced" },
        { kind: "sensory", side: "bilateral", region: "foot_dorsum", change: "reduced" },
        { kind: "ncs", side: "bilateral", study: "sural_sensory", result: "absent" },
      ],
      { context: { onset: "chronic" } },
    );
    expect(top(c)?.lesions).toEqual([lesion("polyneuropathy", [], "bilateral")]);
  });
});

describe("central lesions come in more than one pattern", () => {
  it("an acute foot drop with the rest of the leg strong, normal reflexes and a frontal haematoma on CT reads as central", () => {
    const c = caseOf(
      [
        { kind: "strength", side: "right", target: "ankle_dorsiflexion", mrc: 2 },
        { kind: "strength", side: "right", target: "great_toe_extension", mrc: 2 },
        ...fullStrength("right", ["hip_flexion", "knee_extension", "knee_flexion", "ankle_plantarflexion"]),
        { kind: "reflex", side: "bilateral", reflex: "patellar", grade: "normal" },
        { kind: "reflex", side: "bilateral", reflex: "achilles", grade: "normal" },
        { kind: "sensory", side: "right", region: "foot_dorsum", change: "normal" },
        { kind: "sensory", side: "right", region: "leg_anterolateral", change: "normal" },
        {
          kind: "imaging",
          modality: "ct",
          tags: ["hematoma"],
          text: "brain CT: small left frontal subcortical haematoma",
        },
      ],
      { context: { onset: "acute", durationDays: 1 } },
    );
    expect(top(c)?.lesions).toEqual([lesion("cns", [], "right")]);
  });
});
