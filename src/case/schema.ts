/**
 * The LocusCase v1 schema, with the additions of v1.1: one zod schema for the contract in
 * ../shared/FORMAT.md, exported also as JSON Schema (`caseJsonSchema()` in index.ts, `locus schema`
 * on the command line).
 *
 * The schema checks the shape of a case and every closed list of words FORMAT.md gives. Atlas ids
 * (movements, muscles, reflexes, skin regions, studies, lesion sites) are checked for shape only:
 * input may name them by synonym, abbreviation or group word ("knee jerk", "TA", "quadriceps"), and
 * `normalize.ts` turns those into canonical ids, or says which known id was probably meant.
 */
import { z } from "zod";

export const FORMAT_ID = "locus-case/1";

export const SIDES = ["left", "right", "bilateral"] as const;
export const side = z
  .enum(SIDES)
  .describe("left | right | bilateral; a finding without a side applies to both");
export type Side = z.infer<typeof side>;

export const SEXES = ["male", "female", "other", "unknown"] as const;
export const ONSETS = ["acute", "subacute", "chronic"] as const;
export type Onset = (typeof ONSETS)[number];
/** v1.1: how the complaint has moved since onset. */
export const COURSES = ["improving", "stable", "worsening", "fluctuating"] as const;
export type Course = (typeof COURSES)[number];

/**
 * v1.1 whole-examination statements: a `strength` target, `reflex` or sensory `region` of `others`
 * stands for every item of that kind not named elsewhere in the case, on the finding's side ("power
 * otherwise 5/5 throughout"). Items named elsewhere keep their own value. The canonical case keeps
 * the marker as written (the word `others`); it is never expanded into items, so the engine decides
 * what it covers. Test for it with `namesOthers`.
 */
export const OTHERS = "others" as const;
export type Others = typeof OTHERS;
/** The finding kinds that may name `others`, and the field that does. */
export const OTHERS_FIELDS = { strength: "target", reflex: "reflex", sensory: "region" } as const;

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
  // v1.1
  "peripheral_arterial_disease",
  "hip_joint_disease",
  "knee_surgery",
  "bariatric_surgery",
  "autoimmune_disease",
  "family_history_neuropathy",
  "kidney_disease",
  "neurotoxic_exposure",
  "injection_drug_use",
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
  // v1.1
  "night_pain",
  "unsteady_gait",
  "urinary_retention",
  "pain_out_of_proportion",
  "pain_on_passive_stretch",
] as const;
export type SymptomWord = (typeof SYMPTOM_WORDS)[number];

/** An atlas id as written: whether it names a known id is checked by normalize.ts. */
const atlasWord = (what: string) =>
  z.string().min(1, `${what} must not be empty`).describe(`${what}: an atlas id, or a synonym for one`);

/** "0" to "5" with an optional "+" or "-", the canonical string form of an MRC grade. */
export const MRC_PATTERN = /^[0-5][+-]?$/;
export const mrc = z
  .union([
    z.number().int("an MRC grade given as a number is a whole number from 0 to 5").min(0).max(5),
    z
      .string()
      .regex(/^([0-5][+-]?|weak)$/, 'an MRC grade: 0 to 5 with optional "+" or "-" (e.g. "4-"), or "weak"'),
  ])
  .describe(
    'MRC grade: 0 to 5, as number or string, with optional "+"/"-" ("4-"), or "weak" without a grade',
  );
export type Mrc = z.infer<typeof mrc>;

const base = { side: side.optional() };

/** An atlas id, or `others` for every item of the kind not named elsewhere (v1.1). */
const atlasWordOrOthers = (what: string) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .describe(
      `${what}: an atlas id or a synonym for one, or "others" for every ${what.replace(/^an? /, "")} not named elsewhere in the case on this side`,
    );

export const strengthFinding = z.strictObject({
  kind: z.literal("strength"),
  ...base,
  target: atlasWordOrOthers("a movement or muscle"),
  mrc,
});

