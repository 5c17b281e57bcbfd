/**
 * The pipeline behind /localize, /plan, saved reports, FHIR and CDS Hooks: a parsed case through
 * localize, differential and plan, with a short text report. Pure: no I/O.
 */
import type { LocusCase } from "../case/schema.js";
import type { Hypothesis, Localization } from "../localize/types.js";
import type { Engine } from "./engine.js";

export interface Analysis {
  atlasVersion: string;
  localization: Localization;
  differential: unknown;
  plan: unknown;
  report: { text: string };
}

export class StageMissing extends Error {
  constructor(readonly stage: string) {
    super(`${stage} is not available in this build of Locus`);
    this.name = "StageMissing";
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

export function describeLesions(h: Hypothesis): string {
  return h.lesions
    .map((l) => {
      const where = l.sites.length ? l.sites.join(", ") : l.level.replace(/_/g, " ");
      const level = l.sites.length ? `${l.level.replace(/_/g, " ")} ` : "";
      return `${l.side} ${level}${where}`.trim();
    })
    .join(" + ");
}

/** What a differential entry carries that the service reads (names as the differential stage gives them). */
export interface ConditionView {
  id: string;
  name: string;
  probability?: number;
  redFlags: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** The ranked conditions in a differential, read defensively (the stage's shape may grow). */
export function conditions(differential: unknown): ConditionView[] {
  const list = Array.isArray(differential)
    ? differential
    : isRecord(differential)
      ? (differential.conditions ?? differential.ranked ?? differential.items)
      : undefined;
  if (!Array.isArray(list)) return [];
  const out: ConditionView[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const inner = isRecord(item.condition) ? item.condition : item;
    const id = str(inner.id) ?? str(item.id);
    if (!id) continue;
    const flags = Array.isArray(item.redFlags) ? item.redFlags : [];
    out.push({
      id,
      name: str(inner.name) ?? id.replace(/_/g, " "),
      ...(typeof item.probability === "number" ? { probability: item.probability } : {}),
      redFlags: flags
        .map((f) =>
          typeof f === "string" ? f : isRecord(f) ? (str(f.text) ?? str(f.message) ?? str(f.id)) : undefined,
        )
        .filter((f): f is string => Boolean(f)),
    });
  }
  return out;
}

/** Red flags anywhere in the differential (top level or per condition), de-duplicated. */
export function redFlags(differential: unknown): string[] {
  const flags = new Set<string>();
  if (isRecord(differential) && Array.isArray(differential.redFlags))
    for (const f of differential.redFlags) {
      const t =
        typeof f === "string" ? f : isRecord(f) ? (str(f.text) ?? str(f.message) ?? str(f.id)) : undefined;
      if (t) flags.add(t);
    }
  for (const c of conditions(differential)) for (const f of c.redFlags) flags.add(f);
  return [...flags];
}

export function reportText(loc: Localization, differential: unknown): string {
  const lines: string[] = [];
  const top = loc.hypotheses.slice(0, 3);
  if (top.length === 0) lines.push("No localization could be scored from these findings.");
  top.forEach((h, i) => {
    lines.push(`${i + 1}. ${describeLesions(h)} (${pct(h.probability)})`);
    for (const d of h.detail.slice(0, 2)) lines.push(`   ${d}`);
    for (const r of h.explains.slice(0, 3)) lines.push(`   + ${r.text}`);
    for (const r of h.against.slice(0, 2)) lines.push(`   - ${r.text}`);
  });
  const conds = conditions(differential).slice(0, 3);
  if (conds.length)
    lines.push(
      `Differential: ${conds.map((c) => `${c.name}${c.probability !== undefined ? ` (${pct(c.probability)})` : ""}`).join("; ")}`,
    );
  const flags = redFlags(differential);
  if (flags.length) lines.push(`Red flags: ${flags.join("; ")}`);
  lines.push(`Atlas ${loc.atlasVersion}. Decision support, not a diagnosis.`);
  return lines.join("\n");
}
