/**
 * Run the service from source with the configuration in the environment (`node --import tsx
 * src/server/main.ts`), as the durability test does. `locus serve` is the command for people.
 */

import { runService } from "./cluster.js";
import { ConfigError, loadConfig } from "./config.js";

try {
  await runService(loadConfig(process.env));
} catch (error) {
  process.stderr.write(`locus serve: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
