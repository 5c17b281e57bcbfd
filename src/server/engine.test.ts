import { describe, expect, it } from "vitest";
import { loadEngine } from "./engine.js";
import { devCases, jsonRequest, testApp } from "./test-helpers/app.js";

describe("the real engine behind the service", () => {
  it("localizes every demo case through POST /api/v1/localize", async () => {
    const engine = await loadEngine();
    const t = await testApp({ engine });
    try {
      for (const { name, json } of devCases()) {
        const res = await t.app.request("/api/v1/localize", jsonRequest("POST", json));
        expect(res.status, name).toBe(200);
        const body = (await res.json()) as { hypotheses: unknown[]; plan: { suggestions: unknown[] } };
        expect(body.hypotheses.length, name).toBeGreaterThan(0);
        expect(body.plan.suggestions.length, name).toBeGreaterThan(0);
      }
    } finally {
      await t.close();
    }
  });
});
