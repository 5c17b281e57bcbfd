/**
 * The embedded store: SQLite (through `libsql`, see sqlite-driver.ts) in WAL mode with foreign keys
 * on and `synchronous=FULL`, so a committed save survives a crash of the process or of the machine.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { migrations } from "./migrations/index.js";
import {
  ARCHIVE_DRIFT,
  type ArchiveState,
  archiveDriftProblem,
  type CaseRepository,
  type CaseRevision,
  type CaseSummary,
  ConflictError,
  clampLimit,
  type ListOptions,
  NotFoundError,
  type RevisionSummary,
  revisionFromInput,
  type SaveInput,
  type UpdateInput,
} from "./repository.js";
import { immediate, openDatabase, type SqliteDatabase } from "./sqlite-driver.js";

export const SQLITE_FILE = "locus.sqlite";

interface RevisionRow {
  case_id: string;
  revision: number;
  created_at: string;
  body: string;
  author: string | null;
  atlas_version: string | null;
  report_created_at: string | null;
  report_body: string | null;
  archived_at: string | null;
}

export function openSqlite(path: string): SqliteRepository {
  return new SqliteRepository(path);
}

/** Open `<dir>/locus.sqlite`, creating the folder (0700: only its owner may enter) when needed. */
export function openSqliteDir(dir: string): SqliteRepository {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return new SqliteRepository(join(dir, SQLITE_FILE));
}

/**
 * Case data is for its owner only: the database is created 0600 before SQLite opens it (SQLite
 * gives its -wal and -shm files the database's mode), and files left readable by an earlier
 * version are narrowed to 0600.
 */
function ownerOnly(path: string): void {
  if (path === ":memory:") return;
  closeSync(openSync(path, "a", 0o600));
  for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) chmodSync(p, 0o600);
}

export class SqliteRepository implements CaseRepository {
  readonly kind = "sqlite" as const;
  readonly db: SqliteDatabase;

  constructor(readonly path: string) {
    ownerOnly(path);
    this.db = openDatabase(path);
  }

  async migrate(): Promise<number[]> {
    const db = this.db;
    db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const applied: number[] = [];
    immediate(db, () => {
      const done = new Set(
        (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map(
          (r) => r.version,
        ),
      );
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        db.exec(m.sqlite);
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
        applied.push(m.version);
      }
    });
    return applied;
  }

  async create(id: string, input: SaveInput): Promise<CaseRevision> {
    const now = new Date().toISOString();
    const body = JSON.stringify(input.case);
    immediate(this.db, () => {
      const inserted = this.db
        .prepare(
          "INSERT INTO cases (id, created_at, updated_at, current_revision) VALUES (?, ?, ?, 1) ON CONFLICT(id) DO NOTHING",
        )
        .run(id, now, now);
      if (inserted.changes === 0) {
        const row = this.db.prepare("SELECT current_revision FROM cases WHERE id = ?").get(id) as
          | { current_revision: number }
          | undefined;
        throw new ConflictError(`case ${id} already exists`, row?.current_revision);
      }
      this.insertRevision(id, 1, now, body, input);
    });
    return revisionFromInput(id, 1, now, input);
  }

  async update(id: string, input: UpdateInput): Promise<CaseRevision> {
    const now = new Date().toISOString();
    const body = JSON.stringify(input.case);
    let revision = 0;
    let archivedAt: string | null = null;
    immediate(this.db, () => {
      const row = this.db.prepare("SELECT current_revision, archived_at FROM cases WHERE id = ?").get(id) as
        | { current_revision: number; archived_at: string | null }
        | undefined;
      if (!row) throw new NotFoundError(`no case ${id}`);
      if (input.baseRevision !== undefined && input.baseRevision !== row.current_revision)
        throw new ConflictError(
          `case ${id} is at revision ${row.current_revision}, not ${input.baseRevision}`,
          row.current_revision,
        );
      revision = row.current_revision + 1;
      archivedAt = row.archived_at;
      this.insertRevision(id, revision, now, body, input);
      this.db
        .prepare("UPDATE cases SET current_revision = ?, updated_at = ? WHERE id = ?")
        .run(revision, now, id);
    });
    return revisionFromInput(id, revision, now, input, archivedAt);
  }

  private insertRevision(id: string, revision: number, now: string, body: string, input: SaveInput): void {
    this.db
      .prepare(
        "INSERT INTO case_revisions (case_id, revision, created_at, body, author) VALUES (?, ?, ?, ?, ?)",
      )
      .run(id, revision, now, body, input.author ?? null);
    if (input.report)
      this.db
        .prepare(
          "INSERT INTO reports (case_id, revision, atlas_version, created_at, body) VALUES (?, ?, ?, ?, ?)",
        )
        .run(id, revision, input.report.atlasVersion, now, JSON.stringify(input.report.body));
  }

