import { caseJsonSchema } from "../../case/index.js";
import type { Register } from "../index.js";

export const registerSchema: Register = (program, io) => {
  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of a LocusCase")
    .action(() => {
      io.out(`${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
    });
};
