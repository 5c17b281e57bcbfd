import { writeFile } from "node:fs/promises";
import { analyze } from "../../report/analyze.js";
import { buildReport, reportToHtml, reportToMarkdown } from "../../report/document/index.js";
import { reportToPdf } from "../../report/document/pdf.js";
import { EXIT } from "../exit-codes.js";
import type { Register } from "../index.js";
import { readCase } from "../read-case.js";

const FORMATS = ["pdf", "html", "md"] as const;
type Format = (typeof FORMATS)[number];

interface Options {
  format: string;
  output?: string;
  examiner?: string;
  studyDate?: string;
  referral?: string;
}

/**
 * `locus report <case.json | note.txt | ->`: the electrodiagnostic report (header, nerve conduction
 * and needle EMG tables, summary, impression, correlation, recommendations) as PDF, HTML or
 * Markdown. HTML and Markdown go to standard output unless --output names a file; a PDF is a file,
 * `<case id>-report.pdf` unless --output names another.
 */
export const registerReport: Register = (program, io, setExit) => {
  program
    .command("report")
    .description("write the electrodiagnostic report of a case as PDF, HTML or Markdown")
    .argument("<file>", 'a case (JSON, FORMAT.md) or a clinic note (text); "-" reads standard input')
    .option("-f, --format <format>", `output: ${FORMATS.join(", ")}`, "pdf")
    .option("-o, --output <file>", "write to this file (a PDF defaults to <case id>-report.pdf)")
    .option("--examiner <name>", "who performed the study (the case does not hold it)")
    .option("--study-date <date>", "the date of the study")
    .option("--referral <question>", "the referral question")
    .action(async (file: string, opts: Options) => {
      const format = opts.format as Format;
      if (!FORMATS.includes(format)) {
        io.err(`locus report: --format is one of ${FORMATS.join(", ")}, not "${opts.format}"\n`);
        setExit(2);
        return;
      }
      const input = await readCase(io, file, { json: false, notes: true }, setExit);
      if (!input) return;
      const report = buildReport(input.case, analyze(input.case), {
        ...(opts.examiner ? { examiner: opts.examiner } : {}),
        ...(opts.studyDate ? { studyDate: opts.studyDate } : {}),
        ...(opts.referral ? { referral: opts.referral } : {}),
      });
      const body =
        format === "pdf"
          ? await reportToPdf(report)
          : format === "html"
            ? reportToHtml(report)
            : reportToMarkdown(report);
      const target =
        opts.output ??
        (format === "pdf" ? `${input.case.id.replace(/[^A-Za-z0-9._-]/g, "_")}-report.pdf` : undefined);
      if (target === undefined) {
        io.out(body as string);
        return;
      }
      try {
        await writeFile(target, body);
      } catch (error) {
        io.err(`locus report: cannot write ${target}: ${(error as Error).message}\n`);
        setExit(EXIT.io);
        return;
      }
      io.err(`locus report: wrote ${target}\n`);
    });
};
