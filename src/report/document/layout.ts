/**
 * The report's tables as rows of plain strings, shared by every renderer, so Markdown, HTML and PDF
 * show the same columns with the same marks.
 */
import type { Cell, EdxReport } from "./types.js";

/** The abnormal mark. */
export const MARK = "*";
export const marked = (c: Cell): string => (c.abnormal && c.text ? `${c.text} ${MARK}` : c.text);

export const NCS_HEAD = [
  "Nerve (study)",
  "Side",
  "Stimulation",
  "Recording",
  "Latency (ms)",
  "Limit",
  "Amplitude",
  "Limit",
  "Velocity (m/s)",
  "Limit",
  "Other side",
] as const;

export const EMG_HEAD = [
  "Muscle",
  "Side",
  "Nerve",
  "Roots",
  "Insertional",
  "Spontaneous (grade)",
  "MUAP",
  "Recruitment",
] as const;

export function ncsCells(r: EdxReport["ncs"][number]): { text: string; abnormal: boolean }[] {
  const plain = (text: string) => ({ text, abnormal: false });
  const study = r.comment ? `${r.study}; ${r.comment}` : r.study;
  return [
    plain(study),
    plain(r.side),
    plain(r.stimulation),
    plain(r.recording),
    r.latency,
    plain(r.latencyLimit),
    r.amplitude,
    plain(r.amplitudeLimit),
    r.velocity,
    plain(r.velocityLimit),
    r.otherSide,
  ];
}

export function emgCells(r: EdxReport["emg"][number]): { text: string; abnormal: boolean }[] {
  const plain = (text: string) => ({ text, abnormal: false });
  return [
    plain(r.muscle),
    plain(r.side),
    plain(r.nerve),
    plain(r.roots),
    r.insertional,
    r.spontaneous,
    r.muap,
    r.recruitment,
  ];
}

/** The header as label and value pairs. */
export function headerPairs(r: EdxReport): [string, string][] {
  const h = r.header;
  return [
    ["Case", h.caseId],
    ["Patient", h.patient],
    ["Referral question", h.referral],
    ["Study date", h.studyDate],
    ["Examiner", h.examiner],
    ["Atlas", h.atlasVersion],
    ...(h.source ? ([["Source", h.source]] as [string, string][]) : []),
  ];
}

/** The recommendations as list items: the settled word, the next tests, the work-up. */
export function recommendationItems(r: EdxReport): { heading: string; items: string[] }[] {
  const rec = r.recommendations;
  const out: { heading: string; items: string[] }[] = [];
  if (rec.settled) out.push({ heading: "Settled", items: [rec.settled] });
  out.push({
    heading: "Next tests",
    items: rec.tests.length ? rec.tests : ["No further test is suggested."],
  });
  if (rec.protocol?.length) out.push({ heading: "EMG protocol, in order", items: rec.protocol });
  if (rec.workup.length) out.push({ heading: "Work-up", items: rec.workup });
  return out;
}
