/**
 * What a request costs besides its analysis (issue 16): the body limit reads Content-Length
 * without making the request a web Request, and the log is written in blocks, not a line at a time.
 */
import fs, { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, describe, expect, it, vi } from "vitest";
import { limitBody } from "./http.js";
import { blockWriter, createLogger } from "./logging.js";
import { mayBeNote } from "./routes/input.js";
import { responseHeaders, securityHeaders, withCommonHeaders } from "./security.js";
import { devCases, jsonRequest, testApp } from "./test-helpers/app.js";
import type { AppEnv } from "./types.js";

const dir = mkdtempSync(join(tmpdir(), "locus-overhead-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A request as node parsed it, with these headers. */
function incoming(method: string, headers: Record<string, string>): IncomingMessage {
  const m = new IncomingMessage(new Socket());
  m.method = method;
  m.headers = headers;
  return m;
}

/** A Request whose body must not be touched: reading it throws. */
function untouchable(method: string): Request {
  const req = new Request("http://127.0.0.1/x", { method });
  Object.defineProperty(req, "body", {
    get() {
      throw new Error("the body stream was asked for");
    },
  });
  return req;
}

function app(limit: number) {
  const a = new Hono<AppEnv>();
  a.use(
    "*",
    limitBody(limit, (c) => c.text("too large", 413)),
  );
  a.all("/x", (c) => c.text("ok"));
  a.onError((e, c) => c.text(e.message, 500));
  return a;
}

describe("the body limit", () => {
  it("answers from Content-Length alone when node has parsed the request", async () => {
    const a = app(100);
    const over = await a.fetch(untouchable("POST"), {
      incoming: incoming("POST", { "content-length": "101" }),
    });
    expect([over.status, await over.text()]).toEqual([413, "too large"]);
    const under = await a.fetch(untouchable("POST"), {
      incoming: incoming("POST", { "content-length": "100" }),
    });
    expect([under.status, await under.text()]).toEqual([200, "ok"]);
    const none = await a.fetch(untouchable("POST"), { incoming: incoming("POST", {}) });
    expect(none.status).toBe(200);
    const get = await a.fetch(untouchable("GET"), {
      incoming: incoming("GET", { "content-length": "5000" }),
    });
    expect(get.status).toBe(200);
  });

  it("counts a chunked body, and one sent in-process, as it is read", async () => {
    const a = app(10);
    const chunked = await a.fetch(
      new Request("http://127.0.0.1/x", { method: "POST", body: "x".repeat(11) }),
      {
        incoming: incoming("POST", { "transfer-encoding": "chunked" }),
      },
    );
    expect(chunked.status).toBe(413);
    const local = await a.request("/x", { method: "POST", body: "x".repeat(11) });
    expect(local.status).toBe(413);
    const small = await a.request("/x", { method: "POST", body: "x".repeat(10) });
    expect(small.status).toBe(200);
  });
});

describe("the log", () => {
  it("gathers lines into blocks and writes what is left when flushed", () => {
    const file = join(dir, "log.jsonl");
    const fd = openSync(file, "w");
    const out = blockWriter(fd);
    const logger = createLogger("info", out);
    for (let i = 0; i < 5; i++) logger.info({ id: `r-${i}`, status: 200 }, "request");
    // A write per line would have put them in the file by now.
    expect(readFileSync(file, "utf8")).toBe("");
    out.flushSync();
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([
      "r-0",
      "r-1",
      "r-2",
      "r-3",
      "r-4",
    ]);
    for (let i = 0; i < 100; i++) logger.info({ id: `r-${i}`, status: 200 }, "request");
    // Past 3 kB a block is written without waiting.
    expect(readFileSync(file, "utf8").split("\n").length).toBeGreaterThan(20);
    out.flushSync();
    closeSync(fd);
  });

  it("writes blocks of whole lines of at most 4096 bytes (atomic on a pipe shared by the workers)", () => {
    const fd = openSync(join(dir, "blocks.jsonl"), "w");
    const writes = vi.spyOn(fs, "writeSync");
    try {
      const out = blockWriter(fd);
      const logger = createLogger("info", out);
      // Lines of many lengths (up to 1.5 kB), so that some arrive with nearly 3 kB waiting.
      for (let i = 0; i < 300; i++)
        logger.info({ id: `r-${i}`, detail: "x".repeat((i * 397) % 1500) }, "line");
      out.flushSync();
      const blocks = writes.mock.calls.filter((call) => call[0] === fd).map((call) => String(call[1]));
      expect(blocks.length).toBeGreaterThan(5);
      for (const b of blocks) {
        expect(Buffer.byteLength(b)).toBeLessThanOrEqual(4096);
        expect(b.endsWith("\n")).toBe(true);
      }
    } finally {
      writes.mockRestore();
      closeSync(fd);
    }
  });
});

describe("a case is parsed once", () => {
  it("looks for a note only in text that can name one", () => {
    expect(mayBeNote('{"note": "Left foot drop."}')).toBe(true);
    expect(mayBeNote('{"\\u006eote": "Left foot drop."}')).toBe(true);
    expect(mayBeNote(JSON.stringify(devCases()[0]!.json))).toBe(false);
  });

  it("still reads a note whose key is written with escapes", async () => {
    const t = await testApp();
    try {
      t.deps.engine.extract = () => ({ case: devCases()[0]!.json, spans: [] });
      const res = await t.app.request(
        "/api/v1/localize",
        jsonRequest("POST", '{"\\u006eote": "Left foot drop."}'),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveProperty("extraction");
    } finally {
      await t.close();
    }
  });
});

describe("the common headers", () => {
  it("are hono's secure headers with this policy", async () => {
    const found = await securityHeaders();
    expect(found).toMatchObject({
      "content-security-policy": expect.stringContaining("frame-ancestors 'none'"),
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cross-origin-resource-policy": "same-origin",
    });
    expect(found).not.toHaveProperty("strict-transport-security");
  });

  it("are not set again on a response made with them", async () => {
    const a = new Hono<AppEnv>();
    a.use("*", async (c, next) => {
      c.set("requestId", "t-1");
      await next();
    });
    a.use("*", responseHeaders());
    a.get("/api/own", (c) => {
      const res = new Response("{}", {
        headers: withCommonHeaders(c, { "content-type": "application/json" }),
      });
      // Made once, plain: asking for its Headers again (to set them) is what this avoids.
      Object.defineProperty(res, "headers", {
        get() {
          throw new Error("the headers were set again");
        },
      });
      return res;
    });
    a.get("/api/other", (c) => c.json({}));
    const own = await a.request("/api/own");
    expect(own.status).toBe(200);
    const other = await a.request("/api/other");
    for (const k of [...Object.keys(await securityHeaders()), "x-request-id", "cache-control"])
      expect(other.headers.get(k), k).toBeTruthy();
    expect(other.headers.get("x-request-id")).toBe("t-1");
  });
});
