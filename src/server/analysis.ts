/**
 * The pipeline behind /localize, /plan, saved reports, FHIR and CDS Hooks: a parsed case through
 * localize, differential and plan, with a short text report. Pure: no I/O.
 */
import type { LocusCase } from "../case/schema.js";
import type { Differential, RedFlag } from "../differential/types.js";
import type { Localization } from "../localize/types.js";
import { hypothesisWords } from "../report/words.js";
import type { Engine } from "./engine.js";

export interface Analysis {
  atlasVersion: string;
  localization: Localization;
  differential: Differential | null;
  plan: unknown;
  report: { text: string };
}

export class StageMissing extends Error {
  constructor(readonly stage: string) {
    super(`${stage} is not available in this build of Locus`);
    this.name = "StageMissing";
  }
}

/** What is saved beside a revision: the analysis of it, with the atlas version it was made with. */
export interface SavedReport {
  atlasVersion: string;
  body: {
    normalisations: unknown[];
    warnings: unknown[];
    localization: Localization;
    differential: Differential | null;
    plan: unknown;
    report: { text: string };
  };
}

/**
 * The report to save with a case, or null when it cannot be made: the case is saved whatever
 * happens to its analysis (nothing the user entered is lost). `onError` hears of engine failures.
 */
export function savedReport(
  engine: Engine,
  parsed: { case: LocusCase; normalisations: unknown[]; warnings: unknown[] },
  onError: (error: Error) => void = () => {},
): SavedReport | null {
  try {
    const a = analyse(engine, parsed.case);
    return {
      atlasVersion: a.atlasVersion,
      body: {
        normalisations: parsed.normalisations,
        warnings: parsed.warnings,
        localization: a.localization,
        differential: a.differential,
        plan: a.plan,
        report: a.report,
      },
    };
  } catch (error) {
    if (!(error instanceof StageMissing)) onError(error as Error);
    return null;
  }
}

export function analyse(engine: Engine, c: LocusCase): Analysis {
  if (!engine.localize) throw new StageMissing("localize");
  const localization = engine.localize(c);
  const differential = engine.differential ? engine.differential(c, localization) : null;
  const plan = engine.plan ? engine.plan(c, localization) : null;
  return {
    atlasVersion: engine.atlasVersion,
    localization,
    differential,
    plan,
    report: { text: reportText(localization, differential) },
  };
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The red flags of a differential, most severe first. */
export function redFlags(differential: Differential | null): RedFlag[] {
  if (!differential) return [];
  return [...differential.redFlags].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1,
  );
}

export function reportText(loc: Localization, differential: Differential | null): string {
  const lines: string[] = [];
  // not enough to say: the plain answer instead of a localization and a differential
  if (differential?.notEnough) {
    lines.push(
      differential.notEnough.text,
      `Examine first: ${differential.notEnough.examineFirst.join("; ")}.`,
    );
    for (const f of redFlags(differential)) lines.push(`Red flag (${f.severity}): ${f.text}`);
    return lines.join("\n");
  }
  const top = loc.hypotheses.slice(0, 3);
  if (top.length === 0) lines.push("No localization could be scored from these findings.");
  top.forEach((h, i) => {
    lines.push(`${i + 1}. ${hypothesisWords(h.lesions)} (${pct(h.probability)})`);
    for (const d of h.detail.slice(0, 2)) lines.push(`   ${d}`);
    for (const r of h.explains.slice(0, 3)) lines.push(`   + ${r.text}`);
    for (const r of h.against.slice(0, 2)) lines.push(`   - ${r.text}`);
  });
  const conds = differential?.conditions.slice(0, 3) ?? [];
  if (conds.length)
    lines.push(`Differential: ${conds.map((c) => `${c.name} (${pct(c.probability)})`).join("; ")}`);
  for (const f of redFlags(differential)) lines.push(`Red flag (${f.severity}): ${f.text}`);
  lines.push(`Atlas ${loc.atlasVersion}. Decision support, not a diagnosis.`);
  return lines.join("\n");
}
