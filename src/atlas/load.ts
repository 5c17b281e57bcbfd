/**
 * Turns the data files into typed, indexed records: root strings become weights, nerve courses
 * become lists of sites, and every target gets its fibre routes.
 */
import { disagreements } from "./data/disagreements.js";
import { movements } from "./data/movements.js";
import {
  type MuscleData,
  muscles as muscleData,
  paraspinalLevels,
  paraspinalSources,
} from "./data/muscles.js";
import { nerves } from "./data/nerves.js";
import { reflexes as reflexData } from "./data/reflexes.js";
import { regions as regionData } from "./data/regions.js";
import { plexus, roots } from "./data/roots.js";
import { sources } from "./data/sources.js";
import { studies as studyData } from "./data/studies.js";
import type {
  Disagreement,
  Movement,
  Muscle,
  Nerve,
  PlexusElement,
  Reflex,
  Region,
  Root,
  RootId,
  RootShare,
  Source,
  Study,
} from "./types.js";

export const ROOT_ORDER: RootId[] = ["T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"];
const MAJOR = 1;
const MINOR = 0.3;

/** "L5 S1 (S2)" or "L5:2 S1" -> normalised root shares. */
export function parseRoots(notation: string): RootShare[] {
  const shares: RootShare[] = [];
  const re = /(\()?\s*([TLS]\d{1,2})(?::([\d.]+))?\s*(\))?/g;
  let inMinor = false;
  for (const m of notation.matchAll(re)) {
    if (m[1]) inMinor = true;
    const root = m[2] as RootId;
    if (!ROOT_ORDER.includes(root)) throw new Error(`unknown root "${root}" in "${notation}"`);
    const role = inMinor ? "minor" : "major";
    const weight = m[3] ? Number(m[3]) : inMinor ? MINOR : MAJOR;
    shares.push({ root, weight, role });
    if (m[4]) inMinor = false;
  }
  if (shares.length === 0) throw new Error(`no roots in "${notation}"`);
  const total = shares.reduce((s, r) => s + r.weight, 0);
  return shares
    .map((r) => ({ ...r, weight: Math.round((r.weight / total) * 1000) / 1000 }))
    .sort((a, b) => ROOT_ORDER.indexOf(a.root) - ROOT_ORDER.indexOf(b.root));
}

function paraspinals(): Muscle[] {
  return paraspinalLevels.map((level, i) => {
    const neighbours = [paraspinalLevels[i - 1], paraspinalLevels[i + 1]].filter(
      (x): x is (typeof paraspinalLevels)[number] => x !== undefined,
    );
    const notation = `${level} (${neighbours.join(" ")})`;
    return {
      id: `paraspinal_${level}`,
      name: `${level} paraspinal muscles (multifidus)`,
      supply: [],
      roots: parseRoots(notation),
      movements: [],
      commonlyNeedled: true,
      dorsalRamus: true,
      sources: paraspinalSources,
      note: "Supplied by the dorsal ramus, which leaves the root at the foramen: denervated by root and anterior horn lesions, spared by plexus and nerve lesions. Segmental overlap is wide.",
    };
  });
}

export interface LoadedData {
  sources: Record<string, Source>;
  roots: Root[];
  plexus: PlexusElement[];
  nerves: Nerve[];
  muscles: Muscle[];
  movements: Movement[];
  reflexes: Reflex[];
  regions: Region[];
  studies: Study[];
  disagreements: Disagreement[];
  /** Share of each region supplied by dorsal rami (skin only a root lesion reaches). */
  regionDorsalRamus: Map<string, number>;
}

/**
 * A muscle's overall root shares. Where one nerve's branch carries other roots than the rest
 * (the hamstring part of adductor magnus), the weights are the supply-weighted sum over branches,
 * so that they always equal what the fibre model routes; the roles stay as the notation gives them.
 */
function overallRoots(m: MuscleData): RootShare[] {
  const declared = parseRoots(m.roots);
  if (!m.supply.some((s) => s.roots)) return declared;
  const total = m.supply.reduce((sum, s) => sum + s.share, 0);
  const weights = new Map<RootId, number>();
  for (const s of m.supply) {
    for (const r of s.roots ? parseRoots(s.roots) : declared)
      weights.set(r.root, (weights.get(r.root) ?? 0) + (r.weight * s.share) / total);
  }
  return [...weights]
    .map(([root, weight]) => ({
      root,
      weight: Math.round(weight * 1000) / 1000,
      role: declared.find((d) => d.root === root)?.role ?? ("minor" as const),
    }))
    .sort((a, b) => ROOT_ORDER.indexOf(a.root) - ROOT_ORDER.indexOf(b.root));
}

export function loadData(): LoadedData {
  const muscles: Muscle[] = [
    ...muscleData.map((m) => ({
      id: m.id,
      name: m.name,
      // Once one branch has its own roots, every branch states its roots explicitly.
      supply: m.supply.map((s) => ({
        nerve: s.nerve,
        share: s.share,
        ...(s.roots || m.supply.some((x) => x.roots) ? { roots: parseRoots(s.roots ?? m.roots) } : {}),
      })),
      roots: overallRoots(m),
      movements: m.movements,
      commonlyNeedled: m.needled,
      sources: m.sources,
      ...(m.note ? { note: m.note } : {}),
    })),
    ...paraspinals(),
  ];
  const reflexes: Reflex[] = reflexData.map((r) => ({ ...r, roots: parseRoots(r.roots) }));
  const regions: Region[] = regionData.map((r) => ({
    id: r.id,
    name: r.name,
    roots: parseRoots(r.roots),
    dermatomeViews: r.views.map((v) => ({
      source: v.source,
      roots: v.roots as RootId[],
      ...(v.note ? { note: v.note } : {}),
    })),
    ...(r.midline ? { midline: true } : {}),
    sources: r.sources,
  }));
  const studies: Study[] = studyData.map((s) => ({ ...s, roots: parseRoots(s.roots) }));
  const regionDorsalRamus = new Map(regionData.map((r) => [r.id, r.dorsalRamus ?? 0]));
  return {
    sources,
    roots,
    plexus,
    nerves,
    muscles,
    movements,
    reflexes,
    regions,
    studies,
    disagreements,
    regionDorsalRamus,
  };
}
