/**
 * The limb tests' kernel: a test's expected information over the decisions and its chance of
 * changing the leading one, from the table (table.ts), the case's rates and the examiners'
 * agreement, reading only the candidates that reach the test.
 *
 * A candidate whose lesions all spare test t expects an abnormal result at the rate without a
 * lesion, the same for every such candidate. A decision none of whose candidates reach the test
 * therefore expects the result the test gives at large, mixed with the examiners' disagreement
 * (c below), so the information, I = h(m) - sum_g P_g h(x_g) with h the binary entropy, m the
 * chance of an abnormal result and x_g its chance under decision g, needs a logarithm only for
 * the decisions the test reaches: the others add (1 - P_reached) h(c). A lesion reaches about a
 * seventh of the limb tests, so a test is read over a few candidates, not all of them.
 *
 * Scratch arrays are made once per case (prepareLimbs) and reused; a test allocates nothing.
 */
import { boundBits, type Gain, h2 } from "./gain.js";
import { decisionGain } from "./kernels.js";
import type { Rates } from "./table.js";
import type { Group, Weighed } from "./weigh.js";

/** Each table row's tests with a chance above zero (a lesion reaches a seventh of the tests). */
const reachedBy = new WeakMap<Float64Array, Int32Array>();

function reached(row: Float64Array): Int32Array {
  let at = reachedBy.get(row);
  if (at === undefined) {
    at = Int32Array.from(row.keys()).filter((t) => (row[t] as number) > 0);
    reachedBy.set(row, at);
  }
  return at;
}

/**
 * One case's side of the kernel. Test t's reaching candidates are `who[t * n + k]` for k below
 * `count[t]` (n candidates), in candidate order, each with `spared`, the chance its lesions all
 * spare the test: prod over its rows of (1 - timing x q).
 */
const scratch = {
  w: undefined as Weighed | undefined,
  rates: undefined as Rates | undefined,
  stake: undefined as Uint8Array | undefined,
  count: new Int32Array(0),
  who: new Int32Array(0),
  spared: new Float64Array(0),
  /** Each decision's probability, and the decisions by probability (largest first, then by index). */
  mass: new Float64Array(0),
  byMass: new Int32Array(0),
  /** The stake question's probability (stake.ts). */
  stakeMass: 0,
  /** Per decision, for the test being read: its reached mass, and the read that last reached it. */
  share: new Float64Array(0),
  seen: new Int32Array(0),
  touched: new Int32Array(0),
  /** Per decision reached, for the test being read: its chance of an abnormal reading (chances()). */
  chance: new Float64Array(0),
  read: 0,
  /** The whole joint of one test, for limbGain: each candidate's chance, and each decision's masses. */
  pa: new Float64Array(0),
  abn: new Float64Array(0),
  nor: new Float64Array(0),
  joint: [] as Float64Array[],
};

function sized(n: number, tests: number, nd: number): void {
  if (scratch.pa.length < n) scratch.pa = new Float64Array(n * 2);
  if (scratch.who.length < n * tests) {
    scratch.who = new Int32Array(n * tests * 2);
    scratch.spared = new Float64Array(n * tests * 2);
  }
  if (scratch.count.length < tests) scratch.count = new Int32Array(tests * 2);
  if (scratch.mass.length < nd) {
    scratch.mass = new Float64Array(nd * 2);
    scratch.byMass = new Int32Array(nd * 2);
    scratch.share = new Float64Array(nd * 2);
    scratch.seen = new Int32Array(nd * 2);
    scratch.touched = new Int32Array(nd * 2);
    scratch.chance = new Float64Array(nd * 2);
    scratch.abn = new Float64Array(nd * 2);
    scratch.nor = new Float64Array(nd * 2);
    scratch.joint = [scratch.abn, scratch.nor];
  }
}

/**
 * Read a case into the scratch: for every limb test the candidates that reach it, worked out
 * candidate by candidate over the tests each of its table rows reaches. Returns, per test, how
 * many candidates reach it: where none does, every candidate expects the same result and the
 * test tells nothing.
 */
