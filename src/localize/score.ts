/**
 * Scoring a candidate (focal lesions, a diffuse process, or both) against one prepared case.
 *
 * Every lesion acts on every observation as an independent cause (noisy OR), so what a lesion does
 * is precomputed (effects.ts, kept across cases): for each lesion, severity and observation,
 * log(1 - q) and q. A candidate's score is then sums over a few typed arrays.
 */
import type { Atlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { type ContextItem, contextItems, musclesInText, type View } from "./context.js";
import type { LesionClass } from "./data/evidence.js";
import { diffusePrior, extraLesion, historyPriors, polyneuropathyContext, severity } from "./data/priors.js";
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
  AGE,
  ALT,
  FAST_ARRAYS,
  type Fast,
  fastOf,
  GRADED,
  GRADES,
  readFinding,
  SENSORY_ABNORMAL,
  SENSORY_NORMAL,
} from "./fast.js";
import { FLOOR } from "./likelihood.js";
import { DIFFUSE_KINDS, type DiffuseKind, muscleUnit, type Unit, unitDamage } from "./model.js";
import { ageingChance, type LimbSide, musclesOfBodyPart, type Observation, observe } from "./observe.js";

export interface Prepared {
  atlas: Atlas;
  observations: Observation[];
  context: ContextItem[];
  units: Unit[];
  /** What every cause does to each observation (see effects.ts). */
  columns: Column[];
  /** Units that explain at least one abnormal finding or a contextual finding. */
  relevant: number[];
  skipped: { finding: number; why: string }[];
  logPriorDiffuse: Map<DiffuseKind, number>;
  /** What each unit does to the findings (relevant units and muscles at once, others on first use). */
  unitEffects: (Effect | undefined)[];
  diffuseEffects: Map<DiffuseKind, Effect>;
  /** log(1 - fp) per observation. */
  lnNotFp: Float64Array;
  /** log of the sum of all single-site priors: site priors are divided by it. */
  logZ: number;
  /** log multipliers of site priors from the history (historyPriors). */
  logSiteBoost: Map<string, number>;
  /** Each lesion's own log prior, filled on first use (NaN until then). */
  unitLogPrior: Float64Array;
  fast: Fast;
  /** Each observation's log-likelihood under candidates explained so far, by candidate. */
  readings: Map<string, Float64Array>;
}

/** Muscles the case points at as diseased themselves (imaging of muscle, myopathic EMG, hypertrophy). */
function muscleCandidates(atlas: Atlas, c: LocusCase): Unit[] {
  const out: Unit[] = [];
  const add = (muscles: string[], side: string | undefined) => {
    if (muscles.length === 0) return;
    const sides: LimbSide[] = side === "left" ? ["left"] : side === "right" ? ["right"] : ["left", "right"];
    for (const s of sides) out.push(muscleUnit(atlas, muscles, s));
  };
  for (const f of c.findings) {
    if (f.kind === "imaging" && f.tags.some((t) => t.startsWith("muscle_")))
      add(musclesInText(atlas, f.text ?? ""), f.side);
    if (f.kind === "emg" && (f.muap === "myopathic" || f.recruitment === "early")) add([f.muscle], f.side);
    if (f.kind === "sign" && f.sign === "hypertrophy" && f.present !== false && f.target)
      add(musclesOfBodyPart(atlas, f.target), f.side);
  }
  return [...new Map(out.map((u) => [u.key, u])).values()];
}

function diffuseLogPrior(kind: DiffuseKind, c: LocusCase): number {
  const history = (c.context?.history ?? []).map((h) => h.split(":")[0]);
  let p: number;
  switch (kind) {
    case "cns_left":
    case "cns_right":
      p = diffusePrior.cns;
      break;
    case "cns_bilateral":
      p = diffusePrior.cns / 3;
      break;
    case "polyneuropathy": {
      p = diffusePrior.polyneuropathy;
      if ((c.patient?.age ?? 0) >= 60) p *= polyneuropathyContext.over60;
      if (history.includes("diabetes")) p *= polyneuropathyContext.diabetes;
      if (history.includes("alcohol")) p *= polyneuropathyContext.alcohol;
      if (history.includes("chemotherapy")) p *= polyneuropathyContext.chemotherapy;
      break;
    }
    default:
      p = diffusePrior[kind];
  }
  return Math.log(p);
}

