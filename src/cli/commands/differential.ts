import pc from "picocolors";
import type { AnalysisDifferential } from "../../analysis/assemble.js";
import { sources } from "../../differential/index.js";
import { hypothesisPhrase } from "../../differential/words.js";
import type { Hypothesis } from "../../localize/types.js";
import { analyzeWithoutPlan } from "../../report/analyze.js";
import { criteriaLines } from "../../report/words.js";
import type { Register } from "../index.js";
import { readCase, wholeNumber } from "../read-case.js";

/**
 * `locus differential <case.json> [--json]`: localize the case, then rank what it is likely to be,
 * with the reasons for and against, the red flags and the work-up.
 */
export const registerDifferential: Register = (program, io, setExit) => {
  program
    .command("differential")
    .description("what the lesion is likely to be: ranked conditions with reasons, red flags and the work-up")
    .argument("<file>", 'a case file in JSON (FORMAT.md); "-" reads standard input')
    .option(
      "--json",
      "machine-readable output: { ok, file, case, warnings } and the analysis (as localize --format json, without the plan)",
    )
    .option("-n, --limit <n>", "how many conditions to list", "10")
    .action(async (file: string, opts: { json?: boolean; limit: string }) => {
      const color = pc.createColors(io.isTty);
      const limit = wholeNumber(io, "differential", "--limit", opts.limit, { min: 1, max: 100 }, setExit);
      if (limit === undefined) return;
      const input = await readCase(io, file, { json: opts.json === true }, setExit);
      if (!input) return;
      const { case: c, name, warnings } = input;
      const a = analyzeWithoutPlan(c, { conditions: limit });
      // exit 3: not enough to say (no abnormal finding; the answer says what to examine first)
      if (a.status === "not_enough") setExit(3);
      if (opts.json) {
        io.out(`${JSON.stringify({ ok: true, file: name, case: c.id, warnings, ...a }, null, 2)}\n`);
        return;
      }
      io.out(renderDifferential(name, a.hypotheses, a.differential, color));
    });
};

type Colors = ReturnType<typeof pc.createColors>;

const pct = (p: number) => (p >= 0.995 ? ">99%" : p < 0.005 ? "<1%" : `${Math.round(p * 100)}%`);
const factor = (f: number) =>
  f >= 1 ? `x${f >= 10 ? Math.round(f) : f.toFixed(1)}` : `x${f.toPrecision(2)}`;

function cite(keys: string[]): string {
  const table = sources as Record<string, { authors: string; year?: number }>;
  return keys
    .map((k) => {
      const s = table[k];
      return s ? `${s.authors.split(",")[0]}${s.year ? ` ${s.year}` : ""}` : k;
    })
    .join("; ");
}

/** The readable report: localization first, then red flags, conditions and the work-up. */
export function renderDifferential(
  name: string,
  hypotheses: Hypothesis[],
  d: AnalysisDifferential,
  c: Colors,
  reasons = 3,
): string {
  let s = `${c.bold(name)}\n`;
  if (d.notEnough) {
    s += `${d.notEnough.text}\n${c.bold("Examine first")}\n`;
    for (const e of d.notEnough.examineFirst) s += `  - ${e}\n`;
    for (const f of d.redFlags)
      s += `  ${f.severity === "critical" ? c.red("CRITICAL") : c.yellow("warning ")} ${f.text}\n`;
    return s;
  }
  const top = hypotheses.slice(0, 3);
  s += `${c.bold("Localization")}\n`;
  for (const h of top) s += `  ${pct(h.probability).padStart(4)}  ${hypothesisPhrase(h.lesions)}\n`;
  if (d.redFlags.length) {
    s += `${c.bold("Red flags")}\n`;
    for (const f of d.redFlags) {
      const mark = f.severity === "critical" ? c.red("CRITICAL") : c.yellow("warning ");
      s += `  ${mark} ${f.text}\n`;
      for (const line of criteriaLines(f)) s += `           ${line}\n`;
    }
  }
  s += `${c.bold("Differential")} (catalogue ${d.catalogueVersion})\n`;
  d.conditions.forEach((r, i) => {
    s += `  ${String(i + 1).padStart(2)}. ${pct(r.probability).padStart(4)}  ${c.bold(r.name)}${r.mustNotMiss ? c.red(" [must not miss]") : ""}  ${c.dim(`${r.id}, ICD-10-CM ${r.codes.icd10cm}${r.codes.snomed ? `, SNOMED CT ${r.codes.snomed}` : ""}`)}\n`;
    if (i >= 5) return;
    // the localization's share is not a multiplier: shown as a share, so no "+" sits beside a factor below 1
    for (const x of r.for.slice(0, reasons))
      s += `        ${c.green("+")} ${x.text} ${c.dim(`${x.kind === "localization" ? "" : `${factor(x.factor)}; `}${cite(x.sources)}`)}\n`;
    for (const x of r.against.slice(0, reasons))
      s += `        ${c.red("-")} ${x.text} ${c.dim(`${x.kind === "localization" ? "" : `${factor(x.factor)}; `}${cite(x.sources)}`)}\n`;
  });
  if (d.other > 0.005) s += `      ${pct(d.other)}  other conditions\n`;
  s += `${c.bold("Work-up")}\n`;
  for (const w of d.workup) {
    const u = w.done
      ? c.green("done")
      : w.urgency === "emergency"
        ? c.red("now ")
        : w.urgency === "urgent"
          ? c.yellow("soon")
          : "next";
    s += `  ${u} ${w.test}\n       ${c.dim(`${w.why} (for ${w.for.join(", ")}; ${cite(w.sources)})`)}\n`;
    for (const lesson of w.lessons ?? []) s += `       ${c.cyan("lesson:")} ${lesson}\n`;
  }
  s += c.dim("Decision support, not a diagnosis: probabilities are estimates from the cited sources.\n");
  return s;
}
