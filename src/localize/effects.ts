/**
 * What each cause does to the findings of one case, and the part of it that is the same in every
 * case, kept across cases.
 *
 * The share of an observation's anatomy a focal lesion reaches, and what that share makes of the
 * finding at each lesion severity (log(1 - q), q, q times the chance of the observed grade, and
 * log(1 - q) for skin read inside a numb territory), depend only on the atlas and on what the
 * observation measures: side, family, targets, movements, needle timing, grade, large units. Every
 * observation that measures the same thing shares one column of these numbers, made once per atlas.
 * A case then gathers its columns into one effect per cause, by copying.
 */

import type { Atlas } from "../atlas/index.js";
import { keep, keepBounded } from "../keep.js";
import { type LesionClass, sensoryInvolvement } from "./data/evidence.js";
import { severity } from "./data/priors.js";
import { type Cause, causeProbability, gradeShare } from "./likelihood.js";
import { DIFFUSE_KINDS, damageTable, diffuseDamage, focalUnits, type Unit } from "./model.js";
import type { Observation } from "./observe.js";

/** How many severity levels every cause is read at. */
export const LEVELS = severity.levels.length;

/** One cause's share of an observation, by lesion class. */
interface Share {
  cls: LesionClass;
  d: number;
}

/**
 * What causes do to findings, LEVELS numbers for each (cause, finding) entry: log(1 - q) (for
 * skin, read inside a numb territory, the only way skin findings are read against a lesion), and
 * for graded weakness q and q times the chance of the grade.
 */
interface Reading {
  lnNot: Float64Array;
  q: Float64Array;
  qGrade: Float64Array;
}

function readingOf(size: number): Reading {
  return { lnNot: new Float64Array(size), q: new Float64Array(size), qGrade: new Float64Array(size) };
}

/**
 * What the shares (taken together as one cause, in order) do to the observation at severity level
 * j, written at `at` of `out`.
 */
function readShares(o: Observation, shares: readonly Share[], j: number, out: Reading, at: number): void {
  const level = severity.levels[j] ?? 1;
  let lnNot = 0;
  let q = 0;
  let qGrade = 0;
  let lnNotNumb = 0;
  const cause: Cause = { cls: "root", d: 0, level: j };
  for (const s of shares) {
    if (s.d <= 0) continue;
    cause.cls = s.cls;
    // Symptoms of irritation do not depend on how much of the site is lost.
    cause.d = o.family === "sensorySymptom" ? s.d : s.d * level;
    cause.level = j;
    const qi = causeProbability(o, cause, false);
    lnNot = lnNot + Math.log(1 - Math.min(qi, 1 - 1e-9));
    q = q + qi;
    if (o.grade !== undefined) qGrade = qGrade + qi * gradeShare(cause, o.grade);
    if (o.family === "sensoryChange") {
      const qn = causeProbability(o, cause, true);
      lnNotNumb = lnNotNumb + Math.log(1 - Math.min(qn, 1 - 1e-9));
    }
  }
  out.lnNot[at] = o.family === "sensoryChange" ? lnNotNumb : lnNot;
  out.q[at] = q;
  out.qGrade[at] = qGrade;
}

/**
 * Everything every cause does to observations that measure one thing. Its numbers sit in one
 * buffer, `nums`, so that gathering a case's columns (kept across cases, so cold in the caches)
 * reads them in one run: the shares, then log(1 - q) of the units and then of the diffuse
 * kinds, each entry LEVELS numbers, then q and then the grade terms laid out the same way.
 */
export interface Column {
  /** The atlas's focal units (see `baseUnits`) that reach the observation, ascending, and their shares. */
  units: Int32Array;
  d: Float64Array;
  /** For every focal unit, its entry in `units`, or -1. */
  entryOf: Int32Array;
  /** By entry, then level. */
  reading: Reading;
  /** Whether the observation is graded weakness (the only one whose q and grade terms are read). */
  graded: boolean;
  /** Bit k set when diffuse kind k (DIFFUSE_KINDS order) reaches the observation at all. */
  diffuseReach: number;
  /** By diffuse kind, then level. */
  diffuse: Reading;
  /** The buffer `d`, `reading` and `diffuse` are views of. */
  nums: Float64Array;
}

