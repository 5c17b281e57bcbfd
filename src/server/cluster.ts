/**
 * Starting the service: one process per core with node's cluster module (the primary migrates the
 * store and loads the demo cases, then forks workers that share the port), or a single process.
 *
 * Staying up: a worker that loses its database connection keeps serving (the pool reconnects;
 * requests fail with 5xx meanwhile). A worker that cannot start says why on standard error and
 * exits: 78 when it cannot listen (the port is in use or not permitted; the primary stops at once,
 * since retrying cannot help) or 69 when the store cannot be reached (the primary restarts it after
 * a growing delay, and gives up after LOCUS_RESTART_LIMIT failures in a row with exit 69).
 */
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { EXIT } from "../cli/exit-codes.js";
import { describeStore, openStore } from "../store/index.js";
import { createApp } from "./app.js";
import { ResponseCache } from "./cache.js";
import type { Config } from "./config.js";
import { loadDemoCases } from "./demo.js";
import { type Engine, loadEngine, stages } from "./engine.js";
import { createLogger, type Logger } from "./logging.js";

export interface Running {
  port: number;
  close(): Promise<void>;
}

/** Why a start failed, and the exit code that says it. */
export class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "StartError";
  }
}

const LISTEN_CODES = new Set(["EADDRINUSE", "EACCES", "EADDRNOTAVAIL", "ERR_SOCKET_BAD_PORT"]);

/** A start failure in words, with its exit code: cannot listen (78) or cannot reach the store (69). */
export function startFailure(error: unknown, config: Config): StartError {
  if (error instanceof StartError) return error;
  const code = (error as { code?: unknown }).code;
  const why = error instanceof Error ? error.message : String(error);
  if (typeof code === "string" && LISTEN_CODES.has(code)) {
    const words =
      code === "EADDRINUSE"
        ? `port ${config.port} is already in use on ${config.host}`
        : code === "EACCES"
          ? `not permitted to listen on ${config.host}:${config.port}`
          : `cannot listen on ${config.host}:${config.port}`;
    return new StartError(`${words} (${why}); choose another with --port or PORT`, EXIT.config);
  }
  if (/certificate|PEM|key|TLS|SSL/i.test(why) && config.tls)
    return new StartError(`the TLS certificate or key cannot be used: ${why}`, EXIT.config);
  return new StartError(`the store ${describeStore(config)} cannot be reached: ${why}`, EXIT.unavailable);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The delay before attempt `n` (1-based) after a failure: base, 2 base, 4 base... at most 30 s. */
export function backoff(n: number, baseMs: number): number {
  return Math.min(30_000, baseMs * 2 ** Math.max(0, n - 1));
}

/** Migrate the store and load the demo cases once, before any worker serves. */
export async function prepareStore(config: Config, engine: Engine, logger: Logger): Promise<void> {
  const repo = openStore(config);
  try {
    const applied = await repo.migrate();
    if (applied.length) logger.info({ migrations: applied, store: describeStore(config) }, "store migrated");
    if (config.demo) {
      const demo = await loadDemoCases(repo, engine);
      logger.info(
        { loaded: demo.loaded.length, present: demo.present.length, invalid: demo.invalid },
        "demo cases",
      );
    }
  } finally {
    await repo.close().catch(() => {});
  }
}

/** prepareStore, tried again after a growing delay while the store cannot be reached. */
async function prepareWithRetries(config: Config, engine: Engine, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prepareStore(config, engine, logger);
    } catch (error) {
      const failure = startFailure(error, config);
      if (attempt > config.restartLimit) throw failure;
      const wait = backoff(attempt, config.retryBaseMs);
      logger.error({ attempt, retryInMs: wait, reason: failure.message }, "store not ready; retrying");
      await sleep(wait);
    }
  }
}

type Server = ReturnType<typeof serve>;

/** Listen, or reject with the listen error (never hang). */
function listen(config: Config, fetch: (req: Request) => Response | Promise<Response>): Promise<Server> {
  // Slow clients cannot hold a worker: headers within headersTimeoutMs, the whole request within
  // requestTimeoutMs, checked often enough to hold to both (node checks every 30 s by default).
  const timeouts = {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
  };
  return new Promise<Server>((resolve, reject) => {
    let s: Server;
    try {
      s = serve(
        {
          fetch,
          hostname: config.host,
          port: config.port,
          ...(config.tls
            ? {
                createServer: createHttpsServer,
                serverOptions: {
                  ...timeouts,
                  cert: readFileSync(config.tls.cert),
                  key: readFileSync(config.tls.key),
                },
              }
            : { serverOptions: timeouts }),
        },
        () => {
          s.off("error", reject);
          resolve(s);
        },
      );
    } catch (error) {
      reject(error);
      return;
    }
    s.once("error", reject);
  });
}

