import { afterEach, describe, expect, it } from "vitest";
import { devCases, jsonRequest, type TestApp, testApp } from "./test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const sample = () => devCases()[0]!.json;

describe("analysis routes", () => {
  it("POST /api/v1/localize answers the one analysis (as `locus localize --format json`) beside the case read", async () => {
    t = await testApp();
    const res = await t.app.request("/api/v1/localize", jsonRequest("POST", sample()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        "atlasVersion",
        "caseId",
        "case",
        "differential",
        "hypotheses",
        "normalisations",
        "other",
        "plan",
        "searched",
        "status",
        "warnings",
      ].sort(),
    );
    const withText = await t.app.request("/api/v1/localize?text=1", jsonRequest("POST", sample()));
    const text = ((await withText.json()) as { report: { text: string } }).report.text;
    expect(text).toMatch(/Where is the lesion\?\n 1\. .*L5 root/);
  });

  it("answers 400 with the JSON path of every problem", async () => {
    t = await testApp();
    const bad = {
      ...sample(),
      findings: [{ kind: "strength", side: "left", target: "hip_flexion", mrc: "7" }],
    };
    const res = await t.app.request("/api/v1/localize", jsonRequest("POST", bad));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: unknown[] }[] } };
    expect(body.error.code).toBe("invalid_case");
    expect(body.error.issues.map((i) => i.path)).toContainEqual(["findings", 0, "mrc"]);
  });

  it("marks every API answer no-store, an error's too, beside the secure headers and the request id", async () => {
    t = await testApp();
    const ok = await t.app.request("/api/v1/localize", jsonRequest("POST", sample()));
    const bad = await t.app.request("/api/v1/localize", jsonRequest("POST", "{"));
    for (const res of [ok, bad]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-request-id")).toMatch(/-/);
    }
    expect((await t.app.request("/readyz")).headers.get("cache-control")).toBeNull();
  });

  it("answers 400 for malformed JSON and 415 for the wrong media type", async () => {
    t = await testApp();
    const broken = await t.app.request("/api/v1/localize", jsonRequest("POST", '{"format": "locus-case/1",'));
    expect(broken.status).toBe(400);
    const err = (await broken.json()) as { error: { code: string; issues: { line?: number }[] } };
    expect(err.error.code).toBe("invalid_case");
    expect(err.error.issues[0]?.line).toBe(1);
    const xml = await t.app.request("/api/v1/localize", {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "<case/>",
    });
    expect(xml.status).toBe(415);
    const none = await t.app.request("/api/v1/validate", { method: "POST", body: "{}" });
    expect(none.status).toBe(415);
  });

  it("answers 413 when the body is over the limit", async () => {
    t = await testApp({ env: { LOCUS_BODY_LIMIT: "2048" } });
    const big = { ...sample(), notes: "x".repeat(5000) };
    const res = await t.app.request("/api/v1/localize", jsonRequest("POST", big));
    expect(res.status).toBe(413);
  });

  it("a note needs extraction; without it the answer is 422, not a failure", async () => {
    t = await testApp();
    const res = await t.app.request("/api/v1/localize", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "Left foot drop for three weeks.",
    });
    expect(res.status).toBe(422);
  });

  it("reads a LocusCase sent as text/plain as a case, not as a note", async () => {
    t = await testApp();
    const res = await t.app.request("/api/v1/localize", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(sample()),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).not.toHaveProperty("extraction");
  });

  it("uses extraction for notes when the engine has it", async () => {
    t = await testApp();
    t.deps.engine.extract = () => ({ case: sample(), spans: [] });
    const res = await t.app.request("/api/v1/localize", jsonRequest("POST", { note: "Left foot drop." }));
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty("extraction");
    const ex = await t.app.request("/api/v1/extract", {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: "Left foot drop.",
    });
    expect(ex.status).toBe(200);
  });

  it("POST /api/v1/validate: 200 with the case, or 400 with the errors", async () => {
    t = await testApp();
    const ok = await t.app.request("/api/v1/validate", jsonRequest("POST", sample()));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true });
    const bad = await t.app.request(
      "/api/v1/validate",
      jsonRequest("POST", { format: "locus-case/2", findings: [] }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.objectContaining({ path: ["format"] })]),
    });
  });

  it("reports a key given twice instead of silently keeping one", async () => {
    t = await testApp();
    const text = '{"format": "locus-case/1", "id": "a", "findings": [], "id": "b"}';
    const res = await t.app.request("/api/v1/validate", jsonRequest("POST", text));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/twice/);
  });

  it("POST /api/v1/plan answers the same analysis as /localize, the plan beside its hypotheses", async () => {
    t = await testApp();
    const plan = (await (await t.app.request("/api/v1/plan", jsonRequest("POST", sample()))).json()) as {
      hypotheses: { probability: number }[];
    };
    const localize = await (await t.app.request("/api/v1/localize", jsonRequest("POST", sample()))).json();
    expect(plan).toMatchObject({ plan: { suggestions: [{ gain: 0.4 }] } });
    expect(plan.hypotheses[0]?.probability).toBe(0.7);
    expect(plan).toEqual(localize);
  });

  it("GET /api/v1/atlas/{id} resolves synonyms and suggests near words", async () => {
    t = await testApp();
    const ehl = await t.app.request("/api/v1/atlas/EHL");
    expect(ehl.status).toBe(200);
    expect(await ehl.json()).toMatchObject({ id: "extensor_hallucis_longus", kind: "muscle" });
    const typo = await t.app.request("/api/v1/atlas/tibialis_anterir");
    expect(typo.status).toBe(404);
    const body = (await typo.json()) as { error: { issues: { suggestions: string[] }[] } };
    expect(body.error.issues[0]?.suggestions.join(" ")).toMatch(/tibialis/);
  });
});

describe("operations", () => {
  it("serves /healthz, /readyz and the OpenAPI 3.1 document with every route", async () => {
    t = await testApp();
    expect((await t.app.request("/healthz")).status).toBe(200);
    const ready = await t.app.request("/readyz");
    expect(await ready.json()).toMatchObject({ status: "ready", store: "sqlite" });
    const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect((doc as unknown as { info: { description: string } }).info.description).toMatch(
      /limited to 1048576 bytes/,
    );
    for (const p of [
      "/api/v1/localize",
      "/api/v1/cases/{id}",
      "/api/v1/cases/{id}/revisions",
      "/api/v1/atlas/{id}",
    ])
      expect(doc.paths).toHaveProperty([p]);
    expect(doc.paths["/api/v1/cases/{id}"]).toHaveProperty("put");
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops) as { parameters?: { name: string; in: string }[] }[]) {
        const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared, path).toEqual(expect.arrayContaining(names));
      }
    }
  });

  it("sets security headers and no CORS headers unless origins are configured", async () => {
    t = await testApp();
    const res = await t.app.request("/healthz", { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows exactly the configured CORS origins", async () => {
    t = await testApp({ env: { LOCUS_CORS_ORIGINS: "https://ehr.example.org" } });
    const ok = await t.app.request("/healthz", { headers: { origin: "https://ehr.example.org" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://ehr.example.org");
    const other = await t.app.request("/healthz", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers 404 in the error shape for unknown routes", async () => {
    t = await testApp();
    const res = await t.app.request("/api/v1/nothing");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { status: 404, code: "not_found" } });
  });
});