interface AtlasEffects {
  units: Unit[];
  columns: Map<string, Column>;
  /** The same columns found without writing their keys (see columnsOf), and how many entries that holds. */
  byIdentity: WeakMap<Observation["targets"], Map<number, Map<number, Column>>>;
  identities: number;
  /** By diffuse kind, the chance it leaves the skin alone (see Effect). */
  diffuseSpares: number[];
}

const byAtlas = new WeakMap<Atlas, AtlasEffects>();
/** A bound on the columns kept per atlas; past it the cache starts again (the numbers do not change). */
const MAX_COLUMNS = 20_000;

function atlasEffects(atlas: Atlas): AtlasEffects {
  return keep(byAtlas, atlas, () => ({
    units: focalUnits(atlas),
    columns: new Map(),
    byIdentity: new WeakMap(),
    identities: 0,
    diffuseSpares: DIFFUSE_KINDS.map((kind) => sparesOf(diffuseDamage(atlas, kind, []).map((dm) => dm.cls))),
  }));
}

/** Every focal site of the atlas on both sides, and adjacent roots together (the same array each time). */
export function baseUnits(atlas: Atlas): Unit[] {
  return atlasEffects(atlas).units;
}

/** Numbers in keys, written once each (writing a fraction out is slow); bounded. */
const numberWords = new Map<number, string>();

function wordOf(x: number): string {
  return keepBounded(numberWords, x, () => String(x), MAX_COLUMNS);
}

/** Target lists shared between observations (strength findings) are written once. */
const targetWords = new WeakMap<Observation["targets"], string>();

function targetsKey(targets: Observation["targets"]): string {
  const only = targets[0];
  if (targets.length === 1 && only && only.weight === 1) return only.key;
  return keep(targetWords, targets, () => targets.map((t) => `${t.key}*${wordOf(t.weight)}`).join(","));
}

/** What the column depends on: everything of the observation but its result and its words. */
function columnKey(o: Observation): string {
  return `${o.side}|${o.family}|${wordOf(o.timing)}|${o.grade ?? ""}|${o.largeUnits ? 1 : 0}|${o.movements.join(",")}|${targetsKey(o.targets)}`;
}

function columnOf(atlas: Atlas, a: AtlasEffects, o: Observation): Column {
  const units = a.units;
  const entryOf = new Int32Array(units.length).fill(-1);
  const reaching: number[] = [];
  const shares: number[] = [];
  damageTable(atlas, units, [o]).forEach((row, u) => {
    const d = row[0] ?? 0;
    if (d <= 0) return;
    entryOf[u] = reaching.length;
    reaching.push(u);
    shares.push(d);
  });
  const nu = reaching.length;
  const per = (nu + DIFFUSE_KINDS.length) * LEVELS;
  const nums = new Float64Array(nu + 3 * per);
  const part = (at: number, size: number) => nums.subarray(at, at + size);
  const d = part(0, nu);
  d.set(shares);
  const sections = (at: number, size: number): Reading => ({
    lnNot: part(nu + at, size),
    q: part(nu + per + at, size),
    qGrade: part(nu + 2 * per + at, size),
  });
  const reading = sections(0, nu * LEVELS);
  reaching.forEach((u, e) => {
    const s = [{ cls: (units[u] as Unit).level as LesionClass, d: shares[e] as number }];
    for (let j = 0; j < LEVELS; j++) readShares(o, s, j, reading, e * LEVELS + j);
  });
  let diffuseReach = 0;
  const diffuse = sections(nu * LEVELS, DIFFUSE_KINDS.length * LEVELS);
  DIFFUSE_KINDS.forEach((kind, k) => {
    const s = diffuseDamage(atlas, kind, [o]).map((dm) => ({ cls: dm.cls, d: dm.d[0] ?? 0 }));
    if (!s.some((x) => x.d > 0)) return;
    diffuseReach |= 1 << k;
    for (let j = 0; j < LEVELS; j++) readShares(o, s, j, diffuse, k * LEVELS + j);
  });
  return {
    units: Int32Array.from(reaching),
    d,
    entryOf,
    reading,
    graded: o.grade !== undefined,
    diffuseReach,
    diffuse,
    nums,
  };
}

