/** The report for export: print-ready HTML (the browser saves it as PDF) and Markdown. */
import { renderMarkdown } from "../../src/report/markdown.js";
import { hypothesisWords, pct } from "../../src/report/words.js";
import type { Differential, Localization, LocusCase, Plan } from "./types.js";

export interface ReportInput {
  c: LocusCase;
  localization: Localization;
  differential: Differential;
  plan: Plan | null;
  revision?: number;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

export function reportMarkdown(r: ReportInput): string {
  return renderMarkdown({
    status: r.differential.status,
    atlasVersion: r.localization.atlasVersion,
    caseId: r.c.id,
    hypotheses: r.localization.hypotheses.slice(0, 5),
    other: r.localization.other,
    searched: r.localization.searched,
    differential: r.differential,
    plan: r.plan ?? {
      atlasVersion: r.localization.atlasVersion,
      entropy: 0,
      hypotheses: [],
      suggestions: [],
      considered: 0,
    },
  });
}

export function reportHtml(r: ReportInput, now = new Date()): string {
  const flags = r.differential.redFlags;
  const hyps = r.localization.hypotheses.slice(0, 5);
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((t) => `<li>${esc(t)}</li>`).join("")}</ul>` : "";
  const body = [
    `<h1>Locus report: ${esc(r.c.id)}</h1>`,
    `<p class="meta">${r.revision ? `Revision ${r.revision}. ` : ""}Atlas ${esc(r.localization.atlasVersion)}. Made ${esc(now.toISOString().slice(0, 16).replace("T", " "))} UTC. Decision support, not a diagnosis.</p>`,
    flags.length
      ? `<section class="flags"><h2>Red flags</h2>${list(flags.map((f) => `${f.severity}: ${f.text}`))}</section>`
      : "",
    "<h2>Localization</h2>",
    `<table><thead><tr><th>#</th><th>Lesion</th><th>Probability</th></tr></thead><tbody>${hyps
      .map(
        (h, i) =>
          `<tr><td>${i + 1}</td><td>${esc(hypothesisWords(h.lesions))}</td><td>${pct(h.probability)}</td></tr>`,
      )
      .join("")}</tbody></table>`,
    ...hyps
      .slice(0, 3)
      .map(
        (h, i) =>
          `<h3>${i + 1}. ${esc(hypothesisWords(h.lesions))} (${pct(h.probability)})</h3>` +
          (h.explains.length ? `<h4>For</h4>${list(h.explains.map((x) => x.text))}` : "") +
          (h.against.length ? `<h4>Against</h4>${list(h.against.map((x) => x.text))}` : "") +
          (h.unexplained.length ? `<h4>Unexplained</h4>${list(h.unexplained.map((x) => x.text))}` : ""),
      ),
    "<h2>Differential</h2>",
    `<table><thead><tr><th>#</th><th>Condition</th><th>Probability</th><th>ICD-10-CM</th></tr></thead><tbody>${r.differential.conditions
      .slice(0, 8)
      .map(
        (d, i) =>
          `<tr><td>${i + 1}</td><td>${esc(d.name)}</td><td>${pct(d.probability)}</td><td>${esc(d.codes.icd10cm)}</td></tr>`,
      )
      .join("")}</tbody></table>`,
    r.differential.workup.some((w) => !w.done)
      ? `<h2>Work-up</h2>${list(r.differential.workup.filter((w) => !w.done).map((w) => `${w.test} (${w.urgency}): ${w.why}`))}`
      : "",
    r.plan?.suggestions.length
      ? `<h2>Next tests</h2>${list(r.plan.suggestions.slice(0, 5).map((s) => `${s.name}: ${s.why}`))}`
      : "",
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Locus report: ${esc(r.c.id)}</title>
<style>
body { font: 11pt/1.45 system-ui, sans-serif; color: #111; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #999; margin-top: 1.4rem; }
h3 { font-size: 1rem; margin-bottom: 0.2rem; } h4 { margin: 0.4rem 0 0; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 0.2rem 0.4rem; text-align: left; }
.flags { border: 2px solid #a00; padding: 0 0.8rem; } .meta { color: #333; }
@media print { body { margin: 0; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
</style></head><body>
${body}
</body></html>
`;
}

/** Offer text as a file download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
