import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { lesionKey, toLesions } from "./format.js";
import { localize } from "./index.js";
import { focalUnits } from "./model.js";
import { seededRng, simulateCase } from "./simulate.js";

/**
 * The forward-model round trip: a lesion at each single site draws its findings from the engine's
 * own likelihoods (complete examination of both legs, a clinically evident lesion, 1% of results
 * flipped at random), forty draws per site, and localization must put that site first at least 95%
 * of the time (the target), over all sites and over those with a motor territory.
 * bench/index.ts prints the full curve.
 */
describe("forward-model round trip", () => {
  const atlas = getAtlas();
  const sites = focalUnits(atlas).filter((u) => u.parts.length === 1 && u.side === "left");
  const rng = seededRng(2026);
  const results = sites.flatMap((u) =>
    Array.from({ length: 40 }, () => {
      const c = simulateCase(atlas, [u], "none", {
        rng,
        noise: 0.01,
        falsePositives: false,
        severity: 1,
        numb: true,
      });
      const top = localize(c, { limit: 1 }).hypotheses[0];
      return {
        motor: u.parts.some((s) => atlas.effect(s).muscles.length > 0),
        ok: top !== undefined && lesionKey(top.lesions) === lesionKey(toLesions([u], "none", [])),
      };
    }),
  );
  const rate = (xs: { ok: boolean }[]) => xs.filter((x) => x.ok).length / xs.length;
  it("recovers sites with a motor territory at least 95% of the time", () => {
    expect(rate(results.filter((r) => r.motor))).toBeGreaterThanOrEqual(0.95);
  });
  it("recovers all single sites at least 95% of the time", () => {
    expect(rate(results)).toBeGreaterThanOrEqual(0.95);
  });
});
