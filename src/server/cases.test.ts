import { afterEach, describe, expect, it } from "vitest";
import type { SqliteRepository } from "../store/sqlite.js";
import { devCases, jsonRequest, type TestApp, testApp } from "./test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const sample = (n = 0) => devCases()[n]!.json;

interface Saved {
  id: string;
  revision: number;
  case: Record<string, unknown>;
  report: { atlasVersion: string; body: { report: { text: string } } } | null;
}

describe("cases", () => {
  it("POST saves revision 1 under the case's id with its report and atlas version", async () => {
    t = await testApp();
    const c = sample();
    const res = await t.app.request("/api/v1/cases", jsonRequest("POST", c));
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/cases/${c.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    const saved = (await res.json()) as Saved;
    expect(saved).toMatchObject({ id: c.id, revision: 1, case: c, author: "local" });
    expect(saved.report?.atlasVersion).toBe("test-atlas-1");
    const got = (await (await t.app.request(`/api/v1/cases/${c.id}`)).json()) as Saved;
    expect(got.case).toEqual(c);
    expect(got.report?.body.report.text).toMatch(/L5/);
  });

  it("POST of an existing id is 409 and leaves the case as it was", async () => {
    t = await testApp();
    await t.app.request("/api/v1/cases", jsonRequest("POST", sample()));
    const again = await t.app.request(
      "/api/v1/cases",
      jsonRequest("POST", { ...sample(), notes: "changed" }),
    );
    expect(again.status).toBe(409);
    const got = (await (await t.app.request(`/api/v1/cases/${sample().id}`)).json()) as Saved;
    expect(got.case).toEqual(sample());
  });

  it("a case without a usable id gets a new UUID", async () => {
    t = await testApp();
    const { id: _drop, ...noId } = sample();
    const res = await t.app.request(
      "/api/v1/cases",
      jsonRequest("POST", { ...noId, id: "has spaces / slashes" }),
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as Saved).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("PUT adds revisions, keeps the old ones, and honours If-Match", async () => {
    t = await testApp();
    const c = sample();
    await t.app.request("/api/v1/cases", jsonRequest("POST", c));
    const r2 = await t.app.request(
      `/api/v1/cases/${c.id}`,
      jsonRequest("PUT", { ...c, notes: "second" }, { "if-match": '"1"' }),
    );
    expect(r2.status).toBe(200);
    expect(((await r2.json()) as Saved).revision).toBe(2);
    const stale = await t.app.request(
      `/api/v1/cases/${c.id}`,
      jsonRequest("PUT", { ...c, notes: "lost?" }, { "if-match": '"1"' }),
    );
    expect(stale.status).toBe(409);
    expect(stale.headers.get("etag")).toBe('"2"');
    const r3 = await t.app.request(`/api/v1/cases/${c.id}`, jsonRequest("PUT", { ...c, notes: "third" }));
    expect(((await r3.json()) as Saved).revision).toBe(3);
    const revs = (await (await t.app.request(`/api/v1/cases/${c.id}/revisions`)).json()) as {
      revisions: { revision: number; atlasVersion: string }[];
    };
    expect(revs.revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(revs.revisions.every((r) => r.atlasVersion === "test-atlas-1")).toBe(true);
    const first = (await (await t.app.request(`/api/v1/cases/${c.id}?revision=1`)).json()) as Saved;
    expect(first.case.notes).toBe(c.notes);
  });

  it("PUT of an invalid case is 400 and saves nothing; unknown ids are 404", async () => {
    t = await testApp();
    const c = sample();
    await t.app.request("/api/v1/cases", jsonRequest("POST", c));
    const bad = await t.app.request(
      `/api/v1/cases/${c.id}`,
      jsonRequest("PUT", { ...c, findings: [{ kind: "x" }] }),
    );
    expect(bad.status).toBe(400);
    const revs = (await (await t.app.request(`/api/v1/cases/${c.id}/revisions`)).json()) as {
      revisions: unknown[];
    };
    expect(revs.revisions).toHaveLength(1);
    expect((await t.app.request("/api/v1/cases/nobody")).status).toBe(404);
    expect(
      (await t.app.request("/api/v1/cases/nobody", jsonRequest("PUT", { ...c, id: "nobody" }))).status,
    ).toBe(404);
    expect((await t.app.request("/api/v1/cases/nobody/revisions")).status).toBe(404);
    expect((await t.app.request(`/api/v1/cases/${c.id}?revision=abc`)).status).toBe(400);
    const other = devCases()[1]!.json;
    const wrongUrl = await t.app.request(`/api/v1/cases/${c.id}`, jsonRequest("PUT", other));
    expect(wrongUrl.status).toBe(400);
    expect(await wrongUrl.json()).toMatchObject({ error: { code: "id_mismatch" } });
  });

  it("lists cases with pagination", async () => {
    t = await testApp();
    for (const { json } of devCases().slice(0, 5))
      await t.app.request("/api/v1/cases", jsonRequest("POST", json));
    const page = (await (await t.app.request("/api/v1/cases?limit=3")).json()) as {
      cases: { id: string }[];
      next: string;
    };
    expect(page.cases).toHaveLength(3);
    const rest = (await (await t.app.request(`/api/v1/cases?limit=3&after=${page.next}`)).json()) as {
      cases: unknown[];
      next: string | null;
    };
    expect(rest.cases).toHaveLength(2);
    expect(rest.next).toBeNull();
  });

  it("saves the case even when its analysis fails", async () => {
    t = await testApp();
    t.deps.engine.localize = () => {
      throw new Error("engine bug");
    };
    const res = await t.app.request("/api/v1/cases", jsonRequest("POST", sample()));
    expect(res.status).toBe(201);
    expect(((await res.json()) as Saved).report).toBeNull();
  });

  it("saves the one analysis: the report body is /localize's analysis, with the text report", async () => {
    t = await testApp();
    const c = sample();
    const answer = (await (await t.app.request("/api/v1/localize", jsonRequest("POST", c))).json()) as Record<
      string,
      unknown
    >;
    await t.app.request("/api/v1/cases", jsonRequest("POST", c));
    const got = (await (await t.app.request(`/api/v1/cases/${c.id}`)).json()) as {
      report: { body: Record<string, unknown> };
    };
    const { shape, report, ...analysis } = got.report.body;
    expect(shape).toBe("analysis-2");
    expect((report as { text: string }).text).toMatch(/Where is the lesion\?/);
    const { case: _read, ...fromLocalize } = answer;
    expect(analysis).toEqual(fromLocalize);
  });

  it("answers a report saved in the shape before the one analysis exactly as it was saved", async () => {
    t = await testApp();
    const c = sample();
    const old = {
      atlasVersion: "0.9.0",
      body: {
        normalisations: [],
        warnings: [],
        localization: { atlasVersion: "0.9.0", hypotheses: [], other: 1, searched: 3 },
        differential: null,
        plan: null,
        report: { text: "1. left L5 root (58%)" },
      },
    };
    await t.deps.repo.create(c.id, { case: c, report: old, author: "before" });
    const got = (await (await t.app.request(`/api/v1/cases/${c.id}`)).json()) as { report: unknown };
    expect(got.report).toMatchObject(old);
  });

  it("DELETE archives a case out of the list; it still opens by id, ?archived=1 lists it, restore undoes it", async () => {
    t = await testApp();
    const c = sample();
    await t.app.request("/api/v1/cases", jsonRequest("POST", c));
    await t.app.request("/api/v1/cases", jsonRequest("POST", sample(1)));
    const ids = async (query = "") =>
      (
        (await (await t.app.request(`/api/v1/cases${query}`)).json()) as { cases: { id: string }[] }
      ).cases.map((x) => x.id);
    const del = await t.app.request(`/api/v1/cases/${c.id}`, { method: "DELETE" });
    expect(del.status).toBe(200);
    const state = (await del.json()) as { id: string; revision: number; archivedAt: string | null };
    expect(state).toMatchObject({ id: c.id, revision: 1 });
    expect(state.archivedAt).toMatch(/^\d{4}-/);
    expect(await ids()).toEqual([sample(1).id]);
    expect(await ids("?archived=1")).toEqual([c.id]);
    const opened = (await (await t.app.request(`/api/v1/cases/${c.id}`)).json()) as Saved & {
      archivedAt: string | null;
    };
    expect(opened).toMatchObject({ case: c, archivedAt: state.archivedAt });
    const again = await t.app.request("/api/v1/cases", jsonRequest("POST", c));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { message: expect.stringMatching(/archived.*restore/) },
    });
    const restored = await t.app.request(`/api/v1/cases/${c.id}/restore`, { method: "POST" });
    expect(await restored.json()).toEqual({ id: c.id, revision: 1, archivedAt: null });
    expect((await ids()).sort()).toEqual([c.id, sample(1).id].sort());
    expect(await ids("?archived=1")).toEqual([]);
  });

  it("archiving or restoring an unknown case is 404 naming it; a bad ?archived is 400", async () => {
    t = await testApp();
    for (const [path, method] of [
      ["/api/v1/cases/nobody", "DELETE"],
      ["/api/v1/cases/nobody/restore", "POST"],
    ] as const) {
      const res = await t.app.request(path, { method });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "not_found", message: "no case nobody" } });
    }
    const bad = await t.app.request("/api/v1/cases?archived=yes");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { message: expect.stringMatching(/archived is 0 or 1/) },
    });
  });

  it("describes DELETE and restore in the OpenAPI document", async () => {
    t = await testApp();
    const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths["/api/v1/cases/{id}"] ?? {})).toContain("delete");
    expect(Object.keys(doc.paths["/api/v1/cases/{id}/restore"] ?? {})).toEqual(["post"]);
  });

  it("DELETE and restore follow the write rules: a token when tokens are set, no cross-origin page", async () => {
    const token = "archive-token-for-tests-0123456789";
    t = await testApp({ env: { LOCUS_TOKENS: `ehr:${token}` } });
    const auth = { authorization: `Bearer ${token}` };
    await t.app.request("/api/v1/cases", jsonRequest("POST", sample(), auth));
    const url = `http://127.0.0.1:8787/api/v1/cases/${sample().id}`;
    expect((await t.app.request(url, { method: "DELETE" })).status).toBe(401);
    const crossSite = { ...auth, host: "127.0.0.1:8787", origin: "http://evil.example" };
    expect((await t.app.request(url, { method: "DELETE", headers: crossSite })).status).toBe(403);
    expect((await t.app.request(`${url}/restore`, { method: "POST", headers: crossSite })).status).toBe(403);
    const listed = await t.app.request("/api/v1/cases", { headers: auth });
    expect(((await listed.json()) as { cases: unknown[] }).cases).toHaveLength(1);
    const own = { ...auth, host: "127.0.0.1:8787", origin: "http://127.0.0.1:8787" };
    expect((await t.app.request(url, { method: "DELETE", headers: own })).status).toBe(200);
    const events = (t.deps.repo as SqliteRepository).db
      .prepare("SELECT action, author FROM case_archive_events")
      .all();
    expect(events).toEqual([{ action: "archive", author: "ehr" }]);
  });

  it("lets a configured origin (an EHR's page) send DELETE after the CORS preflight", async () => {
    t = await testApp({ env: { LOCUS_CORS_ORIGINS: "https://ehr.example.org" } });
    const res = await t.app.request("/api/v1/cases/x", {
      method: "OPTIONS",
      headers: { origin: "https://ehr.example.org", "access-control-request-method": "DELETE" },
    });
    expect(res.headers.get("access-control-allow-methods")).toMatch(/DELETE/);
  });
});
