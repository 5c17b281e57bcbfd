/**
 * Sides and what they reach. "left hip flexion" and "weakness on the left" name a side before and
 * after; "left peroneal and tibial nerves" gives one side to a list; "on both sides",
 * "bilateral(ly)" and "both legs" mean both; "compared to the right side" and "4 % of the right"
 * name a reference, not a finding; "the other limbs" means the side opposite the one just named.
 * Clinicians' letters and limb abbreviations are sides too: "R EHL 4/5", "L TA 3/5", "(L)",
 * "on L", "RLE", "LLE", "BLE", "B/L", "bilat"; "affected side" is the side the note is about.
 * A side label at the start of a line ("RIGHT LEG:", "Left:", "LLE:") is a header: see
 * `headerSide`.
 */
import { countWork } from "./work.js";

export type Side = "left" | "right" | "bilateral";

export interface SideMention {
  start: number;
  end: number;
  /** "other": the side opposite another; "affected": the side the note is about. */
  side: Side | "other" | "affected";
  /** Written after what it qualifies ("on the left"). */
  post: boolean;
  /** A comparison ("compared with the right"): not the side of a finding. */
  reference: boolean;
}

const SIDE_WORDS =
  /\b(?:(on|of|in|at|to|over|along|from|involving|affecting)\s+(?:the\s+|both\s+)?)?(left|right|bilateral(?:ly)?|bilat\.?|both(?=\s+(?:sides?|legs?|lower|limbs?|feet|extremit|thighs?|calves|ankles?|knees?|L\d|S\d|upper|and|great toes|big toes|toes|soles|heels|hips|buttocks|quadriceps|hamstrings))|both sides|(?:each|either) (?:side|leg|limb)|contralateral|opposite|other(?=\s+(?:side|limb|leg|lower))|lt\.?|rt\.?)(?:-?\s?sided)?(\s+(?:side|site|sides|leg|lower limbs?|lower extremit(?:y|ies)|limbs?))?\b/gi;
const REFERENCE_BEFORE =
  /(compared (?:to|with)(?: that)?(?: of)?(?: the)?|than(?: that)?(?: of)?(?: the)?|%\s*(?:of)?(?: that)?(?: of)?(?: the)?|relative to(?: the)?|versus(?: the)?|vs\.?(?: the)?|(?:versus|vs\.?|compared (?:to|with))\s+\d+(?:\.\d+)?\s*(?:uV|µV|mV|ms|m\/s|%)?\s*(?:on|in|of|at)?(?: the)?)\s*$/i;

/**
 * Letters and limb abbreviations, in capitals only: "R", "L", "(R)", "RLE", "LLE", "BLE", "B/L".
 * Not "L5" (a root), "L-spine", "R/O" (rule out), nor a letter inside a word.
 */
const LETTER_SIDE =
  /(?:\b(on|of|in|at|to|over)\s+(?:the\s+)?)?(?<![A-Za-z0-9/&.-])\(?(RLE|LLE|BLE|RLL|LLL|B\/L|R|L)\)?(?![A-Za-z0-9/]|-[A-Za-z0-9]|\.[A-Za-z]|\s*[-\u2013]\s*[0-9])/g;
/** "the affected side", "the symptomatic leg": the side the note is about. */
const AFFECTED =
  /\b(?:the\s+)?(?:affected|symptomatic|involved|painful|weak(?:er)?)\s+(?:side|leg|limb|lower limb|extremity)\b/gi;

function letterMentions(text: string, from: number, to: number, out: SideMention[]): void {
  const piece = text.slice(from, to);
  LETTER_SIDE.lastIndex = 0;
  for (let m = LETTER_SIDE.exec(piece); m; m = LETTER_SIDE.exec(piece)) {
    const w = m[2] ?? "";
    const side: Side = w.startsWith("B") ? "bilateral" : w.startsWith("R") ? "right" : "left";
    const start = from + m.index;
    const end = start + m[0].length;
    const post = Boolean(m[1]) || /^\s*([.,;:)]|$)/.test(text.slice(end, Math.min(to, end + 3)));
    out.push({ start, end, side, post, reference: false });
  }
  AFFECTED.lastIndex = 0;
  for (let m = AFFECTED.exec(piece); m; m = AFFECTED.exec(piece)) {
    const start = from + m.index;
    out.push({ start, end: start + m[0].length, side: "affected", post: true, reference: false });
  }
}

