/**
 * Imaging and laboratory tests as the planner weighs them beside the examination and the
 * electrodiagnostic study: what each finds (sensitivity for the differential's conditions, and how
 * often it is abnormal for another reason), what it costs, how long the result takes, where it is
 * done, and the work-up item (src/differential/data/workup.ts) it is, so that "next test" and
 * "work-up" name the same test. Sensitivities are Locus's estimates from the cited sources, rounded;
 * change them here, never in code.
 */
import type { Level } from "../../case/schema.js";
import type { Rated } from "./burden.js";

export type Availability = "clinic" | "hospital" | "specialist centre";

/**
 * How much harder a test is to get where it is done, as a multiplier on its cost: a blood test or
 * a clinic test is at hand; a hospital scanner needs a booking; a specialist centre (plexus MRI,
 * PET/CT, nerve ultrasound with an examiner trained in it) may need a referral. Locus's judgment.
 */
export const availabilityCost: Record<Availability, number> = {
  clinic: 1,
  hospital: 1.2,
  "specialist centre": 1.5,
};

export interface Order {
  /** The planner's test: kind, id (an imaging modality or a laboratory test of FORMAT.md) and side. */
  test: { kind: "imaging" | "lab"; id: string; side: "per-side" | "bilateral" };
  /** Whether the study is read with contrast (a gadolinium MRI is another test from a plain one). */
  contrast?: boolean;
  name: string;
  /**
   * The work-up item this test is (its `doneWhen` says when the case already holds it); tests the
   * differential's work-up does not list yet carry their own `doneWhen`.
   */
  workup?: string;
  /** Other work-up items that are this test done now (a red flag's emergency version of it). */
  alsoWorkup?: string[];
  doneWhen?: { labs: string[] };
  /** Sensitivity for each condition it finds (differential condition ids). */
  finds: Record<string, number>;
  /** Chance of an abnormal result that points to none of these (incidental or other causes). */
  falsePositive: number;
  /**
   * Sensitivity for a lesion at a level of FORMAT.md, where the test also answers where the lesion
   * is (a raised CK puts it in muscle); imaging the localization engine reads is predicted by the
   * engine instead.
   */
  levels?: Partial<Record<Level, number>>;
  burden: Rated;
  /** Days until the result is usually in the clinician's hands. */
  days: number;
  availability: Availability;
  sources: string[];
}

const rated = (value: number, why: string, sources: string[]): Rated => ({ value, why, sources });

