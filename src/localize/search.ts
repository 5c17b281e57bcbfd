/**
 * The hypothesis search: every diffuse process, every single focal lesion (alone and with a
 * polyneuropathy), every pair in which each lesion explains a finding the other does not and whose
 * bound (below) can still reach the best; triples and polyneuropathy-plus-pairs by a beam from the
 * best pairs. A first pass reads each candidate at the middle lesion severity; the best are then
 * rescored over all severities.
 */
import { extraLesion } from "./data/priors.js";
import { DIFFUSE_KINDS, type DiffuseKind, LESION_ROOTS as ROOTS, type Unit } from "./model.js";
import { type FirstReading, logPrior, type Prepared, rescore, scoreFirst, unitEffect } from "./score.js";

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

/** Abnormal findings (and context items) a lesion accounts for on its own, as a bit set. */
function explainedBy(p: Prepared, u: number): Uint8Array {
  const { pool, off, size } = unitEffect(p, u);
  const n = p.observations.length;
  const out = new Uint8Array(n + p.context.length);
  for (let t = off; t < off + size; t++) {
    const i = pool.touched[t] as number;
    const o = p.observations[i] as (typeof p.observations)[number];
    if (o.abnormal && !o.equivocal && (pool.d[t] as number) > 0.1) out[i] = 1;
  }
  const unit = p.units[u];
  if (unit) {
    p.context.forEach((item, k) => {
      if (item.p({ units: [unit], diffuse: "none" }) > 2 * item.p({ units: [], diffuse: "none" }))
        out[n + k] = 1;
    });
  }
  return out;
}

/** The findings a lesion explains, as a membership table and as a list. */
interface Explained {
  has: Uint8Array;
  list: Int32Array;
}

function explainedOf(has: Uint8Array): Explained {
  const list: number[] = [];
  has.forEach((x, i) => {
    if (x) list.push(i);
  });
  return { has, list: Int32Array.from(list) };
}

/** Whether b explains something a does not. */
function adds(a: Explained, b: Explained): boolean {
  for (let k = 0; k < b.list.length; k++) if (!a.has[b.list[k] as number]) return true;
  return false;
}

/**
 * Branch and bound: a finding reads no better under two lesions than the sum of what each lesion
 * alone adds to it (exact for normal findings; for abnormal ones 1 - (1-f)(1-a)(1-b) never exceeds
 * P(a)P(b)/f). Candidates whose bound falls this far below the best so far are not scored.
 */
const MARGIN = 12;
const LOG_MIRRORED = Math.log(extraLesion.mirrored);
const LOG_UNRELATED = Math.log(extraLesion.unrelated);

