/**
 * The electrodiagnostic report for download: the service makes it (POST /api/v1/report), so the
 * page's PDF, HTML and Markdown are the same report as the CLI's and the API's, from one model.
 */
import type { Issue, LocusCase } from "./types.js";

export type ReportFormat = "pdf" | "html" | "md";

export const REPORT_FORMATS: { format: ReportFormat; label: string }[] = [
  { format: "pdf", label: "PDF" },
  { format: "html", label: "HTML" },
  { format: "md", label: "Markdown" },
];

/** The report of the case as a file, or an Error in the service's words (with the case's issues). */
export async function fetchReport(c: LocusCase, format: ReportFormat): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/report?format=${format}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(c),
    });
  } catch {
    throw new Error("the Locus service cannot be reached");
  }
  if (res.ok) return res.blob();
  let message = `the service answered ${res.status}`;
  try {
    const p = (await res.json()) as { error?: { message?: string; issues?: Issue[] } };
    const issues = (p.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
    message = [p.error?.message ?? message, ...issues].join("; ");
  } catch {
    // not a problem document: the status says it
  }
  throw new Error(message);
}

/** Offer a file for download. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
