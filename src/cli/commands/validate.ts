import pc from "picocolors";
import {
  type CaseResult,
  describeValue,
  formatPath,
  type Issue,
  type Normalisation,
  parseCaseText,
} from "../../case/index.js";
import { EXIT } from "../exit-codes.js";
import type { Register } from "../index.js";

/** One file's outcome, as `--json` prints it. */
export interface FileReport {
  file: string;
  ok: boolean;
  /** Set when the file could not be read at all. */
  readError?: string;
  errors: Issue[];
  warnings: Issue[];
  normalisations: Normalisation[];
  findings?: number;
  id?: string;
}

export const registerValidate: Register = (program, io, setExit) => {
  program
    .command("validate")
    .description(
      "check LocusCase files (FORMAT.md): every error with its JSON path, what was expected and found",
    )
    .argument("<file...>", 'case files in JSON; "-" reads standard input')
    .option("--json", "machine-readable output")
    .option("--normalised", "print the normalised case (canonical ids) of each valid file as JSON")
    .option("-q, --quiet", "print errors only: no warnings or normalisations")
    .action(async (files: string[], opts: { json?: boolean; normalised?: boolean; quiet?: boolean }) => {
      const color = pc.createColors(io.isTty);
      const reports: FileReport[] = [];
      const cases: unknown[] = [];
      for (const file of files) {
        const name = file === "-" ? "(stdin)" : file;
        let text: string;
        try {
          text = await io.read(file);
        } catch (error) {
          reports.push({
            file: name,
            ok: false,
            readError: error instanceof Error ? error.message : String(error),
            errors: [],
            warnings: [],
            normalisations: [],
          });
          continue;
        }
        const result = parseCaseText(text, name);
        reports.push(toReport(name, result));
        if (result.ok) cases.push(result.case);
      }
      const unreadable = reports.filter((r) => r.readError !== undefined).length;
      const invalid = reports.filter((r) => !r.ok && r.readError === undefined).length;
      setExit(unreadable > 0 ? EXIT.io : invalid > 0 ? EXIT.invalid : EXIT.ok);

      if (opts.normalised) {
        if (opts.json || cases.length !== 1)
          io.out(`${JSON.stringify(opts.json ? { reports, cases } : cases, null, 2)}\n`);
        else io.out(`${JSON.stringify(cases[0], null, 2)}\n`);
        for (const r of reports) if (!r.ok) io.err(renderReport(r, color, true));
        return;
      }
      if (opts.json) {
        const valid = reports.filter((r) => r.ok).length;
        io.out(
          `${JSON.stringify({ ok: valid === reports.length, valid, invalid, unreadable, files: reports }, null, 2)}\n`,
        );
        return;
      }
      for (const r of reports) {
        const text = renderReport(r, color, opts.quiet === true);
        if (r.ok) io.out(text);
        else io.err(text);
      }
      if (reports.length > 1) {
        const valid = reports.length - invalid - unreadable;
        const parts = [
          `${valid} valid`,
          `${invalid} invalid`,
          ...(unreadable ? [`${unreadable} unreadable`] : []),
        ];
        io.out(`${reports.length} files: ${parts.join(", ")}\n`);
      }
    });
};

function toReport(file: string, r: CaseResult): FileReport {
  if (r.ok)
    return {
      file,
      ok: true,
      id: r.case.id,
      findings: r.case.findings.length,
      errors: [],
      warnings: r.warnings,
      normalisations: r.normalisations,
    };
  return { file, ok: false, errors: r.errors, warnings: r.warnings, normalisations: [] };
}

type Colors = ReturnType<typeof pc.createColors>;

const where = (i: Issue) =>
  `${formatPath(i.path)}${i.line !== undefined ? ` (line ${i.line}, column ${i.column})` : ""}`;

/** The human-readable report of one file. */
export function renderReport(r: FileReport, c: Colors, quiet = false): string {
  if (r.readError !== undefined) return `${c.red("✗")} ${r.file}: cannot be read: ${r.readError}\n`;
  let s = "";
  if (r.ok) {
    s += `${c.green("✓")} ${r.file}: valid (case ${r.id}, ${r.findings} finding${r.findings === 1 ? "" : "s"}`;
    s += `${r.warnings.length ? `, ${r.warnings.length} warning${r.warnings.length === 1 ? "" : "s"}` : ""})\n`;
  } else {
    s += `${c.red("✗")} ${r.file}: ${r.errors.length} error${r.errors.length === 1 ? "" : "s"}\n`;
    for (const e of r.errors) {
      s += `  ${c.red("error")} ${c.bold(where(e))}: ${e.message}\n`;
      const found = describeValue(e.found);
      const detail = [
        ...(e.expected !== undefined && !e.message.includes(e.expected) ? [`expected ${e.expected}`] : []),
        ...(e.found !== undefined && e.path.length > 0 && !e.message.includes(found)
          ? [`found ${found}`]
          : []),
      ];
      if (detail.length) s += `        ${c.dim(detail.join("; "))}\n`;
    }
  }
  if (quiet) return s;
  for (const w of r.warnings) s += `  ${c.yellow("warning")} ${c.bold(where(w))}: ${w.message}\n`;
  for (const n of r.normalisations)
    s += `  ${c.cyan("normalised")} ${formatPath(n.path)}: ${JSON.stringify(n.from)} -> ${n.to.join(", ")}\n`;
  return s;
}
