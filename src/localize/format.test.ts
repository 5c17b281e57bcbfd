import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidateCode } from "./format.js";
import { DIFFUSE_KINDS } from "./model.js";

const RADIX = 120;
const candidate = fc.record({
  units: fc.array(fc.integer({ min: 0, max: RADIX - 1 }), { maxLength: 3 }),
  diffuse: fc.constantFrom(...DIFFUSE_KINDS),
});

describe("candidateCode", () => {
  it("gives two candidates the same number only when they are the same candidate", () => {
    fc.assert(
      fc.property(candidate, candidate, (a, b) => {
        const same = a.diffuse === b.diffuse && a.units.join() === b.units.join();
        expect(candidateCode(a.units, a.diffuse, RADIX) === candidateCode(b.units, b.diffuse, RADIX)).toBe(
          same,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("tells apart no lesion from lesion 0, and the same lesions in another order", () => {
    expect(candidateCode([], "none", RADIX)).not.toBe(candidateCode([0], "none", RADIX));
    expect(candidateCode([0, 1], "none", RADIX)).not.toBe(candidateCode([1, 0], "none", RADIX));
  });

  it("has no number for more than three lesions", () => {
    expect(candidateCode([1, 2, 3, 4], "none", RADIX)).toBeUndefined();
  });
});
