/**
 * Versioned schema migrations. Append only: a released migration is never edited, a change is a
 * new entry. Each has the SQL for both stores; they are applied in order inside a transaction and
 * recorded in `schema_migrations`.
 */
import { m001Cases } from "./001_cases.js";
import { m002RevisionAuthor } from "./002_revision_author.js";
import { m003CaseArchive } from "./003_case_archive.js";

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const migrations: readonly Migration[] = [m001Cases, m002RevisionAuthor, m003CaseArchive];
