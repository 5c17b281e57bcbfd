/** The electrodiagnostic report as a standalone HTML page, print-ready. */
import { EMG_HEAD, emgCells, headerPairs, MARK, NCS_HEAD, ncsCells, recommendationItems } from "./layout.js";
import type { Cell, EdxReport } from "./types.js";

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

const td = (c: Cell) =>
  c.abnormal && c.text
    ? `<td class="abnormal">${esc(c.text)} <abbr title="outside the normal limit">${MARK}</abbr></td>`
    : `<td>${esc(c.text)}</td>`;

function table(caption: string, head: readonly string[], rows: Cell[][]): string {
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join(
      "",
    )}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(td).join("")}</tr>`).join("")}</tbody></table>`;
}

const ul = (xs: string[]) => `<ul>${xs.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>`;

const STYLE = `body { font: 10.5pt/1.4 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.35rem; } h2 { font-size: 1.1rem; border-bottom: 1px solid #999; margin-top: 1.3rem; }
h3 { font-size: 0.95rem; margin: 0.6rem 0 0.2rem; }
dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; } dl.header dt { font-weight: 600; } dl.header dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; } caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
th, td { border: 1px solid #bbb; padding: 0.15rem 0.35rem; text-align: left; vertical-align: top; }
td.abnormal { font-weight: 700; background: #fde8e8; }
.notes { color: #333; font-size: 9pt; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }`;

export function reportToHtml(r: EdxReport): string {
  const body = [
    `<h1>${esc(r.header.title)}</h1>`,
    `<dl class="header">${headerPairs(r)
      .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
      .join("")}</dl>`,
    "<h2>Nerve conduction studies</h2>",
    r.ncs.length
      ? table("Nerve conduction studies", NCS_HEAD, r.ncs.map(ncsCells))
      : "<p>No nerve conduction studies recorded.</p>",
    "<h2>Needle EMG</h2>",
    r.emg.length ? table("Needle EMG", EMG_HEAD, r.emg.map(emgCells)) : "<p>No needle EMG recorded.</p>",
    `<h2>Summary</h2>${ul(r.summary)}`,
    `<h2>Impression</h2><ol>${r.impression.map((s) => `<li>${esc(s)}</li>`).join("")}</ol>`,
    `<h2>Clinical correlation</h2>${ul(r.correlation)}`,
    "<h2>Recommendations</h2>",
    ...recommendationItems(r).map((g) => `<h3>${esc(g.heading)}</h3>${ul(g.items)}`),
    `<div class="notes">${r.notes.map((n) => `<p>${esc(n)}</p>`).join("")}<h3>References</h3>${ul(r.references)}</div>`,
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.header.title)}: ${esc(r.header.caseId)}</title>
<style>
${STYLE}
</style></head><body>
${body}
</body></html>
`;
}