export const REFLEX_IDS = [
  "patellar",
  "achilles",
  "medial_hamstring",
  "adductor",
  "cremasteric",
  "anal",
  "bulbocavernosus",
  "plantar",
] as const;
export const REFLEX_GRADES = ["absent", "reduced", "normal", "brisk", "flexor", "extensor"] as const;
/** The grades of a tendon reflex; `flexor` and `extensor` are for the plantar response only. */
export const TENDON_REFLEX_GRADES = ["absent", "reduced", "normal", "brisk"] as const;
export const PLANTAR_GRADES = ["flexor", "extensor"] as const;
export const reflexFinding = z.strictObject({
  kind: z.literal("reflex"),
  ...base,
  reflex: atlasWordOrOthers("a reflex"),
  grade: z
    .enum(REFLEX_GRADES)
    .describe("absent | reduced | normal | brisk; for the plantar response: flexor | extensor"),
});

export const SENSORY_CHANGES = ["absent", "reduced", "increased", "paresthesia", "pain", "normal"] as const;
export const SENSORY_MODALITIES = ["pinprick", "light_touch", "vibration", "proprioception"] as const;
export const sensoryFinding = z.strictObject({
  kind: z.literal("sensory"),
  ...base,
  region: atlasWordOrOthers("a skin region"),
  change: z.enum(SENSORY_CHANGES),
  modality: z.enum(SENSORY_MODALITIES).optional(),
});

export const SPONTANEOUS = ["none", "fibrillations", "fasciculations", "myokymia", "crd"] as const;
export const emgFinding = z
  .strictObject({
    kind: z.literal("emg"),
    ...base,
    muscle: atlasWord("a muscle"),
    spontaneous: z.enum(SPONTANEOUS).optional(),
    grade: z
      .number()
      .int()
      .min(1)
      .max(4)
      .optional()
      .describe("fibrillation grade 1 to 4; only with spontaneous: fibrillations"),
    insertional: z.enum(["normal", "increased", "reduced"]).optional(),
    muap: z.enum(["normal", "neurogenic", "myopathic", "none"]).optional(),
    recruitment: z.enum(["normal", "reduced", "discrete", "none", "early"]).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.grade !== undefined && f.spontaneous !== "fibrillations")
      ctx.addIssue({
        code: "custom",
        path: ["grade"],
        message: `"grade" grades fibrillations; give "spontaneous": "fibrillations" with it (found ${f.spontaneous === undefined ? "no spontaneous activity" : `"${f.spontaneous}"`})`,
        input: f.grade,
        params: { expected: 'a grade only together with "spontaneous": "fibrillations"' },
      });
  });

export const NCS_RESULTS = ["normal", "reduced", "absent", "prolonged", "slowed", "block"] as const;
export type NcsResult = (typeof NCS_RESULTS)[number];

/** Atlas nerve-site ids (`Atlas.site(id)`), filled in by Locus from place words; may be given. */
const siteIds = (what: string) =>
  z
    .array(z.string().min(1))
    .optional()
    .describe(
      `atlas nerve-site ids that ${what} names (common_peroneal@fibular_head); Locus fills this in from the words when it recognises the place`,
    );

