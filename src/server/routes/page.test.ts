import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../test-helpers/app.js";

let t: TestApp;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "locus-web-"));
  process.env.LOCUS_WEB_DIR = dir;
});
afterEach(async () => {
  await t?.close();
  delete process.env.LOCUS_WEB_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe("the page routes", () => {
  it("serve the built page at / and /cases/{id}, and its assets with a long cache", async () => {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Locus</title>");
    writeFileSync(join(dir, "assets", "index-abc.js"), "console.log(1)");
    t = await testApp();
    const home = await t.app.request("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<title>Locus</title>");
    expect((await t.app.request("/cases/seed-004")).status).toBe(200);
    const js = await t.app.request("/assets/index-abc.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(js.headers.get("cache-control")).toMatch(/immutable/);
  });

  it("refuse paths outside the assets and unknown files", async () => {
    mkdirSync(join(dir, "assets"));
    t = await testApp();
    expect((await t.app.request("/assets/..%2Findex.html")).status).toBe(404);
    expect((await t.app.request("/assets/missing.js")).status).toBe(404);
    expect((await t.app.request("/assets/secret.txt")).status).toBe(404);
  });

  it("say how to build the page when it is not built", async () => {
    t = await testApp();
    const res = await t.app.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build:web");
  });
});
