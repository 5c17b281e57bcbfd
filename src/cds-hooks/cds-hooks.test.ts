import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEngine } from "../server/engine.js";
import { jsonRequest, type TestApp, testApp } from "../server/test-helpers/app.js";
import { type Card, cardsResponse, discovery } from "./schema.js";

/** A patient-view request as an EHR sends it (prefetch of the Patient and an Observation search). */
const recorded = () =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/patient-view.json"), "utf8")) as Record<
    string,
    unknown
  > & {
    prefetch?: Record<string, unknown>;
  };

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const call = (body: unknown) => t.app.request("/cds-services/locus-leg", jsonRequest("POST", body));

describe("CDS Hooks 2.0", () => {
  it("describes its patient-view service with prefetch templates", async () => {
    t = await testApp();
    const res = await t.app.request("/cds-services");
    const body = discovery.parse(await res.json());
    expect(body.services[0]).toMatchObject({ hook: "patient-view", id: "locus-leg" });
    expect(body.services[0]?.prefetch?.observations).toMatch(/\{\{context\.patientId\}\}/);
  });

  it("answers the recorded request with a localization card, critical red flags and a link to the saved case", async () => {
    t = await testApp();
    const res = await call(recorded());
    expect(res.status).toBe(200);
    const { cards } = cardsResponse.parse(await res.json());
    const critical = cards.filter((c: Card) => c.indicator === "critical");
    const info = cards.find((c: Card) => c.indicator === "info");
    expect(critical.length).toBeGreaterThan(0);
    expect(info?.summary).toMatch(/^Locus: /);
    expect(info?.detail).toMatch(/for: /);
    expect(info?.detail).toMatch(/skipped 1/);
    const link = info?.links?.[0]?.url ?? "";
    expect(link).toMatch(/\/cases\/cds-[0-9a-f]{32}$/);
    const id = link.split("/cases/")[1] ?? "";
    const saved = await t.app.request(`/api/v1/cases/${id}`);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { report: { atlasVersion: string } }).report.atlasVersion).toBe(
      "test-atlas-1",
    );
  });

  it("works with the real engine: every card within the 2.0 limits", async () => {
    t = await testApp({ engine: await loadEngine() });
    const res = await call(recorded());
    expect(res.status).toBe(200);
    const { cards } = cardsResponse.parse(await res.json());
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c.summary.length).toBeLessThanOrEqual(140);
  });

  it("reads the FHIR server when prefetch is missing, only from allowed origins", async () => {
    const { prefetch, ...noPrefetch } = recorded();
    const calls: { url: string; auth: string | null }[] = [];
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), auth: new Headers(init?.headers).get("authorization") });
      const body = String(url).includes("/Observation?") ? prefetch?.observations : prefetch?.patient;
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    t = await testApp({ fetch: fakeFetch });
    const refused = await call(noPrefetch);
    expect(refused.status).toBe(412);
    await t.close();
    t = await testApp({ fetch: fakeFetch, env: { LOCUS_CDS_FHIR_SERVERS: "https://ehr.example.org" } });
    const res = await call(noPrefetch);
    expect(res.status).toBe(200);
    expect(calls[0]?.url).toMatch(/^https:\/\/ehr\.example\.org\/fhir\/Observation\?patient=/);
    expect(calls[0]?.auth).toBe("Bearer some-opaque-fhir-access-token");
    expect(((await res.json()) as { cards: unknown[] }).cards.length).toBeGreaterThan(0);
  });

  it("answers 400 for a malformed request, another hook, or prefetch that is not a Bundle; 404 for another service", async () => {
    t = await testApp();
    expect((await call({ hook: "patient-view" })).status).toBe(400);
    expect((await call({ ...recorded(), hook: "order-select" })).status).toBe(400);
    expect(
      (await call({ ...recorded(), prefetch: { observations: { resourceType: "Patient" } } })).status,
    ).toBe(400);
    const other = await t.app.request("/cds-services/other", jsonRequest("POST", recorded()));
    expect(other.status).toBe(404);
  });

  it("answers no cards when there is nothing Locus can read", async () => {
    t = await testApp();
    const body = recorded();
    const res = await call({
      ...body,
      prefetch: { observations: { resourceType: "Bundle", type: "searchset", entry: [] } },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cards: [] });
  });

  it("never gives two patients or two hook instances one case", async () => {
    t = await testApp();
    const base = recorded() as Record<string, unknown> & { context: { patientId: string } };
    const linkOf = async (hookInstance: string, patientId: string) => {
      const body = { ...base, hookInstance, context: { ...base.context, patientId } };
      const res = await call(body);
      expect(res.status).toBe(200);
      const { cards } = cardsResponse.parse(await res.json());
      return cards.find((c: Card) => c.indicator === "info")?.links?.[0]?.url ?? "";
    };
    // Instances that once cut to the same id ("a/b" and "a-b"; the same first 100 characters).
    const long = "x".repeat(100);
    const links = [
      await linkOf("a/b", "p1"),
      await linkOf("a-b", "p1"),
      await linkOf(`${long}1`, "p1"),
      await linkOf(`${long}2`, "p1"),
      await linkOf("same-instance", "p1"),
      await linkOf("same-instance", "p2"),
    ];
    expect(new Set(links).size).toBe(links.length);
    expect(await linkOf("same-instance", "p2")).toBe(links[5]);
  });
});
