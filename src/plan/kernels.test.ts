/**
 * The limb tests' loop reads each candidate's chance of sparing a test from a table made once per
 * case (sparedByTest): it must give what the formula over the candidate's rows gives, and passing
 * over the tests no candidate reaches must pass over only tests that tell nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { parseCaseText } from "../case/index.js";
import { localizeWithCandidates } from "../localize/index.js";
import { DEV_CASES } from "../paths.js";
import { binaryGain, entropyBits } from "./gain.js";
import { grow, limbGain, sparedByTest } from "./kernels.js";
import { ratesFor, tableFor } from "./table.js";
import { weigh } from "./weigh.js";

describe("the limb tests' loop", () => {
  const atlas = getAtlas();
  const table = tableFor(atlas);
  const files = readdirSync(DEV_CASES)
    .filter((f) => f.endsWith(".json"))
    .slice(0, 6);

  it("gives each test the gain worked out from the candidates' rows directly", () => {
    for (const f of files) {
      const parsed = parseCaseText(readFileSync(join(DEV_CASES, f), "utf8"));
      if (!parsed.ok) throw new Error(`${f} is not valid`);
      const w = weigh(atlas, table, localizeWithCandidates(parsed.case).candidates, 40);
      const rates = ratesFor(atlas, table, parsed.case);
      const h0 = entropyBits(w.decisions.map((d) => d.p));
      const nd = w.decisions.length;
      grow(w.pi.length);
      sparedByTest(w, rates, table.tests.length);
      for (let t = 0; t < table.tests.length; t++) {
        const fp = rates.fp[t] as number;
        const timing = rates.timing[t] as number;
        const acc = table.accuracy[t] as number;
        const pa = w.rows.map(
          (rows) => 1 - (1 - fp) * rows.reduce((s, r) => s * (1 - timing * (r[t] as number)), 1),
        );
        const m = pa.reduce((s, x, i) => s + (w.pi[i] as number) * x, 0);
        const abn = new Float64Array(nd);
        const nor = new Float64Array(nd);
        pa.forEach((x0, i) => {
          const x = acc * x0 + (1 - acc) * m;
          const g = w.decision[i] as number;
          abn[g] = (abn[g] as number) + (w.pi[i] as number) * x;
          nor[g] = (nor[g] as number) + (w.pi[i] as number) * (1 - x);
        });
        const flat = Math.max(...pa) - Math.min(...pa) < 1e-6;
        const want = flat ? 0 : binaryGain(abn, nor, nd, h0, w.lead).bits;
        expect(limbGain(w, t, rates, acc, h0, undefined).bits, `${f} ${table.keys[t]}`).toBe(want);
        const reached = w.rows.some((rows) => rows.some((r) => (r[t] as number) > 0));
        if (!reached) expect(want, `${f} ${table.keys[t]} reached by no candidate`).toBe(0);
      }
    }
  });
});
