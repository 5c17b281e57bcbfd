/**
 * DNS rebinding and cross-site writes: on loopback without tokens, a page the clinician opens must
 * not read or write saved cases by renaming itself to 127.0.0.1 or by posting across origins.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, hostName, loadConfig } from "./config.js";
import { devCases, jsonRequest, type TestApp, testApp } from "./test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const sample = () => devCases()[0]!.json;
const at = (host: string, path = "/api/v1/cases") => `http://${host}${path}`;

describe("the Host allowlist", () => {
  it("answers the loopback names and refuses any other name with 403 and a JSON reason", async () => {
    t = await testApp();
    for (const host of ["localhost:8787", "127.0.0.1:8787", "[::1]:8787", "LOCALHOST"]) {
      const res = await t.app.request(at("x"), { headers: { host } });
      expect(res.status, host).toBe(200);
    }
    for (const host of ["evil.example", "evil.example:8787", "127.0.0.1.evil.example"]) {
      const res = await t.app.request(at("x"), { headers: { host } });
      expect(res.status, host).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("host_not_allowed");
      expect(body.error.message).toMatch(/LOCUS_ALLOWED_HOSTS/);
    }
  });

  it("lets load balancers probe /healthz by address", async () => {
    t = await testApp();
    expect((await t.app.request(at("x", "/healthz"), { headers: { host: "10.0.0.5:8787" } })).status).toBe(
      200,
    );
  });

  it("adds the configured names (LOCUS_ALLOWED_HOSTS, the public URL's host), or any with *", async () => {
    t = await testApp({
      env: { LOCUS_ALLOWED_HOSTS: "locus.lan, Ward-PC:8787", LOCUS_PUBLIC_URL: "https://locus.example.org" },
    });
    for (const host of ["locus.lan", "ward-pc:9999", "locus.example.org"])
      expect((await t.app.request(at("x"), { headers: { host } })).status, host).toBe(200);
    expect((await t.app.request(at("x"), { headers: { host: "other.lan" } })).status).toBe(403);
    await t.close();
    t = await testApp({ env: { LOCUS_ALLOWED_HOSTS: "*" } });
    expect((await t.app.request(at("x"), { headers: { host: "other.lan" } })).status).toBe(200);
  });

  it("reads host names as the Host header writes them and refuses what is not one", () => {
    expect(hostName("LocalHost:8787")).toBe("localhost");
    expect(hostName("[::1]:8787")).toBe("[::1]");
    expect(hostName("::1")).toBe("[::1]");
    expect(loadConfig({}).allowedHosts).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(() => loadConfig({ LOCUS_ALLOWED_HOSTS: "evil/../x" })).toThrow(ConfigError);
  });
});

describe("the Origin check on writes", () => {
  it("refuses a cross-origin POST or PUT with 403 and saves nothing", async () => {
    t = await testApp();
    const headers = { host: "127.0.0.1:8787", origin: "http://evil.example" };
    const post = await t.app.request(at("127.0.0.1:8787"), jsonRequest("POST", sample(), headers));
    expect(post.status).toBe(403);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe("cross_origin_refused");
    const put = await t.app.request(
      at("127.0.0.1:8787", `/api/v1/cases/${sample().id}`),
      jsonRequest("PUT", sample(), headers),
    );
    expect(put.status).toBe(403);
    const nul = await t.app.request(
      at("127.0.0.1:8787"),
      jsonRequest("POST", sample(), { ...headers, origin: "null" }),
    );
    expect(nul.status).toBe(403);
    const list = (await (await t.app.request(at("127.0.0.1:8787"))).json()) as { cases: unknown[] };
    expect(list.cases).toEqual([]);
  });

  it("accepts the page's own writes, writes without an Origin (curl, EHRs) and configured origins", async () => {
    t = await testApp({ env: { LOCUS_CORS_ORIGINS: "https://ehr.example.org" } });
    const own = await t.app.request(
      at("127.0.0.1:8787"),
      jsonRequest("POST", sample(), { host: "127.0.0.1:8787", origin: "http://127.0.0.1:8787" }),
    );
    expect(own.status).toBe(201);
    const plain = await t.app.request(
      at("127.0.0.1:8787", "/api/v1/localize"),
      jsonRequest("POST", sample(), { host: "127.0.0.1:8787" }),
    );
    expect(plain.status).toBe(200);
    const ehr = await t.app.request(
      at("127.0.0.1:8787", "/api/v1/localize"),
      jsonRequest("POST", sample(), { host: "127.0.0.1:8787", origin: "https://ehr.example.org" }),
    );
    expect(ehr.status).toBe(200);
  });

  it("accepts the page's writes through the documented reverse proxy (docs/service.md)", async () => {
    t = await testApp({ env: { LOCUS_PUBLIC_URL: "https://locus.example.org" } });
    // nginx passes Host: $host; the page at https://locus.example.org posts with its origin.
    const headers = { host: "locus.example.org", origin: "https://locus.example.org" };
    const res = await t.app.request(at("locus.example.org"), jsonRequest("POST", sample(), headers));
    expect(res.status).toBe(201);
    const other = await t.app.request(
      at("locus.example.org"),
      jsonRequest("POST", sample(), { ...headers, origin: "https://evil.example" }),
    );
    expect(other.status).toBe(403);
  });

  it("does not let a page on another port of this machine write", async () => {
    t = await testApp();
    const res = await t.app.request(
      at("127.0.0.1:8787", "/api/v1/localize"),
      jsonRequest("POST", sample(), { host: "127.0.0.1:8787", origin: "http://127.0.0.1:3000" }),
    );
    expect(res.status).toBe(403);
  });
});
