/**
 * The localization's support for each condition of a catalogue, Bayes-correct: the sum over the
 * answers h of P(h | findings) / P(h) x fit(h), the fit being how often the condition produces a
 * lesion of h's shape, over the whole distribution.
 *
 * Speed comes from tables made once per catalogue: each lesion shape's fit to every condition,
 * and which conditions rise above the floor (ELSEWHERE) for it. A lesion shape fits a few
 * conditions; every other condition takes the floor's part of an answer, the same for all of them.
 */
import type { Lesion } from "../case/schema.js";
import { keep, keepBounded } from "../keep.js";
import { extraLesion } from "../localize/data/priors.js";
import type { Localization } from "../localize/types.js";
import { BACKGROUND_POLYNEUROPATHY, ELSEWHERE, lesionFit } from "./score.js";
import type { Condition } from "./types.js";

/** An answer of the localization as the differential reads it. */
export interface LocalizedAnswer {
  lesions: Lesion[];
  probability: number;
  logPrior?: number;
}

/**
 * The whole distribution when the localize stage gives it (never only the answers listed, so the
 * diagnosis does not depend on how many are shown); the listed hypotheses otherwise.
 */
export function answersOf(loc: Localization): readonly LocalizedAnswer[] {
  return loc.distribution && loc.distribution.length > 0 ? loc.distribution : loc.hypotheses;
}

/**
 * Answer probabilities as given, with non-finite or negative values read as 0; when none is
 * usable, every answer counts equally (a localization without probabilities still has shapes).
 */
export function hypothesisWeights(answers: readonly LocalizedAnswer[]): number[] {
  const raw = answers.map((h) => (Number.isFinite(h.probability) && h.probability > 0 ? h.probability : 0));
  const total = raw.reduce((a, b) => a + b, 0);
  if (total > 0) return raw;
  return answers.map(() => 1 / Math.max(1, answers.length));
}

/** The probability outside the answers read (with the whole distribution, only what was pruned). */
function unlisted(loc: Localization, answers: readonly LocalizedAnswer[]): number {
  if (loc.distribution && answers === loc.distribution)
    return Math.max(
      0,
      1 - answers.reduce((a, h) => a + (Number.isFinite(h.probability) ? h.probability : 0), 0),
    );
  return Number.isFinite(loc.other) && loc.other > 0 ? loc.other : 0;
}

/**
 * When the explained lesion of a pair is not itself an answer, its prior is bounded from the pair's:
 * a second, unrelated lesion costs at least the localize stage's factor for one (its site's prior
 * is at most 1), so the lesion's own log prior is at least the pair's minus log(that factor).
 */
const PAIR_TO_SINGLE = -Math.log(extraLesion.unrelated);

/**
 * What an answer says about the findings, P(findings | h) up to a constant, for a condition that
 * explains one of its lesions: the posterior over the prior, P(h | findings) / P(h). The
 * condition's own prior already says how common it is, so the localization prior must not be
 * counted a second time. When the explained lesion stands alone as an answer, its prior
 * (`single`) is that answer's: the other lesion of a pair is a coincidence whose prior the pair's
 * already holds. Without priors (a localization from elsewhere) the posterior stands in.
 */
export function likelihoodWeight(answer: LocalizedAnswer, posterior: number, single?: number): number {
  if (answer.logPrior === undefined || !Number.isFinite(answer.logPrior)) return posterior;
  const prior = single ?? answer.logPrior + (answer.lesions.length > 1 ? PAIR_TO_SINGLE : 0);
  return posterior / Math.exp(prior);
}

// ---------------------------------------------------------------- lesion shapes

/** One lesion shape's fit to every condition of a catalogue. */
export interface ShapeFits {
  /** The shape: level, side and sites in order (lesionKey). */
  key: string;
  /** lesionFit of each condition, in catalogue order. */
  fits: Float64Array;
  /** The conditions (their indices) whose fit is above ELSEWHERE; all the others sit at the floor. */
  above: Int32Array;
}

/** The lesions of one answer as the ranking reads them: each one's shape, and what its fit counts for. */
export interface LesionSet {
  shapes: ShapeFits[];
  /** 1, or less for a background polyneuropathy beside a focal lesion. */
  counts: number[];
}

/** What is kept per catalogue: lesion shapes by key, and the sets of lesions that cannot change. */
interface Kept {
  shapes: Map<string, ShapeFits>;
  frozenSets: WeakMap<readonly Lesion[], LesionSet>;
}

/**
 * Lesion shapes beyond this many are not kept (a localization from elsewhere could bring any
 * number; the atlas's own are a few thousand).
 */
const MAX_KEPT_SHAPES = 20000;
const kept = new WeakMap<readonly Condition[], Kept>();
const keptFor = (conditions: readonly Condition[]) =>
  keep(kept, conditions, () => ({ shapes: new Map(), frozenSets: new WeakMap() }));

/** Whether a list is in order already (a lesion's sites mostly are, or number one or none). */
function ordered(xs: readonly string[]): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i - 1] as string) > (xs[i] as string)) return false;
  return true;
}

