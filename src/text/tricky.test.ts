/**
 * Sentences that trip extractors, with the findings a clinician reads in them. Each row lists
 * findings that must be there (matched on the fields given) and, where it matters, ones that
 * must not.
 */
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";

type Want = Record<string, unknown>;

const rows: { text: string; has: Want[]; not?: Want[] }[] = [
  {
    text: "Power was MRC 4/5 in left ankle dorsiflexion and 3- in the EHL.",
    has: [
      { kind: "strength", target: "ankle_dorsiflexion", mrc: 4, side: "left" },
      { kind: "strength", target: "extensor_hallucis_longus", mrc: "3-", side: "left" },
    ],
  },
  {
    text: "No numbness or weakness. No bladder or bowel symptoms.",
    has: [],
    not: [{ kind: "strength" }, { kind: "sensory" }],
  },
  {
    text: "Knee jerks 2+/2+, ankle jerks 1+/2+.",
    has: [
      { kind: "reflex", reflex: "patellar", grade: "normal", side: "bilateral" },
      { kind: "reflex", reflex: "achilles", grade: "reduced", side: "right" },
      { kind: "reflex", reflex: "achilles", grade: "normal", side: "left" },
    ],
  },
  {
    text: "Absent right ankle jerk.",
    has: [{ kind: "reflex", reflex: "achilles", grade: "absent", side: "right" }],
  },
  {
    text: "Reduced sensation to pinprick over the dorsum of the left foot and the first web space.",
    has: [
      { kind: "sensory", region: "foot_dorsum", change: "reduced", side: "left", modality: "pinprick" },
      { kind: "sensory", region: "first_web_space", change: "reduced", side: "left" },
    ],
  },
  {
    text: "Needle EMG showed fibrillations and positive sharp waves in the right tibialis anterior, peroneus longus and L5 paraspinals.",
    has: [
      { kind: "emg", muscle: "tibialis_anterior", spontaneous: "fibrillations", side: "right" },
      { kind: "emg", muscle: "peroneus_longus", spontaneous: "fibrillations", side: "right" },
      { kind: "emg", muscle: "paraspinal_L5", spontaneous: "fibrillations", side: "right" },
    ],
  },
  {
    text: "No MUAP was recorded in the right EHL.",
    has: [{ kind: "emg", muscle: "extensor_hallucis_longus", muap: "none", side: "right" }],
  },
  {
    text: "The left peroneal CMAP was 0.8 mV (normal > 2 mV) and the sural SNAP was absent on the left.",
    has: [
      {
        kind: "ncs",
        study: "peroneal_motor_edb",
        result: "reduced",
        amplitude: 0.8,
        unit: "mV",
        side: "left",
      },
      { kind: "ncs", study: "sural_sensory", result: "absent", side: "left" },
    ],
  },
  {
    text: "Straight leg raise positive on the right at 40 degrees; crossed SLR negative.",
    has: [
      { kind: "sign", sign: "straight_leg_raise", side: "right" },
      { kind: "sign", sign: "crossed_straight_leg_raise", present: false },
    ],
    not: [{ kind: "sign", sign: "straight_leg_raise", present: false }],
  },
  {
    text: "MRI lumbar spine showed an L4-5 right paracentral disc herniation compressing the traversing L5 root.",
    has: [
      { kind: "imaging", modality: "mri_spine", level: "L4-L5", side: "right", tags: ["disc_herniation"] },
    ],
  },
  {
    text: "CK was 1250 U/L (elevated).",
    has: [{ kind: "lab", test: "ck", result: "elevated", value: 1250 }],
  },
  {
    text: "Babinski sign positive on the left.",
    has: [{ kind: "reflex", reflex: "plantar", grade: "extensor", side: "left" }],
  },
  {
    text: "Hypoaesthesia along the left L4 dermatome.",
    has: [{ kind: "sensory", region: "leg_medial", change: "reduced", side: "left" }],
  },
  {
    text: "Atrophy of the right EDB.",
    has: [{ kind: "sign", sign: "atrophy", side: "right", target: "extensor_digitorum_brevis" }],
  },
  {
    text: "Vibration sense was reduced at both great toes.",
    has: [
      { kind: "sensory", region: "great_toe", change: "reduced", modality: "vibration", side: "bilateral" },
    ],
  },
  {
    text: "The right L5 radicu-\nlopathy: weakness of the\n\nright EHL (MRC grade 3).",
    has: [{ kind: "strength", target: "extensor_hallucis_longus", mrc: 3, side: "right" }],
  },
  {
    text: "The patient denies any weakness of hip flexion.",
    has: [{ kind: "strength", target: "hip_flexion", mrc: 5 }],
  },
  {
    text: "EMG revealed active denervation in the left vastus lateralis, adductor longus and iliopsoas, with normal tibialis anterior.",
    has: [{ kind: "emg", muscle: "adductor_longus", spontaneous: "fibrillations", side: "left" }],
  },
  {
    text: "Reflexes were 2+ and symmetric except for a reduced (trace) left ankle jerk.",
    has: [
      { kind: "reflex", reflex: "achilles", grade: "reduced", side: "left" },
      { kind: "reflex", reflex: "others", grade: "normal", side: "bilateral" },
    ],
    not: [{ kind: "reflex", reflex: "achilles", grade: "normal", side: "left" }],
  },
  {
    text: "H-reflex latency was 32.6 ms on the right and 34.3 ms on the left (upper limit 34 ms).",
    has: [
      { kind: "ncs", study: "tibial_h_reflex", side: "right", latency: 32.6, result: "normal" },
      { kind: "ncs", study: "tibial_h_reflex", side: "left", latency: 34.3, result: "prolonged" },
    ],
  },
  {
    // 6.5 uV lies within the retest margin above the 6 uV limit: borderline, and nothing else
    // in the study is abnormal, so it stays normal.
    text: "The left sural SNAP amplitude was 6.5 uV; the left superficial peroneal SNAP was 9 uV.",
    has: [
      { kind: "ncs", study: "sural_sensory", amplitude: 6.5, result: "normal" },
      { kind: "ncs", study: "superficial_peroneal_sensory", amplitude: 9, result: "normal" },
    ],
  },
  {
    // The same borderline sural beside an absent sensory response on that side reads as reduced.
    text: "The left superficial peroneal SNAP was absent and the left sural SNAP was 6.5 uV.",
    has: [
      { kind: "ncs", study: "superficial_peroneal_sensory", result: "absent" },
      { kind: "ncs", study: "sural_sensory", amplitude: 6.5, result: "reduced" },
    ],
  },
  {
    // An abnormal motor response does not make a borderline sensory one abnormal.
    text: "The left peroneal CMAP was 0.5 mV. The left sural SNAP was 6.5 uV.",
    has: [{ kind: "ncs", study: "sural_sensory", amplitude: 6.5, result: "normal" }],
  },
  {
    text: "The left sural SNAP was 4 uV and the left superficial peroneal SNAP 12 uV.",
    has: [
      { kind: "ncs", study: "sural_sensory", amplitude: 4, result: "reduced" },
      { kind: "ncs", study: "superficial_peroneal_sensory", amplitude: 12, result: "normal" },
    ],
  },
  {
    text: "F-wave latencies were normal (peroneal 43.1 ms, tibial 45.9 ms).",
    has: [
      { kind: "ncs", study: "peroneal_f_wave", result: "normal", latency: 43.1 },
      { kind: "ncs", study: "tibial_f_wave", result: "normal", latency: 45.9 },
    ],
  },
  {
    text: "Sensation was reduced over the outer leg on the left.",
    has: [{ kind: "sensory", region: "leg_anterolateral", change: "reduced", side: "left" }],
  },
  {
    text: "Despite her complaints no muscle weakness could be demonstrated.",
    has: [{ kind: "strength", target: "others", mrc: 5, side: "bilateral" }],
  },
  // A whole-examination statement: a v1.1 `others` finding for each kind it names.
  {
    text: "Strength and sensation were normal.",
    has: [
      { kind: "strength", target: "others", mrc: 5, side: "bilateral" },
      { kind: "sensory", region: "others", change: "normal", side: "bilateral" },
    ],
    not: [
      { kind: "sensory", region: "perineum" },
      { kind: "sensory", region: "great_toe" },
    ],
  },
  {
    text: "The left calf was swollen and the left knee was painful. Strength was normal, and the sensory examination was unremarkable.",
    has: [
      { kind: "strength", target: "others", mrc: 5, side: "bilateral" },
      { kind: "sensory", region: "others", change: "normal", side: "bilateral" },
    ],
    not: [{ side: "right" }, { side: "left" }],
  },
  {
    text: "Sharp/dull sensation was normal in all four limbs.",
    has: [{ kind: "sensory", region: "others", change: "normal", side: "bilateral", modality: "pinprick" }],
  },
  {
    text: "Sensation was normal except for reduced pinprick over the dorsum of the left foot.",
    has: [
      { kind: "sensory", region: "foot_dorsum", change: "reduced", side: "left" },
      { kind: "sensory", region: "others", change: "normal", side: "bilateral" },
    ],
    not: [
      { kind: "sensory", region: "foot_dorsum", change: "normal", side: "left" },
      { kind: "sensory", region: "foot_dorsum", change: "normal", side: "bilateral" },
    ],
  },
  {
    text: "There was no sensory deficit. Vibration sense was normal in the hands.",
    has: [{ kind: "sensory", region: "others", change: "normal", side: "bilateral" }],
    not: [{ modality: "vibration" }],
  },
  { text: "Sensation in the hands was normal. No sensory symptoms.", has: [], not: [{ kind: "sensory" }] },
  {
    text: "Strength was normal, except for left ankle dorsiflexion 4/5.",
    has: [
      { kind: "strength", target: "ankle_dorsiflexion", mrc: 4, side: "left" },
      { kind: "strength", target: "others", mrc: 5, side: "bilateral" },
    ],
    not: [{ target: "hip_abduction" }, { target: "ankle_dorsiflexion", mrc: 5, side: "left" }],
  },
  {
    text: "There was a glove-and-stocking sensory deficit to all modalities.",
    has: [
      { kind: "sensory", region: "foot_dorsum", change: "reduced", side: "bilateral" },
      { kind: "sensory", region: "sole_medial", change: "reduced", side: "bilateral" },
    ],
    not: [{ region: "thigh_anterior" }, { change: "normal" }],
  },
  // Irregular plurals of body parts, and the plantar response written either way round.
  {
    text: "He had burning and tingling over the dorsum of both feet. Numbness of both calves.",
    has: [
      { kind: "sensory", region: "foot_dorsum", change: "paresthesia", side: "bilateral" },
      { kind: "sensory", region: "calf_posterior", change: "reduced", side: "bilateral" },
    ],
  },
  {
    text: "Reflexes were diffusely reduced (1+) with flexor plantar responses. The left plantar response was extensor.",
    has: [
      { kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" },
      { kind: "reflex", reflex: "plantar", grade: "extensor", side: "left" },
      { kind: "reflex", reflex: "achilles", grade: "reduced", side: "bilateral" },
    ],
  },
  // A grade followed by a side belongs to what came before it.
  {
    text: "Hip flexion was 2/5 on both sides and knee extension 4/5 on the right.",
    has: [
      { kind: "strength", target: "hip_flexion", mrc: 2, side: "bilateral" },
      { kind: "strength", target: "knee_extension", mrc: 4, side: "right" },
    ],
    not: [{ target: "knee_extension", mrc: 2 }],
  },
  {
    text: "Power was 4/5 on the left in hip flexion.",
    has: [{ kind: "strength", target: "hip_flexion", mrc: 4, side: "left" }],
  },
  // One reflex, a grade for each side.
  {
    text: "The patellar reflex was 2+ on the right and absent on the left; ankle jerks were normal on both sides.",
    has: [
      { kind: "reflex", reflex: "patellar", grade: "normal", side: "right" },
      { kind: "reflex", reflex: "patellar", grade: "absent", side: "left" },
      { kind: "reflex", reflex: "achilles", grade: "normal", side: "bilateral" },
    ],
    not: [{ reflex: "patellar", grade: "absent", side: "right" }],
  },
  // Plural reflex phrases speak of both legs unless their own statement names a side.
  {
    text: "Right ankle dorsiflexion was weak (2/5), and all reflexes were normal.",
    has: [{ kind: "reflex", reflex: "others", grade: "normal", side: "bilateral" }],
    not: [{ kind: "reflex", side: "right" }],
  },
  {
    text: "The right thigh was tender. Strength was normal, leg reflexes were absent, and Babinski signs were absent.",
    has: [
      { kind: "reflex", reflex: "patellar", grade: "absent", side: "bilateral" },
      { kind: "reflex", reflex: "plantar", grade: "flexor", side: "bilateral" },
    ],
  },
  {
    text: "The left leg was weak. Knee jerks were absent on the right.",
    has: [{ kind: "reflex", reflex: "patellar", grade: "absent", side: "right" }],
    not: [
      { kind: "reflex", side: "left" },
      { kind: "reflex", side: "bilateral" },
    ],
  },
  {
    text: "The right toe and foot dorsiflexors were severely weak, while the right iliopsoas, quadriceps and gastrocnemius had normal strength.",
    has: [
      { kind: "strength", target: "toe_extension", mrc: "weak", side: "right" },
      { kind: "strength", target: "ankle_dorsiflexion", mrc: "weak", side: "right" },
      { kind: "strength", target: "iliopsoas", mrc: 5, side: "right" },
      { kind: "strength", target: "knee_extension", mrc: 5, side: "right" },
      { kind: "strength", target: "ankle_plantarflexion", mrc: 5, side: "right" },
    ],
    not: [{ kind: "strength", target: "rectus_femoris" }],
  },
  {
    text: "A 70-year-old man without hypertension woke up with a right foot drop.",
    has: [{ kind: "sign", sign: "foot_drop", side: "right" }],
    not: [{ kind: "sign", sign: "foot_drop", present: false }],
  },
  {
    text: "EMG of the right tibialis anterior 2 months after onset showed no spontaneous activity and normal motor unit potentials.",
    has: [{ kind: "emg", muscle: "tibialis_anterior", spontaneous: "none", muap: "normal", side: "right" }],
  },
  {
    text: "Knee radiographs were normal. Ultrasound showed a cystic mass near the left fibular neck, and MRI showed a cyst compressing the common peroneal nerve.",
    has: [
      { kind: "imaging", modality: "xray", tags: ["normal"] },
      { kind: "imaging", modality: "ultrasound", tags: ["mass"], side: "left" },
      { kind: "imaging", modality: "mri_limb" },
    ],
  },
  {
    text: "HbA1c was 10.8%; thyroid tests, CK and B12 were normal.",
    has: [
      { kind: "lab", test: "hba1c", result: "elevated", value: 10.8 },
      { kind: "lab", test: "ck", result: "normal" },
      { kind: "lab", test: "vitamin_b12", result: "normal" },
    ],
  },
];

describe("tricky sentences", () => {
  it.each(rows)("$text", ({ text, has, not }) => {
    const r = extract(text);
    for (const want of has) expect(r.case.findings).toContainEqual(expect.objectContaining(want));
    for (const bad of not ?? []) expect(r.case.findings).not.toContainEqual(expect.objectContaining(bad));
  });

  it("reads the context of a note: age, sex, history, symptoms, onset", () => {
    const r = extract(
      "A 58-year-old woman with type 2 diabetes and prostate-free history of cervical cancer treated with radiotherapy; she denies chemotherapy. Burning pain radiating down the left leg over 3 weeks, then weakness. No fever.",
    );
    expect(r.case.patient).toEqual({ age: 58, sex: "female" });
    expect(r.case.context?.history).toEqual(
      expect.arrayContaining(["diabetes", "cancer:cervical", "pelvic_radiation"]),
    );
    expect(r.case.context?.history).not.toContain("chemotherapy");
    expect(r.case.context?.symptoms).toEqual(
      expect.arrayContaining(["radicular_pain", "neuropathic_pain", "weakness", "pain_before_weakness"]),
    );
    expect(r.case.context?.symptoms).not.toContain("fever");
    expect(r.case.context).toMatchObject({ onset: "acute", durationDays: 21 });
  });
});

describe("what is not understood is listed", () => {
  it("reports a muscle in an EMG list that the atlas does not know", () => {
    const r = extract(
      "Needle EMG showed fibrillations in the left tibialis anterior, erector spinae and gluteus medius.",
    );
    expect(r.case.findings.map((f) => (f.kind === "emg" ? f.muscle : ""))).toEqual([
      "tibialis_anterior",
      "gluteus_medius",
    ]);
    expect(r.unrecognized).toContainEqual(expect.objectContaining({ text: "erector spinae" }));
  });

  it("reports clinical words it cannot place and grades without a target", () => {
    const r = extract("Known labyrinthitis. Power was MRC grade 4.");
    expect(r.unrecognized.map((u) => u.text)).toEqual(
      expect.arrayContaining(["labyrinthitis", "MRC grade 4"]),
    );
  });
});
