/**
 * The behaviour every store must have, run against SQLite and PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseRepository, ConflictError, NotFoundError } from "../repository.js";

const sample = (n: number) => ({
  format: "locus-case/1",
  id: `c${n}`,
  patient: { age: 40 + n, sex: "female" },
  findings: [{ kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: "4-" }],
  meta: { unicode: "Lasègue ✓", nested: { list: [1, 2.5, null, true] } },
});

export function repositoryContract(name: string, open: () => Promise<CaseRepository>): void {
  describe(`${name} case repository`, () => {
    let repo: CaseRepository;
    beforeAll(async () => {
      repo = await open();
      await repo.migrate();
    });
    afterAll(async () => {
      await repo.close();
    });

    it("migrates once: a second run applies nothing", async () => {
      expect(await repo.migrate()).toEqual([]);
    });

    it("creates a case at revision 1 and reads back exactly what was saved", async () => {
      const saved = await repo.create("case-a", { case: sample(1) });
      expect(saved.revision).toBe(1);
      const read = await repo.get("case-a");
      expect(read?.case).toEqual(sample(1));
      expect(read?.revision).toBe(1);
      expect(read?.report).toBeNull();
      expect(Date.parse(read?.createdAt ?? "")).not.toBeNaN();
    });

    it("refuses to create a case whose id exists, and keeps the first", async () => {
      await repo.create("case-b", { case: sample(2) });
      await expect(repo.create("case-b", { case: sample(3) })).rejects.toBeInstanceOf(ConflictError);
      expect((await repo.get("case-b"))?.case).toEqual(sample(2));
    });

    it("adds a revision on every save and keeps every earlier one", async () => {
      await repo.create("case-c", { case: sample(1) });
      const r2 = await repo.update("case-c", { case: sample(2) });
      const r3 = await repo.update("case-c", { case: sample(3), baseRevision: 2 });
      expect([r2.revision, r3.revision]).toEqual([2, 3]);
      expect((await repo.get("case-c"))?.case).toEqual(sample(3));
      expect((await repo.get("case-c", 1))?.case).toEqual(sample(1));
      expect((await repo.get("case-c", 2))?.case).toEqual(sample(2));
      expect((await repo.revisions("case-c"))?.map((r) => r.revision)).toEqual([1, 2, 3]);
    });

    it("refuses a save based on a stale revision", async () => {
      await repo.create("case-d", { case: sample(1) });
      await repo.update("case-d", { case: sample(2) });
      const stale = repo.update("case-d", { case: sample(9), baseRevision: 1 });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ currentRevision: 2 });
      expect((await repo.revisions("case-d"))?.length).toBe(2);
    });

    it("answers not found for unknown cases and revisions", async () => {
      await expect(repo.update("nobody", { case: sample(1) })).rejects.toBeInstanceOf(NotFoundError);
      expect(await repo.get("nobody")).toBeNull();
      expect(await repo.get("case-a", 99)).toBeNull();
      expect(await repo.revisions("nobody")).toBeNull();
    });

    it("keeps who saved each revision", async () => {
      await repo.create("case-g", { case: sample(1), author: "ehr" });
      await repo.update("case-g", { case: sample(2), author: "emg-lab" });
      await repo.update("case-g", { case: sample(3) });
      expect((await repo.get("case-g", 1))?.author).toBe("ehr");
      expect((await repo.revisions("case-g"))?.map((r) => r.author)).toEqual(["ehr", "emg-lab", null]);
    });

    it("keeps each report with the atlas version it was made with", async () => {
      await repo.create("case-e", {
        case: sample(1),
        report: { atlasVersion: "1.0.0", body: { top: "L5" } },
      });
      await repo.update("case-e", {
        case: sample(2),
        report: { atlasVersion: "1.1.0", body: { top: "S1" } },
      });
      await repo.update("case-e", { case: sample(3) });
      expect((await repo.get("case-e", 1))?.report).toMatchObject({
        atlasVersion: "1.0.0",
        body: { top: "L5" },
      });
      expect((await repo.get("case-e", 2))?.report).toMatchObject({
        atlasVersion: "1.1.0",
        body: { top: "S1" },
      });
      expect((await repo.get("case-e"))?.report).toBeNull();
      expect((await repo.revisions("case-e"))?.map((r) => r.atlasVersion)).toEqual(["1.0.0", "1.1.0", null]);
    });

    it("lists cases in id order with keyset pagination", async () => {
      const page1 = await repo.list({ limit: 2 });
      expect(page1.map((c) => c.id)).toEqual(["case-a", "case-b"]);
      const page2 = await repo.list({ limit: 2, after: "case-b" });
      expect(page2.map((c) => c.id)).toEqual(["case-c", "case-d"]);
      expect(page2[0]?.revision).toBe(3);
    });

    it("serialises concurrent saves to one case without losing any", async () => {
      await repo.create("case-f", { case: sample(0) });
      const saves = await Promise.all(
        Array.from({ length: 12 }, (_, i) => repo.update("case-f", { case: sample(i + 1) })),
      );
      expect(new Set(saves.map((s) => s.revision)).size).toBe(12);
      expect((await repo.revisions("case-f"))?.length).toBe(13);
    });

    it("archives a case out of the list, keeps every revision and opens it by id, and restores it", async () => {
      await repo.create("case-x", { case: sample(1) });
      await repo.update("case-x", { case: sample(2) });
      const archived = await repo.archive("case-x", "ehr");
      expect(archived).toMatchObject({ id: "case-x", revision: 2 });
      expect(Date.parse(archived.archivedAt ?? "")).not.toBeNaN();
      const ids = async (archivedOnly: boolean) =>
        (await repo.list({ archived: archivedOnly })).map((c) => c.id);
      expect(await ids(false)).not.toContain("case-x");
      expect(await ids(true)).toEqual(["case-x"]);
      expect(await repo.get("case-x")).toMatchObject({ revision: 2, archivedAt: archived.archivedAt });
      expect((await repo.get("case-x", 1))?.case).toEqual(sample(1));
      expect((await repo.revisions("case-x"))?.length).toBe(2);
      // Archiving twice changes nothing; a save keeps the case archived.
      expect(await repo.archive("case-x")).toEqual(archived);
      expect((await repo.update("case-x", { case: sample(3) })).archivedAt).toBe(archived.archivedAt);
      expect(await repo.restore("case-x", "ehr")).toEqual({ id: "case-x", revision: 3, archivedAt: null });
      expect(await ids(false)).toContain("case-x");
      expect(await ids(true)).toEqual([]);
      expect((await repo.get("case-x"))?.archivedAt).toBeNull();
      expect(await repo.restore("case-x")).toEqual({ id: "case-x", revision: 3, archivedAt: null });
    });

    it("answers not found when archiving or restoring an unknown case", async () => {
      await expect(repo.archive("nobody")).rejects.toBeInstanceOf(NotFoundError);
      await expect(repo.restore("nobody")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("passes its integrity check", async () => {
      await repo.ping();
      expect(await repo.integrityCheck()).toEqual([]);
    });
  });
}
