/**
 * Scoring a candidate (focal lesions, a diffuse process, or both) against one prepared case.
 */
import type { Atlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { type ContextItem, contextItems, musclesInText, type View } from "./context.js";
import type { LesionClass } from "./data/evidence.js";
import { diffusePrior, extraLesion, polyneuropathyContext } from "./data/priors.js";
import { type Cause, logLikelihood } from "./likelihood.js";
import {
  type Damage,
  DIFFUSE_KINDS,
  type DiffuseKind,
  diffuseDamage,
  focalUnits,
  muscleUnit,
  type Unit,
  unitDamage,
} from "./model.js";
import { musclesOfBodyPart, type Observation, observe } from "./observe.js";

export interface Candidate {
  units: Unit[];
  diffuse: DiffuseKind;
}

export interface Prepared {
  atlas: Atlas;
  observations: Observation[];
  context: ContextItem[];
  units: Unit[];
  /** For each unit (same order as `units`), the share of each observation it reaches. */
  damage: Float64Array[];
  diffuse: Map<DiffuseKind, Damage[]>;
  /** Units that explain at least one abnormal finding. */
  relevant: number[];
  skipped: { finding: number; why: string }[];
  logPriorDiffuse: Map<DiffuseKind, number>;
}

const unitCache = new WeakMap<Atlas, Unit[]>();

/** Muscles the case points at as diseased themselves (imaging of muscle, myopathic EMG, hypertrophy). */
function muscleCandidates(atlas: Atlas, c: LocusCase): Unit[] {
  const out: Unit[] = [];
  const add = (muscles: string[], side: string | undefined) => {
    if (muscles.length === 0) return;
    for (const s of side === "left" || side === "right" ? [side] : (["left", "right"] as const))
      out.push(muscleUnit(atlas, muscles, s));
  };
  for (const f of c.findings) {
    if (f.kind === "imaging" && f.tags.some((t) => t.startsWith("muscle_")))
      add(musclesInText(atlas, f.text ?? ""), f.side);
    if (f.kind === "emg" && (f.muap === "myopathic" || f.recruitment === "early")) add([f.muscle], f.side);
    if (f.kind === "sign" && f.sign === "hypertrophy" && f.present !== false && f.target)
      add(musclesOfBodyPart(atlas, f.target), f.side);
  }
  return out;
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
  let base = unitCache.get(atlas);
  if (!base) {
    base = focalUnits(atlas);
    unitCache.set(atlas, base);
  }
  const units = [...base, ...muscleCandidates(atlas, c)];
  const damage = units.map((u) => {
    const d = new Float64Array(observations.length);
    observations.forEach((o, i) => {
      d[i] = unitDamage(atlas, u, o);
    });
    return d;
  });
  const none: View = { units: [], diffuse: "none" };
  const relevant: number[] = [];
  units.forEach((u, ui) => {
    const d = damage[ui] as Float64Array;
    const explains = observations.some((o, i) => o.abnormal && !o.equivocal && (d[i] ?? 0) > 0.1);
    const contextual = context.some((item) => item.p({ units: [u], diffuse: "none" }) > 2 * item.p(none));
    if (explains || contextual) relevant.push(ui);
  });
  const diffuse = new Map<DiffuseKind, Damage[]>();
  const logPriorDiffuse = new Map<DiffuseKind, number>();
  for (const k of DIFFUSE_KINDS) {
    diffuse.set(k, diffuseDamage(atlas, k, observations));
    logPriorDiffuse.set(k, diffuseLogPrior(k, c));
  }
  return { atlas, observations, context, units, damage, diffuse, relevant, skipped, logPriorDiffuse };
}

/** The causes acting on observation i under a candidate, by lesion class. */
export function causesAt(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind, i: number): Cause[] {
  const byClass = new Map<LesionClass, number>();
  for (const ui of unitIdx) {
    const d = p.damage[ui]?.[i] ?? 0;
    if (d <= 0) continue;
    const cls = p.units[ui]?.level as LesionClass;
    byClass.set(cls, Math.min(1, (byClass.get(cls) ?? 0) + d));
  }
  const out: Cause[] = [...byClass].map(([cls, d]) => ({ cls, d }));
  for (const dm of p.diffuse.get(diffuse) ?? []) {
    const d = dm.d[i] ?? 0;
    if (d > 0) out.push({ cls: dm.cls, d });
  }
  return out;
}

const ADJ = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"];

export function logPrior(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  let lp = 0;
  const units = unitIdx.map((i) => p.units[i] as Unit);
  units.forEach((u, k) => {
    lp += Math.log(u.prior);
    if (k === 0) return;
    const earlier = units.slice(0, k);
    const adjacent =
      u.level === "root" &&
      earlier.some(
        (e) =>
          e.level === "root" &&
          e.side === u.side &&
          Math.abs(ADJ.indexOf(e.site) - ADJ.indexOf(u.site)) === 1,
      );
    const mirrored = earlier.some((e) => e.site === u.site && e.side !== u.side);
    lp += Math.log(
      adjacent ? extraLesion.adjacentRoots : mirrored ? extraLesion.mirrored : extraLesion.unrelated,
    );
  });
  if (diffuse === "none") return units.length === 0 ? (p.logPriorDiffuse.get("none") ?? 0) : lp;
  const d = p.logPriorDiffuse.get(diffuse) ?? 0;
  return units.length === 0 ? d : lp + d + Math.log(diffusePrior.withFocal);
}

/** Total log-likelihood of the case under a candidate. */
export function logLikelihoodOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  let ll = 0;
  for (let i = 0; i < p.observations.length; i++) {
    ll += logLikelihood(p.observations[i] as Observation, causesAt(p, unitIdx, diffuse, i));
  }
  if (p.context.length) {
    const view: View = { units: unitIdx.map((u) => p.units[u] as Unit), diffuse };
    for (const item of p.context) ll += Math.log(Math.max(1e-4, item.p(view)));
  }
  return ll;
}

export function scoreOf(p: Prepared, unitIdx: readonly number[], diffuse: DiffuseKind): number {
  return logLikelihoodOf(p, unitIdx, diffuse) + logPrior(p, unitIdx, diffuse);
}
