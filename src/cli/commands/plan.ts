import pc from "picocolors";
import type { Plan } from "../../plan/index.js";
import { analyze } from "../../report/analyze.js";
import type { Register } from "../index.js";
import { readCase, wholeNumber } from "../read-case.js";

/**
 * `locus plan <case.json> [--json] [--limit n]`: the tests not yet done, ranked by how much they
 * are expected to separate the current localization hypotheses, per unit of burden.
 */
export const registerPlan: Register = (program, io, setExit) => {
  program
    .command("plan")
    .description("the next test: tests not yet done, ranked by expected information per burden")
    .argument("<file>", 'a case file in JSON (FORMAT.md); "-" reads standard input')
    .option("--json", "machine-readable output: { ok, file, case, entropy, hypotheses, suggestions }")
    .option("-n, --limit <n>", "how many tests to suggest", "5")
    .action(async (file: string, opts: { json?: boolean; limit: string }) => {
      const color = pc.createColors(io.isTty);
      const limit = wholeNumber(io, "plan", "--limit", opts.limit, { min: 1, max: 100 }, setExit);
      if (limit === undefined) return;
      const input = await readCase(io, file, { json: opts.json === true }, setExit);
      if (!input) return;
      const { case: c, name, warnings } = input;
      const p = analyze(c, { suggestions: limit }).plan;
      if (opts.json) {
        io.out(
          `${JSON.stringify(
            {
              ok: true,
              file: name,
              case: c.id,
              warnings,
              atlasVersion: p.atlasVersion,
              entropy: p.entropy,
              hypotheses: p.hypotheses,
              suggestions: p.suggestions,
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      io.out(renderPlan(name, p, color));
    });
};

type Colors = ReturnType<typeof pc.createColors>;

const pct = (p: number) => (p >= 0.995 ? ">99%" : p < 0.005 ? "<1%" : `${Math.round(p * 100)}%`);

/** The readable plan: where things stand, then each suggested test with what each hypothesis predicts. */
export function renderPlan(name: string, p: Plan, c: Colors): string {
  let s = `${c.bold(name)}\n`;
  s += `${c.bold("Hypotheses now")} ${c.dim(`(uncertainty ${p.entropy.toFixed(2)} bits, atlas ${p.atlasVersion})`)}\n`;
  for (const h of p.hypotheses.slice(0, 4)) s += `  ${pct(h.probability).padStart(4)}  ${h.hypothesis}\n`;
  if (p.suggestions.length === 0) {
    s += `${c.bold("Next test")}: none of the ${p.considered} tests left would change the ranking.\n`;
    return s;
  }
  s += `${c.bold("Next tests")} ${c.dim(`(best first, of ${p.considered} not yet done; gain in bits, burden relative to grading a movement)`)}\n`;
  p.suggestions.forEach((x, i) => {
    s += `  ${String(i + 1).padStart(2)}. ${c.bold(x.name)}  ${c.dim(`gain ${x.gain.toFixed(2)}, burden ${x.burden}`)}\n`;
    for (const pr of x.predictions)
      s += `        ${pr.hypothesis} ${c.dim(`(${pct(pr.probability)})`)} predicts ${c.cyan(pr.expected)}\n`;
  });
  s += c.dim(
    "Decision support, not a diagnosis: predictions come from the atlas and the cited sensitivities.\n",
  );
  return s;
}