export const ncsFinding = z
  .strictObject({
    kind: z.literal("ncs"),
    ...base,
    study: atlasWord("a nerve conduction study"),
    result: z
      .enum(NCS_RESULTS)
      .describe(
        "normal | reduced | absent | prolonged (latency) | slowed (velocity) | block (conduction block or focal slowing across a segment)",
      ),
    segment: z
      .string()
      .min(1, "a segment must not be empty")
      .optional()
      .describe('with result block: the stretch of nerve, in site words ("fibular head", "across the knee")'),
    segmentSites: siteIds("the segment"),
    amplitude: z.number().nonnegative().optional(),
    unit: z.enum(["mV", "uV"]).optional().describe("unit of the amplitude"),
    velocity: z.number().nonnegative().optional().describe("m/s"),
    latency: z.number().nonnegative().optional().describe("ms"),
    percentOfContralateral: z.number().nonnegative().optional(),
  })
  .superRefine((f, ctx) => {
    for (const key of ["segment", "segmentSites"] as const)
      if (f[key] !== undefined && f.result !== "block")
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `"${key}" names the stretch of a conduction block or focal slowing; give "result": "block" with it (found "${f.result}")`,
          input: f[key],
          params: { expected: 'a segment only together with "result": "block"' },
        });
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
  // v1.1
  "tinel",
  "pulses",
  "cold_pale_limb",
  "pes_cavus",
  "hip_pain_on_rotation",
  "sensory_level",
  "arm_weakness",
  "facial_weakness",
] as const;
export type Sign = (typeof SIGNS)[number];
export const signFinding = z
  .strictObject({
    kind: z.literal("sign"),
    ...base,
    sign: z.enum(SIGNS),
    target: z
      .string()
      .min(1)
      .optional()
      .describe(
        'a muscle id, or a body part word (calf, thigh); for tinel the place percussed in site words ("fibular head"); for sensory_level the level ("T10"); for pulses the pulse ("dorsalis pedis")',
      ),
    targetSites: siteIds("a tinel target"),
    present: z
      .boolean()
      .optional()
      .describe(
        "true (the default) or false; for pulses, false = the foot pulses are absent or much reduced",
      ),
  })
  .superRefine((f, ctx) => {
    if (f.targetSites !== undefined && f.sign !== "tinel")
      ctx.addIssue({
        code: "custom",
        path: ["targetSites"],
        message: `"targetSites" names the nerve sites of a Tinel sign; found it with "sign": "${f.sign}"`,
        input: f.targetSites,
        params: { expected: '"targetSites" only with "sign": "tinel"' },
      });
  });

export const IMAGING_MODALITIES = [
  "mri_spine",
  "mri_plexus",
  "mri_limb",
  "ct",
  "ultrasound",
  "pet_ct",
  "xray",
  // v1.1
  "mri_brain",
  "ct_brain",
  "vascular",
] as const;
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
  // v1.1
  "cord_signal_change",
  "brain_lesion",
  "joint_disease",
  "fracture",
  "arterial_occlusion",
] as const;
export type ImagingTag = (typeof IMAGING_TAGS)[number];
/** A vertebral level ("S1") or a pair ("L4-L5", "L5-S1", "T12-L1"). */
export const SPINAL_LEVEL_PATTERN =
  /^(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5])(-(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]))?$/;
export const imagingFinding = z.strictObject({
  kind: z.literal("imaging"),
  ...base,
  modality: z.enum(IMAGING_MODALITIES),
  tags: z.array(z.enum(IMAGING_TAGS)),
  level: z.string().regex(SPINAL_LEVEL_PATTERN, 'a spinal level such as "L4-L5" or "S1"').optional(),
  text: z.string().optional().describe("the report's words"),
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
  // v1.1
  "wbc",
  "psa",
  "csf_cytology",
] as const;
export const labFinding = z.strictObject({
  kind: z.literal("lab"),
  ...base,
  test: z.enum(LAB_TESTS),
  result: z
    .enum(["normal", "elevated", "low"])
    .describe("normal | elevated | low; for csf_cytology, elevated = malignant cells"),
  value: z.number().optional(),
  unit: z.string().min(1).optional(),
});

export const FINDING_KINDS = [
  "strength",
  "reflex",
  "sensory",
  "emg",
  "ncs",
  "sign",
  "imaging",
  "lab",
] as const;
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

/** The object schema of each finding kind, for tools that need one kind's fields. */
export const FINDING_SCHEMAS = {
  strength: strengthFinding,
  reflex: reflexFinding,
  sensory: sensoryFinding,
  emg: emgFinding,
  ncs: ncsFinding,
  sign: signFinding,
  imaging: imagingFinding,
  lab: labFinding,
} as const;

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
/** Levels whose lesion is a diffuse process, named without sites. */
export const DIFFUSE_LEVELS = [
  "polyneuropathy",
  "polyradiculopathy",
  "cauda_equina",
  "conus",
  "anterior_horn",
] as const satisfies readonly Level[];

export const lesion = z.strictObject({
  level: z.enum(LEVELS),
  sites: z
    .array(z.string().min(1))
    .describe(
      "root ids for root; lumbar_plexus, lumbosacral_trunk, sacral_plexus for plexus; nerve ids with an optional @segment for nerve; muscle ids for muscle; empty for the diffuse levels",
    ),
  side: side.describe("the side of the body the lesion affects (also for cns)"),
});
export type Lesion = z.infer<typeof lesion>;

const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, "a snake_case condition id");

