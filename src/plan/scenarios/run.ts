/**
 * Scores the planner against the scenario set: for each scenario, whether one of the expert's
 * tests is in the first three suggestions, and whether a low-value test is.
 */
import type { Atlas } from "../../atlas/index.js";
import { getAtlas } from "../../atlas/index.js";
import { plan } from "../plan.js";
import type { TestRef } from "../tests.js";
import { type Scenario, scenarios } from "./scenarios.js";

/** `kind:id` and, for imaging with contrast, `kind:id:contrast`. */
export function choiceKey(t: TestRef): string {
  return `${t.kind}:${t.id}${t.contrast ? ":contrast" : ""}`;
}

export interface ScenarioResult {
  id: string;
  firstThree: string[];
  expertHit: boolean;
  lowValueHit: string[];
}

export function runScenario(s: Scenario, atlas: Atlas = getAtlas()): ScenarioResult {
  const p = plan(s.case, { limit: 3 }, atlas);
  const firstThree = p.suggestions.slice(0, 3).map((x) => choiceKey(x.test));
  return {
    id: s.id,
    firstThree,
    expertHit: firstThree.some((k) => s.expert.includes(k)),
    lowValueHit: firstThree.filter((k) => s.lowValue.includes(k)),
  };
}

export function runScenarios(atlas: Atlas = getAtlas()): {
  results: ScenarioResult[];
  expertRate: number;
  lowValueRate: number;
} {
  const results = scenarios.map((s) => runScenario(s, atlas));
  const n = results.length || 1;
  return {
    results,
    expertRate: results.filter((r) => r.expertHit).length / n,
    lowValueRate: results.filter((r) => r.lowValueHit.length > 0).length / n,
  };
}
