/** Run every case of a folder that has `expected`, timed, and score it. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Issue, parseCaseText } from "../case/index.js";
import type { Lesion } from "../case/schema.js";
import { differential } from "../differential/index.js";
import { localize } from "../localize/index.js";
import { type Calibration, calibration } from "./calibration.js";
import { type CaseScore, type Summary, scoreCase, summarise } from "./score.js";

export interface CaseResult extends CaseScore {
  id: string;
  file: string;
  ms: number;
  expected: Lesion[];
  expectedDiagnosis?: string;
  top: { lesions: Lesion[]; probability: number }[];
  diagnoses: { id: string; probability: number }[];
}

export interface EvalReport {
  summary: Summary;
  /** How well the first answer's stated probability matches how often it is right (calibration.ts). */
  calibration: { localization: Calibration };
  cases: CaseResult[];
  /** Files that could not be read as cases, with their errors. */
  invalid: { file: string; errors: Issue[] }[];
}

const ALL_CONDITIONS = 10_000;

export function evaluateFolder(folder: string): EvalReport {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const cases: CaseResult[] = [];
  const invalid: EvalReport["invalid"] = [];
  for (const file of files) {
    const parsed = parseCaseText(readFileSync(join(folder, file), "utf8"), file);
    if (!parsed.ok) {
      invalid.push({ file, errors: parsed.errors });
      continue;
    }
    const c = parsed.case;
    if (!c.expected) continue;
    const t0 = performance.now();
    // What the scoring reads: the localization and the differential (the planner is not scored).
    const loc = localize(c, { limit: 5 });
    // every condition listed, so the Brier score sees the whole diagnosis distribution
    const a = { hypotheses: loc.hypotheses, differential: differential(c, loc, { limit: ALL_CONDITIONS }) };
    const ms = performance.now() - t0;
    const diagnoses = a.differential.conditions.map((d) => d.id);
    const probabilities = a.differential.conditions.map((d) => ({ id: d.id, probability: d.probability }));
    cases.push({
      id: c.id ?? file,
      file,
      ms,
      ...scoreCase(c.expected, a.hypotheses, diagnoses, probabilities),
      expected: c.expected.localization,
      ...(c.expected.diagnosis ? { expectedDiagnosis: c.expected.diagnosis } : {}),
      top: a.hypotheses.slice(0, 3).map((h) => ({ lesions: h.lesions, probability: h.probability })),
      diagnoses: a.differential.conditions.slice(0, 3).map((d) => ({ id: d.id, probability: d.probability })),
    });
  }
  return {
    summary: summarise(
      cases,
      cases.map((c) => c.ms),
    ),
    calibration: {
      localization: calibration(cases.map((c) => ({ p: c.top[0]?.probability ?? 0, hit: c.exact }))),
    },
    cases,
    invalid,
  };
}
