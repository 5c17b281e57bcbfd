/**
 * Scoring a candidate (focal lesions, a diffuse process, or both) against one prepared case.
 *
 * Every lesion acts on every observation as an independent cause (noisy OR), so what a lesion does
 * is precomputed (effects.ts, kept across cases): for each lesion, severity and observation,
 * log(1 - q) and q. A candidate's score is then sums over a few typed arrays.
 */
import type { Atlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { arrayOf, keep } from "../keep.js";
import { type ContextItem, contextItems, type View } from "./context.js";
import type { LesionClass } from "./data/evidence.js";
import { distalCentral } from "./data/patterns.js";
import {
  compartments,
  diffusePrior,
  extraLesion,
  historyPlaces,
  historyPriors,
  mirrored,
  notNeuralHistory,
  polyneuropathyContext,
  severity,
} from "./data/priors.js";
import {
  baseUnits,
  type Column,
  columnsOf,
  type Effect,
  effectOfColumns,
  effectOfShares,
  gatherEffects,
  LEVELS,
  shareAt,
} from "./effects.js";
import {
  AGED,
  ALT,
  FAST_ARRAYS,
  type Fast,
  fastOf,
  GRADED,
  GRADES,
  LIMB,
  readFinding,
  SKIN,
  WEAK,
} from "./fast.js";
import { candidateCode } from "./format.js";
import { FLOOR } from "./likelihood.js";
import { DIFFUSE_KINDS, type DiffuseKind, muscleUnit, type Unit, unitDamage } from "./model.js";
import { musclesInText } from "./named.js";
import {
  ageingChance,
  historyWordIs,
  musclesOfBodyPart,
  type Observation,
  observe,
  sidesOf,
} from "./observe.js";
import { addSilenceTerms, readSilence, type Silence, silenceTerm } from "./silence.js";

export interface Prepared {
  atlas: Atlas;
  observations: Observation[];
  context: ContextItem[];
  /** Each context item's probability without any lesion. */
  contextNone: number[];
  units: readonly Unit[];
  /** What every cause does to each observation (see effects.ts). */
  columns: Column[];
  /** Units that explain at least one abnormal finding or a contextual finding. */
  relevant: number[];
  skipped: { finding: number; why: string }[];
  logPriorDiffuse: ReadonlyMap<DiffuseKind, number>;
  /** What each unit does to the findings (relevant units and muscles at once, others on first use). */
  unitEffects: (Effect | undefined)[];
  diffuseEffects: Map<DiffuseKind, Effect>;
  /** log(1 - fp) per observation. */
  lnNotFp: Float64Array;
  /** log of the sum of all single-site priors: site priors are divided by it. */
  logZ: number;
  /** log multipliers of site priors from the history (historyPriors). */
  logSiteBoost: ReadonlyMap<string, number>;
  /** Each lesion's own log prior, filled on first use (NaN until then). */
  unitLogPrior: Float64Array;
  fast: Fast;
  /** Each observation's log-likelihood under candidates explained so far, by candidateCode (a string past three lesions). */
  readings: Map<number | string, Float64Array>;
  /** What the report leaves unmentioned (silence.ts). */
  silence: Silence;
  /** Each lesion's and diffuse process's own silence at each severity level (NaN until asked). */
  silenceSingles: Float64Array;
  /** The scoring's scratch for this case (see Work). */
  work: Work;
}

/** Muscles the case points at as diseased themselves (imaging of muscle, myopathic EMG, hypertrophy). */
function muscleCandidates(atlas: Atlas, c: LocusCase): Unit[] {
  const out: Unit[] = [];
  const add = (muscles: string[], side: string | undefined) => {
    if (muscles.length === 0) return;
    for (const s of sidesOf(side)) out.push(muscleUnit(atlas, muscles, s));
  };
  for (const f of c.findings) {
    if (f.kind === "imaging" && f.tags.some((t) => t.startsWith("muscle_")))
      add(musclesInText(atlas, f.text ?? ""), f.side);
    if (f.kind === "emg" && (f.muap === "myopathic" || f.recruitment === "early")) add([f.muscle], f.side);
    // An enlarged or a tender muscle is a candidate site for a lesion of the muscle itself (focal
    // myositis, muscle infarction, haematoma: data/evidence.ts muscleTenderness).
    if (
      f.kind === "sign" &&
      (f.sign === "hypertrophy" || f.sign === "tenderness") &&
      f.present !== false &&
      f.target
    )
      add(musclesOfBodyPart(atlas, f.target), f.side);
  }
  return out.length === 0 ? out : [...new Map(out.map((u) => [u.key, u])).values()];
}

/**
 * Bits of what in a case changes a diffuse answer's prior: the polyneuropathy's
 * (polyneuropathyContext) and no neurological lesion's (notNeuralHistory).
 */
const OVER_60 = 1;
const DIABETES = 2;
const ALCOHOL = 4;
const CHEMOTHERAPY = 8;
const NOT_NEURAL = 16;

/** notNeuralHistory's words with their free-text patterns, listed once. */
const NOT_NEURAL_WORDS = Object.entries(notNeuralHistory.words);

function diffuseCode(c: LocusCase): number {
  const history = c.context?.history ?? [];
  const has = (word: string) => history.some((h) => historyWordIs(h, word));
  const notNeural = NOT_NEURAL_WORDS.some(
    ([word, pattern]) => has(word) || history.some((h) => pattern.test(h)),
  );
  return (
    ((c.patient?.age ?? 0) >= 60 ? OVER_60 : 0) |
    (has("diabetes") ? DIABETES : 0) |
    (has("alcohol") ? ALCOHOL : 0) |
    (has("chemotherapy") ? CHEMOTHERAPY : 0) |
    (notNeural ? NOT_NEURAL : 0)
  );
}

function diffuseLogPrior(kind: DiffuseKind, code: number): number {
  let p: number;
  switch (kind) {
    case "cns_left":
    case "cns_right":
      p = diffusePrior.cns;
      break;
    case "cns_bilateral":
      p = diffusePrior.cns / 3;
      break;
    case "cns_distal_left":
    case "cns_distal_right":
      p = diffusePrior.cns * distalCentral.share;
      break;
    case "polyneuropathy": {
      p = diffusePrior.polyneuropathy;
      if (code & OVER_60) p *= polyneuropathyContext.over60;
      if (code & DIABETES) p *= polyneuropathyContext.diabetes;
      if (code & ALCOHOL) p *= polyneuropathyContext.alcohol;
      if (code & CHEMOTHERAPY) p *= polyneuropathyContext.chemotherapy;
      break;
    }
    case "none":
      p = diffusePrior.none * (code & NOT_NEURAL ? notNeuralHistory.factor : 1);
      break;
    default:
      p = diffusePrior[kind];
  }
  return Math.log(p);
}

/** Every diffuse process's log prior, by diffuseCode: the same few maps for every case (never written). */
const diffuseLogPriors = new Map<number, ReadonlyMap<DiffuseKind, number>>();

function diffuseLogPriorsOf(c: LocusCase): ReadonlyMap<DiffuseKind, number> {
  const code = diffuseCode(c);
  return keep(diffuseLogPriors, code, () => new Map(DIFFUSE_KINDS.map((k) => [k, diffuseLogPrior(k, code)])));
}

export function prepare(atlas: Atlas, c: LocusCase): Prepared {
  const { observations, skipped } = observe(atlas, c);
  const context = contextItems(atlas, c);
  const base = baseUnits(atlas);
  const muscles = muscleCandidates(atlas, c);
  // The atlas's own array when the case adds no muscle lesion (read only).
  const units = muscles.length === 0 ? base : [...base, ...muscles];
  const columns = columnsOf(atlas, observations);
  const unitEffects: (Effect | undefined)[] = units.map(() => undefined);
  // Units that explain an abnormal finding (a share over 0.1 of it) or a contextual one.
  const explains = new Uint8Array(units.length);
  observations.forEach((o, i) => {
    if (!o.abnormal || o.equivocal) return;
    const col = columns[i] as Column;
    for (let e = 0; e < col.units.length; e++)
      if ((col.d[e] as number) > 0.1) explains[col.units[e] as number] = 1;
  });
  for (let ui = base.length; ui < units.length; ui++) {
    const u = units[ui] as Unit;
    const d = new Float64Array(observations.length);
    for (let i = 0; i < observations.length; i++) d[i] = unitDamage(atlas, u, observations[i] as Observation);
    unitEffects[ui] = effectOfShares(observations, u.level as LesionClass, d);
    if (observations.some((o, i) => o.abnormal && !o.equivocal && (d[i] ?? 0) > 0.1)) explains[ui] = 1;
  }
  const none: View = { units: [], diffuse: "none" };
  const noneP = context.map((item) => item.p(none));
  const relevant: number[] = [];
  // One view for every lesion asked about (the items keep nothing of it).
  const one: View = { units: [units[0] as Unit], diffuse: "none" };
  for (let ui = 0; ui < units.length; ui++)
    if (explains[ui] || explainsContext(context, noneP, units[ui] as Unit, one)) relevant.push(ui);
  const chance = ageingChance(c.patient?.age);
  const gatheredUnits = relevant.filter((ui) => ui < base.length);
  const gathered = gatherEffects(
    atlas,
    columns,
    gatheredUnits,
    observations.some((o) => (chance > 0 && o.ageing !== undefined) || o.subjective !== undefined),
  );
  gathered.units.forEach((e, b) => {
    unitEffects[gatheredUnits[b] as number] = e;
  });
  const diffuseEffects = new Map<DiffuseKind, Effect>();
  DIFFUSE_KINDS.forEach((k, ki) => {
    diffuseEffects.set(k, gathered.diffuse[ki] as Effect);
  });
  // One buffer for the scoring loop's arrays, the lesions' priors and the causes' own silences.
  const atPriors = FAST_ARRAYS * observations.length;
  const atSilences = atPriors + units.length;
  const numbers = new Float64Array(
    atSilences + (units.length + DIFFUSE_KINDS.length) * severity.levels.length,
  );
  const fast = fastOf(observations, chance, numbers);
  const logZ = keep(logZs, base, () =>
    Math.log(base.filter((u) => u.parts.length === 1).reduce((a, u) => a + u.prior, 0)),
  );
  const prepared: Prepared = {
    logZ,
    logSiteBoost: siteBoosts(c),
    unitLogPrior: numbers.subarray(atPriors, atSilences).fill(Number.NaN),
    fast,
    readings: new Map(),
    silence: readSilence(atlas, c, observations),
    silenceSingles: numbers.subarray(atSilences).fill(Number.NaN),
    work: newWork(),
    atlas,
    observations,
    context,
    contextNone: noneP,
    units,
    columns,
    relevant,
    skipped,
    logPriorDiffuse: diffuseLogPriorsOf(c),
    unitEffects,
    diffuseEffects,
    lnNotFp: fast.lnNotFp,
  };
  baseline(prepared);
  return prepared;
}

/** log of the sum of all single-site priors, by the atlas's units (baseUnits: the same array each time). */
const logZs = new WeakMap<readonly Unit[], number>();

/**
 * Whether a lesion makes some context item twice as likely as no lesion does (noneP); `view` is
 * a one-lesion view, rewritten here.
 */
function explainsContext(
  context: readonly ContextItem[],
  noneP: readonly number[],
  u: Unit,
  view: View,
): boolean {
  if (context.length === 0) return false;
  view.units[0] = u;
  for (let k = 0; k < context.length; k++)
    if ((context[k] as ContextItem).p(view) > 2 * (noneP[k] ?? 0)) return true;
  return false;
}

/** No history, no boost (one map for every such case, never written). */
const NO_BOOSTS: ReadonlyMap<string, number> = new Map();

/**
 * How the history raises the prior of sites: the strongest reason for each site (cancer and its
 * radiotherapy are one suspicion about the plexus, not two).
 */
function siteBoosts(c: LocusCase): ReadonlyMap<string, number> {
  const history = c.context?.history;
  if (!history?.length) return NO_BOOSTS;
  const out = new Map<string, number>();
  const raise = (site: string, log: number) => out.set(site, Math.max(out.get(site) ?? 0, log));
  for (const h of history) {
    const at = h.indexOf(":");
    for (const { site, log } of WORD_BOOSTS.get(at < 0 ? h : h.slice(0, at)) ?? []) raise(site, log);
  }
  for (const place of PLACE_BOOSTS)
    if (history.some((h) => place.pattern.test(h)))
      for (const { site, log } of place.boosts) raise(site, log);
  return out;
}

type Boost = { site: string; log: number };

/** A history rule's sites, each with the log of its factor. */
const boostsOf = (rule: { sites: readonly string[]; factor: number }): Boost[] =>
  rule.sites.map((site) => ({ site, log: Math.log(rule.factor) }));

/** Each history word's boosts (historyPriors), worked out once. */
const WORD_BOOSTS: ReadonlyMap<string, readonly Boost[]> = new Map(
  Object.entries(historyPriors).map(([word, rules]) => [word, rules.flatMap(boostsOf)]),
);

/** The places named in free history (historyPlaces), with their boosts, worked out once. */
const PLACE_BOOSTS: readonly { pattern: RegExp; boosts: readonly Boost[] }[] = historyPlaces.map((place) => ({
  pattern: place.pattern,
  boosts: boostsOf(place),
}));

function boost(p: Prepared, u: Unit): number {
  if (u.level === "muscle") return p.logSiteBoost.get("muscle") ?? 0;
  let b = 0;
  for (const part of u.parts) b = Math.max(b, p.logSiteBoost.get(part) ?? 0);
  return b;
}

const LOG_UNRELATED = Math.log(extraLesion.unrelated);
const LOG_WITH_FOCAL = Math.log(diffusePrior.withFocal);

/** A lesion's own log prior (its site, the history's boost, normalised), kept once computed. */
function unitLogPrior(p: Prepared, i: number): number {
  let v = p.unitLogPrior[i];
  if (v === undefined || Number.isNaN(v)) {
    const u = p.units[i] as Unit;
    v = Math.log(u.prior) + boost(p, u) - p.logZ;
    p.unitLogPrior[i] = v;
  }
  return v;
}

/**
 * What lesion `unitIdx[k]` adds to the log prior of the lesions before it in `unitIdx`: the cost of
 * a mirror of one of them, or its own prior and the cost of an unrelated extra lesion.
 */
export function addedLogPrior(p: Prepared, unitIdx: readonly number[], k: number): number {
  const u = p.units[unitIdx[k] as number] as Unit;
  let shared = Number.NEGATIVE_INFINITY;
  for (let e = 0; e < k; e++) {
    const other = p.units[unitIdx[e] as number] as Unit;
    if (other.site === u.site && other.side !== u.side) return logMirrored(u);
    shared = Math.max(shared, logShared(other, u));
  }
  const own = unitLogPrior(p, unitIdx[k] as number);
  return k > 0 ? Math.max(shared, own + LOG_UNRELATED) : own;
}

/** Log of the factor a lesion costs as the mirror of the same site on the other side (priors.ts mirrored). */
const mirrorLogs = new Map<string, number>();

export function logMirrored(u: Unit): number {
  let v = mirrorLogs.get(u.site);
  if (v === undefined) {
    const nerve = u.site.split("@")[0] ?? u.site;
    v = Math.log(
      mirrored.bySite[u.site] ?? mirrored.bySite[nerve] ?? mirrored.byLevel[u.level] ?? extraLesion.mirrored,
    );
    mirrorLogs.set(u.site, v);
  }
  return v;
}

/** The compartments a site lies in, as bits (compartments order). */
const compartmentBits = new Map<string, number>();

export function compartmentsOf(site: string): number {
  let bits = compartmentBits.get(site);
  if (bits === undefined) {
    bits = 0;
    compartments.forEach((c, k) => {
      if (c.sites.includes(site)) bits = (bits as number) | (1 << k);
    });
    compartmentBits.set(site, bits);
  }
  return bits;
}

/** log of the largest factor among the compartments in `shared` (bits), or -Infinity when none. */
export function logCompartment(shared: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < compartments.length; k++)
    if (shared & (1 << k))
      best = Math.max(best, Math.log((compartments[k] as (typeof compartments)[number]).factor));
  return best;
}

