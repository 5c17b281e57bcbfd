/**
 * Probes: the readings issue 18 found turned over, each written as a clinician writes it. A probe
 * lists findings that must be read (matched on the fields given) and findings that must not be
 * read, above all the opposite of what the text says. A finding read against its assertion is
 * worse than one not read.
 */
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";

type Want = Record<string, unknown>;
interface Probe {
  text: string;
  has: Want[];
  not?: Want[];
}

function check({ text, has, not = [] }: Probe): void {
  const r = extract(text);
  for (const w of has)
    expect(r.case.findings, `${text}\nshould read ${JSON.stringify(w)}`).toContainEqual(
      expect.objectContaining(w),
    );
  for (const w of not)
    expect(r.case.findings, `${text}\nshould not read ${JSON.stringify(w)}`).not.toContainEqual(
      expect.objectContaining(w),
    );
}

const negation: Probe[] = [
  {
    text: "Babinski neg bilat.",
    has: [{ kind: "reflex", reflex: "plantar", grade: "flexor" }],
    not: [{ kind: "reflex", reflex: "plantar", grade: "extensor" }],
  },
  {
    text: "Babinski negative on both sides.",
    has: [{ kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" }],
    not: [{ grade: "extensor" }],
  },
  {
    text: "SLR 90 degrees bilaterally.",
    has: [{ kind: "sign", sign: "straight_leg_raise", present: false }],
    not: [
      { kind: "sign", sign: "straight_leg_raise", present: true },
      { kind: "sign", sign: "straight_leg_raise", present: undefined },
    ],
  },
  {
    text: "SLR negative bilaterally.",
    has: [{ kind: "sign", sign: "straight_leg_raise", present: false }],
  },
  {
    text: "SNAPs normal bilaterally, arguing against a neuropathy.",
    has: [{ kind: "ncs", result: "normal" }],
    not: [
      { kind: "ncs", result: "reduced" },
      { kind: "ncs", result: "absent" },
    ],
  },
  {
    text: "Needle EMG: paraspinals quiet.",
    not: [{ kind: "emg", spontaneous: "fibrillations" }],
    has: [],
  },
  {
    text: "R toe downgoing.",
    has: [{ kind: "reflex", reflex: "plantar", grade: "flexor", side: "right" }],
    not: [{ grade: "extensor" }],
  },
  {
    text: "Reflexes 2+ and symmetric throughout except absent left ankle jerk.",
    has: [
      { kind: "reflex", reflex: "achilles", grade: "absent", side: "left" },
      { kind: "reflex", reflex: "others", grade: "normal", side: "bilateral" },
    ],
    not: [
      { kind: "reflex", reflex: "achilles", grade: "normal", side: "left" },
      { kind: "reflex", reflex: "achilles", side: "bilateral" },
    ],
  },
  {
    text: "Fibrillations in L TA and peroneus longus; TP normal.",
    has: [
      { kind: "emg", muscle: "tibialis_anterior", spontaneous: "fibrillations", side: "left" },
      { kind: "emg", muscle: "tibialis_posterior", spontaneous: "none" },
    ],
    not: [{ kind: "emg", muscle: "tibialis_posterior", spontaneous: "fibrillations" }],
  },
  {
    text: "AJ absent on L, present on R.",
    has: [
      { kind: "reflex", reflex: "achilles", grade: "absent", side: "left" },
      { kind: "reflex", reflex: "achilles", grade: "normal", side: "right" },
    ],
    not: [
      { kind: "reflex", reflex: "achilles", grade: "absent", side: "right" },
      { kind: "reflex", reflex: "achilles", side: "bilateral" },
    ],
  },
  {
    text: "Absent left ankle jerk.",
    has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "left" }],
  },
  {
    text: "No weakness of ankle dorsiflexion.",
    has: [],
    not: [{ kind: "strength", mrc: "weak" }],
  },
  {
    text: "Not only weakness of the left ankle dorsiflexion but also numbness over the left foot dorsum.",
    has: [
      { kind: "strength", target: "ankle_dorsiflexion", side: "left" },
      { kind: "sensory", region: "foot_dorsum", side: "left" },
    ],
  },
];

describe("negation and its scope", () => {
  it.each(negation)("$text", (p) => check(p));

  it("reads 'off anticoagulation' as no anticoagulation", () => {
    const r = extract("62M, off anticoagulation since March. Left foot drop.");
    expect(r.case.context?.history ?? []).not.toContain("anticoagulation");
  });

  it("does not make a family history the patient's", () => {
    const r = extract("Family history: mother had diabetes. Left ankle jerk absent.");
    expect(r.case.context?.history ?? []).not.toContain("diabetes");
  });
});

const sides: Probe[] = [
  {
    text: "R EHL 4/5. L TA 3/5.",
    has: [
      { kind: "strength", target: "extensor_hallucis_longus", mrc: 4, side: "right" },
      { kind: "strength", target: "tibialis_anterior", mrc: 3, side: "left" },
    ],
  },
  {
    text: "Rt EHL 4/5, lt TA 3/5.",
    has: [
      { kind: "strength", target: "extensor_hallucis_longus", mrc: 4, side: "right" },
      { kind: "strength", target: "tibialis_anterior", mrc: 3, side: "left" },
    ],
  },
  {
    text: "Ankle jerk absent (L).",
    has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "left" }],
  },
  {
    text: "Ankle jerk absent on L.",
    has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "left" }],
  },
  {
    text: "LLE: TA 3/5, EHL 2/5.",
    has: [
      { kind: "strength", target: "tibialis_anterior", mrc: 3, side: "left" },
      { kind: "strength", target: "extensor_hallucis_longus", mrc: 2, side: "left" },
    ],
  },
  {
    text: "RLE weakness of ankle dorsiflexion 4/5.",
    has: [{ kind: "strength", target: "ankle_dorsiflexion", mrc: 4, side: "right" }],
  },
  {
    text: "Reduced pinprick over the dorsum of the foot on the left.",
    has: [{ kind: "sensory", region: "foot_dorsum", change: "reduced", side: "left" }],
  },
  {
    text: "RIGHT LEG:\nHip flexion 5/5.\nAnkle dorsiflexion 3/5.\nAnkle jerk absent.\n\nLEFT LEG:\nAnkle dorsiflexion 5/5.",
    has: [
      { kind: "strength", target: "hip_flexion", mrc: 5, side: "right" },
      { kind: "strength", target: "ankle_dorsiflexion", mrc: 3, side: "right" },
      { kind: "reflex", reflex: "achilles", grade: "absent", side: "right" },
      { kind: "strength", target: "ankle_dorsiflexion", mrc: 5, side: "left" },
    ],
    not: [{ kind: "strength", target: "ankle_dorsiflexion", mrc: 3, side: "left" }],
  },
  {
    text: "Left:\nTA 4/5\nEHL 3/5\nRight:\nTA 5/5",
    has: [
      { kind: "strength", target: "tibialis_anterior", mrc: 4, side: "left" },
      { kind: "strength", target: "extensor_hallucis_longus", mrc: 3, side: "left" },
      { kind: "strength", target: "tibialis_anterior", mrc: 5, side: "right" },
    ],
  },
  {
    text: "Left TA 4/5; EHL 3/5 on the right.",
    has: [
      { kind: "strength", target: "tibialis_anterior", mrc: 4, side: "left" },
      { kind: "strength", target: "extensor_hallucis_longus", mrc: 3, side: "right" },
    ],
  },
  {
    text: "Weakness of left ankle dorsiflexion 4/5; hip flexion 5/5.",
    has: [{ kind: "strength", target: "ankle_dorsiflexion", mrc: 4, side: "left" }],
    not: [{ kind: "strength", target: "hip_flexion", side: "left" }],
  },
  {
    text: "Left foot drop. Left TA 3/5 and left EHL 2/5. Ankle dorsiflexion on the contralateral side 5/5.",
    has: [{ kind: "strength", target: "ankle_dorsiflexion", mrc: 5, side: "right" }],
  },
  {
    text: "Left foot drop. Left EHL 2/5. Ankle jerk absent on the affected side.",
    has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "left" }],
  },
  {
    text: "L5 radiculopathy suspected. TA 4/5 bilat.",
    has: [{ kind: "strength", target: "tibialis_anterior", mrc: 4, side: "bilateral" }],
    not: [{ side: "left" }],
  },
];

describe("sides as clinicians write them", () => {
  it.each(sides)("$text", (p) => check(p));
});

describe("whole-examination statements", () => {
  it.each([
    "Sudden low back pain, with no motor deficit and no sciatica.",
    "Examination found no muscle weakness or other neurological abnormality.",
    "Strength was 5/5 in all major leg muscle groups.",
    "Full strength throughout.",
  ])("%s", (text) => {
    const r = extract(text);
    expect(r.case.findings).toContainEqual(expect.objectContaining({ kind: "strength", mrc: 5 }));
    expect(r.case.findings.some((f) => f.kind === "strength" && f.mrc !== 5)).toBe(false);
  });
});

describe("conclusions are not findings", () => {
  it.each([
    "Working diagnosis: femoral nerve lesion.",
    "Impression: left L5 radiculopathy with fibrillations in L5 muscles.",
    "Plan: NCS of the femoral nerve; MRI lumbar spine.",
    "EXAM\nLeft TA 4/5.\nIMPRESSION\nFemoral neuropathy; ankle jerk absent would argue for a root.",
  ])("%s", (text) => {
    const r = extract(text);
    expect(r.case.findings.filter((f) => f.kind !== "strength")).toEqual([]);
  });
});

describe("the first mention does not win", () => {
  it("a grade in the examination beats a 'weakness' in the history", () => {
    const r = extract(
      "History: weakness of left ankle dorsiflexion for 3 weeks.\nExam: left ankle dorsiflexion 3/5.",
    );
    expect(r.case.findings).toContainEqual({
      kind: "strength",
      target: "ankle_dorsiflexion",
      side: "left",
      mrc: 3,
    });
    expect(r.warnings).toEqual([]);
  });

  it("two grades of one movement are reported as a conflict", () => {
    const r = extract("Left ankle dorsiflexion 4/5. Later in the examination: left ankle dorsiflexion 2/5.");
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.message).toMatch(/ankle_dorsiflexion/);
    expect(r.warnings[0]?.spans.length).toBeGreaterThanOrEqual(2);
  });

  it("a past finding is not a current one", () => {
    const r = extract("Previous EMG in 2019 showed fibrillations in the left TA. Left TA 5/5 today.");
    expect(r.case.findings.some((f) => f.kind === "emg")).toBe(false);
    expect(r.unrecognized.some((u) => /past/.test(u.why ?? ""))).toBe(true);
  });
});

const tables: Probe[] = [
  {
    text: "Needle EMG: L TA: fibs 2+, reduced recruitment, gastroc normal, VL normal.",
    has: [
      { kind: "emg", muscle: "tibialis_anterior", spontaneous: "fibrillations", recruitment: "reduced" },
      { kind: "emg", muscle: "vastus_lateralis", spontaneous: "none" },
    ],
    not: [{ kind: "emg", muscle: "vastus_lateralis", spontaneous: "fibrillations" }],
  },
  {
    text: "EMG/NCS: peroneal motor study recording EDB, then needle EMG showing fibrillations in the TA and EHL.",
    has: [{ kind: "emg", muscle: "tibialis_anterior", spontaneous: "fibrillations" }],
    not: [{ kind: "emg", muscle: "extensor_digitorum_brevis" }],
  },
];

