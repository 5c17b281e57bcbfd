/**
 * A small sentence splitter for clinic notes and case reports as they come out of PDFs.
 *
 * - A line break ends a sentence only after . ! ? or :, before or after a heading, a table row or a
 *   figure or table caption; PDF text wraps lines anywhere, often with blank lines between them.
 * - Inside a line, ". " followed by a capital, a digit or "(" ends a sentence unless the word before
 *   is an abbreviation ("Fig.", "e.g.", "et al.", "Inc.").
 * - Headings set the section: the patient's story ("Case report", "Clinical details", "History",
 *   "Examination") or the literature around it ("Introduction", "Background", "Discussion",
 *   "Conclusion", "References"). Figure and table captions and table rows describe the patient
 *   wherever the layout put them. A note without headings is all patient.
 * - Sentences about the course after treatment ("three months after finishing treatment",
 *   "follow-up EMG") are marked `followUp`: Locus reads the presentation.
 * - No unit is longer than MAX_UNIT characters: text that never ends a sentence (a list without
 *   full stops, a table pasted as one paragraph) is cut at line breaks, then at spaces, so that
 *   what the readers do inside one unit stays bounded and the whole runs in time linear in the note.
 */
export type Section = "patient" | "literature";

export interface Unit {
  start: number;
  end: number;
  text: string;
  section: Section;
  /** A table row: its cells are read by the table readers, not as prose. */
  row: boolean;
  caption: boolean;
  followUp: boolean;
  /** A general statement ("discs commonly prolapse at L4-L5"), not about this patient. */
  generic: boolean;
  /** Increases at every heading and caption: what one sentence carries to the next stays inside. */
  block: number;
  /**
   * A conclusion, not an observation: under an Impression, Assessment, Plan or Diagnosis heading or
   * label, or a sentence naming a working or differential diagnosis. Never read as findings.
   */
  conclusion: boolean;
  /**
   * The patient's complaint, not the examination: under a history heading or label ("HPI:", "CC:",
   * "Presenting complaint", "Clinical question:", "Reason for referral:", "S:"). What the patient
   * feels there (numbness, tingling, a foot drop, a weak leg) is a symptom, not a finding.
   */
  complaint: boolean;
  /** The unit starts a line of the note (not the second sentence of a line). */
  opensLine: boolean;
  /** A blank line stands between the unit and the one before it. */
  afterBlank: boolean;
}

const CONCLUSION_HEADINGS =
  /^(impression|clinical impression|assessment|plan|assessment (?:and|&) plan|a\/p|a&p|(?:working |differential |provisional |presumptive |final )?diagnos[ie]s|ddx|dx|interpretation|opinion|recommendations?|conclusions? (?:of the study|of the EMG)|emg (?:impression|interpretation|conclusion))$/i;
/** "Impression: ...", "Plan - ...", "Working diagnosis: ...": a label that starts a conclusion. */
const CONCLUSION_LABEL =
  /^\s*(?:clinical |emg |electrodiagnostic )?(?:impression|assessment|plan|a\/p|a&p|(?:working |differential |provisional |presumptive |final )?diagnos[ie]s|ddx|dx|interpretation|opinion|recommendations?|summary(?: and| &) (?:impression|interpretation))\s*[:\-\u2013]/i;
const COMPLAINT_HEADINGS =
  /^(history( of present(ing)? illness)?|history of (the )?presenting complaint|presenting complaint|hpi|hpc|chief complaint|cc|subjective|reason for referral|referral|indication|clinical (?:question|details|history))$/i;
/** "HPI: ...", "CC - ...", "Clinical question: ...": a label that starts the complaint. */
const COMPLAINT_LABEL =
  /^\s*(?:HPI|HPC|PC|CC|C\/O|S|chief complaint|presenting complaint|history(?: of present(?:ing)? (?:illness|complaint))?|subjective|reason(?: for referral)?|referral(?: reason| question)?|indication|clinical (?:question|details|history))\s*[:\-\u2013]/i;
/** Any other label ("Exam:", "HPI:", "Right leg:"): it ends a labelled conclusion. */
const OTHER_LABEL = /^\s*[A-Za-z][A-Za-z /&]{1,30}:/;
const NAMES_DIAGNOSIS = /\b(?:working|differential|provisional|presumptive|final) diagnos[ie]s\b|\bDDx\b/i;

