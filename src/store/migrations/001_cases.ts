import type { Migration } from "./index.js";

/** Cases, their immutable revisions, and the reports made from them. */
export const m001Cases: Migration = {
  version: 1,
  name: "cases, revisions and reports",
  sqlite: `
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  current_revision INTEGER NOT NULL CHECK (current_revision >= 1)
);
CREATE TABLE case_revisions (
  case_id TEXT NOT NULL REFERENCES cases(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (case_id, revision)
);
CREATE TABLE reports (
  case_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  atlas_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (case_id, revision),
  FOREIGN KEY (case_id, revision) REFERENCES case_revisions(case_id, revision)
);
CREATE TRIGGER case_revisions_immutable BEFORE UPDATE ON case_revisions
  BEGIN SELECT RAISE(ABORT, 'case revisions are immutable'); END;
CREATE TRIGGER case_revisions_kept BEFORE DELETE ON case_revisions
  BEGIN SELECT RAISE(ABORT, 'case revisions are never deleted'); END;
CREATE TRIGGER reports_immutable BEFORE UPDATE ON reports
  BEGIN SELECT RAISE(ABORT, 'reports are immutable'); END;
CREATE TRIGGER reports_kept BEFORE DELETE ON reports
  BEGIN SELECT RAISE(ABORT, 'reports are never deleted'); END;
CREATE TRIGGER cases_kept BEFORE DELETE ON cases
  BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;
`,
  postgres: `
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  current_revision INTEGER NOT NULL CHECK (current_revision >= 1)
);
CREATE TABLE case_revisions (
  case_id TEXT NOT NULL REFERENCES cases(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  created_at TIMESTAMPTZ NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (case_id, revision)
);
CREATE TABLE reports (
  case_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  atlas_version TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (case_id, revision),
  FOREIGN KEY (case_id, revision) REFERENCES case_revisions(case_id, revision)
);
CREATE FUNCTION locus_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: Locus keeps every revision', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER case_revisions_immutable BEFORE UPDATE OR DELETE ON case_revisions
  FOR EACH ROW EXECUTE FUNCTION locus_refuse_change();
CREATE TRIGGER reports_immutable BEFORE UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION locus_refuse_change();
CREATE TRIGGER cases_kept BEFORE DELETE ON cases
  FOR EACH ROW EXECUTE FUNCTION locus_refuse_change();
`,
};
