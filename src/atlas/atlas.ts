import { groups, synonyms } from "./data/synonyms.js";
import { muscleZones, regionZones, type Zone } from "./data/zones.js";
import { FibreModel, type Site, type TargetKey, type TargetKind } from "./fibres.js";
import { type LoadedData, loadData } from "./load.js";
import { Lexicon, type Resolved } from "./lookup.js";
import type { AtlasKind, Muscle, RootId } from "./types.js";

/** Bump on any change of anatomical data; every report names it. */
export const ATLAS_VERSION = "1.3.0";

export interface Reach {
  id: string;
  share: number;
}

export interface LesionEffect {
  site: Site;
  muscles: Reach[];
  regions: Reach[];
  reflexes: Reach[];
  studies: Reach[];
}

export interface Pathway {
  root: RootId;
  weight: number;
  role: "major" | "minor";
  /** root -> plexus element(s) -> nerve sites -> the muscle itself. */
  steps: string[];
}

const KIND_OF_TARGET: Record<TargetKind, keyof Omit<LesionEffect, "site">> = {
  muscle: "muscles",
  region: "regions",
  reflex: "reflexes",
  study: "studies",
};

export class Atlas {
  readonly version = ATLAS_VERSION;
  readonly data: LoadedData;
  readonly fibres: FibreModel;
  readonly lexicon = new Lexicon();
  private readonly kindById = new Map<string, AtlasKind>();
  /** The skin regions on the midline (a left or right side means nothing for them). */
  readonly midlineRegions: ReadonlySet<string>;

  constructor() {
    this.data = loadData();
    this.fibres = new FibreModel(this.data);
    this.midlineRegions = new Set(this.data.regions.filter((r) => r.midline).map((r) => r.id));
    this.index();
  }

  private index(): void {
    const d = this.data;
    const add = (kind: AtlasKind, id: string, name?: string) => {
      if (!this.kindById.has(id)) this.kindById.set(id, kind);
      this.lexicon.add(id, { ids: [id], kind, via: id });
      if (name) this.lexicon.add(name, { ids: [id], kind, via: id });
    };
    for (const r of d.roots) add("root", r.id, r.name);
    for (const p of d.plexus) add("plexus", p.id, p.name);
    for (const n of d.nerves) add("nerve", n.id, n.name);
    for (const s of this.fibres.sites) if (s.level === "nerve" && s.id !== s.nerve) add("site", s.id, s.name);
    for (const m of d.muscles) add("muscle", m.id, m.name);
    for (const m of d.movements) add("movement", m.id, m.name);
    for (const r of d.reflexes) add("reflex", r.id, r.name);
    for (const r of d.regions) add("region", r.id, r.name);
    for (const s of d.studies) add("study", s.id, s.name);
    for (const [id, words] of Object.entries(synonyms)) {
      const kind = this.kindById.get(id);
      if (!kind) throw new Error(`synonyms name an unknown id: ${id}`);
      for (const w of words) this.lexicon.add(w, { ids: [id], kind, via: id });
    }
    for (const g of groups) {
      for (const w of [g.id, g.name, ...g.words])
        this.lexicon.add(w, { ids: g.members, kind: "muscle", via: g.id, group: g.id });
    }
    this.indexParaspinals();
  }

  /** "L5 paraspinal", "L5 PSP", "PVM L5", and "L5/S1 paraspinals" for two adjacent levels. */
  private indexParaspinals(): void {
    const levels = this.data.muscles.filter((m) => m.dorsalRamus).map((m) => m.id.replace("paraspinal_", ""));
    const nouns = [
      "paraspinal",
      "paraspinals",
      "PSP",
      "PVM",
      "paravertebral",
      "paravertebrals",
      "multifidus",
      "lumbar paraspinal",
      "lumbosacral paraspinal",
    ];
    levels.forEach((level, i) => {
      const id = `paraspinal_${level}`;
      for (const noun of nouns) {
        this.lexicon.add(`${level} ${noun}`, { ids: [id], kind: "muscle", via: id });
        this.lexicon.add(`${noun} ${level}`, { ids: [id], kind: "muscle", via: id });
      }
      const next = levels[i + 1];
      if (!next) return;
      const pair = [id, `paraspinal_${next}`];
      for (const noun of nouns) {
        for (const sep of ["/", "-"]) {
          this.lexicon.add(`${level}${sep}${next} ${noun}`, {
            ids: pair,
            kind: "muscle",
            via: `${level}-${next}`,
            group: "paraspinals",
          });
        }
      }
    });
  }

