import { runService } from "../../server/cluster.js";
import { type Config, ConfigError, loadConfig } from "../../server/config.js";
import { EXIT } from "../exit-codes.js";
import type { Register } from "../index.js";

interface ServeOptions {
  host?: string;
  port?: string;
  workers?: string;
  demo: boolean;
  allowedHosts?: string;
  tlsCert?: string;
  tlsKey?: string;
}

/** The configuration from the environment and the flags, or a ConfigError saying what is wrong. */
export function serveConfig(opts: ServeOptions, env: NodeJS.ProcessEnv = process.env): Config {
  const num = (v: string | undefined, what: string, max: number) => {
    if (v === undefined) return undefined;
    if (!/^\d{1,9}$/.test(v) || Number(v) > max)
      throw new ConfigError(`--${what} must be a whole number from 0 to ${max}; found "${v}"`);
    return Number(v);
  };
  const port = num(opts.port, "port", 65535);
  const workers = num(opts.workers, "workers", 64);
  return loadConfig(env, {
    ...(opts.host ? { host: opts.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(workers !== undefined ? { workers: Math.max(1, workers) } : {}),
    ...(opts.demo === false ? { demo: false } : {}),
    ...(opts.allowedHosts !== undefined ? { allowedHosts: opts.allowedHosts } : {}),
    ...(opts.tlsCert !== undefined ? { tlsCert: opts.tlsCert } : {}),
    ...(opts.tlsKey !== undefined ? { tlsKey: opts.tlsKey } : {}),
  });
}

/**
 * `locus serve`: the HTTP API, the page and CDS Hooks (configuration by environment and flags; see
 * docs/service.md). Exits 2 on a bad flag or setting, 78 when the port cannot be used, 69 when the
 * store cannot be reached.
 */
export const registerServe: Register = (program, io, setExit) => {
  program
    .command("serve")
    .description(
      "serve the HTTP API, CDS Hooks and the page (HOST, PORT, LOCUS_DATA_DIR, DATABASE_URL, LOCUS_TOKENS; see docs/service.md)",
    )
    .option("--host <address>", "address to listen on (default HOST or 127.0.0.1)")
    .option("--port <port>", "port (default PORT or 8787)")
    .option("--workers <n>", "processes serving requests (default LOCUS_WORKERS or one per core)")
    .option("--no-demo", "do not load the demo cases into the store")
    .option(
      "--allowed-hosts <names>",
      "comma-separated host names the service answers besides the loopback names (LOCUS_ALLOWED_HOSTS); * for any",
    )
    .option("--tls-cert <file>", "serve HTTPS with this PEM certificate chain (LOCUS_TLS_CERT)")
    .option("--tls-key <file>", "the PEM private key of --tls-cert (LOCUS_TLS_KEY)")
    .action(async (opts: ServeOptions) => {
      let config: Config;
      try {
        config = serveConfig(opts);
      } catch (error) {
        if (error instanceof ConfigError) {
          io.err(`locus serve: ${error.message}\n`);
          setExit(EXIT.usage);
          return;
        }
        throw error;
      }
      await runService(config);
    });
};
