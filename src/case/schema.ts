/**
 * The LocusCase v1 schema: one zod schema for the contract in ../shared/FORMAT.md.
 * Ids are checked for shape here (snake_case strings); whether an id exists in the atlas,
 * and what a synonym stands for, is the job of `normalize.ts`.
 */
import { z } from "zod";

export const SIDES = ["left", "right", "bilateral"] as const;
export const side = z.enum(SIDES);
export type Side = z.infer<typeof side>;

export const ONSETS = ["acute", "subacute", "chronic"] as const;

export const HISTORY_WORDS = [
  "diabetes",
  "cancer",
  "pelvic_radiation",
  "chemotherapy",
  "anticoagulation",
  "spine_surgery",
  "hip_surgery",
  "pelvic_surgery",
  "trauma",
  "pregnancy_delivery",
  "weight_loss",
  "alcohol",
  "smoking",
  "prolonged_immobility",
  "intramuscular_injection",
  "leg_crossing",
  "infection",
] as const;
export type HistoryWord = (typeof HISTORY_WORDS)[number];

export const SYMPTOM_WORDS = [
  "back_pain",
  "radicular_pain",
  "neuropathic_pain",
  "pain_before_weakness",
  "weakness",
  "numbness",
  "bladder_dysfunction",
  "bowel_dysfunction",
  "sexual_dysfunction",
  "claudication",
  "cramps",
  "progressive",
  "contralateral_spread",
  "fever",
] as const;
export type SymptomWord = (typeof SYMPTOM_WORDS)[number];

/** An id as written: normalisation (synonyms, case, spaces) happens after parsing. */
const id = z.string().min(1, "an id must not be empty");

export const MRC_PATTERN = /^[0-5][+-]?$/;
export const mrc = z.union([
  z.number().int().min(0).max(5),
  z
    .string()
    .regex(/^([0-5][+-]?|weak)$/, 'an MRC grade: 0 to 5 with optional "+" or "-" (e.g. "4-"), or "weak"'),
]);

const base = { side: side.optional() };

export const strengthFinding = z.strictObject({
  kind: z.literal("strength"),
  ...base,
  target: id,
  mrc,
});

export const REFLEX_GRADES = ["absent", "reduced", "normal", "brisk", "flexor", "extensor"] as const;
export const reflexFinding = z.strictObject({
  kind: z.literal("reflex"),
  ...base,
  reflex: id,
  grade: z.enum(REFLEX_GRADES),
});

export const SENSORY_CHANGES = ["absent", "reduced", "increased", "paresthesia", "pain", "normal"] as const;
export const sensoryFinding = z.strictObject({
  kind: z.literal("sensory"),
  ...base,
  region: id,
  change: z.enum(SENSORY_CHANGES),
  modality: z.enum(["pinprick", "light_touch", "vibration", "proprioception"]).optional(),
});

export const emgFinding = z.strictObject({
  kind: z.literal("emg"),
  ...base,
  muscle: id,
  spontaneous: z.enum(["none", "fibrillations", "fasciculations", "myokymia", "crd"]).optional(),
  grade: z.number().int().min(1).max(4).optional(),
  insertional: z.enum(["normal", "increased", "reduced"]).optional(),
  muap: z.enum(["normal", "neurogenic", "myopathic", "none"]).optional(),
  recruitment: z.enum(["normal", "reduced", "discrete", "none", "early"]).optional(),
});

export const ncsFinding = z.strictObject({
  kind: z.literal("ncs"),
  ...base,
  study: id,
  result: z.enum(["normal", "reduced", "absent", "prolonged", "slowed"]),
  amplitude: z.number().nonnegative().optional(),
  unit: z.enum(["mV", "uV"]).optional(),
  velocity: z.number().nonnegative().optional(),
  latency: z.number().nonnegative().optional(),
  percentOfContralateral: z.number().nonnegative().optional(),
});

export const SIGNS = [
  "straight_leg_raise",
  "crossed_straight_leg_raise",
  "femoral_stretch",
  "atrophy",
  "hypertrophy",
  "fasciculations",
  "foot_drop",
  "trendelenburg",
  "clonus",
  "babinski",
  "tenderness",
] as const;
export const signFinding = z.strictObject({
  kind: z.literal("sign"),
  ...base,
  sign: z.enum(SIGNS),
  target: z.string().min(1).optional(),
  present: z.boolean().optional(),
});

