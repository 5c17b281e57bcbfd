/**
 * The case store: one interface, two implementations (SQLite embedded, PostgreSQL as a server).
 * Every save is a new revision; revisions are never updated or deleted (the databases enforce it
 * with triggers). A save resolves only after the database reports the transaction committed and
 * durable (SQLite `synchronous=FULL` in WAL mode; PostgreSQL `synchronous_commit=on`).
 */

/** A report made from one revision, kept with the atlas version it was made with. */
export interface StoredReport {
  atlasVersion: string;
  createdAt: string;
  body: unknown;
}

export interface CaseRevision {
  id: string;
  revision: number;
  createdAt: string;
  /** Who saved it (a token's name, or "local"); null for revisions saved before authors were kept. */
  author: string | null;
  /** The case exactly as it was saved. */
  case: unknown;
  report: StoredReport | null;
  /** When the case was archived ("deleted"), null while it is not; archiving keeps every revision. */
  archivedAt: string | null;
}

export interface CaseSummary {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** Whether a case is archived now, after an archive or a restore. */
export interface ArchiveState {
  id: string;
  revision: number;
  archivedAt: string | null;
}

export interface RevisionSummary {
  revision: number;
  createdAt: string;
  author: string | null;
  atlasVersion: string | null;
}

export interface NewReport {
  atlasVersion: string;
  body: unknown;
}

export interface SaveInput {
  case: unknown;
  /** Who is saving (kept with the revision). */
  author?: string;
  report?: NewReport | null;
}

export interface UpdateInput extends SaveInput {
  /** When given, the save succeeds only if this is still the latest revision. */
  baseRevision?: number;
}

export interface ListOptions {
  limit?: number;
  /** Return cases whose id sorts after this one (keyset pagination). */
  after?: string;
  /** List the archived cases instead of the others. */
  archived?: boolean;
}

/** The case id is already taken (create) or the base revision is stale (update). */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly currentRevision?: number,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

export interface CaseRepository {
  readonly kind: "sqlite" | "postgres";
  /** Apply pending migrations; safe to call from several processes. */
  migrate(): Promise<number[]>;
  /** Create a case at revision 1 under `id`. Throws ConflictError when the id exists. */
  create(id: string, input: SaveInput): Promise<CaseRevision>;
  /** Add a revision. Throws NotFoundError or ConflictError (stale baseRevision). */
  update(id: string, input: UpdateInput): Promise<CaseRevision>;
  /** The latest revision, or the one asked for; null when there is none. */
  get(id: string, revision?: number): Promise<CaseRevision | null>;
  /** Cases that are not archived, or (`archived: true`) only the archived ones. */
  list(options?: ListOptions): Promise<CaseSummary[]>;
  /**
   * Archive a case (the page's and the API's delete): it leaves the list, its revisions stay and it
   * still opens by id. Recorded as an event with its author; archiving an archived case changes
   * nothing. Throws NotFoundError.
   */
  archive(id: string, author?: string): Promise<ArchiveState>;
  /** Undo `archive`, recorded likewise; restoring a case that is not archived changes nothing. */
  restore(id: string, author?: string): Promise<ArchiveState>;
  /** Every revision of a case, oldest first; null when the case does not exist. */
  revisions(id: string): Promise<RevisionSummary[] | null>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  /** The database's own consistency check plus ours; an empty list means healthy. */
  integrityCheck(): Promise<string[]>;
  close(): Promise<void>;
}

/** Case ids: what a URL path segment can carry without escaping. */
export const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1000;

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIST_LIMIT;
  return Math.max(1, Math.min(MAX_LIST_LIMIT, Math.floor(limit)));
}

/** The revision a save creates, as the store answers it: copies, so later edits of the input do not reach it. */
export function revisionFromInput(
  id: string,
  revision: number,
  now: string,
  input: SaveInput,
  archivedAt: string | null = null,
): CaseRevision {
  return {
    id,
    archivedAt,
    revision,
    createdAt: now,
    author: input.author ?? null,
    case: JSON.parse(JSON.stringify(input.case)),
    report: input.report
      ? {
          atlasVersion: input.report.atlasVersion,
          createdAt: now,
          body: JSON.parse(JSON.stringify(input.report.body)),
        }
      : null,
  };
}

/** Cases whose archived state disagrees with their last archive event (an integrity check, both stores). */
export const ARCHIVE_DRIFT = `SELECT c.id FROM cases c WHERE (c.archived_at IS NOT NULL) <> COALESCE(
  (SELECT e.action = 'archive' FROM case_archive_events e WHERE e.case_id = c.id ORDER BY e.seq DESC LIMIT 1),
  false)`;
export const archiveDriftProblem = (id: string) =>
  `case ${id}: archived_at disagrees with its last archive event`;
