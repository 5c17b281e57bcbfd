import type { RedFlagRule } from "../types.js";

/**
 * Red flags: fired by clues, never suppressed by the ranking. A flag fires when every `all` clue
 * is present and at least one `any` clue is (when `any` is given).
 */
export const redFlagRules: RedFlagRule[] = [
  {
    id: "cauda_equina_or_conus",
    severity: "critical",
    text: "Possible cauda equina or conus compression: MRI of the lumbosacral spine today.",
    any: ["bladder_dysfunction", "bowel_dysfunction", "saddle_anaesthesia", "loc_cauda_equina", "loc_conus"],
    action: ["mri_spine_emergency"],
    sources: ["todd2017", "finucane2020"],
  },
  {
    id: "cancer_with_plexopathy",
    severity: "critical",
    text: "Cancer history with a plexopathy: tumour invasion or perineural spread until proved otherwise (MRI of the plexus with gadolinium, FDG PET/CT).",
    all: ["cancer", "loc_plexus"],
    action: ["mri_plexus_gadolinium", "fdg_pet_ct"],
    sources: ["jaeckle1985", "seedPerineural", "lee2022"],
  },
  {
    id: "cancer_with_pain",
    severity: "warning",
    text: "Cancer history with back or leg pain: exclude spinal, plexus or nerve metastasis, urgently if the pain is progressive, nocturnal or does not settle.",
    all: ["cancer", "pain"],
    action: ["mri_lumbar_spine", "mri_plexus_gadolinium"],
    sources: ["finucane2020", "statpearlsNlp", "seedPerineural"],
  },
  {
    id: "progressive_or_bilateral_weakness",
    severity: "critical",
    text: "Rapidly progressive or bilateral weakness: image the cord and cauda equina and consider Guillain-Barré syndrome now.",
    any: ["rapid_progression", "bilateral_weakness"],
    action: ["mri_cord", "csf"],
    sources: ["finucane2020", "leonhard2019", "jellema2006"],
  },
  {
    id: "anticoagulated_femoral_neuropathy",
    severity: "critical",
    text: "Femoral or lumbar plexus deficit on anticoagulants: retroperitoneal (iliopsoas) hematoma until proved otherwise; CT of the abdomen and pelvis now.",
    all: ["anticoagulation"],
    any: ["loc_femoral", "loc_lumbar_plexus"],
    action: ["ct_abdomen_pelvis_emergency"],
    sources: ["dyck2014", "stewart2010"],
  },
  {
    id: "infection_with_back_pain",
    severity: "critical",
    text: "Fever, infection or immunosuppression with back pain: spinal epidural abscess or discitis must be excluded (CRP, cultures, MRI with gadolinium).",
    all: ["back_pain"],
    any: ["fever", "immunosuppression", "infection"],
    action: ["inflammatory_markers_cultures"],
    sources: ["darouiche2006", "finucane2020"],
  },
  {
    id: "upper_motor_neuron_signs",
    severity: "warning",
    text: "Upper motor neuron signs: the lesion may be in the cord or brain, not (only) in the roots or nerves; image the cord or brain.",
    any: ["umn_signs", "loc_cns"],
    action: ["mri_cord", "brain_imaging"],
    sources: ["westhout2007", "jellema2006"],
  },
];