export function search(p: Prepared, options: SearchOptions): Scored[] {
  const out: Scored[] = [];
  const seen = new Set<number>();
  const digit = p.units.length + 1;
  let best = Number.NEGATIVE_INFINITY;
  const firsts = new Map<Scored, FirstReading>();
  const score = (units: number[], diffuse: DiffuseKind): Scored => {
    const read = scoreFirst(p, units, diffuse);
    const s = { units, diffuse, score: read.score };
    firsts.set(s, read.first);
    out.push(s);
    best = Math.max(best, s.score);
    return s;
  };
  /** For candidates that several routes can reach: score each only once. */
  const once = (units: number[], diffuse: DiffuseKind) => {
    const sorted = [...units].sort((a, b) => a - b);
    // The sorted units as digits (1 to the number of units), then the diffuse kind: one exact
    // number per candidate of up to three lesions.
    let key = 0;
    for (const u of sorted) key = key * digit + u + 1;
    key = key * DIFFUSE_KINDS.length + DIFFUSE_KINDS.indexOf(diffuse);
    if (seen.has(key)) return;
    seen.add(key);
    score(sorted, diffuse);
  };
  const noneLl = score([], "none").score - logPrior(p, [], "none");
  let pnpGain = 0;
  for (const k of DIFFUSE_KINDS) {
    if (k === "none") continue;
    const s = score([], k);
    if (k === "polyneuropathy") pnpGain = s.score - logPrior(p, [], k) - noneLl;
  }
  const rel = p.relevant;
  /** What each lesion alone adds to the log-likelihood of the findings. */
  const gain = new Map<number, number>();
  for (const u of rel) gain.set(u, score([u], "none").score - logPrior(p, [u], "none") - noneLl);
  // A lesion under a polyneuropathy, bounded the same way as a pair.
  for (const u of rel) {
    if (noneLl + pnpGain + (gain.get(u) ?? 0) + logPrior(p, [u], "polyneuropathy") < best - MARGIN) continue;
    score([u], "polyneuropathy");
  }
  const explained = rel.map((u) => explainedOf(explainedBy(p, u)));
  // Whether two lesions can stand together, worked out once per pair (0 not yet, 1 yes, 2 no).
  const together = new Uint8Array(rel.length * rel.length);
  const compatible = (i: number, j: number) => {
    const at = i < j ? i * rel.length + j : j * rel.length + i;
    let known = together[at] as number;
    if (known === 0) {
      known =
        adds(explained[i] as Explained, explained[j] as Explained) &&
        adds(explained[j] as Explained, explained[i] as Explained) &&
        !clash(p, rel[i] as number, rel[j] as number)
          ? 1
          : 2;
      together[at] = known;
    }
    return known === 1;
  };
  const pairScores: Scored[] = [];
  if (options.maxLesions >= 2) {
    // The bound of a pair from its parts, without building the pair: each lesion's own prior, and
    // the second lesion's cost (its mirror on the other side is priced apart).
    const own = rel.map((u) => logPrior(p, [u], "none"));
    const gains = rel.map((u) => gain.get(u) ?? 0);
    const lesions = rel.map((u) => p.units[u] as Unit);
    for (let i = 0; i < rel.length; i++) {
      const ui = lesions[i] as Unit;
      for (let j = i + 1; j < rel.length; j++) {
        const a = rel[i] as number;
        const b = rel[j] as number;
        const uj = lesions[j] as Unit;
        const mirror = ui.site === uj.site && ui.side !== uj.side;
        const prior = (own[i] as number) + (mirror ? LOG_MIRRORED : (own[j] as number) + LOG_UNRELATED);
        if (noneLl + (gains[i] as number) + (gains[j] as number) + prior < best - MARGIN) continue;
        if (!compatible(i, j)) continue;
        pairScores.push(score(a < b ? [a, b] : [b, a], "none"));
      }
    }
  }
  pairScores.sort((a, b) => b.score - a.score);
  const position = new Map(rel.map((u, i) => [u, i]));
  if (options.maxLesions >= 3) {
    for (const pair of pairScores.slice(0, options.beam)) {
      const a = position.get(pair.units[0] as number) as number;
      const b = position.get(pair.units[1] as number) as number;
      const pairGain = pair.score - logPrior(p, pair.units, "none") - noneLl;
      for (let c = 0; c < rel.length; c++) {
        if (c === a || c === b || !compatible(a, c) || !compatible(b, c)) continue;
        const units = [...pair.units, rel[c] as number];
        if (
          noneLl + pairGain + (gain.get(rel[c] as number) ?? 0) + logPrior(p, units, "none") <
          best - MARGIN
        )
          continue;
        once(units, "none");
      }
    }
    // Polyneuropathy under two focal lesions: a root lesion on top of a neuropathy, and one more.
    for (const pair of pairScores.slice(0, options.beam * 2)) once(pair.units, "polyneuropathy");
  }
  out.sort((a, b) => b.score - a.score);
  for (const s of out.slice(0, options.rescore))
    s.score = rescore(p, s.units, s.diffuse, firsts.get(s) as FirstReading);
  return out.sort((a, b) => b.score - a.score);
}
