import type { RedFlagRule } from "../types.js";

/**
 * Red flags with their published criteria. Each criterion holds when one of its clues is in the
 * case; a flag is critical only when its published minimum combination holds (and nothing the case
 * says argues against the emergency), a warning when a smaller stated combination holds, silent
 * otherwise. Every criterion is shown beside the flag, holding or not. Never suppressed by the
 * ranking. Texts say what the emergency is; the tests to do now are the actions (work-up items),
 * so a test the case already holds is never asked for again.
 */
export const redFlagRules: RedFlagRule[] = [
  {
    id: "guillain_barre",
    name: "Guillain-Barré syndrome",
    text: "Weakness of both legs with lost reflexes, worse over days to four weeks: Guillain-Barré syndrome until proved otherwise. Admit.",
    warningText:
      "Weakness of both legs worsening within four weeks: examine the reflexes, arms, face and breathing for Guillain-Barré syndrome.",
    criteria: [
      { id: "bilateral", text: "weakness in both legs", anyOf: ["bilateral_weakness"] },
      { id: "reflexes", text: "reflexes reduced or absent on both sides", anyOf: ["areflexia_bilateral"] },
      {
        id: "progression",
        text: "progression to its worst within four weeks",
        anyOf: ["progression_within_4_weeks"],
      },
      { id: "arms_face", text: "arm or facial weakness", anyOf: ["arm_weakness", "facial_weakness"] },
      { id: "csf", text: "CSF albuminocytologic dissociation", anyOf: ["csf_albuminocytologic"] },
    ],
    // Brighton level 3: bilateral flaccid weakness, reduced reflexes in the weak limbs, nadir within 28 days
    critical: { all: ["bilateral", "reflexes", "progression"] },
    warning: { all: ["bilateral", "progression"] },
    against: [
      { id: "chronic", text: "a course stable over months", anyOf: ["chronic_stable"] },
      { id: "improving", text: "already improving", anyOf: ["course_improving"] },
    ],
    action: ["gbs_assessment", "csf"],
    warningAction: ["gbs_assessment"],
    sources: ["sejvar2011", "asbury1990", "leonhard2019"],
  },
  {
    id: "cauda_equina",
    name: "cauda equina syndrome",
    text: "Bladder, bowel, saddle or sexual symptoms with back or leg pain: cauda equina compression until proved otherwise.",
    warningText:
      "The localization points to the cauda equina or conus: ask about bladder, bowel and sexual function and test saddle sensation now.",
    criteria: [
      { id: "retention", text: "urinary retention", anyOf: ["urinary_retention"] },
      { id: "bladder", text: "bladder dysfunction", anyOf: ["bladder_dysfunction"] },
      { id: "bowel", text: "bowel dysfunction", anyOf: ["bowel_dysfunction"] },
      { id: "saddle", text: "saddle anaesthesia", anyOf: ["saddle_anaesthesia"] },
      { id: "sexual", text: "sexual dysfunction", anyOf: ["sexual_dysfunction"] },
      { id: "pain", text: "back pain or sciatica", anyOf: ["back_pain", "radicular_pain"] },
      { id: "bilateral_sciatica", text: "sciatica in both legs", anyOf: ["bilateral_sciatica"] },
      {
        id: "localization",
        text: "a cauda equina or conus localization",
        anyOf: ["loc_cauda_equina", "loc_conus"],
      },
    ],
    critical: {
      atLeast: [
        { n: 1, of: ["retention", "bladder", "bowel", "saddle", "sexual"] },
        { n: 1, of: ["pain", "bilateral_sciatica", "localization", "saddle"] },
      ],
    },
    warning: { atLeast: [{ n: 1, of: ["localization", "bilateral_sciatica"] }] },
    against: [
      { id: "chronic", text: "sphincter symptoms stable over months", anyOf: ["chronic_stable"] },
      {
        id: "cord",
        text: "upper motor neuron signs or a sensory level, which put the lesion above the cauda equina",
        anyOf: ["umn_signs", "sensory_level"],
      },
    ],
    action: ["mri_spine_emergency"],
    sources: ["fraser2009", "greenhalgh2018", "todd2017"],
  },
  {
    id: "acute_limb_ischaemia",
    name: "acute limb ischaemia",
    text: "A leg that lost its pulses within two weeks with pain, pallor, coldness, numbness or weakness: acute limb ischaemia. A weak or numb ischaemic leg needs revascularisation within hours.",
    warningText:
      "Absent foot pulses, a cold pale limb or an arterial occlusion: examine the circulation (ankle-brachial index, duplex) before blaming a nerve.",
    criteria: [
      { id: "pulseless", text: "foot pulses absent", anyOf: ["pulses_absent"] },
      { id: "occlusion", text: "arterial occlusion on imaging", anyOf: ["arterial_occlusion"] },
      { id: "acute", text: "began within 14 days", anyOf: ["onset_within_14_days"] },
      { id: "pallor", text: "a cold, pale limb", anyOf: ["cold_pale_limb"] },
      { id: "pain", text: "pain out of proportion to the findings", anyOf: ["pain_out_of_proportion"] },
      { id: "paraesthesia", text: "numbness or tingling", anyOf: ["numbness"] },
      { id: "paralysis", text: "weakness", anyOf: ["weakness"] },
    ],
    // Rutherford / SVS: a sudden loss of perfusion within 14 days; sensory or motor loss marks threat
    critical: {
      all: ["acute"],
      atLeast: [
        { n: 1, of: ["pulseless", "occlusion"] },
        { n: 1, of: ["pallor", "pain", "paraesthesia", "paralysis"] },
      ],
    },
    warning: { atLeast: [{ n: 1, of: ["pulseless", "occlusion", "pallor"] }] },
    action: ["vascular_emergency"],
    warningAction: ["vascular_assessment"],
    sources: ["rutherford1997", "bjorck2020", "statpearlsAli"],
  },
  {
    id: "spinal_epidural_abscess",
    name: "spinal epidural abscess",
    text: "Back pain with fever or raised inflammatory markers, a source of infection or a new deficit: spinal epidural abscess until proved otherwise.",
    warningText:
      "Back pain with fever, infection or immunosuppression: spinal epidural abscess or discitis must be excluded (CRP, cultures; MRI if either is abnormal or a deficit appears).",
    criteria: [
      { id: "back_pain", text: "back pain", anyOf: ["back_pain"] },
      { id: "fever", text: "fever", anyOf: ["fever"] },
      { id: "markers", text: "raised CRP or ESR", anyOf: ["inflammatory_markers_elevated"] },
      {
        id: "source",
        text: "infection elsewhere or injection drug use",
        anyOf: ["infection", "injection_drug_use"],
      },
      { id: "immune", text: "immunosuppression", anyOf: ["immunosuppression"] },
      { id: "diabetes", text: "diabetes", anyOf: ["diabetes"] },
      {
        id: "deficit",
        text: "a neurological deficit (weakness, bladder)",
        anyOf: ["weakness", "bladder_dysfunction", "urinary_retention"],
      },
      { id: "collection", text: "an epidural collection on imaging", anyOf: ["epidural_collection"] },
    ],
    // Darouiche 2006: back pain, fever and a deficit, the triad seldom complete; risk factors raise suspicion
    critical: {
      all: ["back_pain"],
      atLeast: [
        { n: 1, of: ["fever", "markers", "collection"] },
        { n: 1, of: ["source", "immune", "diabetes", "deficit", "collection"] },
      ],
    },
    warning: { all: ["back_pain"], atLeast: [{ n: 1, of: ["fever", "markers", "source", "immune"] }] },
    action: ["inflammatory_markers_cultures", "mri_spine_gadolinium_emergency"],
    warningAction: ["inflammatory_markers_cultures"],
    sources: ["darouiche2006", "finucane2020"],
  },
  {
    id: "spinal_epidural_haematoma",
    name: "spinal epidural haematoma",
    text: "Sudden back pain on anticoagulation followed by a deficit: spinal epidural haematoma until proved otherwise. Reverse anticoagulation with the treating team.",
    warningText:
      "Back pain in a patient on anticoagulation: watch for weakness, numbness or bladder symptoms (spinal epidural haematoma).",
    criteria: [
      { id: "anticoagulation", text: "anticoagulation", anyOf: ["anticoagulation"] },
      { id: "back_pain", text: "back pain", anyOf: ["back_pain"] },
      { id: "acute", text: "acute onset", anyOf: ["onset_acute"] },
      {
        id: "deficit",
        text: "a neurological deficit (weakness, saddle or bladder)",
        anyOf: ["weakness", "bladder_dysfunction", "urinary_retention", "saddle_anaesthesia"],
      },
      { id: "collection", text: "an epidural collection on imaging", anyOf: ["epidural_collection"] },
    ],
    critical: {
      all: ["anticoagulation", "back_pain", "acute"],
      atLeast: [{ n: 1, of: ["deficit", "collection"] }],
    },
    warning: { all: ["anticoagulation", "back_pain"] },
    action: ["mri_spine_emergency"],
    sources: ["kreppel2003"],
  },
  {
    id: "retroperitoneal_haematoma",
    name: "retroperitoneal (iliopsoas) haematoma",
    text: "A femoral or lumbar plexus deficit of recent onset on anticoagulation: retroperitoneal (iliopsoas) haematoma until proved otherwise.",
    warningText:
      "A femoral or lumbar plexus deficit in a patient on anticoagulation: consider a retroperitoneal haematoma.",
    criteria: [
      { id: "anticoagulation", text: "anticoagulation", anyOf: ["anticoagulation"] },
      {
        id: "localization",
        text: "a femoral nerve or lumbar plexus localization",
        anyOf: ["loc_femoral", "loc_lumbar_plexus"],
      },
      { id: "acute", text: "acute onset", anyOf: ["onset_acute"] },
      {
        id: "collection",
        text: "a retroperitoneal collection on imaging",
        anyOf: ["retroperitoneal_collection"],
      },
    ],
    critical: {
      all: ["anticoagulation", "localization"],
      atLeast: [{ n: 1, of: ["acute", "collection"] }],
    },
    warning: { all: ["anticoagulation", "localization"] },
    action: ["ct_abdomen_pelvis_emergency"],
    sources: ["stewart2010", "dyck2014"],
  },
  {
    id: "cord_compression",
    name: "spinal cord compression",
    text: "Upper motor neuron signs or a sensory level with weakness of both legs, and sphincter symptoms, back pain, an acute onset or progression: spinal cord compression until proved otherwise.",
    warningText:
      "Upper motor neuron signs: the lesion may be in the cord or brain, not (only) in the roots or nerves; image the cord or brain.",
    criteria: [
      { id: "umn", text: "upper motor neuron signs", anyOf: ["umn_signs"] },
      { id: "level", text: "a sensory level on the trunk", anyOf: ["sensory_level"] },
      { id: "cord_signal", text: "cord signal change on MRI", anyOf: ["cord_signal_change"] },
      { id: "bilateral", text: "weakness in both legs", anyOf: ["bilateral_weakness"] },
      { id: "bladder", text: "bladder dysfunction", anyOf: ["bladder_dysfunction", "urinary_retention"] },
      { id: "back_pain", text: "back pain", anyOf: ["back_pain", "night_pain"] },
      { id: "progressive", text: "progressive", anyOf: ["progressive", "rapid_progression"] },
      { id: "acute", text: "acute onset", anyOf: ["onset_acute"] },
      { id: "cancer", text: "a history of cancer", anyOf: ["cancer"] },
      { id: "central", text: "a central localization", anyOf: ["loc_cns"] },
    ],
    // Loblaw 1998: new deficits of both legs with back pain, sphincter loss or a level need MRI the same day
    critical: {
      atLeast: [
        { n: 1, of: ["umn", "level", "cord_signal"] },
        { n: 1, of: ["level", "bilateral"] },
        { n: 1, of: ["bladder", "back_pain", "progressive", "acute", "cancer"] },
      ],
    },
    warning: { atLeast: [{ n: 1, of: ["umn", "level", "cord_signal", "central"] }] },
    against: [{ id: "chronic", text: "a course stable over months", anyOf: ["chronic_stable"] }],
    action: ["mri_whole_spine_emergency"],
    warningAction: ["mri_cord", "brain_imaging"],
    sources: ["loblaw1998", "westhout2007", "jellema2006"],
  },
  {
    id: "neoplastic_plexopathy",
    name: "neoplastic plexopathy",
    text: "Cancer history with a plexopathy that is painful, progressive or seen on imaging: tumour invasion or perineural spread until proved otherwise.",
    warningText:
      "Cancer history with a plexopathy: tumour, radiation or treatment effect must be told apart (MRI of the plexus with gadolinium).",
    criteria: [
      { id: "cancer", text: "a history of cancer", anyOf: ["cancer"] },
      { id: "plexus", text: "a plexus localization", anyOf: ["loc_plexus"] },
      { id: "pain", text: "pain", anyOf: ["pain", "night_pain"] },
      { id: "progressive", text: "progressive", anyOf: ["progressive"] },
      {
        id: "imaging",
        text: "a mass, enhancement or FDG uptake on imaging",
        anyOf: ["mass", "pet_uptake", "plexus_enhancement", "plexus_enlargement"],
      },
    ],
    // Jaeckle 1985: pain comes first in most tumour plexopathies; radiation plexopathy is mostly painless
    critical: { all: ["cancer", "plexus"], atLeast: [{ n: 1, of: ["pain", "progressive", "imaging"] }] },
    warning: { all: ["cancer", "plexus"] },
    action: ["mri_plexus_gadolinium", "fdg_pet_ct"],
    warningAction: ["mri_plexus_gadolinium"],
    sources: ["jaeckle1985", "seedPerineural", "lee2022"],
  },
  {
    id: "metastasis_with_pain",
    name: "spinal or nerve metastasis",
    text: "Cancer history with back or leg pain: exclude spinal, plexus or nerve metastasis, urgently if the pain is progressive, nocturnal or does not settle.",
    criteria: [
      { id: "cancer", text: "a history of cancer", anyOf: ["cancer"] },
      { id: "pain", text: "back or leg pain", anyOf: ["back_pain", "radicular_pain", "pain", "night_pain"] },
    ],
    warning: { all: ["cancer", "pain"] },
    action: [],
    warningAction: ["mri_lumbar_spine"],
    sources: ["finucane2020", "statpearlsNlp"],
  },
  {
    id: "compartment_syndrome",
    name: "acute compartment syndrome",
    text: "Pain out of proportion or on passive stretch after injury, swelling or immobility: acute compartment syndrome.",
    warningText:
      "Pain out of proportion or on passive stretch: examine the compartments (acute compartment syndrome).",
    criteria: [
      { id: "pain", text: "pain out of proportion to the injury", anyOf: ["pain_out_of_proportion"] },
      {
        id: "stretch",
        text: "pain on passive stretch of the compartment's muscles",
        anyOf: ["pain_on_passive_stretch"],
      },
      { id: "acute", text: "began within 14 days", anyOf: ["onset_within_14_days"] },
      {
        id: "cause",
        text: "trauma, fracture, prolonged immobility or anticoagulation",
        anyOf: ["trauma", "fracture", "prolonged_immobility", "anticoagulation"],
      },
      { id: "swelling", text: "a swollen, tense compartment", anyOf: ["muscle_swelling"] },
      { id: "paraesthesia", text: "numbness in the compartment's nerve territory", anyOf: ["numbness"] },
    ],
    critical: {
      all: ["acute"],
      atLeast: [
        { n: 1, of: ["pain", "stretch"] },
        { n: 1, of: ["cause", "swelling"] },
      ],
    },
    warning: { atLeast: [{ n: 1, of: ["pain", "stretch"] }] },
    action: ["compartment_pressure"],
    sources: ["mcqueen2000", "statpearlsCompartment"],
  },
];
