import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortedBy } from "./sort.js";

/** What sortedBy promises: a stable sort, highest key first (Array.prototype.sort is stable). */
const reference = (keys: readonly number[]) =>
  keys.map((_, i) => i).sort((a, b) => (keys[b] as number) - (keys[a] as number));

describe("sortedBy", () => {
  it("orders items as a stable sort by key, highest first, for few items and many, with ties", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 80 }), (keys) => {
        const items = keys.map((_, i) => i);
        expect(sortedBy(items, keys)).toEqual(reference(keys));
      }),
      { numRuns: 300 },
    );
  });

  it("orders fractional keys, zero and negative zero as the comparator does", () => {
    const keys = [0.5, -0, 0, 2.25, 0.5, -1e-9, 0];
    expect(sortedBy([0, 1, 2, 3, 4, 5, 6], keys)).toEqual(reference(keys));
  });
});
