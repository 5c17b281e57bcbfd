/**
 * The localization model stated plainly: a candidate's score as the model defines it, computed
 * straight from the atlas's shares and the evidence tables, with none of the fast path's tables,
 * caches or scratch. It is slow and it is the specification: score.ts, effects.ts, fast.ts and
 * silence.ts must give the same number for every candidate they score in full
 * (reference.test.ts checks this on every development case and on synthetic cases). Change the
 * model here first, then make the fast path agree.
 *
 * A candidate is a set of focal lesions (units) and at most one diffuse process. Its score is
 *
 *   log prior + context + log sum_k w_k exp(findings_k + silence_k)
 *
 * over the lesion severity levels k (priors.ts severity: the fraction of fibres lost, and its
 * weight w_k), where
 * - findings_k is the log-likelihood of the limb findings at severity k. Each finding is a noisy OR:
 *   a false-positive rate fp and, for every cause reaching the finding's anatomy by a share d, a
 *   chance q = causeProbability(d * level). Skin findings are read inside a numb territory; whether
 *   the candidate numbs its territory at all is a latent (chance 1 - prod(spares)), and a spared
 *   territory reads the skin as no lesion would. Whether the examination is reliable is a latent
 *   for the strength and skin findings together (subjectiveExam), and whether age has taken the
 *   distal reflexes and responses is a latent for those findings together (ageing). Graded weakness
 *   reads the chance of its grade given weakness.
 * - silence_k is what the report's silence says (silence.ts): every routine item the case does not
 *   mention is silent with probability 1 - r a, a the chance the candidate makes it abnormal and r
 *   how often that would be reported; per side against no lesion, capped below.
 * - context is the log-likelihood of the history, imaging and other context items (context.ts).
 * - the log prior is the lesions' site priors, mirror and compartment costs and the diffuse prior
 *   (score.ts logPrior, which is already written as the model reads).
 * A candidate with no lesion at all is read at no severity: its score is its findings (with no
 * cause) plus its context and prior.
 */
import type { Atlas } from "../atlas/index.js";
import { equivocal, gradeGivenWeak, type LesionClass, sensoryInvolvement } from "./data/evidence.js";
import { severity } from "./data/priors.js";
import { reporting } from "./data/silence.js";
import { type Cause, causeProbability, FLOOR, gradeShare } from "./likelihood.js";
import { type DiffuseKind, diffuseDamage, type Unit, unitDamage } from "./model.js";
import type { Observation } from "./observe.js";
import { logPrior, type Prepared } from "./score.js";

/** The causes of one candidate that reach one observation: a class and a share each, grouped as lesions. */
type Lesion = { cls: LesionClass; d: number }[];

/** Each lesion of the candidate as its shares of the observation (a diffuse process may have several). */
function lesionsAt(atlas: Atlas, units: readonly Unit[], diffuse: DiffuseKind, o: Observation): Lesion[] {
  const out: Lesion[] = units.map((u) => [{ cls: u.level as LesionClass, d: unitDamage(atlas, u, o) }]);
  if (diffuse !== "none")
    out.push(diffuseDamage(atlas, diffuse, [o]).map((x) => ({ cls: x.cls, d: x.d[0] ?? 0 })));
  return out;
}

/** The chance a lesion's territory is spared by the candidate: it numbs none of its skin. */
function spares(atlas: Atlas, units: readonly Unit[], diffuse: DiffuseKind): number {
  let spared = 1;
  for (const u of units) spared *= 1 - sensoryInvolvement[u.level as LesionClass];
  if (diffuse !== "none") {
    const classes = new Set(diffuseDamage(atlas, diffuse, []).map((x) => x.cls));
    for (const cls of classes) spared *= 1 - sensoryInvolvement[cls];
  }
  return spared;
}

/** The cause one share makes at severity level k (symptoms of irritation do not scale with loss). */
function causeAt(o: Observation, cls: LesionClass, d: number, k: number): Cause {
  const level = severity.levels[k] ?? 1;
  return { cls, d: o.family === "sensorySymptom" ? d : d * level, level: k };
}

/**
 * log P(one finding | the candidate at severity k) at a false-positive rate `fp`: a noisy OR of
 * the rate and every cause (skin read inside a numb territory).
 */
function findingLogLikelihood(o: Observation, lesions: readonly Lesion[], k: number, fp: number): number {
  const skin = o.family === "sensoryChange";
  const unexplained = o.grade === undefined ? 0 : (gradeGivenWeak.unexplained[o.grade] ?? 0);
  let lnNot = Math.log(1 - fp);
  let qSum = fp;
  let gradeSum = fp * unexplained;
  for (const lesion of lesions)
    for (const share of lesion) {
      if (share.d <= 0) continue;
      const c = causeAt(o, share.cls, share.d, k);
      const q = causeProbability(o, c, skin);
      lnNot += Math.log(1 - Math.min(q, 1 - 1e-9));
      qSum += q;
      if (o.grade !== undefined) gradeSum += q * gradeShare(c, o.grade);
    }
  const pAbnormal = 1 - Math.exp(lnNot);
  if (!o.abnormal) return Math.max(Math.log(FLOOR), lnNot);
  if (skin) return Math.log(Math.max(FLOOR, pAbnormal));
  if (o.equivocal)
    return Math.log((1 - pAbnormal) * equivocal.withoutLesion.value + pAbnormal * equivocal.withLesion.value);
  if (o.family === "weakness" && o.grade !== undefined)
    return Math.log(Math.max(FLOOR, (pAbnormal * gradeSum) / qSum));
  return Math.log(Math.max(FLOOR, pAbnormal));
}

