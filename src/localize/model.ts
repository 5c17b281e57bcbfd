/**
 * The fibre model over one case: for every candidate lesion (a site on one side, or a diffuse
 * process) the share of each observation's anatomy it reaches, precomputed as typed arrays.
 */

import type { Atlas, TargetKey, TargetKind, Zone } from "../atlas/index.js";
import { ROOT_ORDER } from "../atlas/index.js";
import { keep } from "../keep.js";
import { type LesionClass, radicularReferral } from "./data/evidence.js";
import {
  anteriorHorn,
  caudaEquina,
  caudaEquinaLow,
  conus,
  distalCentral,
  epiconus,
  lengthDependent,
  myopathy,
  polyradiculopathy,
  pyramidal,
} from "./data/patterns.js";
import { extraLesion, MUSCLE_PRIOR, plexusPrior, rootPrior, wholePlexus } from "./data/priors.js";
import type { LimbSide, Observation } from "./observe.js";

export type FocalLevel = "root" | "plexus" | "nerve" | "muscle";

/** A focal lesion on one side. */
export interface Unit {
  key: string;
  site: string;
  level: FocalLevel;
  side: LimbSide;
  prior: number;
  name: string;
  /** FORMAT.md ids for the report. */
  formatIds: string[];
  /** Muscle lesions: the muscles involved. */
  muscles: string[];
  /** The atlas sites the lesion covers: one, or adjacent roots taken together. */
  parts: string[];
}

export const DIFFUSE_KINDS = [
  "none",
  "polyneuropathy",
  "myopathy",
  "anterior_horn",
  "polyradiculopathy",
  "cauda_equina",
  "cauda_equina_low",
  "conus",
  "epiconus",
  "cns_left",
  "cns_right",
  "cns_bilateral",
  "cns_distal_left",
  "cns_distal_right",
] as const;
export type DiffuseKind = (typeof DIFFUSE_KINDS)[number];

/** Cauda equina lesions: the whole cauda, or its sacral (central, lowest) roots only. */
export const CAUDA: ReadonlySet<DiffuseKind> = new Set(["cauda_equina", "cauda_equina_low"]);
/** Diffuse processes of the roots inside the spinal canal. */
export const INTRASPINAL_ROOTS: ReadonlySet<DiffuseKind> = new Set([
  "polyradiculopathy",
  "cauda_equina",
  "cauda_equina_low",
  "conus",
  "epiconus",
]);

/** Lesions of the spinal cord itself: both legs' upper motor neurons, the conus, the lumbosacral enlargement. */
export const CORD_LESIONS: ReadonlySet<DiffuseKind> = new Set(["cns_bilateral", "conus", "epiconus"]);

/** Damage by lesion class for one observation. */
export interface Damage {
  cls: LesionClass;
  d: Float64Array;
}

/** Share of each target reached by each site, as one dense table built once per atlas. */
interface ReachTable {
  site: Map<string, number>;
  target: Map<TargetKey, number>;
  values: Float64Array;
}

const tables = new WeakMap<Atlas, ReachTable>();

function reachTable(atlas: Atlas): ReachTable {
  return keep(tables, atlas, () => {
    const sites = atlas.fibres.sites.map((s) => s.id);
    const targets = atlas.fibres.targets();
    const values = new Float64Array(sites.length * targets.length);
    sites.forEach((s, si) => {
      targets.forEach((k, ti) => {
        values[si * targets.length + ti] = atlas.fibres.effect(s, k);
      });
    });
    return {
      site: new Map(sites.map((s, i) => [s, i])),
      target: new Map(targets.map((k, i) => [k, i])),
      values,
    };
  });
}

export function reach(atlas: Atlas, site: string, target: TargetKey): number {
  const t = reachTable(atlas);
  const si = t.site.get(site);
  const ti = t.target.get(target);
  if (si === undefined || ti === undefined) return 0;
  return t.values[si * t.target.size + ti] ?? 0;
}