/**
 * The log prior of lesion b beside lesion a when both lie in one compartment on one side: one mass
 * pressing both, so b costs the compartment's factor alone (as a mirror costs its factor alone);
 * -Infinity when they share none.
 */
export function logShared(a: Unit, b: Unit): number {
  if (a.side !== b.side) return Number.NEGATIVE_INFINITY;
  const shared = compartmentsOf(a.site) & compartmentsOf(b.site);
  return shared === 0 ? Number.NEGATIVE_INFINITY : logCompartment(shared);
}

export function logPrior(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  let lp = 0;
  for (let k = 0; k < unitIdx.length; k++) lp += addedLogPrior(p, unitIdx, k);
  if (diffuse === "none") return unitIdx.length === 0 ? (p.logPriorDiffuse.get("none") ?? 0) : lp;
  const d = p.logPriorDiffuse.get(diffuse) ?? 0;
  return unitIdx.length === 0 ? d : lp + d + LOG_WITH_FOCAL;
}

/**
 * The scoring's scratch for one case, made with the prepared case and dropped with it (never
 * shared between cases): every call rewrites it, so read what a call returns before the next.
 */
interface Work {
  /** A candidate's lesions and causes, one array per number of them (up to three lesions and a diffuse process). */
  units: Unit[][];
  effects: Effect[][];
  /** The view the context items read (they keep nothing of it). */
  view: View;
  parts: Parts;
  /** A candidate's sums, laid out as Fast.baseSums (see sumReadings). */
  sums: Float64Array;
  /** Each cause's readings when it alone touches a finding (see Pool.alone), by cause. */
  alones: Float64Array[];
  alonesAlt: Float64Array[];
  first: FirstReading;
  /** rescore's terms, one per severity level. */
  terms: Float64Array;
  /** One lesion's index, as the list silenceTerm reads (silenceAlone). */
  lone: number[];
  /** A lone cause's silence at every severity level (addSilence). */
  silence: Float64Array;
}

