/**
 * The hypothesis search: every diffuse process, every single focal lesion (alone and with a
 * polyneuropathy), every pair in which each lesion explains a finding the other does not and whose
 * bound (below) can still reach the best; triples and polyneuropathy-plus-pairs by a beam from the
 * best pairs. A first pass reads each candidate at the middle lesion severity; the best are then
 * rescored over all severities.
 */

import type { View } from "./context.js";
import { extraLesion } from "./data/priors.js";
import { DIFFUSE_KINDS, type DiffuseKind, LESION_ROOTS as ROOTS, type Unit } from "./model.js";
import {
  addedLogPrior,
  compartmentsOf,
  logCompartment,
  logMirrored,
  logPrior,
  type Prepared,
  rescore,
  scoreFirst,
  unitEffect,
} from "./score.js";
import { bestFirst, hasNaN, identity, sortDescending } from "./sort.js";

export interface Scored {
  units: number[];
  diffuse: DiffuseKind;
  score: number;
}

export interface SearchOptions {
  maxLesions: number;
  /** How many of the best pairs seed the triples. */
  beam: number;
  /** How many first-pass candidates are rescored over all severities. */
  rescore: number;
}

/**
 * Two lesions that cannot stand together: the same site on one side, or adjacent roots on one
 * side as separate lesions (the combined unit, with its own prior, stands for them).
 */
function clash(p: Prepared, a: number, b: number): boolean {
  const ua = p.units[a];
  const ub = p.units[b];
  if (!ua || !ub) return true;
  if (ua.side !== ub.side) return false;
  for (const x of ua.parts.length ? ua.parts : [ua.site]) {
    for (const y of ub.parts.length ? ub.parts : [ub.site]) {
      if (x === y) return true;
      if (ua.level === "root" && ub.level === "root" && Math.abs(ROOTS.indexOf(x) - ROOTS.indexOf(y)) === 1)
        return true;
    }
  }
  return false;
}

/**
 * The abnormal findings (and context items) each relevant lesion accounts for on its own, as bit
 * sets of `words` 32-bit words per lesion (findings first, then context items), in one array.
 */
interface Explained {
  bits: Int32Array;
  words: number;
}

function setBit(bits: Int32Array, at: number, i: number): void {
  const w = at + (i >> 5);
  bits[w] = (bits[w] as number) | (1 << (i & 31));
}

/** A sorted copy of a few distinct numbers (insertion; Array.prototype.sort allocates a work area per call). */
function ascending(units: readonly number[]): number[] {
  const out = units.slice();
  for (let i = 1; i < out.length; i++) {
    const x = out[i] as number;
    let j = i - 1;
    while (j >= 0 && (out[j] as number) > x) {
      out[j + 1] = out[j] as number;
      j--;
    }
    out[j + 1] = x;
  }
  return out;
}

function explainedSets(p: Prepared): Explained {
  const n = p.observations.length;
  const words = Math.max(1, Math.ceil((n + p.context.length) / 32));
  const rel = p.relevant;
  const bits = new Int32Array(rel.length * words);
  // One view for every lesion (the context items keep nothing of it).
  const view: View = { units: [p.units[0] as Unit], diffuse: "none" };
  for (let r = 0; r < rel.length; r++) {
    const u = rel[r] as number;
    const at = r * words;
    const { pool, off, size } = unitEffect(p, u);
    for (let t = off; t < off + size; t++) {
      const i = pool.touched[t] as number;
      const o = p.observations[i] as (typeof p.observations)[number];
      if (o.abnormal && !o.equivocal && (pool.d[t] as number) > 0.1) setBit(bits, at, i);
    }
    if (p.context.length === 0) continue;
    // A context item this lesion makes twice as likely as no lesion does.
    view.units[0] = p.units[u] as Unit;
    for (let k = 0; k < p.context.length; k++) {
      if ((p.context[k] as (typeof p.context)[number]).p(view) > 2 * (p.contextNone[k] as number))
        setBit(bits, at, n + k);
    }
  }
  return { bits, words };
}

/** Whether the lesion at relevant position b explains something the one at a does not. */
function adds(x: Explained, a: number, b: number): boolean {
  const { bits, words } = x;
  for (let w = 0; w < words; w++)
    if ((bits[b * words + w] as number) & ~(bits[a * words + w] as number)) return true;
  return false;
}

/** The scores of the candidates `which` (all when not given), by place in `which`. */
function scoresOf(out: readonly Scored[], which?: readonly number[]): Float64Array {
  const n = which ? which.length : out.length;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = (out[which ? (which[i] as number) : i] as Scored).score;
  return key;
}