export function sideMentions(text: string, from = 0, to = text.length): SideMention[] {
  const out: SideMention[] = [];
  letterMentions(text, from, to, out);
  const piece = text.slice(from, to);
  SIDE_WORDS.lastIndex = 0;
  for (let m = SIDE_WORDS.exec(piece); m; m = SIDE_WORDS.exec(piece)) {
    const written = m[2] ?? "";
    const word = written.toLowerCase();
    // "lt" and "LT" are also light touch ("lt and pp intact", "intact to LT throughout"), "RT" also
    // radiotherapy: written so, a side only before a part's name ("RT TA 4/5", "LT leg"), never
    // after a modality or "to". "Lt", "Rt" are always a side.
    if (/^(lt|rt)\.?$/.test(word) && !/^[LR]t/.test(written)) {
      const at = from + m.index + m[0].length;
      const next = text.slice(at, Math.min(to, at + 12));
      const prev = text.slice(Math.max(from, from + m.index - 12), from + m.index);
      if (
        !/^\s+(?!(?:and|touch|pp|over|in|on|at|of|to|along|throughout|otherwise|changes)\b|intact|normal|reduced|decreased|absent|preserved|sens)[A-Za-z]/.test(
          next,
        ) ||
        /(pp|prick|and|&|\/|\bto|reduced|decreased|diminished|impaired|absent|altered|intact)\s*$/i.test(prev)
      )
        continue;
    }
    const side: Side | "other" = word.startsWith("l")
      ? "left"
      : word.startsWith("r")
        ? "right"
        : word.startsWith("bi") || word.startsWith("both") || /^(?:each|either) /.test(word)
          ? "bilateral"
          : "other";
    const start = from + m.index;
    const end = start + m[0].length;
    const preposition = (m[1] ?? "").toLowerCase();
    const after = text.slice(end, Math.min(to, end + 12));
    const headWord = Boolean(m[3]) || /^\s*([.,;:)]|$|and\b|was\b|were\b|is\b|showed\b)/.test(after);
    const post =
      word === "bilaterally" ||
      /^bilat\.?$/.test(word) ||
      (/^(on|of|in|at|over)$/.test(preposition) && headWord) ||
      word === "both sides" ||
      /^(?:each|either) /.test(word);
    const sideAt = start + m[0].toLowerCase().indexOf(word);
    const reference =
      REFERENCE_BEFORE.test(text.slice(Math.max(from, start - 40), start)) ||
      REFERENCE_BEFORE.test(text.slice(Math.max(from, sideAt - 40), sideAt));
    out.push({ start, end, side, post, reference });
  }
  return asymmetries(text, from, to, out).sort((a, b) => a.start - b.start);
}

/**
 * "L > R", "right worse than left", "R>>L": both sides, one more than the other. The pair is one
 * bilateral mention, not a left and a right.
 */
const ASYMMETRY =
  /(?<![A-Za-z0-9])(L|R|Lt|Rt|left|right)\s*(?:>{1,2}|more than|worse than|greater than)\s*(L|R|Lt|Rt|left|right)(?![A-Za-z0-9])/gi;

function asymmetries(text: string, from: number, to: number, out: SideMention[]): SideMention[] {
  const piece = text.slice(from, to);
  if (!/>|than/i.test(piece)) return out;
  let kept = out;
  ASYMMETRY.lastIndex = 0;
  for (let m = ASYMMETRY.exec(piece); m; m = ASYMMETRY.exec(piece)) {
    if ((m[1] ?? "")[0]?.toLowerCase() === (m[2] ?? "")[0]?.toLowerCase()) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    kept = kept.filter((x) => x.end <= start || x.start >= end);
    kept.push({ start, end, side: "bilateral", post: true, reference: false });
  }
  return kept;
}

/** A mention whose "affected side" has been resolved to the side the note is about. */
export type ResolvedMention = SideMention & { side: Side | "other" };

/** Resolve "the affected side" to `affected`, or drop it when the note has no main side. */
export function resolveAffected(ms: SideMention[], affected: Side | undefined): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  for (const m of ms) {
    if (m.side !== "affected") out.push(m as ResolvedMention);
    else if (affected) out.push({ ...m, side: affected });
  }
  return out;
}

/**
 * A side label that heads a section: a line "RIGHT LEG:", "Left:", "LLE:", "Right lower limb -",
 * alone or starting its line. Returns the side and whether the label is alone on its line.
 */
const HEADER =
  /^\s*(?:(right|left|bilateral|both)(?:\s+(?:side|leg|legs|lower (?:limb|extremity|limbs|extremities)|limb|LE))?|(RLE|LLE|BLE|R|L))\s*(?::|\s-\s|\s\u2013\s)\s*/i;

/** A side label alone on its line without a colon: "LEFT LOWER LIMB", "Right leg". */
const HEADER_ALONE =
  /^\s*(?:(right|left|both)\s+(?:side|leg|legs|lower (?:limb|extremity|limbs|extremities)|limb|LE)|(RLE|LLE|BLE))\s*$/i;

