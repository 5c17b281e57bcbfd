import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEV_CASES } from "../paths.js";
import { fuzz } from "../test-helpers/fuzz.js";
import { normaliseValues } from "./normalize.js";
import { readPlain } from "./plain.js";
import { locusCase } from "./schema.js";
import { baseCase, caseArb } from "./test-helpers/cases.js";

/** zod's reading, in JSON (key order included), or undefined when zod refuses the value. */
const zodJson = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? JSON.stringify(r.data) : undefined;
};

describe("readPlain", () => {
  const dev = readdirSync(DEV_CASES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => normaliseValues(JSON.parse(readFileSync(join(DEV_CASES, f), "utf8"))).value);

  it("reads every development case as zod does, fields in the schema's order", () => {
    for (const c of dev) {
      const plain = readPlain(locusCase, c);
      expect(plain).toBeDefined();
      expect(JSON.stringify(plain)).toBe(zodJson(locusCase, c));
      expect(plain).toEqual(locusCase.parse(c));
    }
  });

  it("copies rather than shares what it read, and puts fields in the schema's order", () => {
    const c = baseCase();
    const written = { findings: c.findings, id: c.id, format: c.format };
    const plain = readPlain(locusCase, written);
    expect(Object.keys(plain ?? {})).toEqual(["format", "id", "findings"]);
    expect(plain?.findings).not.toBe(c.findings);
    expect(plain?.findings[0]).not.toBe(c.findings[0]);
  });

  it.each([
    ["an unknown field", (c: Record<string, unknown>) => ({ ...c, extra: 1 })],
    ["a field given as undefined", (c: Record<string, unknown>) => ({ ...c, notes: undefined })],
    ["a missing field", ({ id: _, ...c }: Record<string, unknown>) => c],
    ["a wrong type", (c: Record<string, unknown>) => ({ ...c, id: 7 })],
    ["an empty id (a check)", (c: Record<string, unknown>) => ({ ...c, id: "" })],
    ["an unknown finding kind", (c: Record<string, unknown>) => ({ ...c, findings: [{ kind: "x" }] })],
    [
      "a refinement that fails (a grade without fibrillations)",
      (c: Record<string, unknown>) => ({
        ...c,
        findings: [{ kind: "emg", muscle: "tibialis_anterior", spontaneous: "none", grade: 2 }],
      }),
    ],
    [
      "an MRC grade off both options",
      (c: Record<string, unknown>) => ({
        ...c,
        findings: [{ kind: "strength", target: "ankle_dorsiflexion", mrc: 7 }],
      }),
    ],
    ["an object that is not plain", (c: Record<string, unknown>) => Object.assign(Object.create(null), c)],
    ["__proto__ in meta", (c: Record<string, unknown>) => ({ ...c, meta: JSON.parse('{"__proto__": 1}') })],
  ])("leaves to zod %s", (_what, change) => {
    expect(readPlain(locusCase, change(baseCase()))).toBeUndefined();
  });

  it("leaves to zod every kind of schema it does not know", () => {
    for (const schema of [
      z.string().trim(),
      z.string().default("x"),
      z.object({ a: z.string() }),
      z.object({ constructor: z.string() }).strict(),
      z.union([z.object({ a: z.string() }), z.string()]),
      z.string().transform((s) => s.length),
    ] as z.ZodType[])
      expect(readPlain(schema, "a")).toBeUndefined();
  });

  it("answers only what zod accepts, as zod gives it, whatever the value", () => {
    const changed = caseArb.chain((c) =>
      fc.oneof(
        fc.constant(c as unknown),
        fc.tuple(fc.nat(c.findings.length), fc.string(), fc.jsonValue()).map(([k, key, v]) => ({
          ...c,
          findings: c.findings.map((f, j) => (j === k ? { ...f, [key || "side"]: v } : f)),
        })),
        fc.tuple(fc.string(), fc.jsonValue()).map(([key, v]) => ({ ...c, [key]: v })),
      ),
    );
    let read = 0;
    fc.assert(
      fc.property(changed, (v) => {
        const plain = readPlain(locusCase, v);
        if (plain === undefined) return;
        read++;
        expect(JSON.stringify(plain)).toBe(zodJson(locusCase, v));
      }),
      fuzz(600),
    );
    expect(read).toBeGreaterThan(0);
  });
});
