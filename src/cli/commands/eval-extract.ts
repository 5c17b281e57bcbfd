/**
 * `locus eval-extract <folder>`: extraction measured against hand-made cases. For each case file
 * with a `narrative`, or a `source` naming a text file (resolved against the folder's parent, then
 * the folder itself), the text is extracted and its findings compared with the
 * hand-made ones, keyed by kind, id and side. Prints precision and recall per kind and overall,
 * and whether the localization of the extracted case equals that of the hand-made case.
 */
import { readdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import Table from "cli-table3";
import { type LocusCase, parseCase } from "../../case/index.js";
import { localize } from "../../localize/index.js";
import { type CaseScore, type Score, scoreCase, total } from "../../text/eval.js";
import { extract } from "../../text/index.js";
import type { Register } from "../index.js";

interface CaseReport extends CaseScore {
  file: string;
  from: "narrative" | "source";
  localization: { handMade: string; extracted: string; same: boolean };
}

/** The first hypothesis of a case, as comparable text. */
export function topLocalization(c: LocusCase): string {
  const h = localize(c, { limit: 1 }).hypotheses[0];
  if (!h) return "(none)";
  return h.lesions
    .map((l) => `${l.level}:${[...l.sites].sort().join("+")}:${l.side}`)
    .sort()
    .join(" & ");
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const registerEvalExtract: Register = (program, io, setExit) => {
  program
    .command("eval-extract")
    .description("measure extraction against the hand-made findings of a folder of cases")
    .argument("<folder>", "a folder of LocusCase files (e.g. cases/dev)")
    .option("--json", "machine-readable output")
    .option("--check", "exit 1 unless precision and recall are at least 0.9 and every localization agrees")
    .action(async (folder: string, opts: { json?: boolean; check?: boolean }) => {
      let names: string[];
      try {
        names = (await readdir(folder)).filter((n) => n.endsWith(".json")).sort();
      } catch (error) {
        io.err(
          `locus eval-extract: cannot list ${folder}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        setExit(2);
        return;
      }
      const reports: CaseReport[] = [];
      const skipped: { file: string; why: string }[] = [];
      for (const name of names) {
        const path = join(folder, name);
        let raw: unknown;
        try {
          raw = JSON.parse(await io.read(path));
        } catch (error) {
          skipped.push({
            file: name,
            why: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
          });
          continue;
        }
        const parsed = parseCase(raw);
        if (!parsed.ok) {
          skipped.push({ file: name, why: `not a valid case: ${parsed.errors[0]?.message ?? "invalid"}` });
          continue;
        }
        // One finding per finding written: a group word ("gastrocnemius") expanded by normalisation
        // to several muscles is still one hand-made finding.
        const seen = new Set<number>();
        const handMade: LocusCase = {
          ...parsed.case,
          findings: parsed.case.findings.filter((_, i) => {
            const origin = parsed.origins[i] ?? i;
            if (seen.has(origin)) return false;
            seen.add(origin);
            return true;
          }),
        };
        let text = handMade.narrative;
        let from: CaseReport["from"] = "narrative";
        if (handMade.source && !/^[a-z]+:\/\//i.test(handMade.source)) {
          for (const base of [resolve(dirname(resolve(folder))), resolve(folder)]) {
            try {
              text = await io.read(join(base, handMade.source));
              from = "source";
              break;
            } catch {
              // try the next place
            }
          }
        }
        if (!text) {
          skipped.push({ file: name, why: "no narrative and no readable source text" });
          continue;
        }
        const got = extract(text, { id: handMade.id }).case;
        const s = scoreCase(handMade.id, handMade, got);
        const a = topLocalization(handMade);
        const b = topLocalization(got);
        reports.push({
          ...s,
          file: basename(name),
          from,
          localization: { handMade: a, extracted: b, same: a === b },
        });
      }
      const groups = {
        sources: reports.filter((r) => r.from === "source"),
        narratives: reports.filter((r) => r.from === "narrative"),
      };
      const sum = {
        all: total(reports),
        sources: total(groups.sources),
        narratives: total(groups.narratives),
      };
      const sameLoc = (rs: CaseReport[]) => rs.filter((r) => r.localization.same).length;
      const targetsMet =
        reports.length > 0 &&
        sum.all.overall.precision >= 0.9 &&
        sum.all.overall.recall >= 0.9 &&
        sameLoc(reports) === reports.length;
      if (opts.json) {
        io.out(`${JSON.stringify({ total: sum, cases: reports, skipped, targetsMet }, null, 2)}\n`);
      } else {
        const row = (label: string, s: Score) => [label, s.tp, s.fp, s.fn, pct(s.precision), pct(s.recall)];
        const head = ["", "tp", "fp", "fn", "precision", "recall"];
        const style = { head: [], border: [] };
        const byCase = new Table({
          head: ["case", "from", "precision", "recall", "values", "localization"],
          style,
        });
        for (const r of reports)
          byCase.push([
            r.id,
            r.from,
            pct(r.overall.precision),
            pct(r.overall.recall),
            pct(r.valueAgreement),
            r.localization.same
              ? "same"
              : `${r.localization.extracted} (hand-made: ${r.localization.handMade})`,
          ]);
        io.out(`${byCase.toString()}\n`);
        for (const [label, rs, t] of [
          ["seed texts (source)", groups.sources, sum.sources],
          ["narratives", groups.narratives, sum.narratives],
          ["all", reports, sum.all],
        ] as const) {
          if (rs.length === 0) continue;
          const table = new Table({ head, style });
          for (const [k, s] of Object.entries(t.byKind)) table.push(row(k, s));
          table.push(row("overall", t.overall));
          io.out(
            `\n${label}: ${rs.length} cases, values agree in ${pct(t.valueAgreement)} of matched findings, ` +
              `localization the same in ${sameLoc(rs)}/${rs.length}\n${table.toString()}\n`,
          );
        }
        for (const s of skipped) io.out(`skipped ${s.file}: ${s.why}\n`);
      }
      if (opts.check && !targetsMet) setExit(1);
    });
};
