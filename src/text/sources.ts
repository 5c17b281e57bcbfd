/**
 * Where the reading conventions of the extractor come from. Keys with an `atlas:` prefix are in
 * src/atlas/data/sources.ts.
 */
export const TEXT_SOURCES = {
  chapman2001: {
    title: "A simple algorithm for identifying negated findings and diseases in discharge summaries (NegEx)",
    authors: "Chapman WW, Bridewell W, Hanbury P, Cooper GF, Buchanan BG",
    year: 2001,
    published: "Journal of Biomedical Informatics 34(5):301-310",
  },
  harkema2009: {
    title:
      "ConText: an algorithm for determining negation, experiencer, and temporal status from clinical reports",
    authors: "Harkema H, Dowling JN, Thornblade T, Chapman WW",
    year: 2009,
    published: "Journal of Biomedical Informatics 42(5):839-851",
    url: "https://doi.org/10.1016/j.jbi.2009.05.002",
  },
  chapmanNegexRepo: {
    title: "NegEx and pyConTextNLP trigger lists (negex_triggers.txt, lexical_kb)",
    authors: "Chapman WW et al.",
    year: 2013,
    published: "GitHub chapmanbe/negex and chapmanbe/pyConTextNLP",
    url: "https://github.com/chapmanbe/negex",
  },
  eyre2021: {
    title: "Launching into clinical space with medspaCy: a new clinical text processing toolkit in Python",
    authors: "Eyre H, Chapman AB, Peterson KS, et al.",
    year: 2021,
    published: "AMIA Annual Symposium Proceedings 2021:438-447 (ConText rules in medspacy/context)",
    url: "https://github.com/medspacy/medspacy",
  },
  denny2009: {
    title: "Evaluation of a method to identify and categorize section headers in clinical documents (SecTag)",
    authors: "Denny JC, Spickard A 3rd, Johnson KB, Peterson NB, Peterson JF, Miller RA",
    year: 2009,
    published: "Journal of the American Medical Informatics Association 16(6):806-815",
    url: "https://doi.org/10.1197/jamia.M3037",
  },
  dengler2020: {
    title: "AANEM-IFCN glossary of terms in neuromuscular electrodiagnostic medicine and ultrasound",
    authors: "Dengler R, de Carvalho M, Shahrizaila N, et al.",
    year: 2020,
    published: "Muscle & Nerve 62(1):10-12 (the glossary itself online; also Clinical Neurophysiology 2020)",
    url: "https://doi.org/10.1002/mus.26868",
  },
  ginsberg2020: {
    title: "Using and interpreting electrodiagnostic tests (glossary of common electrodiagnostic terms)",
    authors: "Ginsberg MR, Morren JA, Levin KH",
    year: 2020,
    published: "Cleveland Clinic Journal of Medicine 87(11):671-682",
    url: "https://www.ccjm.org/content/87/11/671",
  },
  fardon2014: {
    title:
      "Lumbar disc nomenclature: version 2.0. Recommendations of the combined task forces of the North American Spine Society, the American Society of Spine Radiology and the American Society of Neuroradiology",
    authors: "Fardon DF, Williams AL, Dohring EJ, Murtagh FR, Gabriel Rothman SL, Sze GK",
    year: 2014,
    published: "The Spine Journal 14(11):2525-2545",
  },
  deville2000: {
    title: "The test of Lasegue: systematic review of the accuracy in diagnosing herniated discs",
    authors: "Deville WL, van der Windt DA, Dzaferagic A, Bezemer PD, Bouter LM",
    year: 2000,
    published: "Spine 25(9):1140-1147",
  },
  olney1999: {
    title: "Consensus criteria for the diagnosis of partial conduction block",
    authors: "Olney RK (American Association of Electrodiagnostic Medicine)",
    year: 1999,
    published: "Muscle & Nerve Supplement 8:S225-S229",
  },
  litvan1996: {
    title: "Reliability of the NINDS Myotatic Reflex Scale",
    authors: "Litvan I, Mangone CA, Werden W, et al.",
    year: 1996,
    published: "Neurology 47(4):969-972",
    url: "https://pubmed.ncbi.nlm.nih.gov/8857728/",
  },
  ada2024: {
    title: "Diagnosis and Classification of Diabetes: Standards of Care in Diabetes-2024",
    authors: "American Diabetes Association Professional Practice Committee",
    year: 2024,
    published: "Diabetes Care 47(Suppl 1):S20-S42",
  },
  vandenbergh2021: {
    title:
      "European Academy of Neurology/Peripheral Nerve Society guideline on diagnosis and treatment of chronic inflammatory demyelinating polyradiculoneuropathy: report of a joint task force, second revision",
    authors: "Van den Bergh PYK, van Doorn PA, Hadden RDM, et al.",
    year: 2021,
    published: "Journal of the Peripheral Nervous System 26(3):242-268",
  },
  kirshblum2011: {
    title: "International standards for neurological classification of spinal cord injury (revised 2011)",
    authors: "Kirshblum SC, Burns SP, Biering-Sorensen F, et al.",
    year: 2011,
    published: "Journal of Spinal Cord Medicine 34(6):535-546",
  },
  kyriakides2010: {
    title: "EFNS guidelines on the diagnostic approach to pauci- or asymptomatic hyperCKemia",
    authors: "Kyriakides T, Angelini C, Schaefer J, et al.",
    year: 2010,
    published: "European Journal of Neurology 17(6):767-773",
  },
  brigden1999: {
    title: "Clinical utility of the erythrocyte sedimentation rate",
    authors: "Brigden ML",
    year: 1999,
    published: "American Family Physician 60(5):1443-1450",
  },
  pepys2003: {
    title: "C-reactive protein: a critical update",
    authors: "Pepys MB, Hirschfield GM",
    year: 2003,
    published: "Journal of Clinical Investigation 111(12):1805-1812",
  },
  kratz2022: {
    title: "Laboratory values of clinical importance (appendix)",
    authors: "Kratz A, Pesce MA, Basner RC, Einstein AJ",
    year: 2022,
    published: "Harrison's Principles of Internal Medicine, 21st edition, McGraw Hill",
  },
} as const;