export const expected = z
  .strictObject({
    localization: z.array(lesion).min(1),
    alsoAcceptable: z.array(z.array(lesion).min(1)).optional(),
    diagnosis: snakeId.optional().describe("a condition id from the condition catalogue"),
    alsoAcceptableDiagnoses: z.array(snakeId).optional(),
  })
  .describe("the right answer, for evaluation sets only; the engine never reads it");
export type Expected = z.infer<typeof expected>;

export const patient = z.strictObject({
  age: z.number().min(0).max(130).optional().describe("years"),
  sex: z.enum(SEXES).optional(),
});

export const context = z.strictObject({
  onset: z
    .enum(ONSETS)
    .optional()
    .describe("acute (up to 4 weeks) | subacute (4 to 12 weeks) | chronic (over 12 weeks)"),
  durationDays: z
    .number()
    .nonnegative()
    .optional()
    .describe("days since onset; may be a fraction (hours: 6 hours = 0.25)"),
  course: z.enum(COURSES).optional().describe("improving | stable | worsening | fluctuating"),
  history: z
    .array(z.string().min(1))
    .optional()
    .describe(
      `controlled words with an optional ":detail" (cancer:cervical): ${HISTORY_WORDS.join(", ")}; other words are kept as free text`,
    ),
  symptoms: z
    .array(z.string().min(1))
    .optional()
    .describe(`controlled words: ${SYMPTOM_WORDS.join(", ")}; other words are kept as free text`),
  denies: z
    .array(z.string().min(1))
    .optional()
    .describe(
      `symptoms the patient was asked about and denies, in the symptom words (${SYMPTOM_WORDS.join(", ")}); other words are kept as free text`,
    ),
});

export const locusCase = z
  .strictObject({
    format: z.literal(FORMAT_ID),
    id: z.string().min(1, "a case id must not be empty"),
    source: z.string().optional().describe("where the case comes from"),
    patient: patient.optional(),
    context: context.optional(),
    findings: z.array(finding),
    expected: expected.optional(),
    narrative: z.string().optional().describe("the case as prose"),
    notes: z.string().optional(),
    meta: z.record(z.string(), z.unknown()).optional().describe("anything; the engine ignores it"),
  })
  .describe(
    "A LocusCase: one patient's leg, as examined and tested (FORMAT.md, locus-case/1 with the v1.1 additions)",
  );
export type LocusCase = z.infer<typeof locusCase>;
export type Patient = z.infer<typeof patient>;
export type CaseContext = z.infer<typeof context>;

/** Whether a strength, reflex or sensory finding names `others` (v1.1) rather than one item. */
export function namesOthers(f: Finding): f is StrengthFinding | ReflexFinding | SensoryFinding {
  return (
    (f.kind === "strength" && f.target === OTHERS) ||
    (f.kind === "reflex" && f.reflex === OTHERS) ||
    (f.kind === "sensory" && f.region === OTHERS)
  );
}