export function prepareLimbs(w: Weighed, rates: Rates, stake: Uint8Array | undefined): Int32Array {
  const n = w.pi.length;
  const tests = rates.fp.length;
  const nd = w.decisions.length;
  sized(n, tests, nd);
  const { count, who, spared, mass, byMass, seen } = scratch;
  count.fill(0, 0, tests);
  const timing = rates.timing;
  for (let i = 0; i < n; i++)
    for (const row of w.rows[i] as Float64Array[]) {
      const at = reached(row);
      for (let j = 0; j < at.length; j++) {
        const t = at[j] as number;
        const k = count[t] as number;
        const factor = 1 - (timing[t] as number) * (row[t] as number);
        // The candidate's earlier row reached this test too: one entry per candidate.
        if (k > 0 && who[t * n + k - 1] === i)
          spared[t * n + k - 1] = (spared[t * n + k - 1] as number) * factor;
        else {
          who[t * n + k] = i;
          spared[t * n + k] = factor;
          count[t] = k + 1;
        }
      }
    }
  let stakeMass = 0;
  for (let g = 0; g < nd; g++) {
    const p = (w.decisions[g] as Group).p;
    mass[g] = p;
    if (stake?.[g]) stakeMass += p;
    // Insertion by mass, largest first (the first of equal masses first): a few dozen decisions.
    let j = g;
    while (j > 0 && (mass[byMass[j - 1] as number] as number) < p) {
      byMass[j] = byMass[j - 1] as number;
      j--;
    }
    byMass[j] = g;
  }
  seen.fill(0, 0, nd);
  scratch.read = 0;
  reading.test = -1;
  scratch.w = w;
  scratch.rates = rates;
  scratch.stake = stake;
  scratch.stakeMass = stakeMass;
  return count;
}

/** The limb kernel's result, rewritten for every test (read before the next). */
const LIMB_GAIN: Gain = { bits: 0, change: 0 };

const NOTHING: Readonly<Gain> = Object.freeze({ bits: 0, change: 0 });

/** One test read over the candidates reaching it (readTest). */
const reading = {
  /** The chance of an abnormal result, and of an abnormal reading where the test reaches no lesion. */
  m: 0,
  c: 0,
  /** How much a reached candidate's chance of a lesion there adds to its abnormal reading. */
  lift: 0,
  /** The probability of the candidates reached, weighted by their chance of reaching the test. */
  reach: 0,
  /** The decisions reached (scratch.touched[0 .. groups)), and this reading's number. */
  groups: 0,
  read: 0,
  /** The test read and the accuracy it was read with (-1: none to read again). */
  test: -1,
  accuracy: 0,
};

/**
 * Read test t over the candidates that reach it: each reached decision's share of `reach`
 * (scratch.share), and the reading's totals. False when every candidate expects the same result
 * (the test tells nothing), as the whole joint decides it.
 */
function readTest(
  w: Weighed,
  t: number,
  rates: Rates,
  accuracy: number,
  stake: Uint8Array | undefined,
): boolean {
  if (scratch.w !== w || scratch.rates !== rates || scratch.stake !== stake) prepareLimbs(w, rates, stake);
  // The test just read (its look, then its bits): read once.
  if (reading.test === t && reading.read === scratch.read && reading.accuracy === accuracy) return true;
  reading.test = -1;
  const n = w.pi.length;
  const { who, spared, share, seen, touched } = scratch;
  const k = scratch.count[t] as number;
  const read = ++scratch.read;
  const q = 1 - (rates.fp[t] as number);
  // A candidate that does not reach the test: abnormal at the rate without a lesion.
  const idle = 1 - q;
  let low = k < n ? idle : 1;
  let high = k < n ? idle : 0;
  let reach = 0;
  let groups = 0;
  for (let j = 0; j < k; j++) {
    const s = spared[t * n + j] as number;
    const x = 1 - q * s;
    if (x < low) low = x;
    if (x > high) high = x;
    const i = who[t * n + j] as number;
    const r = (w.pi[i] as number) * (1 - s);
    reach += r;
    const g = w.decision[i] as number;
    if (seen[g] !== read) {
      seen[g] = read;
      share[g] = 0;
      touched[groups++] = g;
    }
    share[g] = (share[g] as number) + r;
  }
  if (high - low < 1e-6) return false;
  const m = idle + q * reach;
  // A reading is the truth with the test's accuracy, chance otherwise.
  reading.m = m;
  reading.c = accuracy * idle + (1 - accuracy) * m;
  reading.lift = accuracy * q;
  reading.reach = reach;
  reading.groups = groups;
  reading.read = read;
  reading.test = t;
  reading.accuracy = accuracy;
  return true;
}

