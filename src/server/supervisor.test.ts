/**
 * A service that stays up, or says at once why it cannot: a port in use or out of range, a store
 * that cannot be reached, workers that keep failing. Each once hung or crashed Locus for good.
 */
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../cli/index.js";
import { memoryIo } from "../cli/io.js";
import { backoff } from "./cluster.js";
import { devCases } from "./test-helpers/app.js";
import { freePort, killAll, launch, logLines, start, stop, until } from "./test-helpers/process.js";

afterAll(killAll);

const occupy = (port: number) =>
  new Promise<Server>((resolve) => {
    const s = createServer();
    s.listen(port, "127.0.0.1", () => resolve(s));
  });

describe("starting", () => {
  it("--port 99999 and PORT=99999 are usage errors (exit 2) that name the port", async () => {
    const io = memoryIo();
    expect(await main(["node", "locus", "serve", "--port", "99999"], io)).toBe(2);
    expect(io.stderr).toMatch(/--port must be a whole number from 0 to 65535; found "99999"/);
    const s = launch({ PORT: "99999" });
    expect(await s.exited).toBe(2);
    expect(s.stderr()).toMatch(/PORT must be a whole number from 0 to 65535/);
  });

  it.each(["1", "2"])(
    "a port already in use exits 78 at once with %s worker(s)",
    async (workers) => {
      const port = await freePort();
      const taken = await occupy(port);
      try {
        const s = launch({ PORT: String(port), LOCUS_WORKERS: workers, LOCUS_DATA_DIR: "/tmp/locus-unused" });
        expect(await s.exited).toBe(78);
        expect(s.stderr()).toMatch(new RegExp(`port ${port} is already in use on 127.0.0.1`));
        // Said once per failing worker at most, and never retried.
        expect(logLines(s, "restarting a worker")).toEqual([]);
      } finally {
        taken.close();
      }
    },
    60_000,
  );

  it("a store that cannot be reached is retried with growing delays, then exit 69", async () => {
    const dead = await freePort();
    const s = launch({
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://locus@127.0.0.1:${dead}/nothing`,
      LOCUS_RETRY_BASE_MS: "50",
      LOCUS_RESTART_LIMIT: "3",
    });
    expect(await s.exited).toBe(69);
    expect(s.stderr()).toMatch(/the store postgres:\/\/127\.0\.0\.1:\d+\/nothing cannot be reached/);
    expect(logLines(s, "store not ready; retrying").map((l) => l.retryInMs)).toEqual([50, 100, 200]);
  }, 60_000);

  it("restart delays double from the base and stop growing at 30 s", () => {
    expect([1, 2, 3, 4].map((n) => backoff(n, 500))).toEqual([500, 1000, 2000, 4000]);
    expect(backoff(20, 500)).toBe(30_000);
  });
});

const url = process.env.DATABASE_URL;

/** A database of its own for one test, dropped afterwards. */
async function ownDatabase(): Promise<{
  url: string;
  admin: pg.Client;
  name: string;
  drop(): Promise<void>;
}> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `locus_sv_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url ?? "");
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    admin,
    name,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const terminate = (admin: pg.Client, name: string) =>
  admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);

const workerPids = (primary: number): number[] => {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(primary)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
};

describe.skipIf(!url)("PostgreSQL going away under a running service", () => {
  it("keeps every acknowledged save through repeated connection kills mid-burst, and recovers", async () => {
    const db = await ownDatabase();
    const port = String(await freePort());
    const s = await start({ PORT: port, DATABASE_URL: db.url, LOCUS_WORKERS: "2" });
    const primary = s.child.pid as number;
    const before = workerPids(primary);
    const base = `http://127.0.0.1:${port}`;
    const template = devCases()[0]!.json;
    const acknowledged = new Set<string>();
    const refused: number[] = [];
    let going = true;
    const client = async (w: number) => {
      for (let i = 0; going; i++) {
        const id = `burst-${w}-${i}`;
        const res = await fetch(`${base}/api/v1/cases`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...template, id }),
        });
        if (res.status === 201) acknowledged.add(id);
        else refused.push(res.status);
      }
    };
    try {
      const clients = Array.from({ length: 8 }, (_, w) => client(w));
      for (let kill = 0; kill < 3; kill++) {
        const target = acknowledged.size + 40;
        await until(() => acknowledged.size >= target, 30_000, "saves between kills");
        await terminate(db.admin, db.name);
      }
      const target = acknowledged.size + 40;
      await until(() => acknowledged.size >= target, 30_000, "saves after the last kill");
      going = false;
      await Promise.all(clients);
      // The refused saves were answered (5xx), never acknowledged; the workers never died.
      for (const status of refused) expect(status).toBeGreaterThanOrEqual(500);
      expect(logLines(s, "worker exited")).toEqual([]);
      expect(workerPids(primary).sort()).toEqual(before.sort());
      for (const id of acknowledged) expect((await fetch(`${base}/api/v1/cases/${id}`)).status, id).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    } finally {
      await stop(s);
      await db.drop();
    }
  }, 120_000);

  it("restarts a worker that cannot reach the database with growing delays, and stops when it never can", async () => {
    const db = await ownDatabase();
    const port = String(await freePort());
    const s = await start({
      PORT: port,
      DATABASE_URL: db.url,
      LOCUS_WORKERS: "2",
      LOCUS_RETRY_BASE_MS: "100",
      LOCUS_RESTART_LIMIT: "3",
    });
    try {
      await db.admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
      await terminate(db.admin, db.name);
      for (const pid of workerPids(s.child.pid as number)) process.kill(pid, "SIGKILL");
      expect(await s.exited).toBe(69);
      expect(s.stderr()).toMatch(/workers failed 4 times in a row \(last: the store .* cannot be reached/);
      const exits = logLines(s, "worker exited");
      expect(exits.some((l) => /cannot be reached/.test(String(l.reason)))).toBe(true);
      expect(logLines(s, "restarting a worker").map((l) => l.restartInMs)).toEqual([100, 200, 400]);
    } finally {
      await stop(s);
      await db.admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
      await db.drop();
    }
  }, 120_000);

  it("a restarted worker serves again once the database is back", async () => {
    const db = await ownDatabase();
    const port = String(await freePort());
    const t = await start({
      PORT: port,
      DATABASE_URL: db.url,
      LOCUS_WORKERS: "2",
      LOCUS_RETRY_BASE_MS: "200",
    });
    try {
      const primary = t.child.pid as number;
      await db.admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
      await terminate(db.admin, db.name);
      const [first] = workerPids(primary);
      process.kill(first as number, "SIGKILL");
      await until(() => logLines(t, "restarting a worker").length >= 2, 30_000, "two failed restarts");
      await db.admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
      await until(() => workerPids(primary).length === 2, 30_000, "a second worker again");
      await until(
        async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200,
        30_000,
        "readiness",
      );
      expect(t.child.exitCode).toBeNull();
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstderr: ${t.stderr()}\nlog: ${t.stdout().slice(-3000)}`);
    } finally {
      await stop(t);
      await db.drop();
    }
  }, 120_000);
});
