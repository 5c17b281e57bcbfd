import { formatPath, type Issue, parseCaseText } from "../../case/index.js";
import { caseToBundle } from "../../fhir/index.js";
import { loadEngine } from "../../server/engine.js";
import { fhirLocalize, readBundle } from "../../server/fhir.js";
import type { Register } from "../index.js";
import { readInput } from "../read-case.js";

const describe = (i: Issue) =>
  `  ${i.path.length ? formatPath(i.path) : "(the document)"}: ${i.message}${i.suggestions?.length ? ` (did you mean ${i.suggestions.join(", ")}?)` : ""}\n`;

/** `locus fhir <bundle.json>`: what `POST /api/v1/fhir/localize` answers, offline. */
export const registerFhir: Register = (program, io, setExit) => {
  program
    .command("fhir")
    .description(
      "read a FHIR R4 Bundle of Observations and print a Bundle with a DiagnosticReport and a ClinicalImpression",
    )
    .argument("<file>", 'a FHIR Bundle in JSON; "-" reads standard input')
    .option("--case", "print the LocusCase read from the Bundle instead")
    .option("--from-case", "the file is a LocusCase: print it as a Bundle of Observations")
    .action(async (file: string, opts: { case?: boolean; fromCase?: boolean }) => {
      const text = await readInput(io, file, (why) => `locus fhir: cannot read ${file}: ${why}\n`, setExit);
      if (text === undefined) return;
      if (opts.fromCase) {
        const r = parseCaseText(text, file);
        if (!r.ok) {
          io.err(`locus fhir: ${file} is not a valid case:\n${r.errors.map(describe).join("")}`);
          setExit(1);
          return;
        }
        io.out(`${JSON.stringify(caseToBundle(JSON.parse(text)), null, 2)}\n`);
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (error) {
        io.err(`locus fhir: ${file} is not JSON: ${(error as Error).message}\n`);
        setExit(1);
        return;
      }
      const engine = await loadEngine();
      const answer = opts.case ? readBundle(engine, input) : fhirLocalize(engine, input);
      if (!answer.ok) {
        io.err(
          `locus fhir: ${answer.stage === "bundle" ? "not a FHIR Bundle Locus can read" : "the Observations do not make a valid case"}:\n${answer.errors.map(describe).join("")}`,
        );
        setExit(1);
        return;
      }
      if (answer.warnings.length) io.err(`locus fhir: warnings:\n${answer.warnings.map(describe).join("")}`);
      io.out(`${JSON.stringify("bundle" in answer ? answer.bundle : answer.case, null, 2)}\n`);
    });
};