/**
 * The test just read as chances of an abnormal reading: each reached decision's (c plus lift times
 * its share of the reach over its mass) in scratch.chance; SPREAD holds the mass of the decisions
 * not reached (all at c) and, when the stake question (stake.ts) is asked, the chances on its two
 * sides. Returns whether it is asked.
 */
function chances(stake: Uint8Array | undefined): boolean {
  const { mass, share, touched, chance } = scratch;
  const { c, lift, reach, groups } = reading;
  let reachedMass = 0;
  let stakeShare = 0;
  for (let j = 0; j < groups; j++) {
    const g = touched[j] as number;
    const p = mass[g] as number;
    const r = share[g] as number;
    reachedMass += p;
    chance[j] = c + (lift * r) / p;
    if (stake?.[g]) stakeShare += r;
  }
  SPREAD[REST] = 1 - reachedMass;
  const ps = scratch.stakeMass;
  if (stake === undefined || !(ps > 0 && ps < 1)) return false;
  SPREAD[STAKED] = c + (lift * stakeShare) / ps;
  SPREAD[UNSTAKED] = c + (lift * (reach - stakeShare)) / (1 - ps);
  return true;
}

const SPREAD = new Float64Array(3);
const REST = 0;
const STAKED = 1;
const UNSTAKED = 2;

/**
 * An upper bound on KL(Bernoulli(x) || Bernoulli(m)), in nats, without a logarithm: by Taylor's
 * theorem it is (x - m)^2 / (2 v(1 - v)) for some v between x and m, and v(1 - v) is least at an
 * end of that interval. Infinity where an end is 0 or 1.
 */
function klAbove(x: number, m: number): number {
  const least = Math.min(x * (1 - x), m * (1 - m));
  return least > 1e-12 ? (x - m) ** 2 / (2 * least) : Number.POSITIVE_INFINITY;
}

/** A limb test's look without logarithms (limbScreen). */
export interface Screen {
  /** An upper bound on limbGain's bits. */
  bound: number;
  /** limbGain's change, up to rounding, unless `unsure`. */
  change: number;
  /** Two decisions are all but tied for the likeliest after a result: `change` may be off. */
  unsure: boolean;
}

/**
 * A limb test's look over the candidates reaching it, without logarithms: an upper bound on its
 * bits and its chance of changing the leading decision. False when the test tells nothing
 * (limbGain gives zero). The information on the decisions is the mean over them of
 * KL(P(result | decision) || P(result)) (Cover and Thomas 2006, ch. 2), each bounded by klAbove,
 * the decisions not reached together; the stake question is a function of the decision, so it
 * tells at most what the decision tells (data processing), and at most its own bound.
 */
export function limbScreen(
  w: Weighed,
  t: number,
  rates: Rates,
  accuracy: number,
  stake: Uint8Array | undefined,
  out: Screen,
): boolean {
  if (!readTest(w, t, rates, accuracy, stake)) return false;
  const asked = chances(stake);
  const { mass, touched, chance } = scratch;
  const { m, c, groups } = reading;
  let decisions = (SPREAD[REST] as number) * klAbove(c, m);
  for (let j = 0; j < groups; j++)
    decisions += (mass[touched[j] as number] as number) * klAbove(chance[j] as number, m);
  const ps = scratch.stakeMass;
  const question = asked
    ? ps * klAbove(SPREAD[STAKED] as number, m) + (1 - ps) * klAbove(SPREAD[UNSTAKED] as number, m)
    : 0;
  out.bound = boundBits(decisions + Math.min(decisions, question));
  changeOf(w, out);
  return true;
}

/**
 * A limb test's bits over the candidates reaching it: I = h(m) - sum_g P_g h(x_g), the decisions
 * not reached together at x = c, plus the stake question's (stake.ts). The same as limbGain's bits
 * but for rounding (their sums are taken in another order): near 1e-15 bit.
 */
