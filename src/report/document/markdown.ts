/** The electrodiagnostic report as Markdown, for notes and the record. */
import {
  EMG_HEAD,
  emgCells,
  headerPairs,
  MARK,
  marked,
  NCS_HEAD,
  ncsCells,
  recommendationItems,
} from "./layout.js";
import type { EdxReport } from "./types.js";

const esc = (s: string) => s.replaceAll("|", "\\|").replaceAll(MARK, `\\${MARK}`);

function table(head: readonly string[], rows: { text: string; abnormal: boolean }[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((cells) => `| ${cells.map((c) => esc(marked(c)) || " ").join(" | ")} |`),
  ];
}

export function reportToMarkdown(r: EdxReport): string {
  const out = [`# ${r.header.title}`, ""];
  for (const [k, v] of headerPairs(r)) out.push(`- **${k}:** ${v}`);
  out.push("", "## Nerve conduction studies", "");
  if (r.ncs.length) out.push(...table(NCS_HEAD, r.ncs.map(ncsCells)));
  else out.push("No nerve conduction studies recorded.");
  out.push("", "## Needle EMG", "");
  if (r.emg.length) out.push(...table(EMG_HEAD, r.emg.map(emgCells)));
  else out.push("No needle EMG recorded.");
  out.push("", "## Summary", "", ...r.summary.map((s) => `- ${s}`));
  out.push("", "## Impression", "", ...r.impression.map((s, i) => `${i + 1}. ${s}`));
  out.push("", "## Clinical correlation", "", ...r.correlation.map((s) => `- ${s}`));
  out.push("", "## Recommendations");
  for (const g of recommendationItems(r))
    out.push("", `### ${g.heading}`, "", ...g.items.map((s) => `- ${s}`));
  out.push("", "---", "", ...r.notes.map((s) => `${esc(s)}`), "", "### References", "");
  out.push(...r.references.map((s) => `- ${s}`));
  return `${out.join("\n")}\n`;
}
