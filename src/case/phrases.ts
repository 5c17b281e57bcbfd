/**
 * Phrases of the v1.1 additions whose meaning is more than one closed value: words for `others`,
 * sign words that carry their own negation ("pedal pulses absent"), sensory levels written as
 * landmarks ("at the umbilicus"), cytology results, and synonyms for the controlled history and
 * symptom words. Matching ignores case, spaces, hyphens and apostrophes, as everywhere.
 */
import { fold } from "../atlas/index.js";
import { own, words } from "./values.js";

/** Sources for the phrases that are clinical facts. */
export const PHRASE_SOURCES = {
  kirshblum2011: {
    title: "International standards for neurological classification of spinal cord injury (revised 2011)",
    authors: "Kirshblum SC, Burns SP, Biering-Sorensen F, et al.",
    year: 2011,
    published: "J Spinal Cord Med 34(6):535-546",
    kind: "article",
  },
} as const;

/**
 * Key sensory points of the truncal dermatomes (kirshblum2011): the nipple line is T4, the
 * xiphisternum T6, the umbilicus T10 and the midpoint of the inguinal ligament T12. A sensory level
 * written as a landmark becomes the segment.
 */
const SENSORY_LEVEL_LANDMARKS: Record<string, string> = words({
  T4: ["nipple", "nipples", "nipple line", "nipple level"],
  T6: ["xiphoid", "xiphisternum", "xiphoid process", "xiphisternal"],
  T10: ["umbilicus", "umbilical", "navel", "belly button", "umbilical level"],
  T12: ["inguinal ligament", "inguinal ligaments"],
});

/** A sensory level is one cord segment (the key sensory points run from C2 to S4-5). */
export const SENSORY_LEVEL_PATTERN = /^(C[2-8]|T([1-9]|1[0-2])|L[1-5]|S[1-5])$/;

/** "t10", "T 10", "at T10", "umbilicus" -> "T10"; undefined when the words name no segment. */
export function canonicalSensoryLevel(written: string): string | undefined {
  const core = written
    .trim()
    .replace(
      /^(?:a\s+)?(?:sensory\s+level\s+)?(?:at|to|below|from)?\s*(?:the\s+)?(?:level\s+of\s+(?:the\s+)?)?/i,
      "",
    )
    .replace(/\s+(?:level|dermatome)$/i, "");
  const landmark = own(SENSORY_LEVEL_LANDMARKS, fold(core));
  if (landmark) return landmark;
  const m = /^([CTLS])\s*(\d{1,2})$/i.exec(core);
  if (!m) return undefined;
  const level = `${(m[1] ?? "").toUpperCase()}${Number(m[2])}`;
  return SENSORY_LEVEL_PATTERN.test(level) ? level : undefined;
}

/**
 * Words for `others` (v1.1): "power otherwise 5/5 throughout", "reflexes otherwise normal". Only
 * words that can mean nothing but "the rest of this examination" are listed.
 */
export const OTHERS_WORDS = [
  "others",
  "other",
  "all others",
  "all other",
  "the rest",
  "rest",
  "remaining",
  "the remaining",
  "remainder",
  "otherwise",
  "elsewhere",
  "everywhere else",
  "everything else",
  "throughout",
  "all other muscles",
  "other muscles",
  "remaining muscles",
  "all other movements",
  "other movements",
  "all other reflexes",
  "other reflexes",
  "remaining reflexes",
  "all other regions",
  "other regions",
  "elsewhere in the limb",
];
const OTHERS_KEYS = new Set(OTHERS_WORDS.map(fold));
/** Whether written words stand for `others`. */
export const isOthersWord = (written: string): boolean => OTHERS_KEYS.has(fold(written));

/**
 * Sign words that carry their own negation: "pedal pulses absent" is the sign `pulses` with
 * `present: false`; "negative Tinel" is `tinel`, not present.
 */
export const NEGATED_SIGN_WORDS: Record<string, string> = words({
  pulses: [
    "absent pulses",
    "pulses absent",
    "pedal pulses absent",
    "absent pedal pulses",
    "foot pulses absent",
    "absent foot pulses",
    "no pulses",
    "no pedal pulses",
    "no foot pulses",
    "pulseless",
    "pulseless limb",
    "pulseless foot",
    "impalpable pulses",
    "pulses impalpable",
    "nonpalpable pulses",
    "non-palpable pulses",
    "pulses not palpable",
    "absent dorsalis pedis pulse",
    "absent DP pulse",
  ],
  tinel: ["negative Tinel", "Tinel negative", "no Tinel", "no Tinel sign", "Tinel's negative"],
});

