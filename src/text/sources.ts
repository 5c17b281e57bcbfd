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
  kirshblum2011: {
    title: "International standards for neurological classification of spinal cord injury (revised 2011)",
    authors: "Kirshblum SC, Burns SP, Biering-Sorensen F, et al.",
    year: 2011,
    published: "Journal of Spinal Cord Medicine 34(6):535-546",
  },
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
 * "Power normal throughout" names no movement. Locus reads it as the five lower-limb key muscle
 * groups of the ISNCSCI motor examination (one per segment L2 to S1), the usual minimal screen,
 * graded 5 on the sides it speaks of, leaving out what the note grades elsewhere.
 */
export const KEY_MOVEMENTS = {
  ids: ["hip_flexion", "knee_extension", "ankle_dorsiflexion", "great_toe_extension", "ankle_plantarflexion"],
  sources: ["kirshblum2011"],
} as const;
