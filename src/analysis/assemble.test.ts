import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import type { LocusCase } from "../case/schema.js";
import type { Candidates } from "../localize/index.js";
import type { Hypothesis } from "../localize/types.js";
import { DEV_CASES } from "../paths.js";
import type { PlanOptions } from "../plan/plan.js";
import { ENGINE_STAGES } from "../report/analyze.js";
import { fakeDifferential, fakeLocalize, fakePlan } from "../server/test-helpers/app.js";
import { assemble, type Stages } from "./assemble.js";

const devCase = (file: string): LocusCase => {
  const r = parseCaseText(readFileSync(`${DEV_CASES}/${file}`, "utf8"));
  if (!r.ok) throw new Error(`${file} is not a valid case`);
  return r.case;
};

/** Stand-in stages that count their calls and keep what the planner was given. */
function counting() {
  const calls = { localize: 0, differential: 0, plan: 0 };
  const candidates = { prepared: {}, scored: [] } as unknown as Candidates;
  let planOptions: PlanOptions | undefined;
  const stages: Stages = {
    localize: (c) => {
      calls.localize++;
      return { localization: fakeLocalize(c), candidates };
    },
    differential: () => {
      calls.differential++;
      return fakeDifferential();
    },
    plan: (_c, options) => {
      calls.plan++;
      planOptions = options;
      return fakePlan();
    },
  };
  return { calls, candidates, stages, planOptions: () => planOptions };
}

const c: LocusCase = {
  format: "locus-case/1",
  id: "a1",
  findings: [{ kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 3 }],
};

describe("the one assembler", () => {
  it("localizes once and hands the planner localization's own candidates", () => {
    const k = counting();
    const a = assemble(c, { suggestions: 3 }, k.stages);
    expect(k.calls).toEqual({ localize: 1, differential: 1, plan: 1 });
    expect(k.planOptions()).toMatchObject({ limit: 3, from: k.candidates });
    expect(k.planOptions()).toHaveProperty("differential");
    expect(a.plan.suggestions[0]?.gain).toBe(0.4);
    expect(a.hypotheses[0]?.probability).toBe(0.7);
  });

  it("leaves the plan out, and does not call the planner, when given no plan stage (the page)", () => {
    const k = counting();
    const { localize, differential } = k.stages;
    const a = assemble(c, {}, { localize, differential });
    expect(k.calls.plan).toBe(0);
    expect("plan" in a).toBe(false);
    expect(a.differential.conditions[0]?.id).toBe("lumbar_disc_radiculopathy");
  });

  it("gives the differential's list length when asked", () => {
    let limit: number | undefined;
    const k = counting();
    assemble(
      c,
      { conditions: 2 },
      {
        ...k.stages,
        differential: (_c, _l, o) => {
          limit = o?.limit;
          return fakeDifferential();
        },
      },
    );
    expect(limit).toBe(2);
  });

  it("with the engine, the hypotheses are localize's own (one set of probabilities)", () => {
    const x = devCase("seed-000-l3-radiculopathy.json");
    const loc = ENGINE_STAGES.localize(x, { limit: 5 }).localization;
    const a = assemble(x, {}, ENGINE_STAGES);
    expect(a.hypotheses.map((h) => h.probability)).toEqual(loc.hypotheses.map((h) => h.probability));
    expect(a.atlasVersion).toBe(loc.atlasVersion);
  });

  it("gives each condition's work-up as ids of the catalogue, the items written out once in differential.workup", () => {
    const x = devCase("seed-004-neoplastic-plexopathy.json");
    const { localize, differential } = ENGINE_STAGES;
    const full = differential(x, localize(x, { limit: 5 }).localization);
    const a = assemble(x, {}, { localize, differential });
    expect(a.differential.conditions.map((d) => d.workup)).toEqual(
      full.conditions.map((d) => d.workup.map((w) => w.id)),
    );
    expect(a.differential.conditions.some((d) => d.workup.length > 0)).toBe(true);
    expect(a.differential.workup).toEqual(full.workup);
    expect(JSON.stringify(a).length).toBeLessThan(JSON.stringify({ ...a, differential: full }).length);
  });

  it("orders each hypothesis's reasons, the decisive EMG and conduction ones first, and names ids in them", () => {
    const x: LocusCase = {
      format: "locus-case/1",
      id: "order",
      findings: [
        { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 3 },
        { kind: "emg", side: "left", muscle: "tibialis_anterior", spontaneous: "fibrillations" },
      ],
    };
    const r = (finding: number, weight: number, text = `reason ${finding} ${weight}`) => ({
      finding,
      text,
      weight,
    });
    const inOrder = [r(1, 1.5), r(0, 2), r(0, -0.5)];
    const localize = () => {
      const loc = fakeLocalize(x);
      const [first, second] = loc.hypotheses as [Hypothesis, Hypothesis];
      first.explains = [r(0, 0.5), r(0, -2), r(1, 1.2, "denervated tibialis_anterior"), r(1, 0.4)];
      second.explains = inOrder;
      return { localization: loc };
    };
    const a = assemble(x, {}, { localize, differential: () => fakeDifferential() });
    expect(a.hypotheses[0]?.explains).toEqual([
      r(1, 1.2, "denervated tibialis anterior"),
      r(0, -2),
      r(0, 0.5),
      r(1, 0.4),
    ]);
    expect(a.hypotheses[1]?.explains).toEqual(inOrder);
  });
});