  async get(id: string, revision?: number): Promise<CaseRevision | null> {
    const sql = `SELECT r.case_id, r.revision, r.created_at, r.body, r.author, p.atlas_version,
        p.created_at AS report_created_at, p.body AS report_body, c.archived_at
      FROM case_revisions r
      JOIN cases c ON c.id = r.case_id
      LEFT JOIN reports p ON p.case_id = r.case_id AND p.revision = r.revision
      WHERE r.case_id = ? AND r.revision = ${
        revision === undefined ? "(SELECT current_revision FROM cases WHERE id = r.case_id)" : "?"
      }`;
    const args: (string | number)[] = revision === undefined ? [id] : [id, revision];
    const row = this.db.prepare(sql).get(...args) as RevisionRow | undefined;
    return row ? fromRow(row) : null;
  }

  async list(options: ListOptions = {}): Promise<CaseSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT id, current_revision, created_at, updated_at, archived_at FROM cases
         WHERE id > ? AND archived_at IS ${options.archived ? "NOT NULL" : "NULL"} ORDER BY id LIMIT ?`,
      )
      .all(options.after ?? "", clampLimit(options.limit)) as {
      id: string;
      current_revision: number;
      created_at: string;
      updated_at: string;
      archived_at: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      revision: r.current_revision,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    }));
  }

  async archive(id: string, author?: string): Promise<ArchiveState> {
    return this.setArchived(id, true, author);
  }

  async restore(id: string, author?: string): Promise<ArchiveState> {
    return this.setArchived(id, false, author);
  }

  /** One transaction: the state on `cases` and, when it changes, an event beside it. */
  private setArchived(id: string, archive: boolean, author: string | undefined): ArchiveState {
    const now = new Date().toISOString();
    return immediate(this.db, (): ArchiveState => {
      const row = this.db.prepare("SELECT current_revision, archived_at FROM cases WHERE id = ?").get(id) as
        | { current_revision: number; archived_at: string | null }
        | undefined;
      if (!row) throw new NotFoundError(`no case ${id}`);
      if ((row.archived_at !== null) === archive)
        return { id, revision: row.current_revision, archivedAt: row.archived_at };
      const archivedAt = archive ? now : null;
      this.db.prepare("UPDATE cases SET archived_at = ? WHERE id = ?").run(archivedAt, id);
      this.db
        .prepare(
          `INSERT INTO case_archive_events (case_id, seq, action, at, author) VALUES
           (?, (SELECT COUNT(*) + 1 FROM case_archive_events WHERE case_id = ?), ?, ?, ?)`,
        )
        .run(id, id, archive ? "archive" : "restore", now, author ?? null);
      return { id, revision: row.current_revision, archivedAt };
    });
  }

  async revisions(id: string): Promise<RevisionSummary[] | null> {
    const exists = this.db.prepare("SELECT 1 FROM cases WHERE id = ?").get(id);
    if (!exists) return null;
    const rows = this.db
      .prepare(
        `SELECT r.revision, r.created_at, r.author, p.atlas_version FROM case_revisions r
         LEFT JOIN reports p ON p.case_id = r.case_id AND p.revision = r.revision
         WHERE r.case_id = ? ORDER BY r.revision`,
      )
      .all(id) as {
      revision: number;
      created_at: string;
      author: string | null;
      atlas_version: string | null;
    }[];
    return rows.map((r) => ({
      revision: r.revision,
      createdAt: r.created_at,
      author: r.author,
      atlasVersion: r.atlas_version,
    }));
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async integrityCheck(): Promise<string[]> {
    const problems: string[] = [];
    const rows = this.db.pragma("integrity_check") as { integrity_check: string }[];
    for (const r of rows)
      if (r.integrity_check !== "ok") problems.push(`integrity_check: ${r.integrity_check}`);
    const fk = this.db.pragma("foreign_key_check") as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} violation(s)`);
    const gaps = this.db
      .prepare(
        `SELECT c.id FROM cases c WHERE c.current_revision <>
           (SELECT COUNT(*) FROM case_revisions r WHERE r.case_id = c.id)
         OR c.current_revision <> (SELECT MAX(revision) FROM case_revisions r WHERE r.case_id = c.id)`,
      )
      .all() as { id: string }[];
    for (const g of gaps) problems.push(`case ${g.id}: revisions are not 1..current_revision`);
    const drift = this.db.prepare(ARCHIVE_DRIFT).all() as { id: string }[];
    for (const d of drift) problems.push(archiveDriftProblem(d.id));
    return problems;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function fromRow(row: RevisionRow): CaseRevision {
  return {
    id: row.case_id,
    revision: row.revision,
    createdAt: row.created_at,
    author: row.author,
    case: JSON.parse(row.body),
    report:
      row.atlas_version !== null && row.report_body !== null
        ? {
            atlasVersion: row.atlas_version,
            createdAt: row.report_created_at ?? row.created_at,
            body: JSON.parse(row.report_body),
          }
        : null,
    archivedAt: row.archived_at,
  };
}