/** A lesion's shape (level, side, sites in order) as a key. */
function lesionKey(l: Lesion): string {
  return `${l.level}|${l.side}|${(ordered(l.sites) ? l.sites : [...l.sites].sort()).join(",")}`;
}

function fitsOf(key: string, lesion: Lesion, conditions: readonly Condition[]): ShapeFits {
  const fits = new Float64Array(conditions.length);
  for (const [j, c] of conditions.entries()) fits[j] = lesionFit(lesion, c);
  const above = [...fits.keys()].filter((j) => (fits[j] as number) > ELSEWHERE);
  return { key, fits, above: Int32Array.from(above) };
}

/** A lesion's shape in a catalogue, worked out the first time the shape is seen. */
function shapeOf(k: Kept, lesion: Lesion, conditions: readonly Condition[]): ShapeFits {
  const key = lesionKey(lesion);
  return keepBounded(k.shapes, key, () => fitsOf(key, lesion, conditions), MAX_KEPT_SHAPES);
}

/** One lesion's fit to every condition of a catalogue (lesionFit, in catalogue order), kept by shape. */
export function lesionFits(lesion: Lesion, conditions: readonly Condition[]): Float64Array {
  return shapeOf(keptFor(conditions), lesion, conditions).fits;
}

/** Whether a set of lesions can never change: the list, each lesion and its sites frozen. */
const frozen = (lesions: readonly Lesion[]) =>
  Object.isFrozen(lesions) && lesions.every((l) => Object.isFrozen(l) && Object.isFrozen(l.sites));

/**
 * The lesions of an answer as the ranking reads them. A set that cannot change is read once and
 * kept by identity: the localize stage freezes its lesions and gives the same ones in case after
 * case, so a new case mostly finds its answers' lesions read already.
 */
function lesionSet(k: Kept, lesions: readonly Lesion[], conditions: readonly Condition[]): LesionSet {
  const had = k.frozenSets.get(lesions);
  if (had) return had;
  const focal = lesions.some((l) => l.level !== "polyneuropathy");
  const set = {
    shapes: lesions.map((l) => shapeOf(k, l, conditions)),
    counts: lesions.map((l) => (focal && l.level === "polyneuropathy" ? BACKGROUND_POLYNEUROPATHY : 1)),
  };
  if (frozen(lesions)) k.frozenSets.set(lesions, set);
  return set;
}

// ---------------------------------------------------------------- the localization, read once

/**
 * What the ranking reads of a localization, worked out once for all conditions of a catalogue:
 * the answers whose evidence is not negligible, and for each (in the same order) its probability,
 * its lesion set, and for each lesion the answer's evidence when a condition explains that lesion.
 */
export interface LocalizationView {
  answers: LocalizedAnswer[];
  posterior: number[];
  sets: LesionSet[];
  evidence: number[][];
  unlisted: number;
}

/**
 * Answers whose evidence is below this share of the strongest answer's are left out of the sum
 * (their part of any condition's support is under that share; speed only).
 */
export const NEGLIGIBLE = 1e-4;

/** The prior of each lesion shape that stands alone as an answer (the last such answer's). */
function singlePriors(answers: readonly LocalizedAnswer[], sets: LesionSet[]): Map<string, number> {
  const out = new Map<string, number>();
  answers.forEach((a, i) => {
    const shape = sets[i]?.shapes[0];
    if (a.lesions.length === 1 && a.logPrior !== undefined && shape) out.set(shape.key, a.logPrior);
  });
  return out;
}

/** The largest of `xs` after `from`, as Math.max(from, ...xs) would give it (NaN included). */
const most = (xs: readonly number[], from: number) => xs.reduce((m, x) => Math.max(m, x), from);

export function viewOf(loc: Localization, conditions: readonly Condition[]): LocalizationView {
  const all = answersOf(loc);
  const weights = hypothesisWeights(all);
  const k = keptFor(conditions);
  const sets = all.map((a) => lesionSet(k, a.lesions, conditions));
  const singles = singlePriors(all, sets);
  const evidence = all.map((a, i) => {
    const e: number[] = [];
    for (const shape of (sets[i] as LesionSet).shapes)
      e.push(likelihoodWeight(a, weights[i] ?? 0, singles.get(shape.key)));
    return e;
  });
  const strongest = evidence.reduce((m, e) => most(e, m), 0);
  const view: LocalizationView = { answers: [], posterior: [], sets: [], evidence: [], unlisted: 0 };
  all.forEach((a, i) => {
    const e = evidence[i] as number[];
    if (e.length > 0 && !(most(e, -Infinity) >= strongest * NEGLIGIBLE)) return;
    view.answers.push(a);
    view.posterior.push(weights[i] ?? 0);
    view.sets.push(sets[i] as LesionSet);
    view.evidence.push(e);
  });
  view.unlisted = unlisted(loc, all);
  return view;
}

// ---------------------------------------------------------------- the support, condition by condition

/** How well the localization fits one condition: the factor for its odds, and what its reason shows. */
export interface LocatedFit {
  fit: number;
  /** The posterior-weighted fit: the share of the localization that fits. */
  share: number;
  /** The lesion that contributes most, and its answer's probability. */
  best?: { lesion: Lesion; weight: number };
}