/** Families and movement lists as numbers, for identityCode. */
const familyCodes = new Map<string, number>();
const movementCodes = new WeakMap<readonly string[], number>();
let movementLists = 0;

/**
 * Everything columnKey writes but the targets and the timing, as one number: side, grade, large
 * units, family and movement list (lists by identity: equal lists made apart get two numbers,
 * which only costs a second look-up by key).
 */
function identityCode(o: Observation): number {
  let family = familyCodes.get(o.family);
  if (family === undefined) {
    family = familyCodes.size;
    familyCodes.set(o.family, family);
  }
  const movements = o.movements.length === 0 ? 0 : keep(movementCodes, o.movements, () => ++movementLists);
  return (
    (o.side === "left" ? 0 : 1) +
    2 * (o.grade ?? 3) +
    8 * (o.largeUnits ? 1 : 0) +
    16 * family +
    16 * 1024 * movements
  );
}

/**
 * The column of each observation, made the first time anything measures it. Writing and hashing a
 * key per observation is slow, so a column is first looked for by the observation's target list
 * (shared between observations of one atlas entry), timing and identityCode; the key is written
 * only when that misses. Both find the same column: the key holds nothing else.
 */
export function columnsOf(atlas: Atlas, obs: readonly Observation[]): Column[] {
  const a = atlasEffects(atlas);
  const out: Column[] = [];
  for (const o of obs) {
    let byTiming = a.byIdentity.get(o.targets);
    if (!byTiming) {
      byTiming = new Map();
      a.byIdentity.set(o.targets, byTiming);
    }
    let byCode = byTiming.get(o.timing);
    if (!byCode) {
      byCode = new Map();
      byTiming.set(o.timing, byCode);
    }
    const code = identityCode(o);
    let col = byCode.get(code);
    if (col === undefined) {
      col = keepBounded(a.columns, columnKey(o), () => columnOf(atlas, a, o), MAX_COLUMNS);
      // Bounded as the columns are (what a case brings is unbounded).
      if (++a.identities >= MAX_COLUMNS) {
        a.byIdentity = new WeakMap();
        a.identities = 0;
      }
      byCode.set(code, col);
    }
    out.push(col);
  }
  return out;
}

/** Entries of several effects, one block each. */
export interface Pool {
  /** The findings each entry is about. */
  touched: Int32Array;
  /** The share the cause reaches (focal lesions; 0 for diffuse ones). */
  d: Float64Array;
  /** By effect block: level j, touched position t at LEVELS * off + j * size + t. */
  reading: Reading;
  /**
   * At the same places: the finding's log-likelihood when this cause is the only one of a
   * candidate to touch it, and the same at its second rate without a lesion (Fast.sumOf); NaN
   * until first read.
   */
  alone: Float64Array;
  aloneAlt: Float64Array;
}

/** What one cause (a lesion or a diffuse process) does to the findings of a case. */
export interface Effect {
  pool: Pool;
  /** Where its block starts in the pool, and how many findings it touches. */
  off: number;
  size: number;
  /** The chance this cause leaves the skin alone altogether (for the numbness mixture); 1 if it reaches no sensory finding. */
  spares: number;
}

const EMPTY = new Float64Array(0);

/**
 * A pool for so many entries, its numbers carved from one buffer (one allocation, not six). Only
 * graded weakness reads q and the grade terms, and only findings with a second rate read `aloneAlt`: a
 * pool for findings without them leaves them empty (a case's pool is large, and made per case).
 */
