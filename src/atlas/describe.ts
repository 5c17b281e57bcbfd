/**
 * What the atlas knows about one id, as a stable JSON-ready record (used by `locus atlas`,
 * the HTTP API and the page).
 */
import type { Atlas, Pathway, Reach } from "./atlas.js";
import type { AtlasKind, Disagreement, RootShare } from "./types.js";

interface Common {
  id: string;
  name: string;
  sources: string[];
  disagreements: Disagreement[];
  /** Present when the word asked for was a synonym or group word. */
  resolvedFrom?: string;
}

export type AtlasEntry =
  | (Common & { kind: "root"; foramen: string; note: string; effect: Omit<Reachable, "site"> })
  | (Common & { kind: "plexus"; roots: string[]; note: string; effect: Omit<Reachable, "site"> })
  | (Common & {
      kind: "nerve";
      parent: string;
      roots: string[];
      course: { site?: string; muscle?: string; skin?: string; nerve?: string; name?: string }[];
      sites: string[];
      note?: string;
    })
  | (Common & { kind: "site"; nerve: string; formatId: string; effect: Omit<Reachable, "site"> })
  | (Common & {
      kind: "muscle";
      nerve: string;
      segment: string;
      roots: RootShare[];
      movements: string[];
      commonlyNeedled: boolean;
      pathways: Pathway[];
      note?: string;
    })
  | (Common & { kind: "movement"; primeMovers: string[]; contributors: string[] })
  | (Common & {
      kind: "reflex";
      roots: RootShare[];
      nerve?: string;
      muscles: string[];
      umnSign: boolean;
      note?: string;
    })
  | (Common & {
      kind: "region";
      roots: RootShare[];
      dermatomeViews: { source: string; roots: string[]; note?: string }[];
      cutaneousNerves: Reach[];
    })
  | (Common & {
      kind: "study";
      type: string;
      nerve: string;
      roots: RootShare[];
      sensory: boolean;
      postganglionic: boolean;
      recordsFrom: string;
      normal?: object;
      ageEffect?: string;
    })
  | (Common & { kind: "group"; members: string[] });

interface Reachable {
  site: string;
  muscles: Reach[];
  regions: Reach[];
  reflexes: Reach[];
  studies: Reach[];
}

function effectOf(atlas: Atlas, siteId: string): Omit<Reachable, "site"> {
  const e = atlas.effect(siteId);
  return { muscles: e.muscles, regions: e.regions, reflexes: e.reflexes, studies: e.studies };
}

/** The nerve sites a muscle branch passes last before it leaves its nerve. */
function segmentOf(atlas: Atlas, muscleId: string, nerveId: string): string {
  const bundles = atlas.fibres.bundlesOf(`muscle:${muscleId}`);
  const nerveSites = atlas.fibres.sites.filter((s) => s.nerve === nerveId).map((s) => s.id);
  const path = bundles[0]?.path ?? [];
  const last = [...path].reverse().find((p) => nerveSites.includes(p));
  return last ?? nerveId;
}

function disagreementsAbout(atlas: Atlas, id: string): Disagreement[] {
  return atlas.data.disagreements.filter((d) => d.about.includes(id));
}

