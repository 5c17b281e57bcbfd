/**
 * Candidates in FORMAT.md's localization vocabulary: focal lesions of one level and side are
 * one lesion with several sites; the same sites on both sides become one bilateral lesion.
 */

import type { Lesion, Level } from "../case/schema.js";
import { keep, keepBounded } from "../keep.js";
import { DIFFUSE_KINDS, type DiffuseKind, LESION_ROOTS as ROOT_ORDER, type Unit } from "./model.js";
import type { LimbSide, Observation } from "./observe.js";

const PLEXUS_ORDER = ["lumbar_plexus", "lumbosacral_trunk", "sacral_plexus"];

function siteOrder(a: string, b: string): number {
  const ia = ROOT_ORDER.indexOf(a) >= 0 ? ROOT_ORDER.indexOf(a) : 100 + PLEXUS_ORDER.indexOf(a);
  const ib = ROOT_ORDER.indexOf(b) >= 0 ? ROOT_ORDER.indexOf(b) : 100 + PLEXUS_ORDER.indexOf(b);
  return ia !== ib ? ia - ib : a.localeCompare(b);
}

const DIFFUSE_LESION: Record<Exclude<DiffuseKind, "none">, Lesion> = {
  polyneuropathy: { level: "polyneuropathy", sites: [], side: "bilateral" },
  myopathy: { level: "muscle", sites: [], side: "bilateral" },
  anterior_horn: { level: "anterior_horn", sites: [], side: "bilateral" },
  polyradiculopathy: { level: "polyradiculopathy", sites: [], side: "bilateral" },
  cauda_equina: { level: "cauda_equina", sites: [], side: "bilateral" },
  cauda_equina_low: { level: "cauda_equina", sites: [], side: "bilateral" },
  conus: { level: "conus", sites: [], side: "bilateral" },
  epiconus: { level: "conus", sites: [], side: "bilateral" },
  cns_left: { level: "cns", sites: [], side: "left" },
  cns_right: { level: "cns", sites: [], side: "right" },
  cns_bilateral: { level: "cns", sites: [], side: "bilateral" },
  cns_distal_left: { level: "cns", sites: [], side: "left" },
  cns_distal_right: { level: "cns", sites: [], side: "right" },
};

/** The side most abnormal findings are on, for a "no neurological lesion" answer. */
export function dominantSide(obs: readonly Observation[]): LimbSide | "bilateral" {
  let left = 0;
  let right = 0;
  for (const o of obs) if (o.abnormal) o.side === "left" ? left++ : right++;
  if (left === right) return "bilateral";
  return left > right ? "left" : "right";
}

export function toLesions(
  units: readonly Unit[],
  diffuse: DiffuseKind,
  obs: readonly Observation[],
): Lesion[] {
  const groups = new Map<string, { level: Level; side: LimbSide; sites: Set<string> }>();
  for (const u of units) {
    const key = `${u.level}|${u.side}`;
    const g = groups.get(key) ?? { level: u.level as Level, side: u.side, sites: new Set<string>() };
    for (const id of u.formatIds) g.sites.add(id);
    groups.set(key, g);
  }
  const lesions: Lesion[] = [];
  const done = new Set<string>();
  for (const [key, g] of groups) {
    if (done.has(key)) continue;
    const sites = [...g.sites].sort(siteOrder);
    const mirrorKey = `${g.level}|${g.side === "left" ? "right" : "left"}`;
    const mirror = groups.get(mirrorKey);
    if (mirror && [...mirror.sites].sort(siteOrder).join() === sites.join()) {
      done.add(mirrorKey);
      lesions.push({ level: g.level, sites, side: "bilateral" });
    } else {
      lesions.push({ level: g.level, sites, side: g.side });
    }
    done.add(key);
  }
  lesions.sort((a, b) => a.level.localeCompare(b.level) || a.side.localeCompare(b.side));
  if (diffuse !== "none") lesions.push(DIFFUSE_LESION[diffuse]);
  if (lesions.length === 0) lesions.push({ level: "none", sites: [], side: dominantSide(obs) });
  return lesions;
}

/** Lesions by candidate key, frozen (answers share them; nothing may change them). */
const lesionsByKey = new Map<string, readonly Lesion[]>();

/**
 * toLesions for a candidate whose key (candidateKey) is known: the same lesions for the same key,
 * made once and frozen, so the many answers of a distribution do not each rebuild them.
 */