/**
 * A complaint that began after an operation ("noticed weakness of the hip adductors after
 * laparoscopic hysterectomy"): the operation is the cause, not a treatment, so later sentences
 * timed from it ("seven days after surgery the adductors were MRC 1") describe the presentation,
 * not the course after treatment. Only the operation's words are set aside; "improved", "later",
 * "at follow-up" still mark the course.
 */
const CAUSAL_OPERATION =
  /\b(?:noticed|developed|woke|presented|began|started|complained|had|experienced)\b[^.;]{0,80}\b(?:after|following)\s+(?:a |an |the |her |his |their )?(?:[A-Za-z-]+\s+){0,3}(?:surgery|operation|\w+ectomy|\w+plasty|\w+otomy|\w+oscopy|procedure|repair|fixation|replacement)\b/i;
const OPERATION_TIME = /\b(?:(?:\w+ )?(?:hours?|days?|weeks?) )?after (?:surgery|the operation)\b/gi;

function markCausalOperation(units: Unit[]): void {
  let caused = false;
  for (const u of units) {
    if (caused && u.followUp && !FOLLOW_UP.test(u.text.replace(OPERATION_TIME, " "))) u.followUp = false;
    if (!caused && CAUSAL_OPERATION.test(u.text)) caused = true;
  }
}

/** Whether a blank line stands between two units: a label's reach ends at its paragraph. */
const blankBetween = (text: string, prev: Unit | undefined, u: Unit): boolean =>
  prev !== undefined && /\n[ \t]*\n/.test(text.slice(prev.end, u.start));

/**
 * Marks the complaint units: from a complaint heading or label to the next heading or label, or
 * the end of the label's paragraph.
 */
function markComplaints(units: Unit[], complaintBlocks: Set<number>): void {
  let labelled = -1;
  for (const u of units) {
    if (COMPLAINT_LABEL.test(u.text)) labelled = u.block;
    else if (OTHER_LABEL.test(u.text) || u.block !== labelled || u.afterBlank) labelled = -1;
    u.complaint = !u.row && (complaintBlocks.has(u.block) || labelled === u.block);
  }
}

/** Marks the units that open a line of the note, and those after a blank line. */
function markLines(units: Unit[], text: string): void {
  let prev: Unit | undefined;
  for (const u of units) {
    const gap = text.slice(prev?.end ?? 0, u.start);
    u.opensLine = prev === undefined || gap.includes("\n");
    u.afterBlank = blankBetween(text, prev, u);
    prev = u;
  }
}

/**
 * Marks the conclusion units: from a conclusion heading or label to the next heading or label, or
 * the end of the label's paragraph ("Diagnosis: CIDP\n\nThank you for ...").
 */
function markConclusions(units: Unit[], conclusionBlocks: Set<number>): void {
  let labelled = -1;
  for (const u of units) {
    if (CONCLUSION_LABEL.test(u.text)) labelled = u.block;
    else if (OTHER_LABEL.test(u.text) || u.block !== labelled || u.afterBlank) labelled = -1;
    u.conclusion =
      !u.row && (conclusionBlocks.has(u.block) || labelled === u.block || NAMES_DIAGNOSIS.test(u.text));
  }
}

/** The longest unit, in characters: real sentences are far shorter. */
export const MAX_UNIT = 1200;

const PATIENT_HEADINGS =
  /^(case( report| presentation| description| history| summary)?|clinical (details|presentation|findings|history|summary)|history( of present(ing)? illness)?|presenting complaint|examination|physical examination|neurological examination|findings|investigations?|results|electrodiagnostic (study|studies|findings)|emg|ncs|emg\/ncs|nerve conduction studies|needle emg|imaging|mri|laboratory|labs|impression|assessment|plan|hpi|exam|abstract|summary|patient)$/i;
const LITERATURE_HEADINGS =
  /^(introduction|background|discussion|conclusions?|references|learning points|acknowledge?ments?|author'?s comments?|editor'?s comments?|keywords?|conflicts? of interest|funding|literature review|review of (the )?literature)$/i;
