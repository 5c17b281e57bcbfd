/**
 * One small synthetic case per condition: its typical localization and context, nothing more.
 * Each must rank its own condition first. Written from the catalogue's sources, not from any
 * evaluation case.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../case/schema.js";
import type { Localization } from "../localize/types.js";
import { conditions } from "./data/conditions.js";
import { differential } from "./differential.js";
import { L, type MiniCase, mkCase, mkLoc } from "./test-helpers.js";

type Side = "left" | "right" | "bilateral";
const str = (side: Side, target: string, mrc: number | string): Finding => ({
  kind: "strength",
  side,
  target,
  mrc,
});
const rfx = (
  side: Side,
  reflex: string,
  grade: "absent" | "reduced" | "normal" | "brisk" | "extensor",
): Finding => ({
  kind: "reflex",
  side,
  reflex,
  grade,
});
const sens = (
  side: Side,
  region: string,
  change: "reduced" | "absent" | "normal" | "paresthesia",
): Finding => ({
  kind: "sensory",
  side,
  region,
  change,
});
const fib = (side: Side, muscle: string): Finding => ({
  kind: "emg",
  side,
  muscle,
  spontaneous: "fibrillations",
  muap: "neurogenic",
});
const img = (
  modality: "mri_spine" | "mri_plexus" | "mri_limb" | "ct" | "ultrasound" | "pet_ct" | "xray",
  tags: (
    | "disc_herniation"
    | "canal_stenosis"
    | "foraminal_stenosis"
    | "lateral_recess_stenosis"
    | "root_enhancement"
    | "plexus_enlargement"
    | "plexus_enhancement"
    | "nerve_enlargement"
    | "mass"
    | "hematoma"
    | "muscle_edema"
    | "muscle_fatty_change"
    | "muscle_hypertrophy"
    | "normal"
  )[],
  extra: { side?: Side; level?: string; text?: string } = {},
): Finding => ({ kind: "imaging", modality, tags, ...extra });
const lab = (
  test: "ck" | "glucose" | "hba1c" | "esr" | "crp" | "csf_protein" | "csf_cells",
  result: "normal" | "elevated",
): Finding => ({
  kind: "lab",
  test,
  result,
});
const sign = (
  side: Side,
  s: "straight_leg_raise" | "hypertrophy" | "fasciculations" | "tenderness" | "babinski" | "foot_drop",
  target?: string,
): Finding => ({
  kind: "sign",
  side,
  sign: s,
  ...(target ? { target } : {}),
});

const table: { id: string; c: MiniCase; loc: Localization }[] = [
  {
    id: "lumbar_disc_radiculopathy",
    c: {
      age: 42,
      onset: "acute",
      symptoms: ["back_pain", "radicular_pain"],
      findings: [
        str("left", "great_toe_extension", 4),
        sign("left", "straight_leg_raise"),
        img("mri_spine", ["disc_herniation"], {
          level: "L4-L5",
          side: "left",
          text: "left paracentral disc extrusion",
        }),
      ],
    },
    loc: mkLoc([[L("root", ["L5"], "left")], 0.8]),
  },
  {
    id: "lumbar_spinal_stenosis",
    c: {
      age: 74,
      onset: "chronic",
      symptoms: ["claudication", "back_pain"],
      findings: [img("mri_spine", ["canal_stenosis"], { level: "L4-L5" })],
    },
    loc: mkLoc([[L("root", ["L5", "S1"], "bilateral")], 0.6]),
  },
  {
    id: "cauda_equina_syndrome",
    c: {
      age: 45,
      onset: "acute",
      symptoms: ["back_pain", "radicular_pain", "bladder_dysfunction"],
      findings: [sens("bilateral", "perineum", "reduced")],
    },
    loc: mkLoc([[L("cauda_equina", [], "bilateral")], 0.8]),
  },
  {
    id: "conus_medullaris_syndrome",
    c: {
      age: 50,
      onset: "subacute",
      symptoms: ["bladder_dysfunction"],
      findings: [
        sens("bilateral", "perineum", "reduced"),
        rfx("bilateral", "plantar", "extensor"),
        img("mri_spine", [], { text: "T2 signal change in the conus medullaris" }),
      ],
    },
    loc: mkLoc([[L("conus", [], "bilateral")], 0.8]),
  },
  {
    id: "spinal_metastasis",
    c: {
      age: 68,
      onset: "subacute",
      history: ["cancer:lung", "weight_loss"],
      symptoms: ["back_pain", "progressive"],
      findings: [
        img("mri_spine", ["mass"], {
          level: "L3",
          text: "vertebral body metastasis with epidural extension",
        }),
      ],
    },
    loc: mkLoc([[L("root", ["L3", "L4"], "left")], 0.5], [[L("cauda_equina", [], "bilateral")], 0.2]),
  },
  {
    id: "spinal_epidural_abscess",
    c: {
      age: 58,
      onset: "acute",
      history: ["diabetes", "infection:injection drug use"],
      symptoms: ["back_pain", "fever"],
      findings: [lab("crp", "elevated")],
    },
    loc: mkLoc([[L("root", ["L4"], "right")], 0.5], [[L("cauda_equina", [], "bilateral")], 0.2]),
  },
  {
    id: "compressive_myelopathy",
    c: {
      age: 66,
      onset: "chronic",
      symptoms: ["weakness", "progressive"],
      findings: [
        rfx("bilateral", "patellar", "brisk"),
        rfx("bilateral", "plantar", "extensor"),
        str("bilateral", "hip_flexion", 4),
      ],
    },
    loc: mkLoc([[L("cns", [], "bilateral")], 0.8]),
  },
  {
    id: "spinal_dural_arteriovenous_fistula",
    c: {
      age: 70,
      sex: "male",
      onset: "subacute",
      symptoms: ["weakness", "progressive"],
      findings: [
        str("bilateral", "hip_flexion", 3),
        img("mri_spine", [], { text: "central cord oedema T9 to conus with dorsal flow voids" }),
      ],
    },
    loc: mkLoc([[L("cns", [], "bilateral")], 0.6], [[L("conus", [], "bilateral")], 0.2]),
  },
  {
    id: "spinal_cord_infarction",
    c: {
      age: 67,
      onset: "acute",
      history: ["coronary artery disease", "aortic aneurysm repair"],
      symptoms: ["back_pain", "bladder_dysfunction"],
      findings: [str("bilateral", "hip_flexion", 1), str("bilateral", "ankle_dorsiflexion", 1)],
    },
    loc: mkLoc([[L("cns", [], "bilateral")], 0.7]),
  },
  {
    id: "guillain_barre_syndrome",
    c: {
      age: 35,
      onset: "acute",
      history: ["infection:diarrhoea two weeks earlier"],
      symptoms: ["weakness", "back_pain", "progressive"],
      findings: [
        str("bilateral", "hip_flexion", 3),
        str("bilateral", "ankle_dorsiflexion", 3),
        rfx("bilateral", "patellar", "absent"),
        rfx("bilateral", "achilles", "absent"),
        lab("csf_protein", "elevated"),
      ],
    },
    loc: mkLoc([[L("polyradiculopathy", [], "bilateral")], 0.7]),
  },
  {
    id: "cidp",
    c: {
      age: 55,
      onset: "chronic",
      symptoms: ["weakness", "numbness"],
      findings: [
        str("bilateral", "hip_flexion", 4),
        str("bilateral", "ankle_dorsiflexion", 4),
        rfx("bilateral", "patellar", "absent"),
        rfx("bilateral", "achilles", "absent"),
        lab("csf_protein", "elevated"),
        img("mri_spine", ["root_enhancement"], { text: "thickened enhancing cauda equina roots" }),
      ],
    },
    loc: mkLoc(
      [[L("polyradiculopathy", [], "bilateral")], 0.5],
      [[L("polyneuropathy", [], "bilateral")], 0.3],
    ),
  },
  {
    id: "diabetic_lumbosacral_radiculoplexus_neuropathy",
    c: {
      age: 62,
      onset: "subacute",
      history: ["diabetes", "weight_loss"],
      symptoms: ["neuropathic_pain", "pain_before_weakness"],
      findings: [str("right", "knee_extension", 3), str("right", "hip_flexion", 4), lab("hba1c", "elevated")],
    },
    loc: mkLoc([[L("plexus", ["lumbar_plexus"], "right")], 0.7]),
  },
  {
    id: "idiopathic_lumbosacral_radiculoplexus_neuropathy",
    c: {
      age: 55,
      onset: "subacute",
      symptoms: ["neuropathic_pain", "pain_before_weakness", "weakness"],
      findings: [
        str("left", "knee_extension", 4),
        lab("glucose", "normal"),
        img("mri_plexus", ["plexus_enhancement"], { side: "left" }),
        img("mri_spine", ["normal"]),
      ],
    },
    loc: mkLoc([[L("plexus", ["lumbar_plexus"], "left")], 0.7]),
  },
  {
    id: "neuralgic_amyotrophy",
    c: {
      age: 38,
      onset: "acute",
      history: ["infection:flu-like illness"],
      symptoms: ["neuropathic_pain", "pain_before_weakness", "weakness"],
      findings: [str("right", "ankle_dorsiflexion", 2), str("right", "hip_abduction", 3)],
    },
    loc: mkLoc([[L("plexus", ["lumbosacral_trunk", "sacral_plexus"], "right")], 0.6]),
  },
  {
    id: "neoplastic_lumbosacral_plexopathy",
    c: {
      age: 61,
      onset: "subacute",
      history: ["cancer:prostate"],
      symptoms: ["radicular_pain", "progressive"],
      findings: [img("mri_plexus", ["plexus_enlargement", "mass"], { side: "right" })],
    },
    loc: mkLoc([[L("plexus", ["sacral_plexus"], "right")], 0.7]),
  },
  {
    id: "radiation_lumbosacral_plexopathy",
    c: {
      age: 60,
      onset: "chronic",
      history: ["cancer:cervical", "pelvic_radiation"],
      symptoms: ["weakness", "numbness", "painless"],
      findings: [{ kind: "emg", side: "left", muscle: "tibialis_anterior", spontaneous: "myokymia" }],
    },
    loc: mkLoc([[L("plexus", ["lumbar_plexus", "sacral_plexus"], "bilateral")], 0.6]),
  },
  {
    id: "retroperitoneal_hematoma",
    c: {
      age: 70,
      onset: "acute",
      history: ["anticoagulation:warfarin"],
      symptoms: ["groin pain"],
      findings: [str("left", "knee_extension", 3), rfx("left", "patellar", "absent")],
    },
    loc: mkLoc([[L("plexus", ["lumbar_plexus"], "left")], 0.5], [[L("nerve", ["femoral"], "left")], 0.3]),
  },
  {
    id: "psoas_abscess",
    c: {
      age: 52,
      onset: "subacute",
      history: ["diabetes"],
      symptoms: ["back_pain", "fever", "groin pain"],
      findings: [
        str("right", "knee_extension", 4),
        lab("crp", "elevated"),
        img("ct", ["mass"], { side: "right", text: "rim-enhancing collection in the right psoas" }),
      ],
    },
    loc: mkLoc([[L("plexus", ["lumbar_plexus"], "right")], 0.5], [[L("nerve", ["femoral"], "right")], 0.3]),
  },
  {
    id: "obstetric_lumbosacral_plexopathy",
    c: {
      age: 29,
      sex: "female",
      onset: "acute",
      history: ["pregnancy_delivery:prolonged labour"],
      findings: [str("left", "ankle_dorsiflexion", 2)],
    },
    loc: mkLoc([[L("plexus", ["lumbosacral_trunk"], "left")], 0.6]),
  },
  {
    id: "traumatic_lumbosacral_plexopathy",
    c: {
      age: 31,
      onset: "acute",
      history: ["trauma:motorcycle accident with sacral fracture"],
      findings: [str("right", "ankle_plantarflexion", 2)],
    },
    loc: mkLoc([[L("plexus", ["sacral_plexus"], "right")], 0.7]),
  },
  {
    id: "common_peroneal_neuropathy",
    c: {
      age: 50,
      onset: "acute",
      history: ["weight_loss", "leg_crossing"],
      symptoms: ["weakness"],
      findings: [str("right", "ankle_dorsiflexion", 2), str("right", "ankle_eversion", 3)],
    },
    loc: mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "right")], 0.8]),
  },
  {
    id: "peroneal_intraneural_ganglion_cyst",
    c: {
      age: 44,
      onset: "subacute",
      findings: [
        str("left", "ankle_dorsiflexion", 3),
        img("ultrasound", ["nerve_enlargement"], {
          side: "left",
          text: "intraneural cyst tracking along the articular branch",
        }),
      ],
    },
    loc: mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "left")], 0.8]),
  },
  {
    id: "peroneal_extraneural_ganglion_cyst",
    c: {
      age: 60,
      onset: "subacute",
      findings: [
        str("left", "ankle_dorsiflexion", 3),
        img("mri_limb", ["mass"], {
          side: "left",
          text: "ganglion cyst beside the peroneal nerve at the fibular neck",
        }),
      ],
    },
    loc: mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "left")], 0.8]),
  },
  {
    id: "popliteal_ganglion_cyst",
    c: {
      age: 66,
      onset: "subacute",
      findings: [
        str("right", "ankle_plantarflexion", 3),
        str("right", "ankle_dorsiflexion", 3),
        img("ultrasound", ["mass"], { side: "right", text: "cyst in the popliteal fossa" }),
      ],
    },
    loc: mkLoc(
      [[L("nerve", ["sciatic"], "right")], 0.4],
      [[L("nerve", ["tibial", "common_peroneal"], "right")], 0.4],
    ),
  },
  {
    id: "sciatic_neuropathy",
    c: {
      age: 72,
      onset: "acute",
      history: ["hip_surgery:total hip arthroplasty"],
      findings: [str("left", "ankle_dorsiflexion", 1), str("left", "knee_flexion", 4)],
    },
    loc: mkLoc([[L("nerve", ["sciatic"], "left")], 0.8]),
  },
  {
    id: "femoral_neuropathy",
    c: {
      age: 48,
      sex: "female",
      onset: "acute",
      history: ["pelvic_surgery:abdominal hysterectomy"],
      findings: [str("right", "knee_extension", 2), rfx("right", "patellar", "absent")],
    },
    loc: mkLoc([[L("nerve", ["femoral"], "right")], 0.8]),
  },
  {
    id: "obturator_neuropathy",
    c: {
      age: 40,
      onset: "acute",
      history: ["trauma:pelvic ring fracture"],
      findings: [str("left", "hip_adduction", 3)],
    },
    loc: mkLoc([[L("nerve", ["obturator"], "left")], 0.8]),
  },
  {
    id: "meralgia_paresthetica",
    c: {
      age: 45,
      onset: "subacute",
      symptoms: ["numbness", "neuropathic_pain"],
      findings: [sens("right", "thigh_lateral", "reduced"), str("right", "knee_extension", 5)],
    },
    loc: mkLoc([[L("nerve", ["lateral_femoral_cutaneous"], "right")], 0.9]),
  },
  {
    id: "tarsal_tunnel_syndrome",
    c: {
      age: 50,
      onset: "chronic",
      symptoms: ["neuropathic_pain", "numbness"],
      findings: [sens("left", "sole_medial", "reduced"), sens("left", "sole_lateral", "reduced")],
    },
    loc: mkLoc([[L("nerve", ["tibial@tarsal_tunnel"], "left")], 0.8]),
  },
  {
    id: "anterior_tarsal_tunnel_syndrome",
    c: {
      age: 40,
      onset: "chronic",
      history: ["marathon runner"],
      symptoms: ["numbness"],
      findings: [sens("right", "first_web_space", "reduced")],
    },
    loc: mkLoc([[L("nerve", ["deep_peroneal@ankle"], "right")], 0.8]),
  },
  {
    id: "sural_neuropathy",
    c: {
      age: 52,
      onset: "chronic",
      symptoms: ["numbness"],
      findings: [
        sens("left", "foot_lateral", "reduced"),
        { kind: "ncs", side: "left", study: "sural_sensory", result: "reduced" },
      ],
    },
    loc: mkLoc([[L("nerve", ["sural"], "left")], 0.8]),
  },
  {
    id: "saphenous_neuropathy",
    c: {
      age: 58,
      onset: "subacute",
      history: ["total knee replacement"],
      symptoms: ["numbness"],
      findings: [
        sens("right", "leg_medial", "reduced"),
        str("right", "knee_extension", 5),
        rfx("right", "patellar", "normal"),
      ],
    },
    loc: mkLoc([[L("nerve", ["saphenous"], "right")], 0.8]),
  },
  {
    id: "peripheral_nerve_sheath_tumor",
    c: {
      age: 45,
      onset: "chronic",
      symptoms: ["neuropathic_pain", "progressive"],
      findings: [
        str("left", "ankle_plantarflexion", 4),
        img("ultrasound", ["mass", "nerve_enlargement"], {
          side: "left",
          text: "fusiform solid mass in continuity with the tibial nerve",
        }),
      ],
    },
    loc: mkLoc([[L("nerve", ["tibial"], "left")], 0.8]),
  },
  {
    id: "length_dependent_polyneuropathy",
    c: {
      age: 70,
      onset: "chronic",
      history: ["diabetes"],
      symptoms: ["numbness"],
      findings: [
        sens("bilateral", "foot_dorsum", "reduced"),
        sens("bilateral", "sole_medial", "reduced"),
        { kind: "ncs", side: "bilateral", study: "sural_sensory", result: "absent" },
        { kind: "ncs", side: "bilateral", study: "superficial_peroneal_sensory", result: "reduced" },
      ],
    },
    loc: mkLoc([[L("polyneuropathy", [], "bilateral")], 0.8]),
  },
  {
    id: "motor_neuron_disease",
    c: {
      age: 63,
      onset: "chronic",
      symptoms: ["weakness", "cramps", "painless"],
      findings: [
        str("right", "ankle_dorsiflexion", 3),
        sens("right", "foot_dorsum", "normal"),
        sign("right", "fasciculations"),
        rfx("right", "patellar", "brisk"),
      ],
    },
    loc: mkLoc([[L("anterior_horn", [], "bilateral")], 0.7]),
  },
  {
    id: "focal_myositis",
    c: {
      age: 40,
      onset: "subacute",
      symptoms: ["calf swelling", "calf pain"],
      findings: [
        img("mri_limb", ["muscle_edema"], { side: "left" }),
        lab("ck", "elevated"),
        { kind: "emg", side: "left", muscle: "gastrocnemius_medial_head", muap: "myopathic" },
      ],
    },
    loc: mkLoc([[L("muscle", ["gastrocnemius_medial_head"], "left")], 0.8]),
  },
  {
    id: "denervation_muscle_edema",
    c: {
      age: 55,
      onset: "subacute",
      findings: [
        fib("left", "tibialis_anterior"),
        fib("left", "gluteus_medius"),
        img("mri_limb", ["muscle_edema"], { side: "left" }),
        lab("ck", "normal"),
        img("mri_spine", ["normal"]),
      ],
    },
    loc: mkLoc([[L("root", ["L5"], "left")], 0.8]),
  },
  {
    id: "neurogenic_muscle_hypertrophy",
    c: {
      age: 60,
      onset: "chronic",
      findings: [
        sign("right", "hypertrophy", "calf"),
        img("mri_limb", ["muscle_fatty_change", "muscle_hypertrophy"], { side: "right" }),
        rfx("right", "achilles", "absent"),
        lab("ck", "normal"),
      ],
    },
    loc: mkLoc([[L("root", ["S1"], "right")], 0.8]),
  },
  {
    id: "diabetic_muscle_infarction",
    c: {
      age: 50,
      onset: "acute",
      history: ["diabetes:type 1 with nephropathy"],
      symptoms: ["thigh pain", "thigh swelling"],
      findings: [sign("left", "tenderness", "thigh"), img("mri_limb", ["muscle_edema"], { side: "left" })],
    },
    loc: mkLoc([[L("muscle", ["vastus_lateralis"], "left")], 0.8]),
  },
  {
    id: "myopathy",
    c: {
      age: 55,
      onset: "subacute",
      findings: [
        str("bilateral", "hip_flexion", 4),
        lab("ck", "elevated"),
        {
          kind: "emg",
          side: "bilateral",
          muscle: "vastus_lateralis",
          muap: "myopathic",
          recruitment: "early",
        },
      ],
    },
    loc: mkLoc([[L("muscle", ["iliopsoas", "vastus_lateralis"], "bilateral")], 0.8]),
  },
  {
    id: "stroke",
    c: {
      age: 74,
      onset: "acute",
      history: ["atrial fibrillation"],
      symptoms: ["weakness", "painless"],
      findings: [
        str("left", "ankle_dorsiflexion", 3),
        { kind: "emg", side: "left", muscle: "tibialis_anterior", spontaneous: "none", muap: "normal" },
      ],
    },
    loc: mkLoc([[L("cns", [], "left")], 0.7]),
  },
  {
    id: "intracerebral_hemorrhage",
    c: {
      age: 68,
      onset: "acute",
      history: ["anticoagulation:apixaban"],
      symptoms: ["weakness"],
      findings: [
        str("right", "ankle_dorsiflexion", 3),
        img("ct", ["hematoma"], { text: "brain CT: parasagittal frontal haematoma" }),
      ],
    },
    loc: mkLoc([[L("cns", [], "right")], 0.7]),
  },
  {
    id: "parasagittal_mass",
    c: {
      age: 58,
      onset: "chronic",
      symptoms: ["weakness", "progressive", "painless"],
      findings: [
        str("bilateral", "ankle_dorsiflexion", 4),
        img("ct", ["mass"], { text: "brain: falx meningioma" }),
      ],
    },
    loc: mkLoc([[L("cns", [], "bilateral")], 0.7]),
  },
  {
    id: "hip_osteoarthritis",
    c: {
      age: 70,
      onset: "chronic",
      symptoms: ["groin pain"],
      findings: [img("xray", [], { side: "right", text: "right hip osteoarthritis with joint space loss" })],
    },
    loc: mkLoc([[L("none", [], "right")], 0.6]),
  },
  {
    id: "peripheral_arterial_disease",
    c: {
      age: 69,
      onset: "chronic",
      history: ["smoking", "coronary artery disease"],
      symptoms: ["claudication"],
      // FORMAT.md v1.1: foot pulses absent
      findings: [{ kind: "sign", side: "bilateral", sign: "pulses", present: false } as unknown as Finding],
    },
    loc: mkLoc([[L("none", [], "bilateral")], 0.6]),
  },
  {
    id: "acute_limb_ischemia",
    c: {
      age: 66,
      onset: "acute",
      history: ["atrial fibrillation"],
      symptoms: ["leg pain", "weakness"],
      findings: [str("left", "ankle_dorsiflexion", 2), lab("ck", "elevated")],
    },
    loc: mkLoc([[L("none", [], "left")], 0.6]),
  },
  {
    id: "compartment_syndrome",
    c: {
      age: 24,
      onset: "acute",
      history: ["trauma:tibial shaft fracture"],
      symptoms: ["leg pain", "leg swelling"],
      findings: [str("right", "great_toe_extension", 3), lab("ck", "elevated")],
    },
    loc: mkLoc(
      [[L("nerve", ["deep_peroneal"], "right")], 0.5],
      [[L("muscle", ["tibialis_anterior"], "right")], 0.3],
    ),
  },
  // ---- the textbook additions (issue 17): each in its textbook picture
  {
    id: "tibial_neuropathy",
    c: {
      age: 60,
      onset: "subacute",
      history: ["Baker's cyst of the left knee"],
      symptoms: ["numb sole"],
      findings: [
        str("left", "ankle_plantarflexion", 4),
        sens("left", "sole_medial", "reduced"),
        img("ultrasound", [], { side: "left", text: "popliteal cyst beside the tibial nerve" }),
      ],
    },
    loc: mkLoc([[L("nerve", ["tibial"], "left")], 0.7]),
  },
  {
    id: "hereditary_neuropathy_with_pressure_palsies",
    c: {
      age: 19,
      onset: "acute",
      history: ["mother with recurrent palsies; family history of neuropathy", "previous painless foot drop"],
      symptoms: ["painless foot drop"],
      findings: [str("right", "ankle_dorsiflexion", 3)],
    },
    loc: mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "right")], 0.7]),
  },
  {
    id: "charcot_marie_tooth",
    c: {
      age: 24,
      onset: "chronic",
      history: ["father with the same high arches and neuropathy; family history of neuropathy"],
      symptoms: ["painless", "tripping"],
      findings: [str("bilateral", "ankle_dorsiflexion", 4), rfx("bilateral", "achilles", "absent")],
    },
    loc: mkLoc([[L("polyneuropathy", [], "bilateral")], 0.8]),
  },
  {
    id: "infectious_spondylitis",
    c: {
      age: 70,
      onset: "subacute",
      history: ["spine_surgery:vertebroplasty 3 months ago", "urinary tract infection"],
      symptoms: ["back_pain"],
      findings: [str("left", "knee_extension", 4), lab("esr", "elevated")],
    },
    loc: mkLoc([[L("root", ["L3"], "left")], 0.6]),
  },
  {
    id: "spinal_epidural_hematoma",
    c: {
      age: 75,
      onset: "acute",
      history: ["anticoagulation:rivaroxaban"],
      symptoms: ["sudden back_pain", "weakness"],
      findings: [str("bilateral", "hip_flexion", 3), rfx("bilateral", "plantar", "extensor")],
    },
    loc: mkLoc([[L("cns", [], "bilateral")], 0.7]),
  },
  {
    id: "vasculitic_neuropathy",
    c: {
      age: 62,
      onset: "subacute",
      history: ["rheumatoid arthritis", "weight loss"],
      symptoms: ["burning pain in the foot"],
      findings: [
        str("left", "ankle_dorsiflexion", 2),
        str("right", "ankle_plantarflexion", 4),
        lab("esr", "elevated"),
      ],
    },
    loc: mkLoc([[L("nerve", ["common_peroneal"], "left"), L("nerve", ["tibial"], "right")], 0.6]),
  },
  {
    id: "leptomeningeal_infiltration",
    c: {
      age: 58,
      onset: "subacute",
      history: ["cancer:diffuse large B-cell lymphoma"],
      symptoms: ["radicular_pain", "weakness"],
      findings: [
        str("bilateral", "ankle_plantarflexion", 4),
        img("mri_spine", ["root_enhancement"], { text: "enhancing cauda equina roots" }),
        lab("csf_cells", "elevated"),
      ],
    },
    loc: mkLoc([[L("polyradiculopathy", [], "bilateral")], 0.6]),
  },
  {
    id: "herpes_zoster_radiculitis",
    c: {
      age: 74,
      onset: "acute",
      history: ["shingles rash over the right thigh two weeks ago"],
      symptoms: ["burning thigh pain"],
      findings: [str("right", "knee_extension", 4), rfx("right", "patellar", "reduced")],
    },
    loc: mkLoc([[L("root", ["L3"], "right")], 0.7]),
  },
  {
    id: "neurosarcoidosis",
    c: {
      age: 45,
      onset: "subacute",
      history: ["pulmonary sarcoidosis"],
      symptoms: ["burning feet"],
      findings: [str("bilateral", "ankle_plantarflexion", 4), lab("csf_protein", "elevated")],
    },
    loc: mkLoc([[L("polyradiculopathy", [], "bilateral")], 0.6]),
  },
  {
    id: "inclusion_body_myositis",
    c: {
      age: 71,
      onset: "chronic",
      symptoms: ["painless", "knees buckling"],
      findings: [
        str("left", "knee_extension", 3),
        str("right", "knee_extension", 4),
        { kind: "emg", side: "left", muscle: "vastus_lateralis", muap: "myopathic" } as Finding,
      ],
    },
    loc: mkLoc([[L("muscle", [], "bilateral")], 0.7]),
  },
  {
    id: "b12_deficiency_neuropathy",
    c: {
      age: 66,
      onset: "subacute",
      history: ["pernicious anaemia, B12 deficiency", "gastrectomy"],
      symptoms: ["numb feet"],
      findings: [sens("bilateral", "foot_dorsum", "reduced"), rfx("bilateral", "achilles", "absent")],
    },
    loc: mkLoc([[L("polyneuropathy", [], "bilateral")], 0.7]),
  },
  {
    id: "nitrous_oxide_neuropathy",
    c: {
      age: 22,
      onset: "subacute",
      history: ["recreational nitrous oxide, several canisters a day"],
      symptoms: ["numb feet", "weakness"],
      findings: [str("bilateral", "ankle_dorsiflexion", 3), rfx("bilateral", "achilles", "absent")],
    },
    loc: mkLoc([[L("polyneuropathy", [], "bilateral")], 0.7]),
  },
  {
    id: "avascular_necrosis_femoral_head",
    c: {
      age: 42,
      onset: "subacute",
      history: ["long-term steroid treatment", "alcohol"],
      symptoms: ["groin pain"],
      findings: [img("mri_limb", [], { side: "left", text: "avascular necrosis of the left femoral head" })],
    },
    loc: mkLoc([[L("none", [], "left")], 0.7]),
  },
];

describe("one synthetic case per condition ranks its condition first", () => {
  it("covers every condition in the catalogue", () => {
    expect(new Set(table.map((t) => t.id))).toEqual(new Set(conditions.map((c) => c.id)));
  });
  for (const t of table)
    it(t.id, () => {
      const d = differential(mkCase(t.c), t.loc, { limit: 50 });
      const top = d.conditions.slice(0, 3).map((x) => `${x.id} ${x.probability}`);
      expect(d.conditions[0]?.id, top.join(", ")).toBe(t.id);
    });
});

describe("side patterns", () => {
  it("a chronic upper motor neuron weakness of one leg favours a parasagittal lesion over a compressed cord", () => {
    const d = differential(
      mkCase({
        age: 57,
        onset: "chronic",
        findings: [rfx("right", "patellar", "brisk"), str("right", "ankle_dorsiflexion", 4)],
      }),
      mkLoc([[L("cns", [], "right")], 0.8]),
    );
    const rank = (id: string) => d.conditions.findIndex((x) => x.id === id);
    expect(rank("parasagittal_mass")).toBeLessThan(rank("compressive_myelopathy"));
  });
});