describe("tables as EMG machines print them", () => {
  it.each(tables)("$text", (p) => check(p));
});

describe("whole sensory examination and genital skin", () => {
  it("reads a list of modalities called intact as a normal sensory examination", () => {
    const r = extract("Vibration, light touch and pinprick were intact in all leg dermatomes.");
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ kind: "sensory", region: "others", change: "normal" }),
    );
  });

  it("reads scrotal anaesthesia as absent sensation of the genital skin", () => {
    expect(extract("He had scrotal anaesthesia.").case.findings).toContainEqual(
      expect.objectContaining({ kind: "sensory", region: "genital", change: "absent" }),
    );
  });
});

describe("the side and time of a note as a whole", () => {
  it("a finding with no side takes the only side the note names", () => {
    const r = extract("He had a right foot drop. On examination, ankle eversion was weak.");
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ kind: "strength", target: "ankle_eversion", side: "right" }),
    );
  });

  it("a foot drop operated on years earlier is not a current finding", () => {
    const r = extract(
      "A man who years earlier had had spinal surgery for a painless left foot drop presented with a new right foot drop.",
    );
    expect(r.case.findings).not.toContainEqual(expect.objectContaining({ sign: "foot_drop", side: "left" }));
    expect(r.case.findings).toContainEqual(expect.objectContaining({ sign: "foot_drop", side: "right" }));
  });
});

const values: Probe[] = [
  {
    text: "Blood glucose was 180 mg/dL, HbA1c 9%, WBC 14,000/mm3 with a normal differential, ESR 110 mm/h and CK 400 IU/L (normal 55-170).",
    has: [
      { kind: "lab", test: "hba1c", result: "elevated" },
      { kind: "lab", test: "ck", result: "elevated" },
      { kind: "lab", test: "glucose", result: "elevated" },
    ],
    not: [{ kind: "lab", result: "normal" }],
  },
  {
    text: "There was diffuse MRC grade 4 weakness of left hip extension and knee extension.",
    has: [
      { kind: "strength", target: "hip_extension", mrc: 4, side: "left" },
      { kind: "strength", target: "knee_extension", mrc: 4, side: "left" },
    ],
  },
  {
    text: "NCS/EMG showed absent sural sensory responses on both sides, normal peroneal and tibial motor responses, and mild neurogenic changes in the left gastrocnemius.",
    has: [
      { kind: "ncs", study: "sural_sensory", result: "absent", side: "bilateral" },
      { kind: "ncs", study: "tibial_motor_ah", result: "normal" },
      { kind: "emg", muscle: "gastrocnemius_medial_head", muap: "neurogenic", side: "left" },
    ],
    not: [
      { kind: "emg", muscle: "peroneus_longus" },
      { kind: "ncs", study: "sural_sensory", result: "normal" },
    ],
  },
];

describe("values read where they are written", () => {
  it.each(values)("$text", (p) => check(p));
});

describe("places of pain and comparisons are not findings", () => {
  it("'low back pain' with saddle anaesthesia does not make the low back anaesthetic", () => {
    const r = extract("Sudden low back pain and saddle anaesthesia.");
    expect(r.case.findings).not.toContainEqual(expect.objectContaining({ region: "low_back" }));
    expect(r.case.findings).toContainEqual(expect.objectContaining({ region: "perineum", change: "absent" }));
  });

  it("a side named only as the comparison is not the finding's side", () => {
    const r = extract("The left saphenous sensory response was reduced (1.93 uV vs 4.2 uV on the right).");
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ kind: "ncs", study: "saphenous_sensory", side: "left", result: "reduced" }),
    );
  });
});

describe("denied symptoms (FORMAT v1.1 context.denies)", () => {
  it("keeps what the patient denies as evidence, apart from what they have", () => {
    const c = extract(
      "He had no weakness and no bowel or bladder problems. Denies fever. Low back pain for 3 weeks.",
    ).case.context;
    expect(c?.denies).toEqual(
      expect.arrayContaining(["weakness", "bladder_dysfunction", "bowel_dysfunction", "fever"]),
    );
    expect(c?.symptoms).toContain("back_pain");
    expect(c?.denies).not.toContain("back_pain");
  });
});

const newSigns: Probe[] = [
  {
    text: "Tinel's sign was positive at the left fibular head.",
    has: [{ kind: "sign", sign: "tinel", side: "left", target: "fibular head" }],
  },
  {
    text: "Foot pulses were absent on the right.",
    has: [{ kind: "sign", sign: "pulses", side: "right", present: false }],
  },
  {
    text: "Dorsalis pedis pulses were palpable bilaterally.",
    has: [{ kind: "sign", sign: "pulses", side: "bilateral" }],
    not: [{ sign: "pulses", present: false }],
  },
  { text: "Pes cavus and hammer toes bilaterally.", has: [{ kind: "sign", sign: "pes_cavus" }] },
  {
    text: "There was a sensory level at T10.",
    has: [{ kind: "sign", sign: "sensory_level", target: "T10" }],
  },
  {
    text: "FABER reproduced the left groin pain.",
    has: [{ kind: "sign", sign: "hip_pain_on_rotation", side: "left" }],
  },
];

describe("FORMAT v1.1 signs", () => {
  it.each(newSigns)("$text", (p) => check(p));
});

describe("weakness and dermatomes written as ranges", () => {
  it("'strength was reduced in the left hip flexors' is weakness; 'L1-L4 distribution' is every root between", () => {
    const r = extract(
      "Strength was reduced in the left hip flexors and knee extensors, and pinprick sensation was reduced in the L1-L4 distribution.",
    );
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ kind: "strength", target: "hip_flexion", mrc: "weak", side: "left" }),
    );
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ kind: "sensory", region: "thigh_anterior", change: "reduced", side: "left" }),
    );
  });
});

describe("compound faces of a limb", () => {
  it("'posterolateral thigh' is the posterior and the lateral thigh", () => {
    const r = extract("Reduced pinprick over the right posterolateral thigh.");
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ region: "thigh_posterior", side: "right" }),
    );
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ region: "thigh_lateral", side: "right" }),
    );
  });
});

const imaging: Probe[] = [
  {
    text: "T2-weighted MRI of the right leg showed diffuse high signal in the right gastrocnemius and tibialis anterior.",
    has: [{ kind: "imaging", modality: "mri_limb", tags: ["muscle_edema"], side: "right" }],
  },
  {
    text: "Spinal MRI excluded a structural cause.",
    has: [{ kind: "imaging", modality: "mri_spine", tags: ["normal"] }],
  },
  {
    text: "Knee MRI showed a thin-walled cystic lesion along the common peroneal nerve.",
    has: [{ kind: "imaging", modality: "mri_limb" }],
  },
];

describe("imaging words", () => {
  it.each(imaging)("$text", (p) => check(p));
});

describe("grades in a labelled list", () => {
  it("'Right leg strength: tibialis anterior 1, eversion 2, inversion 5' grades each item", () => {
    const r = extract("Right leg strength: tibialis anterior 1, eversion 2, inversion 5, plantarflexion 5.");
    expect(r.case.findings).toContainEqual({
      kind: "strength",
      target: "tibialis_anterior",
      mrc: 1,
      side: "right",
    });
    expect(r.case.findings).toContainEqual({
      kind: "strength",
      target: "ankle_inversion",
      mrc: 5,
      side: "right",
    });
  });

  it("does not read a bare number outside a strength label as a grade", () => {
    const r = extract("The tibialis anterior 1 cm below the knee was biopsied.");
    expect(r.case.findings.some((f) => f.kind === "strength")).toBe(false);
  });
});

describe("a history of the present complaint is current", () => {
  it("'a 2-day history of left foot drop' is a current foot drop", () => {
    const r = extract(
      "A 64-year-old man had a 2-day history of left foot drop, with tenderness over the left fibular neck.",
    );
    expect(r.case.findings).toContainEqual(expect.objectContaining({ sign: "foot_drop", side: "left" }));
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ sign: "tenderness", side: "left", target: "fibular neck" }),
    );
  });

  it("'history of left foot drop in 2015, resolved' is not", () => {
    expect(extract("History of left foot drop in 2015, resolved.").case.findings).toEqual([]);
  });
});

