/**
 * What a statement about the whole examination ("strength was normal", "sensation intact to all
 * modalities", "reflexes were absent") reaches, and how its findings are written:
 *
 * - sides: a side written in the statement's own clause (up to the next comma, "and", ";" or
 *   "but"); else both legs ("throughout", "bilaterally", or nothing said). A statement that names
 *   no leg speaks of the whole examination,
 *   even in a note about one leg ("the left calf was swollen ... Strength was normal"): the
 *   clinician who meant one leg names it, and the project's hand-coded notes and narratives code
 *   such statements on both legs.
 * - findings: a v1.1 `others` finding per side (one bilateral finding for both legs): every item of
 *   the kind not named elsewhere in the case; items the note names keep their own reading.
 */
import type { Doc } from "./doc.js";
import type { Side } from "./laterality.js";
import type { Unit } from "./sentences.js";
import { countWork } from "./work.js";

const EXAM_ITEM =
  "(?:(?:the\\s+)?(?:leg|lower[- ]limb|muscle|motor)\\s+)?(?:strength|power|sensation|sensory (?:examination|exam|function)|(?:deep |muscle stretch )?(?:tendon )?reflexes|(?:muscle )?tone|(?:muscle )?bulk|coordination|cranial nerves)";
/**
 * "Strength and sensation were normal", "Cranial nerves, tone, power and reflexes were normal":
 * a list of parts of the examination with one normal word for them all.
 */
export const EXAM_LIST = new RegExp(
  `\\b${EXAM_ITEM}(?:\\s*,\\s*(?:and\\s+)?${EXAM_ITEM}|\\s+and\\s+${EXAM_ITEM})+\\s+(?:were|are)\\s+(?:all\\s+)?(?:objectively\\s+|clinically\\s+)?(?:normal|intact|preserved|unremarkable|unchanged)\\b`,
  "gi",
);

/** Where a statement's own words end: a comma, ";", "and" before a new subject, "but". */
const STATEMENT_END = /[;,]|\b(?:and|but|however|whereas|while|except|with)\b/gi;

/** The stretch of a sentence a statement at `at` covers: from the last break before to the next. */
export function statementAround(doc: Doc, u: Unit, at: number, end: number): { from: number; to: number } {
  let from = u.start;
  countWork(u.end - u.start);
  const before = doc.text.slice(u.start, at);
  STATEMENT_END.lastIndex = 0;
  for (let m = STATEMENT_END.exec(before); m; m = STATEMENT_END.exec(before))
    from = u.start + m.index + m[0].length;
  const after = doc.text.slice(end, u.end);
  STATEMENT_END.lastIndex = 0;
  const next = STATEMENT_END.exec(after);
  return { from, to: next ? end + next.index : u.end };
}

/** The sides a whole-examination statement at [at, end) speaks of. */
export function scopeSides(
  doc: Doc,
  u: Unit,
  at: number,
  end: number,
): { sides: ("left" | "right")[]; inferred: boolean } {
  const s = statementAround(doc, u, at, end);
  const named = doc
    .sides(u)
    .filter((x) => !x.reference && x.side !== "other" && x.start >= s.from && x.end <= s.to)
    .map((x) => x.side);
  const left = named.includes("left");
  const right = named.includes("right");
  if (named.includes("bilateral") || (left && right)) return { sides: ["left", "right"], inferred: false };
  if (left) return { sides: ["left"], inferred: false };
  if (right) return { sides: ["right"], inferred: false };
  const header = doc.headerSide(u);
  if (header) return { sides: header === "bilateral" ? ["left", "right"] : [header], inferred: false };
  return { sides: ["left", "right"], inferred: false };
}

/** The sides to write a v1.1 `others` finding on: one bilateral finding for both legs. */
export function othersSides(sides: ("left" | "right")[]): Side[] {
  return sides.length === 2 ? ["bilateral"] : sides;
}
