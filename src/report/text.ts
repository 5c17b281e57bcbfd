/** The report for a terminal: ranked localizations with bars, the reasons, the differential. */
import pc from "picocolors";
import type { Analysis } from "./analyze.js";
import { bar, criteriaLines, hypothesisWords, pct, undecidedWords } from "./words.js";

export interface TextOptions {
  color?: boolean;
  /** How many reasons of each kind to show per hypothesis. */
  reasons?: number;
}

export function renderText(a: Analysis, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const n = options.reasons ?? 4;
  const out: string[] = [];
  out.push(c.bold(`Locus: ${a.caseId ?? "case"}`) + c.dim(`  (atlas ${a.atlasVersion})`));
  const flags = a.differential.redFlags;
  if (flags.length) {
    out.push("", c.bold("Red flags"));
    for (const f of flags) {
      out.push(`  ${f.severity === "critical" ? c.red("■ CRITICAL") : c.yellow("■ warning")} ${f.text}`);
      for (const line of criteriaLines(f)) out.push(`      ${c.dim(line)}`);
    }
  }
  const why = a.differential.notEnough;
  if (why) {
    out.push("", c.bold(why.text), "", c.bold("Examine first"));
    for (const e of why.examineFirst) out.push(`  • ${e}`);
    return `${out.join("\n")}\n`;
  }
  out.push("", c.bold("Where is the lesion?"));
  a.hypotheses.forEach((h, i) => {
    out.push(
      `${String(i + 1).padStart(2)}. ${c.cyan(bar(h.probability))} ${pct(h.probability).padStart(4)}  ${c.bold(hypothesisWords(h.lesions))}`,
    );
    if (i > 2) return;
    for (const r of h.explains.slice(0, n)) out.push(`      ${c.green("+")} ${r.text}`);
    for (const r of h.against.slice(0, n)) out.push(`      ${c.red("-")} ${r.text}`);
    for (const r of h.unexplained.slice(0, n)) out.push(`      ${c.yellow("?")} ${r.text}`);
  });
  if (a.other > 0.005) out.push(`    other hypotheses: ${pct(a.other)}`);
  if (a.undecided) out.push(c.yellow(`  ${undecidedWords(a.undecided.between)}`));
  if (a.skipped?.length)
    for (const s of a.skipped) out.push(c.yellow(`  finding ${s.finding} not used: ${s.why}`));
  out.push("", c.bold("What is it likely to be?"));
  a.differential.conditions.slice(0, 5).forEach((d, i) => {
    out.push(
      `${String(i + 1).padStart(2)}. ${c.cyan(bar(d.probability, 12))} ${pct(d.probability).padStart(4)}  ${c.bold(d.name)}${d.mustNotMiss ? c.red(" (must not miss)") : ""}  ${c.dim(d.codes.icd10cm)}`,
    );
    if (i > 1) return;
    for (const r of d.for.slice(0, 3)) out.push(`      ${c.green("+")} ${r.text}`);
    for (const r of d.against.slice(0, 2)) out.push(`      ${c.red("-")} ${r.text}`);
  });
  if (a.plan.suggestions.length) {
    out.push("", c.bold("Which test next?"));
    a.plan.suggestions.slice(0, 5).forEach((s, i) => {
      out.push(
        `${String(i + 1).padStart(2)}. ${c.bold(s.name)}  ${c.dim(`gain ${s.gain.toFixed(2)} bits, burden ${s.burden}`)}`,
      );
      out.push(`      ${s.why}`);
    });
  }
  const todo = a.differential.workup.filter((w) => !w.done).slice(0, 5);
  if (todo.length) {
    out.push("", c.bold("Work-up"));
    for (const w of todo) out.push(`  • ${w.test} ${c.dim(`(${w.urgency})`)}: ${w.why}`);
  }
  return `${out.join("\n")}\n`;
}