describe("a terse emergency note", () => {
  const note = [
    "ED NOTE",
    "58F c/o 2/7 L leg weakness + numbness. PMH: T2DM, HTN. On apixaban for AF.",
    "O/E:",
    "- Power: L hip flex 4/5, knee ext 4-/5, ankle DF 5/5. R 5/5 throughout.",
    "- Reflexes: L knee jerk absent, AJs 2+ bilat. Plantars downgoing.",
    "- SLR neg bilat. Fem stretch +ve on L.",
    "- Bladder/bowel normal. Denies back pain.",
    "Imp: ?L3 radiculopathy vs femoral neuropathy ?retroperitoneal haematoma (on apixaban).",
    "Plan: urgent CT abdo/pelvis.",
  ].join("\n");
  const r = extract(note);

  it("reads the shorthand with its sides and values", () => {
    for (const f of [
      { kind: "strength", target: "hip_flexion", mrc: 4, side: "left" },
      { kind: "strength", target: "knee_extension", mrc: "4-", side: "left" },
      { kind: "strength", target: "others", mrc: 5, side: "right" },
      { kind: "reflex", reflex: "patellar", grade: "absent", side: "left" },
      { kind: "reflex", reflex: "achilles", grade: "normal", side: "bilateral" },
      { kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" },
      { kind: "sign", sign: "femoral_stretch", side: "left" },
      { kind: "sign", sign: "straight_leg_raise", side: "bilateral", present: false },
    ])
      expect(r.case.findings).toContainEqual(f);
  });

  it("turns nothing over: no absent ankle jerk, no right knee jerk from the 'Reflexes:' label", () => {
    expect(r.case.findings).not.toContainEqual(
      expect.objectContaining({ reflex: "achilles", grade: "absent" }),
    );
    expect(r.case.findings).not.toContainEqual(
      expect.objectContaining({ reflex: "patellar", side: "right" }),
    );
  });

  it("reads the impression and plan as no finding, and the denied symptoms as denied", () => {
    expect(r.case.findings.some((f) => f.kind === "imaging" || f.kind === "ncs")).toBe(false);
    expect(r.case.context?.denies).toEqual(expect.arrayContaining(["back_pain", "bladder_dysfunction"]));
    expect(r.case.context?.symptoms ?? []).not.toContain("bladder_dysfunction");
    expect(r.case.context?.history).toContain("anticoagulation");
  });
});

describe("a consultant's letter", () => {
  it("'power was normal apart from weakness of right ankle plantarflexion' is others on both legs and the exception", () => {
    const r = extract(
      "On examination, power was normal apart from weakness of right ankle plantarflexion (MRC 4).",
    );
    expect(r.case.findings).toContainEqual({ kind: "strength", target: "others", mrc: 5, side: "bilateral" });
    expect(r.case.findings).toContainEqual({
      kind: "strength",
      target: "ankle_plantarflexion",
      mrc: 4,
      side: "right",
    });
  });

  it("a place where nerves are pressed is kept in the note's words, and a denied one is not", () => {
    const c = extract("She has a Baker's cyst behind the right knee. Numb right sole.").case.context;
    expect(c?.history).toContain("baker's");
    const none = extract("No Baker's cyst on ultrasound. Numb right sole.").case.context;
    expect(none?.history ?? []).not.toContain("baker's");
  });

  it("known hip joint or arterial disease is its FORMAT word; neurogenic claudication and a denial are not", () => {
    const history = (t: string) => extract(t).case.context?.history ?? [];
    expect(history("Known osteoarthritis of the left hip. Groin pain.")).toContain("hip_joint_disease");
    expect(history("History of peripheral arterial disease with stents.")).toContain(
      "peripheral_arterial_disease",
    );
    expect(history("Neurogenic intermittent claudication for a year.")).not.toContain(
      "peripheral_arterial_disease",
    );
    expect(history("No history of hip arthritis. Groin pain.")).not.toContain("hip_joint_disease");
  });

  it("the other FORMAT v1.1 history words are read from a note, not from an offer or a denial", () => {
    const history = (t: string) => extract(t).case.context?.history ?? [];
    expect(history("He had a left total knee replacement last year.")).toContain("knee_surgery");
    expect(history("Gastric bypass surgery 6 months ago.")).toContain("bariatric_surgery");
    expect(history("Known rheumatoid arthritis.")).toContain("autoimmune_disease");
    expect(history("Recreational nitrous oxide use for months.")).toContain("neurotoxic_exposure");
    expect(history("Intravenous drug use.")).toContain("injection_drug_use");
    expect(history("A knee replacement was offered.")).not.toContain("knee_surgery");
    expect(history("No history of rheumatoid arthritis.")).not.toContain("autoimmune_disease");
  });

  it("FORMAT v1.1 symptoms are read from a note, and denied ones are denials", () => {
    const ctx = (t: string) => extract(t).case.context ?? {};
    expect(ctx("Pain worse at night, waking him from sleep.").symptoms).toContain("night_pain");
    expect(ctx("Unsteady gait, worse in the dark.").symptoms).toContain("unsteady_gait");
    expect(ctx("Urinary retention requiring catheterisation.").symptoms).toContain("urinary_retention");
    expect(ctx("Pain out of proportion to the examination.").symptoms).toContain("pain_out_of_proportion");
    expect(ctx("Severe pain on passive stretch of the toes.").symptoms).toContain("pain_on_passive_stretch");
    const denied = ctx("No urinary retention. Back pain.");
    expect(denied.symptoms ?? []).not.toContain("urinary_retention");
    expect(denied.denies).toContain("urinary_retention");
  });

  it("a relative's neuropathy is family history, not the patient's", () => {
    const c = extract("His father had a neuropathy. Right ankle jerk absent.").case.context;
    expect(c?.history).toContain("family_history_neuropathy");
  });
});

describe("uncertainty lowers confidence", () => {
  it("'possible' and '?' keep the finding, less sure than the same words stated", () => {
    const sure = extract("Left foot drop.");
    const unsure = extract("Possible left foot drop.");
    const q = extract("?left foot drop.");
    const at = (r: ReturnType<typeof extract>) =>
      r.confidence[r.case.findings.findIndex((f) => f.kind === "sign" && f.sign === "foot_drop")] ?? 0;
    expect(at(unsure)).toBeGreaterThan(0);
    expect(at(unsure)).toBeLessThan(at(sure));
    expect(at(q)).toBeLessThan(at(sure));
  });
});

describe("a joint graded as a whole", () => {
  it.each([
    [
      "Proximal left leg weakness: hip 3/5, knee 3/5, ankle 5/5.",
      [
        { kind: "strength", target: "hip_flexion", mrc: 3, side: "left" },
        { kind: "strength", target: "knee_extension", mrc: 3, side: "left" },
        { kind: "strength", target: "ankle_plantarflexion", mrc: 5, side: "left" },
      ],
    ],
    [
      "Strength was 4-/5 at the left hip, 4-/5 at the left knee and 5/5 at the left ankle; on the right it was 4+/5 at the hip and 5/5 at the knee and ankle.",
      [
        { kind: "strength", target: "hip_flexion", mrc: "4-", side: "left" },
        { kind: "strength", target: "knee_extension", mrc: "4-", side: "left" },
        { kind: "strength", target: "hip_flexion", mrc: "4+", side: "right" },
        { kind: "strength", target: "ankle_dorsiflexion", mrc: 5, side: "right" },
      ],
    ],
  ])("%s", (text, want) => {
    const r = extract(text);
    for (const f of want) expect(r.case.findings).toContainEqual(f);
  });

  it("a joint without a grade beside it is not graded ('left hip pain', 'knee surgery')", () => {
    expect(extract("He had left hip pain and knee surgery in 2010.").case.findings).toEqual([]);
  });
});

describe("laboratory values judged by reference limits", () => {
  it("reads a value with a thousands separator whole ('CK 3,450 U/L' is raised, not 3)", () => {
    check({
      text: "Labs: CK 3,450 U/L.",
      has: [{ kind: "lab", test: "ck", result: "elevated", value: 3450 }],
      not: [{ test: "ck", result: "normal" }],
    });
  });
  it("a negation in one item of a results list does not reach the next", () => {
    check({
      text: "Bloods: SPEP without paraprotein, HbA1c 7.9%, glucose 201.",
      has: [
        { test: "hba1c", result: "elevated", value: 7.9 },
        { test: "glucose", result: "elevated" },
      ],
    });
  });
  it("reads a lumbar puncture's protein and white cells as CSF, and blood counts by their limits", () => {
    check({
      text: "LP: protein 95 mg/dL, WBC 3. Blood: WBC 15.2, CRP 40 mg/L, ESR 88.",
      has: [
        { test: "csf_protein", result: "elevated", value: 95 },
        { test: "csf_cells", result: "normal", value: 3 },
        { test: "wbc", result: "elevated", value: 15.2 },
        { test: "crp", result: "elevated" },
        { test: "esr", result: "elevated" },
      ],
      not: [{ test: "wbc", value: 3 }],
    });
  });
  it("does not judge a value whose limit the note does not settle (unit, sex, age)", () => {
    const found = extract("Labs: CRP 4, ESR 30, CK 600.").case.findings;
    expect(found.filter((f) => f.kind === "lab")).toEqual([]);
  });
  it("keeps a result word in brackets ('B12 350 pg/mL (normal)')", () => {
    check({ text: "B12 350 pg/mL (normal).", has: [{ test: "vitamin_b12", result: "normal", value: 350 }] });
  });
});

describe("the complaint is not the examination", () => {
  it("numbness and a foot drop told under HPI or CC are symptoms; the examination's are findings", () => {
    const r = extract(
      "CC: R foot drop and numb R big toe x 1 week.\nExam: R ankle DF 3/5. Decreased PP over the R dorsum of foot. Slapping gait with a R foot drop.",
    );
    const found = r.case.findings;
    expect(found).toContainEqual(
      expect.objectContaining({ kind: "sensory", region: "foot_dorsum", change: "reduced", side: "right" }),
    );
    expect(found).toContainEqual(expect.objectContaining({ kind: "sign", sign: "foot_drop", side: "right" }));
    expect(found.some((f) => f.kind === "sensory" && f.region === "great_toe")).toBe(false);
    expect(r.case.context?.symptoms).toContain("numbness");
  });
  it("a weak leg in the history without a grade is not a grade", () => {
    check({
      text: "History of presenting complaint: weak left ankle dorsiflexion for two weeks.\nOn examination: left ankle dorsiflexion 4/5.",
      has: [{ kind: "strength", target: "ankle_dorsiflexion", mrc: 4, side: "left" }],
      not: [{ kind: "strength", mrc: "weak" }],
    });
  });
  it("a denied symptom is not a normal examination ('no saddle numbness')", () => {
    const found = extract("Denies bladder symptoms, no saddle numbness. Power 5/5 throughout.").case.findings;
    expect(found.some((f) => f.kind === "sensory" && f.region === "perineum")).toBe(false);
  });
  it("'numbness and tingling' over a region is the patient's paraesthesia, not a deficit", () => {
    check({
      text: "She had numbness and tingling over the right lateral thigh.",
      has: [{ kind: "sensory", region: "thigh_lateral", change: "paresthesia", side: "right" }],
      not: [{ kind: "sensory", change: "reduced" }],
    });
  });
});

describe("one sensory statement per clause", () => {
  it("'decreased LT over the foot; saddle sensation intact' is a deficit and a normal saddle", () => {
    check({
      text: "Sens: decreased LT on L over the dorsum of the foot and lateral foot; saddle sensation intact.",
      has: [
        { kind: "sensory", region: "foot_dorsum", change: "reduced", modality: "light_touch", side: "left" },
        { kind: "sensory", region: "foot_lateral", change: "reduced", side: "left" },
        { kind: "sensory", region: "perineum", change: "normal" },
      ],
      not: [{ kind: "sensory", region: "perineum", change: "reduced" }],
    });
  });
  it("a list of regions is not one region ('the R sole, lateral foot')", () => {
    check({
      text: "Sensation: decreased pinprick over the R sole, lateral foot and posterior calf.",
      has: [
        { region: "sole_medial", side: "right" },
        { region: "foot_lateral", side: "right" },
      ],
    });
  });
});

describe("an asymmetry is both sides", () => {
  it("'both feet, L > R' and 'R>L' are bilateral, not one side", () => {
    check({
      text: "Decreased PP over the dorsum of both feet, L > R. Ankle DF weak, R>L.",
      has: [
        { kind: "sensory", region: "foot_dorsum", side: "bilateral" },
        { kind: "strength", target: "ankle_dorsiflexion", side: "bilateral" },
      ],
      not: [{ side: "left" }, { side: "right" }],
    });
  });
});

describe("an operation that caused the complaint is not a treatment", () => {
  it("'weakness after hysterectomy ... five days after surgery the adductors were MRC 2' is the presentation", () => {
    check({
      text: "A woman noticed weakness of the left thigh adductors after a pelvic lymphadenectomy. Five days after surgery the left hip adductors were MRC grade 2.",
      has: [{ kind: "strength", target: "hip_adduction", mrc: 2, side: "left" }],
    });
  });
  it("after a decompression for the complaint, the course is still the course", () => {
    const found = extract(
      "He had left foot drop from an L5 disc; ankle dorsiflexion was 2/5. He underwent microdiscectomy. Three months after surgery ankle dorsiflexion was 5/5.",
    ).case.findings;
    expect(found).toContainEqual(expect.objectContaining({ target: "ankle_dorsiflexion", mrc: 2 }));
    expect(found).not.toContainEqual(expect.objectContaining({ target: "ankle_dorsiflexion", mrc: 5 }));
  });
});

describe("imaging of a named nerve, and studies joined before one report", () => {
  it("'MRI and ultrasonography showed entrapment of the sural nerve' is a limb MRI and an ultrasound, untagged, with the report's words", () => {
    check({
      text: "Pain in the right foot for years. MRI and ultrasonography showed entrapment of the sural nerve just above the lateral malleolus.",
      has: [
        { kind: "imaging", modality: "mri_limb", tags: [], side: "right" },
        { kind: "imaging", modality: "ultrasound", tags: [], side: "right" },
      ],
    });
  });
  it("a study placing the lesions at an entrapment site is a limb study", () => {
    check({
      text: "Foot drop on both sides. Physical examination, EMG and MRI localised the lesions to the fibular-head level on both sides.",
      has: [{ kind: "imaging", modality: "mri_limb", tags: [], side: "bilateral" }],
    });
  });
  it("a root compressed on spine MRI is not a peripheral nerve's lesion", () => {
    check({
      text: "MRI of the lumbar spine showed a cyst compressing the right L5 nerve root.",
      has: [],
      not: [{ kind: "imaging", modality: "mri_limb" }],
    });
  });
});

describe("numbness that comes and goes", () => {
  it("is a symptom, not a sensory deficit found on examination", () => {
    check({
      text: "Stabbing pain in the right posterior thigh and calf for 7 months, accompanied by intermittent numbness in the same area.",
      has: [],
      not: [{ kind: "sensory", change: "reduced" }],
    });
  });
});

describe("imaging as reports write it", () => {
  it("a spine report is read level by level, each level with its own side", () => {
    check({
      text: "MRI showed bilateral lumbar stenosis at L2-3 and left subarticular stenosis at L3-4 compressing the left L4 root.",
      has: [
        {
          kind: "imaging",
          modality: "mri_spine",
          level: "L2-L3",
          tags: ["canal_stenosis"],
          side: "bilateral",
        },
        {
          kind: "imaging",
          modality: "mri_spine",
          level: "L3-L4",
          tags: ["lateral_recess_stenosis"],
          side: "left",
        },
      ],
    });
  });
  it("reads the v1.1 studies and tags: brain, vascular, cord signal, joint disease, fracture", () => {
    const found = extract(
      [
        "CT head: left frontal intracerebral haemorrhage.",
        "CTA: occlusion of the left superficial femoral artery.",
        "MRI thoracic spine: T2 hyperintensity within the cord at T10.",
        "Right hip X-ray: severe osteoarthritis with joint space narrowing.",
        "XR left knee: tibial plateau fracture.",
      ].join("\n"),
    ).case.findings;
    expect(found).toContainEqual(
      expect.objectContaining({ modality: "ct_brain", tags: expect.arrayContaining(["brain_lesion"]) }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ modality: "vascular", tags: ["arterial_occlusion"] }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ modality: "mri_spine", tags: ["cord_signal_change"] }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ modality: "xray", tags: ["joint_disease"], side: "right" }),
    );
    expect(found).toContainEqual(expect.objectContaining({ modality: "xray", tags: ["fracture"] }));
  });
  it("a study from years before is history, not the present", () => {
    const found = extract("A right hip radiograph from years before had shown osteoarthritis.").case.findings;
    expect(found.some((f) => f.kind === "imaging")).toBe(false);
  });
});

