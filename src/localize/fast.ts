/**
 * The scoring loop's per-observation constants and scratch for one case, and how one finding reads
 * from its summed log(1 - q).
 */
import { equivocal, gradeGivenWeak, subjectiveExam } from "./data/evidence.js";
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
/**
 * Values of Fast.sumOf: the sum a finding's reading joins. LIMB findings have one rate without a
 * lesion; the others a second one, set by a case-level latent: findings age takes together (AGED:
 * the aged rate), and the skin (SKIN) and strength (WEAK) findings (the rate in an unreliable
 * examination). The first rate is the usual one (young, reliable).
 */
export const LIMB = 0;
export const SKIN = 1;
export const AGED = 2;
export const WEAK = 3;
/** Bits of Fast.extra. */
export const ALT = 1;
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
  /**
   * The no-lesion readings summed by the sum they join (sumOf): at 2 * sum at the first rate, at
   * 2 * sum + 1 at the second (unused for LIMB).
   */
  baseSums: Float64Array;
  /** The sum each finding's reading joins (LIMB, SKIN, AGED or WEAK; see findingParts). */
  sumOf: Uint8Array;
  /** log(1 - the second rate), and the second rate minus the first (with its grade term, for graded weakness). */
  altLnNotFp: Float64Array;
  altFpShift: Float64Array;
  altGradeShift: Float64Array;
  /** Their no-lesion reading at the second rate (base holds the reading at the first). */
  baseAlt: Float64Array;
  /** Log-likelihood of the sensory findings when no lesion touches the skin, in an unreliable examination. */
  sparedAlt: number;
  /** The chance that age has taken this person's distal reflexes and responses. */
  ageingChance: number;
  /** The chance that the examination is unreliable (0 when the case has no strength or sensory finding). */
  examChance: number;
  /** log(1 - fp) per observation, at the first rate. */
  lnNotFp: Float64Array;
  /** ALT and GRADES bits: which sums beyond log(1 - q) a finding needs (see findingParts). */
  extra: Uint8Array;
  /** Scratch: for each touched finding, the one cause touching it (-1 for several) and its place in that cause's pool. */
  soleCause: Int32Array;
  solePlace: Int32Array;
  /** Scratch for the union of touched findings, and their sums (see findingParts). */
  stamp: Int32Array;
  generation: number;
  union: Int32Array;
  not: Float64Array;
  notAlt: Float64Array;
  qSum: Float64Array;
  grade: Float64Array;
}

/** How many arrays of one number per observation `fastOf` carves from its buffer. */
export const FAST_ARRAYS = 12;

/** The constants and scratch of the scoring loop, carved from `numbers` (FAST_ARRAYS per observation). */
export function fastOf(obs: readonly Observation[], chance: number, numbers: Float64Array): Fast {
  const n = obs.length;
  const carve = (k: number) => numbers.subarray(k * n, (k + 1) * n);
  const flags = new Uint8Array(3 * n);
  const ints = new Int32Array(4 * n);
  const code = flags.subarray(0, n);
  const sumOf = flags.subarray(n, 2 * n);
  const extra = flags.subarray(2 * n, 3 * n);
  const fp = carve(0);
  const fpGrade = carve(1);
  const lnNotFp = carve(2);
  const altLnNotFp = carve(3);
  const altFpShift = carve(10);
  const altGradeShift = carve(11);
  let spared = 0;
  let sparedAlt = 0;
  let examined = false;
  obs.forEach((o, i) => {
    // A finding with a second rate is read at its first rate here, at the second apart.
    const first = o.ageing?.young ?? o.subjective?.reliable ?? o.fp;
    const second = o.ageing?.aged ?? o.subjective?.unreliable ?? o.fp;
    fp[i] = first;
    lnNotFp[i] = Math.log(1 - first);
    altLnNotFp[i] = Math.log(1 - second);
    altFpShift[i] = second - first;
    sumOf[i] =
      o.ageing && chance > 0 ? AGED : o.family === "sensoryChange" ? SKIN : o.subjective ? WEAK : LIMB;
    if (o.subjective) examined = true;
    if (o.family === "sensoryChange") {
      code[i] = o.abnormal ? SENSORY_ABNORMAL : SENSORY_NORMAL;
      spared += o.abnormal ? Math.log(first) : Math.log(1 - first);
      sparedAlt += o.abnormal ? Math.log(second) : Math.log(1 - second);
      return;
    }
    if (!o.abnormal) code[i] = NORMAL;
    else if (o.equivocal) code[i] = EQUIVOCAL;
    else if (o.family === "weakness" && o.grade !== undefined) {
      code[i] = GRADED;
      const unexplained = gradeGivenWeak.unexplained[o.grade] ?? 0;
      fpGrade[i] = first * unexplained;
      altGradeShift[i] = (second - first) * unexplained;
    } else code[i] = ABNORMAL;
  });
  for (let i = 0; i < n; i++) extra[i] = (sumOf[i] !== LIMB ? ALT : 0) | (code[i] === GRADED ? GRADES : 0);
  return {
    code,
    fp,
    fpGrade,
    spared,
    sparedAlt,
    base: carve(4),
    baseSums: new Float64Array(8),
    sumOf,
    extra,
    altLnNotFp,
    altFpShift,
    altGradeShift,
    baseAlt: carve(5),
    ageingChance: chance,
    examChance: examined ? subjectiveExam.unreliable.value : 0,
    lnNotFp,
    stamp: ints.subarray(0, n),
    generation: 0,
    union: ints.subarray(n, 2 * n),
    soleCause: ints.subarray(2 * n, 3 * n),
    solePlace: ints.subarray(3 * n, 4 * n),
    not: carve(6),
    notAlt: carve(7),
    qSum: carve(8),
    grade: carve(9),
  };
}
