/**
 * A whole limb examined and found normal, as clinic notes write it: "RLE 5/5", "RLE: normal power
 * throughout", "the left leg had normal power", "LUE/LLE: 5/5" (strength); "R LE: neuro intact",
 * "Left leg: neurologically normal", "the right leg was normal" (strength, reflexes and sensation).
 * Each is a v1.1 `others` finding of its kinds on the limb's side: every item of the kind not named
 * elsewhere in the case. Items the note names keep their own reading.
 */
import { OTHERS } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import type { Side } from "../laterality.js";
import { othersSides, scopeSides } from "../scope.js";

/** A leg named as a whole, with its side: "RLE", "R LE", "LUE/LLE", "the left leg", "left lower limb". */
const LIMB =
  "(?:(?:[RL]UE\\s*/\\s*)?(RLE|LLE|BLE)|([RL])\\s?LE|(?:the\\s+)?(left|right|both|R|L)\\s+(?:legs?|lower\\s+(?:limbs?|extremit(?:y|ies))))";
/** Strength only: "5/5", "normal power (throughout)", "full strength", "power normal". */
const POWER =
  "(?:5\\/5(?:\\s+throughout)?|(?:had\\s+)?(?:normal|full)\\s+(?:power|strength)(?:\\s+throughout)?|(?:power|strength)\\s+(?:was\\s+|is\\s+)?(?:normal|full|5\\/5))";
/** The whole neurological examination of the limb: "neuro intact", "neurologically normal", "normal". */
const WHOLE =
  "(?:neuro(?:logically)?\\.?\\s+(?:intact|normal|unremarkable)|(?:was|is)\\s+(?:entirely\\s+|completely\\s+)?normal|normal)";

const STATEMENT = new RegExp(
  `\\b${LIMB}\\s*(?::|-|\\u2013)?\\s*(?:${POWER}|(${WHOLE}))(?=\\s*(?:[.;,]|$|and\\b))`,
  "gi",
);
/** The limb after the grade: "Power 5/5 both legs". */
const AFTER = new RegExp(
  `\\b(?:power|strength)\\s+(?:is\\s+|was\\s+)?(?:5\\/5|normal|full)\\s+(?:in\\s+)?${LIMB}`,
  "gi",
);

/**
 * Statements without a limb of their own, whose sides scope.ts finds: "otherwise 5/5 (in the legs)",
 * "myotomes L2-S1 intact" (strength); "neurological examination of the legs is normal", "remainder
 * of the lower limb examination normal" (strength, reflexes and sensation). "The rest of the
 * neurological examination was normal" is not read: it speaks of the whole body, and which legs it
 * covers depends on what came before.
 */
const OTHERWISE_POWER = /\botherwise\s+(?:5\/5|full (?:power|strength)|normal (?:power|strength))\b/gi;
const MYOTOMES = /\bmyotomes?\b[^.;:]{0,20}?\b(?:intact|normal)\b/gi;
const WHOLE_EXAM =
  /\b(?:neuro(?:logical)?\s+exam(?:ination)?\s+of\s+the\s+(?:legs|lower\s+(?:limbs|extremities))\s+(?:is|was)|(?:remainder|rest)\s+of\s+the\s+lower[- ]limb\s+exam(?:ination)?(?:\s+(?:is|was))?)\s+(?:otherwise\s+)?(?:normal|unremarkable|intact)\b/gi;

function sideOf(m: RegExpExecArray): Side | undefined {
  const w = (m[1] ?? m[2] ?? m[3] ?? "").toLowerCase();
  if (w.startsWith("b")) return "bilateral";
  if (w.startsWith("r")) return "right";
  if (w.startsWith("l")) return "left";
  return undefined;
}

function add(doc: Doc, side: Side, span: [number, number], whole: boolean): void {
  doc.add({ kind: "strength", target: OTHERS, mrc: 5, side }, [span], 0.7);
  if (!whole) return;
  doc.add({ kind: "reflex", reflex: OTHERS, grade: "normal", side }, [span], 0.6);
  doc.add({ kind: "sensory", region: OTHERS, change: "normal", side }, [span], 0.6);
}

export function readLimbStatements(doc: Doc): void {
  for (const u of doc.patient) {
    if (u.row || u.complaint) continue;
    for (const [re, whole] of [
      [OTHERWISE_POWER, false],
      [MYOTOMES, false],
      [WHOLE_EXAM, true],
    ] as const)
      for (const m of matches(re, doc.text, u)) {
        const end = m.index + m[0].length;
        // "Otherwise", "the remainder": all not named, on both legs unless the statement names one.
        const scope = scopeSides(doc, u, m.index, end);
        const sides = scope.inferred ? (["bilateral"] as const) : othersSides(scope.sides);
        for (const side of sides) add(doc, side, [m.index, end], whole);
      }
    if (!/LE\b|\blegs?\b|\blimbs?\b|extremit/i.test(u.text)) continue;
    for (const m of matches(AFTER, doc.text, u)) {
      const side = sideOf(m);
      if (side) add(doc, side, [m.index, m.index + m[0].length], false);
    }
    for (const m of matches(STATEMENT, doc.text, u)) {
      const side = sideOf(m);
      if (!side) continue;
      add(doc, side, [m.index, m.index + m[0].length], Boolean(m[4]));
    }
  }
}
