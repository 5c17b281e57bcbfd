/**
 * The anal sphincter on rectal examination, as a strength item of the external anal sphincter
 * (a midline muscle, no side): "decreased anal tone", "lax anal tone", "Rectal tone normal",
 * "PR: reduced squeeze", "Rectal: decreased tone", "voluntary anal contraction absent". The
 * voluntary contraction of the external sphincter is the motor item of the sacral segments in the
 * ISNCSCI examination (Kirshblum 2011); notes write it as the tone or the squeeze felt on a rectal
 * examination. A lowered or absent one is `weak`, a normal one `5`.
 */
import type { StrengthFinding } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";

/** The tone or squeeze, with the word that says it is the anus's: "anal tone", "rectal squeeze". */
const NAMED =
  /\b(?:anal|rectal|sphincter(?:ic)?)\s+(?:resting\s+)?(?:tone|squeeze)\b|\bvoluntary\s+anal\s+contraction\b|\b(?:VAC|DAP)\b/gi;
/** The tone or squeeze after a rectal examination's label: "PR: lax tone", "Rectal: decreased tone". */
const LABELLED =
  /\b(?:PR|DRE|rectal(?:\s+exam(?:ination)?)?|digital rectal exam(?:ination)?)\s*:\s*(?:[^.;:]{0,30}?\b)?(?:tone|squeeze)\b/gi;

const LOW = "decreased|reduced|lax|poor|weak|diminished|absent|patulous|impaired|lost|no|loss of|lack of";
const NORMAL = "normal|intact|good|preserved|strong";
const BEFORE = new RegExp(`\\b(${LOW}|${NORMAL})\\s+(?:\\w+\\s+)?$`, "i");
const AFTER = new RegExp(`^\\s*(?:(?:was|is|were|are)\\s+)?(?:\\w+\\s+)?\\b(${LOW}|${NORMAL})\\b`, "i");
const IS_NORMAL = new RegExp(`^(?:${NORMAL})$`, "i");
const IS_GRADE = new RegExp(`^(?:${LOW}|${NORMAL})$`, "i");

function grade(word: string | undefined): StrengthFinding["mrc"] | undefined {
  if (!word) return undefined;
  return IS_NORMAL.test(word) ? 5 : "weak";
}

export function readAnalTone(doc: Doc): void {
  for (const u of doc.patient) {
    if (u.row || u.complaint) continue;
    for (const re of [NAMED, LABELLED])
      for (const m of matches(re, doc.text, u)) {
        const start = m.index;
        const end = start + m[0].length;
        // The words of its own clause: a comma, ";" or a full stop ends them.
        const before =
          doc.text
            .slice(Math.max(u.start, start - 30), start)
            .split(/[,;.]/)
            .pop() ?? "";
        const after = doc.text.slice(end, Math.min(u.end, end + 30)).split(/[,;.]/)[0] ?? "";
        const word = re === LABELLED ? /\b(\w+)\s+(?:tone|squeeze)$/i.exec(m[0])?.[1] : undefined;
        const mrc =
          grade(word && IS_GRADE.test(word) ? word : undefined) ??
          grade(BEFORE.exec(before)?.[1]) ??
          grade(AFTER.exec(after)?.[1]);
        if (mrc === undefined) continue;
        doc.add({ kind: "strength", target: "external_anal_sphincter", mrc }, [[start, end]], 0.75);
      }
  }
}
