/**
 * The localization's support for every condition, read through per-lesion fit tables kept per
 * lesion shape (speed), gives what a condition-by-condition sum over the answers gives; the odds
 * read through the catalogue's evidence tables are conditionOdds, to the last bit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import type { Lesion } from "../case/schema.js";
import { localize } from "../localize/index.js";
import { DEV_CASES } from "../paths.js";
import { extractClues } from "./clues.js";
import { conditions } from "./data/conditions.js";
import {
  BACKGROUND_POLYNEUROPATHY,
  catalogueOdds,
  conditionOdds,
  conditionReasons,
  ELSEWHERE,
  lesionFit,
} from "./score.js";
import { type LocatedFit, lesionFits, localizationFits, localizationSupport, viewOf } from "./support.js";
import { L, mkLoc } from "./test-helpers.js";
import type { Condition } from "./types.js";

/** The sum written out condition by condition, as the differential first computed it. */
function slowFit(view: ReturnType<typeof viewOf>, condition: Condition): number {
  let fit = 0;
  for (const [i, h] of view.answers.entries()) {
    const lesions = h.lesions;
    const focal = lesions.some((l) => l.level !== "polyneuropathy");
    let best = 0;
    let k = -1;
    for (const [m, l] of lesions.entries()) {
      const f =
        lesionFit(l, condition) * (focal && l.level === "polyneuropathy" ? BACKGROUND_POLYNEUROPATHY : 1);
      if (f > best) [best, k] = [f, m];
    }
    fit += (view.evidence[i]?.[k] ?? view.posterior[i] ?? 0) * Math.max(best, ELSEWHERE);
  }
  return Math.max(fit + view.unlisted * ELSEWHERE, ELSEWHERE * 0.1);
}

function parseOrThrow(file: string) {
  const parsed = parseCaseText(readFileSync(join(DEV_CASES, file), "utf8"));
  if (!parsed.ok) throw new Error(`${file} is not valid`);
  return parsed.case;
}

describe("localization fit tables", () => {
  it("keeps one table per lesion shape, whatever the order of its sites", () => {
    const a = lesionFits(L("root", ["L5", "S1"], "left"), conditions);
    const b = lesionFits(L("root", ["S1", "L5"], "left"), conditions);
    expect(b).toBe(a);
    expect(lesionFits(L("root", ["L5", "S1"], "right"), conditions)).not.toBe(a);
    const lesion = L("nerve", ["common_peroneal@fibular_head"], "right");
    expect([...lesionFits(lesion, conditions)]).toEqual(conditions.map((c) => lesionFit(lesion, c)));
  });

  it("keeps a frozen set of lesions by identity, and reads one that can change afresh", () => {
    const frozenSet = Object.freeze([
      Object.freeze({ ...L("nerve", ["sural"], "right"), sites: Object.freeze(["sural"]) }),
    ]);
    const once = viewOf(mkLoc([frozenSet as Lesion[], 0.9]), conditions).sets[0];
    expect(viewOf(mkLoc([frozenSet as Lesion[], 0.9]), conditions).sets[0]).toBe(once);

    const lesion = L("nerve", ["sural"], "right");
    const loc = mkLoc([[lesion], 0.9]);
    const sural = localizationFits(loc, conditions).map((x) => x.fit);
    lesion.sites = ["common_peroneal@fibular_head"];
    const peroneal = mkLoc([[L("nerve", ["common_peroneal@fibular_head"], "right")], 0.9]);
    const changed = localizationFits(loc, conditions).map((x) => x.fit);
    expect(changed).toEqual(localizationFits(peroneal, conditions).map((x) => x.fit));
    expect(changed).not.toEqual(sural);
  });

  it("lists, for each shape, exactly the conditions it fits above the floor", () => {
    const loc = localize(parseOrThrow("L5-stenosis-painless-footdrop-63m.json"));
    const view = viewOf(loc, conditions);
    for (const [i, answer] of view.answers.entries())
      for (const [m, lesion] of answer.lesions.entries())
        expect([...(view.sets[i]?.shapes[m]?.above ?? [])]).toEqual(
          conditions.flatMap((c, j) => (lesionFit(lesion, c) > ELSEWHERE ? [j] : [])),
        );
  });

  it("gives every condition the fit summed answer by answer, on the development cases", () => {
    const files = readdirSync(DEV_CASES)
      .filter((f) => f.endsWith(".json"))
      .slice(0, 12);
    for (const f of files) {
      const parsed = parseCaseText(readFileSync(join(DEV_CASES, f), "utf8"));
      if (!parsed.ok) throw new Error(`${f} is not valid`);
      const view = viewOf(localize(parsed.case), conditions);
      const located = localizationFits(view, conditions);
      expect(located.map((x) => x.fit)).toEqual(conditions.map((c) => slowFit(view, c)));
      const clues = extractClues(parsed.case, localize(parsed.case));
      for (const [j, c] of conditions.entries()) {
        const fit = located[j] as LocatedFit;
        // the odds and their reasons are worked out apart (reasons only for the conditions listed)
        const factors = conditionReasons(c, fit, clues).filter((r) => r.kind === "clue");
        const odds = factors.reduce((o, r) => o * r.factor, c.prior * fit.fit);
        expect(conditionOdds(c, fit, clues)).toBe(odds);
      }
      expect([...catalogueOdds(conditions, localizationSupport(view, conditions).fit, clues)]).toEqual(
        conditions.map((c, j) => conditionOdds(c, located[j] as LocatedFit, clues)),
      );
    }
  });
});