function levelOfSite(level: string): FocalLevel {
  return level === "root" ? "root" : level === "plexus" ? "plexus" : "nerve";
}

/** Every focal site on both sides, with its prior. */
export function focalUnits(atlas: Atlas): Unit[] {
  const units: Unit[] = [];
  for (const s of atlas.fibres.sites) {
    const level = levelOfSite(s.level);
    const prior =
      level === "root" ? (rootPrior[s.id] ?? 0.1) : level === "plexus" ? (plexusPrior[s.id] ?? 0.3) : s.prior;
    for (const side of ["left", "right"] as const) {
      units.push({
        key: `${s.id}|${side}`,
        site: s.id,
        level,
        side,
        prior,
        name: s.name,
        formatIds: [s.formatId],
        muscles: [],
        parts: [s.id],
      });
    }
  }
  return [...units, ...adjacentRoots(units), ...wholePlexusUnits(units)];
}

/** The lumbar and sacral plexus on one side as one lesion (wholePlexus). */
function wholePlexusUnits(single: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const side of ["left", "right"] as const) {
    const run = ["lumbar_plexus", "sacral_plexus"].map((id) =>
      single.find((u) => u.site === id && u.side === side),
    );
    if (run.some((u) => u === undefined)) continue;
    const [lumbar, sacral] = run as [Unit, Unit];
    const ids = [lumbar.site, sacral.site];
    out.push({
      key: `${ids.join("+")}|${side}`,
      site: ids.join("+"),
      level: "plexus",
      side,
      prior: Math.sqrt(lumbar.prior * sacral.prior) * wholePlexus.factor,
      name: "lumbar and sacral plexus",
      formatIds: ids,
      muscles: [],
      parts: ids,
    });
  }
  return out;
}

/** The roots a lesion can sit at, cranial to caudal (T12 only tops up the lumbar plexus). */
export const LESION_ROOTS: readonly string[] = ROOT_ORDER.filter((r) => r !== "T12");

/**
 * Two or three adjacent roots on one side as one lesion (two-level stenosis or disc disease,
 * neuralgic amyotrophy): their shares add up exactly, so a muscle can lose its whole supply.
 */
function adjacentRoots(single: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const side of ["left", "right"] as const) {
    const roots = LESION_ROOTS.map((id) => single.find((u) => u.site === id && u.side === side)).filter(
      (u): u is Unit => u !== undefined,
    );
    for (let n = 2; n <= 3; n++) {
      for (let i = 0; i + n <= roots.length; i++) {
        const run = roots.slice(i, i + n);
        const ids = run.map((u) => u.site);
        out.push({
          key: `${ids.join("+")}|${side}`,
          site: ids.join("+"),
          level: "root",
          side,
          // The geometric mean of the roots' priors: a two-level lesion is as common as its roots together, never likelier than the rarer one alone.
          prior: run.reduce((a, u) => a * u.prior, 1) ** (1 / n) * extraLesion.adjacentRoots ** (n - 1),
          name: `${ids.join(" and ")} roots`,
          formatIds: ids,
          muscles: [],
          parts: ids,
        });
      }
    }
  }
  return out;
}

export function muscleUnit(atlas: Atlas, muscles: string[], side: LimbSide): Unit {
  const ids = [...new Set(muscles)].sort();
  const names = ids.map((m) => atlas.muscle(m)?.name ?? m);
  return {
    key: `muscle:${ids.join("+")}|${side}`,
    site: `muscle:${ids.join("+")}`,
    level: "muscle",
    side,
    prior: MUSCLE_PRIOR,
    name: `${names.join(", ")} (the muscle itself)`,
    formatIds: ids,
    muscles: ids,
    parts: [],
  };
}

function kindOf(key: TargetKey): [TargetKind, string] {
  const at = key.indexOf(":");
  return [key.slice(0, at) as TargetKind, key.slice(at + 1)];
}

