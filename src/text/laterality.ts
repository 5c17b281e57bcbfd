/**
 * Sides and what they reach. "left hip flexion" and "weakness on the left" name a side before and
 * after; "left peroneal and tibial nerves" gives one side to a list; "on both sides",
 * "bilateral(ly)" and "both legs" mean both; "compared to the right side" and "4 % of the right"
 * name a reference, not a finding; "the other limbs" means the side opposite the one just named.
 */
export type Side = "left" | "right" | "bilateral";

export interface SideMention {
  start: number;
  end: number;
  side: Side | "other";
  /** Written after what it qualifies ("on the left"). */
  post: boolean;
  /** A comparison ("compared with the right"): not the side of a finding. */
  reference: boolean;
}

const SIDE_WORDS =
  /\b(?:(on|of|in|at|to|over|along|from|involving|affecting)\s+(?:the\s+|both\s+)?)?(left|right|bilateral(?:ly)?|both(?=\s+(?:sides?|legs?|lower|limbs?|feet|extremit|thighs?|calves|ankles?|knees?|L\d|S\d|upper|and|great toes|big toes|toes|soles|heels|hips|buttocks|quadriceps|hamstrings))|both sides|contralateral|opposite|other(?=\s+(?:side|limb|leg|lower))|lt\.?|rt\.?)(?:-?\s?sided)?(\s+(?:side|site|sides|leg|lower limbs?|lower extremit(?:y|ies)|limbs?))?\b/gi;
const REFERENCE_BEFORE =
  /(compared (?:to|with)(?: that)?(?: of)?(?: the)?|than(?: that)?(?: of)?(?: the)?|%\s*(?:of)?(?: that)?(?: of)?(?: the)?|relative to(?: the)?|versus(?: the)?|vs\.?(?: the)?)\s*$/i;

export function sideMentions(text: string, from = 0, to = text.length): SideMention[] {
  const out: SideMention[] = [];
  const piece = text.slice(from, to);
  SIDE_WORDS.lastIndex = 0;
  for (let m = SIDE_WORDS.exec(piece); m; m = SIDE_WORDS.exec(piece)) {
    const written = m[2] ?? "";
    const word = written.toLowerCase();
    if (/^(lt|rt)\.?$/.test(word) && !/^[LR]t/.test(written)) continue;
    const side: Side | "other" = word.startsWith("l")
      ? "left"
      : word.startsWith("r")
        ? "right"
        : word.startsWith("bi") || word.startsWith("both")
          ? "bilateral"
          : "other";
    const start = from + m.index;
    const end = start + m[0].length;
    const preposition = (m[1] ?? "").toLowerCase();
    const after = text.slice(end, Math.min(to, end + 12));
    const headWord = Boolean(m[3]) || /^\s*([.,;:)]|$|and\b|was\b|were\b|is\b|showed\b)/.test(after);
    const post =
      word === "bilaterally" ||
      (/^(on|of|in|at|over)$/.test(preposition) && headWord) ||
      word === "both sides";
    const sideAt = start + m[0].toLowerCase().indexOf(word);
    const reference =
      REFERENCE_BEFORE.test(text.slice(Math.max(from, start - 40), start)) ||
      REFERENCE_BEFORE.test(text.slice(Math.max(from, sideAt - 40), sideAt));
    out.push({ start, end, side, post, reference });
  }
  return out;
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
): Side | undefined {
  const clause = clauseAround(text, start, sentence.from, sentence.to);
  const resolve = (m: SideMention): Side | undefined =>
    m.side === "other" ? (opposite === "left" ? "right" : opposite === "right" ? "left" : undefined) : m.side;
  const usable = mentions.filter((m) => !m.reference);
  // Just before the phrase (or its list), in the clause.
  const pre = usable.filter((m) => m.end <= headStart && m.start >= clause.from && !m.post);
  const closest = pre[pre.length - 1];
  if (closest && headStart - closest.end <= 60) return resolve(closest);
  // After the phrase, in the clause.
  const post = usable.find((m) => m.start >= end && m.end <= clause.to);
  if (post) return resolve(post);
  if (closest) return resolve(closest);
  // The sentence names one side only.
  const inSentence = new Set(
    usable.filter((m) => m.start >= sentence.from && m.end <= sentence.to).map(resolve),
  );
  inSentence.delete(undefined);
  if (inSentence.size === 1) return [...inSentence][0];
  return undefined;
}

export const opposite = (s: Side | undefined): Side | undefined =>
  s === "left" ? "right" : s === "right" ? "left" : undefined;

/** Whether a finding written for `found` speaks for `side`: the same side, both sides, or no side given. */
export const covers = (found: Side | undefined, side: Side | undefined): boolean =>
  found === side || found === "bilateral" || found === undefined;
