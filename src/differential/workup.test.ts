import { describe, expect, it } from "vitest";
import { orderDone } from "../plan/conditions.js";
import { orders } from "../plan/data/orders.js";
import { differential } from "./differential.js";
import { L, mkCase, mkLoc } from "./test-helpers.js";

/**
 * The screening laboratory tests of a distal symmetric polyneuropathy (England 2009, AAN/AANEM/
 * AAPM&R practice parameter): blood glucose, B12 with its metabolites, and serum protein
 * immunofixation electrophoresis have the highest yield. The differential asks for them, and the
 * planner's orders for B12 and immunofixation are the same work-up items, so the next test and the
 * work-up name one test once.
 */
type Findings = NonNullable<Parameters<typeof mkCase>[0]["findings"]>;
const distal: Findings = [
  { kind: "reflex", side: "bilateral", reflex: "ankle", grade: "absent" },
  { kind: "sensory", side: "bilateral", region: "sole", change: "reduced" },
  { kind: "ncs", side: "bilateral", nerve: "sural_sensory", result: "reduced" },
] as Findings;
const neuropathy = (more: Findings = []) =>
  differential(
    mkCase({
      age: 62,
      onset: "chronic",
      durationDays: 400,
      symptoms: ["numbness"],
      findings: [...distal, ...more],
    }),
    mkLoc([[L("polyneuropathy", [], "bilateral")], 0.85]),
  );

describe("work-up of a distal symmetric polyneuropathy", () => {
  it("asks for glucose, B12 with methylmalonic acid, and immunofixation", () => {
    const ids = neuropathy().workup.map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining(["glucose_hba1c", "b12_mma", "spep_immunofixation"]));
  });

  it("counts a B12 already measured as done", () => {
    const d = neuropathy([{ kind: "lab", side: "bilateral", test: "vitamin_b12", result: "normal" }]);
    expect(d.workup.find((w) => w.id === "b12_mma")?.done).toBe(true);
    expect(d.workup.find((w) => w.id === "spep_immunofixation")?.done).toBe(false);
  });

  it("the planner's B12 and immunofixation orders are these work-up items", () => {
    const byLab = (id: string) => orders.find((o) => o.test.kind === "lab" && o.test.id === id);
    expect(byLab("vitamin_b12")?.workup).toBe("b12_mma");
    expect(byLab("spep")?.workup).toBe("spep_immunofixation");
    const c = mkCase({ findings: [{ kind: "lab", side: "bilateral", test: "spep", result: "normal" }] });
    expect(orderDone(c, byLab("spep") as (typeof orders)[number])).toBe(true);
  });
});
