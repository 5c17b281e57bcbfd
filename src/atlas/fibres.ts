/**
 * The fibre model: every muscle, skin region, reflex and study is reached by bundles of fibres,
 * each from one root along one route. A bundle's path lists the sites it passes, root first.
 * A lesion at a site reaches the share of a target's fibres whose path contains the site.
 */
import type { LoadedData } from "./load.js";
import type { CourseItem, Nerve, PlexusId, RootId } from "./types.js";

export type SiteLevel = "root" | "plexus" | "nerve";

export interface Site {
  id: string;
  level: SiteLevel;
  name: string;
  /** The nerve the site lies on (nerve sites only). */
  nerve?: string;
  /** Relative frequency of a focal lesion here (1 = ordinary). */
  prior: number;
  /** The id FORMAT.md uses when the site is reported. */
  formatId: string;
}

export interface Bundle {
  root: RootId;
  /** Share of the target's supply carried by this bundle; a target's bundles sum to 1. */
  weight: number;
  /** Sites passed, root first, proximal to distal. */
  path: string[];
}

export type TargetKind = "muscle" | "region" | "reflex" | "study";
export type TargetKey = `${TargetKind}:${string}`;

const ROOT_PRIOR: Partial<Record<RootId, number>> = {};

function plexusPath(root: RootId, entry: PlexusId): string[] {
  if (entry === "sacral_plexus" && (root === "L4" || root === "L5"))
    return ["lumbosacral_trunk", "sacral_plexus"];
  return [entry];
}

export class FibreModel {
  readonly sites: Site[] = [];
  private readonly nerveById = new Map<string, Nerve>();
  private readonly bundles = new Map<TargetKey, Bundle[]>();

  constructor(private readonly data: LoadedData) {
    for (const n of data.nerves) this.nerveById.set(n.id, n);
    this.buildSites();
    this.buildBundles();
  }

  private buildSites(): void {
    for (const r of this.data.roots) {
      if (r.id === "T12") continue;
      this.sites.push({
        id: r.id,
        level: "root",
        name: `${r.id} root`,
        prior: ROOT_PRIOR[r.id] ?? 1,
        formatId: r.id,
      });
    }
    for (const p of this.data.plexus) {
      this.sites.push({ id: p.id, level: "plexus", name: p.name, prior: 1, formatId: p.id });
    }
    for (const n of this.data.nerves) {
      for (const item of n.course) {
        if ("site" in item) {
          this.sites.push({
            id: item.site,
            level: "nerve",
            name: item.name,
            nerve: n.id,
            prior: item.prior ?? 1,
            formatId: item.formatId ?? item.site,
          });
        }
      }
    }
  }

  nerve(id: string): Nerve | undefined {
    return this.nerveById.get(id);
  }

  /** The plexus element a nerve comes from, following parents up the tree. */
  entryOf(nerveId: string): PlexusId {
    const n = this.nerveById.get(nerveId);
    if (!n) throw new Error(`unknown nerve ${nerveId}`);
    return "plexus" in n.parent ? n.parent.plexus : this.entryOf(n.parent.nerve);
  }

  /** Nerve sites passed on the way to course item `index` of `nerveId`, proximal first. */
  sitesBefore(nerveId: string, index: number): string[] {
    const n = this.nerveById.get(nerveId);
    if (!n) throw new Error(`unknown nerve ${nerveId}`);
    const own = n.course.slice(0, index).flatMap((c) => ("site" in c ? [c.site] : []));
    if ("plexus" in n.parent) return own;
    const parent = this.nerveById.get(n.parent.nerve);
    if (!parent) throw new Error(`unknown parent ${n.parent.nerve}`);
    const at = parent.course.findIndex((c) => "nerve" in c && c.nerve === nerveId);
    if (at < 0) throw new Error(`${parent.id} does not list ${nerveId} in its course`);
    return [...this.sitesBefore(parent.id, at), ...own];
  }

  /** Where in its nerve's course a muscle or skin branch leaves. */
  private indexIn(nerveId: string, match: (c: CourseItem) => boolean): number {
    const n = this.nerveById.get(nerveId);
    if (!n) throw new Error(`unknown nerve ${nerveId}`);
    const i = n.course.findIndex(match);
    if (i < 0) throw new Error(`${nerveId} has no branch matching the target`);
    return i;
  }

  private route(roots: { root: RootId; weight: number }[], nerveId: string, index: number, share: number) {
    const entry = this.entryOf(nerveId);
    const along = this.sitesBefore(nerveId, index);
    return roots.map((r) => ({
      root: r.root,
      weight: r.weight * share,
      path: [r.root, ...plexusPath(r.root, entry), ...along],
    }));
  }

  /**
   * A muscle's fibre bundles. `roots` replaces the muscle's own root shares (a reflex arc's roots);
   * `viaNerve` keeps only the branch from that nerve (the adductor reflex runs through the
   * obturator nerve, not through the sciatic branch to adductor magnus).
   */
  private muscleBundles(
    muscleId: string,
    roots?: { root: RootId; weight: number }[],
    viaNerve?: string,
  ): Bundle[] {
    const m = this.data.muscles.find((x) => x.id === muscleId);
    if (!m) throw new Error(`unknown muscle ${muscleId}`);
    const shares = roots ?? m.roots;
    if (m.dorsalRamus) return shares.map((r) => ({ root: r.root, weight: r.weight, path: [r.root] }));
    const only = viaNerve ? m.supply.filter((s) => s.nerve === viaNerve) : [];
    const supply = only.length > 0 ? only : m.supply;
    const total = supply.reduce((sum, s) => sum + s.share, 0);
    return supply.flatMap((s) =>
      this.route(
        roots ?? s.roots ?? shares,
        s.nerve,
        this.indexIn(s.nerve, (c) => "muscle" in c && c.muscle === muscleId),
        s.share / total,
      ),
    );
  }

