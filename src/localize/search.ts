/**
 * The hypothesis search: every diffuse process, every single focal lesion and every pair
 * exhaustively; triples and diffuse-plus-focal combinations by a bounded beam from the best.
 */
import { DIFFUSE_KINDS, type DiffuseKind } from "./model.js";
import { type Prepared, scoreOf } from "./score.js";

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
 * No site twice on one side; adjacent roots on one side only as the combined unit (which carries
 * their shared prior), never as two separate lesions.
 */
function distinctSites(p: Prepared, units: readonly number[]): boolean {
  const seen = new Set<string>();
  for (const u of units) {
    const unit = p.units[u];
    if (!unit) return false;
    for (const part of unit.parts.length ? unit.parts : [unit.site]) {
      const key = `${part}|${unit.side}`;
      if (seen.has(key)) return false;
      seen.add(key);
    }
  }
  if (units.length < 2) return true;
  for (const a of units) {
    for (const b of units) {
      const ua = p.units[a];
      const ub = p.units[b];
      if (a === b || !ua || !ub || ua.level !== "root" || ub.level !== "root" || ua.side !== ub.side)
        continue;
      if (ua.parts.some((x) => ub.parts.some((y) => Math.abs(ROOTS.indexOf(x) - ROOTS.indexOf(y)) === 1)))
        return false;
    }
  }
  return true;
}

const ROOTS = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"];

/** Abnormal findings (and context items) a lesion accounts for on its own. */
function explainedBy(p: Prepared, u: number): Set<number> {
  const d = p.damage[u] as Float64Array;
  const out = new Set<number>();
  p.observations.forEach((o, i) => {
    if (o.abnormal && !o.equivocal && (d[i] ?? 0) > 0.1) out.add(i);
  });
  const unit = p.units[u];
  if (unit) {
    const none = { units: [], diffuse: "none" as const };
    p.context.forEach((item, k) => {
      if (item.p({ units: [unit], diffuse: "none" }) > 2 * item.p(none)) out.add(-1 - k);
    });
  }
  return out;
}

export function search(p: Prepared, options: SearchOptions): Scored[] {
  const out: Scored[] = [];
  const seen = new Set<string>();
  const add = (units: number[], diffuse: DiffuseKind) => {
    const sorted = [...units].sort((a, b) => a - b);
    const key = `${diffuse}|${sorted.join(",")}`;
    if (seen.has(key) || !distinctSites(p, sorted)) return;
    seen.add(key);
    out.push({ units: sorted, diffuse, score: scoreOf(p, sorted, diffuse, true) });
  };
  for (const k of DIFFUSE_KINDS) add([], k);
  const rel = p.relevant;
  for (const u of rel) add([u], "none");
  // A second lesion must explain an abnormal finding the first does not, and the other way round;
  // otherwise the pair only adds a lesion's cost to the better single.
  const explained = new Map(rel.map((u) => [u, explainedBy(p, u)]));
  const adds = (a: number, b: number) => {
    const ea = explained.get(a) as Set<number>;
    const eb = explained.get(b) as Set<number>;
    for (const x of eb) if (!ea.has(x)) return true;
    return false;
  };
  if (options.maxLesions >= 2) {
    for (let a = 0; a < rel.length; a++) {
      for (let b = a + 1; b < rel.length; b++) {
        const ua = rel[a] as number;
        const ub = rel[b] as number;
        if (adds(ua, ub) && adds(ub, ua)) add([ua, ub], "none");
      }
    }
  }
  const best = (filter: (s: Scored) => boolean, n: number) =>
    out
      .filter(filter)
      .sort((a, b) => b.score - a.score)
      .slice(0, n);
  const topPairs = best((s) => s.diffuse === "none" && s.units.length === 2, options.beam);
  if (options.maxLesions >= 3) {
    for (const pair of topPairs) {
      for (const u of rel)
        if (pair.units.every((x) => adds(x, u) && adds(u, x))) add([...pair.units, u], "none");
    }
  }
  // A diffuse process under focal lesions: polyneuropathy with a root lesion is the common case.
  for (const u of rel) add([u], "polyneuropathy");
  if (options.maxLesions >= 3)
    for (const pair of best((x) => x.diffuse === "none" && x.units.length === 2, options.beam * 2))
      add(pair.units, "polyneuropathy");
  // Second pass: the best of the first pass, scored over every lesion severity.
  out.sort((a, b) => b.score - a.score);
  for (const s of out.slice(0, options.rescore)) s.score = scoreOf(p, s.units, s.diffuse);
  return out.sort((a, b) => b.score - a.score);
}
