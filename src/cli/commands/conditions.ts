import { conditionsMarkdown } from "../../differential/catalogue-doc.js";
import { conditions } from "../../differential/index.js";
import type { Register } from "../index.js";

/**
 * `locus conditions [--json | --markdown]`: the condition catalogue's ids and names (the ids
 * evaluation sets use in `expected.diagnosis`); --markdown prints docs/conditions.md.
 */
export const registerConditions: Register = (program, io) => {
  program
    .command("conditions")
    .description("list the condition catalogue: ids and names (the ids `expected.diagnosis` uses)")
    .option("--json", "machine-readable: [{ id, name, icd10cm, mustNotMiss }]")
    .option("--markdown", "the catalogue page (docs/conditions.md)")
    .action((opts: { json?: boolean; markdown?: boolean }) => {
      if (opts.markdown) {
        io.out(conditionsMarkdown());
        return;
      }
      if (opts.json) {
        const list = conditions.map((c) => ({
          id: c.id,
          name: c.name,
          icd10cm: c.codes.icd10cm,
          mustNotMiss: Boolean(c.mustNotMiss),
        }));
        io.out(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const width = Math.max(...conditions.map((c) => c.id.length));
      io.out(conditions.map((c) => `${c.id.padEnd(width)}  ${c.name}\n`).join(""));
    });
};