/** A heading's qualifier in brackets at its end: "(right leg)", "(L)", "(left, 2 weeks ago)". */
const QUALIFIER = /\s*\([^()]{1,30}\)\s*:?\s*$/;
const CAPTION = /^\s*(fig(ure)?s?\.?|table)\s*\d+/i;
const FOLLOW_UP =
  /\b(follow-?up|latest|interval (?:MRI|scan|study)|at review|on review|after (completion|finishing|treatment|surgery|the operation|discharge)|after \w+ (weeks?|months?|years?|cycles?) of|(weeks?|months?|years?) later|improved from|was improved|has improved|on discharge|at discharge)\b/i;
const GENERIC =
  /\b(commonly|usually|typically|often|rarely|frequently|generally|in general|is (?:a|an) (?:rare|common|uncommon)|are (?:rare|common|used|usually)|is used|can (?:be|present|show|cause|confound|identify)|may (?:be|present|show|cause))\b/i;
const ABOUT_PATIENT =
  /\b(the patient|our patient|this patient|he|she|his|her|him|left|right|on examination)\b/i;
const ABBREVIATIONS = new Set([
  "fig",
  "figs",
  "e.g",
  "i.e",
  "al",
  "vs",
  "dr",
  "mr",
  "mrs",
  "ms",
  "no",
  "inc",
  "approx",
  "ca",
  "cf",
  "ref",
  "st",
  "resp",
  "pt",
  "yr",
  "yrs",
  "mo",
  "dec",
  "abn",
  "sens",
  "ext",
  "flex",
  "lat",
  "med",
  "ant",
  "post",
]);

/** A heading line without its numbering, markup and final colon. */
function headingText(line: string): string {
  return line
    .replace(/[|#*_=]+/g, " ")
    .replace(/^\s*([0-9]+|[IVX]+)[.)]?\s+/, "")
    .replace(/[:.]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function headingKind(line: string): Section | "none" {
  const t = headingText(line);
  if (t.length === 0 || t.length > 48) return "none";
  if (LITERATURE_HEADINGS.test(t)) return "literature";
  if (PATIENT_HEADINGS.test(t) || CONCLUSION_HEADINGS.test(t)) return "patient";
  return "none";
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      out.push({ start: s, end: i, text: text.slice(s, i) });
      s = i + 1;
    }
  }
  return out;
}

/**
 * Split text into sentences and table rows. `isRow` says whether a line (trimmed, with the offset
 * where it starts) is a table row.
 */
/** A line that is only a leg's side: "LEFT LOWER LIMB", "Right leg", "RLE:". */
const SIDE_LABEL_LINE =
  /^(?:right|left|both)\s+(?:side|leg|legs|lower\s+(?:limbs?|extremit(?:y|ies))|limb|LE)\s*:?$|^(?:RLE|LLE|BLE)\s*:?$/i;

const LABEL_LINE = /^[A-Z][A-Za-z /&]{1,30}:\s/;

export function segment(text: string, isRow: (line: string, start: number) => boolean = () => false): Unit[] {
  const units: Unit[] = [];
  let section: Section = "patient";
  let inCaption = false;
  let pieceStart = -1;
  let pieceEnd = -1;
  let pieceCaption = false;
  let pieceSection: Section = section;
  let block = 0;
  /** Whether the last line added to the piece ends a sentence. */
  let lastEnded = false;
  const conclusionBlocks = new Set<number>();
  const complaintBlocks = new Set<number>();

  const flush = () => {
    if (pieceStart >= 0) splitInline(text, pieceStart, pieceEnd, pieceSection, pieceCaption, block, units);
    pieceStart = -1;
  };

  for (const line of lines(text)) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0) {
      // A blank line ends a caption, and a labelled statement ("Diagnosis: CIDP\n\nThank you
      // ..."); wrapped text from a PDF goes on across blank lines until its full stop.
      if (inCaption || (pieceStart >= 0 && LABEL_LINE.test(text.slice(pieceStart, pieceEnd)))) flush();
      inCaption = false;
      continue;
    }
    const lead = line.start + (line.text.length - line.text.trimStart().length);
    const tail = line.start + line.text.trimEnd().length;
    // A heading with a qualifier ("NEEDLE EMG (right leg)") is a heading that is also a unit of
    // its own, so that what it qualifies (the side of the table under it) can be read.
    const qualified = QUALIFIER.exec(trimmed);
    const heading = headingKind(qualified ? trimmed.slice(0, qualified.index) : trimmed);
    if (heading !== "none") {
      flush();
      inCaption = false;
      section = heading;
      block++;
      if (CONCLUSION_HEADINGS.test(headingText(trimmed))) conclusionBlocks.add(block);
      if (COMPLAINT_HEADINGS.test(headingText(trimmed))) complaintBlocks.add(block);
      if (qualified) units.push(unit(text, lead, tail, heading, false, false, block));
      continue;
    }
    if (CAPTION.test(trimmed)) {
      flush();
      inCaption = true;
      block++;
    } else if (isRow(trimmed, lead)) {
      flush();
      units.push(unit(text, lead, tail, "patient", true, inCaption, block));
      continue;
    } else if (SIDE_LABEL_LINE.test(trimmed)) {
      // "LEFT LOWER LIMB" alone on its line heads what follows: a unit of its own (laterality.ts).
      flush();
      units.push(unit(text, lead, tail, section, false, inCaption, block));
      continue;
    } else if (pieceStart >= 0) {
      // A line that opens with a label ("Reflexes: ...", "History: ...") starts a statement of its
      // own even when the line before has no full stop.
      if (pieceEnd - pieceStart > MAX_UNIT || LABEL_LINE.test(trimmed)) flush();
      else if (lastEnded && (inCaption ? /^[a-z]/.test(trimmed) : true)) {
        flush();
        if (inCaption && /^[a-z]/.test(trimmed)) {
          inCaption = false;
          block++;
        }
      }
    }
    if (pieceStart < 0) {
      pieceStart = lead;
      pieceCaption = inCaption;
      pieceSection = inCaption ? "patient" : section;
    }
    pieceEnd = tail;
    lastEnded = /[.!?:]["')\]]*$/.test(trimmed);
  }
  flush();
  markLines(units, text);
  markConclusions(units, conclusionBlocks);
  markComplaints(units, complaintBlocks);
  markCausalOperation(units);
  return units;
}