describe("readings that were turned over", () => {
  it("'MMT (R/L): hip flex 3/3; knee ext 4+/4' is the right and left grades, not 5", () => {
    check({
      text: "MMT (R/L): hip flex 3/3; knee ext 4+/4; DF 5/5.",
      has: [
        { kind: "strength", target: "hip_flexion", mrc: 3, side: "bilateral" },
        { kind: "strength", target: "knee_extension", mrc: "4+", side: "right" },
        { kind: "strength", target: "knee_extension", mrc: 4, side: "left" },
      ],
      not: [{ target: "hip_flexion", mrc: 5 }],
    });
  });
  it("'SLR 80 degrees bilaterally without pain' is a negative test", () => {
    check({
      text: "SLR 80 degrees bilaterally without pain.",
      has: [{ kind: "sign", sign: "straight_leg_raise", present: false }],
      not: [{ sign: "straight_leg_raise", present: true }],
    });
    const found = extract("SLR 80 degrees bilaterally without pain.").case.findings;
    expect(found.every((f) => f.kind !== "sign" || f.present === false)).toBe(true);
  });
  it("short-duration, low-amplitude polyphasic units are myopathic, not neurogenic", () => {
    check({
      text: "EMG: R vastus lateralis - fibs 1+, short-duration low-amplitude polyphasic MUAPs, early recruitment.",
      has: [{ kind: "emg", muscle: "vastus_lateralis", muap: "myopathic", recruitment: "early" }],
      not: [{ muap: "neurogenic" }],
    });
  });
  it("a needle row flattened into 'column value' pairs gives each muscle its own values", () => {
    check({
      text: "Needle EMG: L Tibialis anterior: IA incr, Fibs 2+, PSW 2+, MUAP nl, Recruit decr. L Tibialis posterior: IA nl, Fibs 0, PSW 0, MUAP nl, Recruit nl.",
      has: [
        {
          muscle: "tibialis_anterior",
          spontaneous: "fibrillations",
          grade: 2,
          recruitment: "reduced",
          side: "left",
        },
        { muscle: "tibialis_posterior", spontaneous: "none", insertional: "normal", recruitment: "normal" },
      ],
      not: [{ muscle: "tibialis_posterior", spontaneous: "fibrillations" }],
    });
  });
});

describe("a list of skin with a change per item", () => {
  it("'absent over A, reduced over B; intact over C' gives each its own change", () => {
    check({
      text: "Sensation absent over the R dorsum of foot, reduced over the R anterolateral leg; intact over the R medial leg.",
      has: [
        { region: "foot_dorsum", change: "absent", side: "right" },
        { region: "leg_anterolateral", change: "reduced", side: "right" },
        { region: "leg_medial", change: "normal", side: "right" },
      ],
      not: [
        { region: "leg_anterolateral", change: "absent" },
        { region: "leg_medial", change: "absent" },
      ],
    });
  });
});

describe("a conduction result keeps to its own side", () => {
  it("'R saphenous SNAP absent; L saphenous 5 uV' is absent on the right only", () => {
    check({
      text: "NCS: R saphenous SNAP absent; L saphenous 5 uV. R sural SNAP absent, L sural 9 uV.",
      has: [
        { study: "saphenous_sensory", side: "right", result: "absent" },
        { study: "saphenous_sensory", side: "left", amplitude: 5 },
        { study: "sural_sensory", side: "right", result: "absent" },
        { study: "sural_sensory", side: "left", amplitude: 9 },
      ],
      not: [
        { study: "saphenous_sensory", side: "left", result: "absent" },
        { study: "sural_sensory", side: "left", result: "absent" },
      ],
    });
  });
});