  kindOf(id: string): AtlasKind | undefined {
    return this.kindById.get(id);
  }

  /** The ids of one kind, in atlas order. */
  ids(kind: AtlasKind): string[] {
    const d = this.data;
    switch (kind) {
      case "root":
        return d.roots.map((r) => r.id);
      case "plexus":
        return d.plexus.map((p) => p.id);
      case "nerve":
        return d.nerves.map((n) => n.id);
      case "site":
        return this.fibres.sites.map((s) => s.id);
      case "muscle":
        return d.muscles.map((m) => m.id);
      case "movement":
        return d.movements.map((m) => m.id);
      case "reflex":
        return d.reflexes.map((r) => r.id);
      case "region":
        return d.regions.map((r) => r.id);
      case "study":
        return d.studies.map((s) => s.id);
    }
  }

  /** A word (id, name, synonym, abbreviation, group word) to what it stands for. */
  resolve(word: string, kinds?: readonly AtlasKind[]): Resolved | undefined {
    return this.lexicon.lookup(word, kinds)[0];
  }

  nearest(word: string, kinds?: readonly AtlasKind[], limit = 3): string[] {
    return this.lexicon.nearest(word, kinds, limit).map((n) => n.word);
  }

  muscle(id: string): Muscle | undefined {
    return this.data.muscles.find((m) => m.id === id);
  }

  site(id: string): Site | undefined {
    return this.fibres.sites.find((s) => s.id === id);
  }

  /** For each root supplying a muscle: root -> plexus -> nerve -> segment -> muscle. */
  pathways(muscleId: string): Pathway[] {
    const m = this.muscle(muscleId);
    if (!m) throw new Error(`unknown muscle ${muscleId}`);
    const bundles = this.fibres.bundlesOf(`muscle:${muscleId}`);
    return m.roots.flatMap((r) =>
      bundles
        .filter((b) => b.root === r.root)
        .map((b) => ({
          root: r.root,
          weight: Math.round(b.weight * 1000) / 1000,
          role: r.role,
          steps: [...(m.dorsalRamus ? [b.path[0] ?? r.root, `dorsal ramus of ${r.root}`] : b.path), muscleId],
        })),
    );
  }

  /** What a lesion at a site reaches, with the share of each target's supply it cuts. */
  effect(siteId: string): LesionEffect {
    const site = this.site(siteId);
    if (!site) throw new Error(`unknown site ${siteId}`);
    const out: LesionEffect = { site, muscles: [], regions: [], reflexes: [], studies: [] };
    for (const target of this.fibres.targets()) {
      const share = this.fibres.effect(siteId, target);
      if (share <= 0) continue;
      const [kind, id] = target.split(":") as [TargetKind, string];
      out[KIND_OF_TARGET[kind]].push({ id, share });
    }
    return out;
  }

  /** Where along the limb a muscle, skin region or study's recording target lies. */
  zoneOf(kind: TargetKind, id: string): Zone {
    if (kind === "muscle") return id.startsWith("paraspinal_") ? "trunk" : (muscleZones[id] ?? "thigh");
    if (kind === "region") return regionZones[id] ?? "thigh";
    if (kind === "study") {
      const s = this.data.studies.find((x) => x.id === id);
      if (!s) return "leg";
      return "muscle" in s.recordsFrom
        ? this.zoneOf("muscle", s.recordsFrom.muscle)
        : this.zoneOf("region", s.recordsFrom.skin);
    }
    const r = this.data.reflexes.find((x) => x.id === id);
    return r?.muscles[0] ? this.zoneOf("muscle", r.muscles[0]) : "thigh";
  }

  /** Share of a target reached by a site; `target` as "muscle:tibialis_anterior". */
  reach(siteId: string, target: TargetKey): number {
    return this.fibres.effect(siteId, target);
  }
}

let shared: Atlas | undefined;

/** The atlas, built once per process. */
export function getAtlas(): Atlas {
  shared ??= new Atlas();
  return shared;
}
