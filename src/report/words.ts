/** Lesions and probabilities in words, shared by the text and Markdown reports. */
import type { Lesion } from "../case/schema.js";
import type { RedFlag } from "../differential/types.js";
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

/** A red flag's criteria beside it: those that hold (with what shows them), those denied or absent, and what argues against. */
export function criteriaLines(f: RedFlag): string[] {
  const holds = f.criteria.filter((c) => c.status === "holds");
  const denied = f.criteria.filter((c) => c.status === "denied");
  const absent = f.criteria.filter((c) => c.status === "absent");
  const lines: string[] = [];
  if (holds.length)
    lines.push(`holds: ${holds.map((c) => `${c.text} (${c.evidence.join("; ")})`).join("; ")}`);
  if (denied.length) lines.push(`denied: ${denied.map((c) => c.text).join("; ")}`);
  if (absent.length) lines.push(`not found: ${absent.map((c) => c.text).join("; ")}`);
  if (f.against.length) lines.push(`against: ${f.against.join("; ")}`);
  if (f.action.length) lines.push(`now: ${f.action.map((w) => w.test).join("; ")}`);
  return lines;
}

/** "I cannot tell": the answers the findings cannot separate, by their numbers in the list. */
export function undecidedWords(between: readonly number[]): string {
  const numbers = between.map((i) => String(i + 1));
  const list = numbers.length > 1 ? `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}` : numbers[0];
  return `Locus cannot tell ${list} apart from these findings: the next tests below are what would.`;
}
