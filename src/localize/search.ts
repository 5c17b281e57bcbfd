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

export function search(p: Prepared, options: SearchOptions): Scored[] {
  const out: Scored[] = [];
  const seen = new Set<string>();
  const add = (units: number[], diffuse: DiffuseKind) => {
    const sorted = [...units].sort((a, b) => a - b);
    const key = `${diffuse}|${sorted.join(",")}`;
    if (seen.has(key) || !distinctSites(p, sorted)) return;
    seen.add(key);
    out.push({ units: sorted, diffuse, score: scoreOf(p, sorted, diffuse) });
  };
  for (const k of DIFFUSE_KINDS) add([], k);
  const rel = p.relevant;
  for (const u of rel) add([u], "none");
  if (options.maxLesions >= 2) {
    for (let a = 0; a < rel.length; a++) {
      for (let b = a + 1; b < rel.length; b++) add([rel[a] as number, rel[b] as number], "none");
    }
  }
  const best = (filter: (s: Scored) => boolean, n: number) =>
    out
      .filter(filter)
      .sort((a, b) => b.score - a.score)
      .slice(0, n);
  const topPairs = best((s) => s.diffuse === "none" && s.units.length === 2, options.beam);
  if (options.maxLesions >= 3) {
    for (const pair of topPairs) for (const u of rel) add([...pair.units, u], "none");
  }
  // A diffuse process under focal lesions: polyneuropathy with a root lesion is the common case.
  for (const u of rel) add([u], "polyneuropathy");
  if (options.maxLesions >= 3)
    for (const pair of best((x) => x.diffuse === "none" && x.units.length === 2, options.beam * 2))
      add(pair.units, "polyneuropathy");
  return out.sort((a, b) => b.score - a.score);
}
