/**
 * `npm run bench:http`: autocannon against the real server on 127.0.0.1, POST /api/v1/localize.
 * By default every request is a new case: a development case with one, two or three of its
 * findings left out, never the same findings twice (so neither the answer cache nor anything in
 * the engine can have seen it); target >= 1,000 answers a second on two workers (issue 16).
 * BENCH_CACHED=1 sends the development cases in turn instead (cache hits after the first of each;
 * target > 5,000 req/s, p99 < 10 ms). Prints requests per second and p50/p99 latency.
 * Options (environment): BENCH_SECONDS (default 15), BENCH_CONNECTIONS (default 16),
 * LOCUS_WORKERS (default: one per core), BENCH_GZIP=1 (gzipped answers, as browsers ask),
 * BENCH_CLIENT_WORKERS (cached mode only). The server is the compiled one (`npm run build` first).
 * Beside the rate it prints the server's CPU time per answer (Linux: /proc), which says what an
 * answer costs the server even when the client and other work share its cores.
 * BENCH_AGAINST=<folder of another build> (such as a checkout built at an earlier commit) starts
 * that build's server beside this one and measures the two in turn, BENCH_ROUNDS times (default 2:
 * other, this, this, other), each with its own new cases, so both see the same machine; the JIT
 * goes on speeding the analysis up for minutes, so give such runs a longer BENCH_WARM_SECONDS.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
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
/** Every request a new case (default), or BENCH_CACHED=1: the development cases in turn. */
const fresh = process.env.BENCH_CACHED !== "1";
/** BENCH_GZIP=1: ask for gzip as browsers do (default: plain JSON, autocannon's own default). */
const gzip = process.env.BENCH_GZIP === "1";
/** Threads autocannon itself uses (BENCH_CLIENT_WORKERS, default 1). */
const clientWorkers = Number(process.env.BENCH_CLIENT_WORKERS ?? 1);
if (fresh && clientWorkers > 1) throw new Error("BENCH_CLIENT_WORKERS applies to BENCH_CACHED=1 only");
/** BENCH_AGAINST: another build's folder, measured in turn with this one. */
const against = process.env.BENCH_AGAINST;
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
/** Seconds of warm-up before the first measured run of each server (BENCH_WARM_SECONDS, default 3). */
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 3);
/** New cases made per server before measuring: the run's length at a generous rate, or all there are. */
const casesPerServer = ((against ? rounds : 1) * (seconds + WARM_SECONDS) + WARM_SECONDS) * 3000;

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

/** Ways to leave out one, two or three of n findings, fewest first. */
function* leftOut(n: number): Generator<number[]> {
  for (let a = 0; a < n; a++) yield [a];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) yield [a, b];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) yield [a, b, c];
}

/**
 * New cases, never the same findings twice, made before the measured run so that the client (on
 * the same two cores as the server) spends nothing on them during it: request k takes development
 * case k mod n and leaves out the next set of its findings (a digest of every findings list made
 * so far rules out repeats). Up to `count` bodies, in the order they are to be sent.
 */
function newCases(texts: string[], count: number): Buffer[] {
  const docs = texts.map((t) => JSON.parse(t) as { id: string; findings: unknown[] });
  const ways = docs.map((d) => leftOut(d.findings.length));
  const done = docs.map(() => false);
  const made = new Set<string>();
  const out: Buffer[] = [];
  for (let k = 0; out.length < count && done.includes(false); k++) {
    const i = k % docs.length;
    if (done[i]) continue;
    const doc = docs[i] as (typeof docs)[number];
    const way = (ways[i] as Generator<number[]>).next();
    if (way.done) {
      done[i] = true;
      continue;
    }
    const findings = doc.findings.filter((_, j) => !way.value.includes(j));
    const digest = createHash("sha1").update(JSON.stringify(findings)).digest("base64");
    if (made.has(digest)) continue;
    made.add(digest);
    out.push(Buffer.from(JSON.stringify({ ...doc, id: `${doc.id}-${k + 1}`, findings })));
  }
  return out;
}

/**
 * CPU time (user + system, ms) of the server: the process started and its children (the cluster's
 * workers), from /proc (Linux; undefined elsewhere). Clock ticks are taken as 100 a second.
 */
function serverCpuMs(pid: number): number | undefined {
  const stat = (p: string) => {
    const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * 10 };
  };
  try {
    let ms = stat(String(pid)).ms;
    for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const s = stat(p);
        if (s.ppid === pid) ms += s.ms;
      } catch {
        // gone meanwhile
      }
    }
    return ms;
  } catch {
    return undefined;
  }
}

interface Server {
  name: string;
  base: string;
  pid: number;
  stop(): void;
}

async function startServer(name: string, root: string): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), "locus-bench-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["bin/locus.js", "serve", "--no-demo"], {
    cwd: root,
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
      process.kill(-(child.pid as number), "SIGTERM");
    } catch {
      // gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/readyz`, child);
  for (const body of bodies) {
    const res = await fetch(`${base}/api/v1/localize`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    if (res.status !== 200) throw new Error(`a development case answered ${res.status}: ${await res.text()}`);
  }
  return { name, base, pid: child.pid as number, stop };
}

/** The requests autocannon sends: the development cases, or each time the next new case. */
function requestsFor(next: (() => Buffer) | undefined) {
  return bodies.map((body) => ({
    method: "POST",
    path: "/api/v1/localize",
    headers: { "content-type": "application/json", ...(gzip ? { "accept-encoding": "gzip" } : {}) },
    body,
    ...(next ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: next() }) } : {}),
  }));
}