describe("the midline has no side of its own", () => {
  it("an anal wink, a saddle and a symmetrical loss are not given the note's main side", () => {
    check({
      text: "L EHL 3/5, L TA 4/5. Anal wink absent. Symmetrical saddle anaesthesia (perineum and buttocks) to pinprick. Toes downgoing.",
      has: [
        { kind: "reflex", reflex: "anal", grade: "absent" },
        { kind: "sensory", region: "perineum", side: "bilateral" },
        { kind: "sensory", region: "buttock", side: "bilateral" },
        { kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" },
      ],
      not: [
        { reflex: "anal", side: "left" },
        { region: "perineum", side: "left" },
        { region: "buttock", side: "left" },
        { reflex: "plantar", side: "left" },
      ],
    });
  });
});

describe("reflexes joined by 'and' share their grade", () => {
  it("'KJ and AJ 2+ bilat' grades both; 'left patellar and Achilles absent' is both absent on the left", () => {
    check({
      text: "KJ and AJ 2+ bilat.",
      has: [
        { reflex: "patellar", grade: "normal", side: "bilateral" },
        { reflex: "achilles", grade: "normal", side: "bilateral" },
      ],
    });
    check({
      text: "DTRs: left patellar and Achilles absent; right patellar and Achilles 2+.",
      has: [
        { reflex: "patellar", grade: "absent", side: "left" },
        { reflex: "achilles", grade: "absent", side: "left" },
        { reflex: "patellar", grade: "normal", side: "right" },
      ],
      not: [{ reflex: "patellar", grade: "absent", side: "right" }],
    });
  });
});

describe("sensation by modality and by plural parts", () => {
  it("'vibration absent at the great toes; JPS impaired at the great toes' are two findings, both legs", () => {
    check({
      text: "L EHL 4/5. Vibration absent at the great toes. JPS mildly impaired at the great toes; proprioception normal at the knees.",
      has: [
        { region: "great_toe", change: "absent", modality: "vibration", side: "bilateral" },
        { region: "great_toe", change: "reduced", modality: "proprioception", side: "bilateral" },
      ],
      not: [{ region: "great_toe", side: "left" }],
    });
  });
});

describe("a bulleted label with its side", () => {
  it("'• Needle EMG, left: TA ...; EHL ...' gives the left to every muscle of the item, past ';'", () => {
    check({
      text: "• Needle EMG, left: tibialis anterior - fibrillations 2+, reduced recruitment of large units; EHL - fibrillations 2+; gluteus medius - fibrillations 1+.\n• Needle EMG, right: tibialis anterior normal.",
      has: [
        {
          kind: "emg",
          muscle: "tibialis_anterior",
          side: "left",
          muap: "neurogenic",
          recruitment: "reduced",
        },
        { kind: "emg", muscle: "extensor_hallucis_longus", side: "left", spontaneous: "fibrillations" },
        { kind: "emg", muscle: "gluteus_medius", side: "left", spontaneous: "fibrillations" },
        { kind: "emg", muscle: "tibialis_anterior", side: "right", spontaneous: "none" },
      ],
      not: [
        { kind: "emg", muscle: "extensor_hallucis_longus", side: "right" },
        { kind: "emg", muscle: "gluteus_medius", side: "bilateral" },
      ],
    });
  });
});

describe("conduction tables set side by side", () => {
  it("each column is its own leg, in the order the header names them", () => {
    check({
      text: [
        "Nerve conduction studies:",
        "MOTOR                LEFT                     RIGHT",
        "                     DL / Amp / CV            DL / Amp / CV",
        "Peroneal (EDB)       NR                       4.1 ms / 3.9 mV / 47",
        "Tibial (AH)          4.2 ms / 1.1 mV / 43     4.0 ms / 9.0 mV / 45",
        "LATE RESPONSES       LEFT                     RIGHT",
        "Tibial F (ms)        61.0 (ULN 58)            52.3",
        "",
      ].join("\n"),
      has: [
        { kind: "ncs", study: "peroneal_motor_edb", side: "left", result: "absent" },
        { kind: "ncs", study: "peroneal_motor_edb", side: "right", result: "normal", amplitude: 3.9 },
        { kind: "ncs", study: "tibial_motor_ah", side: "left", result: "reduced", velocity: 43 },
        { kind: "ncs", study: "tibial_motor_ah", side: "right", result: "normal", amplitude: 9 },
        { kind: "ncs", study: "tibial_f_wave", side: "left", result: "prolonged" },
        { kind: "ncs", study: "tibial_f_wave", side: "right", result: "normal" },
      ],
      not: [
        { kind: "ncs", study: "peroneal_motor_edb", side: "bilateral" },
        { kind: "ncs", study: "peroneal_motor_edb", side: "right", result: "absent" },
      ],
    });
  });
});

describe("needle tables as machines print them, abbreviations and all", () => {
  it("a header whose narrow side column is one space from 'Muscle' still names every column", () => {
    check({
      text: [
        "NEEDLE EMG",
        "Side Muscle          Nerve          Root    Ins   Fibs  PSW   Fasc  MUAP  Recrt",
        "L    Tib anterior    Deep peroneal  L4-5    Incr  2+    2+    None  Nml   Reduced",
        "L    Biceps fem SH   Sciatic        L5-S2   Nml   None  None  None  Nml   Nml",
        "",
      ].join("\n"),
      has: [
        {
          kind: "emg",
          muscle: "tibialis_anterior",
          side: "left",
          insertional: "increased",
          grade: 2,
          recruitment: "reduced",
        },
        {
          kind: "emg",
          muscle: "biceps_femoris_short_head",
          side: "left",
          spontaneous: "none",
          recruitment: "normal",
        },
      ],
    });
  });
  it("'inferior gluteal and sciatic territories' names nerves, not the gluteal muscles", () => {
    check({
      text: "EMG: R gluteus maximus normal. Denervation in R S1 muscles of the tibial, inferior gluteal and sciatic territories.",
      has: [{ kind: "emg", muscle: "gluteus_maximus", side: "right", spontaneous: "none" }],
      not: [
        { kind: "emg", muscle: "gluteus_medius" },
        { kind: "emg", muscle: "gluteus_maximus", spontaneous: "fibrillations" },
      ],
    });
  });
});

describe("conduction tables in pipes", () => {
  it("the rule under a pipe table's header does not end the table", () => {
    check({
      text: [
        "Nerve conduction studies",
        "| Nerve | Side | Stim site | Latency (ms) | Amplitude | CV (m/s) |",
        "|---|---|---|---|---|---|",
        "| Peroneal motor (EDB) | R | Ankle | NR | NR | - |",
        "| Sural | L | Calf | 3.1 | 15 uV | |",
        "",
      ].join("\n"),
      has: [
        { kind: "ncs", study: "peroneal_motor_edb", side: "right", result: "absent" },
        { kind: "ncs", study: "sural_sensory", side: "left", result: "normal", amplitude: 15 },
      ],
      not: [{ kind: "ncs", study: "peroneal_motor_edb", side: "left" }],
    });
  });
});

describe("a needle examination's list of normal muscles", () => {
  it("every muscle of a list called normal, and those added with 'as are', are normal", () => {
    check({
      text: "On needle EMG the left gluteus maximus, tibialis anterior and vastus lateralis are normal, as are the left L5 and S1 paraspinal muscles.",
      has: [
        { kind: "emg", muscle: "gluteus_maximus", side: "left", spontaneous: "none", recruitment: "normal" },
        { kind: "emg", muscle: "tibialis_anterior", side: "left", spontaneous: "none" },
        { kind: "emg", muscle: "paraspinal_S1", side: "left", spontaneous: "none" },
      ],
    });
  });
  it("the next sentence of the paragraph continues the needle examination; a strength sentence does not", () => {
    check({
      text: "EMG (left): medial gastrocnemius fibrillations 2+. Biceps femoris short and long heads and the S1 paraspinals were normal.\n\nExamination: tibialis anterior and gluteus medius were normal.",
      has: [
        { kind: "emg", muscle: "gastrocnemius_medial_head", side: "left", spontaneous: "fibrillations" },
        { kind: "emg", muscle: "biceps_femoris_long_head", side: "left", spontaneous: "none" },
        { kind: "emg", muscle: "biceps_femoris_short_head", side: "left", spontaneous: "none" },
        { kind: "emg", muscle: "paraspinal_S1", side: "left", spontaneous: "none" },
      ],
      not: [
        { kind: "emg", muscle: "tibialis_anterior" },
        { kind: "emg", muscle: "gluteus_medius" },
      ],
    });
  });
});

describe("conduction values given side by side in prose", () => {
  it("'left 1.2 mV, right 6.8 mV' and '3 uV right, 12 uV left' are one finding per side, each judged by its own value", () => {
    check({
      text: "Findings\n• Peroneal motor (EDB): left 1.2 mV, right 6.8 mV; velocities 40 m/s (left) and 47 m/s (right).\n• Sural SNAPs: 3 uV right, 12 uV left.",
      has: [
        {
          kind: "ncs",
          study: "peroneal_motor_edb",
          side: "left",
          result: "reduced",
          amplitude: 1.2,
          velocity: 40,
        },
        {
          kind: "ncs",
          study: "peroneal_motor_edb",
          side: "right",
          result: "normal",
          amplitude: 6.8,
          velocity: 47,
        },
        { kind: "ncs", study: "sural_sensory", side: "right", amplitude: 3 },
        { kind: "ncs", study: "sural_sensory", side: "left", result: "normal", amplitude: 12 },
      ],
      not: [{ kind: "ncs", study: "peroneal_motor_edb", side: "right", result: "reduced" }],
    });
  });
  it("a result is its clause's: 'preserved (right 9 uV, left 8 uV) while the median responses were absent'", () => {
    check({
      text: "The sural sensory responses were preserved (right 9 uV, left 8 uV) while the median and ulnar sensory responses were absent.",
      has: [
        { kind: "ncs", study: "sural_sensory", side: "right", result: "normal" },
        { kind: "ncs", study: "sural_sensory", side: "left", result: "normal" },
      ],
      not: [{ kind: "ncs", study: "sural_sensory", result: "absent" }],
    });
  });
});

describe("whole parts of the leg examined for sensation", () => {
  it("'both feet', 'the whole R foot', 'the distal third of the leg', 'below the knees' are the skin of those parts", () => {
    check({
      text: "Pinprick was reduced over the right anterior thigh and in both feet. Reduced light touch over the whole L foot and the distal third of the leg.",
      has: [
        { kind: "sensory", region: "thigh_anterior", side: "right", change: "reduced" },
        { kind: "sensory", region: "foot_dorsum", side: "bilateral", modality: "pinprick" },
        { kind: "sensory", region: "sole_medial", side: "bilateral", modality: "pinprick" },
        { kind: "sensory", region: "sole_lateral", side: "left", modality: "light_touch" },
        { kind: "sensory", region: "calf_posterior", side: "left", modality: "light_touch" },
        { kind: "sensory", region: "leg_medial", side: "left", modality: "light_touch" },
      ],
      not: [{ kind: "sensory", region: "foot_dorsum", side: "right" }],
    });
    check({
      text: "Sensory: decreased PP below the knees bilaterally.",
      has: [
        { kind: "sensory", region: "leg_anterolateral", side: "bilateral", change: "reduced" },
        { kind: "sensory", region: "sole_lateral", side: "bilateral", change: "reduced" },
      ],
    });
  });
  it("a symptom in both feet and a part named before 'of both feet' are not the whole foot examined", () => {
    check({
      text: "He has long-standing numbness of both feet. Vibration sense was reduced in the toes of both feet.",
      has: [{ kind: "sensory", region: "great_toe", side: "bilateral", change: "reduced" }],
      not: [
        { kind: "sensory", region: "sole_medial" },
        { kind: "sensory", region: "foot_dorsum" },
      ],
    });
  });
  it("'absent at the toes and reduced at the knees, and JPS impaired at the toes': each item its change and modality", () => {
    check({
      text: "Vibration was absent at the toes and reduced at the knees, and joint position sense was impaired at the toes. JPS lost at the ankles; vibration lost at the great toes.",
      has: [
        { kind: "sensory", region: "great_toe", change: "absent", modality: "vibration" },
        { kind: "sensory", region: "knee_anterior", change: "reduced", modality: "vibration" },
        { kind: "sensory", region: "great_toe", change: "reduced", modality: "proprioception" },
      ],
      not: [
        { kind: "sensory", region: "knee_anterior", change: "absent" },
        { kind: "sensory", region: "knee_anterior", modality: "proprioception" },
      ],
    });
  });
});

describe("sides written as letters inside a region and side labels without a colon", () => {
  it("'reduced LT and PP over the lateral L thigh' is the left lateral thigh", () => {
    check({
      text: "O: Palm-sized area of reduced LT and PP over the lateral L thigh, stopping above the knee.",
      has: [{ kind: "sensory", region: "thigh_lateral", side: "left", change: "reduced" }],
      not: [{ kind: "sensory", region: "thigh_lateral", side: "right" }],
    });
  });
  it("a line 'LEFT LOWER LIMB' sets the side of the labelled lines under it", () => {
    check({
      text: "EXAMINATION\nRIGHT LOWER LIMB\nPower: hip flexion 5/5.\nLEFT LOWER LIMB\nPower: hip flexion 4/5.\nReflexes: knee jerk absent, ankle jerk normal.\n",
      has: [
        { kind: "strength", target: "hip_flexion", side: "left", mrc: 4 },
        { kind: "reflex", reflex: "achilles", side: "left", grade: "normal" },
        { kind: "reflex", reflex: "patellar", side: "left", grade: "absent" },
      ],
      not: [
        { kind: "reflex", reflex: "achilles", side: "bilateral" },
        { kind: "reflex", reflex: "patellar", side: "right" },
      ],
    });
  });
});

describe("reflexes a qualifier names", () => {
  it("'Abdominal reflexes absent' is not the knee and ankle jerks absent; 'knee and ankle jerks brisk' is both brisk", () => {
    check({
      text: "Reflexes: knee and ankle jerks brisk (3+) bilaterally; plantars extensor bilaterally. Abdominal reflexes absent.",
      has: [
        { kind: "reflex", reflex: "patellar", grade: "brisk", side: "bilateral" },
        { kind: "reflex", reflex: "achilles", grade: "brisk", side: "bilateral" },
      ],
      not: [
        { kind: "reflex", reflex: "patellar", grade: "absent" },
        { kind: "reflex", reflex: "achilles", grade: "absent" },
      ],
    });
  });
});

describe("a negation after a sign and its place", () => {
  it("'Tinel's sign at the right fibular neck is no longer elicited' is a negative Tinel sign", () => {
    check({
      text: "Tinel's sign at the right fibular neck is no longer elicited.",
      has: [{ kind: "sign", sign: "tinel", side: "right", present: false }],
      not: [
        { kind: "sign", sign: "tinel", present: true },
        { kind: "sign", sign: "tinel", present: undefined },
      ],
    });
    check({
      text: "Tinel positive at the fibular head and the ankle jerk was not elicited.",
      has: [{ kind: "reflex", reflex: "achilles", grade: "absent" }],
      not: [{ kind: "sign", sign: "tinel", present: false }],
    });
  });
});

describe("a Tinel sign described without its name", () => {
  it("percussion or tapping over a place that set off tingling is a Tinel sign there, not tenderness", () => {
    check({
      text: "Tapping over the right fibular neck produced tingling into the foot.",
      has: [{ kind: "sign", sign: "tinel", side: "right", target: "fibular neck" }],
    });
    check({
      text: "On the left, percussion over the tibial nerve at the medial malleolus was tender and reproduced the plantar dysaesthesias.",
      has: [{ kind: "sign", sign: "tinel", target: "medial malleolus" }],
      not: [{ kind: "sign", sign: "tenderness" }],
    });
    check({
      text: "Tapping over the left fibular head did not produce tingling.",
      has: [{ kind: "sign", sign: "tinel", side: "left", present: false }],
    });
    check({
      text: "Percussion of the lumbar spine was painless.",
      has: [],
      not: [{ kind: "sign", sign: "tinel" }],
    });
  });
});

describe("tenderness and the part it is found in", () => {
  it("the part written before the sign in its clause, or straight after it with its side letter", () => {
    check({
      text: "Right leg weak. The right thigh was swollen, indurated and tender.",
      has: [{ kind: "sign", sign: "tenderness", side: "right", target: "thigh" }],
    });
    check({
      text: "Abdomen soft. Tender L iliac fossa with fullness.",
      has: [{ kind: "sign", sign: "tenderness", side: "left", target: "iliac fossa" }],
    });
    check({
      text: "Paraspinal spasm; tender lumbar paraspinals on L.",
      has: [{ kind: "sign", sign: "tenderness", side: "left" }],
    });
  });
  it("the spine has no side: 'No spinal tenderness' in a note about the left leg", () => {
    const r = extract("Left TA 3/5, left EHL 3/5. No spinal tenderness.");
    const t = r.case.findings.find((f) => f.kind === "sign" && f.sign === "tenderness");
    expect(t).toMatchObject({ present: false, target: "spinal" });
    expect(t?.side).toBeUndefined();
  });
});

describe("leg raises: the crossed test on the painful leg, and one reading per leg in a list", () => {
  it("'raising the R leg causes L-sided pain (crossed SLR +)' in a note about the left leg is a left crossed SLR", () => {
    check({
      text: "L EHL 3/5, L ankle DF 4/5, L ankle jerk absent. SLR + on L at 30 deg; raising the R leg causes L-sided pain (crossed SLR +).",
      has: [{ kind: "sign", sign: "crossed_straight_leg_raise", side: "left" }],
      not: [{ kind: "sign", sign: "crossed_straight_leg_raise", side: "right" }],
    });
  });
  it("'SLR: L 45° (+ve); R 85° (-ve); no crossed pain' is three readings", () => {
    check({
      text: "Left S1 radiculopathy.\n- SLR: L 45° (+ve, reproduces leg pain); R 85° (-ve); no crossed pain.",
      has: [
        { kind: "sign", sign: "straight_leg_raise", side: "left" },
        { kind: "sign", sign: "straight_leg_raise", side: "right", present: false },
        { kind: "sign", sign: "crossed_straight_leg_raise", side: "left", present: false },
      ],
      not: [{ kind: "sign", sign: "straight_leg_raise", side: "right", present: undefined }],
    });
  });
  it("'limited to 35 degrees on the right; on the left it was full to 80 degrees' is positive right, negative left", () => {
    check({
      text: "Straight leg raising was limited to 35 degrees on the right by buttock pain; on the left it was full to 80 degrees.",
      has: [
        { kind: "sign", sign: "straight_leg_raise", side: "right" },
        { kind: "sign", sign: "straight_leg_raise", side: "left", present: false },
      ],
      not: [{ kind: "sign", sign: "straight_leg_raise", side: "left", present: undefined }],
    });
  });
});

describe("the anal sphincter on rectal examination", () => {
  const sphincter = { kind: "strength", target: "external_anal_sphincter" };
  it("lowered tone or squeeze is a weak external sphincter; a normal one is 5; no side", () => {
    for (const text of [
      "Rectal: decreased anal tone, absent anal wink.",
      "PR: lax anal tone, bulbocavernosus reflex absent.",
      "Rectal: decreased tone.",
    ])
      check({ text, has: [{ ...sphincter, mrc: "weak" }], not: [{ ...sphincter, mrc: 5 }] });
    check({ text: "Perianal sensation intact. Rectal tone normal.", has: [{ ...sphincter, mrc: 5 }] });
    const r = extract("PR: lax anal tone.");
    expect(r.case.findings.find((f) => f.kind === "strength")?.side).toBeUndefined();
  });
  it("a rectal tumour or a tone word about the legs is not the sphincter", () => {
    check({
      text: "Known rectal cancer. Tone was reduced in both legs.",
      has: [],
      not: [sphincter],
    });
  });
});

describe("the leg's circulation at the bedside", () => {
  it("'Distal pulses 2+' and 'Pulses: dorsalis pedis and posterior tibial 2+ and symmetric' are pulses present", () => {
    check({
      text: "Distal pulses 2+.",
      has: [{ kind: "sign", sign: "pulses" }],
      not: [{ kind: "sign", sign: "pulses", present: false }],
    });
    check({
      text: "Pulses: dorsalis pedis and posterior tibial 2+ and symmetric; feet warm.",
      has: [{ kind: "sign", sign: "pulses" }],
      not: [{ kind: "sign", sign: "pulses", present: false }],
    });
  });
  it("a cold, cool, pale or mottled foot is a cold pale limb on its side; 'pale and clammy' is not", () => {
    check({
      text: "O/E: R foot cold, pale and mottled to mid-calf.",
      has: [{ kind: "sign", sign: "cold_pale_limb", side: "right" }],
    });
    check({
      text: "On examination the right foot is cooler than the left, with hair loss over the shin.",
      has: [{ kind: "sign", sign: "cold_pale_limb", side: "right" }],
    });
    check({
      text: "O/E: HR 108, pale and clammy.",
      has: [],
      not: [{ kind: "sign", sign: "cold_pale_limb" }],
    });
  });
});

describe("a conduction value of two digits or more is a conduction sentence", () => {
  it("'L sural 11 uV.' and 'Left sural 20 uV.' are read without a word such as SNAP", () => {
    check({
      text: "Left sural 20 uV.",
      has: [{ kind: "ncs", study: "sural_sensory", side: "left", amplitude: 20, result: "normal" }],
    });
    check({
      text: "NCS: R sural absent. L sural 11 uV.",
      has: [
        { kind: "ncs", study: "sural_sensory", side: "right", result: "absent" },
        { kind: "ncs", study: "sural_sensory", side: "left", amplitude: 11 },
      ],
    });
  });
});

describe("conduction velocities in prose", () => {
  it("a study with its own velocity is never absent by another study's word", () => {
    check({
      text: "NCS: tibial motor (AH) CV 22 m/s bilaterally with distal latencies 8.1 ms; sural SNAPs absent bilaterally.",
      has: [
        { kind: "ncs", study: "tibial_motor_ah", result: "slowed", velocity: 22 },
        { kind: "ncs", study: "sural_sensory", result: "absent" },
      ],
      not: [{ kind: "ncs", study: "tibial_motor_ah", result: "absent" }],
    });
  });
  it("'R 0.9 mV, L 1.1 mV, CV 19 and 21 m/s': the pair follows the sides' order; demyelinating slowing is the result", () => {
    check({
      text: "NCS: peroneal motor (EDB) R 0.9 mV, L 1.1 mV, CV 19 and 21 m/s.",
      has: [
        { kind: "ncs", study: "peroneal_motor_edb", side: "right", velocity: 19, result: "slowed" },
        { kind: "ncs", study: "peroneal_motor_edb", side: "left", velocity: 21, result: "slowed" },
      ],
    });
  });
  it("a low amplitude with a velocity just below the limit stays reduced (axonal loss)", () => {
    check({
      text: "NCS: peroneal motor (EDB) 0.8 mV, CV 40 m/s.",
      has: [{ kind: "ncs", study: "peroneal_motor_edb", result: "reduced" }],
    });
  });
});

describe("a study named by the nerve's full name", () => {
  it("'The right common peroneal motor conduction velocity was 24 m/s' is the peroneal motor study", () => {
    check({
      text: "The right common peroneal motor conduction velocity was 24 m/s.",
      has: [{ kind: "ncs", study: "peroneal_motor_edb", side: "right", velocity: 24, result: "slowed" }],
    });
  });
});

describe("reflexes for the whole examination, and grades written as pluses", () => {
  it("'Reflexes: absent throughout (biceps, ...)' is every reflex absent, the knee and ankle jerks too", () => {
    check({
      text: "Reflexes: absent throughout (biceps, triceps, patellar, Achilles). Toes downgoing.",
      has: [
        { kind: "reflex", reflex: "others", grade: "absent" },
        { kind: "reflex", reflex: "patellar", grade: "absent" },
        { kind: "reflex", reflex: "achilles", grade: "absent" },
      ],
      not: [{ kind: "reflex", reflex: "patellar", grade: "normal" }],
    });
  });
  it("'areflexic in the arms and legs' is the knee and ankle jerks absent; 'in the arms' alone is not the legs", () => {
    check({
      text: "He was areflexic in the arms and legs, with flexor plantar responses.",
      has: [
        { kind: "reflex", reflex: "achilles", grade: "absent" },
        { kind: "reflex", reflex: "plantar", grade: "flexor" },
      ],
    });
    check({ text: "He was areflexic in the arms.", has: [], not: [{ kind: "reflex", reflex: "achilles" }] });
  });
  it("'KJ ++ bilaterally' is a normal knee jerk (2+), '+++' a brisk one", () => {
    check({
      text: "Reflexes: KJ ++ bilaterally; AJ +++ on the right.",
      has: [
        { kind: "reflex", reflex: "patellar", grade: "normal", side: "bilateral" },
        { kind: "reflex", reflex: "achilles", grade: "brisk", side: "right" },
      ],
    });
  });
});

describe("'LT' is light touch, not the left; 'Sensory intact'", () => {
  it("'Sensation intact to LT throughout' after a left hip label is both legs", () => {
    check({
      text: "L hip: flexion limited to 95 degrees.\nNeuro: strength 5/5 in both lower extremities. Sensation intact to LT throughout.",
      has: [{ kind: "sensory", region: "others", change: "normal", side: "bilateral" }],
      not: [{ kind: "sensory", region: "others", side: "left" }],
    });
  });
  it("'RT' and 'LT' in capitals before a muscle or a limb are sides", () => {
    check({
      text: "Exam: RT TA 4/5, RT EHL 4/5. LT leg strength 5/5 throughout.",
      has: [
        { kind: "strength", target: "tibialis_anterior", side: "right", mrc: 4 },
        { kind: "strength", target: "extensor_hallucis_longus", side: "right", mrc: 4 },
        { kind: "strength", target: "others", side: "left", mrc: 5 },
      ],
      not: [{ kind: "strength", target: "tibialis_anterior", side: "bilateral" }],
    });
  });
  it("'Sensory intact to PP, vib, JPS' is a normal sensory examination", () => {
    check({
      text: "Sensory intact to PP, vib, JPS.",
      has: [{ kind: "sensory", region: "others", change: "normal" }],
    });
  });
});

describe("'otherwise intact' after sensory findings", () => {
  it("is the rest of the sensory examination normal on both legs; after power it is not sensory", () => {
    check({
      text: "Sensation: decreased PP over L dorsum of foot and 1st web space, otherwise intact.",
      has: [
        { kind: "sensory", region: "foot_dorsum", change: "reduced", side: "left" },
        { kind: "sensory", region: "others", change: "normal", side: "bilateral" },
      ],
    });
    check({
      text: "- Dermatomes: reduced LT over the L lateral foot and lateral sole; LT otherwise intact.",
      has: [{ kind: "sensory", region: "others", change: "normal", side: "bilateral" }],
    });
    check({
      text: "Power: L EHL 4/5, otherwise normal.",
      has: [{ kind: "strength", target: "extensor_hallucis_longus", mrc: 4 }],
      not: [{ kind: "sensory", region: "others" }],
    });
  });
  it("'pinprick intact' with no place is a normal sensory examination to pinprick", () => {
    check({
      text: "Sensory: mildly decreased vibration at the toes; pinprick intact; no sensory level.",
      has: [{ kind: "sensory", region: "others", change: "normal", modality: "pinprick" }],
    });
  });
});

describe("the side of the note and of the studies", () => {
  const narrative =
    "A 52-year-old woman had pain in the left lower back radiating to the thigh, with occasional pain in the other leg. Straight-leg raising was positive on the left. Reflexes were 2+ and symmetric except for a reduced left ankle jerk. Sensation was reduced over the posterior and outer leg. Nerve conduction: right peroneal motor amplitude 8 mV, conduction velocity 48 m/s; right tibial motor amplitude 6 mV, conduction velocity 45 m/s. F-wave latencies were normal (peroneal 43.1 ms, tibial 45.9 ms; upper limit 54). H-reflex latency was 32.6 ms on the right and 34.3 ms on the left.";
  it("the leg the clinician examines is the note's side, not the leg a comparison study was done on", () => {
    check({
      text: narrative,
      has: [{ kind: "sensory", region: "calf_posterior", change: "reduced", side: "left" }],
      not: [{ kind: "sensory", region: "calf_posterior", side: "bilateral" }],
    });
  });
  it("a study without a side in a paragraph of right-sided studies is on the right", () => {
    check({
      text: narrative,
      has: [
        { kind: "ncs", study: "peroneal_f_wave", side: "right" },
        { kind: "ncs", study: "tibial_f_wave", side: "right" },
      ],
      not: [{ kind: "ncs", study: "peroneal_f_wave", side: "left" }],
    });
  });
  it("'3 µV on each side' is both legs; the 'sural sparing' pattern is not a study", () => {
    check({
      text: "Left L5 radiculopathy. Superficial peroneal SNAPs low and symmetrical: 3 µV on each side.",
      has: [{ kind: "ncs", study: "superficial_peroneal_sensory", side: "bilateral", result: "reduced" }],
    });
    const r = extract(
      'The sural sensory responses were preserved (right 9 uV, left 8 uV) while the median responses were absent, the "sural sparing" pattern.',
    );
    expect(r.case.findings.filter((f) => f.kind === "ncs").map((f) => f.side)).toEqual(["right", "left"]);
  });
});

describe("an enlarged calf", () => {
  it("'The left calf was enlarged, 10 cm larger in circumference than the right' is left calf hypertrophy", () => {
    check({
      text: "The left calf was enlarged, 10 cm larger in circumference than the right.",
      has: [{ kind: "sign", sign: "hypertrophy", side: "left", target: "calf" }],
      not: [{ kind: "sign", sign: "hypertrophy", side: "right" }],
    });
  });
});

describe("needle findings in a list with a side per item", () => {
  it("'large, unstable motor units in the right TA, right medial gastrocnemius, left vastus lateralis'", () => {
    const text =
      "EMG today: fibrillations and positive sharp waves with large, unstable motor units in the right tibialis anterior, right medial gastrocnemius, left vastus lateralis; fasciculation potentials alone in the right vastus lateralis.";
    check({
      text,
      has: [
        {
          kind: "emg",
          muscle: "tibialis_anterior",
          side: "right",
          spontaneous: "fibrillations",
          muap: "neurogenic",
        },
        {
          kind: "emg",
          muscle: "vastus_lateralis",
          side: "left",
          spontaneous: "fibrillations",
          muap: "neurogenic",
        },
        { kind: "emg", muscle: "vastus_lateralis", side: "right", spontaneous: "fasciculations" },
      ],
      not: [{ kind: "emg", muscle: "vastus_lateralis", side: "right", spontaneous: "fibrillations" }],
    });
    expect(extract(text).unrecognized.map((x) => x.text)).not.toContain("left");
  });
});

describe("H reflexes are a conduction study, not the tendon reflexes", () => {
  it("'H reflexes: R 31.0 ms, L 30.6 ms' is one H reflex per side, and no knee or ankle jerk", () => {
    check({
      text: "H reflexes: R 31.0 ms, L 30.6 ms (present and symmetrical).",
      has: [
        { kind: "ncs", study: "tibial_h_reflex", side: "right", latency: 31 },
        { kind: "ncs", study: "tibial_h_reflex", side: "left", latency: 30.6 },
      ],
      not: [{ kind: "reflex" }],
    });
  });
  it("'R H reflex 30.8 ms, L 30.5 ms': the side before the study is its first value's", () => {
    check({
      text: "R H reflex 30.8 ms, L 30.5 ms - symmetric, arguing against S1.",
      has: [
        { kind: "ncs", study: "tibial_h_reflex", side: "right", latency: 30.8 },
        { kind: "ncs", study: "tibial_h_reflex", side: "left", latency: 30.5 },
      ],
      not: [{ kind: "ncs", study: "tibial_h_reflex", side: "left", latency: 30.8 }],
    });
  });
});

describe("a label starts its own statement; a labelled conclusion ends with its paragraph", () => {
  it("'History:' after a line without a full stop is still the complaint", () => {
    check({
      text: "EMG REPORT - 58M\nHistory: 2 months of R buttock pain, with numbness of the lateral R foot. R ankle jerk absent on exam.\nNCS: R sural 12 uV.",
      has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "right" }],
      not: [{ kind: "sensory", region: "foot_lateral", change: "reduced" }],
    });
  });
  it("'Diagnosis: CIDP' then a blank line: the letter after it is read", () => {
    check({
      text: "Dear Dr Brennan,\nRe: Mr G, 63\nDiagnosis: chronic inflammatory demyelinating polyradiculoneuropathy\n\nThank you for asking me to see him. On examination the left ankle jerk was absent.",
      has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "left" }],
    });
  });
});