export const IMAGING_TAGS = [
  "disc_herniation",
  "foraminal_stenosis",
  "canal_stenosis",
  "lateral_recess_stenosis",
  "spondylolisthesis",
  "synovial_cyst",
  "root_enhancement",
  "plexus_enlargement",
  "plexus_enhancement",
  "nerve_enlargement",
  "mass",
  "hematoma",
  "muscle_edema",
  "muscle_fatty_change",
  "muscle_hypertrophy",
  "normal",
] as const;
export type ImagingTag = (typeof IMAGING_TAGS)[number];
export const imagingFinding = z.strictObject({
  kind: z.literal("imaging"),
  ...base,
  modality: z.enum(["mri_spine", "mri_plexus", "mri_limb", "ct", "ultrasound", "pet_ct", "xray"]),
  tags: z.array(z.enum(IMAGING_TAGS)),
  level: z
    .string()
    .regex(/^(T1[0-2]|L[1-5]|S[1-5])(-(T1[0-2]|L[1-5]|S[1-5]))?$/, 'a spinal level such as "L4-L5" or "S1"')
    .optional(),
  text: z.string().optional(),
});

export const LAB_TESTS = [
  "ck",
  "glucose",
  "hba1c",
  "esr",
  "crp",
  "csf_protein",
  "csf_cells",
  "vitamin_b12",
  "spep",
] as const;
export const labFinding = z.strictObject({
  kind: z.literal("lab"),
  ...base,
  test: z.enum(LAB_TESTS),
  result: z.enum(["normal", "elevated", "low"]),
  value: z.number().optional(),
  unit: z.string().optional(),
});

export const finding = z.discriminatedUnion("kind", [
  strengthFinding,
  reflexFinding,
  sensoryFinding,
  emgFinding,
  ncsFinding,
  signFinding,
  imagingFinding,
  labFinding,
]);
export type Finding = z.infer<typeof finding>;
export type FindingKind = Finding["kind"];
export type StrengthFinding = z.infer<typeof strengthFinding>;
export type ReflexFinding = z.infer<typeof reflexFinding>;
export type SensoryFinding = z.infer<typeof sensoryFinding>;
export type EmgFinding = z.infer<typeof emgFinding>;
export type NcsFinding = z.infer<typeof ncsFinding>;
export type SignFinding = z.infer<typeof signFinding>;
export type ImagingFinding = z.infer<typeof imagingFinding>;
export type LabFinding = z.infer<typeof labFinding>;

export const LEVELS = [
  "root",
  "plexus",
  "nerve",
  "muscle",
  "polyneuropathy",
  "polyradiculopathy",
  "cauda_equina",
  "conus",
  "anterior_horn",
  "cns",
  "none",
] as const;
export type Level = (typeof LEVELS)[number];

export const lesion = z.strictObject({
  level: z.enum(LEVELS),
  sites: z.array(z.string()),
  side,
});
export type Lesion = z.infer<typeof lesion>;

export const expected = z.strictObject({
  localization: z.array(lesion).min(1),
  alsoAcceptable: z.array(z.array(lesion).min(1)).optional(),
  diagnosis: z.string().optional(),
  alsoAcceptableDiagnoses: z.array(z.string()).optional(),
});
export type Expected = z.infer<typeof expected>;

export const locusCase = z.strictObject({
  format: z.literal("locus-case/1"),
  id: z.string().min(1).optional(),
  source: z.string().optional(),
  patient: z
    .strictObject({
      age: z.number().min(0).max(130).optional(),
      sex: z.enum(["male", "female", "other", "unknown"]).optional(),
    })
    .optional(),
  context: z
    .strictObject({
      onset: z.enum(ONSETS).optional(),
      durationDays: z.number().nonnegative().optional(),
      history: z.array(z.string().min(1)).optional(),
      symptoms: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  findings: z.array(finding),
  expected: expected.optional(),
  narrative: z.string().optional(),
  notes: z.string().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type LocusCase = z.infer<typeof locusCase>;
