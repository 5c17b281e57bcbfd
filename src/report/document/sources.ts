import { sources as atlasSources } from "../../atlas/data/sources.js";
import type { Source } from "../../atlas/types.js";

/**
 * What the electrodiagnostic report cites: its layout, its standard words and the normal limits it
 * adds to the atlas's. Facts come from these; the wording is Locus's own. URLs only where confirmed.
 */
export const reportSources = {
  jablecki2005: {
    title: "Reporting the results of needle EMG and nerve conduction studies: an educational report",
    authors: "Jablecki CK, Busis NA, Brandstater MA, Krivickas LS, Miller RG, Robinton JE (AANEM)",
    year: 2005,
    published: "Muscle & Nerve 32:682-685",
    kind: "guideline",
  },
  ginsberg2020: {
    title: "Using and interpreting electrodiagnostic tests",
    authors: "Ginsberg MR, Morren JA, Levin KH",
    year: 2020,
    published: "Cleveland Clinic Journal of Medicine 87(11):671-682",
    url: "https://www.ccjm.org/content/87/11/671",
    kind: "review",
  },
  /** The atlas cites it for its limits; the report for its tables, velocity limits and impression rules. */
  preston2020: atlasSources.preston2020,
} satisfies Record<string, Source>;

export type ReportSourceKey = keyof typeof reportSources;

/** A source as one line of a reference list. */
export function citation(key: ReportSourceKey): string {
  const s: Source = reportSources[key];
  return `${s.authors}. ${s.title}. ${s.published}, ${s.year}.${s.url ? ` ${s.url}` : ""}`;
}
