/**
 * What a report's silence costs a hypothesis (data/silence.ts): for every item of a routine
 * examination the case does not mention, log(1 - r p), where p is the chance the hypothesis makes
 * that item abnormal and r how often such an abnormality would have been reported; summed,
 * measured against no lesion, and capped.
 */

import type { Atlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import { reporting, routineExamination } from "./data/silence.js";
import { baseUnits } from "./effects.js";
import { keep } from "./keep.js";
import { causeProbability } from "./likelihood.js";
import { DIFFUSE_KINDS, type DiffuseKind, diffuseDamage, type Unit, unitDamage } from "./model.js";
import { type Family, type Observation, observe } from "./observe.js";

/** The routine examination as observations (every item normal, both sides), and what each lesion predicts of it. */
interface Items {
  items: Observation[];
  /** Item index by `${target key}|${side}`. */
  index: Map<string, number>;
  /** Per base unit (baseUnits order): the chance it makes each item abnormal. */
  unitP: Float64Array[];
  diffuseP: Map<DiffuseKind, Float64Array>;
}

/** What the silence of one case says: the reporting rate of each item (0 where the case mentions it). */
export interface Silence {
  items: Items;
  rate: Float64Array;
  /** The sum for no lesion, which every candidate is measured against. */
  none: number;
  /** Chances for the case's own muscle lesions, by unit index. */
  extra: Map<number, Float64Array>;
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

function chances(items: readonly Observation[], shareOf: (o: Observation) => number, cls: Unit["level"]) {
  const out = new Float64Array(items.length);
  items.forEach((o, i) => {
    out[i] = causeProbability(o, { cls, d: shareOf(o) }, false);
  });
  return out;
}

function itemsOf(atlas: Atlas): Items {
  return keep(tables, atlas, () => {
    const items = observe(atlas, routineCase()).observations;
    const index = new Map<string, number>();
    items.forEach((o, i) => {
      for (const k of itemKeys(o)) index.set(k, i);
    });
    const unitP = baseUnits(atlas).map((u) => chances(items, (o) => unitDamage(atlas, u, o), u.level));
    const diffuseP = new Map<DiffuseKind, Float64Array>();
    for (const kind of DIFFUSE_KINDS) {
      const p = new Float64Array(items.length);
      const damage = diffuseDamage(atlas, kind, items);
      items.forEach((o, i) => {
        let spared = 1;
        for (const dmg of damage)
          spared *= 1 - causeProbability(o, { cls: dmg.cls, d: dmg.d[i] ?? 0 }, false);
        p[i] = 1 - spared;
      });
      diffuseP.set(kind, p);
    }
    return { items, index, unitP, diffuseP };
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
  items.items.forEach((o, i) => {
    const kind = KIND_OF[o.family];
    if (!kind) return;
    if (examined.has(kind)) rate[i] = reporting.examined.value;
    else if (!(COMPLAINTS[kind] ?? []).some((s) => symptoms.has(s))) rate[i] = reporting.unexamined.value;
  });
  for (const o of observations) {
    for (const k of itemKeys(o)) {
      const i = items.index.get(k);
      if (i !== undefined) rate[i] = 0;
    }
  }
  const s: Silence = { items, rate, none: 0, extra: new Map() };
  s.none = sumOver(s, []);
  return s;
}

function sumOver(s: Silence, predictions: readonly Float64Array[]): number {
  const { items, rate } = s;
  let sum = 0;
  for (let i = 0; i < rate.length; i++) {
    const r = rate[i] as number;
    if (r === 0) continue;
    let spared = 1 - (items.items[i] as Observation).fp;
    for (const p of predictions) spared *= 1 - (p[i] as number);
    sum += Math.log(1 - r * (1 - spared));
  }
  return sum;
}

function predictionOf(atlas: Atlas, s: Silence, units: readonly Unit[], ui: number): Float64Array {
  const base = s.items.unitP[ui];
  if (base) return base;
  return keep(s.extra, ui, () => {
    const u = units[ui] as Unit;
    return chances(s.items.items, (o) => unitDamage(atlas, u, o), u.level);
  });
}

/** Scratch for a candidate's predictions (never kept between calls). */
const scratch: Float64Array[] = [];

/** log P(the report's silence | candidate) - log P(silence | no lesion), capped below. */
export function silenceTerm(
  atlas: Atlas,
  s: Silence,
  units: readonly Unit[],
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
): number {
  scratch.length = 0;
  for (const ui of unitIdx) scratch.push(predictionOf(atlas, s, units, ui));
  if (diffuse !== "none") scratch.push(s.items.diffuseP.get(diffuse) as Float64Array);
  if (scratch.length === 0) return 0;
  return Math.max(-reporting.cap.value, sumOver(s, scratch) - s.none);
}
