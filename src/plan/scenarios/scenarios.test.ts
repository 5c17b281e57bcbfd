import { describe, expect, it } from "vitest";
import { parseCase } from "../../case/index.js";
import { runScenarios } from "./run.js";
import { scenarios } from "./scenarios.js";

describe("the bench of clinical choice (issue 16)", () => {
  it("every scenario is a valid case with expert and low-value tests and sources", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
    for (const s of scenarios) {
      expect(parseCase(s.case).ok, s.id).toBe(true);
      expect(s.expert.length, s.id).toBeGreaterThan(0);
      expect(s.lowValue.length, s.id).toBeGreaterThan(0);
      expect(s.sources.length, s.id).toBeGreaterThan(0);
      for (const k of s.expert) expect(s.lowValue, `${s.id}: ${k}`).not.toContain(k);
    }
  });

  it("an expert's test is in the first three in at least 80% of the scenarios, and no low-value test is", () => {
    const r = runScenarios();
    expect(r.expertRate).toBeGreaterThanOrEqual(0.8);
    expect(
      r.results.filter((x) => x.lowValueHit.length > 0).map((x) => `${x.id}: ${x.lowValueHit.join(", ")}`),
    ).toEqual([]);
  });
});