export function prepare(atlas: Atlas, c: LocusCase): Prepared {
  const { observations, skipped } = observe(atlas, c);
  const context = contextItems(atlas, c);
  const base = baseUnits(atlas);
  const units = [...base, ...muscleCandidates(atlas, c)];
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
    const d = Float64Array.from(observations, (o) => unitDamage(atlas, u, o));
    unitEffects[ui] = effectOfShares(observations, u.level as LesionClass, d);
    if (observations.some((o, i) => o.abnormal && !o.equivocal && (d[i] ?? 0) > 0.1)) explains[ui] = 1;
  }
  const none: View = { units: [], diffuse: "none" };
  const noneP = context.map((item) => item.p(none));
  const relevant: number[] = [];
  units.forEach((u, ui) => {
    if (
      explains[ui] ||
      context.some((item, k) => item.p({ units: [u], diffuse: "none" }) > 2 * (noneP[k] ?? 0))
    )
      relevant.push(ui);
  });
  const gathered = gatherEffects(
    atlas,
    columns,
    relevant.filter((ui) => ui < base.length),
  );
  for (const [ui, e] of gathered.units) unitEffects[ui] = e;
  const diffuseEffects = new Map<DiffuseKind, Effect>();
  const logPriorDiffuse = new Map<DiffuseKind, number>();
  DIFFUSE_KINDS.forEach((k, ki) => {
    diffuseEffects.set(k, gathered.diffuse[ki] as Effect);
    logPriorDiffuse.set(k, diffuseLogPrior(k, c));
  });
  // One buffer for the scoring loop's arrays and the lesions' priors.
  const numbers = new Float64Array(FAST_ARRAYS * observations.length + units.length);
  const fast = fastOf(observations, ageingChance(c.patient?.age), numbers);
  const logZ = Math.log(base.filter((u) => u.parts.length === 1).reduce((a, u) => a + u.prior, 0));
  const prepared: Prepared = {
    logZ,
    logSiteBoost: siteBoosts(c),
    unitLogPrior: numbers.subarray(FAST_ARRAYS * observations.length).fill(Number.NaN),
    fast,
    readings: new Map(),
    atlas,
    observations,
    context,
    units,
    columns,
    relevant,
    skipped,
    logPriorDiffuse,
    unitEffects,
    diffuseEffects,
    lnNotFp: fast.lnNotFp,
  };
  baseline(prepared);
  return prepared;
}

/**
 * How the history raises the prior of sites: the strongest reason for each site (cancer and its
 * radiotherapy are one suspicion about the plexus, not two).
 */
function siteBoosts(c: LocusCase): Map<string, number> {
  const words = new Set((c.context?.history ?? []).map((h) => h.split(":")[0] ?? ""));
  const out = new Map<string, number>();
  for (const w of words) {
    for (const rule of historyPriors[w] ?? []) {
      for (const site of rule.sites) out.set(site, Math.max(out.get(site) ?? 0, Math.log(rule.factor)));
    }
  }
  return out;
}

function boost(p: Prepared, u: Unit): number {
  let b = 0;
  for (const part of u.parts) b = Math.max(b, p.logSiteBoost.get(part) ?? 0);
  return b;
}

const LOG_MIRRORED = Math.log(extraLesion.mirrored);
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

export function logPrior(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  let lp = 0;
  for (let k = 0; k < unitIdx.length; k++) {
    const u = p.units[unitIdx[k] as number] as Unit;
    let mirrored = false;
    for (let e = 0; e < k && !mirrored; e++) {
      const other = p.units[unitIdx[e] as number] as Unit;
      mirrored = other.site === u.site && other.side !== u.side;
    }
    if (mirrored) lp += LOG_MIRRORED;
    else lp += unitLogPrior(p, unitIdx[k] as number) + (k > 0 ? LOG_UNRELATED : 0);
  }
  if (diffuse === "none") return unitIdx.length === 0 ? (p.logPriorDiffuse.get("none") ?? 0) : lp;
  const d = p.logPriorDiffuse.get(diffuse) ?? 0;
  return unitIdx.length === 0 ? d : lp + d + LOG_WITH_FOCAL;
}

function contextOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  if (p.context.length === 0) return 0;
  const view: View = { units: unitIdx.map((u) => p.units[u] as Unit), diffuse };
  let ll = 0;
  for (const item of p.context) ll += Math.log(Math.max(FLOOR, item.p(view)));
  return ll;
}

/**
 * Log-likelihood of the limb findings at one severity. Sensory findings share one latent
 * question, whether the lesion numbs its territory at all, so they are scored as a mixture.
 */
function findingsAt(p: Prepared, effects: readonly Effect[], k: number): number {
  const { ll, numb, spared, numbChance } = findingParts(p, effects, k);
  return ll + mixture(numbChance, numb, spared);
}

/**
 * The parts of the findings' log-likelihood at one severity: the limb findings other than skin
 * and strength; the skin findings read inside a numb territory and read as spared, each together
 * with the strength findings and averaged over whether the examination is reliable; and the chance
 * the lesion numbs its territory at all.
 */
