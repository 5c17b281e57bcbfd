/**
 * MRC grades as they are written in prose and tables: "MRC Grade 4", "Medical Research Council
 * grade 4", "4/5", "4-/5", "3-", "grade 0", "M4", and the words of the Kendall scale ("poor" = 2).
 * A grade that only explains the scale ("from grade 0 (no contraction) to grade 5 (normal)",
 * "0, no contraction; 1, palpable contraction") is not a finding and is left out.
 */
import { MRC_WORDS } from "./sources.js";

export interface GradeMention {
  start: number;
  end: number;
  mrc: string;
  /** The grade is written before what it grades ("0 in both flexors", "poor in the knee flexors"). */
  forward: boolean;
}

const GRADE =
  /(?:\b(?:MRC|Medical Research Council|power|strength)\s*(?:grade|score)?\s*[:=]?\s*|\bgrade\s*|\bM(?=[0-5]\b))([0-5])\s*([+-](?![0-9]))?(?:\s*\/\s*5)?|(?<![A-Za-z0-9/.])([0-5])\s*([+-](?![0-9]))?\s*\/\s*5\b|(?<![A-Za-z0-9/.-])([0-5])([+-])(?![0-9A-Za-z/+-])|(?<=\b(?:was|were|is|are|at|of|:|=)\s*)(?<!out of\s*)([0-5])([+-](?![0-9]))?(?=\s*(?:$|[,;.)]|\s(?:in|on|for|at|and|with|bilaterally|throughout)\b))|\b(zero|trace|poor|fair|good)\b/gi;

/**
 * A grade that names what it grades after it: "4/5 in the EHL", "grade 2 of hip flexion", "MRC
 * grade 4 weakness of hip extension". "2/5 on
 * both sides", "4/5 on the left" name a side, and the grade belongs to what came before, unless
 * a target follows the side ("4/5 on the left in hip flexion").
 */
const FORWARD =
  /^\s*(?:\/\s*5\s*)?(?:on\s+(?:the\s+)?(?:left|right|both\s+sides|each\s+side)(?:\s+side)?\s*,?\s*)?(?:(?:weakness|paresis|power|strength)\s+)?(?:in|of|for|at\s+(?:the\s+)?(?:(?:left|right)\s+)?(?:hip|knee|ankle)|on\b(?!\s+(?:the\s+)?(?:both|each|either|left|right)\b))\b/i;

export function gradesIn(text: string, from = 0, to = text.length): GradeMention[] {
  const out: GradeMention[] = [];
  const piece = text.slice(from, to);
  GRADE.lastIndex = 0;
  for (let m = GRADE.exec(piece); m; m = GRADE.exec(piece)) {
    const start = from + m.index;
    const end = start + m[0].length;
    let mrc: string;
    if (m[1] !== undefined) mrc = m[1] + (m[2] ?? "");
    else if (m[3] !== undefined) mrc = m[3] + (m[4] ?? "");
    else if (m[5] !== undefined) mrc = m[5] + (m[6] ?? "");
    else if (m[7] !== undefined) mrc = m[7] + (m[8] ?? "");
    else {
      const w = (m[9] ?? "").toLowerCase() as keyof typeof MRC_WORDS.words;
      mrc = MRC_WORDS.words[w];
      // A word inside a parenthesis that explains a number ("Grade 4 (good: ...)") is not a grade.
      if (/\(\s*$/.test(text.slice(Math.max(from, start - 3), start))) continue;
    }
    if (isScaleDefinition(text, start, end, from, to)) continue;
    const after = text.slice(end, Math.min(to, end + 24));
    out.push({ start, end, mrc, forward: FORWARD.test(after) });
  }
  return out;
}

/** "from grade 0 (...) to grade 5", "0, no contraction;", "grade 0 (no ...)". */
function isScaleDefinition(text: string, start: number, end: number, from: number, to: number): boolean {
  const before = text.slice(Math.max(from, start - 30), start);
  const after = text.slice(end, Math.min(to, end + 40));
  if (/\bfrom\s*$/i.test(before) && /\bto\b/i.test(text.slice(end, Math.min(to, end + 200)))) return true;
  if (/\bto\s*$/i.test(before) && /\bfrom\b[^.]*$/i.test(text.slice(Math.max(from, start - 200), start)))
    return true;
  if (
    /^\s*[,:=(-]?\s*(no|palpable|trace|flicker|movement|active|full|normal|complete|against|some)\b/i.test(
      after,
    )
  )
    return true;
  if (/scores? (are|is) as follows|scale/i.test(before) && /^\s*,/.test(after)) return true;
  return false;
}

/** "2+", "1+/2+", "0", "absent", "decreased", "brisk" to a reflex grade (NINDS scale). */
export const REFLEX_WORD =
  /\b(absent|abolished|areflexi[ac]|lost|not elicited|unobtainable|no response|decreased|diminished|reduced|depressed|sluggish|hyporeflexi[ac]|trace|weak|normal|preserved|intact|symmetric(?:al)?|present|brisk|exaggerated|increased|hyperreflexi[ac]|pathologically brisk|extensor|upgoing|up-?going|flexor|downgoing|down-?going)\b/i;