/** Each server's new cases, in order, and how many it has been sent. */
function sender(cases: Buffer[]) {
  let sent = 0;
  return {
    next: () => {
      const body = cases[sent++];
      if (body === undefined) throw new Error(`no new case left to send (${cases.length} made)`);
      return body;
    },
    get sent() {
      return sent;
    },
  };
}

async function measure(server: Server, send: ReturnType<typeof sender> | undefined, warm: boolean) {
  const requests = requestsFor(send?.next);
  // Warm up (JIT, caches), then measure.
  if (warm) await autocannon({ url: server.base, connections, duration: WARM_SECONDS, requests });
  const load = loadavg()[0] as number;
  const cpuBefore = serverCpuMs(server.pid);
  const r = await autocannon({
    url: server.base,
    connections,
    duration: seconds,
    requests,
    ...(clientWorkers > 1 ? { workers: clientWorkers } : {}),
  });
  const cpuAfter = serverCpuMs(server.pid);
  // What the server spent per answer, whatever else ran on the machine (the client included).
  const cpuPerAnswer =
    cpuBefore !== undefined && cpuAfter !== undefined && r.requests.total > 0
      ? (cpuAfter - cpuBefore) / r.requests.total
      : undefined;
  return {
    build: server.name,
    route: "POST /api/v1/localize",
    cases: send
      ? `every request a new case: a development case with 1 to 3 findings left out (${send.sent} different cases sent, warm-up included)`
      : "the development cases in turn (cache hits after the first of each)",
    developmentCases: bodies.length,
    workers,
    connections,
    clientWorkers,
    acceptEncoding: gzip ? "gzip" : "identity",
    seconds,
    load: { before: Math.round(load * 100) / 100, after: Math.round((loadavg()[0] as number) * 100) / 100 },
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    total: r.requests.total,
    ...(cpuPerAnswer !== undefined ? { serverCpuMsPerAnswer: Math.round(cpuPerAnswer * 1000) / 1000 } : {}),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

type Line = Awaited<ReturnType<typeof measure>>;

function report(line: Line): boolean {
  process.stdout.write(`${JSON.stringify(line, null, 2)}\n`);
  const clean = line.non2xx === 0 && line.errors === 0;
  const ok = fresh
    ? line.requestsPerSecond >= 1000 && clean
    : line.requestsPerSecond > 5000 && line.latencyMs.p99 < 10 && clean;
  const { p50, p99 } = line.latencyMs;
  process.stdout.write(
    `\n${line.requestsPerSecond} req/s, p50 ${p50} ms, p99 ${p99} ms ${fresh ? `(every answer computed afresh; target >= 1,000 req/s): ${ok ? "met" : "NOT met"}` : `(target: > 5000 req/s, p99 < 10 ms): ${ok ? "met" : "NOT met"}`}\n`,
  );
  const cpu = line.serverCpuMsPerAnswer;
  if (cpu !== undefined)
    process.stdout.write(
      `server CPU per answer ${cpu.toFixed(2)} ms (primary and workers, user and system): ${workers} workers with a core each to themselves would give at most ${Math.round((1000 * workers) / cpu)} answers a second\n`,
    );
  return ok;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Both builds in turn (the other first in even rounds, this first in odd ones), then each one's medians. */
async function compare(otherRoot: string): Promise<boolean> {
  const servers = [await startServer(`other (${otherRoot})`, otherRoot), await startServer("this", ROOT)];
  try {
    const cases = fresh ? newCases(bodies, casesPerServer) : [];
    const senders = servers.map(() => (fresh ? sender(cases) : undefined));
    const lines: Line[] = [];
    // Other, this; then this, other; and so on: a drift of the machine favours neither.
    for (let round = 0; round < rounds; round++)
      for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const server = servers[i] as Server;
        const line = await measure(server, senders[i], round === 0);
        lines.push(line);
        process.stdout.write(
          `${server.name}: ${line.requestsPerSecond} req/s, server CPU ${line.serverCpuMsPerAnswer} ms an answer, load ${line.load.before} -> ${line.load.after}\n`,
        );
      }
    const summary = servers.map((s) => {
      const mine = lines.filter((l) => l.build === s.name);
      return {
        build: s.name,
        requestsPerSecond: mine.map((l) => l.requestsPerSecond),
        serverCpuMsPerAnswer: mine.map((l) => l.serverCpuMsPerAnswer ?? Number.NaN),
        medianRequestsPerSecond: median(mine.map((l) => l.requestsPerSecond)),
        medianServerCpuMsPerAnswer: median(mine.map((l) => l.serverCpuMsPerAnswer ?? Number.NaN)),
      };
    });
    process.stdout.write(`${JSON.stringify({ rounds, seconds, workers, fresh, summary }, null, 2)}\n`);
    return lines.every((l) => l.non2xx === 0 && l.errors === 0);
  } finally {
    for (const s of servers) s.stop();
  }
}

async function single(): Promise<boolean> {
  const server = await startServer("this", ROOT);
  try {
    const send = fresh ? sender(newCases(bodies, casesPerServer)) : undefined;
    return report(await measure(server, send, true));
  } finally {
    server.stop();
  }
}

process.exitCode = (await (against ? compare(against) : single())) ? 0 : 1;
