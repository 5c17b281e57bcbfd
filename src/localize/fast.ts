/**
 * The scoring loop's per-observation constants and scratch for one case, and how one finding reads
 * from its summed log(1 - q).
 */
import { equivocal, gradeGivenWeak } from "./data/evidence.js";
import { FLOOR } from "./likelihood.js";
import type { Observation } from "./observe.js";

/**
 * One finding's log-likelihood from its summed log(1 - q) (for skin: read inside a numb
 * territory), and, for graded weakness, its summed q and grade terms.
 */
export function readFinding(f: Fast, i: number, lnNot: number, qSum: number, g: number): number {
  const c = f.code[i];
  if (c === SENSORY_NORMAL || c === SENSORY_ABNORMAL)
    return c === SENSORY_ABNORMAL
      ? Math.log(Math.max(FLOOR, 1 - Math.exp(lnNot)))
      : Math.max(LOG_FLOOR, lnNot);
  if (c === NORMAL) return lnNot > LOG_FLOOR ? lnNot : LOG_FLOOR;
  const pAbn = 1 - Math.exp(lnNot);
  if (c === EQUIVOCAL) return Math.log((1 - pAbn) * EQ_WITHOUT + pAbn * EQ_WITH);
  if (c === GRADED) return Math.log(Math.max(FLOOR, (pAbn * g) / qSum));
  return Math.log(pAbn > FLOOR ? pAbn : FLOOR);
}

export const NORMAL = 0;
export const ABNORMAL = 1;
export const EQUIVOCAL = 2;
export const GRADED = 3;
export const SENSORY_NORMAL = 4;
export const SENSORY_ABNORMAL = 5;
const LOG_FLOOR = Math.log(FLOOR);
/** Values of Fast.sumOf: the limb findings, the skin, the findings age takes together. */
export const LIMB = 0;
export const SKIN = 1;
export const AGED = 2;
/** Bits of Fast.extra. */
export const AGES = 1;
export const GRADES = 2;
const EQ_WITH = equivocal.withLesion.value;
const EQ_WITHOUT = equivocal.withoutLesion.value;

/** Per-observation constants for the scoring loop. */
export interface Fast {
  code: Uint8Array;
  fp: Float64Array;
  /** fp times the chance of the observed grade without a lesion. */
  fpGrade: Float64Array;
  /** Log-likelihood of the sensory findings when no lesion touches the skin. */
  spared: number;
  /** Each finding's log-likelihood without any lesion (sensory ones read as if numb, which is the same). */
  base: Float64Array;
  baseSum: number;
  baseNumbSum: number;
  /** Findings age takes together (1), with log(1 - rate) when age has taken them. */
  aging: Uint8Array;
  agedLnNotFp: Float64Array;
  /** Their no-lesion reading when age has taken them (base holds the reading when it has not). */
  baseAged: Float64Array;
  baseYoungSum: number;
  baseAgedSum: number;
  /** The chance that age has taken this person's distal reflexes and responses. */
  ageingChance: number;
  /** log(1 - fp) per observation, at the young rate for findings age takes together. */
  lnNotFp: Float64Array;
  /** AGES and GRADES bits: which sums beyond log(1 - q) a finding needs (see findingParts). */
  extra: Uint8Array;
  /** The sum each finding's reading joins (LIMB, SKIN or AGED; see findingParts). */
  sumOf: Uint8Array;
  /** Scratch: for each touched finding, the one cause touching it (-1 for several) and its place in that cause's pool. */
  soleCause: Int32Array;
  solePlace: Int32Array;
  /** Scratch for the union of touched findings, and their sums (see findingParts). */
  stamp: Int32Array;
  generation: number;
  union: Int32Array;
  not: Float64Array;
  notAged: Float64Array;
  qSum: Float64Array;
  grade: Float64Array;
}

/** How many arrays of one number per observation `fastOf` carves from its buffer. */
export const FAST_ARRAYS = 10;

/** The constants and scratch of the scoring loop, carved from `numbers` (FAST_ARRAYS per observation). */
export function fastOf(obs: readonly Observation[], chance: number, numbers: Float64Array): Fast {
  const n = obs.length;
  const carve = (k: number) => numbers.subarray(k * n, (k + 1) * n);
  const flags = new Uint8Array(4 * n);
  const ints = new Int32Array(4 * n);
  const code = flags.subarray(0, n);
  const aging = flags.subarray(n, 2 * n);
  const extra = flags.subarray(2 * n, 3 * n);
  const sumOf = flags.subarray(3 * n, 4 * n);
  const fp = carve(0);
  const fpGrade = carve(1);
  const lnNotFp = carve(2);
  const agedLnNotFp = carve(3);
  let spared = 0;
  obs.forEach((o, i) => {
    fp[i] = o.fp;
    // Findings age takes together are read at their young rate here, at the aged rate apart.
    lnNotFp[i] = Math.log(1 - (o.ageing?.young ?? o.fp));
    agedLnNotFp[i] = Math.log(1 - (o.ageing?.aged ?? o.fp));
    aging[i] = o.ageing && chance > 0 ? 1 : 0;
    if (o.family === "sensoryChange") {
      code[i] = o.abnormal ? SENSORY_ABNORMAL : SENSORY_NORMAL;
      spared += o.abnormal ? Math.log(o.fp) : Math.log(1 - o.fp);
      return;
    }
    if (!o.abnormal) code[i] = NORMAL;
    else if (o.equivocal) code[i] = EQUIVOCAL;
    else if (o.family === "weakness" && o.grade !== undefined) {
      code[i] = GRADED;
      fpGrade[i] = o.fp * (gradeGivenWeak.unexplained[o.grade] ?? 0);
    } else code[i] = ABNORMAL;
  });
  for (let i = 0; i < n; i++) {
    extra[i] = (aging[i] ? AGES : 0) | (code[i] === GRADED ? GRADES : 0);
    sumOf[i] = aging[i] ? AGED : code[i] === SENSORY_NORMAL || code[i] === SENSORY_ABNORMAL ? SKIN : LIMB;
  }
  return {
    code,
    fp,
    fpGrade,
    spared,
    base: carve(4),
    baseSum: 0,
    baseNumbSum: 0,
    aging,
    extra,
    sumOf,
    agedLnNotFp,
    baseAged: carve(5),
    baseYoungSum: 0,
    baseAgedSum: 0,
    ageingChance: chance,
    lnNotFp,
    stamp: ints.subarray(0, n),
    generation: 0,
    union: ints.subarray(n, 2 * n),
    soleCause: ints.subarray(2 * n, 3 * n),
    solePlace: ints.subarray(3 * n, 4 * n),
    not: carve(6),
    notAged: carve(7),
    qSum: carve(8),
    grade: carve(9),
  };
}