/**
 * Rescores the best first-pass candidates over all severities; all candidates' indices, best
 * first. The same order as sorting them (stably) by first score, rescoring the first `rescore`
 * and sorting again: that is, by score, then by first score, then as scored. So one sort does,
 * after a pass that finds the best first scores (when no score is NaN, where sorting is kept as
 * it was).
 */
function rescoreBest(
  p: Prepared,
  out: Scored[],
  rescoreCount: number,
  /** The candidates' first readings: the limb findings at 2c and the context at 2c + 1, by candidate. */
  firsts: Float64Array,
): Int32Array {
  const n = out.length;
  const first = scoresOf(out);
  const buffer = new Int32Array(n);
  const rescoreOne = (c: number) => {
    const s = out[c] as Scored;
    s.score = rescore(p, s.units, s.diffuse, firsts[2 * c] as number, firsts[2 * c + 1] as number);
  };
  const order = identity(new Int32Array(n), n);
  if (hasNaN(first, n)) {
    sortDescending(order, first, first, buffer);
    for (let r = 0; r < Math.min(rescoreCount, n); r++) rescoreOne(order[r] as number);
    const key = scoresOf(out);
    sortDescending(order, key, key, buffer);
    return order;
  }
  for (const c of bestFirst(first, n, rescoreCount, buffer)) rescoreOne(c);
  const key = scoresOf(out);
  if (hasNaN(key, n)) {
    sortDescending(order, first, first, buffer);
    sortDescending(order, key, key, buffer);
  } else sortDescending(order, key, first, buffer);
  return order;
}

/**
 * Branch and bound: a finding reads no better under two lesions than the sum of what each lesion
 * alone adds to it (exact for normal findings; for abnormal ones 1 - (1-f)(1-a)(1-b) never exceeds
 * P(a)P(b)/f). Candidates whose bound falls this far below the best so far are not scored. The
 * bound is read at the middle severity, and the full reading (all severities) can lift a candidate
 * above it, so the margin is wide: 9 nats (a candidate at the bound would hold under 1/8000 of the
 * best's weight) kept every development answer within 0.7 points of what 12 gave, with a quarter
 * fewer candidates scored (128 to 86 per case); 8 moved one by 4.4 points.
 */
const MARGIN = 9;
const LOG_UNRELATED = Math.log(extraLesion.unrelated);

