/**
 * Scoring: odds(condition) = prior x fit of the localization x the likelihood ratios of the clues
 * present, each multiplication kept as a reason. Normalised over the catalogue.
 */
import type { Lesion } from "../case/schema.js";
import { keep, keepBounded } from "../keep.js";
import { extraLesion } from "../localize/data/priors.js";
import type { Hypothesis, Localization } from "../localize/types.js";
import type { Clues, Condition, DifferentialReason, LocalizationPattern } from "./types.js";
import { lesionPhrase } from "./words.js";

/** A lesion's side against a pattern's usual side: the factor for a mismatch. */
export const SIDE_MISMATCH = 0.25;
/** Each site beyond a pattern's `maxSites`. */
export const EXTRA_SITE = 0.3;
/** A lesion shape the condition is not known to produce (rare presentations, unknown variants). */
export const ELSEWHERE = 0.001;
/**
 * A background polyneuropathy listed beside a focal lesion is rarely the question the clinician
 * asks (ageing and chemotherapy leave one in many patients): it counts at this weight.
 */
export const BACKGROUND_POLYNEUROPATHY = 0.1;
/** Likelihood ratios are capped so one clue cannot decide alone. */
export const LR_MIN = 0.02;
export const LR_MAX = 60;

const DIFFUSE = new Set([
  "polyneuropathy",
  "polyradiculopathy",
  "cauda_equina",
  "conus",
  "anterior_horn",
  "cns",
  "none",
]);

function siteMatches(lesionSite: string, patternSites: string[]): boolean {
  if (patternSites.includes(lesionSite)) return true;
  const nerve = lesionSite.split("@")[0] ?? lesionSite;
  return patternSites.includes(nerve);
}

/** How well one lesion fits one pattern (0 when it does not match). */
export function patternFit(lesion: Lesion, pattern: LocalizationPattern): number {
  if (lesion.level !== pattern.level) return 0;
  let fit = pattern.fit;
  if (pattern.sites && !DIFFUSE.has(lesion.level)) {
    if (lesion.sites.length === 0) fit *= 0.5;
    else if (!lesion.sites.every((site) => siteMatches(site, pattern.sites ?? []))) return 0;
  }
  if (pattern.maxSites !== undefined && lesion.sites.length > pattern.maxSites)
    fit *= EXTRA_SITE ** (lesion.sites.length - pattern.maxSites);
  const side = pattern.side ?? "unilateral";
  if (side === "unilateral" && lesion.side === "bilateral") fit *= SIDE_MISMATCH;
  if (side === "bilateral" && lesion.side !== "bilateral") fit *= SIDE_MISMATCH;
  return fit;
}

/** How well one lesion fits a condition: its best pattern, or the floor. */
export function lesionFit(lesion: Lesion, condition: Condition): number {
  let best = 0;
  for (const p of condition.produces) best = Math.max(best, patternFit(lesion, p));
  return Math.max(best, ELSEWHERE);
}

/** How well a hypothesis (one to three lesions) fits a condition: its best-fitting lesion. */
export function hypothesisFit(
  h: Pick<Hypothesis, "lesions">,
  condition: Condition,
): { fit: number; lesion?: Lesion } {
  const focal = h.lesions.some((l) => l.level !== "polyneuropathy");
  let best = 0;
  let which: Lesion | undefined;
  for (const l of h.lesions) {
    const weight = focal && l.level === "polyneuropathy" ? BACKGROUND_POLYNEUROPATHY : 1;
    const f = lesionFit(l, condition) * weight;
    if (f > best) {
      best = f;
      which = l;
    }
  }
  return { fit: Math.max(best, ELSEWHERE), lesion: which };
}

const describeLesion = (l: Lesion) => lesionPhrase(l);

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
/** Whether a list is in order already (a lesion's sites mostly are, or number one or none). */
function ordered(xs: readonly string[]): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i - 1] as string) > (xs[i] as string)) return false;
  return true;
}

/** A lesion's identity (level, side, sites in order), made afresh: lesions are new in every answer. */
function lesionKey(l: Lesion): string {
  return `${l.level}|${l.side}|${(ordered(l.sites) ? l.sites : [...l.sites].sort()).join(",")}`;
}

/**
 * The localization prior of each lesion that stands alone as an answer, by lesion: when a
 * condition explains one lesion of a pair, the other lesion is a coincidence whose prior the
 * pair's prior already holds, so the pair's evidence is divided by the explained lesion's prior.
 */
function singlePriors(answers: readonly LocalizedAnswer[], keys: readonly string[][]): Map<string, number> {
  const out = new Map<string, number>();
  answers.forEach((a, i) => {
    if (a.lesions.length === 1 && a.logPrior !== undefined && a.lesions[0])
      out.set(keys[i]?.[0] ?? lesionKey(a.lesions[0]), a.logPrior);
  });
  return out;
}

