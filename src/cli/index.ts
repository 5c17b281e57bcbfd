/**
 * The `locus` command line. Each command lives in `commands/` and registers itself here.
 * Exit codes (exit-codes.ts, docs/service.md): 0 done, 1 the input was read but is invalid or a
 * check failed, 2 usage error, 69 a service needed is unavailable, 70 Locus itself failed, 74 a
 * file cannot be read or the output cannot be written, 78 the port cannot be used.
 */
import { Command, CommanderError } from "commander";
import { registerAtlas } from "./commands/atlas.js";
import { registerConditions } from "./commands/conditions.js";
import { registerDemo } from "./commands/demo.js";
import { registerDifferential } from "./commands/differential.js";
import { registerEval } from "./commands/eval.js";
import { registerEvalExtract } from "./commands/eval-extract.js";
import { registerExtract } from "./commands/extract.js";
import { registerFhir } from "./commands/fhir.js";
import { registerLocalize } from "./commands/localize.js";
import { registerPlan } from "./commands/plan.js";
import { registerReport } from "./commands/report.js";
import { registerSchema } from "./commands/schema.js";
import { registerServe } from "./commands/serve.js";
import { registerValidate } from "./commands/validate.js";
import { EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import { processIo } from "./io.js";

export type Register = (program: Command, io: Io, setExit: (code: number) => void) => void;

const commands: Register[] = [
  registerAtlas,
  registerDemo,
  registerValidate,
  registerSchema,
  registerServe,
  registerFhir,
  registerLocalize,
  registerEval,
  registerDifferential,
  registerConditions,
  registerExtract,
  registerEvalExtract,
  registerPlan,
  registerReport,
];

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exit = 0;
  const program = new Command("locus")
    .description("Where is the lesion in this leg, what is it, and which test settles it next?")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  for (const register of commands)
    register(program, io, (code) => {
      exit = Math.max(exit, code);
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
      )
        return 0;
      return EXIT.usage;
    }
    return crashed(io, error);
  }
  return exit;
}

/** Locus itself failed: say so in one paragraph (no stack trace) and exit 70 (EX_SOFTWARE). */
export function crashed(io: Pick<Io, "err">, error: unknown): number {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.err(
    `locus: internal error: ${what}\nThis is a bug in Locus, not in your input; please report it with the command you ran.\n`,
  );
  return EXIT.software;
}
