/**
 * Small builders for tests: a case from a few fields, a localization from lesions.
 * Not exported from index.ts.
 */
import type { Finding, Lesion, LocusCase } from "../case/schema.js";
import type { Hypothesis, Localization } from "../localize/types.js";

export interface MiniCase {
  age?: number;
  sex?: "male" | "female";
  onset?: "acute" | "subacute" | "chronic";
  durationDays?: number;
  /** FORMAT.md v1.1 (read whether or not the schema has it yet). */
  course?: "improving" | "stable" | "worsening" | "fluctuating";
  denies?: string[];
  history?: string[];
  symptoms?: string[];
  findings?: Finding[];
}

export function mkCase(m: MiniCase, id = "synthetic"): LocusCase {
  return {
    format: "locus-case/1",
    id,
    patient: { ...(m.age !== undefined ? { age: m.age } : {}), ...(m.sex ? { sex: m.sex } : {}) },
    context: {
      ...(m.onset ? { onset: m.onset } : {}),
      ...(m.durationDays !== undefined ? { durationDays: m.durationDays } : {}),
      ...(m.course ? { course: m.course } : {}),
      ...(m.denies ? { denies: m.denies } : {}),
      history: m.history ?? [],
      symptoms: m.symptoms ?? [],
    } as LocusCase["context"],
    findings: m.findings ?? [],
  };
}

export function hyp(lesions: Lesion[], probability: number): Hypothesis {
  return { lesions, probability, explains: [], against: [], unexplained: [], detail: [], score: 0 };
}

/** A localization: each entry is a lesion set with its probability; the rest is `other`. */
export function mkLoc(...hs: [Lesion[], number][]): Localization {
  const hypotheses = hs.map(([l, p]) => hyp(l, p));
  const used = hs.reduce((a, [, p]) => a + p, 0);
  return { atlasVersion: "test", hypotheses, other: Math.max(0, 1 - used), searched: hs.length };
}

export const L = (level: Lesion["level"], sites: string[], side: Lesion["side"]): Lesion => ({
  level,
  sites,
  side,
});
