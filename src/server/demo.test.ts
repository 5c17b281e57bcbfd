import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteDir } from "../store/sqlite.js";
import { loadDemoCases } from "./demo.js";
import { CASES_DIR, devCases, fakeEngine } from "./test-helpers/app.js";

describe("demo cases", () => {
  it("load into an empty store once, with their reports, and are left alone afterwards", async () => {
    const dir = mkdtempSync(join(tmpdir(), "locus-demo-"));
    const repo = openSqliteDir(dir);
    try {
      await repo.migrate();
      const first = await loadDemoCases(repo, fakeEngine(), CASES_DIR);
      expect(first.loaded.length).toBe(devCases().length);
      expect(first.invalid).toEqual([]);
      const one = await repo.get(first.loaded[0] ?? "");
      expect(one).toMatchObject({ revision: 1, author: "demo", report: { atlasVersion: "test-atlas-1" } });
      const again = await loadDemoCases(repo, fakeEngine(), CASES_DIR);
      expect(again.loaded).toEqual([]);
      expect(again.present.length).toBe(devCases().length);
    } finally {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
