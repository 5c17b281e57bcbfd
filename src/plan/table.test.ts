import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { focalUnits } from "../localize/model.js";
import { tableFor } from "./table.js";

describe("the planner's table", () => {
  const atlas = getAtlas();
  const table = tableFor(atlas);

  it("a focal lesion never changes a test on the other side (the ranking skips those columns)", () => {
    for (const u of focalUnits(atlas)) {
      const row = table.units.get(u.key) as Float64Array;
      table.tests.forEach((t, i) => {
        if (t.side !== u.side) expect(row[i], `${u.key} ${t.kind}:${t.id}:${t.side}`).toBe(0);
      });
    }
  });

  it("holds a chance between 0 and 1 for every lesion and test, and each lesion changes some test", () => {
    for (const row of [...table.units.values(), ...table.diffuse.values()]) {
      for (const x of row) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(Math.max(...row)).toBeGreaterThan(0);
    }
  });
});