/** One serving process: its own store connection, the app, the HTTP(S) server. */
export async function startWorker(config: Config, logger: Logger, engine?: Engine): Promise<Running> {
  const eng = engine ?? (await loadEngine());
  const repo = openStore(config, (error) =>
    logger.warn({ err: { name: error.name, message: error.message } }, "database connection lost"),
  );
  let server: Server;
  try {
    await repo.migrate();
    const cache = config.cacheBytes > 0 ? new ResponseCache(config.cacheBytes) : undefined;
    const app = createApp({ config, engine: eng, repo, logger, ...(cache ? { cache } : {}) });
    server = await listen(config, app.fetch);
  } catch (error) {
    await repo.close().catch(() => {});
    throw startFailure(error, config);
  }
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open.
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }).then(() => repo.close())),
  };
}

/** Say why the start failed, on standard error and in the log, and exit with its code. */
function fail(logger: Logger, failure: StartError): never {
  logger.error({ exitCode: failure.exitCode, reason: failure.message }, "Locus cannot start");
  process.stderr.write(`locus serve: ${failure.message}\n`);
  logger.flush?.();
  process.exit(failure.exitCode);
}

function onStop(stop: () => void) {
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** Run the service in this process: as cluster primary, cluster worker, or alone. Never returns on failure. */
export async function runService(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const scheme = config.tls ? "https" : "http";
  if (cluster.isWorker) {
    let running: Running;
    try {
      running = await startWorker(config, logger);
    } catch (error) {
      const failure = startFailure(error, config);
      cluster.worker?.send({ type: "failed", reason: failure.message, exitCode: failure.exitCode });
      return fail(logger, failure);
    }
    cluster.worker?.send({ type: "listening", port: running.port });
    onStop(() => void running.close().then(() => process.exit(0)));
    return;
  }
  let engine: Engine;
  try {
    engine = await loadEngine();
    await prepareWithRetries(config, engine, logger);
  } catch (error) {
    return fail(logger, startFailure(error, config));
  }
  const info = {
    store: describeStore(config),
    atlasVersion: engine.atlasVersion,
    stages: stages(engine),
    auth: config.tokens.length ? `${config.tokens.length} bearer token(s)` : "none (loopback only)",
    // Requests addressed to other names are refused (403): say which, so a refused name is no surprise.
    allowedHosts: config.allowedHosts,
  };
  if (config.workers <= 1) {
    let running: Running;
    try {
      running = await startWorker(config, logger, engine);
    } catch (error) {
      return fail(logger, startFailure(error, config));
    }
    logger.info(
      { ...info, url: `${scheme}://${config.host}:${running.port}`, workers: 1 },
      "Locus is listening",
    );
    onStop(() => void running.close().then(() => process.exit(0)));
    return;
  }
  supervise(config, logger, info);
}

/** The cluster primary: fork the workers, restart those that die, stop when restarting cannot help. */
function supervise(config: Config, logger: Logger, info: Record<string, unknown>): void {
  let stopping = false;
  let announced = false;
  /** Worker failures since a worker last started listening. */
  let failures = 0;
  const reasons = new Map<number, string>();
  const scheme = config.tls ? "https" : "http";
  const stopAll = (code: number) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(code), 5000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
  };
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (m: unknown) => {
      if (typeof m !== "object" || m === null) return;
      const msg = m as { type?: unknown; port?: unknown; reason?: unknown };
      if (msg.type === "failed" && typeof msg.reason === "string") reasons.set(worker.id, msg.reason);
      if (msg.type !== "listening") return;
      failures = 0;
      if (announced) return;
      announced = true;
      logger.info(
        { ...info, url: `${scheme}://${config.host}:${String(msg.port)}`, workers: config.workers },
        "Locus is listening",
      );
    });
  };
  let exitCode = 0;
  cluster.on("exit", (worker, code, signal) => {
    const reason = reasons.get(worker.id);
    reasons.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal, reason }, "worker exited");
    if (code === EXIT.config) {
      process.stderr.write(`locus serve: ${reason ?? "a worker cannot listen"}; stopping\n`);
      exitCode = EXIT.config;
      return stopAll(EXIT.config);
    }
    failures++;
    if (failures > config.restartLimit) {
      process.stderr.write(
        `locus serve: workers failed ${failures} times in a row (last: ${reason ?? `exit ${code ?? signal}`}); stopping\n`,
      );
      exitCode = EXIT.unavailable;
      return stopAll(EXIT.unavailable);
    }
    const wait = backoff(failures, config.retryBaseMs);
    logger.warn({ failures, restartInMs: wait }, "restarting a worker");
    setTimeout(() => {
      if (!stopping) fork();
    }, wait);
  });
  for (let i = 0; i < config.workers; i++) fork();
  onStop(() => stopAll(0));
}
