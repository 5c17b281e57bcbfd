/**
 * A bench of clinical choice (issue 16): partial work-ups as they reach an electromyographer or a
 * neuromuscular clinic, each with the tests the cited texts would do next and tests that would be
 * of little value there. Written by the project from the sources named on each scenario (the
 * textbooks' approach to the presentation); not published cases. Tests are named
 * `kind:id` (any side) or `kind:id:contrast`.
 */
import type { CaseContext, Finding, LocusCase, Patient } from "../../case/schema.js";
import { abnormalFinding, normalFinding } from "../tests.js";

export interface Scenario {
  id: string;
  title: string;
  case: LocusCase;
  /** Tests the sources would do next: one of them in the first three counts as a hit. */
  expert: string[];
  /** Tests of little value here: any of them in the first three counts as a miss. */
  lowValue: string[];
  /** Keys into the sources tables (atlas, differential, plan). */
  sources: string[];
}

type Side = "left" | "right";
const S = (target: string, mrc: number, side: Side | "bilateral" = "left"): Finding => ({
  kind: "strength",
  side,
  target,
  mrc,
});
const R = (
  reflex: string,
  grade: "absent" | "reduced" | "normal" | "brisk",
  side: Side | "bilateral" = "left",
): Finding => ({
  kind: "reflex",
  side,
  reflex,
  grade,
});
const numb = (region: string, side: Side | "bilateral" = "left"): Finding => ({
  kind: "sensory",
  side,
  region,
  change: "reduced",
});
const felt = (region: string, side: Side | "bilateral" = "left"): Finding => ({
  kind: "sensory",
  side,
  region,
  change: "normal",
});
const N = (
  study: string,
  result: "normal" | "reduced" | "absent",
  side: Side | "bilateral" = "left",
): Finding => ({
  kind: "ncs",
  side,
  study,
  result,
});
const fibs = (muscle: string, side: Side = "left"): Finding =>
  abnormalFinding({ kind: "emg", id: muscle, side });
const quiet = (muscle: string, side: Side = "left"): Finding =>
  normalFinding({ kind: "emg", id: muscle, side });

function caseOf(
  id: string,
  findings: Finding[],
  patient: Patient = { age: 55, sex: "male" },
  context: CaseContext = { durationDays: 60 },
): LocusCase {
  return { format: "locus-case/1", id, patient, context, findings };
}

/** Bedside items two examiners seldom agree on (data/reliability.ts): never a good next test. */
export const UNRELIABLE = [
  "reflex:cremasteric",
  "reflex:anal",
  "reflex:bulbocavernosus",
  "strength:toe_abduction",
  "sensory:genital",
  "sensory:genital_anterior",
  "sensory:perineum",
  "sensory:perianal",
];

const FOOT_DROP = [
  S("ankle_dorsiflexion", 3),
  S("great_toe_extension", 3),
  S("ankle_eversion", 4),
  numb("foot_dorsum"),
];

