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
import { type LesionClass, sensoryInvolvement } from "./data/evidence.js";
import { reporting, routineExamination } from "./data/silence.js";
import { baseUnits } from "./effects.js";
import { keep } from "./keep.js";
import { causeProbability } from "./likelihood.js";
import { DIFFUSE_KINDS, type DiffuseKind, diffuseDamage, type Unit, unitDamage } from "./model.js";
import { type Family, type LimbSide, type Observation, observe } from "./observe.js";

/** What one lesion predicts of the routine examination. */
interface Prediction {
  /** Per item: the chance it is abnormal (skin: once the territory is numb). */
  p: Float64Array;
  /** The chance the lesion numbs its territory at all. */
  numb: number;
}

/** The routine examination as observations (every item normal, both sides), and what each lesion predicts of it. */
interface Items {
  items: Observation[];
  /** Item index by `${target key}|${side}`. */
  index: Map<string, number>;
  /** Per base unit (baseUnits order). */
  units: Prediction[];
  diffuse: Map<DiffuseKind, Prediction>;
}

/** What the silence of one case says: the reporting rate of each item (0 where the case mentions it). */
export interface Silence {
  items: Items;
  rate: Float64Array;
  /** Sides on which the case finds sensation lost: there the territory is known to be numb. */
  numbSides: Set<LimbSide>;
  /** The sums for no lesion on each side, which every candidate is measured against. */
  none: { left: number; right: number };
  /** Predictions for the case's own muscle lesions, by unit index. */
  extra: Map<number, Prediction>;
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

/** The keys under which an observation names items: its movements (strength) or its one target. */
function itemKeys(o: Observation): string[] {
  if (o.family === "weakness") return o.movements.map((m) => `movement:${m}|${o.side}`);
  return o.targets.map((t) => `${t.key}|${o.side}`);
}

/** What causes of these classes and shares predict of each item. */
function predict(
  items: readonly Observation[],
  causes: (i: number) => { cls: LesionClass; d: number }[],
): Prediction {
  const p = new Float64Array(items.length);
  const classes = new Set<LesionClass>();
  items.forEach((o, i) => {
    let spared = 1;
    for (const c of causes(i)) {
      if (c.d > 0) classes.add(c.cls);
      spared *= 1 - causeProbability(o, c, o.family === "sensoryChange");
    }
    p[i] = 1 - spared;
  });
  let untouched = 1;
  for (const cls of classes) untouched *= 1 - sensoryInvolvement[cls];
  return { p, numb: 1 - untouched };
}

function itemsOf(atlas: Atlas): Items {
  return keep(tables, atlas, () => {
    const items = observe(atlas, routineCase()).observations;
    const index = new Map<string, number>();
    items.forEach((o, i) => {
      for (const k of itemKeys(o)) index.set(k, i);
    });
    const units = baseUnits(atlas).map((u) =>
      predict(items, (i) => [{ cls: u.level, d: unitDamage(atlas, u, items[i] as Observation) }]),
    );
    const diffuse = new Map<DiffuseKind, Prediction>();
    for (const kind of DIFFUSE_KINDS) {
      const damage = diffuseDamage(atlas, kind, items);
      diffuse.set(
        kind,
        predict(items, (i) => damage.map((dmg) => ({ cls: dmg.cls, d: dmg.d[i] ?? 0 }))),
      );
    }
    return { items, index, units, diffuse };
  });
}

/** Whether the case states a complaint of this kind that no examination finding of the kind resolves. */
const COMPLAINTS: Partial<Record<Finding["kind"], readonly string[]>> = {
  strength: ["weakness"],
  sensory: ["numbness"],
};

export function silenceOf(atlas: Atlas, c: LocusCase, observations: readonly Observation[]): Silence {
  const items = itemsOf(atlas);
  const rate = new Float64Array(items.items.length);
  const symptoms = new Set(c.context?.symptoms ?? []);
  const examined = new Set(c.findings.map((f) => f.kind));
  const described = new Set(observations.filter((o) => KIND_OF[o.family]).map((o) => o.side));
  items.items.forEach((o, i) => {
    const kind = KIND_OF[o.family];
    if (!kind) return;
    if (examined.has(kind))
      rate[i] =
        described.size === 1 && !described.has(o.side) ? reporting.otherSide.value : reporting.examined.value;
    else if (!(COMPLAINTS[kind] ?? []).some((s) => symptoms.has(s))) rate[i] = reporting.unexamined.value;
  });
  const numbSides = new Set<LimbSide>();
  for (const o of observations) {
    if (o.family === "sensoryChange" && o.abnormal) numbSides.add(o.side);
    for (const k of itemKeys(o)) {
      const i = items.index.get(k);
      if (i !== undefined) rate[i] = 0;
    }
  }
  const s: Silence = { items, rate, numbSides, none: { left: 0, right: 0 }, extra: new Map() };
  sumOver(s, []);
  s.none.left = noneSides.left;
  s.none.right = noneSides.right;
  return s;
}

/** Scratch for the sums of the two sides (never kept between calls): skin apart, and all the rest. */
const skin = { left: 0, right: 0 };
const rest = { left: 0, right: 0 };

/** The silence on each side, written to `out`, each measured against `against` and capped. */
function sumOver(
  s: Silence,
  predictions: readonly Prediction[],
  against?: { left: number; right: number },
): number {
  const { items, rate } = s;
  let untouched = 1;
  for (const x of predictions) untouched *= 1 - x.numb;
  skin.left = 0;
  skin.right = 0;
  rest.left = 0;
  rest.right = 0;
  for (let i = 0; i < rate.length; i++) {
    const r = rate[i] as number;
    if (r === 0) continue;
    const o = items.items[i] as Observation;
    const background = Math.log(1 - r * o.fp);
    if (o.family !== "sensoryChange") {
      let spared = 1 - o.fp;
      for (const x of predictions) spared *= 1 - (x.p[i] as number);
      rest[o.side] += Math.log(1 - r * (1 - spared));
      continue;
    }
    rest[o.side] += background;
    let spared = 1;
    for (const x of predictions) spared *= 1 - (x.p[i] as number);
    skin[o.side] += Math.log(1 - r * (1 - spared)) - background;
  }
  let sum = 0;
  for (const side of ["left", "right"] as const) {
    const numb = s.numbSides.has(side) ? 1 : 1 - untouched;
    const own = rest[side] + Math.log(1 - numb + numb * Math.exp(skin[side]));
    if (!against) {
      noneSides[side] = own;
      continue;
    }
    sum += Math.max(-reporting.cap.value, own - against[side]);
  }
  return sum;
}

/** The no-lesion sums of the case being read (set by silenceOf through sumOver). */
const noneSides = { left: 0, right: 0 };

function predictionOf(atlas: Atlas, s: Silence, units: readonly Unit[], ui: number): Prediction {
  const base = s.items.units[ui];
  if (base) return base;
  return keep(s.extra, ui, () => {
    const u = units[ui] as Unit;
    return predict(s.items.items, (i) => [
      { cls: u.level, d: unitDamage(atlas, u, s.items.items[i] as Observation) },
    ]);
  });
}

/** Scratch for a candidate's predictions (never kept between calls). */
const scratch: Prediction[] = [];

/** log P(the report's silence | candidate) - log P(silence | no lesion), capped below on each side. */
export function silenceTerm(
  atlas: Atlas,
  s: Silence,
  units: readonly Unit[],
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
): number {
  scratch.length = 0;
  for (const ui of unitIdx) scratch.push(predictionOf(atlas, s, units, ui));
  if (diffuse !== "none") scratch.push(s.items.diffuse.get(diffuse) as Prediction);
  if (scratch.length === 0) return 0;
  return sumOver(s, scratch, s.none);
}
