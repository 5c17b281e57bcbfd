/**
 * The SQLite driver, kept behind three small functions: `libsql` (the libSQL fork's
 * better-sqlite3-compatible binding, whose Linux binary comes inside the registry package
 * `@libsql/linux-x64-gnu`, so `npm install` compiles nothing). Where its API differs from
 * better-sqlite3 in a way the store depends on, the difference is handled here:
 * - its `transaction()` always runs ROLLBACK after an error, so when SQLite has already rolled
 *   back (a trigger's RAISE(ROLLBACK), a full disk) the real error is replaced by "cannot rollback
 *   - no transaction is active"; `immediate` rolls back only a transaction that is still open;
 * - `pragma(name, { simple: true })` returns the row, not the value; `pragmaValue` returns the value;
 * - rows from `Statement.get()` carry an extra enumerable `_metadata` field (rows from `all()` do
 *   not): read columns by name, never compare or spread whole `get()` rows;
 * - a call with one argument that is an object (null included) binds it as named parameters.
 */
import Database from "libsql";

export type SqliteDatabase = Database.Database;

/** Open (creating when needed) a database in WAL mode with full synchronous commits. */
export function openDatabase(path: string): SqliteDatabase {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 10000");
  return db;
}

/**
 * Run `fn` in a `BEGIN IMMEDIATE` transaction (the write lock is taken at the start, so two
 * processes never both read and then both try to write) and commit; on any error roll back if the
 * transaction is still open, and rethrow the original error.
 */
export function immediate<T>(db: SqliteDatabase, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

/** The single value a pragma answers (`journal_mode` -> "wal"), or undefined when it answers nothing. */
export function pragmaValue(db: SqliteDatabase, name: string): unknown {
  const rows = db.pragma(name) as Record<string, unknown>[];
  const first = rows[0];
  return first === undefined ? undefined : Object.values(first)[0];
}