function findingParts(
  p: Prepared,
  effects: readonly Effect[],
  k: number,
): { ll: number; numb: number; spared: number; numbChance: number } {
  const f = p.fast;
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
    fp,
    fpGrade,
    soleCause,
    solePlace,
  } = f;
  let count = 0;
  for (let e = 0; e < m; e++) {
    const { pool, off, size } = effects[e] as Effect;
    const { touched, reading } = pool;
    const { lnNot, q, qGrade } = reading;
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
  // Findings no lesion of the candidate reaches read as they do without any lesion: start from that
  // sum and correct only the findings the candidate's lesions touch.
  let ll = f.baseSum;
  let numb = f.baseNumbSum;
  let numbAlt = f.baseNumbAltSum;
  let young = f.baseYoungSum;
  let old = f.baseAgedSum;
  let weak = f.baseWeakSum;
  let weakAlt = f.baseWeakAltSum;
  for (let u = 0; u < count; u++) {
    const i = union[u] as number;
    // A finding one cause alone touches reads the same in every candidate with that cause.
    const sole = soleCause[i] as number;
    const pool = sole >= 0 ? (effects[sole] as Effect).pool : undefined;
    const place = solePlace[i] as number;
    let value = pool ? (pool.alone[place] as number) : Number.NaN;
    if (Number.isNaN(value)) {
      value = readFinding(f, i, not[i] as number, qSum[i] as number, grade[i] as number);
      if (pool) pool.alone[place] = value;
    }
    const regime = f.regime[i] as number;
    const skin = f.code[i] === SENSORY_NORMAL || f.code[i] === SENSORY_ABNORMAL;
    if (regime === 0) {
      if (skin) numb += value - (f.base[i] as number);
      else ll += value - (f.base[i] as number);
      continue;
    }
    let alt = pool ? (pool.aloneAlt[place] as number) : Number.NaN;
    if (Number.isNaN(alt)) {
      alt = readFinding(
        f,
        i,
        notAlt[i] as number,
        (qSum[i] as number) + (f.altFpShift[i] as number),
        (grade[i] as number) + (f.altGradeShift[i] as number),
      );
      if (pool) pool.aloneAlt[place] = alt;
    }
    const change = value - (f.base[i] as number);
    const altChange = alt - (f.baseAlt[i] as number);
    if (regime === AGE) {
      young += change;
      old += altChange;
    } else if (skin) {
      numb += change;
      numbAlt += altChange;
    } else {
      weak += change;
      weakAlt += altChange;
    }
  }
  // Age takes the distal reflexes and responses together or not at all: a mixture over that latent.
  ll += mixture(f.ageingChance, old, young);
  let untouched = 1;
  for (let e = 0; e < m; e++) untouched *= (effects[e] as Effect).spares;
  // The examination is reliable or not for strength and skin alike: the strength findings join
  // the skin findings in each branch of the numbness mixture.
  const e = f.examChance;
  return {
    ll,
    numb: mixture(e, weakAlt + numbAlt, weak + numb),
    spared: mixture(e, weakAlt + f.sparedAlt, weak + f.spared),
    numbChance: 1 - untouched,
  };
}

/** log(a e^x + (1 - a) e^y), without overflow; y when a is 0. */
function mixture(a: number, x: number, y: number): number {
  if (a <= 0) return y;
  const top = Math.max(x, y);
  return top + Math.log(a * Math.exp(x - top) + (1 - a) * Math.exp(y - top));
}

/** One combination of the hidden properties a candidate averages over. */
export interface Latent {
  /** Fraction of the fibres at the site that are lost. */
  level: number;
  /** Whether the lesion numbs its territory. */
  numb: boolean;
  /** log(prior weight of this combination) + log-likelihood of the limb findings under it. */
  logWeight: number;
}

/** The hidden properties of a candidate (severity, numbness) weighed by the findings so far. */
export function latentTerms(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): Latent[] {
  const effects = effectsOf(p, unitIdx, diffuse);
  const out: Latent[] = [];
  severity.levels.forEach((level, k) => {
    const { ll, numb, spared, numbChance } = findingParts(p, effects, k);
    const w = Math.log(severity.weights[k] ?? 0);
    if (numbChance > 0) out.push({ level, numb: true, logWeight: w + Math.log(numbChance) + ll + numb });
    if (numbChance < 1)
      out.push({ level, numb: false, logWeight: w + Math.log(1 - numbChance) + ll + spared });
  });
  return out;
}