function newWork(): Work {
  const lengths = [0, 1, 2, 3, 4];
  return {
    units: lengths.map(() => []),
    effects: lengths.map(() => []),
    view: { units: [], diffuse: "none" },
    parts: { ll: 0, numb: 0, numbAlt: 0, weak: 0, weakAlt: 0, numbChance: 0 },
    sums: new Float64Array(SUMS * LEVELS),
    alones: [],
    alonesAlt: [],
    first: { score: 0, findings: 0, context: 0 },
    terms: new Float64Array(LOG_WEIGHTS.length),
    lone: [0],
    silence: new Float64Array(LOG_WEIGHTS.length),
  };
}

function contextOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  if (p.context.length === 0) return 0;
  const units = arrayOf(p.work.units, unitIdx.length);
  for (let k = 0; k < unitIdx.length; k++) units[k] = p.units[unitIdx[k] as number] as Unit;
  const view = p.work.view;
  view.units = units;
  view.diffuse = diffuse;
  let ll = 0;
  for (let k = 0; k < p.context.length; k++)
    ll += Math.log(Math.max(FLOOR, (p.context[k] as ContextItem).p(view)));
  return ll;
}

/**
 * Log-likelihood of the limb findings at one severity. The skin and strength findings share two
 * latent questions, whether the lesion numbs its territory at all and whether the examination is
 * reliable, so they are scored as a mixture over both (one log-sum-exp of four terms).
 */
