import type { Migration } from "./index.js";

/** Who saved each revision: the bearer token's name, or "local" for loopback callers without one. */
export const m002RevisionAuthor: Migration = {
  version: 2,
  name: "the author of each revision",
  sqlite: "ALTER TABLE case_revisions ADD COLUMN author TEXT;",
  postgres: "ALTER TABLE case_revisions ADD COLUMN author TEXT;",
};