/** Fill in the no-lesion reading of every finding (needs lnNotFp, so done after fastOf). */
function baseline(p: Prepared): void {
  const f = p.fast;
  for (let i = 0; i < f.code.length; i++) {
    const v = readFinding(f, i, p.lnNotFp[i] as number, f.fp[i] as number, f.fpGrade[i] as number);
    f.base[i] = v;
    const regime = f.regime[i] as number;
    const skin = f.code[i] === SENSORY_NORMAL || f.code[i] === SENSORY_ABNORMAL;
    if (regime === 0) {
      if (skin) f.baseNumbSum += v;
      else f.baseSum += v;
      continue;
    }
    const a = readFinding(
      f,
      i,
      f.altLnNotFp[i] as number,
      (f.fp[i] as number) + (f.altFpShift[i] as number),
      (f.fpGrade[i] as number) + (f.altGradeShift[i] as number),
    );
    f.baseAlt[i] = a;
    if (regime === AGE) {
      f.baseYoungSum += v;
      f.baseAgedSum += a;
    } else if (skin) {
      f.baseNumbSum += v;
      f.baseNumbAltSum += a;
    } else {
      f.baseWeakSum += v;
      f.baseWeakAltSum += a;
    }
  }
}

/** What a candidate's first reading found that its full reading reads the same. */
export interface FirstReading {
  /** The limb findings at the middle severity (at the only one for the no-lesion candidate). */
  findings: number;
  context: number;
}

/**
 * A candidate's score (log prior plus log-likelihood of the case) read at the middle severity only
 * (the search's first pass), with the parts `rescore` can reuse. The middle severity with its
 * weight is a lower bound of the mixture: candidates left at the first pass are never ranked
 * above what a full reading would give them.
 */
export function scoreFirst(
  p: Prepared,
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
): { score: number; first: FirstReading } {
  const effects = effectsOf(p, unitIdx, diffuse);
  const context = contextOf(p, unitIdx, diffuse);
  const first = { findings: findingsAt(p, effects, effects.length === 0 ? 0 : COARSE), context };
  const ll =
    effects.length === 0
      ? first.findings + context
      : Math.log(severity.weights[COARSE] ?? 1) + first.findings + context;
  return { score: ll + logPrior(p, unitIdx, diffuse), first };
}

/** A candidate's score averaged over lesion severity, for a candidate read first by `scoreFirst`. */
export function rescore(
  p: Prepared,
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
  first: FirstReading,
): number {
  const effects = effectsOf(p, unitIdx, diffuse);
  if (effects.length === 0) return first.findings + first.context + logPrior(p, unitIdx, diffuse);
  let top = Number.NEGATIVE_INFINITY;
  const terms = severity.levels.map((_, k) => {
    const t =
      Math.log(severity.weights[k] ?? 0) + (k === COARSE ? first.findings : findingsAt(p, effects, k));
    top = Math.max(top, t);
    return t;
  });
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - top);
  return top + Math.log(sum) + first.context + logPrior(p, unitIdx, diffuse);
}

/** The severity level the first pass reads (the middle one). */
const COARSE = Math.floor(severity.levels.length / 2);

/** Each observation's log-likelihood at full severity (explanations; kept per candidate, read only). */
export function observationLogLikelihoods(
  p: Prepared,
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
): Float64Array {
  const key = `${diffuse}|${unitIdx.join(",")}`;
  let out = p.readings.get(key);
  if (!out) {
    out = readingsOf(p, unitIdx, diffuse);
    p.readings.set(key, out);
  }
  return out;
}

function readingsOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): Float64Array {
  const f = p.fast;
  const not = Float64Array.from(p.lnNotFp);
  // The scoring loop's scratch serves here (it keeps nothing between candidates).
  const qSum = f.qSum;
  const grade = f.grade;
  qSum.set(f.fp);
  grade.set(f.fpGrade);
  for (const { pool, off, size } of effectsOf(p, unitIdx, diffuse)) {
    const { touched, reading } = pool;
    const at = LEVELS * off + FULL * size;
    for (let t = 0; t < size; t++) {
      const i = touched[off + t] as number;
      not[i] = (not[i] as number) + (reading.lnNot[at + t] as number);
      if (f.code[i] === GRADED) {
        qSum[i] = (qSum[i] as number) + (reading.q[at + t] as number);
        grade[i] = (grade[i] as number) + (reading.qGrade[at + t] as number);
      }
    }
  }
  for (let i = 0; i < not.length; i++)
    not[i] = readFinding(f, i, not[i] as number, qSum[i] as number, grade[i] as number);
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

/** The effects of a candidate's lesions. */
function effectsOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): Effect[] {
  const effects: Effect[] = [];
  for (const u of unitIdx) effects.push(unitEffect(p, u));
  const d = p.diffuseEffects.get(diffuse);
  if (d && diffuse !== "none") effects.push(d);
  return effects;
}
