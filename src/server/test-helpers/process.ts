/** The service as a real process, for tests that start, break and stop it. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../../..");

export interface Started {
  child: ChildProcess;
  /** Everything the process wrote to standard error (and output: the JSON log) so far. */
  stderr(): string;
  stdout(): string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

/** Kill every process these helpers started (afterAll). */
export function killAll(): void {
  for (const p of running) if (p.exitCode === null && p.pid) killGroup(p.pid, "SIGKILL");
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Start `src/server/main.ts` in its own process group; do not wait. */
export function launch(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOCUS_LOG_LEVEL: "warn",
      LOCUS_DEMO: "0",
      LOCUS_WORKERS: "2",
      HOST: "127.0.0.1",
      ...env,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

/** Start the service and wait until /readyz answers 200 (or throw with what it printed). */
export async function start(env: Record<string, string>, scheme = "http"): Promise<Started> {
  const s = launch(env);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`server exited ${s.child.exitCode}: ${s.stderr()}`);
    try {
      const res = await fetch(`${scheme}://127.0.0.1:${env.PORT}/readyz`);
      if (res.ok) return s;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${s.stderr()}`);
}

/** Stop a started service with SIGTERM and wait for it. */
export async function stop(s: Started): Promise<void> {
  if (s.child.exitCode === null && s.child.pid) killGroup(s.child.pid, "SIGTERM");
  await s.exited;
}

/** Wait until `check` holds (polling), or throw after `ms` with `what`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not yet (a refused connection, say)
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The log lines (pino JSON) with this message. */
export function logLines(s: Started, msg: string): Record<string, unknown>[] {
  return s
    .stdout()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === msg);
}
