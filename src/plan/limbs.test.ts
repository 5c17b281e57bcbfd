/**
 * The limb kernel reads each test over the candidates that reach it (limbs.ts). Its exact gain must
 * be, to the last bit, what the whole joint over every candidate gives (gain.ts binaryGain and
 * stakeGain), and its bits over the reached candidates alone the same but for rounding; its look
 * without logarithms must bound those bits from above and give the same
 * chance of changing the leading decision unless it says it is unsure; and passing over the tests
 * no candidate reaches must pass over only tests that tell nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { parseCaseText } from "../case/index.js";
import { differential } from "../differential/index.js";
import { localizeWithCandidates } from "../localize/index.js";
import { DEV_CASES } from "../paths.js";
import { conditionView } from "./conditions.js";
import { binaryGain, entropyBits, stakeGain } from "./gain.js";
import { limbBits, limbGain, limbScreen, prepareLimbs, type Screen } from "./limbs.js";
import { stakeOf } from "./stake.js";
import { type Rates, ratesFor, tableFor } from "./table.js";
import { type Weighed, weigh } from "./weigh.js";

/** The gain from the whole joint over every candidate, as the planner read it before limbs.ts. */
function wholeJoint(w: Weighed, t: number, rates: Rates, acc: number, stake: Uint8Array | undefined) {
  const nd = w.decisions.length;
  const fp = rates.fp[t] as number;
  const timing = rates.timing[t] as number;
  const pa = w.rows.map(
    (rows) => 1 - (1 - fp) * rows.reduce((s, r) => s * (1 - timing * (r[t] as number)), 1),
  );
  if (Math.max(...pa) - Math.min(...pa) < 1e-6) return { bits: 0, change: 0 };
  const m = pa.reduce((s, x, i) => s + (w.pi[i] as number) * x, 0);
  const abn = new Float64Array(nd);
  const nor = new Float64Array(nd);
  pa.forEach((x0, i) => {
    const x = acc * x0 + (1 - acc) * m;
    const g = w.decision[i] as number;
    abn[g] = (abn[g] as number) + (w.pi[i] as number) * x;
    nor[g] = (nor[g] as number) + (w.pi[i] as number) * (1 - x);
  });
  const h0 = entropyBits(w.decisions.map((d) => d.p));
  const g = binaryGain(abn, nor, nd, h0, w.lead);
  if (stake) g.bits += stakeGain([abn, nor], nd, stake);
  return g;
}

describe("the limb tests' kernel", () => {
  const atlas = getAtlas();
  const table = tableFor(atlas);
  const files = readdirSync(DEV_CASES).filter((f) => f.endsWith(".json"));

  it("gives each test of every development case the gain and change of the whole joint, and bounds it", () => {
    let staked = 0;
    let screened = 0;
    let unsure = 0;
    const screen: Screen = { bound: 0, change: 0, unsure: false };
    for (const f of files) {
      const parsed = parseCaseText(readFileSync(join(DEV_CASES, f), "utf8"));
      if (!parsed.ok) throw new Error(`${f} is not valid`);
      const run = localizeWithCandidates(parsed.case);
      const w = weigh(atlas, table, run.candidates, 40);
      const stake = stakeOf(w, conditionView(differential(parsed.case, run.localization), w.levels));
      if (stake) staked++;
      const rates = ratesFor(atlas, table, parsed.case);
      const h0 = entropyBits(w.decisions.map((d) => d.p));
      const reaching = prepareLimbs(w, rates, stake);
      for (let t = 0; t < table.tests.length; t++) {
        const acc = table.accuracy[t] as number;
        const want = wholeJoint(w, t, rates, acc, stake);
        const at = `${f} ${table.keys[t]}`;
        const looked = limbScreen(w, t, rates, acc, stake, screen);
        const got = limbGain(w, t, rates, acc, h0, stake);
        expect(got.bits, at).toBe(want.bits);
        expect(got.change, at).toBe(want.change);
        if (!looked) {
          expect(want, `${at} tells nothing`).toEqual({ bits: 0, change: 0 });
          continue;
        }
        screened++;
        expect(Math.abs(limbBits(w, t, rates, acc, stake) - want.bits), at).toBeLessThan(1e-13);
        expect(screen.bound, at).toBeGreaterThanOrEqual(want.bits);
        if (screen.unsure) unsure++;
        else expect(Math.abs(screen.change - want.change), at).toBeLessThan(1e-12);
        if (!reaching[t]) expect(want.bits, `${at} reached by no candidate`).toBe(0);
      }
    }
    // The must-not-miss question is read in some development cases, and the look is mostly sure.
    expect(staked).toBeGreaterThan(0);
    expect(unsure).toBeLessThan(screened / 10);
  });
});
