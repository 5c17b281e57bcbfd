import { describe, expect, it } from "vitest";
import { calibration, calibrationLines } from "./calibration.js";

describe("calibration of the first answer", () => {
  it("scores a perfectly calibrated, confident forecaster 0 and one that always says 50% 0.25", () => {
    expect(
      calibration([
        { p: 1, hit: true },
        { p: 0, hit: false },
      ]).brier,
    ).toBe(0);
    expect(
      calibration([
        { p: 0.5, hit: true },
        { p: 0.5, hit: false },
      ]).brier,
    ).toBe(0.25);
  });

  it("bins stated probabilities and sets the observed rate beside each bin's mean", () => {
    const c = calibration([
      { p: 0.9, hit: true },
      { p: 0.85, hit: false },
      { p: 0.3, hit: false },
    ]);
    expect(c.bins).toEqual([
      { from: 0.2, to: 0.4, count: 1, stated: 0.3, observed: 0 },
      { from: 0.8, to: 1, count: 2, stated: 0.875, observed: 0.5 },
    ]);
    expect(calibrationLines("localization", c)[0]).toMatch(/Brier 0\.\d{3} over 3 first answers/);
  });
});
