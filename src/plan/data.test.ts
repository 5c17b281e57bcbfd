import { describe, expect, it } from "vitest";
import { sources as atlasSources } from "../atlas/data/sources.js";
import { conditions, sources as differentialSources, workupById } from "../differential/index.js";
import { burden, burdenExponent } from "./data/burden.js";
import { orders } from "./data/orders.js";
import { agreementById, agreementByKind } from "./data/reliability.js";
import { planSources } from "./data/sources.js";
import { scenarios } from "./scenarios/scenarios.js";

const known = new Set([
  ...Object.keys(atlasSources),
  ...Object.keys(differentialSources),
  ...Object.keys(planSources),
]);
const conditionIds = new Set(conditions.map((k) => k.id));

describe("the planner's data: every number with its source", () => {
  it("every source key resolves in the atlas, differential or planner table", () => {
    const keys = [
      ...Object.values(burden).flatMap((b) => b.sources),
      ...burdenExponent.sources,
      ...Object.values(agreementByKind).flatMap((a) => a.sources),
      ...agreementById.flatMap((a) => a.agreement.sources),
      ...orders.flatMap((o) => [...o.sources, ...o.burden.sources]),
      ...scenarios.flatMap((s) => s.sources),
    ];
    for (const k of keys) expect(known.has(k), k).toBe(true);
  });

  it("agreement is a kappa between 0 and 1, and every unreliable item is below its kind", () => {
    for (const a of Object.values(agreementByKind)) expect(a.kappa).toBeGreaterThan(0);
    for (const { kind, agreement } of agreementById) {
      expect(agreement.kappa).toBeGreaterThan(0);
      if (kind !== "imaging" && kind !== "lab")
        expect(agreement.kappa).toBeLessThan(agreementByKind[kind].kappa);
    }
  });

  it("orders name catalogue conditions and work-up items, with sensitivities and rates between 0 and 1", () => {
    for (const o of orders) {
      for (const [id, sens] of Object.entries(o.finds)) {
        expect(conditionIds.has(id), `${o.name}: ${id}`).toBe(true);
        expect(sens).toBeGreaterThan(0);
        expect(sens).toBeLessThanOrEqual(1);
      }
      expect(o.falsePositive).toBeGreaterThan(0);
      expect(o.falsePositive).toBeLessThan(1);
      for (const w of [o.workup, ...(o.alsoWorkup ?? [])]) if (w) expect(workupById.has(w), w).toBe(true);
      expect(o.workup !== undefined || o.doneWhen !== undefined, o.name).toBe(true);
    }
  });
});
