/**
 * The limb tests of one case as the table's columns: each test's ranking key (bits per unit of
 * cost), the best of them to describe, and the test likeliest to change the leading answer. Every
 * test is first looked at without logarithms (limbs.ts limbScreen: a bound on its bits and its
 * chance of changing the answer); its bits over the candidates reaching it (limbBits) are worked
 * out only where they are read: the tests whose bound reaches the DESCRIBED best found so far, and
 * any other on first read (the protocol's few). Keys all but tied, and the tests that may be the
 * likeliest to change the answer, are worked out again over the whole joint (limbGain, the
 * planner's arithmetic before limbs.ts), so the order and the ties are as they were and the values
 * the same but for rounding near 1e-15 (bench/plan-ab.ts checks the plans byte for byte).
 */
import { keep } from "../keep.js";
import { limbBits, limbGain, limbScreen, prepareLimbs, type Screen } from "./limbs.js";
import type { Rates, Table } from "./table.js";
import type { TestRef } from "./tests.js";
import type { Weighed } from "./weigh.js";

/** How many limb tests are described beside the orders (the rest stay table columns). */
export const DESCRIBED = 24;

/** Two values this close may be tied once worked out exactly (their rounding is near 1e-15). */
const near = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;

/** How a test's key is worked out: over the candidates reaching it, or from the whole joint. */
interface Ways {
  fast: (t: number) => number;
  exact: (t: number) => number;
}

/**
 * Each limb test's ranking key for one case, by table column: -1 done or impossible, 0 telling
 * nothing. A key is worked out on first read over the candidates reaching the test (limbBits);
 * where two keys are all but tied, both are worked out from the whole joint (limbGain), so ties
 * fall as they always have.
 */
export class LimbValues {
  constructor(
    readonly table: Table,
    /** Keys worked out; NaN where not yet. */
    private readonly value: Float64Array,
    /** Whether each key is worked out from the whole joint (or needs no working out). */
    private readonly exact: Uint8Array,
    private readonly ways: Ways,
  ) {}

  /** The key of the test in column t, worked out on first read. */
  at(t: number): number {
    let x = this.value[t] as number;
    if (Number.isNaN(x)) {
      x = this.ways.fast(t);
      this.value[t] = x;
    }
    return x;
  }

  /** The key of the test in column t from the whole joint. */
  exactly(t: number): number {
    if (!this.exact[t]) {
      this.value[t] = this.ways.exact(t);
      this.exact[t] = 1;
    }
    return this.value[t] as number;
  }

  /** For sorting best first: the key of the test in column b less that of a (worked out exactly when all but tied). */
  compare(a: number, b: number): number {
    const x = this.at(a);
    const y = this.at(b);
    return near(x, y) ? this.exactly(b) - this.exactly(a) : y - x;
  }

  /** The columns of the k best keys worked out, best first, all but tied ones worked out exactly. */
  best(k: number): number[] {
    const best = topColumns(this.value, k);
    let settled = false;
    const settle = (a: number, b: number) => {
      if (this.exact[a] && this.exact[b]) return;
      this.exactly(a);
      this.exactly(b);
      settled = true;
    };
    for (let i = 1; i < best.length; i++) {
      const a = best[i - 1] as number;
      const b = best[i] as number;
      if (near(this.value[a] as number, this.value[b] as number)) settle(a, b);
    }
    // Those all but tied with the last one kept may take its place.
    const last = best.length === k ? (best[k - 1] as number) : -1;
    if (last >= 0)
      for (let t = 0; t < this.value.length; t++)
        if (
          t !== last &&
          (this.value[t] as number) > 0 &&
          near(this.value[t] as number, this.value[last] as number)
        )
          settle(t, last);
    return settled ? topColumns(this.value, k) : best;
  }
}

export interface LimbWeighing {
  value: LimbValues;
  /** The DESCRIBED best columns, best first, with their bits and chance of changing the answer. */
  best: number[];
  bits: Float64Array;
  change: Float64Array;
  /** The limb test likeliest to change the leading answer, and that chance. */
  likeliest: { column: number; chance: number };
  considered: number;
}

const costs = new WeakMap<Table, Map<number, Float64Array>>();

/** Each limb test's cost in the ranking key, burden^exponent, made once per table and exponent. */
const costOf = (table: Table, exponent: number): Float64Array =>
  keep(
    keep(costs, table, () => new Map<number, Float64Array>()),
    exponent,
    () => Float64Array.from(table.burden, (b) => b ** exponent),
  );