describe("a side letter inside a region's name", () => {
  it("'dorsum of R foot' is the right dorsum of the foot", () => {
    check({
      text: "Sensation: decreased LT over R anterior thigh and dorsum of R foot; face and arm spared.",
      has: [
        { kind: "sensory", region: "thigh_anterior", change: "reduced", side: "right" },
        { kind: "sensory", region: "foot_dorsum", change: "reduced", side: "right" },
      ],
    });
  });
});

describe("a sentence dated to an earlier visit", () => {
  it("'When seen in January ...' is past to its end: not today's findings", () => {
    check({
      text: "When seen in January her right ankle dorsiflexion was 1/5, with numbness over the whole dorsum of the foot, and nerve conduction studies then showed conduction block across the right fibular head. Today right ankle dorsiflexion 4+/5.",
      has: [{ kind: "strength", target: "ankle_dorsiflexion", mrc: "4+", side: "right" }],
      not: [
        { kind: "strength", target: "ankle_dorsiflexion", mrc: 1 },
        { kind: "ncs", result: "block" },
        { kind: "sensory", region: "foot_dorsum", change: "reduced" },
      ],
    });
  });
});

describe("a side label's section ends where the section ends", () => {
  it("after a bulleted list under 'LEFT LEG:', a labelled line and the sentences after it have no side of the label", () => {
    check({
      text: "RIGHT LEG:\n- TA 3/5, EHL 3/5\n- decreased PP dorsum of foot\nLEFT LEG:\n- strength 5/5 throughout\nReflexes: KJ 2+ bilat; plantars downgoing.\nSLR negative. No paraspinal tenderness.",
      has: [
        { kind: "strength", target: "tibialis_anterior", mrc: 3, side: "right" },
        { kind: "strength", target: "others", mrc: 5, side: "left" },
        { kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" },
      ],
      not: [
        { kind: "reflex", reflex: "plantar", side: "left" },
        { kind: "sign", sign: "straight_leg_raise", side: "left" },
        { kind: "sign", sign: "tenderness", side: "left" },
      ],
    });
  });
  it("each item of the list keeps the label's side, a second sentence of an item too", () => {
    check({
      text: "LEFT LEG:\n- TA 3/5. EHL 4/5.\n- ankle jerk absent\n",
      has: [
        { kind: "strength", target: "tibialis_anterior", mrc: 3, side: "left" },
        { kind: "strength", target: "extensor_hallucis_longus", mrc: 4, side: "left" },
        { kind: "reflex", reflex: "achilles", grade: "absent", side: "left" },
      ],
    });
  });
  it("a label opening a line ('RLE: 5/5.') reaches the end of its line, not the next line", () => {
    check({
      text: "LLE: TA 3/5, EHL 3/5.\nRLE: 5/5.\nAnkle jerks absent.",
      has: [
        { kind: "strength", target: "others", mrc: 5, side: "right" },
        { kind: "reflex", reflex: "achilles", grade: "absent", side: "bilateral" },
      ],
      not: [{ kind: "reflex", reflex: "achilles", side: "right" }],
    });
  });
  it("after labelled lines under 'RIGHT LEG', an unlabelled line is no longer the right leg's", () => {
    check({
      text: "RIGHT LEG:\nPower: TA 4/5.\nReflexes: ankle jerk absent.\nPlantars flexor. SLR negative.",
      has: [
        { kind: "strength", target: "tibialis_anterior", mrc: 4, side: "right" },
        { kind: "reflex", reflex: "achilles", grade: "absent", side: "right" },
        { kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" },
      ],
      not: [{ kind: "reflex", reflex: "plantar", side: "right" }],
    });
  });
});

describe("late responses on their own labelled line", () => {
  it("'F-waves: L peroneal absent. L tibial 49.2 ms (normal).' is two F waves, each with its side", () => {
    check({
      text: "NCS: L sural 14 uV.\nF-waves: L peroneal absent. L tibial 49.2 ms (normal).\nL tibial motor 9.8 mV.",
      has: [
        { kind: "ncs", study: "peroneal_f_wave", side: "left", result: "absent" },
        { kind: "ncs", study: "tibial_f_wave", side: "left", result: "normal", latency: 49.2 },
        { kind: "ncs", study: "tibial_motor_ah", side: "left", amplitude: 9.8 },
      ],
      not: [{ kind: "ncs", study: "tibial_motor_ah", latency: 49.2 }],
    });
  });
  it("under an 'F waves' section a nerve's line is its F wave, judged by its latency", () => {
    check({
      text: "F waves:\nR tibial 62.1 ms\nL tibial 50.3 ms\nSensory: reduced pinprick over the dorsum of the left foot.",
      has: [
        { kind: "ncs", study: "tibial_f_wave", side: "right", result: "prolonged", latency: 62.1 },
        { kind: "ncs", study: "tibial_f_wave", side: "left", result: "normal", latency: 50.3 },
      ],
      not: [{ kind: "ncs", study: "tibial_motor_ah" }],
    });
  });
});

describe("denervation as the AANEM-IFCN glossary means it", () => {
  it("active denervation is fibrillations; chronic denervation and chronic neurogenic changes are motor units", () => {
    check({
      text: "Needle EMG: chronic denervation in the left gastrocnemius. Active and chronic denervation in the left EHL. Acute-on-chronic neurogenic changes in the left soleus. Denervation potentials in the left peroneus longus.",
      has: [
        { kind: "emg", muscle: "gastrocnemius_medial_head", side: "left", muap: "neurogenic" },
        {
          kind: "emg",
          muscle: "extensor_hallucis_longus",
          side: "left",
          spontaneous: "fibrillations",
          muap: "neurogenic",
        },
        { kind: "emg", muscle: "soleus", side: "left", spontaneous: "fibrillations", muap: "neurogenic" },
        { kind: "emg", muscle: "peroneus_longus", side: "left", spontaneous: "fibrillations" },
      ],
      not: [{ kind: "emg", muscle: "gastrocnemius_medial_head", spontaneous: "fibrillations" }],
    });
  });
  it("'no active denervation in the TA' is no spontaneous activity, not fibrillations", () => {
    check({
      text: "Needle EMG: no active denervation in the left tibialis anterior.",
      has: [{ kind: "emg", muscle: "tibialis_anterior", side: "left", spontaneous: "none" }],
      not: [{ kind: "emg", muscle: "tibialis_anterior", spontaneous: "fibrillations" }],
    });
  });
  it("denervation in muscles not named is not read", () => {
    check({
      text: "Needle EMG of the affected muscles showed profuse denervation potentials.",
      has: [],
      not: [{ kind: "emg" }],
    });
  });
});

describe("imaging described across sentences", () => {
  it("a sentence of imaging words straight after a study's report is that study's ('Mild stenosis at L3-4.')", () => {
    check({
      text: "MRI L-spine (last week): severe central and bilateral lateral recess stenosis at L4-5 with a grade 1 spondylolisthesis. Mild stenosis at L3-4.",
      has: [
        {
          kind: "imaging",
          modality: "mri_spine",
          level: "L4-L5",
          tags: ["canal_stenosis", "lateral_recess_stenosis", "spondylolisthesis"],
        },
        { kind: "imaging", modality: "mri_spine", level: "L3-L4", tags: ["canal_stenosis"] },
      ],
    });
  });
  it("after a blank line, or another sentence between, a sentence of imaging words is not the study's", () => {
    check({
      text: "MRI lumbar spine showed a disc protrusion at L4-5.\n\nMild stenosis at L3-4.",
      has: [{ kind: "imaging", modality: "mri_spine", level: "L4-L5", tags: ["disc_herniation"] }],
      not: [{ kind: "imaging", level: "L3-L4" }],
    });
    check({
      text: "MRI lumbar spine showed a disc protrusion at L4-5. She was referred to physiotherapy. Mild stenosis at L3-4.",
      has: [{ kind: "imaging", modality: "mri_spine", level: "L4-L5" }],
      not: [{ kind: "imaging", level: "L3-L4" }],
    });
  });
  it("'increased T2 signal' in named muscles is muscle oedema", () => {
    check({
      text: "MRI of the right leg showed normal tibial nerves, with increased T2 signal in the soleus and medial gastrocnemius.",
      has: [{ kind: "imaging", modality: "mri_limb", side: "right", tags: ["muscle_edema"] }],
    });
  });
});

describe("needle reports as muscle-labelled lines and terse normals", () => {
  it("each line labelled with a muscle is that muscle's, past its ';', and 'Muscle: normal.' goes on with the examination", () => {
    check({
      text: "Needle EMG (left)\nAbductor hallucis: fibrillations and positive sharp waves (1+); large motor units, reduced recruitment.\nAbductor digiti minimi (foot): fibrillations (1+); reduced recruitment.\nExtensor digitorum brevis: normal.\nTibialis posterior: normal.",
      has: [
        {
          kind: "emg",
          muscle: "abductor_hallucis",
          side: "left",
          spontaneous: "fibrillations",
          muap: "neurogenic",
          recruitment: "reduced",
        },
        { kind: "emg", muscle: "abductor_digiti_minimi_pedis", side: "left", recruitment: "reduced" },
        {
          kind: "emg",
          muscle: "extensor_digitorum_brevis",
          side: "left",
          spontaneous: "none",
          muap: "normal",
        },
        { kind: "emg", muscle: "tibialis_posterior", side: "left", spontaneous: "none", muap: "normal" },
      ],
    });
  });
  it("'R TA and R med gastroc normal.' after a needle sentence is their needle examination", () => {
    check({
      text: "EMG today: R vastus lateralis - fibs 1+, short-duration low-amplitude polyphasic MUAPs. R TA and R med gastroc normal.",
      has: [
        { kind: "emg", muscle: "tibialis_anterior", side: "right", spontaneous: "none", muap: "normal" },
        { kind: "emg", muscle: "gastrocnemius_medial_head", side: "right", spontaneous: "none" },
      ],
    });
  });
  it("a muscle called normal with no needle examination before it is not a needle finding", () => {
    check({
      text: "Exam: gait steady.\nTibialis anterior: normal.\nEMG: left vastus lateralis fibrillations. Gait normal.",
      has: [{ kind: "emg", muscle: "vastus_lateralis", spontaneous: "fibrillations" }],
      not: [{ kind: "emg", muscle: "tibialis_anterior" }],
    });
  });
});

describe("a side written after an item of a list is the item's", () => {
  it("'left ankle dorsiflexion 4+/5, hip flexion 4+/5 bilaterally': hip flexion is both legs", () => {
    check({
      text: "Power: right ankle dorsiflexion 3/5, left ankle dorsiflexion 4+/5, hip flexion 4+/5 bilaterally.",
      has: [
        { kind: "strength", target: "ankle_dorsiflexion", side: "left", mrc: "4+" },
        { kind: "strength", target: "hip_flexion", side: "bilateral", mrc: "4+" },
      ],
      not: [{ kind: "strength", target: "hip_flexion", side: "left" }],
    });
  });
  it("a list sharing one side before it keeps it ('left TA 4/5, EHL 3/5')", () => {
    check({
      text: "Strength: left TA 4/5, EHL 3/5.",
      has: [
        { kind: "strength", target: "tibialis_anterior", side: "left", mrc: 4 },
        { kind: "strength", target: "extensor_hallucis_longus", side: "left", mrc: 3 },
      ],
    });
  });
});

describe("a stocking's upper level", () => {
  it("'reduced in the left leg below mid-calf' is the leg and foot skin below it; 'below the ankles' the foot only", () => {
    check({
      text: "Proprioception and pain sensation were reduced in the left leg below mid-calf.",
      has: [
        { kind: "sensory", region: "leg_anterolateral", side: "left", change: "reduced" },
        { kind: "sensory", region: "foot_dorsum", side: "left", change: "reduced" },
        { kind: "sensory", region: "sole_medial", side: "left", change: "reduced" },
      ],
    });
    check({
      text: "Pinprick was reduced below the ankles bilaterally.",
      has: [{ kind: "sensory", region: "foot_dorsum", side: "bilateral", change: "reduced" }],
      not: [{ kind: "sensory", region: "leg_medial" }],
    });
  });
});

describe("a label inside a paragraph of prose, and a named reflex's plural", () => {
  it("'Left leg: ...' in running prose reaches its own sentence, not the next", () => {
    check({
      text: "On examination the gait was normal. Left leg: no swelling, bruising or tenderness. Ankle jerks were absent. Lumbar spine: no tenderness.",
      has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "bilateral" }],
      not: [{ kind: "reflex", reflex: "achilles", side: "left" }],
    });
  });
  it("'Patellar reflexes were 2+ and symmetric' is the knee jerks, not every reflex", () => {
    check({
      text: "Patellar reflexes were 2+ and symmetric.",
      has: [{ kind: "reflex", reflex: "patellar", grade: "normal", side: "bilateral" }],
      not: [{ kind: "reflex", reflex: "others" }],
    });
  });
});

