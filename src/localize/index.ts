/**
 * Localization: where is the lesion? Ranked hypotheses with the reasons for and against each.
 */
import { type Atlas, getAtlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { describeCandidate, explain } from "./explain.js";
import { lesionKey, toLesions } from "./format.js";
import type { Unit } from "./model.js";
import { prepare } from "./score.js";
import { type Scored, search } from "./search.js";
import type { Hypothesis, Localization, LocalizeOptions } from "./types.js";

export type { Hypothesis, Localization, LocalizeOptions, Reason } from "./types.js";

const DEFAULT_LIMIT = 5;

/**
 * The hypothesis to contrast with: the best one that puts the focal lesion at another level
 * (root against plexus against nerve), or, for a diffuse answer, another process.
 */
function rivalOf(own: Scored, scored: readonly Scored[], units: readonly Unit[]): Scored | undefined {
  const focal = (s: Scored) => new Set(s.units.map((u) => units[u]?.level));
  const mine = focal(own);
  return scored.find((s) => {
    if (s === own) return false;
    if (mine.size === 0) return s.diffuse !== own.diffuse || s.units.length > 0;
    const theirs = focal(s);
    return theirs.size > 0 && [...theirs].every((l) => !mine.has(l));
  });
}

export function localize(
  c: LocusCase,
  options: LocalizeOptions = {},
  atlas: Atlas = getAtlas(),
): Localization {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const maxLesions = Math.min(3, Math.max(1, options.maxLesions ?? 3));
  const p = prepare(atlas, c);
  const scored = search(p, { maxLesions, beam: 12, rescore: 30 });
  const top = scored[0]?.score ?? 0;
  const weights = scored.map((s) => Math.exp(s.score - top));
  const total = weights.reduce((a, b) => a + b, 0);

  // Candidates that read the same in FORMAT.md's words (femoral in the pelvis or at the ligament) are one answer.
  const merged = new Map<string, { index: number; probability: number; details: Set<string> }>();
  scored.forEach((s, i) => {
    // Candidates twenty thousand times less likely than the best only add to "other".
    if (s.score - top < -10) return;
    const units = s.units.map((u) => p.units[u] as Unit);
    const key = lesionKey(toLesions(units, s.diffuse, p.observations));
    const entry = merged.get(key) ?? { index: i, probability: 0, details: new Set<string>() };
    entry.probability += (weights[i] ?? 0) / total;
    if (entry.index === i || entry.details.size < 3) entry.details.add(describeCandidate(units, s.diffuse));
    merged.set(key, entry);
  });
  const ranked = [...merged.values()].sort((a, b) => b.probability - a.probability);
  const shown = ranked.slice(0, limit);
  const hypotheses: Hypothesis[] = shown.map((m) => {
    const s = scored[m.index]!;
    const rival = rivalOf(s, scored, p.units);
    const reasons = explain(p, s.units, s.diffuse, rival);
    const units = s.units.map((u) => p.units[u] as Unit);
    return {
      lesions: toLesions(units, s.diffuse, p.observations),
      probability: Math.round(m.probability * 10000) / 10000,
      ...reasons,
      detail: [...m.details],
      score: Math.round(s.score * 1000) / 1000,
    };
  });
  const listed = ranked.reduce((a, m) => a + m.probability, 0);
  const other = 1 - listed + ranked.slice(limit).reduce((a, m) => a + m.probability, 0);
  return {
    atlasVersion: atlas.version,
    hypotheses,
    other: Math.round(other * 10000) / 10000,
    searched: scored.length,
    ...(p.skipped.length ? { skipped: p.skipped } : {}),
  };
}
