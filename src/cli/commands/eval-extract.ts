/**
 * `locus eval-extract <folder>`: extraction measured against hand-made cases. For each case file
 * with a `narrative`, or a `source` naming a text file (resolved against the folder's parent, then
 * the folder itself), the text is extracted and its findings compared with the
 * hand-made ones. Prints, per kind and overall:
 * - strict figures: a finding counts as right only when kind, id, side and value are right; one
 *   read with another value or on another side is an error, counted apart from one missed;
 * - the loose figures of earlier versions (kind, id and side only), for comparison;
 * - text to answer: whether the localization of the extracted case equals that of the hand-made
 *   case, and how often each is exactly the expected answer.
 */
import { readdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import Table from "cli-table3";
import { type LocusCase, parseCase } from "../../case/index.js";
import { scoreCase as scoreLocalization } from "../../evaluate/score.js";
import { localize } from "../../localize/index.js";
import { type CaseScore, type Score, type Strict, scoreCase, total } from "../../text/eval.js";
import { extract } from "../../text/index.js";
import { EXIT } from "../exit-codes.js";
import type { Register } from "../index.js";

interface CaseReport extends CaseScore {
  file: string;
  from: "narrative" | "source";
  localization: {
    handMade: string;
    extracted: string;
    same: boolean;
    /** Exactly the expected answer (FORMAT.md scoring), from the hand-made and the read findings. */
    handMadeExact: boolean | null;
    extractedExact: boolean | null;
  };
}

/** The first hypothesis of a case, as comparable text, and whether it is the expected answer. */
export function topLocalization(c: LocusCase): string {
  return answer(c).text;
}

function answer(c: LocusCase): { text: string; exact: boolean | null } {
  const hyps = localize(c, { limit: 3 }).hypotheses;
  const h = hyps[0];
  const exact = c.expected ? scoreLocalization(c.expected, hyps, null).exact : null;
  if (!h) return { text: "(none)", exact };
  const text = h.lesions
    .map((l) => `${l.level}:${[...l.sites].sort().join("+")}:${l.side}`)
    .sort()
    .join(" & ");
  return { text, exact };
}

/** Text to answer over a set of cases. */
export function textToAnswer(rs: CaseReport[]): {
  cases: number;
  same: number;
  handMadeExact: number;
  extractedExact: number;
  extractedExactWhereHandMadeExact: number;
} {
  const scored = rs.filter((r) => r.localization.handMadeExact !== null);
  const hm = scored.filter((r) => r.localization.handMadeExact);
  return {
    cases: rs.length,
    same: rs.filter((r) => r.localization.same).length,
    handMadeExact: hm.length,
    extractedExact: scored.filter((r) => r.localization.extractedExact).length,
    extractedExactWhereHandMadeExact: hm.filter((r) => r.localization.extractedExact).length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const registerEvalExtract: Register = (program, io, setExit) => {
  program
    .command("eval-extract")
    .description("measure extraction against the hand-made findings of a folder of cases")
    .argument("<folder>", "a folder of LocusCase files (e.g. cases/dev)")
    .option("--json", "machine-readable output")
    .option(
      "--check",
      "exit 1 unless strict F1 is at least 0.9 and the text localizes exactly in 90 % of the cases the hand-made findings do",
    )
    .action(async (folder: string, opts: { json?: boolean; check?: boolean }) => {
      let names: string[];
      try {
        names = (await readdir(folder)).filter((n) => n.endsWith(".json")).sort();
      } catch (error) {
        io.err(
          `locus eval-extract: cannot list ${folder}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        setExit(EXIT.io);
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
        const a = answer(handMade);
        const b = answer(handMade.expected ? { ...got, expected: handMade.expected } : got);
        reports.push({
          ...s,
          file: basename(name),
          from,
          localization: {
            handMade: a.text,
            extracted: b.text,
            same: a.text === b.text,
            handMadeExact: a.exact,
            extractedExact: b.exact,
          },
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
      const answers = {
        all: textToAnswer(reports),
        sources: textToAnswer(groups.sources),
        narratives: textToAnswer(groups.narratives),
      };
      const targetsMet =
        reports.length > 0 &&
        sum.all.strict.f1 >= 0.9 &&
        answers.all.extractedExactWhereHandMadeExact >= 0.9 * answers.all.handMadeExact;
      if (opts.json) {
        io.out(
          `${JSON.stringify({ total: sum, textToAnswer: answers, cases: reports, skipped, targetsMet }, null, 2)}\n`,
        );
      } else {
        const row = (label: string, s: Score) => [label, s.tp, s.fp, s.fn, pct(s.precision), pct(s.recall)];
        const head = ["", "tp", "fp", "fn", "precision", "recall"];
        const style = { head: [], border: [] };
        const strictRow = (label: string, s: Strict) => [
          label,
          s.correct,
          s.wrongValue,
          s.wrongSide,
          s.missed,
          s.extra,
          pct(s.precision),
          pct(s.recall),
          pct(s.f1),
        ];
        const strictHead = [
          "",
          "right",
          "wrong value",
          "wrong side",
          "missed",
          "extra",
          "precision",
          "recall",
          "F1",
        ];
        const byCase = new Table({
          head: ["case", "from", "strict F1", "wrong", "missed", "localization"],
          style,
        });
        for (const r of reports)
          byCase.push([
            r.id,
            r.from,
            pct(r.strict.f1),
            r.strict.wrongValue + r.strict.wrongSide,
            r.strict.missed,
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
          const strict = new Table({ head: strictHead, style });
          for (const [k, s] of Object.entries(t.strictByKind)) strict.push(strictRow(k, s));
          strict.push(strictRow("overall", t.strict));
          const table = new Table({ head, style });
          for (const [k, s] of Object.entries(t.byKind)) table.push(row(k, s));
          table.push(row("overall", t.overall));
          const ans = textToAnswer(rs);
          io.out(
            `\n${label}: ${rs.length} cases\n` +
              `strict (kind, id, side and value right):\n${strict.toString()}\n` +
              `loose (kind, id and side only; values agree in ${pct(t.valueAgreement)} of matched findings):\n${table.toString()}\n` +
              `text to answer: localization from the text the same as from the hand-made findings in ${ans.same}/${ans.cases}; ` +
              `exactly the expected answer from the hand-made findings in ${ans.handMadeExact}, from the text in ${ans.extractedExact}, ` +
              `from the text where the hand-made findings are exact in ${ans.extractedExactWhereHandMadeExact}/${ans.handMadeExact}\n`,
          );
        }
        for (const s of skipped) io.out(`skipped ${s.file}: ${s.why}\n`);
      }
      if (opts.check && !targetsMet) setExit(1);
    });
};
