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

function distinctSites(p: Prepared, units: readonly number[]): boolean {
  const seen = new Set<string>();
  for (const u of units) {
    const unit = p.units[u];
    if (!unit || seen.has(unit.key)) return false;
    seen.add(unit.key);
  }
  return true;
}

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
  const topSingles = best((s) => s.diffuse === "none" && s.units.length === 1, options.beam);
  const topPairs = best((s) => s.diffuse === "none" && s.units.length === 2, options.beam);
  if (options.maxLesions >= 3) {
    for (const pair of topPairs) for (const u of rel) add([...pair.units, u], "none");
  }
  // A diffuse process under focal lesions: polyneuropathy with a root lesion is the common case.
  for (const s of best((x) => x.diffuse === "none" && x.units.length > 0, options.beam * 2)) {
    if (s.units.length < options.maxLesions) add(s.units, "polyneuropathy");
  }
  for (const k of DIFFUSE_KINDS) {
    if (k === "none" || k === "polyneuropathy") continue;
    for (const s of topSingles.slice(0, 3)) add(s.units, k);
  }
  return out.sort((a, b) => b.score - a.score);
}