export function headerSide(line: string): { side: Side; alone: boolean; length: number } | undefined {
  const m = HEADER.exec(line) ?? HEADER_ALONE.exec(line);
  if (!m) return undefined;
  const letters = m[2];
  if (letters && !/^(RLE|LLE|BLE|R|L)$/.test(letters)) return undefined;
  const w = (m[1] ?? letters ?? "").toLowerCase();
  const side: Side = w.startsWith("r") ? "right" : w.startsWith("l") ? "left" : "bilateral";
  return { side, alone: line.trim().length === m[0].trim().length, length: m[0].length };
}

const CLAUSE = /;|\b(but|however|whereas|while|except)\b/gi;

/** The clause around a position: sides do not cross "but", "however" or ";". */
export function clauseAround(
  text: string,
  at: number,
  from: number,
  to: number,
): { from: number; to: number } {
  let s = from;
  let e = to;
  const piece = text.slice(from, to);
  countWork(piece.length);
  CLAUSE.lastIndex = 0;
  for (let m = CLAUSE.exec(piece); m; m = CLAUSE.exec(piece)) {
    const p = from + m.index;
    if (p < at) s = p + m[0].length;
    else if (p >= at) {
      e = p;
      break;
    }
  }
  return { from: s, to: e };
}

/**
 * The side of a phrase at [start, end): a side written just before it in its clause, else one
 * written after it in its clause, else the single side its sentence names. `headStart` is the
 * start of the list the phrase belongs to, when it is one item of a list.
 */
export function sideFor(
  text: string,
  start: number,
  end: number,
  sentence: { from: number; to: number },
  mentions: SideMention[],
  opposite?: Side,
  headStart = start,
  affected?: Side,
): Side | undefined {
  const clause = clauseAround(text, start, sentence.from, sentence.to);
  const resolve = (m: SideMention): Side | undefined =>
    m.side === "other"
      ? opposite === "left"
        ? "right"
        : opposite === "right"
          ? "left"
          : undefined
      : m.side === "affected"
        ? affected
        : m.side;
  const usable = mentions.filter((m) => !m.reference);
  // Just before the phrase (or its list), in the clause.
  const pre = usable.filter((m) => m.end <= headStart && m.start >= clause.from && !m.post);
  const closest = pre[pre.length - 1];
  if (closest && headStart - closest.end <= 60) {
    // "left ankle dorsiflexion 4+/5, hip flexion 4+/5 bilaterally": a side written after the phrase
    // in its own item of a comma list is the item's; the one before belongs to an earlier item.
    const own = ownItemSide(text, start, end, clause, usable);
    return resolve(own && own.start > closest.end && commaBetween(text, closest.end, start) ? own : closest);
  }
  // After the phrase, in the clause.
  const post = usable.find((m) => m.start >= end && m.end <= clause.to);
  if (post) return resolve(post);
  if (closest) return resolve(closest);
  // The sentence names one side only (a side never crosses ";").
  const part = semicolonPart(text, start, sentence.from, sentence.to);
  const inSentence = new Set(usable.filter((m) => m.start >= part.from && m.end <= part.to).map(resolve));
  inSentence.delete(undefined);
  if (inSentence.size === 1) return [...inSentence][0];
  return undefined;
}

/** A side written after [start, end) before the next comma of its clause. */
function ownItemSide(
  text: string,
  start: number,
  end: number,
  clause: { from: number; to: number },
  mentions: SideMention[],
): SideMention | undefined {
  const comma = text.indexOf(",", end);
  const itemEnd = comma >= 0 && comma < clause.to ? comma : clause.to;
  return mentions.find((m) => m.start >= end && m.end <= itemEnd && m.post && m.start > start);
}

const commaBetween = (text: string, from: number, to: number): boolean => text.slice(from, to).includes(",");

/** The stretch between the semicolons around `at`, searched at most 600 characters each way. */
function semicolonPart(text: string, at: number, from: number, to: number): { from: number; to: number } {
  const lo = Math.max(from, at - 600);
  const before = text.lastIndexOf(";", at - 1);
  const after = text.indexOf(";", at);
  return {
    from: before >= lo ? before + 1 : from,
    to: after >= 0 && after < Math.min(to, at + 600) ? after : to,
  };
}

export const opposite = (s: Side | undefined): Side | undefined =>
  s === "left" ? "right" : s === "right" ? "left" : undefined;

/** Whether a finding written for `found` speaks for `side`: the same side, both sides, or no side given. */
export const covers = (found: Side | undefined, side: Side | undefined): boolean =>
  found === side || found === "bilateral" || found === undefined;
