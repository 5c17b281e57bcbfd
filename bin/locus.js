#!/usr/bin/env node
import { crashed, main } from "../dist/cli/index.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = crashed({ err: (text) => process.stderr.write(text) }, error);
  },
);
