import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { ResponseCache, utf8 } from "./cache.js";
import { devCases, jsonRequest, type TestApp, testApp } from "./test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe("response cache", () => {
  it("keeps an answer as its UTF-8 bytes, ASCII or not", () => {
    // ASCII, Latin-1 beyond ASCII, other planes, a lone surrogate (written as U+FFFD)
    for (const text of ['{"a":"plain"}', '{"unit":"µV"}', "L4–L5 ≥ 3 😀", "lone \ud800 half", ""])
      expect(utf8(text).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect([...new ResponseCache(1 << 20).set("k", "µV").raw]).toEqual([0xc2, 0xb5, 0x56]);
  });

  it("evicts the least recently used answers beyond its byte budget", () => {
    const cache = new ResponseCache(2000);
    cache.set("a", "x".repeat(700));
    cache.set("b", "y".repeat(700));
    expect(cache.get("a")).toBeDefined();
    cache.set("c", "z".repeat(700));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    cache.set("huge", "h".repeat(5000));
    expect(cache.get("huge")).toBeUndefined();
  });

  it("answers the same request with the same body, and a different one afresh", async () => {
    t = await testApp();
    t.deps.cache = new ResponseCache(1 << 20);
    const [a, b] = devCases();
    const first = await t.app.request("/api/v1/localize", jsonRequest("POST", a!.json));
    const again = await t.app.request("/api/v1/localize", jsonRequest("POST", a!.json));
    const other = await t.app.request("/api/v1/localize", jsonRequest("POST", b!.json));
    expect(first.headers.get("x-locus-cache")).toBe("miss");
    expect(again.headers.get("x-locus-cache")).toBe("hit");
    expect(other.headers.get("x-locus-cache")).toBe("miss");
    expect(await again.text()).toBe(await first.text());
    const bad = { ...a!.json, findings: [{ kind: "nope" }] };
    expect((await t.app.request("/api/v1/localize", jsonRequest("POST", bad))).status).toBe(400);
    expect((await t.app.request("/api/v1/localize", jsonRequest("POST", bad))).status).toBe(400);
  });

  it("gzips for clients that accept it, the same answer", async () => {
    t = await testApp();
    t.deps.cache = new ResponseCache(1 << 20);
    const c = devCases()[0]!.json;
    const plain = await (await t.app.request("/api/v1/localize", jsonRequest("POST", c))).text();
    for (let i = 0; i < 2; i++) {
      const res = await t.app.request(
        "/api/v1/localize",
        jsonRequest("POST", c, { "accept-encoding": "gzip, br" }),
      );
      expect(res.headers.get("content-encoding")).toBe("gzip");
      expect(res.headers.get("vary")).toMatch(/Accept-Encoding/);
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8")).toBe(plain);
    }
  });
});