export const scenarios: Scenario[] = [
  {
    id: "foot-drop-exam-only",
    title: "Foot drop, examination only",
    case: caseOf("foot-drop-exam-only", FOOT_DROP),
    expert: [
      "strength:ankle_inversion",
      "ncs:peroneal_motor_ta",
      "ncs:peroneal_motor_edb",
      "ncs:superficial_peroneal_sensory",
      "emg:tibialis_posterior",
      "emg:biceps_femoris_short_head",
      "emg:tibialis_anterior",
      "strength:hip_abduction",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "imaging:mri_brain", "lab:spep", "lab:vitamin_b12"],
    sources: ["preston2020", "katirji2002", "stewart2010"],
  },
  {
    id: "foot-drop-normal-conduction",
    title: "Foot drop with normal peroneal conduction across the fibular head",
    case: caseOf("foot-drop-normal-conduction", [
      ...FOOT_DROP,
      N("peroneal_motor_ta", "normal"),
      N("peroneal_motor_edb", "normal"),
      N("superficial_peroneal_sensory", "normal"),
      N("sural_sensory", "normal"),
    ]),
    expert: [
      "emg:tibialis_posterior",
      "emg:flexor_digitorum_longus",
      "emg:gluteus_medius",
      "emg:tensor_fasciae_latae",
      "emg:paraspinal_L5",
      "emg:biceps_femoris_short_head",
      "emg:tibialis_anterior",
      "strength:ankle_inversion",
      "strength:hip_abduction",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "lab:spep", "lab:ck"],
    sources: ["preston2020", "katirji2002", "levin2002"],
  },
  {
    id: "thigh-weakness-absent-knee-jerk",
    title: "Thigh weakness with an absent knee jerk",
    case: caseOf("thigh-weakness-absent-knee-jerk", [
      S("knee_extension", 3),
      R("patellar", "absent"),
      numb("thigh_anterior"),
      numb("leg_medial"),
    ]),
    expert: [
      "emg:adductor_longus",
      "emg:iliopsoas",
      "emg:paraspinal_L2",
      "emg:paraspinal_L3",
      "emg:paraspinal_L4",
      "ncs:saphenous_sensory",
      "ncs:femoral_motor",
      "strength:hip_adduction",
      "strength:hip_flexion",
      "emg:vastus_medialis",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "lab:spep", "lab:vitamin_b12"],
    sources: ["preston2020", "stewart2010", "statpearlsFemoral"],
  },
  {
    id: "lateral-thigh-numbness",
    title: "Numbness of the outer thigh, strength and reflexes normal",
    case: caseOf("lateral-thigh-numbness", [
      numb("thigh_lateral"),
      S("hip_flexion", 5),
      S("knee_extension", 5),
      R("patellar", "normal"),
    ]),
    expert: [
      "ncs:lateral_femoral_cutaneous_sensory",
      "sensory:thigh_anterior",
      "strength:hip_adduction",
      "ncs:saphenous_sensory",
      "emg:vastus_lateralis",
    ],
    lowValue: [
      ...UNRELIABLE,
      "imaging:mri_spine",
      "imaging:mri_spine:contrast",
      "imaging:pet_ct",
      "imaging:mri_plexus:contrast",
    ],
    sources: ["stewart2010", "statpearlsThighNerves", "preston2020"],
  },
  {
    id: "burning-soles",
    title: "Burning soles, both feet, ankle jerks reduced",
    case: caseOf(
      "burning-soles",
      [
        numb("sole_medial", "bilateral"),
        numb("sole_lateral", "bilateral"),
        numb("great_toe", "bilateral"),
        R("achilles", "reduced", "bilateral"),
      ],
      { age: 62, sex: "female" },
      { durationDays: 365, symptoms: ["neuropathic_pain", "numbness"] },
    ),
    expert: [
      "ncs:sural_sensory",
      "ncs:superficial_peroneal_sensory",
      "ncs:medial_plantar_sensory",
      "ncs:peroneal_motor_edb",
      "ncs:tibial_motor_ah",
      "lab:hba1c",
      "lab:vitamin_b12",
      "lab:spep",
    ],
    lowValue: [
      ...UNRELIABLE,
      "imaging:mri_spine",
      "imaging:mri_plexus:contrast",
      "imaging:pet_ct",
      "emg:paraspinal_L5",
      "emg:paraspinal_S1",
    ],
    sources: ["england2005", "preston2020"],
  },
  {
    id: "wasting-fasciculations",
    title: "Wasting and fasciculations of one leg, sensation normal",
    case: caseOf(
      "wasting-fasciculations",
      [
        S("hip_flexion", 4),
        S("knee_extension", 4),
        S("ankle_dorsiflexion", 4),
        S("ankle_plantarflexion", 4),
        { kind: "sign", side: "left", sign: "atrophy", target: "thigh" },
        { kind: "sign", side: "left", sign: "fasciculations", target: "calf" },
        felt("foot_dorsum"),
        felt("sole_lateral"),
        felt("thigh_anterior"),
        R("patellar", "brisk"),
      ],
      { age: 63, sex: "male" },
      { durationDays: 180, symptoms: ["weakness", "cramps"] },
    ),
    expert: [
      "emg:tibialis_anterior",
      "emg:vastus_lateralis",
      "emg:vastus_medialis",
      "emg:gastrocnemius_medial_head",
      "emg:iliopsoas",
      "emg:paraspinal_L3",
      "emg:paraspinal_L4",
      "emg:paraspinal_L5",
      "ncs:sural_sensory",
      "ncs:superficial_peroneal_sensory",
      "ncs:peroneal_motor_edb",
      "ncs:tibial_motor_ah",
    ],
    lowValue: [
      ...UNRELIABLE,
      "imaging:pet_ct",
      "imaging:mri_plexus:contrast",
      "lab:hba1c",
      "lab:vitamin_b12",
    ],
    sources: ["brooks2000", "preston2020"],
  },
  {
    id: "proximal-symmetric-weakness",
    title: "Proximal symmetric weakness, reflexes and sensation normal",
    case: caseOf(
      "proximal-symmetric-weakness",
      [
        S("hip_flexion", 4, "bilateral"),
        S("hip_abduction", 4, "bilateral"),
        S("hip_extension", 4, "bilateral"),
        S("ankle_dorsiflexion", 5, "bilateral"),
        R("patellar", "normal", "bilateral"),
        R("achilles", "normal", "bilateral"),
        felt("foot_dorsum", "bilateral"),
        felt("thigh_anterior", "bilateral"),
      ],
      { age: 58, sex: "female" },
      { durationDays: 120, symptoms: ["weakness"] },
    ),
    expert: [
      "lab:ck",
      "emg:iliopsoas",
      "emg:vastus_lateralis",
      "emg:rectus_femoris",
      "emg:gluteus_medius",
      "emg:gluteus_maximus",
      "emg:vastus_medialis",
      "ncs:sural_sensory",
      "ncs:peroneal_motor_edb",
    ],
    lowValue: [
      ...UNRELIABLE,
      "imaging:pet_ct",
      "imaging:mri_plexus:contrast",
      "imaging:mri_spine",
      "ncs:lateral_femoral_cutaneous_sensory",
    ],
    sources: ["preston2020", "kamath2008", "trujillo2003"],
  },
  {
    id: "leg-pain-after-cancer",
    title: "Progressive leg pain and weakness two years after pelvic cancer and radiotherapy",
    case: caseOf(
      "leg-pain-after-cancer",
      [
        S("hip_extension", 4, "right"),
        S("knee_flexion", 4, "right"),
        S("ankle_plantarflexion", 4, "right"),
        R("achilles", "absent", "right"),
        numb("calf_posterior", "right"),
        numb("sole_lateral", "right"),
      ],
      { age: 61, sex: "female" },
      {
        durationDays: 70,
        onset: "subacute",
        history: ["cancer:cervical", "pelvic_radiation"],
        symptoms: ["neuropathic_pain", "night_pain", "weakness", "progressive"],
      },
    ),
    expert: [
      "imaging:mri_plexus:contrast",
      "imaging:pet_ct",
      "imaging:ct",
      "emg:paraspinal_S1",
      "emg:paraspinal_L5",
      "ncs:sural_sensory",
      "emg:gluteus_maximus",
      "emg:gluteus_medius",
    ],
    lowValue: [...UNRELIABLE, "lab:vitamin_b12", "lab:spep", "lab:ck"],
    sources: ["jaeckle1985", "statpearlsNlp", "dyck2014", "lee2022"],
  },
  {
    id: "localized-l5-emg",
    title: "Needle EMG localizes to the L5 root",
    case: caseOf("localized-l5-emg", [
      ...FOOT_DROP,
      N("superficial_peroneal_sensory", "normal"),
      N("sural_sensory", "normal"),
      N("peroneal_motor_ta", "reduced"),
      fibs("tibialis_anterior"),
      fibs("tibialis_posterior"),
      fibs("gluteus_medius"),
      fibs("paraspinal_L5"),
      quiet("gastrocnemius_medial_head"),
      quiet("vastus_medialis"),
      quiet("biceps_femoris_short_head"),
    ]),
    expert: ["imaging:mri_spine"],
    lowValue: [
      ...UNRELIABLE,
      "imaging:pet_ct",
      "lab:spep",
      "imaging:mri_plexus:contrast",
      "imaging:mri_brain",
    ],
    sources: ["levin2002", "wilbourn1998", "brinjikji2015"],
  },
  {
    id: "s1-clinical",
    title: "Calf weakness, absent ankle jerk and numb outer foot",
    case: caseOf(
      "s1-clinical",
      [S("ankle_plantarflexion", 4), R("achilles", "absent"), numb("foot_lateral")],
      { age: 47, sex: "male" },
      { durationDays: 45, symptoms: ["radicular_pain", "back_pain"] },
    ),
    expert: [
      "ncs:sural_sensory",
      "ncs:tibial_h_reflex",
      "emg:gastrocnemius_medial_head",
      "emg:gastrocnemius_lateral_head",
      "emg:gluteus_maximus",
      "emg:biceps_femoris_long_head",
      "emg:paraspinal_S1",
      "strength:hip_extension",
      "strength:knee_flexion",
      "imaging:mri_spine",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "lab:spep", "imaging:mri_brain"],
    sources: ["preston2020", "levin2002", "dillingham2000"],
  },
  {
    id: "sciatic-or-roots",
    title: "Foot drop, weak plantar flexion and knee flexion, numb sole",
    case: caseOf("sciatic-or-roots", [
      S("ankle_dorsiflexion", 2),
      S("ankle_plantarflexion", 3),
      S("knee_flexion", 4),
      numb("sole_lateral"),
      numb("foot_dorsum"),
      R("achilles", "reduced"),
    ]),
    expert: [
      "emg:gluteus_medius",
      "emg:gluteus_maximus",
      "emg:tensor_fasciae_latae",
      "emg:paraspinal_L5",
      "emg:paraspinal_S1",
      "emg:biceps_femoris_short_head",
      "ncs:sural_sensory",
      "ncs:superficial_peroneal_sensory",
      "strength:hip_abduction",
      "strength:hip_extension",
      "sensory:thigh_posterior",
    ],
    lowValue: [...UNRELIABLE, "lab:spep", "lab:vitamin_b12", "imaging:mri_brain"],
    sources: ["stewart2010", "preston2020", "statpearlsSciatic"],
  },
  {
    id: "femoral-on-warfarin",
    title: "Acute groin pain and knee buckling on warfarin",
    case: caseOf(
      "femoral-on-warfarin",
      [
        S("knee_extension", 2),
        S("hip_flexion", 4),
        R("patellar", "absent"),
        numb("thigh_anterior"),
        numb("leg_medial"),
      ],
      { age: 68, sex: "male" },
      {
        onset: "acute",
        durationDays: 2,
        history: ["anticoagulation"],
        symptoms: ["neuropathic_pain", "weakness"],
      },
    ),
    expert: ["imaging:ct", "imaging:mri_plexus:contrast"],
    lowValue: [...UNRELIABLE, "lab:spep", "lab:vitamin_b12", "imaging:pet_ct", "emg:paraspinal_L3"],
    sources: ["dyck2014", "stewart2010"],
  },
  {
    id: "tarsal-tunnel",
    title: "Burning numb sole of one foot",
    case: caseOf(
      "tarsal-tunnel",
      [
        numb("sole_medial"),
        numb("sole_lateral"),
        numb("heel"),
        S("ankle_plantarflexion", 5),
        R("achilles", "normal"),
      ],
      { age: 44, sex: "female" },
    ),
    expert: [
      "ncs:medial_plantar_sensory",
      "ncs:tibial_motor_ah",
      "emg:abductor_hallucis",
      "emg:abductor_digiti_minimi_pedis",
      "ncs:sural_sensory",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "imaging:mri_plexus:contrast", "emg:paraspinal_S1"],
    sources: ["preston2020", "statpearlsTibial"],
  },
  {
    id: "lateral-foot-numbness",
    title: "Numb outer border of one foot, nothing else",
    case: caseOf("lateral-foot-numbness", [
      numb("foot_lateral"),
      numb("ankle_lateral"),
      S("ankle_plantarflexion", 5),
      S("ankle_eversion", 5),
      R("achilles", "normal"),
    ]),
    expert: [
      "ncs:sural_sensory",
      "sensory:sole_lateral",
      "sensory:calf_posterior",
      "strength:hip_extension",
      "emg:gastrocnemius_medial_head",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "imaging:mri_plexus:contrast", "lab:spep"],
    sources: ["preston2020", "stewart2010"],
  },
  {
    id: "obturator",
    title: "Weak hip adduction and numb inner thigh after pelvic surgery",
    case: caseOf(
      "obturator",
      [S("hip_adduction", 3), numb("thigh_medial"), S("knee_extension", 5), R("patellar", "normal")],
      { age: 56, sex: "female" },
      { durationDays: 40, history: ["pelvic_surgery"] },
    ),
    // After pelvic surgery, pelvic imaging looks for a haematoma or mass along the nerve's course.
    expert: [
      "emg:adductor_longus",
      "emg:vastus_medialis",
      "emg:iliopsoas",
      "emg:paraspinal_L3",
      "emg:paraspinal_L2",
      "ncs:saphenous_sensory",
      "strength:hip_flexion",
      "reflex:adductor",
      "imaging:ct",
      "imaging:mri_plexus:contrast",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "lab:spep", "lab:vitamin_b12"],
    sources: ["stewart2010", "statpearlsThighNerves", "preston2020"],
  },
  {
    id: "cauda-equina",
    title: "Both legs weak with saddle numbness and urinary retention",
    case: caseOf(
      "cauda-equina",
      [
        S("ankle_plantarflexion", 3, "bilateral"),
        S("ankle_dorsiflexion", 4, "bilateral"),
        R("achilles", "absent", "bilateral"),
        numb("perianal", "bilateral"),
        numb("buttock_lower", "bilateral"),
      ],
      { age: 45, sex: "male" },
      {
        onset: "acute",
        durationDays: 2,
        symptoms: ["back_pain", "radicular_pain", "urinary_retention", "bladder_dysfunction"],
      },
    ),
    expert: ["imaging:mri_spine"],
    lowValue: [
      "reflex:cremasteric",
      "strength:toe_abduction",
      "lab:spep",
      "lab:vitamin_b12",
      "imaging:pet_ct",
      "lab:ck",
    ],
    sources: ["todd2017", "finucane2020"],
  },
  {
    id: "upper-motor-neuron-foot-drop",
    title: "Painless foot drop with a brisk knee jerk and an extensor plantar",
    case: caseOf(
      "upper-motor-neuron-foot-drop",
      [
        S("ankle_dorsiflexion", 3),
        S("great_toe_extension", 4),
        R("patellar", "brisk"),
        { kind: "reflex", side: "left", reflex: "plantar", grade: "extensor" },
        felt("foot_dorsum"),
      ],
      { age: 70, sex: "female" },
      { durationDays: 20 },
    ),
    expert: ["imaging:mri_brain", "emg:tibialis_anterior", "imaging:mri_spine", "ncs:peroneal_motor_ta"],
    lowValue: [...UNRELIABLE, "imaging:mri_plexus:contrast", "lab:spep", "imaging:pet_ct"],
    sources: ["westhout2007", "preston2020"],
  },
  {
    id: "diabetic-amyotrophy",
    title: "Diabetic man with severe thigh pain, then weakness and weight loss",
    case: caseOf(
      "diabetic-amyotrophy",
      [
        S("hip_flexion", 3),
        S("knee_extension", 3),
        S("hip_adduction", 4),
        R("patellar", "absent"),
        numb("thigh_anterior"),
      ],
      { age: 64, sex: "male" },
      {
        onset: "subacute",
        durationDays: 50,
        history: ["diabetes", "weight_loss"],
        symptoms: ["neuropathic_pain", "pain_before_weakness", "weakness"],
      },
    ),
    expert: [
      "emg:paraspinal_L2",
      "emg:paraspinal_L3",
      "emg:paraspinal_L4",
      "emg:adductor_longus",
      "emg:vastus_lateralis",
      "emg:iliopsoas",
      "emg:tibialis_anterior",
      "ncs:saphenous_sensory",
      "ncs:sural_sensory",
      "imaging:mri_plexus:contrast",
      "imaging:mri_spine",
    ],
    lowValue: [...UNRELIABLE, "lab:spep", "imaging:pet_ct"],
    sources: ["dyck2002", "dyck2014", "preston2020"],
  },
  {
    id: "neuralgic-amyotrophy-conventional-mri-normal",
    title: "Severe pain then weakness of several L5-S1 nerves, plain MRI without compression",
    case: caseOf(
      "neuralgic-amyotrophy-conventional-mri-normal",
      [
        S("hip_abduction", 2),
        S("ankle_dorsiflexion", 3),
        S("great_toe_extension", 1),
        S("ankle_plantarflexion", 4),
        R("achilles", "reduced"),
        fibs("tibialis_anterior"),
        fibs("gluteus_maximus"),
        fibs("tensor_fasciae_latae"),
        fibs("paraspinal_L5"),
        {
          kind: "imaging",
          modality: "mri_spine",
          side: "left",
          tags: ["normal"],
          text: "conventional MRI: no root compression",
        },
      ],
      { age: 36, sex: "male" },
      {
        onset: "acute",
        durationDays: 30,
        symptoms: ["neuropathic_pain", "pain_before_weakness", "weakness"],
      },
    ),
    // Gadolinium shows the inflamed roots or plexus; the sensory responses tell plexus from roots.
    expert: [
      "imaging:mri_spine:contrast",
      "imaging:mri_plexus:contrast",
      "lab:csf_protein",
      "ncs:superficial_peroneal_sensory",
      "ncs:sural_sensory",
    ],
    lowValue: [...UNRELIABLE, "lab:spep", "imaging:pet_ct"],
    sources: ["seedChang2017", "vanAlfen2006", "dyck2014"],
  },
  {
    id: "peroneal-block-at-knee",
    title: "Peroneal conduction block at the fibular head without a cause",
    case: caseOf("peroneal-block-at-knee", [
      ...FOOT_DROP,
      N("peroneal_motor_ta", "reduced"),
      N("superficial_peroneal_sensory", "reduced"),
      N("sural_sensory", "normal"),
      fibs("tibialis_anterior"),
      fibs("peroneus_longus"),
      quiet("biceps_femoris_short_head"),
      quiet("tibialis_posterior"),
      quiet("paraspinal_L5"),
    ]),
    expert: ["imaging:ultrasound"],
    lowValue: [
      ...UNRELIABLE,
      "imaging:mri_spine",
      "imaging:pet_ct",
      "imaging:mri_spine:contrast",
      "lab:spep",
    ],
    sources: ["spinner2003", "katirji2002", "preston2020"],
  },
  {
    id: "calf-swelling-pain",
    title: "Painful swollen calf with weak plantar flexion, sensation and reflexes normal",
    case: caseOf(
      "calf-swelling-pain",
      [
        S("ankle_plantarflexion", 4),
        R("achilles", "normal"),
        felt("sole_lateral"),
        felt("calf_posterior"),
        { kind: "sign", side: "left", sign: "tenderness", target: "calf" },
      ],
      { age: 34, sex: "male" },
      { durationDays: 25, symptoms: ["weakness"] },
    ),
    expert: [
      "lab:ck",
      "emg:gastrocnemius_medial_head",
      "emg:soleus",
      "emg:gastrocnemius_lateral_head",
      "ncs:sural_sensory",
      "ncs:tibial_motor_ah",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "imaging:mri_brain", "lab:spep"],
    sources: ["kamath2008", "trujillo2003", "preston2020"],
  },
  {
    id: "l4-or-femoral-with-numb-shin",
    title: "Weak knee extension, absent knee jerk and numb inner shin",
    case: caseOf(
      "l4-or-femoral-with-numb-shin",
      [S("knee_extension", 4), R("patellar", "reduced"), numb("leg_medial"), S("ankle_dorsiflexion", 5)],
      { age: 52, sex: "female" },
      { durationDays: 50, symptoms: ["radicular_pain", "back_pain"] },
    ),
    expert: [
      "ncs:saphenous_sensory",
      "emg:adductor_longus",
      "emg:tibialis_anterior",
      "emg:paraspinal_L4",
      "emg:paraspinal_L3",
      "strength:hip_adduction",
      "strength:ankle_inversion",
      "emg:vastus_medialis",
    ],
    lowValue: [...UNRELIABLE, "imaging:pet_ct", "lab:spep"],
    sources: ["preston2020", "levin2002", "statpearlsFemoral"],
  },
];
