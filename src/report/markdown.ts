/** The report as Markdown, for notes and the record. */
import type { Analysis } from "./analyze.js";
import { criteriaLines, hypothesisWords, pct, undecidedWords } from "./words.js";

const esc = (s: string) => s.replaceAll("|", "\\|");

export function renderMarkdown(a: Analysis): string {
  const out: string[] = [`# Locus report: ${a.caseId ?? "case"}`, "", `Atlas ${a.atlasVersion}.`, ""];
  if (a.differential.redFlags.length) {
    out.push("## Red flags", "");
    for (const f of a.differential.redFlags) {
      out.push(`- **${f.severity}**: ${f.text}`);
      for (const line of criteriaLines(f)) out.push(`  - ${line}`);
    }
    out.push("");
  }
  const why = a.differential.notEnough;
  if (why) {
    out.push("## Not enough to say", "", why.text, "", "### Examine first", "");
    for (const e of why.examineFirst) out.push(`- ${e}`);
    return `${out.join("\n")}\n`;
  }
  out.push("## Localization", "", "| # | lesion | probability |", "| --- | --- | --- |");
  a.hypotheses.forEach((h, i) => {
    out.push(`| ${i + 1} | ${esc(hypothesisWords(h.lesions))} | ${pct(h.probability)} |`);
  });
  out.push("");
  if (a.undecided) out.push(`> ${undecidedWords(a.undecided.between)}`, "");
  a.hypotheses.slice(0, 3).forEach((h, i) => {
    out.push(`### ${i + 1}. ${hypothesisWords(h.lesions)} (${pct(h.probability)})`, "");
    for (const r of h.explains) out.push(`- for: ${r.text}`);
    for (const r of h.against) out.push(`- against: ${r.text}`);
    for (const r of h.unexplained) out.push(`- unexplained: ${r.text}`);
    out.push("");
  });
  out.push("## Differential", "", "| # | condition | probability | ICD-10-CM |", "| --- | --- | --- | --- |");
  a.differential.conditions.slice(0, 8).forEach((d, i) => {
    out.push(`| ${i + 1} | ${esc(d.name)} | ${pct(d.probability)} | ${d.codes.icd10cm} |`);
  });
  if (a.plan.suggestions.length) {
    out.push(
      "",
      "## Next tests",
      "",
      "| # | test | gain (bits) | burden | why |",
      "| --- | --- | --- | --- | --- |",
    );
    a.plan.suggestions.forEach((s, i) => {
      out.push(`| ${i + 1} | ${esc(s.name)} | ${s.gain.toFixed(2)} | ${s.burden} | ${esc(s.why)} |`);
    });
  }
  const todo = a.differential.workup.filter((w) => !w.done);
  if (todo.length) {
    out.push("", "## Work-up", "");
    for (const w of todo) out.push(`- **${w.test}** (${w.urgency}): ${w.why}`);
  }
  return `${out.join("\n")}\n`;
}
