/** The case store: pick PostgreSQL when a DATABASE_URL is given, otherwise SQLite in a data folder. */
import { PostgresRepository } from "./postgres.js";
import type { CaseRepository } from "./repository.js";
import { openSqliteDir } from "./sqlite.js";

export { PostgresRepository } from "./postgres.js";
export * from "./repository.js";
export { openSqlite, openSqliteDir, SQLITE_FILE, SqliteRepository } from "./sqlite.js";

export interface StoreConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** `onConnectionError` hears of PostgreSQL connections dropped under a running service. */
export function openStore(config: StoreConfig, onConnectionError?: (error: Error) => void): CaseRepository {
  if (config.databaseUrl)
    return new PostgresRepository({
      connectionString: config.databaseUrl,
      ...(onConnectionError ? { onConnectionError } : {}),
    });
  return openSqliteDir(config.dataDir);
}

/** Where the store is, without the password, for logs and /readyz. */
export function describeStore(config: StoreConfig): string {
  if (!config.databaseUrl) return `sqlite:${config.dataDir}`;
  try {
    const u = new URL(config.databaseUrl);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "postgres";
  }
}
