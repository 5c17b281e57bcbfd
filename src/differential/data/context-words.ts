import type { ClueId } from "../types.js";

/**
 * Words in free-text history and symptoms (and in the `:detail` of known ones) that carry a clue.
 * Checked in order, case-insensitively; a phrase can carry several clues. These are synonyms in
 * the clinic's words, not rules for particular cases.
 */
export interface ContextWord {
  pattern: RegExp;
  clues: ClueId[];
  /** Only in history, only in symptoms, or both. */
  in: "history" | "symptoms" | "both";
  /** Words in the same entry that take the clue back ("minor" accident is not major trauma). */
  unless?: RegExp;
}

export const PELVIC_CANCER =
  /cervi|uter|endometri|ovar|rect|colo|sigmoid|anal\b|prostat|bladder|urothel|vulv|vagin|sarcoma|lymphoma|retroperiton|renal|kidney/i;

export const contextWords: ContextWord[] = [
  { pattern: /diabet/i, clues: ["diabetes"], in: "history" },
  {
    pattern: /cancer|carcinoma|malignan|metasta|lymphoma|sarcoma|myeloma|leuka?emia|neoplas/i,
    clues: ["cancer"],
    in: "history",
  },
  {
    pattern:
      /anticoag|warfarin|heparin|enoxaparin|lovenox|apixaban|rivaroxaban|dabigatran|edoxaban|coumadin/i,
    clues: ["anticoagulation"],
    in: "history",
  },
  {
    pattern: /pelvic (radiation|radiotherapy|irradiation)|brachytherapy/i,
    clues: ["pelvic_radiation"],
    in: "history",
  },
  {
    pattern: /chemotherap|capecitabine|cisplatin|oxaliplatin|paclitaxel|vincristine/i,
    clues: ["chemotherapy"],
    in: "history",
  },
  {
    pattern:
      /laminectomy|discectomy|spinal fusion|spine surgery|decompression of the spine|epidural neuroplasty|disc decompression/i,
    clues: ["spine_surgery"],
    in: "history",
  },
  {
    pattern: /arthroplasty|hip replacement|hip surgery|hip fracture/i,
    clues: ["hip_surgery"],
    in: "history",
  },
  {
    pattern:
      /hysterectomy|caesarean|cesarean|prostatectomy|laparotomy|colectomy|pelvic surgery|cystectomy|hernia repair/i,
    clues: ["pelvic_surgery"],
    in: "history",
  },
  { pattern: /lithotomy/i, clues: ["lithotomy_position"], in: "history" },
  {
    pattern:
      /knee (arthroscop|arthroplasty|replacement|surgery)|total knee|saphenous vein|vein (harvest|stripping)|varicose vein/i,
    clues: ["knee_surgery"],
    in: "history",
  },
  { pattern: /fracture|accident|injur|trauma|\bfall\b|fell/i, clues: ["trauma"], in: "history" },
  {
    pattern:
      /pelvic fracture|acetabul|sacral fracture|femoral fracture|motor ?(vehicle|cycle)|road traffic|car (accident|crash)|crush|fall from (a )?height|polytrauma|gunshot|high[- ]energy|run over/i,
    clues: ["major_trauma"],
    in: "history",
    unless: /\b(minor|trivial|slight|low[- ]energy)\b/i,
  },
  {
    pattern: /pelvic fracture|acetabul|pubic rami|sacral fracture|iliac wing|pelvic ring/i,
    clues: ["pelvic_fracture"],
    in: "history",
  },
  { pattern: /pregnan|deliver|labou?r\b|postpartum|puerper/i, clues: ["pregnancy_delivery"], in: "history" },
  { pattern: /weight loss|lost weight|bariatric/i, clues: ["weight_loss"], in: "both" },
  {
    pattern: /bariatric|gastric bypass|gastrectomy|sleeve gastrectomy/i,
    clues: ["bariatric_surgery"],
    in: "history",
  },
  { pattern: /alcohol/i, clues: ["alcohol"], in: "history" },
  { pattern: /smok|cigarette|tobacco/i, clues: ["smoking"], in: "history" },
  {
    pattern:
      /coronary|myocardial infarction|stemi|angina|atrial fibrillation|antiphospholipid|thrombophilia|peripheral arter|carotid|arterial (occlusion|embol|thromb)|vascular disease/i,
    clues: ["vascular_risk"],
    in: "history",
  },
  {
    pattern: /immunosupp|transplant|\bhiv\b|long-term steroid|prednisolone|prednisone|neutropeni/i,
    clues: ["immunosuppression"],
    in: "history",
  },
  {
    pattern: /injection drug|intravenous drug|\biv drug|heroin|people who inject/i,
    clues: ["injection_drug_use"],
    in: "history",
  },
  {
    pattern:
      /injection drug|intravenous drug|iv drug|sepsis|bacteremia|bacteraemia|endocarditis|urinary tract infection/i,
    clues: ["infection"],
    in: "history",
  },
  {
    pattern: /gluteal injection|intramuscular injection/i,
    clues: ["intramuscular_injection"],
    in: "history",
  },
  { pattern: /leg crossing|crossed legs|squatting/i, clues: ["leg_crossing"], in: "history" },
  {
    pattern: /immobil|bed rest|coma|prolonged (sitting|kneeling)/i,
    clues: ["prolonged_immobility"],
    in: "history",
  },
  {
    pattern: /runner|running|marathon|tight shoe|ski boot|ballet/i,
    clues: ["repetitive_ankle_load"],
    in: "history",
  },
  { pattern: /shingles|zoster|vesicular rash|vesicles/i, clues: ["zoster"], in: "both" },
  { pattern: /sarcoid/i, clues: ["sarcoidosis"], in: "history" },
  {
    pattern:
      /recurrent|relapsing|previous (episode|palsy|foot drop|attack)|second episode|episodes? of (painless )?(foot drop|palsy|weakness)/i,
    clues: ["recurrent_episodes"],
    in: "both",
  },
  {
    pattern: /nitrous oxide|laughing gas|whippet|\bN2O\b|solvent|toluene|n-hexane/i,
    clues: ["neurotoxic_exposure"],
    in: "history",
  },
  { pattern: /b12 defici|vitamin b12|pernicious an|cobalamin/i, clues: ["b12_low"], in: "history" },
  {
    pattern: /rheumatoid|lupus|sj[oö]gren|vasculitis|polyarteritis|granulomatosis|cryoglobulin/i,
    clues: ["autoimmune_disease"],
    in: "history",
  },
  {
    pattern:
      /family history of (neuropathy|charcot|cmt|hnpp|palsies|foot drop)|(mother|father|brother|sister|sibling)s? (with|had) .*(neuropathy|palsies|foot drop)/i,
    clues: ["family_history_neuropathy"],
    in: "history",
  },
  { pattern: /pes cavus|high arch|hammer ?toe/i, clues: ["pes_cavus"], in: "both" },
  {
    pattern:
      /baker'?s?\b[^,;.]{0,15}cyst|popliteal cyst|knee (osteo)?arthritis|arthritis[^,;.]{0,20}\bknees?\b|knee effusion|knee replacement/i,
    clues: ["knee_joint_disease"],
    in: "history",
  },
  // symptoms
  { pattern: /painless|without pain|no pain/i, clues: ["painless"], in: "symptoms" },
  { pattern: /\bpain\b|\bache|aching|burning|\bsore\b/i, clues: ["pain"], in: "symptoms" },
  {
    pattern: /back[\s_]?pain|backache|lumbago|low back|interscapular/i,
    clues: ["back_pain"],
    in: "symptoms",
  },
  { pattern: /sciatica|radicular|shooting (leg )?pain/i, clues: ["radicular_pain"], in: "symptoms" },
  { pattern: /fever|pyrexi|febrile/i, clues: ["fever"], in: "symptoms" },
  { pattern: /claudicat|pain on walking/i, clues: ["claudication"], in: "symptoms" },
  { pattern: /cramp/i, clues: ["cramps"], in: "symptoms" },
  { pattern: /weak|buckl|foot drop|giving way/i, clues: ["weakness"], in: "symptoms" },
  { pattern: /numb|tingl|pins and needles|paraesthe|paresthe/i, clues: ["numbness"], in: "symptoms" },
  { pattern: /urinary|retention|incontinen|bladder/i, clues: ["bladder_dysfunction"], in: "symptoms" },
  {
    pattern: /(urinary|bladder) retention|retention of urine|cannot pass urine/i,
    clues: ["urinary_retention"],
    in: "symptoms",
  },
  { pattern: /erectile|sexual dysfunction|impoten/i, clues: ["sexual_dysfunction"], in: "symptoms" },
  { pattern: /night pain|pain at night|nocturnal pain/i, clues: ["night_pain"], in: "symptoms" },
  { pattern: /bowel|faecal|fecal/i, clues: ["bowel_dysfunction"], in: "symptoms" },
  { pattern: /progress|worsening/i, clues: ["progressive"], in: "symptoms" },
  {
    pattern: /(calf|thigh|leg|muscle) (swelling|enlargement)|swollen (calf|thigh|leg|muscle)/i,
    clues: ["muscle_swelling"],
    in: "symptoms",
  },
];
