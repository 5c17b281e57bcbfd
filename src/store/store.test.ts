import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "./migrations/index.js";
import { PostgresRepository } from "./postgres.js";
import { openSqliteDir, SQLITE_FILE } from "./sqlite.js";
import { pragmaValue } from "./sqlite-driver.js";
import { repositoryContract } from "./test-helpers/contract.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

repositoryContract("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "locus-store-"));
  dirs.push(dir);
  return openSqliteDir(dir);
});

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const schemas: string[] = [];
  repositoryContract("PostgreSQL", async () => {
    const schema = `locus_test_${process.pid}_${Date.now().toString(36)}`;
    schemas.push(schema);
    return new PostgresRepository({ connectionString: databaseUrl, schema });
  });
  afterAll(async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.end();
  });
} else {
  process.stderr.write(
    "\n*** DATABASE_URL is not set: the PostgreSQL store tests are SKIPPED. `.ci/run` starts a PostgreSQL and sets it. ***\n\n",
  );
  describe.skip("PostgreSQL case repository (DATABASE_URL not set)", () => {
    it("runs the same contract as SQLite", () => {});
  });
}

describe("migrations", () => {
  it("upgrade a store made by an earlier version and keep its data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "locus-store-"));
    dirs.push(dir);
    const old = new Database(join(dir, SQLITE_FILE));
    old.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    old.exec(migrations[0]!.sqlite);
    old.prepare("INSERT INTO schema_migrations VALUES (1, 'cases', '2026-01-01T00:00:00Z')").run();
    old.prepare("INSERT INTO cases VALUES ('old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1)").run();
    old
      .prepare("INSERT INTO case_revisions VALUES ('old', 1, '2026-01-01T00:00:00Z', ?)")
      .run(JSON.stringify({ format: "locus-case/1", id: "old", findings: [] }));
    old.close();
    const repo = openSqliteDir(dir);
    expect(await repo.migrate()).toEqual(migrations.slice(1).map((m) => m.version));
    expect(await repo.get("old")).toMatchObject({ revision: 1, author: null, case: { id: "old" } });
    await repo.update("old", { case: { format: "locus-case/1", id: "old", findings: [] }, author: "ehr" });
    expect((await repo.revisions("old"))?.map((r) => r.author)).toEqual([null, "ehr"]);
    expect(await repo.integrityCheck()).toEqual([]);
    await repo.close();
  });

  it("are numbered 1, 2, 3... with SQL for both stores", () => {
    migrations.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.sqlite.trim()).not.toBe("");
      expect(m.postgres.trim()).not.toBe("");
    });
  });
});

describe("SQLite specifics", () => {
  it("uses WAL, foreign keys and full synchronous commits, and refuses to rewrite history", async () => {
    const dir = mkdtempSync(join(tmpdir(), "locus-store-"));
    dirs.push(dir);
    const repo = openSqliteDir(dir);
    await repo.migrate();
    expect(pragmaValue(repo.db, "journal_mode")).toBe("wal");
    expect(pragmaValue(repo.db, "foreign_keys")).toBe(1);
    expect(pragmaValue(repo.db, "synchronous")).toBe(2);
    expect(pragmaValue(repo.db, "busy_timeout")).toBe(10000);
    await repo.create("x", { case: { a: 1 } });
    expect(() => repo.db.prepare("UPDATE case_revisions SET body = '{}'").run()).toThrow(/immutable/);
    expect(() => repo.db.prepare("DELETE FROM case_revisions").run()).toThrow(/never deleted/);
    expect(() => repo.db.prepare("DELETE FROM cases").run()).toThrow(/never deleted/);
    await repo.archive("x", "ehr");
    await repo.restore("x", "ehr");
    expect(
      repo.db.prepare("SELECT seq, action, author FROM case_archive_events WHERE case_id = 'x'").all(),
    ).toEqual([
      { seq: 1, action: "archive", author: "ehr" },
      { seq: 2, action: "restore", author: "ehr" },
    ]);
    expect(() => repo.db.prepare("UPDATE case_archive_events SET action = 'archive'").run()).toThrow(
      /immutable/,
    );
    expect(() => repo.db.prepare("DELETE FROM case_archive_events").run()).toThrow(/never deleted/);
    expect(await repo.integrityCheck()).toEqual([]);
    repo.db.prepare("UPDATE cases SET archived_at = '2026-01-01T00:00:00Z' WHERE id = 'x'").run();
    expect(await repo.integrityCheck()).toEqual([
      "case x: archived_at disagrees with its last archive event",
    ]);
    await repo.close();
  });
});

describe("SQLite files", () => {
  const mode = (p: string) => statSync(p).mode & 0o777;

  it("are for their owner only: the folder 0700, the database, WAL and shared memory 0600", async () => {
    const parent = mkdtempSync(join(tmpdir(), "locus-store-"));
    dirs.push(parent);
    const dir = join(parent, "data");
    const old = process.umask(0o022);
    try {
      const repo = openSqliteDir(dir);
      await repo.migrate();
      await repo.create("x", { case: { a: 1 } });
      expect(mode(dir)).toBe(0o700);
      for (const f of [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`])
        expect(mode(join(dir, f)), f).toBe(0o600);
      await repo.close();
    } finally {
      process.umask(old);
    }
  });

  it("narrows a database an earlier version left readable to others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "locus-store-"));
    dirs.push(dir);
    const file = join(dir, SQLITE_FILE);
    new Database(file).close();
    chmodSync(file, 0o644);
    const repo = openSqliteDir(dir);
    expect(mode(file)).toBe(0o600);
    await repo.close();
  });
});