function unit(
  text: string,
  start: number,
  end: number,
  section: Section,
  row: boolean,
  caption: boolean,
  block: number,
): Unit {
  const t = text.slice(start, end);
  return {
    start,
    end,
    text: t,
    section: caption ? "patient" : section,
    row,
    caption,
    followUp: FOLLOW_UP.test(t),
    generic: !row && GENERIC.test(t) && !ABOUT_PATIENT.test(t),
    block,
    conclusion: false,
    complaint: false,
    opensLine: false,
    afterBlank: false,
  };
}

/** Sentences inside one piece of running text. */
function splitInline(
  text: string,
  from: number,
  to: number,
  section: Section,
  caption: boolean,
  block: number,
  out: Unit[],
): void {
  let s = from;
  const re = /[.!?]["')\]]*\s+(?=[A-Z0-9(])/g;
  const piece = text.slice(from, to);
  for (let m = re.exec(piece); m; m = re.exec(piece)) {
    const dot = from + m.index;
    const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(s, dot - 12), dot))?.[1] ?? "";
    const lower = word.toLowerCase();
    if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/^.*\./, "")) || /^[A-Z]$/.test(word))
      continue;
    // "Table 1. Changes in ...", "Fig. 2. MRI ...": the number belongs to the caption.
    if (/\b(table|fig(ure)?s?\.?)\s*\d+[a-z]?$/i.test(text.slice(Math.max(s, dot - 14), dot))) continue;
    const end = dot + 1;
    push(text, s, end, section, caption, block, out);
    s = from + m.index + m[0].length;
  }
  push(text, s, to, section, caption, block, out);
}

function push(
  text: string,
  start: number,
  end: number,
  section: Section,
  caption: boolean,
  block: number,
  out: Unit[],
): void {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  // Too long for a sentence: cut at the last break (";", ",", a space) before the limit.
  while (end - start > MAX_UNIT) {
    let cut = start + MAX_UNIT;
    const window = text.slice(start + MAX_UNIT / 2, cut);
    const at = Math.max(window.lastIndexOf(";"), window.lastIndexOf("\n"));
    const space = window.lastIndexOf(" ");
    if (at >= 0) cut = start + MAX_UNIT / 2 + at + 1;
    else if (space >= 0) cut = start + MAX_UNIT / 2 + space;
    push(text, start, cut, section, caption, block, out);
    start = cut;
    while (start < end && /\s/.test(text[start] as string)) start++;
  }
  if (end > start) out.push(unit(text, start, end, section, false, caption, block));
}
