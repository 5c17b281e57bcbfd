import type { Migration } from "./index.js";

/**
 * Deleting a case archives it, recoverably: `cases.archived_at` says whether it is archived now
 * (set on archive, cleared on restore) and `case_archive_events` keeps every archive and restore,
 * who did it and when. The events are append only, like revisions; nothing is ever deleted.
 */
/** The same tables in both stores, with each one's type for a moment in time. */
const archiveTable = (time: "TEXT" | "TIMESTAMPTZ") => `
ALTER TABLE cases ADD COLUMN archived_at ${time};
CREATE TABLE case_archive_events (
  case_id TEXT NOT NULL REFERENCES cases(id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  action TEXT NOT NULL CHECK (action IN ('archive', 'restore')),
  at ${time} NOT NULL,
  author TEXT,
  PRIMARY KEY (case_id, seq)
);`;

export const m003CaseArchive: Migration = {
  version: 3,
  name: "archiving and restoring cases",
  sqlite: `${archiveTable("TEXT")}
CREATE TRIGGER case_archive_events_immutable BEFORE UPDATE ON case_archive_events
  BEGIN SELECT RAISE(ABORT, 'archive events are immutable'); END;
CREATE TRIGGER case_archive_events_kept BEFORE DELETE ON case_archive_events
  BEGIN SELECT RAISE(ABORT, 'archive events are never deleted'); END;
`,
  postgres: `${archiveTable("TIMESTAMPTZ")}
CREATE TRIGGER case_archive_events_immutable BEFORE UPDATE OR DELETE ON case_archive_events
  FOR EACH ROW EXECUTE FUNCTION locus_refuse_change();
`,
};
