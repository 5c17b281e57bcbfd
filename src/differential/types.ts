/**
 * The shapes of the differential: the condition catalogue (data), the clues read from a case,
 * and the answer. Every type here is plain JSON, so a Differential can be stored, sent and
 * compared as it is. The JSON shape of `Differential` is a stable interface (see docs/differential.md).
 */
import type { Level } from "../case/schema.js";
import type { NotEnough } from "./sufficiency.js";

/** A key into `data/sources.ts`. */
export type SourceKey = string;

/**
 * Something read from the case (or from its localization) that raises or lowers a condition.
 * Clue ids are the vocabulary shared by the catalogue, the red flags and the work-up;
 * `clues.ts` is the only place that reads a case to find them.
 */
export const CLUE_IDS = [
  // patient
  "age_under_40",
  "age_40_to_64",
  "age_65_or_over",
  "female",
  "male",
  // onset and course
  "onset_acute",
  "onset_subacute",
  "onset_chronic",
  "progressive",
  "rapid_progression",
  "progression_within_4_weeks",
  "onset_within_14_days",
  "contralateral_spread",
  "course_stable",
  "course_improving",
  "course_worsening",
  "chronic_stable",
  // history
  "diabetes",
  "cancer",
  "cancer_pelvic",
  "pelvic_radiation",
  "chemotherapy",
  "anticoagulation",
  "spine_surgery",
  "hip_surgery",
  "knee_surgery",
  "pelvic_surgery",
  "lithotomy_position",
  "trauma",
  "major_trauma",
  "pelvic_fracture",
  "pregnancy_delivery",
  "weight_loss",
  "alcohol",
  "smoking",
  "vascular_risk",
  "prolonged_immobility",
  "intramuscular_injection",
  "leg_crossing",
  "infection",
  "immunosuppression",
  "repetitive_ankle_load",
  "zoster",
  "sarcoidosis",
  "recurrent_episodes",
  "knee_joint_disease",
  "injection_drug_use",
  "peripheral_arterial_disease",
  "hip_joint_disease",
  "family_history_neuropathy",
  "neurotoxic_exposure",
  "autoimmune_disease",
  "bariatric_surgery",
  "kidney_disease",
  // symptoms
  "back_pain",
  "radicular_pain",
  "neuropathic_pain",
  "pain",
  "painless",
  "pain_before_weakness",
  "weakness",
  "numbness",
  "bladder_dysfunction",
  "urinary_retention",
  "bilateral_sciatica",
  "night_pain",
  "unsteady_gait",
  "pain_out_of_proportion",
  "pain_on_passive_stretch",
  "bowel_dysfunction",
  "sexual_dysfunction",
  "claudication",
  "cramps",
  "fever",
  "muscle_swelling",
  // examination
  "bilateral_weakness",
  "proximal_weakness",
  "asymmetric_weakness",
  "severe_weakness",
  "pure_motor",
  "saddle_anaesthesia",
  "umn_signs",
  "areflexia_bilateral",
  "hypertrophy",
  "atrophy",
  "fasciculations",
  "straight_leg_raise",
  "femoral_stretch",
  "muscle_tenderness",
  "distal_symmetric_sensory_loss",
  "pulses_absent",
  "cold_pale_limb",
  "arm_weakness",
  "facial_weakness",
  "sensory_level",
  "pes_cavus",
  "hip_pain_on_rotation",
  // electrodiagnosis
  "emg_fibrillations",
  "emg_neurogenic",
  "emg_myopathic",
  "emg_myokymia",
  "emg_fasciculations",
  "emg_crd",
  "emg_normal_in_weak_muscle",
  "paraspinal_denervation",
  "paraspinal_spared",
  "snap_reduced_in_territory",
  "length_dependent_ncs",
  // imaging
  "spine_compression_concordant",
  "disc_compression_concordant",
  "stenosis_compression_concordant",
  "spine_compression_discordant",
  "spine_imaging_normal",
  "canal_stenosis",
  "disc_herniation",
  "root_enhancement",
  "plexus_enlargement",
  "plexus_enhancement",
  "nerve_enlargement",
  "mass",
  "cystic_mass",
  "intraneural_cyst",
  "extraneural_cyst",
  "hematoma",
  "retroperitoneal_collection",
  "brain_lesion",
  "cord_signal_change",
  "flow_voids",
  "muscle_edema",
  "muscle_edema_in_denervated_territory",
  "muscle_edema_without_denervation",
  "muscle_fatty_change",
  "pet_uptake",
  "hip_joint_disease_on_imaging",
  "arterial_occlusion",
  "epidural_collection",
  "fracture",
  // laboratory
  "ck_elevated",
  "ck_normal",
  "glucose_elevated",
  "hba1c_elevated",
  "inflammatory_markers_elevated",
  "csf_protein_elevated",
  "csf_pleocytosis",
  "csf_normal",
  "csf_albuminocytologic",
  "csf_malignant_cells",
  "b12_low",
  // the localization
  "loc_root",
  "loc_plexus",
  "loc_lumbar_plexus",
  "loc_femoral",
  "loc_cauda_equina",
  "loc_conus",
  "loc_cns",
  "loc_polyneuropathy",
  "loc_anterior_horn",
  "loc_bilateral",
] as const;
export type ClueId = (typeof CLUE_IDS)[number];

