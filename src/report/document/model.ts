/**
 * The electrodiagnostic report of a case: one model from the case (already parsed and normalised)
 * and its analysis. The renderers (markdown.ts, html.ts, pdf.ts, and the FHIR DiagnosticReport's
 * presentedForm) only lay it out.
 */
import type { LocusCase } from "../../case/schema.js";
import { spoken } from "../../differential/words.js";
import type { Analysis } from "../analyze.js";
import { pct } from "../words.js";
import { characterize } from "./character.js";
import { emgRowAbnormal, emgTable } from "./emg.js";
import { impression } from "./impression.js";
import { ncsAbnormal, ncsTable } from "./ncs.js";
import { protocolWords, settledWords } from "./settled.js";
import { citation, type ReportSourceKey } from "./sources.js";
import type { EdxReport, EmgRow, NcsRow, Recommendations, ReportHeader, ReportOptions } from "./types.js";

const NOT_RECORDED = "not recorded";

/** A header field from the options, else the case's `meta` (a string there), else "not recorded". */
function given(c: LocusCase, options: ReportOptions, key: keyof ReportOptions): string {
  const own = options[key]?.trim();
  if (own) return own;
  const meta = c.meta?.[key];
  return typeof meta === "string" && meta.trim() ? meta.trim() : NOT_RECORDED;
}

function patientWords(c: LocusCase): string {
  const p = c.patient ?? {};
  const parts = [
    p.age !== undefined ? `${p.age} years` : "",
    p.sex && p.sex !== "unknown" ? p.sex : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : NOT_RECORDED;
}

/** The referral question: given, else the planner's reading of it (said to be Locus's), else not recorded. */
function referral(c: LocusCase, a: Analysis, options: ReportOptions): string {
  const own = given(c, options, "referral");
  const question = protocolWords(a.plan)?.question;
  return own === NOT_RECORDED && question ? `${question} (as Locus reads it; not recorded in the case)` : own;
}

function header(c: LocusCase, a: Analysis, options: ReportOptions): ReportHeader {
  return {
    title: "Electrodiagnostic report (decision support)",
    caseId: c.id,
    patient: patientWords(c),
    referral: referral(c, a, options),
    studyDate: given(c, options, "studyDate"),
    examiner: given(c, options, "examiner"),
    atlasVersion: a.atlasVersion,
    ...(c.source ? { source: c.source } : {}),
  };
}

const list = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

function summary(ncs: NcsRow[], emg: EmgRow[]): string[] {
  const out: string[] = [];
  const badNcs = ncs.filter(ncsAbnormal);
  if (ncs.length)
    out.push(
      `Nerve conduction: ${ncs.length} ${ncs.length === 1 ? "study" : "studies"}; ${
        badNcs.length
          ? `abnormal: ${list(badNcs.map((r) => `${r.side} ${r.study} (${[r.latency, r.amplitude, r.velocity].filter((x) => x.abnormal).map((x) => x.text)[0] ?? "abnormal"})`))}`
          : "all within normal limits"
      }.`,
    );
  const badEmg = emg.filter(emgRowAbnormal);
  if (emg.length)
    out.push(
      `Needle EMG: ${emg.length} ${emg.length === 1 ? "muscle" : "muscles"}; ${
        badEmg.length
          ? `abnormal in ${badEmg.length}: ${list(badEmg.map((r) => `${r.side} ${r.muscle}`))}`
          : "all normal"
      }${badEmg.length && badEmg.length < emg.length ? `; normal in ${list(emg.filter((r) => !emgRowAbnormal(r)).map((r) => `${r.side} ${r.muscle}`))}` : ""}.`,
    );
  if (!out.length) out.push("No nerve conduction or needle EMG results are recorded in this case.");
  return out;
}

function correlation(c: LocusCase, a: Analysis): string[] {
  const ctx = c.context ?? {};
  const story = [
    ctx.onset ? `${ctx.onset} onset` : "",
    ctx.durationDays !== undefined ? `${Math.round(ctx.durationDays)} days` : "",
    ctx.course ?? "",
  ].filter(Boolean);
  const out: string[] = [];
  const symptoms = (ctx.symptoms ?? []).map(spoken);
  const history = (ctx.history ?? []).map(spoken);
  if (story.length || symptoms.length) out.push(`Presentation: ${[...story, ...symptoms].join("; ")}.`);
  if (history.length) out.push(`History: ${history.join("; ")}.`);
  const top = a.hypotheses[0];
  if (top?.explains.length)
    out.push(
      `The localization explains: ${top.explains
        .slice(0, 4)
        .map((r) => r.text)
        .join("; ")}.`,
    );
  if (top?.against.length)
    out.push(
      `Against it: ${top.against
        .slice(0, 3)
        .map((r) => r.text)
        .join("; ")}.`,
    );
  if (top?.unexplained.length)
    out.push(
      `Not explained by it: ${top.unexplained
        .slice(0, 3)
        .map((r) => r.text)
        .join("; ")}.`,
    );
  const [first, ...rest] = a.differential.conditions;
  if (first)
    out.push(
      `Most likely cause: ${first.name} (${pct(first.probability)})${
        rest.length
          ? `; also considered: ${rest
              .slice(0, 2)
              .map((d) => `${d.name} (${pct(d.probability)})`)
              .join("; ")}`
          : ""
      }.`,
    );
  for (const f of a.differential.redFlags)
    out.push(`Red flag (${f.severity}): ${f.text.replace(/\.$/, "")}.`);
  return out;
}

const URGENCY = { emergency: 0, urgent: 1, routine: 2 } as const;

function recommendations(a: Analysis): Recommendations {
  const settled = settledWords(a.plan);
  const workup = a.differential.workup
    .filter((w) => !w.done)
    .sort((x, y) => URGENCY[x.urgency] - URGENCY[y.urgency])
    .map((w) => `${w.test} (${w.urgency}): ${w.why}`);
  const protocol = protocolWords(a.plan)?.steps ?? [];
  return {
    tests: a.plan.suggestions.map((s) => `${s.name}: ${s.why}`),
    ...(settled ? { settled } : {}),
    workup,
    ...(protocol.length ? { protocol } : {}),
  };
}

const CITED: ReportSourceKey[] = ["jablecki2005", "ginsberg2020", "preston2020"];

export function buildReport(c: LocusCase, a: Analysis, options: ReportOptions = {}): EdxReport {
  const ncs = ncsTable(c);
  const emg = emgTable(c);
  const character = characterize(c);
  return {
    header: header(c, a, options),
    ncs,
    emg,
    summary: summary(ncs, emg),
    impression: impression(a, character),
    correlation: correlation(c, a),
    recommendations: recommendations(a),
    notes: [
      "Values marked * lie outside the normal limit beside them, or were read as abnormal by the examiner. Limits are for adults with the skin above 30 °C; the atlas's notes give the effects of age and height.",
      "Decision support, not a diagnosis: Locus reasons over the findings it was given; the electromyographer signs the report.",
    ],
    references: CITED.map(citation),
  };
}
