/**
 * Signs beyond the legs that place a lesion (FORMAT v1.1 `arm_weakness`, `facial_weakness`): a
 * lesion above the cervical cord, or a generalised process, also reaches the arms or the face.
 *
 * - Arms: an upper-limb movement or muscle graded below 5 ("deltoid 4+/5", "finger abduction
 *   4-/5", "Intrinsic hand muscles 4+/5", "deltoid 4/4" in an R/L pair), a pronator drift, or
 *   "arm weakness" is present; "upper limbs: normal", "the arms had normal tone, power and
 *   reflexes", "no pronator drift" is absent. The upper-limb muscles are those of the MRC chart
 *   (atlas:aids2010).
 * - Face: "facial weakness", "facial droop" is present; "face symmetric", "cranial nerves normal",
 *   "CN II-XII intact", "no facial weakness" is absent.
 */
import type { SignFinding } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import { isNegated } from "../negation.js";
import type { Unit } from "../sentences.js";

const ARM_PART =
  "(?:deltoids?|biceps|triceps|wrist (?:extension|flexion|extensors?|flexors?)|finger (?:abduction|extension|flexion|extensors?|flexors?)|grip|shoulder (?:abduction|flexion)|elbow (?:flexion|extension)|FDI|first dorsal interosseous|APB|abductor pollicis brevis|intrinsic hand muscles|hand intrinsics|interossei)";
/** An upper-limb part with a grade below 5: "deltoid 4+/5", "deltoid 4/4" (R/L), "finger abduction (4+/5)". */
const ARM_GRADE = new RegExp(`\\b${ARM_PART}\\b[^0-9.;]{0,12}?\\(?([0-4][+-]?)\\s*\\/\\s*([0-5][+-]?)`, "gi");
const ARM_WORDS =
  /\b(?:arm|upper[- ]limb|upper[- ]extremity) weakness|weakness of the (?:arms?|upper limbs?)|pronator drift\b/gi;
const ARMS_NORMAL =
  /\b(?:arms?|upper (?:limbs?|extremit(?:y|ies))|UEs?)\b[^.;]{0,12}?(?:had |were |are |is |:\s*)?(?:normal|5\/5|full (?:strength|power))(?:\s+(?:tone|power|strength|bulk)(?:\s*(?:,|and)\s*(?:tone|power|strength|reflexes|bulk|sensation))*)?\b/gi;
const FACE_WEAK = /\b(?:facial (?:weakness|droop|palsy|diplegia|asymmetry)|(?:weak|drooping) face)\b/gi;
const FACE_NORMAL =
  /\b(?:face (?:is |was )?symmetric\w*|cranial nerves?(?: II-XII| 2-12)?(?: were| are| was| is|:)?\s*(?:normal|intact|unremarkable)|CNs?(?: II-XII| 2-12)?\s*(?:grossly )?(?:intact|normal))\b/gi;

function sideOf(doc: Doc, u: Unit, start: number, end: number): SignFinding["side"] {
  const label = /^\s*(RUE|LUE)\b/.exec(u.text)?.[1];
  if (label) return label === "RUE" ? "right" : "left";
  return doc.side(u, start, end).side;
}

function add(
  doc: Doc,
  sign: "arm_weakness" | "facial_weakness",
  present: boolean,
  side: SignFinding["side"],
  span: [number, number],
): void {
  const f: SignFinding = { kind: "sign", sign };
  if (side) f.side = side;
  if (!present) f.present = false;
  doc.add(f, [span], 0.7);
}

export function readBeyondLegs(doc: Doc): void {
  for (const u of doc.patient) {
    if (u.row || u.complaint) continue;
    for (const m of matches(ARM_GRADE, doc.text, u)) {
      const pair = /^[0-4]/.test(m[2] ?? "") && !/^5/.test(m[2] ?? "");
      add(doc, "arm_weakness", true, pair ? "bilateral" : sideOf(doc, u, m.index, m.index + m[0].length), [
        m.index,
        m.index + m[0].length,
      ]);
    }
    for (const m of matches(ARM_WORDS, doc.text, u)) {
      const end = m.index + m[0].length;
      const negated = isNegated(doc.text, m.index, end, u.start, u.end);
      add(doc, "arm_weakness", !negated, negated ? undefined : sideOf(doc, u, m.index, end), [m.index, end]);
    }
    for (const m of matches(ARMS_NORMAL, doc.text, u))
      add(doc, "arm_weakness", false, undefined, [m.index, m.index + m[0].length]);
    for (const m of matches(FACE_WEAK, doc.text, u)) {
      const end = m.index + m[0].length;
      const negated = isNegated(doc.text, m.index, end, u.start, u.end);
      add(doc, "facial_weakness", !negated, negated ? undefined : doc.side(u, m.index, end).side, [
        m.index,
        end,
      ]);
    }
    for (const m of matches(FACE_NORMAL, doc.text, u))
      add(doc, "facial_weakness", false, undefined, [m.index, m.index + m[0].length]);
  }
}
