/**
 * Localization: where is the lesion? Ranked hypotheses with the reasons for and against each.
 */
import { type Atlas, getAtlas } from "../atlas/index.js";
import type { Lesion, LocusCase } from "../case/schema.js";
import { describeCandidate, explain } from "./explain.js";
import { candidateKey, keyedLesions } from "./format.js";
import type { FocalLevel, Unit } from "./model.js";
import { logPrior, type Prepared, prepare } from "./score.js";
import { type Scored, search } from "./search.js";
import { sortedBy } from "./sort.js";
import type { Hypothesis, Localization, LocalizeOptions } from "./types.js";

export type { DistributionEntry, Hypothesis, Localization, LocalizeOptions, Reason } from "./types.js";

const DEFAULT_LIMIT = 5;

const LEVEL_BITS: Record<FocalLevel, number> = { root: 1, plexus: 2, nerve: 4, muscle: 8 };

/** The levels of a candidate's focal lesions, as bits (worked out once per candidate, on first use). */
function levelsOf(s: number, scored: readonly Scored[], units: readonly Unit[], kept: number[]): number {
  let bits = kept[s] ?? -1;
  if (bits < 0) {
    bits = 0;
    for (const u of (scored[s] as Scored).units) bits |= LEVEL_BITS[(units[u] as Unit).level];
    kept[s] = bits;
  }
  return bits;
}

/**
 * The hypothesis to contrast with: the best one that puts the focal lesion at another level
 * (root against plexus against nerve), or, for a diffuse answer, another process.
 */
function rivalOf(
  own: number,
  scored: readonly Scored[],
  units: readonly Unit[],
  kept: number[],
): Scored | undefined {
  const mine = levelsOf(own, scored, units, kept);
  const o = scored[own] as Scored;
  for (let i = 0; i < scored.length; i++) {
    if (i === own) continue;
    const s = scored[i] as Scored;
    if (mine === 0) {
      if (s.diffuse !== o.diffuse || s.units.length > 0) return s;
      continue;
    }
    const theirs = levelsOf(i, scored, units, kept);
    if (theirs !== 0 && (theirs & mine) === 0) return s;
  }
  return undefined;
}

/** One answer: the candidates that read the same in FORMAT.md's words, led by the best of them. */
interface Answer {
  /** The answer's lesions (kept by key, frozen). */
  lesions: Lesion[];
  /** The best candidate's index in the scored list, and every candidate's. */
  index: number;
  members: number[];
  probability: number;
  /** The sum of the candidates' priors, relative to the best candidate's. */
  prior: number;
}

/** A candidate's lesions, written into `out` (returned). */
function lesionsInto(out: Unit[], all: readonly Unit[], units: readonly number[]): Unit[] {
  // Setting an array's length is a call into the runtime: only when it changes.
  if (out.length !== units.length) out.length = units.length;
  for (let k = 0; k < units.length; k++) out[k] = all[units[k] as number] as Unit;
  return out;
}

/** A candidate's lesions. */
function lesionsOf(all: readonly Unit[], units: readonly number[]): Unit[] {
  return units.map((u) => all[u] as Unit);
}

/**
 * When to say "I cannot tell": the first answer holds less than 40% and another listed answer at
 * least half as much. Then the answers are close enough that a clinician should not act on the
 * first alone (the calibration in docs/evaluation.md shows first answers under 40% are right about
 * half the time).
 */
const UNDECIDED = { leader: 0.4, ratio: 0.5 };

function undecidedAmong(hypotheses: readonly Hypothesis[]): number[] | undefined {
  const first = hypotheses[0]?.probability ?? 0;
  if (first === 0 || first >= UNDECIDED.leader) return undefined;
  const close = hypotheses.flatMap((h, i) => (h.probability >= UNDECIDED.ratio * first ? [i] : []));
  return close.length > 1 ? close : undefined;
}

/**
 * The engine's own candidates for a case, as localize scored them: the prepared case and every
 * candidate searched, best first. Later stages (the planner) weigh these instead of searching again,
 * so one analysis has one set of probabilities.
 */
export interface Candidates {
  prepared: Prepared;
  scored: readonly Scored[];
}

