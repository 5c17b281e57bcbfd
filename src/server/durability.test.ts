/**
 * Durability: a burst of case saves against the real server process (two cluster workers),
 * `kill -9` mid-burst, restart, and every save that was acknowledged must be there, with the
 * database passing its integrity check.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../store/index.js";
import { devCases } from "./test-helpers/app.js";
import { freePort, killAll, killGroup, start, stop as stopServer } from "./test-helpers/process.js";

const dirs: string[] = [];

afterAll(() => {
  killAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function burstAndKill(env: Record<string, string>, runId: string) {
  const base = `http://127.0.0.1:${env.PORT}`;
  const server = (await start(env)).child;
  const template = devCases()[0]!.json;
  const acknowledged = new Map<string, { revision: number; notes: string }>();
  let stop = false;
  let sent = 0;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const id = `${runId}-${w}-${i}`;
      const notes = `save ${id}`;
      sent++;
      try {
        const res = await fetch(`${base}/api/v1/cases`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...template, id, notes }),
        });
        if (res.status === 201) acknowledged.set(id, { revision: 1, notes });
        else if (!stop) throw new Error(`save answered ${res.status}`);
        // Every third case gets a second revision.
        if (i % 3 === 0 && !stop) {
          const put = await fetch(`${base}/api/v1/cases/${id}`, {
            method: "PUT",
            headers: { "content-type": "application/json", "if-match": '"1"' },
            body: JSON.stringify({ ...template, id, notes: `${notes} r2` }),
          });
          if (put.status === 200) acknowledged.set(id, { revision: 2, notes: `${notes} r2` });
        }
      } catch (error) {
        if (!stop) throw error;
        return;
      }
    }
  };
  const workers = Array.from({ length: 12 }, (_, w) => worker(w));
  // Let the burst run, then kill the whole process group without warning, mid-burst.
  while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 20));
  killGroup(server.pid as number, "SIGKILL");
  stop = true;
  await Promise.allSettled(workers);
  await new Promise<void>((resolve) =>
    server.exitCode !== null || server.signalCode !== null ? resolve() : server.once("exit", () => resolve()),
  );
  expect(sent).toBeGreaterThan(acknowledged.size);

  const again = await start(env);
  try {
    for (const [id, want] of acknowledged) {
      const res = await fetch(`${base}/api/v1/cases/${id}`);
      expect(res.status, id).toBe(200);
      const got = (await res.json()) as { revision: number; case: { notes: string } };
      expect(got.revision, id).toBeGreaterThanOrEqual(want.revision);
      if (got.revision === want.revision) expect(got.case.notes).toBe(want.notes);
    }
  } finally {
    await stopServer(again);
  }
  const repo = openStore({ dataDir: env.LOCUS_DATA_DIR ?? "", databaseUrl: env.DATABASE_URL });
  try {
    expect(await repo.integrityCheck()).toEqual([]);
  } finally {
    await repo.close();
  }
  return acknowledged.size;
}

describe("durability", () => {
  it("keeps every acknowledged save through kill -9 (SQLite)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "locus-durable-"));
    dirs.push(dir);
    const port = String(await freePort());
    const n = await burstAndKill(
      { PORT: port, LOCUS_DATA_DIR: dir, DATABASE_URL: "" },
      `s${Date.now().toString(36)}`,
    );
    expect(n).toBeGreaterThanOrEqual(150);
  }, 120_000);

  const url = process.env.DATABASE_URL;
  it.skipIf(!url)(
    "keeps every acknowledged save through kill -9 (PostgreSQL)",
    async () => {
      const port = String(await freePort());
      const n = await burstAndKill(
        { PORT: port, LOCUS_DATA_DIR: join(tmpdir(), "unused"), DATABASE_URL: url ?? "" },
        `p${Date.now().toString(36)}`,
      );
      expect(n).toBeGreaterThanOrEqual(150);
    },
    120_000,
  );
});
