import pc from "picocolors";
import { analyze, renderMarkdown, renderText } from "../../report/index.js";
import type { Register } from "../index.js";
import { readCase, wholeNumber } from "../read-case.js";

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
      const format = opts.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) {
        io.err(`locus localize: --format is one of ${FORMATS.join(", ")}, not "${opts.format}"\n`);
        setExit(2);
        return;
      }
      const limit = wholeNumber(io, "localize", "--limit", opts.limit, { min: 1, max: 50 }, setExit);
      if (limit === undefined) return;
      const input = await readCase(io, file, { json: format === "json", notes: true }, setExit);
      if (!input) return;
      const a = analyze(input.case, { limit });
      // exit 3: not enough to say (no abnormal finding; the answer says what to examine first)
      if (a.status === "not_enough") setExit(3);
      if (format === "json")
        io.out(`${JSON.stringify({ ...a, ...(input.fromNote ? { readFrom: "note" } : {}) }, null, 2)}\n`);
      else if (format === "md") io.out(renderMarkdown(a));
      else {
        if (input.fromNote)
          io.out(
            color.dim(
              `(read as a clinic note: ${input.case.findings.length} findings extracted; see \`locus extract\`)\n`,
            ),
          );
        io.out(renderText(a, { color: io.isTty }));
      }
    });
};