export function limbBits(
  w: Weighed,
  t: number,
  rates: Rates,
  accuracy: number,
  stake: Uint8Array | undefined,
): number {
  if (!readTest(w, t, rates, accuracy, stake)) return 0;
  const asked = chances(stake);
  const { mass, touched, chance } = scratch;
  const { m, c, groups } = reading;
  let given = (SPREAD[REST] as number) * h2(c);
  for (let j = 0; j < groups; j++) given += (mass[touched[j] as number] as number) * h2(chance[j] as number);
  const hm = h2(m);
  let bits = Math.max(0, hm - given);
  const ps = scratch.stakeMass;
  if (asked)
    bits += Math.max(0, hm - ps * h2(SPREAD[STAKED] as number) - (1 - ps) * h2(SPREAD[UNSTAKED] as number));
  return bits;
}

/**
 * A test's gain over the decisions and its chance of changing the leading one, from the whole
 * joint over every candidate (gain.ts), as the planner has always worked it out: the values the
 * ranking is made of, to the last bit.
 */
export function limbGain(
  w: Weighed,
  t: number,
  rates: Rates,
  accuracy: number,
  h0: number,
  stake: Uint8Array | undefined,
): Gain {
  if (!readTest(w, t, rates, accuracy, stake)) return NOTHING;
  const n = w.pi.length;
  const nd = w.decisions.length;
  const { who, spared, pa, abn, nor } = scratch;
  const q = 1 - (rates.fp[t] as number);
  pa.fill(1 - q, 0, n);
  for (let j = 0; j < (scratch.count[t] as number); j++)
    pa[who[t * n + j] as number] = 1 - q * (spared[t * n + j] as number);
  let m = 0;
  for (let i = 0; i < n; i++) m += (w.pi[i] as number) * (pa[i] as number);
  abn.fill(0, 0, nd);
  nor.fill(0, 0, nd);
  for (let i = 0; i < n; i++) {
    const x = accuracy * (pa[i] as number) + (1 - accuracy) * m;
    const g = w.decision[i] as number;
    const pi = w.pi[i] as number;
    abn[g] = (abn[g] as number) + pi * x;
    nor[g] = (nor[g] as number) + pi * (1 - x);
  }
  return decisionGain(scratch.joint, w, h0, stake, LIMB_GAIN);
}

/** How close two decisions' masses after a result must be to count as tied (rounding is near 1e-16). */
const TIED = 1e-9;

/**
 * The chance the result makes another decision the leading one: for each result, whether its
 * likeliest decision (the first of the largest) is another than the leading one. Among the
 * decisions the test does not reach the likeliest is the largest. Written into `out`.
 */
function changeOf(w: Weighed, out: Screen): void {
  const { mass, byMass, share, seen, touched } = scratch;
  const { m, c, lift, groups, read } = reading;
  const nd = w.decisions.length;
  const abnormal = leader(ABNORMAL);
  const normal = leader(NORMAL);
  // The two largest decisions not reached (their masses after either result keep that order).
  let unreached = 0;
  for (let j = 0; j < nd && unreached < 2; j++) {
    const g = byMass[j] as number;
    if (seen[g] === read) continue;
    unreached++;
    offer(abnormal, g, (mass[g] as number) * c);
    offer(normal, g, (mass[g] as number) * (1 - c));
  }
  for (let j = 0; j < groups; j++) {
    const g = touched[j] as number;
    const added = lift * (share[g] as number);
    offer(abnormal, g, (mass[g] as number) * c + added);
    offer(normal, g, (mass[g] as number) * (1 - c) - added);
  }
  let change = 0;
  if (m > 1e-12 && abnormal.best !== w.lead) change += m;
  if (1 - m > 1e-12 && normal.best !== w.lead) change += 1 - m;
  out.change = change;
  out.unsure = abnormal.mass - abnormal.next <= TIED || normal.mass - normal.next <= TIED;
}

interface Leader {
  best: number;
  mass: number;
  next: number;
}

const ABNORMAL: Leader = { best: -1, mass: 0, next: 0 };
const NORMAL: Leader = { best: -1, mass: 0, next: 0 };

function leader(x: Leader): Leader {
  x.best = -1;
  x.mass = Number.NEGATIVE_INFINITY;
  x.next = Number.NEGATIVE_INFINITY;
  return x;
}

/** Keep the largest mass (the first decision of the largest) and the runner-up's mass. */
function offer(x: Leader, g: number, mass: number): void {
  if (mass > x.mass || (mass === x.mass && g < x.best)) {
    x.next = x.mass;
    x.best = g;
    x.mass = mass;
  } else if (mass > x.next) x.next = mass;
}
