/** Lesions and probabilities in words, shared by the text and Markdown reports. */
import type { Lesion } from "../case/schema.js";
import { hypothesisPhrase, lesionPhrase } from "../differential/words.js";

/** One lesion in a clinician's words (the atlas's names, never an internal id). */
export function lesionWords(l: Lesion): string {
  return lesionPhrase(l);
}

export function hypothesisWords(lesions: readonly Lesion[]): string {
  return hypothesisPhrase(lesions);
}

export const pct = (p: number): string =>
  p >= 0.995 ? "99%" : p < 0.01 && p > 0 ? "<1%" : `${Math.round(p * 100)}%`;

export function bar(p: number, width = 20): string {
  const full = Math.round(p * width);
  return `${"█".repeat(full)}${"░".repeat(width - full)}`;
}
