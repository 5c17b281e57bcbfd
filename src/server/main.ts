/**
 * Run the service from source with the configuration in the environment (`node --import tsx
 * src/server/main.ts`), as the durability test does. `locus serve` is the command for people.
 */

import { EXIT } from "../cli/exit-codes.js";
import { crashed } from "../cli/index.js";
import { runService } from "./cluster.js";
import { ConfigError, loadConfig } from "./config.js";

try {
  await runService(loadConfig(process.env));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`locus serve: ${error.message}\n`);
    process.exit(EXIT.usage);
  }
  process.exit(crashed({ err: (text) => process.stderr.write(text) }, error));
}
