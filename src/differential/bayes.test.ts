/**
 * The diagnosis reads the whole localization distribution (never the answers listed), and counts
 * the localization prior once: odds(condition) = prior x sum over h of P(h | findings) / P(h) x fit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import type { Finding } from "../case/schema.js";
import { localize } from "../localize/index.js";
import type { Localization } from "../localize/types.js";
import { DEV_CASES } from "../paths.js";
import { conditions } from "./data/conditions.js";
import { differential } from "./differential.js";
import { likelihoodWeight, viewOf } from "./support.js";
import { L, mkCase } from "./test-helpers.js";

const sural = L("nerve", ["sural"], "right");
const poly = L("polyneuropathy", [], "bilateral");
const c = mkCase({
  age: 67,
  onset: "chronic",
  findings: [{ kind: "ncs", side: "right", study: "sural_sensory", result: "absent" } as Finding],
});
/** A sural lesion at 84%, a polyneuropathy at 7% whose prior is 33 times the sural nerve's. */
function loc(withPriors: boolean): Localization {
  const answers = [
    { lesions: [sural], probability: 0.84, logPrior: 0 },
    { lesions: [poly], probability: 0.07, logPrior: 3.5 },
    { lesions: [sural, poly], probability: 0.06, logPrior: -2.9 },
  ].map((a) => (withPriors ? a : { lesions: a.lesions, probability: a.probability }));
  return {
    atlasVersion: "test",
    hypotheses: answers.slice(0, 1).map((a) => ({
      ...a,
      explains: [],
      against: [],
      unexplained: [],
      detail: [],
      score: 0,
    })),
    distribution: answers.map((a) => ({ logPrior: 0, ...a })),
    other: 0.03,
    searched: 3,
  };
}

describe("Bayes-correct combination", () => {
  it("with the localization prior counted once, a sural lesion at 84% is a sural neuropathy", () => {
    expect(differential(c, loc(true)).conditions[0]?.id).toBe("sural_neuropathy");
  });
  it("a polyneuropathy's higher localization prior no longer counts twice", () => {
    const once = differential(c, loc(true)).conditions.find(
      (x) => x.id === "length_dependent_polyneuropathy",
    );
    const flat = loc(true);
    for (const a of flat.distribution ?? []) a.logPrior = 0;
    const twice = differential(c, flat).conditions.find((x) => x.id === "length_dependent_polyneuropathy");
    expect(once?.probability).toBeLessThan((twice?.probability ?? 0) / 5);
  });
});

describe("the whole distribution, never the list", () => {
  const text = readFileSync(join(DEV_CASES, "sural-nerve-entrapment-67m.json"), "utf8");
  const parsed = parseCaseText(text, "sural");
  it("localize's limit does not change the diagnosis", () => {
    if (!parsed.ok) throw new Error("the development case does not parse");
    const one = differential(parsed.case, localize(parsed.case, { limit: 1 }));
    const many = differential(parsed.case, localize(parsed.case, { limit: 20 }));
    expect(one.conditions.map((x) => [x.id, x.probability])).toEqual(
      many.conditions.map((x) => [x.id, x.probability]),
    );
  });
  it("a localization without the distribution falls back to its listed hypotheses", () => {
    const l = loc(true);
    delete l.distribution;
    expect(differential(c, l).conditions[0]?.id).toBe("sural_neuropathy");
  });
});

describe("the prior of the lesion a condition explains", () => {
  const peroneal = L("nerve", ["common_peroneal@fibular_head"], "left");
  const pair = { lesions: [sural, peroneal], probability: 0.5, logPrior: -5 };
  it("is the lesion's own when it stands alone in the distribution", () => {
    expect(likelihoodWeight(pair, 0.5, -1)).toBeCloseTo(0.5 / Math.exp(-1), 10);
    const l: Localization = {
      atlasVersion: "test",
      hypotheses: [],
      distribution: [pair, { lesions: [L("nerve", ["sural"], "right")], probability: 0.4, logPrior: -1 }],
      other: 0.1,
      searched: 2,
    };
    const view = viewOf(l, conditions);
    // the pair's sural lesion takes the single sural answer's prior; its peroneal lesion, the bound
    const [suralPart, peronealPart] = view.evidence[0] ?? [];
    expect(suralPart).toBeCloseTo(0.5 / Math.exp(-1), 10);
    expect(peronealPart).toBeCloseTo(0.5 / Math.exp(-5 - Math.log(0.05)), 10);
  });
  it("otherwise is bounded from the pair's by the cost of an unrelated second lesion", () => {
    expect(likelihoodWeight(pair, 0.5)).toBeCloseTo(0.5 / Math.exp(-5 - Math.log(0.05)), 10);
  });
  it("of a single-lesion answer is its own prior", () => {
    expect(likelihoodWeight({ lesions: [sural], probability: 0.5, logPrior: -2 }, 0.5)).toBeCloseTo(
      0.5 / Math.exp(-2),
      10,
    );
  });
});
