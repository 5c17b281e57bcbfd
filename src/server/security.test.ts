import { describe, expect, it } from "vitest";
import { ConfigError, isLoopback, loadConfig, parseTokens } from "./config.js";
import { RateLimiter } from "./security.js";
import { devCases, jsonRequest, testApp } from "./test-helpers/app.js";

const TOKEN = "s3cret-token-for-tests-0123456789";

describe("configuration", () => {
  it("defaults to 127.0.0.1:8787 with no tokens", () => {
    const c = loadConfig({});
    expect([c.host, c.port, c.tokens]).toEqual(["127.0.0.1", 8787, []]);
  });

  it("refuses to listen beyond loopback without tokens", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0" })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: "0.0.0.0", LOCUS_TOKENS: `ehr:${TOKEN}` })).not.toThrow();
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("127.0.0.2")).toBe(true);
    expect(isLoopback("10.0.0.1")).toBe(false);
  });

  it("reads named tokens and rejects short or duplicate ones", () => {
    expect(parseTokens(`ehr:${TOKEN}, ${TOKEN}x`, "t").map((t) => t.name)).toEqual(["ehr", "token2"]);
    expect(() => parseTokens("ehr:short", "t")).toThrow(/16 characters/);
    expect(() => loadConfig({ LOCUS_TOKENS: `a:${TOKEN},a:${TOKEN}y` })).toThrow(/twice/);
  });

  it("rejects bad numbers, wildcard CORS and non-postgres database URLs", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ LOCUS_CORS_ORIGINS: "*" })).toThrow(/origins/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/postgres/);
    expect(() => loadConfig({ LOCUS_CDS_CLIENTS: "https://ehr.example=http://ehr.example/jwks" })).toThrow(
      /https/,
    );
    expect(
      loadConfig({ LOCUS_CDS_CLIENTS: "https://ehr.example=https://ehr.example/jwks" }).cdsClients,
    ).toEqual([{ issuer: "https://ehr.example", jwksUrl: "https://ehr.example/jwks" }]);
  });
});

describe("bearer tokens and rate limits", () => {
  it("requires a token on every API call when tokens are configured, not on health checks", async () => {
    const t = await testApp({ env: { LOCUS_TOKENS: `ehr:${TOKEN}` } });
    try {
      const sample = devCases()[0]!.json;
      for (const [path, init] of [
        ["/api/v1/localize", jsonRequest("POST", sample)],
        ["/api/v1/cases", {}],
        ["/api/v1/openapi.json", {}],
        ["/api/v1/atlas/EHL", {}],
      ] as const) {
        const res = await t.app.request(path, init);
        expect(res.status, path).toBe(401);
        expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
      }
      const wrong = await t.app.request("/api/v1/cases", { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      const ok = await t.app.request("/api/v1/cases", { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      const saved = await t.app.request(
        "/api/v1/cases",
        jsonRequest("POST", sample, { authorization: `Bearer ${TOKEN}` }),
      );
      expect(await saved.json()).toMatchObject({ revision: 1, author: "ehr" });
      expect((await t.app.request("/healthz")).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("limits each token to its rate and answers 429 with Retry-After", async () => {
    const t = await testApp({
      env: { LOCUS_TOKENS: `ehr:${TOKEN},lab:${TOKEN}-lab`, LOCUS_RATE_LIMIT: "5", LOCUS_WORKERS: "1" },
    });
    try {
      const call = (token: string) =>
        t.app.request("/api/v1/cases", { headers: { authorization: `Bearer ${token}` } });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(TOKEN)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const limited = await call(TOKEN);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await call(`${TOKEN}-lab`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("refills the bucket over time", () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    now += 1000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });
});

describe("logs", () => {
  it("log ids, routes, statuses and timings, never case content, notes or tokens", async () => {
    const { Writable } = await import("node:stream");
    const { createLogger } = await import("./logging.js");
    let out = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const t = await testApp({ env: { LOCUS_TOKENS: `ehr:${TOKEN}` } });
    t.deps.logger = createLogger("info", sink);
    const { createApp } = await import("./app.js");
    const app = createApp(t.deps);
    const secret = "Mrs Jane Secretname, hospital number 998877";
    const auth = { authorization: `Bearer ${TOKEN}` };
    try {
      const c = { ...devCases()[0]!.json, notes: secret };
      expect((await app.request("/api/v1/cases", jsonRequest("POST", c, auth))).status).toBe(201);
      await app.request(
        "/api/v1/localize",
        jsonRequest("POST", { ...c, findings: [{ kind: secret }] }, auth),
      );
      await app.request("/api/v1/localize", {
        method: "POST",
        headers: { ...auth, "content-type": "text/plain" },
        body: secret,
      });
      t.deps.engine.localize = () => {
        throw new Error(`failed on ${secret}`);
      };
      expect((await app.request("/api/v1/localize", jsonRequest("POST", c, auth))).status).toBe(500);
      const lines = out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.length).toBeGreaterThanOrEqual(4);
      expect(lines[0]).toMatchObject({
        method: "POST",
        route: "/api/v1/cases",
        caseId: c.id,
        status: 201,
        token: "ehr",
      });
      expect(typeof lines[0]?.ms).toBe("number");
      expect(out).not.toContain("Secretname");
      expect(out).not.toContain("998877");
      expect(out).not.toContain(TOKEN);
    } finally {
      await t.close();
    }
  });
});