/**
 * What an answer says about the findings, P(findings | h) up to a constant, for a condition that
 * explains its lesion `explained`: the posterior over the prior, P(h | findings) / P(h). The
 * condition's own prior already says how common it is, so the localization prior must not be
 * counted a second time. Without priors (a localization from elsewhere) the posterior stands in.
 */
export function likelihoodWeight(
  answer: LocalizedAnswer,
  posterior: number,
  explained: Lesion | undefined,
  singles: ReadonlyMap<string, number>,
  /** `explained`'s lesionKey, when the caller has it. */
  key?: string,
): number {
  if (answer.logPrior === undefined || !Number.isFinite(answer.logPrior)) return posterior;
  const prior =
    (explained && singles.get(key ?? lesionKey(explained))) ??
    answer.logPrior + (answer.lesions.length > 1 ? PAIR_TO_SINGLE : 0);
  return posterior / Math.exp(prior);
}

/** What the ranking reads of a localization, worked out once for all conditions. */
export interface LocalizationView {
  answers: readonly LocalizedAnswer[];
  posterior: number[];
  /** For each answer, for each of its lesions: the answer's evidence when a condition explains that lesion. */
  likelihood: number[][];
  /** For each answer, its lesions' lesionKey (made once: the fit tables and the priors both look them up). */
  keys: string[][];
  unlisted: number;
}

/**
 * Answers whose evidence is below this share of the strongest answer's are left out of the sum
 * (their part of any condition's support is under that share; speed only).
 */
export const NEGLIGIBLE = 1e-4;

export function viewOf(loc: Localization): LocalizationView {
  const all = answersOf(loc);
  const weights = hypothesisWeights(all);
  const keys = all.map((a) => a.lesions.map(lesionKey));
  const singles = singlePriors(all, keys);
  const evidence = all.map((a, i) =>
    a.lesions.map((l, m) => likelihoodWeight(a, weights[i] ?? 0, l, singles, keys[i]?.[m])),
  );
  // Math.max in turn, as Math.max(...) over the lot would (NaN included), without the copies.
  const most = (xs: readonly number[], from: number) => xs.reduce((a, x) => Math.max(a, x), from);
  const strongest = evidence.reduce((a, e) => most(e, a), 0);
  const view: LocalizationView = { answers: [], posterior: [], likelihood: [], keys: [], unlisted: 0 };
  all.forEach((a, i) => {
    const e = evidence[i] as number[];
    if (e.length > 0 && !(most(e, -Infinity) >= strongest * NEGLIGIBLE)) return;
    (view.answers as LocalizedAnswer[]).push(a);
    view.posterior.push(weights[i] as number);
    view.likelihood.push(e);
    view.keys.push(keys[i] as string[]);
  });
  view.unlisted = unlisted(loc, all);
  return view;
}

/** How well the localization fits one condition: the factor for its odds, and what its reason shows. */
export interface LocatedFit {
  fit: number;
  /** The posterior-weighted fit: the share of the localization that fits. */
  share: number;
  /** The lesion that contributes most, and its answer's probability. */
  best?: { lesion: Lesion; weight: number };
}

/**
 * Lesion shapes beyond this many are not kept (a localization from elsewhere could bring any
 * number; the atlas's own are a few thousand).
 */
const MAX_KEPT_SHAPES = 20000;
const fitTables = new WeakMap<readonly Condition[], Map<string, Float64Array>>();

/**
 * One lesion's fit to every condition of a catalogue (lesionFit, in catalogue order), worked out
 * once per lesion shape (level, side, sites) and catalogue and kept: the fits depend on nothing
 * else, and the same shapes come back in every case.
 */
export function lesionFits(
  lesion: Lesion,
  conditions: readonly Condition[],
  key = lesionKey(lesion),
): Float64Array {
  const table = keep(fitTables, conditions, () => new Map<string, Float64Array>());
  return keepBounded(
    table,
    key,
    () => {
      const fits = new Float64Array(conditions.length);
      for (const [j, c] of conditions.entries()) fits[j] = lesionFit(lesion, c);
      return fits;
    },
    MAX_KEPT_SHAPES,
  );
}

/**
 * The running sums of localizationFits for every condition of a catalogue; the best contribution
 * is kept as the answer's and its lesion's indices (-1: none yet).
 */
interface FitSums {
  fit: Float64Array;
  share: Float64Array;
  bestContribution: Float64Array;
  bestAnswer: Int32Array;
  bestLesion: Int32Array;
}