describe("a disc bulge is not a herniation", () => {
  it("'small L4-5 disc bulge, no root compression' is kept untagged; a bulge beside a stenosis adds no herniation", () => {
    check({
      text: "MRI L-spine: small L4-5 disc bulge, no root compression.",
      has: [{ kind: "imaging", modality: "mri_spine", level: "L4-L5", tags: [] }],
      not: [{ kind: "imaging", tags: ["disc_herniation"] }],
    });
    check({
      text: "MRI L-spine: mild L3-4 disc bulge with mild L foraminal narrowing; no nerve root compression.",
      has: [{ kind: "imaging", modality: "mri_spine", tags: ["foraminal_stenosis"], side: "left" }],
    });
    check({
      text: "MRI L-spine: L4-5 disc protrusion compressing the L5 root.",
      has: [{ kind: "imaging", modality: "mri_spine", tags: ["disc_herniation"] }],
    });
  });
});

describe("a spine study that reports only that no root is compressed", () => {
  it("'MRI lumbar spine: no root compression.' is a normal study; with a finding beside it, the finding", () => {
    check({
      text: "A lumbar MRI showed mild multilevel spondylosis without root compression.",
      has: [{ kind: "imaging", modality: "mri_spine", tags: ["normal"] }],
    });
    check({
      text: "MRI lumbar spine: L5-S1 disc extrusion; no root compression at L4-5.",
      has: [{ kind: "imaging", modality: "mri_spine", tags: ["disc_herniation"] }],
      not: [{ kind: "imaging", tags: ["normal"] }],
    });
  });
});