function findingsAt(p: Prepared, effects: readonly Effect[], k: number): number {
  return fromParts(p.fast, findingParts(p, effects, k));
}

/**
 * findingsAt at every severity level but `skip`, added to out[level], for a candidate of one cause
 * (read in one pass over the findings it touches).
 */
function addOneCause(p: Prepared, effect: Effect, skip: number, out: Float64Array): void {
  const f = p.fast;
  const w = p.work;
  w.parts.numbChance = 1 - effect.spares;
  oneCause(f, w, effect, 0, out.length, skip);
  for (let k = 0; k < out.length; k++)
    if (k !== skip) out[k] = (out[k] as number) + fromParts(f, sumReadings(f, w, k));
}

/** The findings' log-likelihood at one severity from its parts (findingParts). */
function fromParts(f: Fast, x: Parts): number {
  const c = x.numbChance;
  const e = f.examChance;
  if (e <= 0) return x.ll + mixture(c, x.weak + x.numb, x.weak + f.spared);
  const numbReliable = x.weak + x.numb;
  const numbUnreliable = x.weakAlt + x.numbAlt;
  const sparedReliable = x.weak + f.spared;
  const sparedUnreliable = x.weakAlt + f.sparedAlt;
  let top = Math.max(sparedReliable, sparedUnreliable);
  if (c > 0) top = Math.max(top, numbReliable, numbUnreliable);
  let sum = (1 - c) * ((1 - e) * Math.exp(sparedReliable - top) + e * Math.exp(sparedUnreliable - top));
  if (c > 0) sum += c * ((1 - e) * Math.exp(numbReliable - top) + e * Math.exp(numbUnreliable - top));
  return x.ll + top + Math.log(sum);
}