/**
 * The share of each observation's anatomy each focal unit reaches, as one array per unit: the
 * same sums as `unitDamage`, read straight from the reach table.
 */
export function damageTable(
  atlas: Atlas,
  units: readonly Unit[],
  obs: readonly Observation[],
): Float64Array[] {
  const t = reachTable(atlas);
  const width = t.target.size;
  const targets = obs.map((o) => o.targets.map((x) => ({ ti: t.target.get(x.key), weight: x.weight })));
  return units.map((u) => {
    if (u.level === "muscle") return Float64Array.from(obs, (o) => unitDamage(atlas, u, o));
    const rows = u.parts.map((p) => (t.site.get(p) ?? -1) * width);
    const d = new Float64Array(obs.length);
    obs.forEach((o, i) => {
      if (o.side !== u.side) return;
      let sum = 0;
      for (const x of targets[i] ?? []) {
        if (x.ti === undefined) continue;
        for (const row of rows) if (row >= 0) sum += x.weight * (t.values[row + x.ti] ?? 0);
      }
      d[i] = Math.max(Math.min(1, sum), referral(u, o));
    });
    return d;
  });
}

/** The share of one observation's anatomy a focal unit reaches. */
export function unitDamage(atlas: Atlas, u: Unit, o: Observation): number {
  if (o.side !== u.side) return 0;
  let d = 0;
  for (const t of o.targets) {
    if (u.level === "muscle") {
      const [kind, id] = kindOf(t.key);
      if (kind === "muscle" && u.muscles.includes(id)) d += t.weight;
      else if (kind === "study") {
        const s = atlas.data.studies.find((x) => x.id === id);
        if (s && "muscle" in s.recordsFrom && u.muscles.includes(s.recordsFrom.muscle)) d += t.weight;
      }
      continue;
    }
    for (const site of u.parts) d += t.weight * reach(atlas, site, t.key);
  }
  return Math.max(Math.min(1, d), referral(u, o));
}

/** The share by which a root lesion's pain reaches a region beyond its dermatome (radicularReferral). */
function referral(u: Unit, o: Observation): number {
  if (o.family !== "sensorySymptom" || u.level !== "root") return 0;
  let share = 0;
  for (const t of o.targets) {
    const [kind, id] = kindOf(t.key);
    if (kind !== "region") continue;
    for (const root of u.parts)
      if (radicularReferral.regions[root]?.includes(id))
        share = Math.max(share, t.weight * radicularReferral.share);
  }
  return share;
}

function zoneShare(atlas: Atlas, key: TargetKey, zones: Record<Zone, number>): number {
  const [kind, id] = kindOf(key);
  return zones[atlas.zoneOf(kind, id)];
}

/** Share of a target reached when the given roots are damaged to the given degree. */
function rootPatternShare(atlas: Atlas, key: TargetKey, severity: Record<string, number>): number {
  let d = 0;
  for (const b of atlas.fibres.bundlesOf(key)) {
    const first = b.path[0];
    if (first && first === b.root) d += b.weight * (severity[first] ?? 0);
  }
  return d;
}

/** The side a central lesion's leg weakness is on (undefined: both). */
const CNS_SIDE: Partial<Record<DiffuseKind, LimbSide>> = {
  cns_left: "left",
  cns_right: "right",
  cns_distal_left: "left",
  cns_distal_right: "right",
};

/** The central lesions, each reading as an upper motor neuron lesion of its side. */
export const CENTRAL: ReadonlySet<DiffuseKind> = new Set([
  "cns_left",
  "cns_right",
  "cns_bilateral",
  "cns_distal_left",
  "cns_distal_right",
]);

function centralShare(atlas: Atlas, o: Observation, movements: Record<string, number>): number {
  const moves = o.movements.length
    ? o.movements
    : o.targets.flatMap((t) => {
        const [kind, id] = kindOf(t.key);
        return kind === "muscle" ? (atlas.muscle(id)?.movements ?? []) : [];
      });
  if (moves.length === 0) return 0;
  return moves.reduce((s, m) => s + (movements[m] ?? 0.5), 0) / moves.length;
}

