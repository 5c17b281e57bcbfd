/**
 * The model's principles, each held by a small synthetic case that fails without it.
 */
import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import type { Finding, Lesion, LocusCase } from "../case/schema.js";
import { setMatches } from "../evaluate/index.js";
import { type Hypothesis, localize } from "./index.js";
import { nerveSitesInText, rootsNamed } from "./named.js";
import { observe } from "./observe.js";
import { prepare } from "./score.js";
import { silenceTerm } from "./silence.js";
import { caseOf, lesion } from "./test-helpers/cases.js";

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
    const plexus = silenceTerm(atlas, p.silence, p.units, [index("lumbar_plexus")], "none", 3);
    const lfcn = silenceTerm(atlas, p.silence, p.units, [index("lateral_femoral_cutaneous")], "none", 3);
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
    const i = p.silence.items.byMovement[1].get("hip_flexion");
    expect(i).toBeDefined();
    expect(p.silence.rate[i as number]).toBe(0);
    const j = p.silence.items.byMovement[1].get("knee_extension");
    expect(p.silence.rate[j as number]).toBeGreaterThan(0);
  });

  it("a complaint the examination leaves unresolved is not silence", () => {
    const c = caseOf([{ kind: "sensory", side: "right", region: "thigh_lateral", change: "reduced" }], {
      context: { onset: "subacute", symptoms: ["weakness"] },
    });
    const p = prepare(getAtlas(), c);
    const j = p.silence.items.byMovement[1].get("knee_extension");
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

  it("wasting is a lower motor neuron sign: a central lesion weakens a leg without wasting it", () => {
    const weak: Finding[] = [
      "hip_flexion",
      "knee_extension",
      "ankle_dorsiflexion",
      "ankle_plantarflexion",
    ].map((target) => ({ kind: "strength", side: "left", target, mrc: 4 }));
    const wasted: Finding = { kind: "sign", side: "left", sign: "atrophy", target: "thigh" };
    const central = localize(caseOf([...weak, wasted]), { limit: 30 }).hypotheses.find((h) =>
      setMatches(h.lesions, [lesion("cns", [], "left")]),
    );
    expect(central).toBeDefined();
    // The wasting is not among what the central lesion explains; it is left unexplained.
    expect(central?.explains.some((r) => r.finding === 4)).toBe(false);
    expect(central?.unexplained.some((r) => r.finding === 4)).toBe(true);
  });
});