/** Why a clue is held to be present: words for the clinician and the case findings behind it. */
export interface ClueEvidence {
  text: string;
  /** Indexes into case.findings (empty when the clue comes from context or the localization). */
  findings: number[];
}
export type Clues = Map<ClueId, ClueEvidence>;

/** One lesion shape a condition produces, in FORMAT.md's localization vocabulary. */
export interface LocalizationPattern {
  level: Level;
  /**
   * Sites the lesion may cover (a lesion matches when all its sites are among these, comparing
   * nerve ids before any "@segment" unless the pattern names a segment). Omitted: any sites.
   */
  sites?: string[];
  /** Share of the condition's presentations with a lesion of this shape (0 to 1, an estimate). */
  fit: number;
  /** Which side pattern the condition usually has; a mismatch costs a factor (see score.ts). */
  side?: "unilateral" | "bilateral" | "any";
  /** Most sites one lesion of this condition usually covers; more costs a factor. */
  maxSites?: number;
}

/** A clue's effect on one condition: a likelihood ratio with its reason and source. */
export interface ClueEffect {
  clue: ClueId;
  /** Likelihood ratio: > 1 raises the condition, < 1 lowers it. */
  lr: number;
  /** Why, in the clinic's words. */
  why: string;
  /**
   * Likelihood ratio when the clue is not found in the case, for conditions that are diagnosed by
   * that clue (no muscle oedema recorded: hardly denervation oedema). Omitted: absence says nothing.
   */
  absent?: number;
  sources: SourceKey[];
}

export type Course = "monophasic" | "progressive" | "relapsing" | "stepwise" | "fluctuating";

export interface ConditionCodes {
  /** ICD-10-CM (public domain): the code for an unspecified or only side. */
  icd10cm: string;
  /** ICD-10-CM by side, where the classification has laterality. */
  icd10cmBySide?: { left: string; right: string; bilateral: string };
  /** Further ICD-10-CM codes that usually go with it (cause, manifestation). */
  icd10cmAlso?: string[];
  /** SNOMED CT concept id, only where it was confirmed (licence: see docs/differential.md). */
  snomed?: string;
}

export interface Condition {
  id: string;
  name: string;
  /** One or two sentences: what it is and how it presents. */
  summary: string;
  /** A must-not-miss mimic or emergency (listed even when unlikely, see `differential`). */
  mustNotMiss?: boolean;
  codes: ConditionCodes;
  /**
   * Relative frequency among adults seen for a painful, weak or numb leg in a neurology,
   * spine or EMG clinic (an estimate from the sources; only ratios matter).
   */
  prior: number;
  produces: LocalizationPattern[];
  onset: ("acute" | "subacute" | "chronic")[];
  course: Course[];
  /** The pain pattern, in words (e.g. "severe pain first, weakness as the pain eases"). */
  pain: string;
  /** Clue effects: onset, course, pain, context, EMG, imaging and laboratory clues. */
  evidence: ClueEffect[];
  /** Work-up item ids (data/workup.ts), most useful first. */
  workup: string[];
  sources: SourceKey[];
}

/** A test or step: what to do next and why, with its sources. */
export interface WorkupItem {
  id: string;
  test: string;
  why: string;
  /** Lessons from the literature and the seed cases on reading or timing this test. */
  lessons?: string[];
  urgency: "emergency" | "urgent" | "routine";
  /** Findings that show the test was already done (any one of them). */
  doneWhen?: {
    /**
     * Imaging modalities, each alone ("mri_spine") or with the region words one of which the
     * finding's text or level must contain ("ct:abdomen|pelvis": a CT of the abdomen is not a CT
     * of the spine).
     */
    imaging?: string[];
    labs?: string[];
    emg?: boolean;
    ncs?: boolean;
  };
  sources: SourceKey[];
}