/** The support for every condition of a catalogue, in columns (catalogue order). */
export interface Support {
  view: LocalizationView;
  /** The factor for each condition's odds. */
  fit: Float64Array;
  /** The posterior-weighted fit of each condition. */
  share: Float64Array;
  /** The largest part an answer gave a condition's share, and that answer's and lesion's indices (-1: none). */
  bestContribution: Float64Array;
  bestAnswer: Int32Array;
  bestLesion: Int32Array;
}

/** Adds to condition j's sums one answer's part: lesion k of answer i explained (-1: none), fit hf. */
function addPart(s: Support, j: number, hf: number, evidence: number, weight: number, i: number, k: number) {
  s.fit[j] = (s.fit[j] as number) + evidence * hf;
  s.share[j] = (s.share[j] as number) + weight * hf;
  if (weight * hf > (s.bestContribution[j] as number) && k >= 0) {
    s.bestContribution[j] = weight * hf;
    s.bestAnswer[j] = i;
    s.bestLesion[j] = k;
  }
}

/**
 * Adds answer i's part to the conditions one of its lesions fits above the floor: its
 * best-fitting lesion, the answer's evidence for that lesion times the fit. Marks each condition
 * done in `seen` (with i + 1).
 */
function addAbove(s: Support, i: number, seen: Int32Array): void {
  const { shapes, counts } = s.view.sets[i] as LesionSet;
  const evidence = s.view.evidence[i] as number[];
  const weight = s.view.posterior[i] as number;
  for (const shape of shapes)
    for (const j of shape.above) {
      if (seen[j] === i + 1) continue;
      seen[j] = i + 1;
      let best = 0;
      let k = -1;
      for (let m = 0; m < shapes.length; m++) {
        const f = ((shapes[m] as ShapeFits).fits[j] as number) * (counts[m] as number);
        if (f > best) {
          best = f;
          k = m;
        }
      }
      addPart(s, j, Math.max(best, ELSEWHERE), evidence[k] ?? weight, weight, i, k);
    }
}

/**
 * Adds answer i's part to every condition not marked in `seen`: all its lesions sit at the floor
 * for them, and the first lesion that counts in full is the one explained. The same part for
 * every such condition, added in one pass over the columns.
 */
function addFloor(s: Support, i: number, seen: Int32Array): void {
  const evidence = s.view.evidence[i] as number[];
  const weight = s.view.posterior[i] as number;
  const k = (s.view.sets[i] as LesionSet).counts.indexOf(1);
  const fitPart = (evidence[k] ?? weight) * ELSEWHERE;
  const sharePart = weight * ELSEWHERE;
  const { fit, share, bestContribution, bestAnswer, bestLesion } = s;
  for (let j = 0; j < seen.length; j++) {
    if (seen[j] === i + 1) continue;
    fit[j] = (fit[j] as number) + fitPart;
    share[j] = (share[j] as number) + sharePart;
    if (sharePart > (bestContribution[j] as number) && k >= 0) {
      bestContribution[j] = sharePart;
      bestAnswer[j] = i;
      bestLesion[j] = k;
    }
  }
}

/** The localization's support for each condition of a catalogue (see the head of this file). */
export function localizationSupport(
  loc: Localization | LocalizationView,
  conditions: readonly Condition[],
): Support {
  const view = "answers" in loc ? loc : viewOf(loc, conditions);
  const n = conditions.length;
  const s: Support = {
    view,
    fit: new Float64Array(n),
    share: new Float64Array(n),
    bestContribution: new Float64Array(n),
    bestAnswer: new Int32Array(n).fill(-1),
    bestLesion: new Int32Array(n).fill(-1),
  };
  const seen = new Int32Array(n);
  for (let i = 0; i < view.answers.length; i++) {
    addAbove(s, i, seen);
    addFloor(s, i, seen);
  }
  const elsewhere = view.unlisted * ELSEWHERE;
  for (let j = 0; j < n; j++) {
    s.fit[j] = Math.max((s.fit[j] as number) + elsewhere, ELSEWHERE * 0.1);
    s.share[j] = Math.max((s.share[j] as number) + elsewhere, ELSEWHERE * 0.1);
  }
  return s;
}

/** Condition j's support as its reason shows it. */
export function locatedFit(s: Support, j: number): LocatedFit {
  const i = s.bestAnswer[j] as number;
  const lesion = s.view.answers[i]?.lesions[s.bestLesion[j] as number];
  return {
    fit: s.fit[j] as number,
    share: s.share[j] as number,
    ...(lesion ? { best: { lesion, weight: s.view.posterior[i] ?? 0 } } : {}),
  };
}

/** The localization's support for each condition of a catalogue, one object per condition. */
export function localizationFits(
  loc: Localization | LocalizationView,
  conditions: readonly Condition[],
): LocatedFit[] {
  const s = localizationSupport(loc, conditions);
  return conditions.map((_, j) => locatedFit(s, j));
}
