/**
 * The Locus CDS service: its discovery entry and the cards it answers with. Pure: the caller
 * gathers the Observations (prefetch or FHIR server), runs the analysis and saves the case.
 */
import { createHash, randomUUID } from "node:crypto";
import type { AnalysisDifferential } from "../analysis/assemble.js";
import { lesionText } from "../fhir/report.js";
import type { Hypothesis } from "../localize/types.js";
import type { Card } from "./schema.js";

export const SERVICE_ID = "locus-leg";

/**
 * The id of the case saved for one hook call: a SHA-256 digest of the FHIR server, the patient and
 * the hook instance, so that two patients or two instances never share a case (an id cut from the
 * hook instance alone once linked a second patient's card to the first patient's case). The same
 * call repeated names the same case.
 */
export function hookCaseId(call: {
  fhirServer?: string | undefined;
  patientId: string;
  hookInstance: string;
}): string {
  const key = JSON.stringify([call.fhirServer ?? "", call.patientId, call.hookInstance]);
  return `cds-${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}

export const PREFETCH = {
  patient: "Patient/{{context.patientId}}",
  observations: "Observation?patient={{context.patientId}}&_count=500",
} as const;

export const DISCOVERY = {
  services: [
    {
      hook: "patient-view",
      id: SERVICE_ID,
      title: "Locus: where is the lesion in this leg?",
      description:
        "Reads the patient's strength, reflex, sensory, EMG and nerve conduction Observations and answers the leading localization and differential with their basis, red flags as critical cards, and a link to the case in Locus.",
      prefetch: { ...PREFETCH },
      usageRequirements:
        "Observations coded as in Locus's FHIR implementation guide (Locus codes for examination and electrodiagnostic findings, LOINC for laboratory tests).",
    },
  ],
};

export interface CardInput {
  atlasVersion: string;
  /** The analysis's hypotheses (src/analysis/assemble.ts). */
  hypotheses: Hypothesis[];
  differential: AnalysisDifferential | null;
  plan: unknown;
  caseUrl?: string | undefined;
  /** How many Observations were read, and how many skipped. */
  read: number;
  skipped: number;
}

const SOURCE = (atlasVersion: string) => ({ label: `Locus (atlas ${atlasVersion})` });
const pct = (p: number) => `${Math.round(p * 100)}%`;
const clip = (s: string, n = 140) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The next tests, read defensively from the plan stage's answer (its shape may grow). */
function planLines(plan: unknown): string[] {
  const list = Array.isArray(plan)
    ? plan
    : typeof plan === "object" && plan !== null
      ? ((plan as Record<string, unknown>).suggestions ?? (plan as Record<string, unknown>).tests)
      : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .slice(0, 3)
    .map((t) => {
      if (typeof t !== "object" || t === null) return undefined;
      const r = t as Record<string, unknown>;
      const name = [r.name, r.test, r.label, r.id].find((v) => typeof v === "string");
      const why = [r.why, r.reason].find((v) => typeof v === "string");
      return typeof name === "string" ? `${name}${typeof why === "string" ? `: ${why}` : ""}` : undefined;
    })
    .filter((s): s is string => Boolean(s));
}

export function cards(input: CardInput): Card[] {
  const { hypotheses, differential } = input;
  const top = hypotheses[0];
  if (!top) return [];
  const links = input.caseUrl
    ? [{ label: "Open the case in Locus", url: input.caseUrl, type: "absolute" as const }]
    : [];
  const out: Card[] = [];
  for (const flag of differential?.redFlags ?? []) {
    out.push({
      uuid: randomUUID(),
      summary: clip(`Locus red flag: ${flag.text}`),
      detail: [
        `**${flag.text}**`,
        flag.because.length ? `Because: ${flag.because.join("; ")}.` : "",
        flag.action.length ? `Now: ${flag.action.map((a) => `${a.test} (${a.urgency})`).join("; ")}.` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      indicator: flag.severity === "critical" ? "critical" : "warning",
      source: SOURCE(input.atlasVersion),
      links,
    });
  }
  const lines: string[] = ["**Where is the lesion?**", ""];
  hypotheses.slice(0, 3).forEach((h, i) => {
    lines.push(
      `${i + 1}. **${lesionText(h)}** (${pct(h.probability)})${h.detail.length ? `: ${h.detail.join("; ")}` : ""}`,
    );
    for (const r of h.explains.slice(0, 4)) lines.push(`   - for: ${r.text}`);
    for (const r of h.against.slice(0, 3)) lines.push(`   - against: ${r.text}`);
    for (const r of h.unexplained.slice(0, 2)) lines.push(`   - unexplained: ${r.text}`);
  });
  const conditions = differential?.conditions.slice(0, 3) ?? [];
  if (conditions.length) {
    lines.push("", "**What is it likely to be?**", "");
    for (const c of conditions) {
      lines.push(`- **${c.name}** (${pct(c.probability)})`);
      for (const r of c.for.slice(0, 3)) lines.push(`   - for: ${r.text}`);
      for (const r of c.against.slice(0, 2)) lines.push(`   - against: ${r.text}`);
    }
  }
  const next = planLines(input.plan);
  if (next.length) lines.push("", "**What would settle it?**", "", ...next.map((n) => `- ${n}`));
  lines.push(
    "",
    `Read ${input.read} Observation(s)${input.skipped ? `, skipped ${input.skipped} Locus does not read` : ""}. Decision support, not a diagnosis.`,
  );
  const lead = conditions[0];
  out.push({
    uuid: randomUUID(),
    summary: clip(
      `Locus: ${lesionText(top)} (${pct(top.probability)})${lead ? `; likely ${lead.name} (${pct(lead.probability)})` : ""}`,
    ),
    detail: lines.join("\n"),
    indicator: "info",
    source: SOURCE(input.atlasVersion),
    links,
  });
  return out;
}