export const orders: Order[] = [
  {
    test: { kind: "imaging", id: "mri_spine", side: "per-side" },
    name: "MRI of the lumbosacral spine",
    workup: "mri_lumbar_spine",
    alsoWorkup: ["mri_spine_emergency"],
    finds: {
      lumbar_disc_radiculopathy: 0.9,
      lumbar_spinal_stenosis: 0.95,
      cauda_equina_syndrome: 0.95,
      conus_medullaris_syndrome: 0.9,
      spinal_metastasis: 0.9,
      spinal_epidural_abscess: 0.85,
      spinal_epidural_hematoma: 0.95,
      infectious_spondylitis: 0.85,
    },
    falsePositive: 0.3,
    burden: rated(
      6,
      "Lumbosacral MRI costs far more than bedside or electrodiagnostic tests, takes a scanner slot and half an hour supine, and often shows incidental degenerative change.",
      ["brinjikji2015", "boden1990"],
    ),
    days: 3,
    availability: "hospital",
    sources: ["brinjikji2015", "levin2002", "todd2017", "darouiche2006"],
  },
  {
    test: { kind: "imaging", id: "ultrasound", side: "per-side" },
    name: "nerve ultrasound",
    workup: "nerve_ultrasound",
    finds: {
      common_peroneal_neuropathy: 0.5,
      peroneal_intraneural_ganglion_cyst: 0.9,
      peroneal_extraneural_ganglion_cyst: 0.9,
      popliteal_ganglion_cyst: 0.9,
      peripheral_nerve_sheath_tumor: 0.85,
      neoplastic_lumbosacral_plexopathy: 0.3,
    },
    falsePositive: 0.05,
    burden: rated(
      3,
      "Nerve ultrasound is painless and done at the bedside or in the laboratory, but needs a trained examiner and time.",
      ["preston2020"],
    ),
    days: 0,
    availability: "specialist centre",
    sources: ["spinner2003", "seedPerineural", "preston2020"],
  },
  {
    test: { kind: "imaging", id: "mri_spine", side: "bilateral" },
    contrast: true,
    name: "MRI of the lumbosacral spine with gadolinium",
    workup: "mri_spine_gadolinium",
    alsoWorkup: ["mri_spine_gadolinium_emergency"],
    finds: {
      neuralgic_amyotrophy: 0.6,
      idiopathic_lumbosacral_radiculoplexus_neuropathy: 0.5,
      diabetic_lumbosacral_radiculoplexus_neuropathy: 0.5,
      leptomeningeal_infiltration: 0.7,
      spinal_metastasis: 0.95,
      guillain_barre_syndrome: 0.6,
      cidp: 0.5,
      herpes_zoster_radiculitis: 0.5,
      neurosarcoidosis: 0.6,
      spinal_epidural_abscess: 0.95,
      infectious_spondylitis: 0.9,
    },
    falsePositive: 0.05,
    burden: rated(
      7,
      "As a plain lumbosacral MRI, with an intravenous line and gadolinium (avoided in severe kidney disease).",
      ["brinjikji2015", "seedChang2017"],
    ),
    days: 3,
    availability: "hospital",
    sources: ["seedChang2017", "dyck2014", "darouiche2006", "leonhard2019"],
  },
  {
    test: { kind: "imaging", id: "mri_plexus", side: "per-side" },
    contrast: true,
    name: "MRI of the lumbosacral plexus with gadolinium",
    workup: "mri_plexus_gadolinium",
    finds: {
      neoplastic_lumbosacral_plexopathy: 0.85,
      radiation_lumbosacral_plexopathy: 0.6,
      retroperitoneal_hematoma: 0.95,
      psoas_abscess: 0.95,
      diabetic_lumbosacral_radiculoplexus_neuropathy: 0.4,
      idiopathic_lumbosacral_radiculoplexus_neuropathy: 0.4,
      peripheral_nerve_sheath_tumor: 0.9,
      obstetric_lumbosacral_plexopathy: 0.3,
    },
    falsePositive: 0.05,
    burden: rated(
      8,
      "Pelvic (plexus) MRI needs a dedicated protocol, usually gadolinium, and a radiologist used to reading the plexus.",
      ["dyck2002", "stewart2010"],
    ),
    days: 5,
    availability: "specialist centre",
    sources: ["jaeckle1985", "seedPerineural", "lee2022", "statpearlsNlp", "dyck2014"],
  },
  {
    test: { kind: "imaging", id: "pet_ct", side: "bilateral" },
    name: "FDG PET/CT",
    workup: "fdg_pet_ct",
    finds: {
      neoplastic_lumbosacral_plexopathy: 0.9,
      spinal_metastasis: 0.85,
      peripheral_nerve_sheath_tumor: 0.7,
    },
    falsePositive: 0.08,
    burden: rated(
      10,
      "A radiation dose, a fasting preparation and an hour in the department; available in fewer centres than MRI.",
      ["lee2022", "statpearlsNlp"],
    ),
    days: 7,
    availability: "specialist centre",
    sources: ["seedPerineural", "lee2022", "statpearlsNlp"],
  },
  {
    test: { kind: "imaging", id: "ct", side: "bilateral" },
    name: "CT of the abdomen and pelvis",
    workup: "ct_abdomen_pelvis_emergency",
    finds: { retroperitoneal_hematoma: 0.95, psoas_abscess: 0.9, neoplastic_lumbosacral_plexopathy: 0.7 },
    falsePositive: 0.05,
    burden: rated(5, "Quick and widely available, with a radiation dose and usually contrast.", ["dyck2014"]),
    days: 0,
    availability: "hospital",
    sources: ["dyck2014", "stewart2010", "jaeckle1985"],
  },
  {
    test: { kind: "imaging", id: "mri_brain", side: "bilateral" },
    name: "MRI of the brain",
    workup: "brain_imaging",
    finds: { stroke: 0.9, intracerebral_hemorrhage: 0.95, parasagittal_mass: 0.95 },
    falsePositive: 0.05,
    levels: { cns: 0.9 },
    burden: rated(6, "A scanner slot and half an hour supine, like a spinal MRI.", ["westhout2007"]),
    days: 3,
    availability: "hospital",
    sources: ["westhout2007"],
  },
  {
    test: { kind: "lab", id: "ck", side: "bilateral" },
    name: "creatine kinase (blood)",
    workup: "ck",
    finds: {
      myopathy: 0.8,
      inclusion_body_myositis: 0.7,
      focal_myositis: 0.5,
      diabetic_muscle_infarction: 0.5,
      compartment_syndrome: 0.8,
      acute_limb_ischemia: 0.6,
    },
    falsePositive: 0.08,
    levels: { muscle: 0.7 },
    burden: rated(1.5, "A blood sample: one venepuncture, cheap, done anywhere.", ["trujillo2003"]),
    days: 1,
    availability: "clinic",
    sources: ["trujillo2003", "seedSaini2021", "kamath2008"],
  },
  {
    test: { kind: "lab", id: "hba1c", side: "bilateral" },
    name: "fasting glucose and HbA1c",
    workup: "glucose_hba1c",
    finds: {
      diabetic_lumbosacral_radiculoplexus_neuropathy: 0.95,
      length_dependent_polyneuropathy: 0.35,
      diabetic_muscle_infarction: 0.95,
    },
    falsePositive: 0.1,
    burden: rated(1.5, "A blood sample.", ["england2005"]),
    days: 1,
    availability: "clinic",
    sources: ["dyck2002", "england2005"],
  },
  {
    test: { kind: "lab", id: "vitamin_b12", side: "bilateral" },
    name: "vitamin B12 (with methylmalonic acid if borderline)",
    workup: "b12_mma",
    finds: {
      b12_deficiency_neuropathy: 0.9,
      nitrous_oxide_neuropathy: 0.7,
      length_dependent_polyneuropathy: 0.1,
    },
    falsePositive: 0.05,
    burden: rated(1.5, "A blood sample.", ["stabler2013"]),
    days: 2,
    availability: "clinic",
    sources: ["stabler2013", "garakani2016", "england2005"],
  },
  {
    test: { kind: "lab", id: "spep", side: "bilateral" },
    name: "serum protein electrophoresis with immunofixation",
    workup: "spep_immunofixation",
    finds: { length_dependent_polyneuropathy: 0.1, cidp: 0.2 },
    falsePositive: 0.03,
    burden: rated(1.5, "A blood sample.", ["england2005"]),
    days: 5,
    availability: "clinic",
    sources: ["england2005"],
  },
  {
    test: { kind: "lab", id: "csf_protein", side: "bilateral" },
    name: "lumbar puncture: CSF protein, cells and cytology",
    workup: "csf",
    finds: {
      guillain_barre_syndrome: 0.8,
      cidp: 0.9,
      leptomeningeal_infiltration: 0.6,
      neurosarcoidosis: 0.6,
      herpes_zoster_radiculitis: 0.5,
    },
    falsePositive: 0.1,
    burden: rated(6, "A lumbar puncture: a needle in the back, an hour lying flat, headache in some.", [
      "leonhard2019",
    ]),
    days: 2,
    availability: "hospital",
    sources: ["leonhard2019", "dyck2014"],
  },
  {
    test: { kind: "lab", id: "crp", side: "bilateral" },
    name: "CRP, ESR, white cell count and blood cultures",
    workup: "inflammatory_markers_cultures",
    finds: {
      spinal_epidural_abscess: 0.9,
      infectious_spondylitis: 0.9,
      psoas_abscess: 0.9,
      vasculitic_neuropathy: 0.7,
    },
    falsePositive: 0.15,
    burden: rated(1.5, "Blood samples.", ["darouiche2006"]),
    days: 1,
    availability: "clinic",
    sources: ["darouiche2006", "finucane2020"],
  },
];

/** The work-up items an order stands for. */
export const workupsOf = (o: Order): string[] => [...(o.workup ? [o.workup] : []), ...(o.alsoWorkup ?? [])];
