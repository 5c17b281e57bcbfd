/**
 * `npm run bench:http`: autocannon against the real server on 127.0.0.1, POST /api/v1/localize
 * with the development cases in turn. Prints requests per second and p50/p99 latency.
 * Options (environment): BENCH_SECONDS (default 15), BENCH_CONNECTIONS (default 16),
 * LOCUS_WORKERS (default: one per core), BENCH_GZIP=1 (gzipped answers, as browsers ask),
 * BENCH_UNIQUE=1 (a new case id on every request: no cache hits), BENCH_CLIENT_WORKERS. The server is the compiled one (`npm run build` first).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface Result {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const ROOT = join(import.meta.dirname, "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const workers = Number(process.env.LOCUS_WORKERS ?? availableParallelism());
/** BENCH_UNIQUE=1: every request a different case id, so no answer comes from the cache. */
const unique = process.env.BENCH_UNIQUE === "1";
/** BENCH_GZIP=1: ask for gzip as browsers do (default: plain JSON, autocannon's own default). */
const gzip = process.env.BENCH_GZIP === "1";
/** Threads autocannon itself uses (BENCH_CLIENT_WORKERS, default 1). */
const clientWorkers = Number(process.env.BENCH_CLIENT_WORKERS ?? 1);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function waitReady(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

const casesDir = join(ROOT, "demo/cases");
const bodies = readdirSync(casesDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => readFileSync(join(casesDir, f), "utf8"));

const dataDir = mkdtempSync(join(tmpdir(), "locus-bench-"));
const port = await freePort();
const server = spawn(process.execPath, ["bin/locus.js", "serve", "--no-demo"], {
  cwd: ROOT,
  env: {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    LOCUS_DATA_DIR: dataDir,
    LOCUS_WORKERS: String(workers),
  },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-(server.pid as number), "SIGTERM");
  } catch {
    // gone
  }
};
process.on("exit", stop);

try {
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/readyz`, server);
  for (const body of bodies) {
    const res = await fetch(`${base}/api/v1/localize`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    if (res.status !== 200) throw new Error(`a development case answered ${res.status}: ${await res.text()}`);
  }
  let counter = 0;
  const requests = bodies.map((body) => {
    const doc = JSON.parse(body) as Record<string, unknown>;
    return {
      method: "POST",
      path: "/api/v1/localize",
      headers: { "content-type": "application/json", ...(gzip ? { "accept-encoding": "gzip" } : {}) },
      body,
      ...(unique
        ? {
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              body: JSON.stringify({ ...doc, id: `${String(doc.id)}-${++counter}` }),
            }),
          }
        : {}),
    };
  });
  // Warm up (JIT, caches), then measure.
  await autocannon({ url: base, connections, duration: 3, requests });
  const r = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests,
    ...(clientWorkers > 1 ? { workers: clientWorkers } : {}),
  });
  const line = {
    route: "POST /api/v1/localize",
    cache: unique
      ? "every request a new case (no cache hits)"
      : "the development cases in turn (cache hits after the first of each)",
    cases: bodies.length,
    workers,
    connections,
    clientWorkers,
    acceptEncoding: gzip ? "gzip" : "identity",
    seconds,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  process.stdout.write(`${JSON.stringify(line, null, 2)}\n`);
  const ok =
    unique || (line.requestsPerSecond > 5000 && r.latency.p99 < 10 && r.non2xx === 0 && r.errors === 0);
  process.stdout.write(
    `\n${line.requestsPerSecond} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms ${unique ? "(every answer computed afresh; the target is for the development cases)" : `(target: > 5000 req/s, p99 < 10 ms): ${ok ? "met" : "NOT met"}`}\n`,
  );
  process.exitCode = ok || unique ? 0 : 1;
} finally {
  stop();
  rmSync(dataDir, { recursive: true, force: true });
}