/** Describe an id or any word the atlas understands; undefined when it knows nothing of it. */
export function describe(atlas: Atlas, word: string, kinds?: readonly AtlasKind[]): AtlasEntry | undefined {
  const hit = atlas.resolve(word, kinds);
  if (!hit) return undefined;
  const resolvedFrom = hit.via !== word ? { resolvedFrom: word } : {};
  const d = atlas.data;
  const id = hit.ids[0] ?? "";
  const common = (name: string, sources: string[]) => ({
    id: hit.group ? hit.via : id,
    name,
    sources,
    disagreements: disagreementsAbout(atlas, id),
    ...resolvedFrom,
  });
  if (hit.ids.length > 1) {
    return { ...common(hit.group ?? hit.via, ["grays2021"]), kind: "group", members: hit.ids };
  }
  switch (hit.kind) {
    case "root": {
      const r = d.roots.find((x) => x.id === id)!;
      return {
        ...common(r.name, r.sources),
        kind: "root",
        foramen: r.foramen,
        note: r.note,
        effect: id === "T12" ? { muscles: [], regions: [], reflexes: [], studies: [] } : effectOf(atlas, id),
      };
    }
    case "plexus": {
      const p = d.plexus.find((x) => x.id === id)!;
      return {
        ...common(p.name, p.sources),
        kind: "plexus",
        roots: p.roots,
        note: p.note,
        effect: effectOf(atlas, id),
      };
    }
    case "nerve": {
      const n = d.nerves.find((x) => x.id === id)!;
      return {
        ...common(n.name, n.sources),
        kind: "nerve",
        parent: "plexus" in n.parent ? n.parent.plexus : n.parent.nerve,
        roots: n.roots,
        course: n.course.map((c) => ({ ...c })),
        sites: atlas.fibres.sites.filter((s) => s.nerve === id).map((s) => s.id),
        ...(n.note ? { note: n.note } : {}),
      };
    }
    case "site": {
      const s = atlas.site(id)!;
      const n = d.nerves.find((x) => x.id === s.nerve);
      return {
        ...common(s.name, n?.sources ?? []),
        kind: "site",
        nerve: s.nerve ?? "",
        formatId: s.formatId,
        effect: effectOf(atlas, id),
      };
    }
    case "muscle": {
      const m = atlas.muscle(id)!;
      const nerve = m.dorsalRamus
        ? `dorsal ramus of ${m.roots.find((r) => r.role === "major")?.root}`
        : (m.supply[0]?.nerve ?? "");
      return {
        ...common(m.name, m.sources),
        kind: "muscle",
        nerve,
        segment: m.dorsalRamus ? nerve : segmentOf(atlas, id, nerve),
        roots: m.roots,
        movements: m.movements,
        commonlyNeedled: m.commonlyNeedled,
        pathways: atlas.pathways(id),
        ...(m.note ? { note: m.note } : {}),
      };
    }
    case "movement": {
      const m = d.movements.find((x) => x.id === id)!;
      return {
        ...common(m.name, m.sources),
        kind: "movement",
        primeMovers: m.primeMovers,
        contributors: m.contributors,
      };
    }
    case "reflex": {
      const r = d.reflexes.find((x) => x.id === id)!;
      return {
        ...common(r.name, r.sources),
        kind: "reflex",
        roots: r.roots,
        ...(r.nerve ? { nerve: r.nerve } : {}),
        muscles: r.muscles,
        umnSign: r.umnSign ?? false,
        ...(r.note ? { note: r.note } : {}),
      };
    }
    case "region": {
      const r = d.regions.find((x) => x.id === id)!;
      const byNerve = new Map<string, number>();
      for (const b of atlas.fibres.bundlesOf(`region:${id}`)) {
        const last = [...b.path].reverse().find((p) => atlas.site(p)?.level === "nerve");
        const nerve = last ? (atlas.site(last)?.nerve ?? last) : `dorsal rami`;
        byNerve.set(nerve, (byNerve.get(nerve) ?? 0) + b.weight);
      }
      return {
        ...common(r.name, r.sources),
        kind: "region",
        roots: r.roots,
        dermatomeViews: r.dermatomeViews,
        cutaneousNerves: [...byNerve].map(([nid, share]) => ({
          id: nid,
          share: Math.round(share * 100) / 100,
        })),
      };
    }
    case "study": {
      const s = d.studies.find((x) => x.id === id)!;
      return {
        ...common(s.name, s.sources),
        kind: "study",
        type: s.type,
        nerve: s.nerve,
        roots: s.roots,
        sensory: s.type === "sensory",
        postganglionic: s.postganglionic,
        recordsFrom: "muscle" in s.recordsFrom ? s.recordsFrom.muscle : s.recordsFrom.skin,
        ...(s.normal ? { normal: s.normal } : {}),
        ...(s.ageEffect ? { ageEffect: s.ageEffect } : {}),
      };
    }
    default:
      return undefined;
  }
}