/**
 * The sides some candidate's lesions reach (a diffuse process reaches both). A lesion's table row
 * is zero on the other side's tests (checked in table.test.ts), so those tests tell nothing.
 */
function sidesReached(w: Weighed): Set<TestRef["side"]> {
  const out = new Set<TestRef["side"]>();
  for (const h of w.hyps) {
    if (h.diffuse !== "none") return new Set(["left", "right"]);
    for (const u of h.units) out.add(u.side);
  }
  return out;
}

/** The columns of the k best positive values (NaN, not worked out, left out), best first: insertion into a short list. */
function topColumns(value: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < value.length; t++) {
    const x = value[t] as number;
    if (!(x > 0) || (out.length === k && x <= (value[out[k - 1] as number] as number))) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0 && (value[out[i - 1] as number] as number) < x) {
      out[i] = out[i - 1] as number;
      i--;
    }
    out[i] = t;
  }
  return out;
}

const screen: Screen = { bound: 0, change: 0, unsure: false };

/** Insert x into the k largest values so far (best first); true once there are k. */
function insertBest(kept: number[], x: number, k: number): boolean {
  if (kept.length === k && x <= (kept[k - 1] as number)) return true;
  let i = kept.length === k ? k - 1 : kept.length;
  while (i > 0 && (kept[i - 1] as number) < x) {
    kept[i] = kept[i - 1] as number;
    i--;
  }
  kept[i] = x;
  return kept.length === k;
}

/** The limb tests, one table column each (`open`: whether each may be weighed). */
export function weighLimbs(
  w: Weighed,
  table: Table,
  rates: Rates,
  open: Uint8Array,
  exponent: number,
  h0: number,
  stake: Uint8Array | undefined,
): LimbWeighing {
  const n = table.tests.length;
  const value = new Float64Array(n);
  const bits = new Float64Array(n);
  const change = new Float64Array(n);
  const unsure = new Uint8Array(n);
  const exact = new Uint8Array(n).fill(1);
  const cost = costOf(table, exponent);
  const accuracy = table.accuracy;
  const values = new LimbValues(table, value, exact, {
    fast: (t) => {
      bits[t] = limbBits(w, t, rates, accuracy[t] as number, stake);
      return (bits[t] as number) / (cost[t] as number);
    },
    exact: (t) => {
      const g = limbGain(w, t, rates, accuracy[t] as number, h0, stake);
      bits[t] = g.bits;
      change[t] = g.change;
      return g.bits / (cost[t] as number);
    },
  });
  // The DESCRIBED best keys worked out so far, best first: the DESCRIBEDth best key at the end is
  // at least the least of them (less its rounding), and a test whose bound is below that cannot be
  // among the best.
  const kept: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  let considered = 0;
  let most = 0;
  const reaching = prepareLimbs(w, rates, stake);
  const sides = sidesReached(w);
  for (let t = 0; t < n; t++) {
    if (!open[t]) {
      value[t] = -1;
      continue;
    }
    considered++;
    // No candidate reaches this test or its side: every one expects the same result there.
    if (!reaching[t] || !sides.has((table.tests[t] as TestRef).side)) continue;
    if (!limbScreen(w, t, rates, accuracy[t] as number, stake, screen)) continue;
    value[t] = Number.NaN;
    exact[t] = 0;
    change[t] = screen.change;
    if (screen.unsure) unsure[t] = 1;
    else most = Math.max(most, screen.change);
    if (screen.bound / (cost[t] as number) < floor) continue;
    if (insertBest(kept, values.at(t), DESCRIBED)) {
      const least = kept[DESCRIBED - 1] as number;
      floor = least - (1e-9 * Math.abs(least) + 1e-12);
    }
  }
  // Every test that may be the likeliest to change the answer worked out exactly.
  for (let t = 0; t < n; t++)
    if (unsure[t] === 1 || ((change[t] as number) > 0 && (change[t] as number) >= most - 1e-9))
      values.exactly(t);
  const best = values.best(DESCRIBED);
  const likeliest = { column: -1, chance: 0 };
  for (let t = 0; t < n; t++)
    if ((change[t] as number) > likeliest.chance) {
      likeliest.chance = change[t] as number;
      likeliest.column = t;
    }
  return { value: values, best, bits, change, likeliest, considered };
}
