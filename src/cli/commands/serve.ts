import { runService } from "../../server/cluster.js";
import { type Config, ConfigError, loadConfig } from "../../server/config.js";
import type { Register } from "../index.js";

/** `locus serve`: the HTTP API, the page and CDS Hooks (configuration by environment, see the README). */
export const registerServe: Register = (program, io, setExit) => {
  program
    .command("serve")
    .description(
      "serve the HTTP API, CDS Hooks and the page (HOST, PORT, LOCUS_DATA_DIR, DATABASE_URL, LOCUS_TOKENS)",
    )
    .option("--host <address>", "address to listen on (default HOST or 127.0.0.1)")
    .option("--port <port>", "port (default PORT or 8787)")
    .option("--workers <n>", "processes serving requests (default LOCUS_WORKERS or one per core)")
    .option("--no-demo", "do not load the demo cases into the store")
    .action(async (opts: { host?: string; port?: string; workers?: string; demo: boolean }) => {
      let config: Config;
      try {
        const num = (v: string | undefined, what: string) => {
          if (v === undefined) return undefined;
          if (!/^\d+$/.test(v)) throw new ConfigError(`--${what} must be a whole number; found "${v}"`);
          return Number(v);
        };
        const port = num(opts.port, "port");
        const workers = num(opts.workers, "workers");
        config = loadConfig(process.env, {
          ...(opts.host ? { host: opts.host } : {}),
          ...(port !== undefined ? { port } : {}),
          ...(workers !== undefined ? { workers: Math.max(1, workers) } : {}),
          ...(opts.demo === false ? { demo: false } : {}),
        });
      } catch (error) {
        if (error instanceof ConfigError) {
          io.err(`locus serve: ${error.message}\n`);
          setExit(2);
          return;
        }
        throw error;
      }
      await runService(config);
    });
};
