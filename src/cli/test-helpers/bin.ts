/** bin/locus.js for tests, from source (bin/locus.js runs the build in dist/). */
import { crashed, main } from "../index.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = crashed({ err: (text) => process.stderr.write(text) }, error);
  },
);