/** log(sum of weight * exp(term)) over the terms with weight above 0. */
function logMix(terms: readonly { weight: number; log: number }[]): number {
  const live = terms.filter((t) => t.weight > 0);
  const top = Math.max(...live.map((t) => t.log));
  return top + Math.log(live.reduce((a, t) => a + t.weight * Math.exp(t.log - top), 0));
}

/** The limb findings' log-likelihood under the candidate at severity level k. */
export function referenceFindings(
  p: Prepared,
  units: readonly Unit[],
  diffuse: DiffuseKind,
  k: number,
): number {
  const ageing = p.fast.ageingChance;
  const exam = p.fast.examChance;
  // Sums by latent: plain limb findings; findings age takes (young, aged); strength (reliable,
  // unreliable examination); skin read numb (reliable, unreliable) and spared (no cause at all).
  let limb = 0;
  const aged = { usual: 0, other: 0 };
  const weak = { usual: 0, other: 0 };
  const numb = { usual: 0, other: 0 };
  const spared = { usual: 0, other: 0 };
  for (const o of p.observations) {
    const lesions = lesionsAt(p.atlas, units, diffuse, o);
    // The rate without a lesion: the usual one (young, reliable examination) and the other.
    const usual = o.ageing?.young ?? o.subjective?.reliable ?? o.fp;
    const other = o.ageing?.aged ?? o.subjective?.unreliable ?? o.fp;
    const read = (sum: { usual: number; other: number }) => {
      sum.usual += findingLogLikelihood(o, lesions, k, usual);
      sum.other += findingLogLikelihood(o, lesions, k, other);
    };
    if (o.ageing && ageing > 0) read(aged);
    else if (o.family === "sensoryChange") {
      read(numb);
      spared.usual += Math.log(o.abnormal ? usual : 1 - usual);
      spared.other += Math.log(o.abnormal ? other : 1 - other);
    } else if (o.subjective) read(weak);
    else limb += findingLogLikelihood(o, lesions, k, usual);
  }
  const numbChance = units.length === 0 && diffuse === "none" ? 0 : 1 - spares(p.atlas, units, diffuse);
  const ageTerm = logMix([
    { weight: 1 - ageing, log: aged.usual },
    { weight: ageing, log: aged.other },
  ]);
  const examTerm = logMix(
    (["usual", "other"] as const).flatMap((x) => {
      const weight = x === "other" ? exam : 1 - exam;
      return [
        { weight: numbChance * weight, log: weak[x] + numb[x] },
        { weight: (1 - numbChance) * weight, log: weak[x] + spared[x] },
      ];
    }),
  );
  return limb + ageTerm + examTerm;
}

/** The chance a cause set makes a routine item abnormal at severity k (skin: once its territory is numb). */
function itemChance(
  p: Prepared,
  units: readonly Unit[],
  diffuse: DiffuseKind,
  o: Observation,
  k: number,
): number {
  let unreached = 1;
  for (const lesion of lesionsAt(p.atlas, units, diffuse, o)) {
    let spared = 1;
    for (const share of lesion)
      spared *= 1 - causeProbability(o, causeAt(o, share.cls, share.d, k), o.family === "sensoryChange");
    unreached *= spared;
  }
  return 1 - unreached;
}

/** log P(the report's silence on one side), the skin numb with chance `numb`. */
function sideSilence(
  p: Prepared,
  side: "left" | "right",
  chance: (o: Observation) => number,
  numb: number,
): number {
  const { items } = p.silence.items;
  let rest = 1;
  let skinNumb = 1;
  let skinSpared = 1;
  items.forEach((o, i) => {
    const r = p.silence.rate[i] ?? 0;
    if (r === 0 || o.side !== side) return;
    const background = 1 - r * o.fp;
    const silent = 1 - r * (1 - (1 - o.fp) * (1 - chance(o)));
    if (o.family !== "sensoryChange") rest *= silent;
    else {
      skinNumb *= silent;
      skinSpared *= background;
    }
  });
  return Math.log(rest * (numb * skinNumb + (1 - numb) * skinSpared));
}

/** What the report's silence says of the candidate at severity k, against no lesion, capped per side. */
export function referenceSilence(
  p: Prepared,
  units: readonly Unit[],
  diffuse: DiffuseKind,
  k: number,
): number {
  if (units.length === 0 && diffuse === "none") return 0;
  const numbChance = 1 - spares(p.atlas, units, diffuse);
  let sum = 0;
  for (const side of ["left", "right"] as const) {
    const known = side === "left" ? p.silence.numbLeft : p.silence.numbRight;
    const own = sideSilence(p, side, (o) => itemChance(p, units, diffuse, o, k), known ? 1 : numbChance);
    const none = sideSilence(p, side, () => 0, known ? 1 : 0);
    sum += Math.max(-reporting.cap.value, own - none);
  }
  return sum;
}

/** The log-likelihood of the context items (history, imaging, signs read as a whole). */
function referenceContext(p: Prepared, units: Unit[], diffuse: DiffuseKind): number {
  let ll = 0;
  for (const item of p.context) ll += Math.log(Math.max(FLOOR, item.p({ units, diffuse })));
  return ll;
}

/** A candidate's score (log prior plus log-likelihood of everything in the case), as the model defines it. */
export function referenceScore(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  const units = unitIdx.map((u) => p.units[u] as Unit);
  const fixed = referenceContext(p, units, diffuse) + logPrior(p, unitIdx, diffuse);
  if (units.length === 0 && diffuse === "none") return referenceFindings(p, units, diffuse, 0) + fixed;
  const terms = severity.levels.map((_, k) => ({
    weight: severity.weights[k] ?? 0,
    log: referenceFindings(p, units, diffuse, k) + referenceSilence(p, units, diffuse, k),
  }));
  return logMix(terms) + fixed;
}