describe("FORMAT v1.1 is read", () => {
  const drop: Finding[] = [
    { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 3 },
    { kind: "strength", side: "left", target: "great_toe_extension", mrc: 3 },
  ];
  const p = (c: LocusCase, ...want: Lesion[]) =>
    localize(c, { limit: 30 }).hypotheses.find((h) => setMatches(h.lesions, want))?.probability ?? 0;

  it("'power otherwise 5/5' is every routine movement the case does not grade, on that side", () => {
    const c = caseOf([...drop, { kind: "strength", side: "left", target: "others", mrc: 5 }]);
    const { observations } = observe(getAtlas(), c);
    const normal = observations.filter((o) => o.finding === 2).flatMap((o) => o.movements);
    expect(normal).toContain("hip_flexion");
    expect(normal).toContain("ankle_inversion");
    expect(normal).not.toContain("ankle_dorsiflexion");
    expect(observations.every((o) => o.side === "left")).toBe(true);
    // Normal inversion (tibialis posterior, L5 through the tibial nerve) now argues against the root.
    expect(p(c, lesion("root", ["L5"], "left"))).toBeLessThan(
      p(caseOf(drop), lesion("root", ["L5"], "left")),
    );
  });

  it("a Tinel sign at the fibular head favours the peroneal nerve there", () => {
    const tinel: Finding = { kind: "sign", side: "left", sign: "tinel", target: "fibular head" };
    const peroneal = lesion("nerve", ["common_peroneal@fibular_head"], "left");
    expect(p(caseOf([...drop, tinel]), peroneal)).toBeGreaterThan(p(caseOf(drop), peroneal) + 0.05);
  });

  it("a conduction block across the fibular head puts the lesion there", () => {
    const block: Finding = {
      kind: "ncs",
      side: "left",
      study: "peroneal_motor_edb",
      result: "block",
      segment: "across the fibular head",
    };
    const peroneal = lesion("nerve", ["common_peroneal@fibular_head"], "left");
    expect(p(caseOf([...drop, block]), peroneal)).toBeGreaterThan(0.8);
  });

  it("absent foot pulses and a cold pale leg make a vascular (not neurological) cause lead", () => {
    const c = caseOf([
      ...drop,
      { kind: "sign", side: "left", sign: "pulses", present: false },
      { kind: "sign", side: "left", sign: "cold_pale_limb" },
    ]);
    expect(top(c)?.lesions[0]?.level).toBe("none");
  });

  it("arm weakness on the same side moves a weak leg towards a hemisphere lesion", () => {
    const arm: Finding = { kind: "sign", side: "left", sign: "arm_weakness" };
    const central = lesion("cns", [], "left");
    expect(p(caseOf([...drop, arm]), central)).toBeGreaterThan(p(caseOf(drop), central) + 0.1);
  });

  it("a tender muscle is a candidate site for a lesion of the muscle itself (myositis, infarction, haematoma)", () => {
    const calf = caseOf([
      { kind: "strength", side: "left", target: "ankle_plantarflexion", mrc: 4 },
      { kind: "reflex", side: "left", reflex: "achilles", grade: "normal" },
      { kind: "sensory", side: "left", region: "sole_lateral", change: "normal" },
      { kind: "sensory", side: "left", region: "calf_posterior", change: "normal" },
      { kind: "sign", side: "left", sign: "tenderness", target: "calf" },
    ]);
    const first = top(calf)?.lesions;
    expect(first?.[0]?.level).toBe("muscle");
    expect(first?.[0]?.sites).toContain("gastrocnemius_medial_head");
    expect(first?.[0]?.side).toBe("left");
  });

  it("denied bladder and bowel symptoms argue against a cauda equina", () => {
    const saddle: Finding[] = [
      { kind: "sensory", side: "bilateral", region: "perineum", change: "reduced" },
      { kind: "strength", side: "bilateral", target: "ankle_plantarflexion", mrc: 4 },
    ];
    const cauda = lesion("cauda_equina", [], "bilateral");
    const denied = caseOf(saddle, {
      context: { onset: "acute", denies: ["bladder_dysfunction", "bowel_dysfunction"] },
    });
    expect(p(denied, cauda)).toBeLessThan(p(caseOf(saddle, { context: { onset: "acute" } }), cauda));
  });
});

