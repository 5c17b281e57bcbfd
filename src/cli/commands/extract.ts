/**
 * `locus extract <note.txt>`: a clinic note, EMG report or case report to a LocusCase, with the
 * text span behind every finding, a confidence per finding, what looked clinical but was not
 * understood, and warnings where two readings of one finding disagree.
 */
import { extract } from "../../text/index.js";
import type { Register } from "../index.js";
import { readInput } from "../read-case.js";

export const registerExtract: Register = (program, io, setExit) => {
  program
    .command("extract")
    .description(
      "read a clinic note, EMG report or case report (text) into a case, with the span behind each finding",
    )
    .argument("<note>", 'a text file; "-" reads standard input')
    .option("--id <id>", "the id to give the case")
    .option("--literature", "also read Introduction/Discussion sections (off: they describe other patients)")
    .option("--follow-up", "also read findings after treatment (off: Locus reads the presentation)")
    .option("--case-only", "print the case alone, without spans")
    .action(
      async (
        file: string,
        opts: { id?: string; literature?: boolean; followUp?: boolean; caseOnly?: boolean },
      ) => {
        const text = await readInput(
          io,
          file,
          (why) => `locus extract: cannot read ${file}: ${why}\n`,
          setExit,
        );
        if (text === undefined) return;
        const r = extract(text, {
          ...(opts.id ? { id: opts.id } : {}),
          ...(opts.literature ? { includeLiterature: true } : {}),
          ...(opts.followUp ? { includeFollowUp: true } : {}),
        });
        const out = opts.caseOnly
          ? r.case
          : {
              case: r.case,
              spans: r.spans,
              confidence: r.confidence,
              unrecognized: r.unrecognized,
              warnings: r.warnings,
            };
        io.out(`${JSON.stringify(out, null, 2)}\n`);
        // Two readings of one finding that disagree are said aloud, never settled silently.
        for (const w of r.warnings) io.err(`locus extract: warning: ${w.message}\n`);
        if (r.case.findings.length === 0) io.err("locus extract: no finding was recognised in this text\n");
      },
    );
};
