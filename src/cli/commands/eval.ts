import Table from "cli-table3";
import { calibrationLines, evaluateFolder } from "../../evaluate/index.js";
import { hypothesisWords } from "../../report/index.js";
import { EXIT } from "../exit-codes.js";
import type { Register } from "../index.js";

const yes = (b: boolean | null) => (b === null ? "n/a" : b ? "yes" : "no");
const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);

/** `locus eval <folder>`: score every case with `expected` as FORMAT.md says. */
export const registerEval: Register = (program, io, setExit) => {
  program
    .command("eval")
    .description("score every case with `expected` in a folder: exact, overlap, top-3, diagnosis top-1/top-3")
    .argument("<folder>", "a folder of case files")
    .option("--json", "machine-readable output: { summary, cases }")
    .action((folder: string, opts: { json?: boolean }) => {
      let report: ReturnType<typeof evaluateFolder>;
      try {
        report = evaluateFolder(folder);
      } catch (error) {
        io.err(
          `locus eval: ${folder} cannot be read: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        setExit(EXIT.io);
        return;
      }
      if (report.invalid.length) setExit(1);
      if (opts.json) {
        io.out(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const plain = !io.isTty;
      const table = new Table({
        head: ["case", "exact", "overlap", "top-3", "dx 1", "dx 3", "ms", "first hypothesis"],
        ...(plain
          ? {
              style: { head: [], border: [] },
              chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
            }
          : {}),
      });
      for (const c of report.cases) {
        table.push([
          c.id.slice(0, 44),
          yes(c.exact),
          yes(c.overlap),
          yes(c.top3),
          yes(c.diagnosisTop1),
          yes(c.diagnosisTop3),
          c.ms.toFixed(1),
          c.top[0] ? hypothesisWords(c.top[0].lesions).slice(0, 48) : "-",
        ]);
      }
      io.out(`${table.toString()}\n`);
      io.out(
        `\n${calibrationLines("Calibration of the first localization", report.calibration.localization).join("\n")}\n`,
      );
      const s = report.summary;
      io.out(
        `\n${s.cases} cases: exact ${pct(s.exact)}, overlap ${pct(s.overlap)}, top-3 ${pct(s.top3)}, diagnosis top-1 ${pct(s.diagnosisTop1)}, top-3 ${pct(s.diagnosisTop3)}, diagnosis Brier ${s.diagnosisBrier ?? "-"}; median ${s.medianMs} ms, p95 ${s.p95Ms} ms per case\n`,
      );
      for (const bad of report.invalid)
        io.err(`${bad.file}: not a valid case (${bad.errors.length} errors; run locus validate)\n`);
    });
};