export function localize(
  c: LocusCase,
  options: LocalizeOptions = {},
  atlas: Atlas = getAtlas(),
): Localization {
  return localizeWithCandidates(c, options, atlas).localization;
}

/** localize, and the candidates it weighed (see Candidates). */
export function localizeWithCandidates(
  c: LocusCase,
  options: LocalizeOptions = {},
  atlas: Atlas = getAtlas(),
): { localization: Localization; candidates: Candidates } {
  const maxLesions = Math.min(3, Math.max(1, options.maxLesions ?? 3));
  const p = prepare(atlas, c);
  const scored = search(p, { maxLesions, beam: 12, rescore: 30 });
  return {
    localization: localizationOf(atlas, p, scored, options.limit ?? DEFAULT_LIMIT),
    candidates: { prepared: p, scored },
  };
}

function localizationOf(atlas: Atlas, p: Prepared, scored: readonly Scored[], limit: number): Localization {
  const top = scored[0]?.score ?? 0;
  const n = scored.length;
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp((scored[i] as Scored).score - top);
    weights[i] = w;
    total += w;
  }

  const refPrior = n > 0 ? logPrior(p, (scored[0] as Scored).units, (scored[0] as Scored).diffuse) : 0; // issue 17
  // Candidates that read the same in FORMAT.md's words (femoral in the pelvis or at the ligament) are one answer.
  const merged = new Map<string, Answer>();
  // Each candidate's lesions, one after the other (candidateKey and keyedLesions keep nothing of it).
  const scratch: Unit[] = [];
  for (let i = 0; i < n; i++) {
    const s = scored[i] as Scored;
    // Candidates twenty thousand times less likely than the best only add to "other".
    if (s.score - top < -10) continue;
    const units = lesionsInto(scratch, p.units, s.units);
    const key = candidateKey(units, s.diffuse, p.observations);
    let entry = merged.get(key);
    if (!entry) {
      const lesions = keyedLesions(key, units, s.diffuse, p.observations);
      entry = { lesions, index: i, probability: 0, members: [], prior: 0 };
      merged.set(key, entry);
    }
    entry.probability += (weights[i] as number) / total;
    // the answer's localization prior, relative to the best candidate's (differential: issue 17)
    entry.prior += Math.exp(logPrior(p, s.units, s.diffuse) - refPrior);
    entry.members.push(i);
  }
  const answers = [...merged.values()];
  const ranked = sortedBy(
    answers,
    answers.map((m) => m.probability),
  );
  const shown = ranked.slice(0, limit);
  /** The words of the first candidates of an answer (the best, and up to three in all). */
  const detailsOf = (members: readonly number[]) => {
    const details = new Set<string>();
    for (const i of members) {
      const s = scored[i] as Scored;
      if (i === members[0] || details.size < 3)
        details.add(describeCandidate(lesionsOf(p.units, s.units), s.diffuse));
    }
    return details;
  };
  const levels: number[] = [];
  const hypotheses: Hypothesis[] = shown.map((m) => {
    const s = scored[m.index]!;
    const rival = rivalOf(m.index, scored, p.units, levels);
    const reasons = explain(p, s.units, s.diffuse, rival);
    return {
      lesions: m.lesions,
      probability: Math.round(m.probability * 10000) / 10000,
      ...reasons,
      detail: [...detailsOf(m.members)],
      score: Math.round(s.score * 1000) / 1000,
      logPrior: Math.log(m.prior), // issue 17
    };
  });
  // the whole distribution, for the differential (issue 17)
  const distribution = ranked.map((m) => ({
    lesions: m.lesions,
    probability: m.probability,
    logPrior: Math.log(m.prior),
  }));
  const between = undecidedAmong(hypotheses);
  const listed = ranked.reduce((a, m) => a + m.probability, 0);
  const other = 1 - listed + ranked.slice(limit).reduce((a, m) => a + m.probability, 0);
  return {
    atlasVersion: atlas.version,
    hypotheses,
    other: Math.round(other * 10000) / 10000,
    distribution, // issue 17
    ...(between ? { undecided: { between } } : {}),
    searched: scored.length,
    ...(p.skipped.length ? { skipped: p.skipped } : {}),
  };
}