/** Adds answer i's part to every condition's sums (hypothesisFit through the lesions' fit tables). */
function addAnswer(sums: FitSums, view: LocalizationView, i: number, conditions: readonly Condition[]): void {
  const h = view.answers[i] as LocalizedAnswer;
  const weight = view.posterior[i] ?? 0;
  const likelihood = view.likelihood[i];
  const focal = h.lesions.some((l) => l.level !== "polyneuropathy");
  const keys = view.keys[i];
  const tables = h.lesions.map((l, m) => lesionFits(l, conditions, keys?.[m]));
  const scale = h.lesions.map((l) => (focal && l.level === "polyneuropathy" ? BACKGROUND_POLYNEUROPATHY : 1));
  for (let j = 0; j < conditions.length; j++) {
    let best = 0;
    let k = -1;
    for (let m = 0; m < tables.length; m++) {
      const f = ((tables[m] as Float64Array)[j] as number) * (scale[m] as number);
      if (f > best) {
        best = f;
        k = m;
      }
    }
    const hf = Math.max(best, ELSEWHERE);
    sums.fit[j] = (sums.fit[j] as number) + (likelihood?.[k] ?? weight) * hf;
    sums.share[j] = (sums.share[j] as number) + weight * hf;
    if (weight * hf > (sums.bestContribution[j] as number) && k >= 0) {
      sums.bestContribution[j] = weight * hf;
      sums.bestAnswer[j] = i;
      sums.bestLesion[j] = k;
    }
  }
}

/**
 * The localization's support for each condition of a catalogue, Bayes-correct: sum over the
 * answers h of P(h | findings) / P(h) x fit(h), the fit being how often the condition produces a
 * lesion of h's shape, over the whole distribution.
 */
export function localizationFits(
  loc: Localization | LocalizationView,
  conditions: readonly Condition[],
): LocatedFit[] {
  const view = "answers" in loc ? loc : viewOf(loc);
  const n = conditions.length;
  const sums: FitSums = {
    fit: new Float64Array(n),
    share: new Float64Array(n),
    bestContribution: new Float64Array(n),
    bestAnswer: new Int32Array(n).fill(-1),
    bestLesion: new Int32Array(n).fill(-1),
  };
  for (let i = 0; i < view.answers.length; i++) addAnswer(sums, view, i, conditions);
  const elsewhere = view.unlisted * ELSEWHERE;
  return Array.from({ length: n }, (_, j) => {
    const i = sums.bestAnswer[j] as number;
    const lesion = view.answers[i]?.lesions[sums.bestLesion[j] as number];
    return {
      fit: Math.max((sums.fit[j] as number) + elsewhere, ELSEWHERE * 0.1),
      share: Math.max((sums.share[j] as number) + elsewhere, ELSEWHERE * 0.1),
      ...(lesion ? { best: { lesion, weight: view.posterior[i] ?? 0 } } : {}),
    };
  });
}

/** The localization's support for one condition (localizationFits for a catalogue of one). */
export function localizationFit(loc: Localization | LocalizationView, condition: Condition): LocatedFit {
  return localizationFits(loc, [condition])[0] as LocatedFit;
}

/** The localization's reason for a condition: the share of the localization that fits it. */
function localizationReason(condition: Condition, { share, best }: LocatedFit): DifferentialReason {
  const bestText = best
    ? `${describeLesion(best.lesion)}, ${Math.round(best.weight * 100)}% of the localization`
    : "";
  const typical = share >= 0.1;
  return {
    kind: "localization",
    text: typical
      ? `the localization fits: ${bestText}`
      : bestText
        ? `the localization is unusual for it (best: ${bestText})`
        : "the localization is unusual for it",
    factor: share,
    findings: [],
    sources: condition.sources.slice(0, 2),
  };
}

/** A clue's likelihood ratio within the caps. */
const capped = (lr: number) => Math.min(LR_MAX, Math.max(LR_MIN, lr));

/** A condition's unnormalised odds: its prior x the localization's fit x its clues' likelihood ratios. */
export function conditionOdds(condition: Condition, located: LocatedFit, clues: Clues): number {
  let odds = condition.prior * located.fit;
  for (const effect of condition.evidence) {
    if (clues.has(effect.clue)) odds *= capped(effect.lr);
    else if (effect.absent !== undefined) odds *= capped(effect.absent);
  }
  return odds;
}

/** Each multiplication of conditionOdds after the prior, as a reason. */
export function conditionReasons(
  condition: Condition,
  located: LocatedFit,
  clues: Clues,
): DifferentialReason[] {
  const reasons: DifferentialReason[] = [localizationReason(condition, located)];
  for (const effect of condition.evidence) {
    const clue = clues.get(effect.clue);
    if (!clue && effect.absent === undefined) continue;
    reasons.push({
      kind: "clue",
      clue: effect.clue,
      text: clue ? `${effect.why} (${clue.text})` : `not found in this case: ${effect.why}`,
      factor: capped(clue ? effect.lr : (effect.absent as number)),
      findings: clue ? clue.findings : [],
      sources: effect.sources,
    });
  }
  return reasons;
}
