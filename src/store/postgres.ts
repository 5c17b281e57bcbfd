/**
 * The server store: PostgreSQL through `pg`. Used when DATABASE_URL is set. Each save is one
 * transaction; COMMIT returns only after the WAL is flushed (synchronous_commit=on, the default,
 * which we also set per session so a server-wide `off` cannot weaken it).
 */
import pg from "pg";
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

/** Any fixed number: the key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_340_001;

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (created when missing); tests use one each. */
  schema?: string;
  max?: number;
  connectTimeoutMs?: number;
  /** Hears of connections the database dropped (a restart, an administrator); the pool replaces them. */
  onConnectionError?: (error: Error) => void;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const isoOrNull = (v: Date | null): string | null => (v === null ? null : iso(v));

export class PostgresRepository implements CaseRepository {
  readonly kind = "postgres" as const;
  readonly pool: pg.Pool;
  private readonly schema: string | undefined;

  constructor(options: PostgresOptions) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema))
      throw new Error(`invalid schema name ${options.schema}`);
    this.schema = options.schema;
    const search = options.schema ? ` -c search_path=${options.schema}` : "";
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      // A database that does not answer (a host that drops packets) fails the save instead of hanging it.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      options: `-c synchronous_commit=on${search}`,
    });
    // A connection the database drops (a restart, pg_terminate_backend) emits 'error' on its
    // client, idle in the pool or checked out; without a listener that would end the process. The
    // pool forgets a broken idle client itself; a checked-out one is destroyed on release (tx).
    const heard = options.onConnectionError ?? (() => {});
    this.pool.on("error", heard);
    this.pool.on("connect", (client) => {
      client.on("error", heard);
    });
  }

  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) broken = error as Error;
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      // After a failure the connection may be dead: destroy it rather than give it to the next save.
      client.release(broken);
    }
  }

  async migrate(): Promise<number[]> {
    if (this.schema) await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    return this.tx(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)",
      );
      const done = new Set(
        (await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map(
          (r) => r.version,
        ),
      );
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query(m.postgres);
        await client.query(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())",
          [m.version, m.name],
        );
        applied.push(m.version);
      }
      return applied;
    });
  }

  async create(id: string, input: SaveInput): Promise<CaseRevision> {
    const now = new Date().toISOString();
    await this.tx(async (client) => {
      const inserted = await client.query(
        "INSERT INTO cases (id, created_at, updated_at, current_revision) VALUES ($1, $2, $2, 1) ON CONFLICT (id) DO NOTHING",
        [id, now],
      );
      if (inserted.rowCount === 0) {
        const row = await client.query<{ current_revision: number }>(
          "SELECT current_revision FROM cases WHERE id = $1",
          [id],
        );
        throw new ConflictError(`case ${id} already exists`, row.rows[0]?.current_revision);
      }
      await insertRevision(client, id, 1, now, input);
    });
    return revisionFromInput(id, 1, now, input);
  }

  async update(id: string, input: UpdateInput): Promise<CaseRevision> {
    const now = new Date().toISOString();
    const { revision, archivedAt } = await this.tx(async (client) => {
      const row = await client.query<{ current_revision: number; archived_at: Date | null }>(
        "SELECT current_revision, archived_at FROM cases WHERE id = $1 FOR UPDATE",
        [id],
      );
      const current = row.rows[0]?.current_revision;
      if (current === undefined) throw new NotFoundError(`no case ${id}`);
      if (input.baseRevision !== undefined && input.baseRevision !== current)
        throw new ConflictError(`case ${id} is at revision ${current}, not ${input.baseRevision}`, current);
      const next = current + 1;
      await insertRevision(client, id, next, now, input);
      await client.query("UPDATE cases SET current_revision = $1, updated_at = $2 WHERE id = $3", [
        next,
        now,
        id,
      ]);
      return { revision: next, archivedAt: isoOrNull(row.rows[0]?.archived_at ?? null) };
    });
    return revisionFromInput(id, revision, now, input, archivedAt);
  }

  async get(id: string, revision?: number): Promise<CaseRevision | null> {
    const which = revision === undefined ? "(SELECT current_revision FROM cases WHERE id = r.case_id)" : "$2";
    const result = await this.pool.query<{
      case_id: string;
      revision: number;
      created_at: Date;
      body: string;
      author: string | null;
      atlas_version: string | null;
      report_created_at: Date | null;
      report_body: string | null;
      archived_at: Date | null;
    }>(
      `SELECT r.case_id, r.revision, r.created_at, r.body, r.author, p.atlas_version,
          p.created_at AS report_created_at, p.body AS report_body, c.archived_at
        FROM case_revisions r
        JOIN cases c ON c.id = r.case_id
        LEFT JOIN reports p ON p.case_id = r.case_id AND p.revision = r.revision
        WHERE r.case_id = $1 AND r.revision = ${which}`,
      revision === undefined ? [id] : [id, revision],
    );
    const row = result.rows[0];
    if (!row) return null;
    return {
      id: row.case_id,
      revision: row.revision,
      createdAt: iso(row.created_at),
      author: row.author,
      case: JSON.parse(row.body),
      report:
        row.atlas_version !== null && row.report_body !== null
          ? {
              atlasVersion: row.atlas_version,
              createdAt: iso(row.report_created_at ?? row.created_at),
              body: JSON.parse(row.report_body),
            }
          : null,
      archivedAt: isoOrNull(row.archived_at),
    };
  }

  async list(options: ListOptions = {}): Promise<CaseSummary[]> {
    const result = await this.pool.query<{
      id: string;
      current_revision: number;
      created_at: Date;
      updated_at: Date;
      archived_at: Date | null;
    }>(
      `SELECT id, current_revision, created_at, updated_at, archived_at FROM cases
       WHERE id > $1 AND archived_at IS ${options.archived ? "NOT NULL" : "NULL"}
       ORDER BY id COLLATE "C" LIMIT $2`,
      [options.after ?? "", clampLimit(options.limit)],
    );
    return result.rows.map((r) => ({
      id: r.id,
      revision: r.current_revision,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      archivedAt: isoOrNull(r.archived_at),
    }));
  }

  async archive(id: string, author?: string): Promise<ArchiveState> {
    return this.setArchived(id, true, author);
  }

  async restore(id: string, author?: string): Promise<ArchiveState> {
    return this.setArchived(id, false, author);
  }

  /** One transaction: the state on `cases` and, when it changes, an event beside it. */
  private setArchived(id: string, archive: boolean, author: string | undefined): Promise<ArchiveState> {
    const now = new Date().toISOString();
    return this.tx(async (client) => {
      const row = await client.query<{ current_revision: number; archived_at: Date | null }>(
        "SELECT current_revision, archived_at FROM cases WHERE id = $1 FOR UPDATE",
        [id],
      );
      const found = row.rows[0];
      if (!found) throw new NotFoundError(`no case ${id}`);
      if ((found.archived_at !== null) === archive)
        return { id, revision: found.current_revision, archivedAt: isoOrNull(found.archived_at) };
      const archivedAt = archive ? now : null;
      await client.query("UPDATE cases SET archived_at = $1 WHERE id = $2", [archivedAt, id]);
      await client.query(
        `INSERT INTO case_archive_events (case_id, seq, action, at, author) VALUES
         ($1, (SELECT COUNT(*) + 1 FROM case_archive_events WHERE case_id = $1), $2, $3, $4)`,
        [id, archive ? "archive" : "restore", now, author ?? null],
      );
      return { id, revision: found.current_revision, archivedAt };
    });
  }

  async revisions(id: string): Promise<RevisionSummary[] | null> {
    const exists = await this.pool.query("SELECT 1 FROM cases WHERE id = $1", [id]);
    if (exists.rowCount === 0) return null;
    const result = await this.pool.query<{
      revision: number;
      created_at: Date;
      author: string | null;
      atlas_version: string | null;
    }>(
      `SELECT r.revision, r.created_at, r.author, p.atlas_version FROM case_revisions r
       LEFT JOIN reports p ON p.case_id = r.case_id AND p.revision = r.revision
       WHERE r.case_id = $1 ORDER BY r.revision`,
      [id],
    );
    return result.rows.map((r) => ({
      revision: r.revision,
      createdAt: iso(r.created_at),
      author: r.author,
      atlasVersion: r.atlas_version,
    }));
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async integrityCheck(): Promise<string[]> {
    const problems: string[] = [];
    const gaps = await this.pool.query<{ id: string }>(
      `SELECT c.id FROM cases c WHERE c.current_revision <>
         (SELECT COUNT(*) FROM case_revisions r WHERE r.case_id = c.id)
       OR c.current_revision <> (SELECT MAX(revision) FROM case_revisions r WHERE r.case_id = c.id)`,
    );
    for (const g of gaps.rows) problems.push(`case ${g.id}: revisions are not 1..current_revision`);
    const drift = await this.pool.query<{ id: string }>(ARCHIVE_DRIFT);
    for (const d of drift.rows) problems.push(archiveDriftProblem(d.id));
    const bodies = await this.pool.query<{ case_id: string; revision: number; body: string }>(
      "SELECT case_id, revision, body FROM case_revisions",
    );
    for (const b of bodies.rows) {
      try {
        JSON.parse(b.body);
      } catch {
        problems.push(`case ${b.case_id} revision ${b.revision}: body is not JSON`);
      }
    }
    return problems;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function insertRevision(
  client: pg.PoolClient,
  id: string,
  revision: number,
  now: string,
  input: SaveInput,
): Promise<void> {
  await client.query(
    "INSERT INTO case_revisions (case_id, revision, created_at, body, author) VALUES ($1, $2, $3, $4, $5)",
    [id, revision, now, JSON.stringify(input.case), input.author ?? null],
  );
  if (input.report)
    await client.query(
      "INSERT INTO reports (case_id, revision, atlas_version, created_at, body) VALUES ($1, $2, $3, $4, $5)",
      [id, revision, input.report.atlasVersion, now, JSON.stringify(input.report.body)],
    );
}
