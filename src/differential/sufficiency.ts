/**
 * "Not enough to say": a case with no findings, or only normal ones, holds nothing to localize,
 * and no differential is given for it; the answer says so and what to examine first.
 */
import type { Finding, LocusCase } from "../case/schema.js";
import { mrcValue } from "./clues.js";
import { firstExamination } from "./data/first-examination.js";

export interface NotEnough {
  reason: "no_findings" | "only_normal_findings";
  /** The plain answer, in words. */
  text: string;
  /** What to examine first, most basic first (kinds the case already records are left out). */
  examineFirst: string[];
  sources: string[];
}

const NORMAL_WORDS = /\b(normal|unremarkable|no abnormality|intact)\b/i;

/** Whether a finding records something abnormal (a deficit, a sign, an abnormal test). */
export function isAbnormal(f: Finding): boolean {
  switch (f.kind) {
    case "strength": {
      const v = mrcValue(f.mrc);
      return v === undefined || v < 5;
    }
    case "reflex":
      return f.grade !== "normal" && f.grade !== "flexor";
    case "sensory":
      return f.change !== "normal";
    case "emg":
      return (
        (f.spontaneous !== undefined && f.spontaneous !== "none") ||
        (f.muap !== undefined && f.muap !== "normal") ||
        (f.recruitment !== undefined && f.recruitment !== "normal")
      );
    case "ncs":
      return f.result !== "normal";
    case "sign":
      // pulses (v1.1) are the one sign whose presence is the normal finding
      return (f.sign as string) === "pulses" ? f.present === false : f.present !== false;
    case "imaging":
      if (f.tags.some((t) => t !== "normal")) return true;
      return f.tags.length === 0 && Boolean(f.text) && !NORMAL_WORDS.test(f.text ?? "");
    case "lab":
      return f.result !== "normal";
    default:
      return true;
  }
}

/** Undefined when the case holds something to localize; otherwise the plain answer. */
export function notEnough(c: LocusCase): NotEnough | undefined {
  if (c.findings.some(isAbnormal)) return undefined;
  const none = c.findings.length === 0;
  const recorded = new Set<string>(c.findings.map((f) => f.kind));
  const hasContext = Boolean(c.context?.onset || c.context?.history?.length || c.context?.symptoms?.length);
  if (recorded.has("emg")) recorded.add("ncs");
  if (hasContext) recorded.add("context");
  const items = firstExamination.filter((e) => !recorded.has(e.kind));
  return {
    reason: none ? "no_findings" : "only_normal_findings",
    text: none
      ? "Not enough to say: the case records no examination or test findings, so there is nothing to localize and no differential is given."
      : `Not enough to say: all ${c.findings.length} findings recorded are normal, so there is nothing to localize and no differential is given.`,
    examineFirst: items.map((e) => e.text),
    sources: [...new Set(items.flatMap((e) => e.sources))],
  };
}