/** A lab result word that means something for one test only (csf_cytology: malignant cells). */
const CYTOLOGY_RESULT_WORDS: Record<string, string> = words({
  elevated: ["malignant cells", "malignant", "positive", "positive for malignancy", "malignant cells seen"],
  normal: ["negative", "no malignant cells", "negative for malignancy", "benign"],
});

export function canonicalCytologyResult(written: string): string | undefined {
  return own(CYTOLOGY_RESULT_WORDS, fold(written));
}

/**
 * Words for the controlled history words. A word that names one item of a controlled word keeps
 * itself as the detail ("nitrous oxide" -> "neurotoxic_exposure:nitrous oxide").
 */
const HISTORY_SYNONYMS: Record<string, { word: string; detail?: boolean }> = Object.fromEntries(
  (
    [
      [
        "peripheral_arterial_disease",
        ["PAD", "PVD", "peripheral vascular disease", "peripheral artery disease", "arterial insufficiency"],
      ],
      [
        "hip_joint_disease",
        [
          "hip osteoarthritis",
          "hip arthritis",
          "hip OA",
          "osteoarthritis of the hip",
          "avascular necrosis of the hip",
        ],
      ],
      [
        "knee_surgery",
        ["knee replacement", "knee arthroplasty", "TKR", "TKA", "total knee replacement", "knee arthroscopy"],
      ],
      [
        "bariatric_surgery",
        ["gastric bypass", "gastric sleeve", "sleeve gastrectomy", "weight loss surgery", "gastric banding"],
      ],
      ["autoimmune_disease", ["autoimmune", "autoimmune disorder"]],
      [
        "family_history_neuropathy",
        ["family history of neuropathy", "hereditary neuropathy", "familial neuropathy", "FHx neuropathy"],
      ],
      [
        "kidney_disease",
        [
          "CKD",
          "chronic kidney disease",
          "renal failure",
          "renal disease",
          "dialysis",
          "ESRD",
          "haemodialysis",
          "hemodialysis",
        ],
      ],
      ["injection_drug_use", ["IVDU", "IV drug use", "intravenous drug use", "PWID", "injecting drug use"]],
    ] as [string, string[]][]
  ).flatMap(([word, ws]) => ws.map((w) => [fold(w), { word }])),
);
const HISTORY_DETAIL_SYNONYMS: Record<string, string> = words({
  neurotoxic_exposure: [
    "nitrous oxide",
    "N2O",
    "laughing gas",
    "whippets",
    "solvents",
    "n-hexane",
    "solvent abuse",
    "glue sniffing",
  ],
  cancer: ["malignancy"],
});

/** The controlled history word for a synonym, with its detail, or undefined. */
export function historySynonym(written: string): string | undefined {
  const key = fold(written);
  const hit = own(HISTORY_SYNONYMS, key);
  if (hit) return hit.word;
  const word = own(HISTORY_DETAIL_SYNONYMS, key);
  return word ? `${word}:${written.trim()}` : undefined;
}

/** Words for the controlled symptom words (also for `context.denies`). */
const SYMPTOM_SYNONYMS: Record<string, string> = words({
  night_pain: ["nocturnal pain", "pain at night", "night-time pain", "nighttime pain", "pain worse at night"],
  unsteady_gait: [
    "gait unsteadiness",
    "unsteadiness",
    "unsteady walking",
    "imbalance",
    "off balance",
    "unsteady on feet",
  ],
  urinary_retention: ["retention", "retention of urine", "unable to void", "inability to void"],
  pain_out_of_proportion: [
    "pain out of proportion",
    "pain out of proportion to examination",
    "pain out of proportion to exam",
    "disproportionate pain",
  ],
  pain_on_passive_stretch: [
    "pain with passive stretch",
    "pain on passive stretching",
    "passive stretch pain",
  ],
  bladder_dysfunction: ["bladder symptoms", "urinary symptoms", "bladder problems"],
  bowel_dysfunction: ["bowel symptoms", "bowel problems"],
  fever: ["fevers", "pyrexia", "febrile"],
  back_pain: ["low back pain", "LBP", "backache"],
  weakness: ["weak"],
  numbness: ["numb"],
});

/** The controlled symptom word for a synonym, or undefined. */
export const symptomSynonym = (written: string): string | undefined => own(SYMPTOM_SYNONYMS, fold(written));
