/**
 * MRC grades. A case keeps the grade as written ("4-", 4, "weak"); the engine reads numbers.
 * "4-" and "4+" are a third of a grade below and above 4, the usual reading of the modified MRC
 * scale's minus and plus steps.
 */
import { MRC_PATTERN } from "./schema.js";

/** The numeric grade of an MRC value: "4-" -> 3.67, "4+" -> 4.33, "4/5" -> 4, "weak" -> undefined. */
export function mrcGrade(mrc: number | string): number | undefined {
  if (typeof mrc === "number") return Number.isInteger(mrc) && mrc >= 0 && mrc <= 5 ? mrc : undefined;
  const canonical = canonicalMrc(mrc);
  if (canonical === undefined || canonical === "weak") return undefined;
  const base = Number(canonical[0]);
  const step = canonical[1] === "+" ? 1 / 3 : canonical[1] === "-" ? -1 / 3 : 0;
  return Math.round(Math.min(5, Math.max(0, base + step)) * 100) / 100;
}

/**
 * The canonical string of an MRC grade written in the ways clinicians write it: "4/5" -> "4",
 * "4-/5" -> "4-", " 4 + " -> "4+", "M4" -> "4", "Weak" -> "weak". Undefined when it is not one.
 */
export function canonicalMrc(written: string): string | undefined {
  const s = written.trim();
  if (/^weak$/i.test(s)) return "weak";
  const m = /^(?:m\s*)?([0-5])\s*([+-]|\u2212)?\s*(?:\/\s*5\s*)?$/i.exec(s);
  if (!m) return undefined;
  const sign = m[2] === "\u2212" ? "-" : (m[2] ?? "");
  return `${m[1]}${sign}`;
}

/** Whether a canonical MRC string is the scale's own form (not "5+" or "0-", which lie off it). */
export function isOnScale(canonical: string): boolean {
  return MRC_PATTERN.test(canonical) && canonical !== "5+" && canonical !== "0-";
}