describe("history and disc morphology", () => {
  const thigh: Finding[] = [
    { kind: "sensory", side: "right", region: "thigh_anterior", change: "normal" },
    { kind: "sign", side: "right", sign: "tenderness", target: "thigh" },
    {
      kind: "imaging",
      modality: "mri_limb",
      tags: ["muscle_edema"],
      side: "right",
      text: "oedema of the right vastus medialis",
    },
    { kind: "lab", test: "ck", result: "elevated" },
  ];
  const muscle = (history: string[]) =>
    localize(caseOf(thigh, { context: { onset: "acute", history } }), { limit: 20 })
      .hypotheses.filter((h) => h.lesions.some((l) => l.level === "muscle"))
      .reduce((a, h) => a + h.probability, 0);

  it("diabetes, anticoagulation and trauma make a lesion of the muscle itself likelier", () => {
    expect(muscle(["diabetes"])).toBeGreaterThan(muscle([]) + 0.05);
    expect(muscle(["anticoagulation"])).toBeGreaterThan(muscle([]) + 0.05);
  });

  it("history in free words that names a place where nerves are pressed raises the sites there", () => {
    const sole: Finding[] = [
      { kind: "reflex", side: "right", reflex: "achilles", grade: "reduced" },
      { kind: "sensory", side: "right", region: "sole_medial", change: "reduced" },
      { kind: "sensory", side: "right", region: "sole_lateral", change: "reduced" },
      { kind: "strength", side: "right", target: "great_toe_flexion", mrc: 4 },
    ];
    const tibial = lesion("nerve", ["tibial"], "right");
    const chance = (history: string[]) =>
      localize(caseOf(sole, { context: { onset: "chronic", history } }), { limit: 20 }).hypotheses.find((h) =>
        setMatches(h.lesions, [tibial]),
      )?.probability ?? 0;
    // A Baker's cyst sits in the popliteal fossa, over the tibial nerve (priors.ts historyPlaces).
    expect(chance(["rheumatoid arthritis", "Baker's cyst of the right knee"])).toBeGreaterThan(
      chance(["rheumatoid arthritis"]) + 0.05,
    );
    // Knee words that name no mass change nothing.
    expect(chance(["knee pain"])).toBeCloseTo(chance([]), 6);
    const drop: Finding[] = [
      { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 3 },
      { kind: "strength", side: "left", target: "great_toe_extension", mrc: 3 },
    ];
    const peroneal = lesion("nerve", ["common_peroneal@fibular_head"], "left");
    const fibular = (history: string[]) =>
      localize(caseOf(drop, { context: { onset: "acute", history } }), { limit: 20 }).hypotheses.find((h) =>
        setMatches(h.lesions, [peroneal]),
      )?.probability ?? 0;
    expect(fibular(["trauma:fracture of the left fibular neck"])).toBeGreaterThan(fibular(["trauma"]) + 0.05);
  });
  it("tenderness over a place where a nerve is entrapped points to that nerve there, less than a Tinel sign", () => {
    const sole: Finding[] = [
      { kind: "sensory", side: "left", region: "sole_medial", change: "reduced" },
      { kind: "sensory", side: "left", region: "sole_lateral", change: "reduced" },
    ];
    const tunnel = lesion("nerve", ["tibial@tarsal_tunnel"], "left");
    const chance = (extra: Finding[]) =>
      localize(caseOf([...sole, ...extra]), { limit: 20 }).hypotheses.find((h) =>
        setMatches(h.lesions, [tunnel]),
      )?.probability ?? 0;
    const tender = chance([{ kind: "sign", side: "left", sign: "tenderness", target: "tarsal tunnel" }]);
    const tinel = chance([{ kind: "sign", side: "left", sign: "tinel", target: "tarsal tunnel" }]);
    expect(tender).toBeGreaterThan(chance([]) + 0.05);
    expect(tinel).toBeGreaterThan(tender);
  });
  it("known hip joint or arterial disease makes 'no neurological lesion' likelier for the same complaint", () => {
    const thigh: Finding[] = [
      { kind: "sensory", side: "left", region: "thigh_medial", change: "pain" },
      { kind: "sensory", side: "left", region: "groin", change: "pain" },
      { kind: "sensory", side: "left", region: "leg_medial", change: "paresthesia" },
    ];
    const none = (history: string[]) =>
      localize(caseOf(thigh, { context: { onset: "subacute", history } }), { limit: 20 }).hypotheses.find(
        (h) => h.lesions.some((l) => l.level === "none"),
      )?.probability ?? 0;
    expect(none(["hip_joint_disease"])).toBeGreaterThan(none([]) + 0.05);
    expect(none(["osteoarthritis of the left hip"])).toBeCloseTo(none(["hip_joint_disease"]), 6);
    expect(none(["peripheral_arterial_disease"])).toBeGreaterThan(none([]) + 0.05);
    expect(none(["hip fracture fixed in 2019"])).toBeCloseTo(none([]), 6);
  });
  it("a nerve abnormality imaged on both sides needs a lesion on each side", () => {
    const c = caseOf([
      { kind: "ncs", side: "bilateral", study: "peroneal_motor_edb", result: "reduced" },
      {
        kind: "imaging",
        modality: "mri_limb",
        tags: ["nerve_enlargement"],
        side: "bilateral",
        text: "abnormal signal of the deep peroneal nerves at the ankles",
      },
    ]);
    const both = lesion("nerve", ["deep_peroneal"], "bilateral");
    const left = lesion("nerve", ["deep_peroneal"], "left");
    const chance = (want: Lesion) =>
      localize(c, { limit: 20 }).hypotheses.find((h) => setMatches(h.lesions, [want]))?.probability ?? 0;
    expect(chance(both)).toBeGreaterThan(2 * chance(left));
  });
  it("slowed conduction is demyelination or a study across a compression, which a root lesion never gives", () => {
    const root = lesion("root", ["L5"], "left");
    const rootChance = (result: "slowed" | "reduced") =>
      localize(
        caseOf([
          { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 3 },
          { kind: "strength", side: "left", target: "great_toe_extension", mrc: 3 },
          { kind: "ncs", side: "left", study: "peroneal_motor_edb", result },
        ]),
        { limit: 20 },
      ).hypotheses.find((h) => setMatches(h.lesions, [root]))?.probability ?? 0;
    expect(rootChance("slowed")).toBeLessThan(0.5 * rootChance("reduced"));
  });
  it("a sensory response is kept for the first days after an axon is cut, so it says little then (Wallerian degeneration)", () => {
    const nerve = lesion("nerve", ["common_peroneal@fibular_head"], "left");
    const peroneal = (days: number, snap: "normal" | "absent") =>
      localize(
        caseOf(
          [
            { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 2 },
            { kind: "strength", side: "left", target: "ankle_eversion", mrc: 3 },
            { kind: "ncs", side: "left", study: "superficial_peroneal_sensory", result: snap },
          ],
          { context: { onset: "acute", durationDays: days } },
        ),
        { limit: 20 },
      ).hypotheses.find((h) => setMatches(h.lesions, [nerve]))?.probability ?? 0;
    const logit = (p: number) => Math.log(p / (1 - p));
    const weight = (days: number) => logit(peroneal(days, "absent")) - logit(peroneal(days, "normal"));
    expect(weight(3)).toBeLessThan(0.5 * weight(30));
  });
  it("paraspinal fibrillations say less about a root in the old and almost nothing after spine surgery", () => {
    const root = lesion("root", ["L5"], "left");
    const findings: Finding[] = [
      { kind: "emg", side: "left", muscle: "paraspinal_L5", spontaneous: "fibrillations", muap: "normal" },
      { kind: "emg", side: "left", muscle: "tibialis_anterior", spontaneous: "none", muap: "normal" },
      { kind: "ncs", side: "left", study: "sural_sensory", result: "normal" },
    ];
    const rootChance = (extra: Partial<LocusCase>) =>
      localize(caseOf(findings, extra), { limit: 20 }).hypotheses.find((h) => setMatches(h.lesions, [root]))
        ?.probability ?? 0;
    const context = { onset: "subacute" as const, durationDays: 60 };
    const young = rootChance({ patient: { age: 30, sex: "female" } });
    const old = rootChance({ patient: { age: 75, sex: "female" } });
    const operated = rootChance({
      patient: { age: 30, sex: "female" },
      context: { ...context, history: ["spine_surgery"] },
    });
    expect(young).toBeGreaterThan(old + 0.05);
    expect(old).toBeGreaterThan(operated);
  });
  it("an extruded disc at a level weighs more for its root than a protrusion does", () => {
    const root = lesion("root", ["L5"], "left");
    const disc = (text: string) =>
      localize(
        caseOf([
          { kind: "strength", side: "left", target: "great_toe_extension", mrc: 4 },
          {
            kind: "imaging",
            modality: "mri_spine",
            tags: ["disc_herniation"],
            level: "L4-L5",
            side: "left",
            text,
          },
        ]),
        { limit: 20 },
      ).hypotheses.find((h) => setMatches(h.lesions, [root]))?.probability ?? 0;
    expect(disc("left paracentral extrusion at L4-L5")).toBeGreaterThan(
      disc("left paracentral protrusion at L4-L5") + 0.05,
    );
  });
  it("a disc level written as a range ('L5-S1', 'L4/5') names a disc space, not a root", () => {
    expect(rootsNamed("mild L5-S1 facet arthropathy; synovial cyst compressing the right root")).toEqual([]);
    expect(rootsNamed("L4-L5 and L5 - S1 foraminal narrowing affecting the exiting roots")).toEqual([]);
    expect(rootsNamed("L4/5 disc extrusion compressing the traversing L5 root")).toEqual(["L5"]);
    expect(rootsNamed("the left L5 and S1 roots are thickened")).toEqual(["L5", "S1"]);
  });
});