/** log(a e^x + (1 - a) e^y), without overflow; y when a is 0. */
function mixture(a: number, x: number, y: number): number {
  if (a <= 0) return y;
  const top = Math.max(x, y);
  return top + Math.log(a * Math.exp(x - top) + (1 - a) * Math.exp(y - top));
}

/**
 * The parts of the findings' log-likelihood at one severity: the limb findings other than skin
 * and strength (`ll`, averaged over ageing); the skin findings read inside a numb territory and
 * the strength findings, in a reliable examination and in an unreliable one; and the chance the
 * lesion numbs its territory at all (the skin read as spared is Fast.spared, sparedAlt). One
 * object, rewritten by every call of findingParts (read it at once).
 */
interface Parts {
  ll: number;
  numb: number;
  numbAlt: number;
  weak: number;
  weakAlt: number;
  numbChance: number;
}

function findingParts(p: Prepared, effects: readonly Effect[], k: number): Parts {
  const f = p.fast;
  const w = p.work;
  const m = effects.length;
  let untouched = 1;
  for (let e = 0; e < m; e++) untouched *= (effects[e] as Effect).spares;
  w.parts.numbChance = 1 - untouched;
  if (m === 1) oneCause(f, w, effects[0] as Effect, k, k + 1, -1);
  else severalCauses(f, w, effects, k);
  return sumReadings(f, w, k);
}

/**
 * Ends findingParts from the work's sums: they start from Fast.baseSums (findings no lesion of the
 * candidate reaches read as they do without any lesion) and are corrected finding by finding.
 */
function sumReadings(f: Fast, { sums, parts }: Work, k: number): Parts {
  const at = SUMS * k;
  // Age takes the distal reflexes and responses together or not at all: a mixture over that latent.
  parts.ll =
    (sums[at + 2 * LIMB] as number) +
    mixture(f.ageingChance, sums[at + 2 * AGED + 1] as number, sums[at + 2 * AGED] as number);
  parts.numb = sums[at + 2 * SKIN] as number;
  parts.numbAlt = sums[at + 2 * SKIN + 1] as number;
  parts.weak = sums[at + 2 * WEAK] as number;
  parts.weakAlt = sums[at + 2 * WEAK + 1] as number;
  return parts;
}

/** How many sums a level's readings join (Fast.baseSums' layout); Work.sums holds one set per level. */
const SUMS = 8;

/**
 * findingParts for a candidate of one cause (every finding it touches, it touches alone), at the
 * levels from `from` to `to` (exclusive) but `skip`, in one pass over the findings it touches.
 */