function poolOf(entries: number, graded = true, alt = true): Pool {
  const size = entries * LEVELS;
  const numbers = new Float64Array(entries + (2 + (alt ? 1 : 0) + (graded ? 2 : 0)) * size);
  let next = entries;
  const carve = () => {
    next += size;
    return numbers.subarray(next - size, next);
  };
  const lnNot = carve();
  const alone = carve().fill(Number.NaN);
  const aloneAlt = alt ? carve().fill(Number.NaN) : EMPTY;
  return {
    touched: new Int32Array(entries),
    d: numbers.subarray(0, entries),
    reading: { lnNot, q: graded ? carve() : EMPTY, qGrade: graded ? carve() : EMPTY },
    alone,
    aloneAlt,
  };
}

function copyReading(
  from: Reading,
  at: number,
  to: Reading,
  base: number,
  size: number,
  graded: boolean,
): void {
  for (let j = 0; j < LEVELS; j++) to.lnNot[base + j * size] = from.lnNot[at + j] as number;
  if (!graded) return;
  for (let j = 0; j < LEVELS; j++) {
    to.q[base + j * size] = from.q[at + j] as number;
    to.qGrade[base + j * size] = from.qGrade[at + j] as number;
  }
}

/** sparesOf one lesion class, worked out once per class. */
const sparesByClass = new Map<LesionClass, number>();

function classSpares(cls: LesionClass): number {
  return keep(sparesByClass, cls, () => sparesOf([cls]));
}

function sparesOf(classes: Iterable<LesionClass>): number {
  let spares = 1;
  for (const cls of new Set(classes)) spares *= 1 - sensoryInvolvement[cls];
  return spares;
}

/**
 * The effects of the given focal units (indices into `baseUnits`; in their order) and of every diffuse process,
 * gathered from the columns into one pool. `alt`: whether any finding of the case has a second
 * rate without a lesion (see Pool.aloneAlt and Fast.sumOf).
 */
export function gatherEffects(
  atlas: Atlas,
  columns: readonly Column[],
  unitIdx: readonly number[],
  alt = true,
): { units: Effect[]; diffuse: Effect[] } {
  const a = atlasEffects(atlas);
  const base = a.units;
  const nk = DIFFUSE_KINDS.length;
  // Blocks: the units in the order given, then the diffuse kinds.
  const blocks = unitIdx.length + nk;
  // The gathering's scratch, in one buffer: each unit's block, and each block's size, start and fill.
  const ints = new Int32Array(base.length + 3 * blocks);
  const block = ints.subarray(0, base.length).fill(-1);
  const size = ints.subarray(base.length, base.length + blocks);
  const off = ints.subarray(base.length + blocks, base.length + 2 * blocks);
  const fill = ints.subarray(base.length + 2 * blocks);
  unitIdx.forEach((u, b) => {
    block[u] = b;
  });
  // One pass over the columns counts each block's entries; a second places them.
  let graded = false;
  for (const col of columns) {
    graded ||= col.graded;
    for (let e = 0; e < col.units.length; e++) {
      const b = block[col.units[e] as number] as number;
      if (b >= 0) size[b] = (size[b] as number) + 1;
    }
    for (let k = 0; k < nk; k++)
      if (col.diffuseReach & (1 << k)) size[unitIdx.length + k] = (size[unitIdx.length + k] as number) + 1;
  }
  let total = 0;
  for (let b = 0; b < blocks; b++) {
    off[b] = total;
    total += size[b] as number;
  }
  const into: Placing = { pool: poolOf(total, graded, alt), off, size, fill };
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i] as Column;
    for (let e = 0; e < col.units.length; e++) {
      const b = block[col.units[e] as number] as number;
      if (b >= 0) place(into, b, col, i, e);
    }
    for (let k = 0; k < nk; k++)
      if (col.diffuseReach & (1 << k)) place(into, unitIdx.length + k, col, i, -1 - k);
  }
  const { pool } = into;
  const units = unitIdx.map((u, b): Effect => {
    const cls = (base[u] as Unit).level as LesionClass;
    return { pool, off: off[b] as number, size: size[b] as number, spares: classSpares(cls) };
  });
  const diffuse = a.diffuseSpares.map((spares, k) => ({
    pool,
    off: off[unitIdx.length + k] as number,
    size: size[unitIdx.length + k] as number,
    spares,
  }));
  return { units, diffuse };
}

