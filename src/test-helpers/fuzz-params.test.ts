import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_SEED, fuzz } from "./fuzz.js";

describe("fuzz parameters", () => {
  it("draw a fresh seed each run and name it in a failure, with how to replay it", () => {
    expect(Number.isSafeInteger(FUZZ_SEED)).toBe(true);
    expect(fuzz(10).seed).toBe(FUZZ_SEED);
    expect(() =>
      fc.assert(
        fc.property(fc.nat(), (n) => n < 0),
        fuzz(10, 4242),
      ),
    ).toThrow(/fuzz failure with seed 4242; replay with LOCUS_FUZZ_SEED=4242\nError: .*seed: 4242/s);
  });

  it("name the seed for asynchronous properties too", async () => {
    await expect(
      fc.assert(
        fc.asyncProperty(fc.nat(), async (n) => n < 0),
        fuzz(5, 99),
      ),
    ).rejects.toThrow(/fuzz failure with seed 99/);
  });

  it("replay the same inputs from the same seed", () => {
    const draw = (seed: number) => {
      const seen: number[] = [];
      fc.assert(
        fc.property(fc.integer(), (n) => {
          seen.push(n);
        }),
        fuzz(20, seed),
      );
      return seen;
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});