export function search(p: Prepared, options: SearchOptions): Scored[] {
  // Candidates in the order scored, with their first readings.
  const out: Scored[] = [];
  // What rescore reuses of each candidate's first reading (see rescoreBest), grown as they come.
  let readings = new Float64Array(256);
  const seen = new Set<number>();
  const digit = p.units.length + 1;
  let best = Number.NEGATIVE_INFINITY;
  /** Scores a candidate; its index in `out`. */
  const score = (units: number[], diffuse: DiffuseKind): number => {
    const first = scoreFirst(p, units, diffuse);
    out.push({ units, diffuse, score: first.score });
    const c = out.length - 1;
    if (readings.length < 2 * out.length) {
      const grown = new Float64Array(4 * out.length);
      grown.set(readings);
      readings = grown;
    }
    readings[2 * c] = first.findings;
    readings[2 * c + 1] = first.context;
    best = Math.max(best, first.score);
    return out.length - 1;
  };
  /** For candidates that several routes can reach: score each only once. */
  const once = (units: readonly number[], diffuse: DiffuseKind) => {
    const sorted = ascending(units);
    // The sorted units as digits (1 to the number of units), then the diffuse kind: one exact
    // number per candidate of up to three lesions.
    let key = 0;
    for (const u of sorted) key = key * digit + u + 1;
    key = key * DIFFUSE_KINDS.length + DIFFUSE_KINDS.indexOf(diffuse);
    if (seen.has(key)) return;
    seen.add(key);
    score(sorted, diffuse);
  };
  const noneLl = (out[score([], "none")] as Scored).score - logPrior(p, [], "none");
  // Gains keep each lesion's own silence: the first pass reads a candidate's silence as the sum of
  // its lesions' (silenceFirst), so the bounds below hold it exactly.
  let pnpGain = 0;
  for (const k of DIFFUSE_KINDS) {
    if (k === "none") continue;
    const s = out[score([], k)] as Scored;
    if (k === "polyneuropathy") pnpGain = s.score - logPrior(p, [], k) - noneLl;
  }
  const rel = p.relevant;
  const nr = rel.length;
  /** What each lesion alone adds to the log-likelihood of the findings, by relevant position. */
  const gains: number[] = [];
  for (let r = 0; r < nr; r++) {
    const u = rel[r] as number;
    const own = [u];
    gains.push((out[score(own, "none")] as Scored).score - logPrior(p, own, "none") - noneLl);
  }
  // A lesion under a polyneuropathy, bounded the same way as a pair.
  for (let r = 0; r < nr; r++) {
    const u = rel[r] as number;
    if (noneLl + pnpGain + (gains[r] as number) + logPrior(p, [u], "polyneuropathy") < best - MARGIN)
      continue;
    score([u], "polyneuropathy");
  }
  const explained = explainedSets(p);
  // Whether two lesions can stand together, worked out once per pair.
  // 0 not yet known, 1 yes, 2 no.
  const together = new Uint8Array(nr * nr);
  const compatible = (i: number, j: number) => {
    const at = i < j ? i * nr + j : j * nr + i;
    let known = together[at] as number;
    if (known === 0) {
      known =
        adds(explained, i, j) && adds(explained, j, i) && !clash(p, rel[i] as number, rel[j] as number)
          ? 1
          : 2;
      together[at] = known;
    }
    return known === 1;
  };
  // The pairs scored (candidate indices), and the relevant positions of their lesions.
  const pairs: number[] = [];
  const pairAt: number[] = [];
  if (options.maxLesions >= 2) {
    // The bound of a pair from its parts, without building the pair: each lesion's own prior, and
    // the second lesion's cost (its mirror on the other side is priced apart).
    const own = rel.map((u) => logPrior(p, [u], "none"));
    const lesions = rel.map((u) => p.units[u] as Unit);
    // Sites as numbers, so that finding a mirror compares numbers, not strings.
    const siteIds = new Map<string, number>();
    const site = lesions.map((u) => {
      let id = siteIds.get(u.site);
      if (id === undefined) {
        id = siteIds.size;
        siteIds.set(u.site, id);
      }
      return id;
    });
    // Compartments as bits per lesion, so that most pairs (sharing none) cost one AND.
    const bits = lesions.map((u) => compartmentsOf(u.site));
    const shared = (i: number, j: number, ui: Unit, uj: Unit) => {
      const both = (bits[i] as number) & (bits[j] as number);
      return both === 0 || ui.side !== uj.side ? Number.NEGATIVE_INFINITY : logCompartment(both);
    };
    for (let i = 0; i < nr; i++) {
      const ui = lesions[i] as Unit;
      for (let j = i + 1; j < nr; j++) {
        const uj = lesions[j] as Unit;
        const mirror = site[i] === site[j] && ui.side !== uj.side;
        const prior =
          (own[i] as number) +
          (mirror ? logMirrored(uj) : Math.max((own[j] as number) + LOG_UNRELATED, shared(i, j, ui, uj)));
        if (noneLl + (gains[i] as number) + (gains[j] as number) + prior < best - MARGIN) continue;
        if (!compatible(i, j)) continue;
        const a = rel[i] as number;
        const b = rel[j] as number;
        pairs.push(score(a < b ? [a, b] : [b, a], "none"));
        pairAt.push(i, j);
      }
    }
  }
  // The best pairs, in order (only the beam's worth are read).
  const pairOrder = bestFirst(
    scoresOf(out, pairs),
    pairs.length,
    options.beam * 2,
    new Int32Array(pairs.length),
  );
  if (options.maxLesions >= 3) {
    for (let q = 0; q < Math.min(options.beam, pairOrder.length); q++) {
      const at = pairOrder[q] as number;
      const pair = out[pairs[at] as number] as Scored;
      const a = pairAt[2 * at] as number;
      const b = pairAt[2 * at + 1] as number;
      const pairPrior = logPrior(p, pair.units, "none");
      const pairGain = pair.score - pairPrior - noneLl;
      // The triple's units in the order logPrior reads them: the pair's, then the third.
      const triple = [pair.units[0] as number, pair.units[1] as number, 0];
      for (let c = 0; c < nr; c++) {
        if (c === a || c === b || !compatible(a, c) || !compatible(b, c)) continue;
        triple[2] = rel[c] as number;
        // logPrior(p, triple, "none"), term by term as it sums them.
        const prior = pairPrior + addedLogPrior(p, triple, 2);
        if (noneLl + pairGain + (gains[c] as number) + prior < best - MARGIN) continue;
        once(triple, "none");
      }
    }
    // Polyneuropathy under two focal lesions (a root lesion on top of a neuropathy, and one more),
    // bounded as a lesion under a polyneuropathy is.
    for (let q = 0; q < Math.min(options.beam * 2, pairOrder.length); q++) {
      const pair = out[pairs[pairOrder[q] as number] as number] as Scored;
      const pairGain = pair.score - logPrior(p, pair.units, "none") - noneLl;
      if (noneLl + pnpGain + pairGain + logPrior(p, pair.units, "polyneuropathy") < best - MARGIN) continue;
      once(pair.units, "polyneuropathy");
    }
  }
  const order = rescoreBest(p, out, options.rescore, readings);
  return out.map((_, r) => out[order[r] as number] as Scored);
}
