import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { immediate, openDatabase, pragmaValue } from "./sqlite-driver.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "locus-driver-"));
  dirs.push(dir);
  return join(dir, "t.sqlite");
}

function fresh(path = freshPath()) {
  const db = openDatabase(path);
  db.exec("CREATE TABLE t (a INTEGER NOT NULL)");
  return db;
}

const count = (db: ReturnType<typeof fresh>) =>
  (db.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n;

describe("immediate", () => {
  it("commits what the function wrote and returns its value", () => {
    const db = fresh();
    expect(immediate(db, () => db.prepare("INSERT INTO t VALUES (1)").run().changes)).toBe(1);
    expect(db.inTransaction).toBe(false);
    expect(count(db)).toBe(1);
    db.close();
  });

  it("rolls back and rethrows the function's own error", () => {
    const db = fresh();
    const fail = () =>
      immediate(db, () => {
        db.prepare("INSERT INTO t VALUES (1)").run();
        throw new Error("refused by the caller");
      });
    expect(fail).toThrow("refused by the caller");
    expect(db.inTransaction).toBe(false);
    expect(count(db)).toBe(0);
    db.close();
  });

  it("reports the real error when SQLite has already rolled the transaction back", () => {
    // A trigger's RAISE(ROLLBACK) ends the transaction itself; a second ROLLBACK would fail with
    // "cannot rollback - no transaction is active" and hide why the save failed.
    const db = fresh();
    db.exec(
      "CREATE TRIGGER t_refuse BEFORE INSERT ON t BEGIN SELECT RAISE(ROLLBACK, 'refused by trigger'); END",
    );
    expect(() => immediate(db, () => db.prepare("INSERT INTO t VALUES (1)").run())).toThrow(
      "refused by trigger",
    );
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it("takes the write lock at BEGIN, so another connection cannot start writing meanwhile", () => {
    const path = freshPath();
    const db = fresh(path);
    const other = openDatabase(path);
    other.pragma("busy_timeout = 0");
    immediate(db, () => {
      // Nothing written yet: with a deferred BEGIN the other connection could still take the lock.
      expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(/locked|busy/i);
    });
    other.exec("BEGIN IMMEDIATE");
    other.exec("COMMIT");
    other.close();
    db.close();
  });
});

describe("pragmaValue", () => {
  it("answers the value, not the row", () => {
    const db = fresh();
    expect(pragmaValue(db, "journal_mode")).toBe("wal");
    expect(pragmaValue(db, "synchronous")).toBe(2);
    expect(pragmaValue(db, "foreign_keys")).toBe(1);
    expect(pragmaValue(db, "busy_timeout")).toBe(10000);
    db.close();
  });

  it("answers undefined for a pragma that returns no row", () => {
    const db = fresh();
    expect(pragmaValue(db, "foreign_key_check")).toBeUndefined();
    db.close();
  });
});