function perTarget(o: Observation, f: (key: TargetKey) => number): number {
  return Math.min(
    1,
    o.targets.reduce((s, t) => s + t.weight * f(t.key), 0),
  );
}

/** Sensory families a central lesion can reach anywhere on its side. */
const CENTRAL_SENSORY: ReadonlySet<string> = new Set(["sensoryChange", "sensorySymptom", "deepSensory"]);

/** The damage a diffuse process does to each observation, by lesion class. */
export function diffuseDamage(atlas: Atlas, kind: DiffuseKind, obs: Observation[]): Damage[] {
  const n = obs.length;
  const arr = () => new Float64Array(n);
  switch (kind) {
    case "none":
      return [];
    case "polyneuropathy": {
      const d = arr();
      obs.forEach((o, i) => {
        d[i] = perTarget(o, (key) => {
          const [k, id] = kindOf(key);
          if (k === "reflex") return lengthDependent.reflexes[id] ?? 0.2;
          if (k === "study" && lengthDependent.studies[id] !== undefined)
            return lengthDependent.studies[id] ?? 0;
          if (k === "muscle" && id.startsWith("paraspinal_")) return 0;
          return zoneShare(atlas, key, lengthDependent.zones);
        });
      });
      return [{ cls: "length_dependent", d }];
    }
    case "myopathy": {
      const d = arr();
      obs.forEach((o, i) => {
        d[i] = perTarget(o, (key) => {
          const [k] = kindOf(key);
          return k === "region" ? 0 : zoneShare(atlas, key, myopathy.zones);
        });
      });
      return [{ cls: "myopathy", d }];
    }
    case "anterior_horn": {
      const d = arr();
      obs.forEach((o, i) => {
        d[i] = perTarget(o, (key) => {
          const [k, id] = kindOf(key);
          if (k === "region") return 0;
          if (k === "study")
            return atlas.data.studies.find((s) => s.id === id)?.type === "sensory" ? 0 : anteriorHorn.share;
          return anteriorHorn.share;
        });
      });
      return [{ cls: "anterior_horn", d }];
    }
    case "polyradiculopathy":
    case "cauda_equina":
    case "cauda_equina_low":
    case "conus":
    case "epiconus": {
      const severity = {
        polyradiculopathy: polyradiculopathy.roots,
        cauda_equina: caudaEquina.roots,
        cauda_equina_low: caudaEquinaLow.roots,
        conus: conus.roots,
        epiconus: epiconus.roots,
      }[kind];
      const d = arr();
      obs.forEach((o, i) => {
        d[i] = perTarget(o, (key) => rootPatternShare(atlas, key, severity));
      });
      const out: Damage[] = [{ cls: "root", d }];
      if (kind === "conus" || kind === "epiconus") {
        const umn = kind === "conus" ? conus.umn : epiconus.umn;
        const u = arr();
        obs.forEach((o, i) => {
          u[i] = o.family === "umnSign" ? umn : 0;
        });
        out.push({ cls: "umn", d: u });
      }
      return out;
    }
    case "cns_left":
    case "cns_right":
    case "cns_bilateral":
    case "cns_distal_left":
    case "cns_distal_right": {
      const side = CNS_SIDE[kind];
      const pattern = kind === "cns_distal_left" || kind === "cns_distal_right" ? distalCentral : pyramidal;
      const d = arr();
      obs.forEach((o, i) => {
        if (side && o.side !== side) return;
        // Wasting is a lower motor neuron sign: a central lesion weakens without it.
        d[i] =
          o.family === "weakness"
            ? o.lowerMotorNeuron
              ? 0
              : centralShare(atlas, o, pattern.movements)
            : o.family === "umnSign" || CENTRAL_SENSORY.has(o.family)
              ? 1
              : 0;
      });
      return [{ cls: "umn", d }];
    }
  }
}
