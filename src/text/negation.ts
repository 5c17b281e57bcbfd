/**
 * Negation in the manner of NegEx (Chapman et al. 2001): see assertion.ts, which also reads
 * uncertainty, time and person. "No numbness or weakness", "without weakness", "denies bladder
 * symptoms", "trauma was ruled out", "Babinski sign was not evident", "Babinski neg bilat".
 * Words that are findings in their own right ("absent ankle jerk", "no response", "no MUAP") are
 * read by the finding readers before negation is asked.
 */
import { negatedAt } from "./assertion.js";

/** Whether the phrase text[start, end) is negated, looking only inside [from, to). */
export function isNegated(text: string, start: number, end: number, from = 0, to = text.length): boolean {
  return negatedAt(text, start, end, from, to);
}