function oneCause(f: Fast, w: Work, effect: Effect, from: number, to: number, skip: number): void {
  const { sums } = w;
  const { pool, off, size } = effect;
  const { touched, reading, alone, aloneAlt } = pool;
  const { lnNot, q, qGrade } = reading;
  const { lnNotFp, altLnNotFp, altFpShift, altGradeShift, fp, fpGrade, extra, sumOf, base, baseAlt } = f;
  for (let k = from; k < to; k++) sums.set(f.baseSums, SUMS * k);
  for (let t = 0; t < size; t++) {
    const i = touched[off + t] as number;
    const graded = ((extra[i] as number) & GRADES) !== 0;
    const sum = sumOf[i] as number;
    for (let k = from; k < to; k++) {
      if (k === skip) continue;
      const place = LEVELS * off + k * size + t;
      let value = alone[place] as number;
      let qs = 0;
      let g = 0;
      if (graded) {
        qs = (fp[i] as number) + (q[place] as number);
        g = (fpGrade[i] as number) + (qGrade[place] as number);
      }
      if (Number.isNaN(value)) {
        value = readFinding(f, i, (lnNotFp[i] as number) + (lnNot[place] as number), qs, g);
        alone[place] = value;
      }
      const at = SUMS * k + 2 * sum;
      sums[at] = (sums[at] as number) + (value - (base[i] as number));
      if (sum === LIMB) continue;
      let second = aloneAlt[place] as number;
      if (Number.isNaN(second)) {
        second = readFinding(
          f,
          i,
          (altLnNotFp[i] as number) + (lnNot[place] as number),
          qs + (altFpShift[i] as number),
          g + (altGradeShift[i] as number),
        );
        aloneAlt[place] = second;
      }
      sums[at + 1] = (sums[at + 1] as number) + (second - (baseAlt[i] as number));
    }
  }
}

/** findingParts for a candidate of several causes. */
function severalCauses(f: Fast, w: Work, effects: readonly Effect[], k: number): void {
  const { sums, alones, alonesAlt } = w;
  const m = effects.length;
  const gen = ++f.generation;
  // The findings the candidate's lesions touch, in the order first met, with their log(1 - q), q
  // and grade terms summed from the no-lesion rate, cause by cause.
  const {
    union,
    not,
    notAlt,
    qSum,
    grade,
    stamp,
    extra,
    lnNotFp,
    altLnNotFp,
    altFpShift,
    altGradeShift,
    fp,
    fpGrade,
    soleCause,
    solePlace,
    sumOf,
    base,
    baseAlt,
  } = f;
  let count = 0;
  for (let e = 0; e < m; e++) {
    const { pool, off, size } = effects[e] as Effect;
    const { touched, reading } = pool;
    const { lnNot, q, qGrade } = reading;
    alones[e] = pool.alone;
    alonesAlt[e] = pool.aloneAlt;
    const at = LEVELS * off + k * size;
    for (let t = 0; t < size; t++) {
      const i = touched[off + t] as number;
      const x = lnNot[at + t] as number;
      const more = extra[i] as number;
      if (stamp[i] !== gen) {
        stamp[i] = gen;
        union[count++] = i;
        soleCause[i] = e;
        solePlace[i] = at + t;
        not[i] = (lnNotFp[i] as number) + x;
        if (more === 0) continue;
        if (more & ALT) notAlt[i] = (altLnNotFp[i] as number) + x;
        if (more & GRADES) {
          qSum[i] = (fp[i] as number) + (q[at + t] as number);
          grade[i] = (fpGrade[i] as number) + (qGrade[at + t] as number);
        }
        continue;
      }
      soleCause[i] = -1;
      not[i] = (not[i] as number) + x;
      if (more === 0) continue;
      if (more & ALT) notAlt[i] = (notAlt[i] as number) + x;
      if (more & GRADES) {
        qSum[i] = (qSum[i] as number) + (q[at + t] as number);
        grade[i] = (grade[i] as number) + (qGrade[at + t] as number);
      }
    }
  }
  const level = SUMS * k;
  sums.set(f.baseSums, level);
  for (let u = 0; u < count; u++) {
    const i = union[u] as number;
    // A finding one cause alone touches reads the same in every candidate with that cause.
    const sole = soleCause[i] as number;
    const place = solePlace[i] as number;
    // One call of readFinding for each reading (so that it is inlined).
    let value = sole >= 0 ? ((alones[sole] as Float64Array)[place] as number) : Number.NaN;
    if (Number.isNaN(value)) {
      value = readFinding(f, i, not[i] as number, qSum[i] as number, grade[i] as number);
      if (sole >= 0) (alones[sole] as Float64Array)[place] = value;
    }
    const sum = sumOf[i] as number;
    const at = level + 2 * sum;
    sums[at] = (sums[at] as number) + (value - (base[i] as number));
    if (sum === LIMB) continue;
    const aloneAlt = sole >= 0 ? (alonesAlt[sole] as Float64Array) : undefined;
    let second = aloneAlt ? (aloneAlt[place] as number) : Number.NaN;
    if (Number.isNaN(second)) {
      second = readFinding(
        f,
        i,
        notAlt[i] as number,
        (qSum[i] as number) + (altFpShift[i] as number),
        (grade[i] as number) + (altGradeShift[i] as number),
      );
      if (aloneAlt) aloneAlt[place] = second;
    }
    sums[at + 1] = (sums[at + 1] as number) + (second - (baseAlt[i] as number));
  }
}

