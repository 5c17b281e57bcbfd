/**
 * Expected information gain and the chance a result changes the leading answer, over a
 * distribution split into groups (decisions or conditions). Scratch arrays are reused between
 * calls: the inner loops allocate nothing.
 */

export function entropyBits(ps: ArrayLike<number>, n = ps.length, scale = 1): number {
  let h = 0;
  for (let i = 0; i < n; i++) {
    const p = (ps[i] as number) / scale;
    if (p > 0) h -= p * Math.log2(p);
  }
  return h;
}

function argmax(xs: Float64Array, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if ((xs[i] as number) > (xs[best] as number)) best = i;
  return best;
}

export interface Gain {
  /** Expected reduction of entropy, in bits. */
  bits: number;
  /** Chance the result makes another group the leading one. */
  change: number;
}

/**
 * A two-result test (written into `out` when given, so a loop over tests makes no object per test):
 * joint masses of each group with the abnormal and with the normal result
 * (abnormal[g] + normal[g] = the group's probability). `lead` is the group leading now.
 */
export function binaryGain(
  abnormal: Float64Array,
  normal: Float64Array,
  n: number,
  h0: number,
  lead: number,
  out: Gain = { bits: 0, change: 0 },
): Gain {
  let pa = 0;
  for (let g = 0; g < n; g++) pa += abnormal[g] as number;
  const pn = 1 - pa;
  let expected = 0;
  let change = 0;
  if (pa > 1e-12) {
    expected += pa * entropyBits(abnormal, n, pa);
    if (argmax(abnormal, n) !== lead) change += pa;
  }
  if (pn > 1e-12) {
    expected += pn * entropyBits(normal, n, pn);
    if (argmax(normal, n) !== lead) change += pn;
  }
  out.bits = Math.max(0, h0 - expected);
  out.change = change;
  return out;
}

/** A test with several results: joint[j][g] is the mass of group g with result j. */
export function multiGain(joint: Float64Array[], n: number, h0: number, lead: number): Gain {
  let expected = 0;
  let change = 0;
  for (const row of joint) {
    let pj = 0;
    for (let g = 0; g < n; g++) pj += row[g] as number;
    if (pj <= 1e-12) continue;
    expected += pj * entropyBits(row, n, pj);
    if (argmax(row, n) !== lead) change += pj;
  }
  return { bits: Math.max(0, h0 - expected), change };
}

/** The binary entropy, in bits. */
export const h2 = (p: number) => (p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p)) - (1 - p) * Math.log2(1 - p));

/**
 * The information a test's results give on one yes-or-no question: is the lesion among the groups
 * marked in `stake`? joint[j][g] is the mass of group g with result j.
 */
export function stakeGain(joint: readonly Float64Array[], n: number, stake: Uint8Array): number {
  let total = 0;
  let expected = 0;
  for (const row of joint) {
    let pj = 0;
    let sj = 0;
    for (let g = 0; g < n; g++) {
      const x = row[g] as number;
      pj += x;
      if (stake[g]) sj += x;
    }
    total += sj;
    if (pj > 1e-12) expected += pj * h2(sj / pj);
  }
  return Math.max(0, h2(total) - expected);
}

/** An upper bound in nats as bits, covering the rounding of the exact sums it bounds (near 1e-15 bit). */
export const boundBits = (nats: number): number => (nats / Math.LN2) * (1 + 1e-9) + 1e-12;
