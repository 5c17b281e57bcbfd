/**
 * Starting the service: one process per core with node's cluster module (the primary migrates the
 * store and loads the demo cases, then forks workers that share the port), or a single process.
 */
import cluster from "node:cluster";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
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
    await repo.close();
  }
}

/** One serving process: its own store connection, the app, the HTTP server. */
export async function startWorker(config: Config, logger: Logger, engine?: Engine): Promise<Running> {
  const eng = engine ?? (await loadEngine());
  const repo = openStore(config);
  await repo.migrate();
  const cache = config.cacheBytes > 0 ? new ResponseCache(config.cacheBytes) : undefined;
  const app = createApp({ config, engine: eng, repo, logger, ...(cache ? { cache } : {}) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once("error", reject);
  });
  // Slow clients cannot hold a worker: whole request within 30 s, headers within 10 s.
  const http = server as unknown as { requestTimeout: number; headersTimeout: number };
  http.requestTimeout = 30_000;
  http.headersTimeout = 10_000;
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

/** Run the service in this process: as cluster primary, cluster worker, or alone. */
export async function runService(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  if (cluster.isWorker) {
    const running = await startWorker(config, logger);
    cluster.worker?.send({ type: "listening", port: running.port });
    const stop = () => void running.close().then(() => process.exit(0));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    return;
  }
  const engine = await loadEngine();
  await prepareStore(config, engine, logger);
  const info = {
    store: describeStore(config),
    atlasVersion: engine.atlasVersion,
    stages: stages(engine),
    auth: config.tokens.length ? `${config.tokens.length} bearer token(s)` : "none (loopback only)",
  };
  if (config.workers <= 1) {
    const running = await startWorker(config, logger, engine);
    logger.info({ ...info, url: `http://${config.host}:${running.port}`, workers: 1 }, "Locus is listening");
    const stop = () => void running.close().then(() => process.exit(0));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    return;
  }
  let stopping = false;
  let announced = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (m: unknown) => {
      if (
        !announced &&
        typeof m === "object" &&
        m !== null &&
        (m as { type?: unknown }).type === "listening"
      ) {
        announced = true;
        const port = (m as { port?: unknown }).port;
        logger.info(
          { ...info, url: `http://${config.host}:${String(port)}`, workers: config.workers },
          "Locus is listening",
        );
      }
    });
  };
  const started = Date.now();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, "worker exited");
    // A worker that dies during start-up would die again: stop rather than loop.
    if (Date.now() - started < 5000) {
      logger.error("workers fail at start-up; stopping");
      process.exit(1);
    }
    fork();
  });
  for (let i = 0; i < config.workers; i++) fork();
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