/** Fill in the no-lesion reading of every finding (needs lnNotFp, so done after fastOf). */
function baseline(p: Prepared): void {
  const f = p.fast;
  const sums = f.baseSums;
  for (let i = 0; i < f.code.length; i++) {
    const v = readFinding(f, i, p.lnNotFp[i] as number, f.fp[i] as number, f.fpGrade[i] as number);
    f.base[i] = v;
    const sum = f.sumOf[i] as number;
    sums[2 * sum] = (sums[2 * sum] as number) + v;
    if (sum === LIMB) continue;
    const a = readFinding(
      f,
      i,
      f.altLnNotFp[i] as number,
      (f.fp[i] as number) + (f.altFpShift[i] as number),
      (f.fpGrade[i] as number) + (f.altGradeShift[i] as number),
    );
    f.baseAlt[i] = a;
    sums[2 * sum + 1] = (sums[2 * sum + 1] as number) + a;
  }
}

/** A candidate's first reading: its score, and what its full reading reads the same. */
export interface FirstReading {
  score: number;
  /** The limb findings at the middle severity (at the only one for the no-lesion candidate). */
  findings: number;
  context: number;
}

/** log of each severity level's weight. */
const LOG_WEIGHTS = severity.levels.map((_, k) => Math.log(severity.weights[k] ?? 0));

/**
 * A candidate's score (log prior plus log-likelihood of the case) read at the middle severity only
 * (the search's first pass), with the parts `rescore` can reuse. The middle severity with its
 * weight is a lower bound of the mixture: candidates left at the first pass are never ranked
 * above what a full reading would give them.
 */
export function scoreFirst(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): FirstReading {
  const effects = effectsOf(p, unitIdx, diffuse);
  const context = contextOf(p, unitIdx, diffuse);
  const findings = findingsAt(p, effects, effects.length === 0 ? 0 : COARSE);
  // The one reading scoreFirst rewrites for every candidate (copy what is kept).
  const first = p.work.first;
  const ll = effects.length === 0 ? findings + context : LOG_COARSE_WEIGHT + findings + context;
  first.score = ll + silenceFirst(p, unitIdx, diffuse) + logPrior(p, unitIdx, diffuse);
  first.findings = findings;
  first.context = context;
  return first;
}

/** What the report's silence says of a candidate (silence.ts). */
export function silenceOf(
  p: Prepared,
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
  level: number = COARSE,
): number {
  const u = loneCause(unitIdx, diffuse);
  return u === undefined
    ? silenceTerm(p.atlas, p.silence, p.units, unitIdx, diffuse, level)
    : silenceAlone(p, u, diffuse, level);
}

/**
 * The one cause of a candidate whose silence is kept per case (silenceAlone): its lesion, or -1 for
 * a diffuse process alone; undefined for a candidate of several causes or none.
 */
function loneCause(unitIdx: readonly number[], diffuse: DiffuseKind): number | undefined {
  if (unitIdx.length === 0) return diffuse === "none" ? undefined : -1;
  return unitIdx.length === 1 && diffuse === "none" ? (unitIdx[0] as number) : undefined;
}

/** silenceOf at every severity level, added to out[level]. */
function addSilence(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind, out: Float64Array): void {
  const u = loneCause(unitIdx, diffuse);
  if (u === undefined) {
    addSilenceTerms(p.atlas, p.silence, p.units, unitIdx, diffuse, out);
    return;
  }
  const at = silenceAt(p, u, diffuse);
  const kept = p.silenceSingles;
  // The first pass kept the middle level only: read every level in one pass over the items.
  let missing = false;
  for (let k = 0; k < out.length; k++) missing ||= Number.isNaN(kept[at + k] as number);
  if (missing) {
    const all = p.work.silence;
    all.fill(0);
    addSilenceTerms(p.atlas, p.silence, p.units, loneUnits(p, u), diffuse, all);
    kept.set(all, at);
  }
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) + (kept[at + k] as number);
}

/** Where a lone cause's silence at each level is kept in Prepared.silenceSingles (u -1: a diffuse process). */
function silenceAt(p: Prepared, u: number, diffuse: DiffuseKind): number {
  return (u >= 0 ? u : p.units.length + DIFFUSE_KINDS.indexOf(diffuse)) * LOG_WEIGHTS.length;
}

/**
 * The silence as the first pass reads it: the sum of each lesion's own silence at the middle
 * severity (kept per case). A lower bound of the candidate's silence, as the middle severity is of
 * its findings: lesions that predict the same unmentioned items pay for them once in the full
 * reading.
 */
export function silenceFirst(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  let sum = 0;
  for (const u of unitIdx) sum += silenceAlone(p, u, "none", COARSE);
  if (diffuse !== "none") sum += silenceAlone(p, -1, diffuse, COARSE);
  return sum;
}

/** One lesion's (u >= 0) or one diffuse process's own silence at a severity level, kept per case. */
function silenceAlone(p: Prepared, u: number, diffuse: DiffuseKind, level: number): number {
  const at = silenceAt(p, u, diffuse) + level;
  let v = p.silenceSingles[at] as number;
  if (Number.isNaN(v)) {
    v = silenceTerm(p.atlas, p.silence, p.units, loneUnits(p, u), diffuse, level);
    p.silenceSingles[at] = v;
  }
  return v;
}