/** A pool being filled: each block's start and size, and how many of its entries are placed. */
interface Placing {
  pool: Pool;
  off: Int32Array;
  size: Int32Array;
  fill: Int32Array;
}

/**
 * Places entry e of column `col` (observation i; for a diffuse process, -1 - its kind) as the next
 * entry of block b.
 */
function place({ pool, off, size, fill }: Placing, b: number, col: Column, i: number, e: number): void {
  const { touched, d } = pool;
  const { lnNot, q, qGrade } = pool.reading;
  const nums = col.nums;
  const nu = col.units.length;
  const t = fill[b] as number;
  fill[b] = t + 1;
  const o = (off[b] as number) + t;
  touched[o] = i;
  if (e >= 0) d[o] = nums[e] as number;
  // The entry's numbers in the column (see Column), and where level j of it goes in the pool.
  const from = nu + (e >= 0 ? e : nu - 1 - e) * LEVELS;
  const at = LEVELS * (off[b] as number) + t;
  const stride = size[b] as number;
  for (let j = 0; j < LEVELS; j++) lnNot[at + j * stride] = nums[from + j] as number;
  if (!col.graded) return;
  const per = (nu + DIFFUSE_KINDS.length) * LEVELS;
  for (let j = 0; j < LEVELS; j++) {
    q[at + j * stride] = nums[from + per + j] as number;
    qGrade[at + j * stride] = nums[from + 2 * per + j] as number;
  }
}

/** The effect of a lesion from its shares of each observation (lesions no column holds: muscles). */
export function effectOfShares(obs: readonly Observation[], cls: LesionClass, d: Float64Array): Effect {
  const touched: number[] = [];
  for (let i = 0; i < obs.length; i++) if ((d[i] ?? 0) > 0) touched.push(i);
  const pool = poolOf(touched.length);
  const one = readingOf(LEVELS);
  touched.forEach((i, t) => {
    pool.touched[t] = i;
    pool.d[t] = d[i] as number;
    for (let j = 0; j < LEVELS; j++)
      readShares(obs[i] as Observation, [{ cls, d: d[i] as number }], j, one, j);
    copyReading(one, 0, pool.reading, t, touched.length, true);
  });
  return { pool, off: 0, size: touched.length, spares: classSpares(cls) };
}

/** The effect of a focal unit of the atlas from the columns (units the case did not gather). */
export function effectOfColumns(columns: readonly Column[], u: number, cls: LesionClass): Effect {
  const entries: number[] = [];
  columns.forEach((col, i) => {
    if ((col.entryOf[u] ?? -1) >= 0) entries.push(i);
  });
  const pool = poolOf(entries.length);
  entries.forEach((i, t) => {
    const col = columns[i] as Column;
    const e = col.entryOf[u] as number;
    pool.touched[t] = i;
    pool.d[t] = col.d[e] as number;
    copyReading(col.reading, e * LEVELS, pool.reading, t, entries.length, col.graded);
  });
  return { pool, off: 0, size: entries.length, spares: classSpares(cls) };
}

/** The share of observation i a focal effect reaches (0 where it does not touch it). */
export function shareAt(e: Effect, i: number): number {
  let lo = e.off;
  let hi = e.off + e.size - 1;
  const touched = e.pool.touched;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = touched[mid] as number;
    if (x === i) return e.pool.d[mid] as number;
    if (x < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
