/**
 * Random and mutated bodies at every route: never a 5xx, and the server still works afterwards.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseToBundle } from "../fhir/index.js";
import { fuzz } from "../test-helpers/fuzz.js";
import { loadEngine } from "./engine.js";
import { routes } from "./routes/index.js";
import { devCases, type TestApp, testApp } from "./test-helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ engine: await loadEngine(), env: { LOCUS_BODY_LIMIT: "65536" } });
});
afterAll(async () => {
  await t.close();
});

const cases = devCases().map((c) => c.json);
const recorded = JSON.parse(JSON.stringify(cases[0])) as Record<string, unknown>;

/** Replace, drop or retype one value somewhere inside a JSON document. */
function mutate(doc: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (path.length === 0 || typeof doc !== "object" || doc === null)
    return mode === 0 ? undefined : replacement;
  const [head, ...rest] = path as [number, ...number[]];
  if (Array.isArray(doc)) {
    if (doc.length === 0) return replacement;
    const i = head % doc.length;
    const copy = [...doc];
    const v = mutate(copy[i], rest, replacement, mode);
    if (v === undefined) copy.splice(i, 1);
    else copy[i] = v;
    return copy;
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) return replacement;
  const k = keys[head % keys.length] as string;
  const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  const v = mutate(copy[k], rest, replacement, mode);
  if (v === undefined) delete copy[k];
  else copy[k] = v;
  return copy;
}

const seeds = [
  ...cases,
  caseToBundle(cases[1] ?? (recorded as (typeof cases)[number])),
  { note: "Left foot drop, weak EHL 3/5, absent ankle jerk." },
];
const jsonValue = fc.jsonValue({ maxDepth: 4 });
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }),
    fc.oneof(jsonValue, fc.string(), fc.constantFrom(-1, 1e308, "", "☃", null, [], {}, "4-", "L5")),
    fc.nat(2),
  )
  .map(([doc, path, replacement, mode]) => JSON.stringify(mutate(doc, path, replacement, mode)) ?? "null");
const body = fc.oneof(
  mutated,
  jsonValue.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
  mutated.map((s) => s.slice(0, Math.max(0, s.length - 7))),
  fc.constant(""),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/fhir+json",
  "text/plain",
  "application/json; charset=utf-8",
  "application/xml",
  "",
  "multipart/form-data; boundary=x",
);
const segment = fc.oneof(
  fc.constantFrom("EHL", "seed-000-l3-radiculopathy", "locus-leg", "%E2%98%83", "..", "a".repeat(300), "%zz"),
  fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s) || "x"),
);

/** Page routes answer 503 "not built" when web/dist is absent: the environment, not the input. */
const pageBuilt = existsSync(join(import.meta.dirname, "../../web/dist/index.html"));
const allowed = (tags: string[], status: number) =>
  status < 500 || (!pageBuilt && tags.includes("page") && status === 503);

describe("fuzz", () => {
  const table = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);

  it.each(table)("%s never answers 5xx", async (entry) => {
    const [method, path] = entry.split(" ") as [string, string];
    const tags = routes.find((r) => `${r.method.toUpperCase()} ${r.path}` === entry)?.tags ?? [];
    await fc.assert(
      fc.asyncProperty(
        body,
        contentType,
        segment,
        fc.constantFrom("", "?limit=abc", "?revision=-1", "?after=%00"),
        async (b, type, seg, query) => {
          const url = path.replace(/\{[^}]+\}/g, seg) + query;
          const init: RequestInit = {
            method,
            headers: type ? { "content-type": type, "if-match": seg } : {},
          };
          if (method !== "GET") init.body = b;
          const res = await t.app.request(url, init);
          if (!allowed(tags, res.status))
            throw new Error(
              `${method} ${url} (${type}) answered ${res.status}: ${(await res.text()).slice(0, 300)}\nbody: ${b.slice(0, 500)}`,
            );
          await res.arrayBuffer();
        },
      ),
      fuzz(150),
    );
  });

  it("answers deeply nested bodies without a 5xx", async () => {
    const deep = [
      "[".repeat(20000) + "]".repeat(20000),
      `{"format":"locus-case/1","id":"x","findings":[],"meta":${'{"a":'.repeat(20000)}1${"}".repeat(20000)}}`,
    ];
    for (const r of routes.filter((r) => r.method !== "get"))
      for (const body of deep) {
        const url = r.path.replace(/\{[^}]+\}/g, "x");
        const res = await t.app.request(url, {
          method: r.method.toUpperCase(),
          headers: { "content-type": "application/json" },
          body,
        });
        expect(res.status, `${r.method} ${url}`).toBeLessThan(500);
      }
  });

  it("still works afterwards", async () => {
    expect((await t.app.request("/healthz")).status).toBe(200);
    expect((await t.app.request("/readyz")).status).toBe(200);
    const res = await t.app.request("/api/v1/localize", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(recorded),
    });
    expect(res.status).toBe(200);
    expect(await t.deps.repo.integrityCheck()).toEqual([]);
  });
});