/** A candidate of no focal lesion, as a list of lesions. */
const NO_UNITS: readonly number[] = Object.freeze([]);

/** A lone cause's lesions as the silence reads them: its one lesion (in the work's list), or none (u -1). */
function loneUnits(p: Prepared, u: number): readonly number[] {
  if (u < 0) return NO_UNITS;
  const lone = p.work.lone;
  lone[0] = u;
  return lone;
}

/** The severity level the first pass reads (the middle one), and log of its weight. */
const COARSE = Math.floor(severity.levels.length / 2);
const LOG_COARSE_WEIGHT = Math.log(severity.weights[COARSE] ?? 1);

/**
 * A candidate's score averaged over lesion severity, for a candidate read first by `scoreFirst`
 * (its findings and context as that reading found them).
 */
export function rescore(
  p: Prepared,
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
  findings: number,
  context: number,
): number {
  const effects = effectsOf(p, unitIdx, diffuse);
  if (effects.length === 0) return findings + context + logPrior(p, unitIdx, diffuse);
  const terms = p.work.terms;
  // The severity is one latent for the findings and the silence alike.
  for (let k = 0; k < terms.length; k++)
    terms[k] = (LOG_WEIGHTS[k] as number) + (k === COARSE ? findings : 0);
  if (effects.length === 1) addOneCause(p, effects[0] as Effect, COARSE, terms);
  else
    for (let k = 0; k < terms.length; k++)
      if (k !== COARSE) terms[k] = (terms[k] as number) + findingsAt(p, effects, k);
  addSilence(p, unitIdx, diffuse, terms);
  let top = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < terms.length; k++) top = Math.max(top, terms[k] as number);
  let sum = 0;
  for (let k = 0; k < terms.length; k++) sum += Math.exp((terms[k] as number) - top);
  return top + Math.log(sum) + context + logPrior(p, unitIdx, diffuse);
}

/** Each observation's log-likelihood at full severity (explanations; kept per candidate, read only). */
export function observationLogLikelihoods(
  p: Prepared,
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
): Float64Array {
  const key = candidateCode(unitIdx, diffuse, p.units.length) ?? `${diffuse}|${unitIdx.join(",")}`;
  let out = p.readings.get(key);
  if (!out) {
    out = readingsOf(p, unitIdx, diffuse);
    p.readings.set(key, out);
  }
  return out;
}

function readingsOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): Float64Array {
  const f = p.fast;
  const not = p.lnNotFp.slice();
  // The scoring loop's scratch serves here (it keeps nothing between candidates).
  const qSum = f.qSum;
  const grade = f.grade;
  qSum.set(f.fp);
  grade.set(f.fpGrade);
  const gen = ++f.generation;
  for (const { pool, off, size } of effectsOf(p, unitIdx, diffuse)) {
    const { touched, reading } = pool;
    const at = LEVELS * off + FULL * size;
    for (let t = 0; t < size; t++) {
      const i = touched[off + t] as number;
      f.stamp[i] = gen;
      not[i] = (not[i] as number) + (reading.lnNot[at + t] as number);
      if (f.code[i] === GRADED) {
        qSum[i] = (qSum[i] as number) + (reading.q[at + t] as number);
        grade[i] = (grade[i] as number) + (reading.qGrade[at + t] as number);
      }
    }
  }
  // A finding no cause touches reads as without a lesion (baseline read it from the same numbers).
  for (let i = 0; i < not.length; i++)
    not[i] =
      f.stamp[i] === gen
        ? readFinding(f, i, not[i] as number, qSum[i] as number, grade[i] as number)
        : (f.base[i] as number);
  return not;
}

/** Each observation's log-likelihood without any lesion (read only). */
export function noLesionReadings(p: Prepared): Float64Array {
  return p.fast.base;
}

/** The severity level explanations read (the most severe). */
const FULL = severity.levels.length - 1;

/** What a unit does to the findings (made on first use for units the search passed over). */
export function unitEffect(p: Prepared, u: number): Effect {
  let e = p.unitEffects[u];
  if (!e) {
    const unit = p.units[u] as Unit;
    e = effectOfColumns(p.columns, u, unit.level as LesionClass);
    p.unitEffects[u] = e;
  }
  return e;
}

/** The share of observation i that unit u reaches. */
export function shareOf(p: Prepared, u: number, i: number): number {
  return shareAt(unitEffect(p, u), i);
}

/** The effects of a candidate's lesions (in the work: read them before asking for another candidate's). */
function effectsOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): readonly Effect[] {
  const d = diffuse === "none" ? undefined : p.diffuseEffects.get(diffuse);
  const effects = arrayOf(p.work.effects, unitIdx.length + (d ? 1 : 0));
  for (let k = 0; k < unitIdx.length; k++) effects[k] = unitEffect(p, unitIdx[k] as number);
  if (d) effects[unitIdx.length] = d;
  return effects;
}