/**
 * The assertion triggers of assertion.ts: negation before and after, pseudo-negation and scope
 * terminators after NegEx (Chapman 2001 and its published trigger list), uncertainty, time and
 * experiencer after ConText (Harkema 2009) and medspaCy's ConText rules (Eyre 2021), with the
 * clinic's shorthand added ("neg", "-ve", "bilat", "query").
 */
export const ASSERTION_TRIGGERS = {
  sources: ["chapman2001", "chapmanNegexRepo", "harkema2009", "eyre2021"],
} as const;

/**
 * A straight leg raise is positive when it reproduces the leg pain below about 70 degrees of hip
 * flexion (most positive tests fall between 30 and 70); raised to 70 degrees or more without pain
 * it is read as negative.
 */
export const SLR_POSITIVE_BELOW_DEGREES = { degrees: 70, sources: ["deville2000"] } as const;

/**
 * "SNAPs normal", "CMAPs reduced" with no nerve named: the routine lower-limb studies of an
 * electrodiagnostic examination, the sural and superficial peroneal sensory and the peroneal and
 * tibial motor studies.
 */
export const ROUTINE_STUDIES = {
  sensory: ["sural_sensory", "superficial_peroneal_sensory"],
  motor: ["peroneal_motor_edb", "tibial_motor_ah"],
  sources: ["atlas:preston2020"],
} as const;

/** Lower limits of normal conduction velocity of the routine lower-limb motor studies, m/s. */
export const NCS_VELOCITY_LLN = {
  mps: { peroneal_motor_edb: 44, peroneal_motor_ta: 44, tibial_motor_ah: 41 },
  sources: ["atlas:preston2020"],
} as const;

/**
 * A motor velocity this fraction of the lower limit or less is in the demyelinating range (the
 * EAN/PNS criteria for CIDP: slowing of 30 % or more below the lower limit of normal). There the
 * slowing, not a low amplitude, is what the study shows.
 */
export const DEMYELINATING_VELOCITY = { fractionOfLln: 0.7, sources: ["vandenbergh2021"] } as const;

/**
 * Partial conduction block between two stimulation sites: the proximal CMAP amplitude at least
 * this fraction smaller than the distal one over a short segment (peroneal 50 %; the tibial nerve,
 * with more temporal dispersion, 60 %).
 */
export const CONDUCTION_BLOCK_DROP = {
  fraction: { peroneal_motor_edb: 0.5, peroneal_motor_ta: 0.5, tibial_motor_ah: 0.6, femoral_motor: 0.5 },
  sources: ["olney1999"],
} as const;

/**
 * A joint graded as a whole ("hip 3/5", "4-/5 at the left knee") is read as the key movements of
 * the ISNCSCI motor examination at that joint: hip flexion (L2), knee extension (L3), ankle
 * dorsiflexion (L4) and plantarflexion (S1).
 */
