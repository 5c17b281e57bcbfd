/**
 * What a report's silence costs a hypothesis (data/silence.ts): for every item of a routine
 * examination the case does not mention, log(1 - r p), where p is the chance the hypothesis makes
 * that item abnormal and r how often such an abnormality would have been reported; summed,
 * measured against no lesion, and capped.
 *
 * Skin is read through the same latent as the findings (score.ts): whether the lesion numbs its
 * territory at all. On each side the unmentioned regions are silent with probability
 * (1 - c) + c * prod(1 - r q), c the chance the lesion numbs its territory (1 when the case finds
 * numbness on that side) and q each region's chance once it does.
 */

import type { Atlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import { arrayOf, keep, keepBounded } from "../keep.js";
import { type LesionClass, sensoryInvolvement } from "./data/evidence.js";
import { severity } from "./data/priors.js";
import { reporting, routineExamination } from "./data/silence.js";
import { baseUnits, LEVELS } from "./effects.js";
import { causeProbability } from "./likelihood.js";
import { DIFFUSE_KINDS, type DiffuseKind, diffuseDamage, type Unit, unitDamage } from "./model.js";
import { type Family, type Observation, observe } from "./observe.js";

/** What one lesion predicts of the routine examination. */
interface Prediction {
  /** By severity level, per item: the chance it is abnormal (skin: once the territory is numb). */
  p: Float64Array[];
  /** The items it can make abnormal at all (the others read as without it). */
  touched: Int32Array;
  /** The chance the lesion numbs its territory at all. */
  numb: number;
}

/** The routine examination as observations (every item normal, both sides), and what each lesion predicts of it. */
interface Items {
  items: Observation[];
  /** Per item: its side (0 left, 1 right), whether it is skin, its rate without a lesion. */
  sideIndex: Uint8Array;
  fp: Float64Array;
  /** Per item: its product in sumOver (skin left, skin right, rest left, rest right). */
  slot: Uint8Array;
  /** Per item: the kind of finding that would report it. */
  kind: (Finding["kind"] | undefined)[];
  /** Item index by side (0 left, 1 right) and by what names it: a movement (strength) or a target key. */
  byMovement: [Map<string, number>, Map<string, number>];
  byTarget: [Map<string, number>, Map<string, number>];
  /** Per base unit (baseUnits order). */
  units: Prediction[];
  diffuse: Map<DiffuseKind, Prediction>;
}

/** What the silence of one case says: the reporting rate of each item (0 where the case mentions it). */
export interface Silence {
  items: Items;
  rate: Float64Array;
  /** Whether the case finds sensation lost on each side: there the territory is known to be numb. */
  numbLeft: boolean;
  numbRight: boolean;
  /** The sums for no lesion on each side, which every candidate is measured against. */
  none: { left: number; right: number };
  /**
   * By part, as Items.slot numbers them (skin left, skin right, rest left, rest right): the
   * probability of the silence without any lesion; a candidate's silence starts from these and
   * corrects the items it touches.
   */
  quiet: Float64Array;
  /** Per item: 1 / (1 - rate * background rate), the no-lesion silence a touched item divides out. */
  unquiet: Float64Array;
  /** The reading's scratch for this case (sumOver and silenceTerm rewrite it on every call). */
  work: {
    /** The silence's probability by level and part (4 * level + Items.slot). */
    product: Float64Array;
    /** Each prediction's chances at each level read (LEVELS * prediction + level). */
    levels: Float64Array[];
    /** silenceTerm's one reading, at its level. */
    one: Float64Array;
    /** Which items a reading has corrected (those equal to stamp). */
    seen: Int32Array;
    stamp: number;
    /** A candidate's predictions, one array per number of them. */
    predictions: Prediction[][];
  };
}

const tables = new WeakMap<Atlas, Items>();

const KIND_OF: Partial<Record<Family, Finding["kind"]>> = {
  weakness: "strength",
  reflexLoss: "reflex",
  sensoryChange: "sensory",
};

function routineCase(): LocusCase {
  const e = routineExamination;
  const findings: Finding[] = [
    ...e.movements.map((target): Finding => ({ kind: "strength", side: "bilateral", target, mrc: 5 })),
    ...e.reflexes.map((reflex): Finding => ({ kind: "reflex", side: "bilateral", reflex, grade: "normal" })),
    ...e.regions.map((region): Finding => ({ kind: "sensory", side: "bilateral", region, change: "normal" })),
  ] as Finding[];
  return { format: "locus-case/1", id: "routine-examination", findings } as LocusCase;
}

/** Sets to 0 the rate of each routine item the observation names (a strength finding: its movements). */
function silenceNamed(items: Items, o: Observation, rate: Float64Array): void {
  const side = o.side === "left" ? 0 : 1;
  if (o.family === "weakness") {
    for (const m of o.movements) {
      const i = items.byMovement[side].get(m);
      if (i !== undefined) rate[i] = 0;
    }
    return;
  }
  for (const t of o.targets) {
    const i = items.byTarget[side].get(t.key);
    if (i !== undefined) rate[i] = 0;
  }
}

/**
 * What causes of these classes and shares predict of each item. The chance the lesion numbs its
 * territory at all comes from all its classes, as in the findings (effects.ts spares), whether or
 * not a class reaches a routine item.
 */
function predict(
  items: readonly Observation[],
  classes: readonly LesionClass[],
  causes: (i: number) => { cls: LesionClass; d: number }[],
): Prediction {
  const p = severity.levels.map(() => new Float64Array(items.length));
  items.forEach((o, i) => {
    const all = causes(i);
    severity.levels.forEach((level, j) => {
      let spared = 1;
      for (const c of all)
        spared *=
          1 - causeProbability(o, { cls: c.cls, d: c.d * level, level: j }, o.family === "sensoryChange");
      (p[j] as Float64Array)[i] = 1 - spared;
    });
  });
  let untouched = 1;
  for (const cls of new Set(classes)) untouched *= 1 - sensoryInvolvement[cls];
  const last = p[p.length - 1] as Float64Array;
  const touched = Int32Array.from(items.keys()).filter((i) => (last[i] as number) > 0);
  return { p, touched, numb: 1 - untouched };
}

function itemsOf(atlas: Atlas): Items {
  return keep(tables, atlas, () => {
    const items = observe(atlas, routineCase()).observations;
    const byMovement: Items["byMovement"] = [new Map(), new Map()];
    const byTarget: Items["byTarget"] = [new Map(), new Map()];
    items.forEach((o, i) => {
      const side = o.side === "left" ? 0 : 1;
      if (o.family === "weakness") for (const m of o.movements) byMovement[side].set(m, i);
      else for (const t of o.targets) byTarget[side].set(t.key, i);
    });
    const units = baseUnits(atlas).map((u) =>
      predict(items, [u.level], (i) => [{ cls: u.level, d: unitDamage(atlas, u, items[i] as Observation) }]),
    );
    const diffuse = new Map<DiffuseKind, Prediction>();
    for (const kind of DIFFUSE_KINDS) {
      const damage = diffuseDamage(atlas, kind, items);
      diffuse.set(
        kind,
        predict(
          items,
          damage.map((dmg) => dmg.cls),
          (i) => damage.map((dmg) => ({ cls: dmg.cls, d: dmg.d[i] ?? 0 })),
        ),
      );
    }
    return {
      items,
      sideIndex: Uint8Array.from(items, (o) => (o.side === "left" ? 0 : 1)),
      fp: Float64Array.from(items, (o) => o.fp),
      kind: items.map((o) => KIND_OF[o.family]),
      slot: Uint8Array.from(
        items,
        (o) => (o.family === "sensoryChange" ? 0 : 2) + (o.side === "left" ? 0 : 1),
      ),
      byMovement,
      byTarget,
      units,
      diffuse,
    };
  });
}

/** Whether the case states a complaint of this kind that no examination finding of the kind resolves. */
const COMPLAINTS: Partial<Record<Finding["kind"], readonly string[]>> = {
  strength: ["weakness"],
  sensory: ["numbness"],
};

export function readSilence(atlas: Atlas, c: LocusCase, observations: readonly Observation[]): Silence {
  const items = itemsOf(atlas);
  const n = items.items.length;
  // The case's numbers in one buffer: rates, their no-lesion divisors, the parts' products, the
  // product scratch and silenceTerm's reading.
  const numbers = new Float64Array(2 * n + 4 + 4 * LEVELS + LEVELS);
  const rate = numbers.subarray(0, n);
  const unquiet = numbers.subarray(n, 2 * n);
  const quiet = numbers.subarray(2 * n, 2 * n + 4).fill(1);
  const product = numbers.subarray(2 * n + 4, 2 * n + 4 + 4 * LEVELS);
  const one = numbers.subarray(2 * n + 4 + 4 * LEVELS);
  let describedLeft = false;
  let describedRight = false;
  let numbLeft = false;
  let numbRight = false;
  for (const o of observations) {
    if (o.family === "sensoryChange" && o.abnormal) {
      if (o.side === "left") numbLeft = true;
      else numbRight = true;
    }
    if (!KIND_OF[o.family]) continue;
    if (o.side === "left") describedLeft = true;
    else describedRight = true;
  }
  // One side described: the report is read as saying the other is probably normal.
  const otherSide = describedLeft !== describedRight ? [!describedLeft, !describedRight] : [false, false];
  const examined = new Set<Finding["kind"]>();
  for (const f of c.findings) examined.add(f.kind);
  const symptoms = c.context?.symptoms ?? [];
  for (let i = 0; i < n; i++) {
    const kind = items.kind[i];
    if (!kind) continue;
    if (examined.has(kind))
      rate[i] = otherSide[items.sideIndex[i] as number]
        ? reporting.otherSide.value
        : reporting.examined.value;
    else if (!(COMPLAINTS[kind] ?? []).some((w) => symptoms.includes(w)))
      rate[i] = reporting.unexamined.value;
  }
  // What the case mentions is not silent.
  for (const o of observations) silenceNamed(items, o, rate);
  for (let i = 0; i < n; i++) {
    const r = rate[i] as number;
    const silent = 1 - r * (items.fp[i] as number);
    unquiet[i] = 1 / silent;
    if (r === 0) continue;
    const k = items.slot[i] as number;
    quiet[k] = (quiet[k] as number) * silent;
  }
  const s: Silence = {
    items,
    rate,
    unquiet,
    numbLeft,
    numbRight,
    none: { left: 0, right: 0 },
    quiet,
    work: { product, levels: [], one, seen: new Int32Array(n), stamp: 0, predictions: [] },
  };
  sumOver(s, [], 0, 1);
  return s;
}

/**
 * The silence on each side, measured against no lesion (s.none) and capped, summed, at each
 * severity level from `from` to `to` (exclusive), added to out[level]; without `out`, the no-lesion
 * sums themselves are written to s.none. Products of probabilities, one logarithm per side and level; the levels are
 * read in one pass over the items the lesions touch.
 */
function sumOver(
  s: Silence,
  predictions: readonly Prediction[],
  from: number,
  to: number,
  out?: Float64Array,
): void {
  const { items, rate, unquiet } = s;
  const { fp, slot } = items;
  let untouched = 1;
  for (const x of predictions) untouched *= 1 - x.numb;
  // By level and side: the probability of the skin's silence if the territory is numb (spared: the
  // no-lesion product, unchanged), and of the silence of everything else (four parts per level).
  const { product, levels } = s.work;
  for (let k = from; k < to; k++) product.set(s.quiet, 4 * k);
  const m = predictions.length;
  // Each prediction's chances at each level read, prediction by prediction.
  for (let y = 0; y < m; y++)
    for (let k = from; k < to; k++)
      levels[y * LEVELS + k] = (predictions[y] as Prediction).p[k] as Float64Array;
  // Only the items some lesion touches differ from no lesion: correct those, each once.
  const stamp = ++s.work.stamp;
  const seen = s.work.seen;
  for (let x = 0; x < m; x++) {
    const touched = (predictions[x] as Prediction).touched;
    for (let t = 0; t < touched.length; t++) {
      const i = touched[t] as number;
      const r = rate[i] as number;
      if (r === 0 || seen[i] === stamp) continue;
      seen[i] = stamp;
      const part = slot[i] as number;
      const keep = unquiet[i] as number;
      for (let k = from; k < to; k++) {
        let unreached = 1 - (fp[i] as number);
        for (let y = 0; y < m; y++) unreached *= 1 - ((levels[y * LEVELS + k] as Float64Array)[i] as number);
        // The spared territory keeps the background rate; the numb one, or anything not skin, changes.
        const at = 4 * k + part;
        product[at] = (product[at] as number) * (1 - r * (1 - unreached)) * keep;
      }
    }
  }
  const numbLeft = s.numbLeft ? 1 : 1 - untouched;
  const numbRight = s.numbRight ? 1 : 1 - untouched;
  const cap = reporting.cap.value;
  for (let k = from; k < to; k++) {
    const left = sideSilence(
      product[4 * k + 2] as number,
      product[4 * k] as number,
      s.quiet[0] as number,
      numbLeft,
    );
    const right = sideSilence(
      product[4 * k + 3] as number,
      product[4 * k + 1] as number,
      s.quiet[1] as number,
      numbRight,
    );
    if (!out) {
      s.none.left = left;
      s.none.right = right;
      continue;
    }
    out[k] = (out[k] as number) + Math.max(-cap, left - s.none.left) + Math.max(-cap, right - s.none.right);
  }
}

/** log P(one side's silence): the rest, and the skin as numb (with chance `numb`) or spared. */
function sideSilence(rest: number, numbSkin: number, sparedSkin: number, numb: number): number {
  return Math.log(rest * (numb * numbSkin + (1 - numb) * sparedSkin));
}

function predictionOf(atlas: Atlas, s: Silence, units: readonly Unit[], ui: number): Prediction {
  const base = s.items.units[ui];
  if (base) return base;
  // A muscle lesion the case brings: what it predicts depends on its muscles and side (its key) only.
  const u = units[ui] as Unit;
  const kept = keep(musclePredictions, atlas, () => new Map<string, Prediction>());
  return keepBounded(
    kept,
    u.key,
    () =>
      predict(s.items.items, [u.level], (i) => [
        { cls: u.level, d: unitDamage(atlas, u, s.items.items[i] as Observation) },
      ]),
    MAX_MUSCLE_PREDICTIONS,
  );
}

/** What the muscle lesions cases bring predict (read only), per atlas, by the lesion's key; bounded. */
const musclePredictions = new WeakMap<Atlas, Map<string, Prediction>>();
const MAX_MUSCLE_PREDICTIONS = 1000;

/** The candidate's predictions, in the work (read them before asking for another candidate's). */
function predictionsOf(
  atlas: Atlas,
  s: Silence,
  units: readonly Unit[],
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
): readonly Prediction[] {
  const n = unitIdx.length + (diffuse === "none" ? 0 : 1);
  const predictions = arrayOf(s.work.predictions, n);
  for (let k = 0; k < unitIdx.length; k++)
    predictions[k] = predictionOf(atlas, s, units, unitIdx[k] as number);
  if (diffuse !== "none") predictions[n - 1] = s.items.diffuse.get(diffuse) as Prediction;
  return predictions;
}

/**
 * log P(the report's silence | candidate at severity level `level`) - log P(silence | no lesion),
 * capped below on each side.
 */
export function silenceTerm(
  atlas: Atlas,
  s: Silence,
  units: readonly Unit[],
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
  level: number,
): number {
  const predictions = predictionsOf(atlas, s, units, unitIdx, diffuse);
  if (predictions.length === 0) return 0;
  const out = s.work.one;
  out[level] = 0;
  sumOver(s, predictions, level, level + 1, out);
  return out[level] as number;
}

/** silenceTerm at every severity level, added to out[level]. */
export function addSilenceTerms(
  atlas: Atlas,
  s: Silence,
  units: readonly Unit[],
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
  out: Float64Array,
): void {
  const predictions = predictionsOf(atlas, s, units, unitIdx, diffuse);
  if (predictions.length > 0) sumOver(s, predictions, 0, LEVELS, out);
}