export function keyedLesions(
  key: string,
  units: readonly Unit[],
  diffuse: DiffuseKind,
  obs: readonly Observation[],
): Lesion[] {
  // Found, in most calls: no closure made.
  const kept = lesionsByKey.get(key);
  if (kept) return kept as Lesion[];
  return keepBounded(
    lesionsByKey,
    key,
    () =>
      Object.freeze(
        toLesions(units, diffuse, obs).map((l) => Object.freeze({ ...l, sites: Object.freeze(l.sites) })),
      ),
    MAX_KEPT,
  ) as Lesion[];
}

export function lesionKey(lesions: readonly Lesion[]): string {
  return lesions.map((l) => `${l.level}:${l.side}:${l.sites.join("+")}`).join("|");
}

/**
 * The key of each single lesion and each pair and triple of lesions without a diffuse process,
 * kept (with lesions it does not depend on the case: the observations only name the side of no lesion).
 */
const singleKeys = new WeakMap<Unit, string>();
const pairKeys = new WeakMap<Unit, WeakMap<Unit, string>>();
const tripleKeys = new WeakMap<Unit, WeakMap<Unit, WeakMap<Unit, string>>>();

function focalKey(units: readonly Unit[], obs: readonly Observation[]): string {
  const [a, b, c] = units;
  if (!a || units.length > 3) return lesionKey(toLesions(units, "none", obs));
  // Looked up without closures: every candidate of every case asks.
  const table: WeakMap<Unit, string> | undefined = !b
    ? singleKeys
    : !c
      ? pairKeys.get(a)
      : tripleKeys.get(a)?.get(b);
  const last = c ?? b ?? a;
  const kept = table?.get(last);
  if (kept !== undefined) return kept;
  const key = lesionKey(toLesions(units, "none", obs));
  if (!b) singleKeys.set(a, key);
  else if (!c) keep(pairKeys, a, () => new WeakMap<Unit, string>()).set(b, key);
  else
    keep(
      keep(tripleKeys, a, () => new WeakMap<Unit, WeakMap<Unit, string>>()),
      b,
      () => new WeakMap<Unit, string>(),
    ).set(c, key);
  return key;
}

/** Focal keys with a diffuse process's key after them, kept by focal key (the same strings each time). */
const withDiffuse = new Map<DiffuseKind, Map<string, string>>();
const MAX_KEPT = 20_000;

/** lesionKey(toLesions(units, diffuse, obs)), without building the lesions for one to three lesions. */
export function candidateKey(
  units: readonly Unit[],
  diffuse: DiffuseKind,
  obs: readonly Observation[],
): string {
  // No focal lesion: the diffuse process's own key, or no lesion on the side most findings are on.
  if (units.length === 0)
    return diffuse === "none" ? (NONE_KEYS[dominantSide(obs)] as string) : DIFFUSE_KEYS[diffuse];
  const key = focalKey(units, obs);
  if (diffuse === "none") return key;
  let kept = withDiffuse.get(diffuse);
  if (!kept) {
    kept = new Map();
    withDiffuse.set(diffuse, kept);
  }
  const both = kept.get(key);
  if (both !== undefined) return both;
  return keepBounded(kept, key, () => `${key}|${DIFFUSE_KEYS[diffuse]}`, MAX_KEPT);
}

const DIFFUSE_KEYS = Object.fromEntries(
  Object.entries(DIFFUSE_LESION).map(([k, l]) => [k, lesionKey([l])]),
) as Record<Exclude<DiffuseKind, "none">, string>;

/** lesionKey(toLesions([], "none", obs)) by dominantSide(obs). */
const NONE_KEYS: Record<string, string> = Object.fromEntries(
  (["left", "right", "bilateral"] as const).map((side) => [
    side,
    lesionKey([{ level: "none", sites: [], side }]),
  ]),
);

/** Each diffuse kind's place in DIFFUSE_KINDS. */
const DIFFUSE_INDEX: ReadonlyMap<DiffuseKind, number> = new Map(DIFFUSE_KINDS.map((k, i) => [k, i]));

/** Candidates of more lesions than this have no code (candidateCode). */
const MAX_CODED = 3;

/**
 * A candidate as one number: its diffuse kind and up to three lesions, each an index below `radix`
 * (in their order), or undefined for more lesions. Equal candidates get equal numbers, different
 * ones different numbers, so tables of candidates are looked up without writing a key.
 */
export function candidateCode(
  unitIdx: readonly number[],
  diffuse: DiffuseKind,
  radix: number,
): number | undefined {
  if (unitIdx.length > MAX_CODED) return undefined;
  let code = 0;
  for (const u of unitIdx) code = code * (radix + 1) + u + 1;
  return code * DIFFUSE_KINDS.length + (DIFFUSE_INDEX.get(diffuse) as number);
}
