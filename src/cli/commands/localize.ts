import pc from "picocolors";
import { parseCase, parseCaseText } from "../../case/index.js";
import { analyze, renderMarkdown, renderText } from "../../report/index.js";
import { extract, looksLikeNote } from "../../text/index.js";
import type { Register } from "../index.js";
import { renderReport } from "./validate.js";

const FORMATS = ["text", "md", "json"] as const;

/**
 * `locus localize <case.json | note.txt | ->`: where the lesion is, what it is likely to be, and
 * the reasons. A clinic note is read through extraction (detected by content).
 */
export const registerLocalize: Register = (program, io, setExit) => {
  program
    .command("localize")
    .description("rank where the lesion is, with reasons for and against, and the differential")
    .argument("<file>", 'a case (JSON, FORMAT.md) or a clinic note (text); "-" reads standard input')
    .option("-f, --format <format>", `output: ${FORMATS.join(", ")}`, "text")
    .option("-n, --limit <n>", "how many hypotheses to list", "5")
    .action(async (file: string, opts: { format: string; limit: string }) => {
      const color = pc.createColors(io.isTty);
      const name = file === "-" ? "(stdin)" : file;
      const format = opts.format as (typeof FORMATS)[number];
      const limit = Number(opts.limit);
      if (!FORMATS.includes(format)) {
        io.err(`locus localize: --format is one of ${FORMATS.join(", ")}, not "${opts.format}"\n`);
        setExit(2);
        return;
      }
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
        io.err(`locus localize: --limit expects a whole number from 1 to 50, found "${opts.limit}"\n`);
        setExit(2);
        return;
      }
      let text: string;
      try {
        text = await io.read(file);
      } catch (error) {
        io.err(
          `${color.red("✗")} ${name}: cannot be read: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        setExit(2);
        return;
      }
      const note = looksLikeNote(text);
      const parsed = note ? parseCase(extract(text, { id: name }).case) : parseCaseText(text, name);
      if (!parsed.ok) {
        if (format === "json")
          io.out(`${JSON.stringify({ ok: false, file: name, errors: parsed.errors }, null, 2)}\n`);
        else
          io.err(
            renderReport(
              { file: name, ok: false, errors: parsed.errors, warnings: parsed.warnings, normalisations: [] },
              color,
              true,
            ),
          );
        setExit(1);
        return;
      }
      const a = analyze(parsed.case, { limit });
      if (format === "json")
        io.out(`${JSON.stringify({ ...a, ...(note ? { readFrom: "note" } : {}) }, null, 2)}\n`);
      else if (format === "md") io.out(renderMarkdown(a));
      else {
        if (note)
          io.out(
            color.dim(
              `(read as a clinic note: ${parsed.case.findings.length} findings extracted; see \`locus extract\`)\n`,
            ),
          );
        io.out(renderText(a, { color: io.isTty }));
      }
    });
};
