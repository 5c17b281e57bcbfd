/**
 * What a client gets from the running server (node's HTTP server and @hono/node-server, where the
 * body limit reads Content-Length and the body is read straight from node's stream) is what the
 * app answers in-process (app.request, where hono's body-limit counts the body as it is read):
 * the same status, headers and body, and one request log line each.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseCache } from "./cache.js";
import { type Running, startWorker } from "./cluster.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logging.js";
import { securityHeaders } from "./security.js";
import { devCases, fakeEngine, type TestApp, testApp } from "./test-helpers/app.js";

const LIMIT = 4096;
const env = { LOCUS_BODY_LIMIT: String(LIMIT) };
const dir = mkdtempSync(join(tmpdir(), "locus-served-"));
const lines: Record<string, unknown>[] = [];
let served: Running;
let local: TestApp;

beforeAll(async () => {
  const config = loadConfig({ LOCUS_DATA_DIR: join(dir, "data"), PORT: "0", ...env });
  const logger = createLogger("info", {
    write: (line: string) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  served = await startWorker(config, logger, fakeEngine());
  local = await testApp({ env });
  // The worker keeps answers (LOCUS_CACHE_MB); so does the app in-process, to answer the same.
  local.deps.cache = new ResponseCache(config.cacheBytes);
});
afterAll(async () => {
  await served?.close();
  await local?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send the body in chunks (Transfer-Encoding: chunked), without Content-Length. */
  chunked?: boolean;
}

interface Got {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers that say how the bytes travelled, not what the answer is; the request id is checked apart. */
const TRANSPORT = new Set(["connection", "keep-alive", "date", "content-length", "transfer-encoding"]);

function comparable(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers) if (!TRANSPORT.has(k.toLowerCase())) out[k.toLowerCase()] = v;
  expect(out["x-request-id"]).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
  delete out["x-request-id"];
  return out;
}

function overHttp(port: number, s: Sent): Promise<Got> {
  return new Promise((resolve, reject) => {
    const body = s.body === undefined ? undefined : Buffer.from(s.body);
    const headers = { host: "127.0.0.1", ...s.headers };
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: s.method,
        path: s.path,
        headers: body && !s.chunked ? { ...headers, "content-length": String(body.length) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: comparable(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on("error", reject);
    if (body && s.chunked) {
      // Several writes without a length: node's client sends them chunked.
      for (let at = 0; at < body.length; at += 1000) req.write(body.subarray(at, at + 1000));
    } else if (body) req.write(body);
    req.end();
  });
}

async function inProcess(s: Sent): Promise<Got> {
  const res = await local.app.request(`http://127.0.0.1${s.path}`, {
    method: s.method,
    headers: { host: "127.0.0.1", ...s.headers },
    ...(s.body === undefined ? {} : { body: s.body }),
  });
  return {
    status: res.status,
    headers: comparable(res.headers.entries()),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

const sample = JSON.stringify(devCases()[0]!.json);
const json = { "content-type": "application/json" };
const tooBig = JSON.stringify({ ...devCases()[0]!.json, notes: "x".repeat(LIMIT) });

const requests: [string, Sent][] = [
  ["an analysis", { method: "POST", path: "/api/v1/localize", headers: json, body: sample }],
  [
    "the same, sent chunked",
    { method: "POST", path: "/api/v1/localize", headers: json, body: sample, chunked: true },
  ],
  [
    "gzipped",
    { method: "POST", path: "/api/v1/plan", headers: { ...json, "accept-encoding": "gzip" }, body: sample },
  ],
  ["with the text report", { method: "POST", path: "/api/v1/localize?text=1", headers: json, body: sample }],
  ["broken JSON", { method: "POST", path: "/api/v1/localize", headers: json, body: "{" }],
  ["an empty body", { method: "POST", path: "/api/v1/localize", headers: json, body: "" }],
  [
    "the wrong media type",
    {
      method: "POST",
      path: "/api/v1/localize",
      headers: { "content-type": "application/xml" },
      body: "<case/>",
    },
  ],
  ["a body over the limit", { method: "POST", path: "/api/v1/localize", headers: json, body: tooBig }],
  [
    "the same, chunked",
    { method: "POST", path: "/api/v1/localize", headers: json, body: tooBig, chunked: true },
  ],
  [
    "a report (a Response the handler makes)",
    { method: "POST", path: "/api/v1/report?format=md", headers: json, body: sample },
  ],
  ["a validation", { method: "POST", path: "/api/v1/validate", headers: json, body: sample }],
  ["readiness", { method: "GET", path: "/readyz" }],
  ["health, addressed elsewhere", { method: "GET", path: "/healthz", headers: { host: "evil.example" } }],
  ["a page addressed elsewhere", { method: "GET", path: "/api/v1/cases", headers: { host: "evil.example" } }],
  [
    "a cross-site write",
    {
      method: "POST",
      path: "/api/v1/validate",
      headers: { ...json, origin: "https://evil.example" },
      body: sample,
    },
  ],
  ["no such route", { method: "GET", path: "/api/v1/nothing-here" }],
];

describe("served answers are the in-process answers", () => {
  it.each(requests)("%s", async (_name, sent) => {
    const [over, here] = [await overHttp(served.port, sent), await inProcess(sent)];
    expect(over.status).toBe(here.status);
    expect(over.headers).toEqual(here.headers);
    const unzip = (g: Got) => (g.headers["content-encoding"] === "gzip" ? gunzipSync(g.body) : g.body);
    expect(unzip(over).toString()).toEqual(unzip(here).toString());
  });

  it("refuses a body over the limit with 413 payload_too_large, whether its length is stated or not", async () => {
    for (const chunked of [false, true]) {
      const got = await overHttp(served.port, {
        method: "POST",
        path: "/api/v1/localize",
        headers: json,
        body: tooBig,
        chunked,
      });
      expect(got.status).toBe(413);
      expect(JSON.parse(got.body.toString()).error.code).toBe("payload_too_large");
    }
  });

  it("gives every answer the security headers and its request id, and the API's no-store", async () => {
    const kinds: Sent[] = [
      { method: "POST", path: "/api/v1/localize", headers: json, body: sample },
      { method: "POST", path: "/api/v1/validate", headers: json, body: sample },
      { method: "POST", path: "/api/v1/report?format=md", headers: json, body: sample },
      { method: "POST", path: "/api/v1/localize", headers: json, body: "{" },
      { method: "GET", path: "/api/v1/cases", headers: { host: "evil.example" } },
      { method: "GET", path: "/readyz" },
    ];
    for (const sent of kinds) {
      const got = await overHttp(served.port, sent);
      expect(got.headers, sent.path).toMatchObject(await securityHeaders());
      expect(got.headers["cache-control"], sent.path).toBe(
        sent.path.startsWith("/api/") ? "no-store" : undefined,
      );
    }
  });

  it("logs each served request once, with its id, method, route, status and time", async () => {
    lines.length = 0;
    const got = await overHttp(served.port, {
      method: "POST",
      path: "/api/v1/localize",
      headers: json,
      body: sample,
    });
    expect(got.status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    const logged = lines.filter((l) => l.msg === "request");
    expect(logged).toHaveLength(1);
    const line = logged[0] as Record<string, unknown>;
    expect(Object.keys(line)).toEqual([
      "level",
      "time",
      "pid",
      "service",
      "id",
      "method",
      "route",
      "status",
      "ms",
      "msg",
    ]);
    expect(line).toMatchObject({
      level: 30,
      method: "POST",
      route: "/api/v1/localize",
      status: 200,
      service: "locus",
    });
    expect(typeof line.ms).toBe("number");
  });
});
