/**
 * What a hypothesis reaches, from the atlas overview: the share of each skin region's and muscle's
 * supply that runs through its lesion sites, per side (the largest share when lesions overlap), and the
 * nodes of the root-plexus-nerve tree it sits on.
 */
import { lesionSides } from "./caseModel.js";
import type { AtlasOverview, Hypothesis, Lesion, Side } from "./types.js";

export interface Territory {
  /** `${side}:${regionId}` -> share 0..1 */
  regions: Map<string, number>;
  /** `${side}:${muscleId}` -> share 0..1 */
  muscles: Map<string, number>;
  /** Tree nodes (root, plexus element, nerve id) holding a lesion, by side. */
  lesionNodes: Map<string, Set<Side>>;
  /** Nerves downstream of a lesion (reached), by side. */
  reachedNodes: Map<string, Set<Side>>;
  /** Lesions with no sites (polyneuropathy, myopathy, cns ...): no single territory to draw. */
  diffuse: Lesion[];
}

/** The atlas site behind a FORMAT.md site id (e.g. "femoral" is the femoral nerve's first site). */
export function siteFor(atlas: AtlasOverview, formatId: string) {
  return atlas.sites.find((s) => s.id === formatId) ?? atlas.sites.find((s) => s.formatId === formatId);
}

const addMax = (m: Map<string, number>, key: string, v: number) => {
  if (v > (m.get(key) ?? 0)) m.set(key, v);
};
const addSide = (m: Map<string, Set<Side>>, key: string, side: Side) => {
  const s = m.get(key) ?? new Set<Side>();
  s.add(side);
  m.set(key, s);
};

export function territoryOf(atlas: AtlasOverview, h: Hypothesis | undefined): Territory {
  const t: Territory = {
    regions: new Map(),
    muscles: new Map(),
    lesionNodes: new Map(),
    reachedNodes: new Map(),
    diffuse: [],
  };
  if (!h) return t;
  const children = new Map<string, string[]>();
  for (const n of atlas.nerves) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  for (const p of atlas.plexus) if (p.fedBy) children.set(p.fedBy, [...(children.get(p.fedBy) ?? []), p.id]);
  for (const l of h.lesions) {
    if (l.sites.length === 0) {
      t.diffuse.push(l);
      continue;
    }
    for (const id of l.sites) {
      const site = siteFor(atlas, id);
      const node = id.split("@")[0]!;
      for (const side of lesionSides(l)) {
        addSide(t.lesionNodes, node, side);
        if (site) {
          for (const r of site.regions) addMax(t.regions, `${side}:${r.id}`, r.share);
          for (const m of site.muscles) addMax(t.muscles, `${side}:${m.id}`, m.share);
        }
        if (site?.level === "root") {
          for (const p of atlas.plexus) if (p.roots.includes(node)) addSide(t.reachedNodes, p.id, side);
          for (const n of atlas.nerves) if (n.roots.includes(node)) addSide(t.reachedNodes, n.id, side);
        } else if (site) {
          const stack = [...(children.get(node) ?? [])];
          while (stack.length) {
            const n = stack.pop()!;
            addSide(t.reachedNodes, n, side);
            stack.push(...(children.get(n) ?? []));
          }
        }
      }
    }
  }
  return t;
}