describe("conduction prose: the fibular head as a site, and a latency called prolonged after it", () => {
  it("'1.3 mV at the ankle and 0.5 mV above the fibular head, with conduction block' is the peroneal study's block", () => {
    check({
      text: "Nerve conduction studies: the left peroneal motor response at EDB was 1.3 mV at the ankle and 0.5 mV above the fibular head, with conduction block and a velocity of 28 m/s across the fibular head. The right peroneal distal motor latency was prolonged at 6.9 ms with a normal amplitude of 4.2 mV. Sural responses were low on both sides (4 uV), and the median distal motor latencies were prolonged bilaterally.",
      has: [
        {
          kind: "ncs",
          study: "peroneal_motor_edb",
          side: "left",
          result: "block",
          segment: "fibular head",
          amplitude: 1.3,
          velocity: 28,
        },
        { kind: "ncs", study: "peroneal_motor_edb", side: "right", result: "prolonged", latency: 6.9 },
        { kind: "ncs", study: "sural_sensory", result: "reduced" },
      ],
      not: [{ kind: "ncs", study: "sural_sensory", result: "prolonged" }],
    });
  });
});

describe("two readings of one study that disagree", () => {
  it("a reduced reading and a block reading keep the finding, with a warning, instead of losing it", () => {
    const r = extract(
      "The left peroneal CMAP was reduced at 1.1 mV. The left peroneal motor study showed conduction block across the fibular head.",
    );
    expect(r.case.findings).toContainEqual(
      expect.objectContaining({ kind: "ncs", study: "peroneal_motor_edb", side: "left", amplitude: 1.1 }),
    );
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});

describe("a grade for each side named after a movement", () => {
  it("'Dorsiflexion was 2/5 on the left and 3/5 on the right' is two findings, one per side", () => {
    check({
      text: "Dorsiflexion was 2/5 on the left and 3/5 on the right; eversion was 3/5 on the left and 4/5 on the right.",
      has: [
        { kind: "strength", target: "ankle_dorsiflexion", side: "left", mrc: 2 },
        { kind: "strength", target: "ankle_dorsiflexion", side: "right", mrc: 3 },
        { kind: "strength", target: "ankle_eversion", side: "left", mrc: 3 },
        { kind: "strength", target: "ankle_eversion", side: "right", mrc: 4 },
      ],
      not: [{ kind: "strength", target: "ankle_dorsiflexion", side: "right", mrc: 2 }],
    });
  });
});