describe("the lumbosacral enlargement", () => {
  it("lower motor neuron weakness of both legs with the lower cord's signal changed reads as a lesion of the cord's lumbosacral segments, not the roots", () => {
    const c = caseOf(
      [
        { kind: "strength", side: "bilateral", target: "hip_flexion", mrc: 3 },
        { kind: "strength", side: "bilateral", target: "ankle_dorsiflexion", mrc: 4 },
        { kind: "reflex", side: "bilateral", reflex: "patellar", grade: "reduced" },
        { kind: "reflex", side: "bilateral", reflex: "achilles", grade: "reduced" },
        { kind: "reflex", side: "bilateral", reflex: "plantar", grade: "flexor" },
        {
          kind: "imaging",
          modality: "mri_spine",
          tags: [],
          text: "T2 hyperintensity of the lower thoracic cord down to the conus with dorsal flow voids",
        },
      ],
      { context: { onset: "subacute", symptoms: ["weakness", "progressive"] } },
    );
    expect(top(c)?.lesions).toEqual([lesion("conus", [], "bilateral")]);
  });
});

describe("saying 'I cannot tell'", () => {
  it("a lone foot drop leaves the answers close, and Locus says it cannot tell them apart", () => {
    const loc = localize(
      caseOf([{ kind: "sign", side: "left", sign: "foot_drop" }], {
        patient: { age: 74, sex: "male" },
        context: { onset: "subacute", symptoms: ["weakness", "numbness"] },
      }),
    );
    expect(loc.undecided?.between.length ?? 0).toBeGreaterThan(1);
    expect(loc.undecided?.between[0]).toBe(0);
  });

  it("a clear peroneal palsy at the fibular head is not undecided", () => {
    const loc = localize(
      caseOf([
        { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 2 },
        { kind: "strength", side: "left", target: "ankle_eversion", mrc: 3 },
        { kind: "strength", side: "left", target: "ankle_inversion", mrc: 5 },
        { kind: "sensory", side: "left", region: "foot_dorsum", change: "reduced" },
        {
          kind: "ncs",
          side: "left",
          study: "peroneal_motor_edb",
          result: "block",
          segment: "across the fibular head",
        },
      ]),
    );
    expect(loc.undecided).toBeUndefined();
  });
});

describe("limb imaging that places a lesion at a nerve's site", () => {
  it("'the lesions at the fibular head' on MRI reads as that nerve's lesion, as 'neuropathy at the fibular head' does", () => {
    const dropped = (text: string) =>
      caseOf(
        [
          { kind: "sign", side: "bilateral", sign: "foot_drop" },
          { kind: "imaging", modality: "mri_limb", tags: [], side: "bilateral", text },
        ],
        { patient: { age: 58, sex: "male" }, context: { symptoms: ["weakness"] } },
      );
    const want = lesion("nerve", ["common_peroneal@fibular_head"], "bilateral");
    expect(
      top(
        dropped(
          "Physical examination, EMG and MRI localised the lesions to the fibular-head level on both sides.",
        ),
      )?.lesions,
    ).toEqual([want]);
    expect(
      top(dropped("MRI consistent with common peroneal neuropathy at the fibular head"))?.lesions,
    ).toEqual([want]);
  });
});
