import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresRepository } from "./postgres.js";
import { openSqliteDir } from "./sqlite.js";
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
  repositoryContract("PostgreSQL", async () => {
    const schema = `locus_test_${process.pid}_${Date.now().toString(36)}`;
    return new PostgresRepository({ connectionString: databaseUrl, schema });
  });
} else {
  process.stderr.write(
    "\n*** DATABASE_URL is not set: the PostgreSQL store tests are SKIPPED. `.ci/run` starts a PostgreSQL and sets it. ***\n\n",
  );
  describe.skip("PostgreSQL case repository (DATABASE_URL not set)", () => {
    it("runs the same contract as SQLite", () => {});
  });
}

describe("SQLite specifics", () => {
  it("uses WAL, foreign keys and full synchronous commits, and refuses to rewrite history", async () => {
    const dir = mkdtempSync(join(tmpdir(), "locus-store-"));
    dirs.push(dir);
    const repo = openSqliteDir(dir);
    await repo.migrate();
    expect(repo.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(repo.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(repo.db.pragma("synchronous", { simple: true })).toBe(2);
    await repo.create("x", { case: { a: 1 } });
    expect(() => repo.db.prepare("UPDATE case_revisions SET body = '{}'").run()).toThrow(/immutable/);
    expect(() => repo.db.prepare("DELETE FROM case_revisions").run()).toThrow(/never deleted/);
    expect(() => repo.db.prepare("DELETE FROM cases").run()).toThrow(/never deleted/);
    await repo.close();
  });
});