export const JOINT_MOVEMENTS = {
  joints: {
    hip: ["hip_flexion"],
    knee: ["knee_extension"],
    ankle: ["ankle_dorsiflexion", "ankle_plantarflexion"],
  },
  sources: ["kirshblum2011"],
} as const;

export type TextSourceKey =
  | keyof typeof TEXT_SOURCES
  | "atlas:aids2010"
  | "atlas:kendall2005"
  | "atlas:preston2020";

/** Reflex grades on the NINDS scale: 0 absent, 1+ reduced, 2+ normal, 3+ brisk, 4+ brisk with clonus. */
export const REFLEX_SCALE = {
  grades: { "0": "absent", "1": "reduced", "2": "normal", "3": "brisk", "4": "brisk" },
  sources: ["litvan1996"],
} as const;

/**
 * Words for MRC grades (the Kendall / Lovett scale): zero 0, trace 1, poor 2, fair 3, good 4,
 * normal 5. The MRC numbers themselves follow the MRC memorandum.
 */
export const MRC_WORDS = {
  words: { zero: "0", trace: "1", poor: "2", fair: "3", good: "4", normal: "5", full: "5" },
  sources: ["atlas:kendall2005", "atlas:aids2010"],
} as const;

/**
 * A "stocking" distribution of sensory loss, and a whole foot ("over both feet", "the whole R
 * foot"), is read as the skin of the foot: its dorsum, lateral border and the two halves of the
 * sole; "the distal leg" and "below the knees" as the skin of the leg below the knee all round
 * (and the foot) (the atlas's region list is the source of the ids).
 * Whole-examination statements ("sensation was normal") are written as v1.1 `others` findings,
 * not expanded into regions.
 */
export const ROUTINE_REGIONS = {
  foot: ["foot_dorsum", "foot_lateral", "sole_medial", "sole_lateral"],
  /** The leg below the knee all round: its front and outer face, its inner face and the calf. */
  leg: ["leg_anterolateral", "leg_medial", "calf_posterior"],
  sources: ["atlas:aids2010"],
} as const;

/**
 * A muscle reported normal on needle examination is normal in every part of the examination:
 * insertional activity, no spontaneous activity at rest, normal motor unit potentials and full
 * recruitment. Paraspinal muscles are examined at rest only (their motor units are not graded).
 */
export const NORMAL_NEEDLE = {
  fields: { insertional: "normal", spontaneous: "none", muap: "normal", recruitment: "normal" },
  restOnly: ["paraspinal"],
  sources: ["atlas:preston2020"],
} as const;

/**
 * Reference limits for laboratory values written without a word. Above `above` a value is
 * elevated whoever the patient is; at or below `normalUpTo` it is normal whoever the patient is;
 * between the two the limit depends on sex, age or ancestry, which a note seldom states, and the
 * value is not judged.
 * - CK (U/L): upper limits differ by sex and ancestry, from 217 (white women) to 801 (black men);
 *   1.5 times the highest is abnormal for anyone (Kyriakides 2010, after Brewster 2007).
 * - ESR (mm/h, Westergren): normal to about 15 in younger adults; the upper limit rises with age
 *   to about (age + 10) / 2 in women (Miller 1983), so 50 is above it until 90 (Brigden 1999).
 * - CRP: below 5 mg/L (0.5 mg/dL) in most healthy adults; 10 mg/L (1 mg/dL) or more is raised
 *   (Pepys 2003).
 * - WBC (10^9/L): 4.0 to 11.0 (Kratz, Harrison's appendix).
 * - CSF protein: 15 to 45 mg/dL (0.15 to 0.45 g/L); CSF cells: up to 5 per microlitre (Kratz,
 *   Harrison's appendix).
 */
export const LAB_REFERENCE = {
  ck: { above: 1202, normalUpTo: 217 },
  esr: { above: 50, normalUpTo: 15 },
  crpMgL: { above: 10, normalUpTo: 5 },
  crpMgDl: { above: 1, normalUpTo: 0.5 },
  wbc: { above: 11.1, normalUpTo: 11 },
  csfProteinMgDl: { above: 46, normalUpTo: 45 },
  csfProteinGL: { above: 0.46, normalUpTo: 0.45 },
  csfCells: { above: 6, normalUpTo: 5 },
  sources: ["kyriakides2010", "brigden1999", "pepys2003", "kratz2022"],
} as const;
