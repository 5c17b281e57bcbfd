import { describe, expect, it } from "vitest";
import { getAtlas } from "../../atlas/index.js";
import * as evidence from "./evidence.js";
import * as priors from "./priors.js";

/** Every `sources` list anywhere inside a value, with the path to it. */
function sourceLists(value: unknown, path: string): { path: string; keys: unknown[] }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourceLists(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === "sources" && Array.isArray(v) ? [{ path, keys: v }] : sourceLists(v, `${path}.${k}`),
  );
}

describe("the evidence and prior tables", () => {
  const known = new Set(Object.keys(getAtlas().data.sources));
  const lists = [...sourceLists(evidence, "evidence"), ...sourceLists(priors, "priors")];
  it("name their sources, and every source named is in the atlas's table", () => {
    expect(lists.length).toBeGreaterThan(50);
    for (const { path, keys } of lists) {
      expect(keys.length, path).toBeGreaterThan(0);
      for (const k of keys) expect(known.has(String(k)), `${path}: ${String(k)}`).toBe(true);
    }
  });
});