/**
 * One published criterion of a red flag, in the clinic's words: it holds when any of its clues is
 * present, and counts against the flag when the patient denies it (context.denies).
 */
export interface RedFlagCriterion {
  id: string;
  text: string;
  anyOf: ClueId[];
}

/**
 * A defined minimum combination of criteria (ids of the flag's criteria): every one in `all`, and
 * for each group in `atLeast`, at least `n` of its `of`.
 */
export interface RedFlagThreshold {
  all?: string[];
  atLeast?: { n: number; of: string[] }[];
}

export interface RedFlagRule {
  id: string;
  /** The condition the flag is about, in words ("Guillain-Barré syndrome"). */
  name: string;
  /** What to do when the critical combination holds. */
  text: string;
  /** What to say when only the warning combination holds. */
  warningText?: string;
  criteria: RedFlagCriterion[];
  /** The combination that makes the flag critical (the published minimum); omitted: a warning only. */
  critical?: RedFlagThreshold;
  /** A smaller combination that makes it a warning; omitted: the flag is critical or silent. */
  warning?: RedFlagThreshold;
  /**
   * Findings that argue against the emergency (a course stable for months): any one present turns
   * a critical flag into a warning, and is shown beside it.
   */
  against?: RedFlagCriterion[];
  /** Work-up item ids to do now (critical), and when only a warning. */
  action: string[];
  warningAction?: string[];
  sources: SourceKey[];
}

// ---------------------------------------------------------------- the answer

/** One multiplication in a condition's score, kept as a reason for or against. */
export interface DifferentialReason {
  /** What kind of evidence: the localization fit, the prior by context, or a clue. */
  kind: "localization" | "clue";
  clue?: ClueId;
  text: string;
  /** The factor it multiplied the condition's odds by. */
  factor: number;
  /** Indexes into case.findings behind it. */
  findings: number[];
  sources: SourceKey[];
}

export interface RankedCondition {
  id: string;
  name: string;
  probability: number;
  mustNotMiss: boolean;
  for: DifferentialReason[];
  against: DifferentialReason[];
  codes: { icd10cm: string; icd10cmAlso?: string[]; snomed?: string };
  workup: WorkupItem[];
  sources: SourceKey[];
}

/** A criterion as read in this case. */
export interface RedFlagCriterionResult {
  id: string;
  text: string;
  /** holds: a clue is present; denied: the patient denies it; absent: not in the case. */
  status: "holds" | "denied" | "absent";
  /** What in the case makes it hold (empty otherwise). */
  evidence: string[];
}

export interface RedFlag {
  id: string;
  name: string;
  severity: "critical" | "warning";
  text: string;
  /** The criteria that hold, with what in the case shows them (kept for older readers). */
  because: string[];
  /** Every criterion of the flag, holding or not, in the data's order. */
  criteria: RedFlagCriterionResult[];
  /** What in the case argues against the emergency (turns critical into warning). */
  against: string[];
  /** Indexes into case.findings behind it. */
  findings: number[];
  /** The tests to do now that the case does not already hold. */
  action: WorkupItem[];
  sources: SourceKey[];
}

export interface Differential {
  /**
   * ok: a differential is given; not_enough: the case holds no abnormal finding to localize, so
   * no condition is ranked (red flags read from the history still are) and `notEnough` says why.
   */
  status: "ok" | "not_enough";
  notEnough?: NotEnough;
  /** Conditions ranked by probability (normalised over the catalogue), most likely first. */
  conditions: RankedCondition[];
  /** Red flags: never suppressed by the ranking. */
  redFlags: RedFlag[];
  /**
   * The work-up for this case: red-flag actions first, then the leading conditions', by urgency;
   * `for` says which flags or conditions ask for it, `done` whether the case already has it.
   */
  workup: (WorkupItem & { for: string[]; done: boolean })[];
  /** Probability mass of conditions not listed. */
  other: number;
  /** Catalogue version (changes when conditions or numbers change). */
  catalogueVersion: string;
}

export interface DifferentialOptions {
  /** How many conditions to list (default 10). Must-not-miss conditions above 1% are always kept. */
  limit?: number;
}