  private skinRoutes(regionId: string): { nerve: string; index: number; share: number }[] {
    const out: { nerve: string; index: number; share: number }[] = [];
    for (const n of this.data.nerves) {
      n.course.forEach((c, index) => {
        if ("skin" in c && c.skin === regionId) out.push({ nerve: n.id, index, share: c.share });
      });
    }
    return out;
  }

  private buildBundles(): void {
    for (const m of this.data.muscles) this.bundles.set(`muscle:${m.id}`, this.muscleBundles(m.id));
    for (const r of this.data.regions) this.bundles.set(`region:${r.id}`, this.regionBundles(r.id));
    for (const x of this.data.reflexes) {
      if (x.umnSign) {
        this.bundles.set(`reflex:${x.id}`, []);
        continue;
      }
      const each = 1 / x.muscles.length;
      const bundles = x.muscles.flatMap((m) =>
        this.muscleBundles(m, x.roots, x.nerve).map((b) => ({ ...b, weight: b.weight * each })),
      );
      this.bundles.set(`reflex:${x.id}`, bundles);
    }
    for (const s of this.data.studies) {
      let bundles: Bundle[];
      if ("skin" in s.recordsFrom) {
        const skin = s.recordsFrom.skin;
        const index = this.indexIn(s.nerve, (c) => "skin" in c && c.skin === skin);
        bundles = this.route(s.roots, s.nerve, index, 1);
      } else if (s.type === "h_reflex") {
        bundles = this.muscleBundles(s.recordsFrom.muscle, s.roots, s.nerve);
      } else {
        bundles = this.muscleBundles(s.recordsFrom.muscle);
      }
      if (s.postganglionic) bundles = bundles.map((b) => ({ ...b, path: b.path.slice(1) }));
      this.bundles.set(`study:${s.id}`, bundles);
    }
  }

  /**
   * A skin region's bundles: each dermatome root is routed only through the cutaneous nerves that
   * carry that root (or the dorsal rami), with weights fitted by iterative proportional fitting so
   * the root shares match the dermatome and the nerve shares match the cutaneous map as closely as
   * the anatomy allows. A root no listed nerve carries is routed through all of them (the integrity
   * tests allow none).
   */
  private regionBundles(regionId: string): Bundle[] {
    const region = this.data.regions.find((x) => x.id === regionId);
    if (!region) throw new Error(`unknown region ${regionId}`);
    const dorsal = this.data.regionDorsalRamus.get(regionId) ?? 0;
    const skin = this.skinRoutes(regionId);
    const skinTotal = skin.reduce((sum, x) => sum + x.share, 0);
    type Column = { share: number; carries: (root: RootId) => boolean; path: (root: RootId) => string[] };
    const columns: Column[] = skin.map((x) => ({
      share: skinTotal > 0 ? ((1 - dorsal) * x.share) / skinTotal : 0,
      carries: (root: RootId) => this.nerveById.get(x.nerve)?.roots.includes(root) ?? false,
      path: (root: RootId) => this.route([{ root, weight: 1 }], x.nerve, x.index, 1)[0]?.path ?? [root],
    }));
    const dorsalShare = skinTotal > 0 ? dorsal : 1;
    if (dorsalShare > 0) columns.push({ share: dorsalShare, carries: () => true, path: (root) => [root] });
    const rows = region.roots;
    const fits = rows.map((row) => columns.map((c) => (c.carries(row.root) ? row.weight * c.share : 0)));
    rows.forEach((row, i) => {
      const fit = fits[i];
      if (fit?.every((v) => v === 0)) fits[i] = columns.map((c) => row.weight * c.share);
    });
    for (let iteration = 0; iteration < 50; iteration++) {
      rows.forEach((row, i) => {
        const fit = fits[i] ?? [];
        const sum = fit.reduce((a, b) => a + b, 0);
        if (sum > 0) fits[i] = fit.map((v) => (v * row.weight) / sum);
      });
      columns.forEach((c, j) => {
        const sum = fits.reduce((a, fit) => a + (fit[j] ?? 0), 0);
        if (sum > 0) for (const fit of fits) fit[j] = ((fit[j] ?? 0) * c.share) / sum;
      });
    }
    const total = fits.flat().reduce((a, b) => a + b, 0);
    const bundles: Bundle[] = [];
    rows.forEach((row, i) => {
      columns.forEach((c, j) => {
        const w = fits[i]?.[j] ?? 0;
        if (w > 1e-9) bundles.push({ root: row.root, weight: w / total, path: c.path(row.root) });
      });
    });
    return bundles;
  }

  bundlesOf(target: TargetKey): Bundle[] {
    return this.bundles.get(target) ?? [];
  }

  targets(): TargetKey[] {
    return [...this.bundles.keys()];
  }

  /** The share of a target's supply that passes through a site (0 to 1). */
  effect(siteId: string, target: TargetKey): number {
    let share = 0;
    for (const b of this.bundlesOf(target)) if (b.path.includes(siteId)) share += b.weight;
    return Math.min(1, Math.round(share * 1000) / 1000);
  }
}
