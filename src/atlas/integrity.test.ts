/**
 * Integrity of the atlas data: every id FORMAT.md names exists, the nerve tree is a tree, every
 * muscle is reachable from each of its roots, fibres only travel through elements that carry their
 * root, weights sum to one, every fact names a known source, and every word means one thing.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FORMAT_MD } from "../paths.js";
import { ATLAS_VERSION, getAtlas } from "./atlas.js";
import { groups, synonyms } from "./data/synonyms.js";
import type { AtlasKind, RootId } from "./types.js";

const atlas = getAtlas();
const d = atlas.data;
const here = dirname(fileURLToPath(import.meta.url));

/** The id lists of FORMAT.md (LocusCase v1), copied so the test runs without the shared folder. */
const FORMAT_IDS: Record<Exclude<AtlasKind, "site" | "nerve" | "plexus">, string[]> = {
  root: ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"],
  movement: [
    "hip_flexion",
    "hip_extension",
    "hip_abduction",
    "hip_adduction",
    "hip_internal_rotation",
    "hip_external_rotation",
    "knee_extension",
    "knee_flexion",
    "ankle_dorsiflexion",
    "ankle_plantarflexion",
    "ankle_inversion",
    "ankle_eversion",
    "great_toe_extension",
    "great_toe_flexion",
    "toe_extension",
    "toe_flexion",
    "toe_abduction",
  ],
  muscle: [
    "iliopsoas",
    "sartorius",
    "rectus_femoris",
    "vastus_lateralis",
    "vastus_medialis",
    "vastus_intermedius",
    "adductor_longus",
    "adductor_brevis",
    "adductor_magnus",
    "gracilis",
    "gluteus_maximus",
    "gluteus_medius",
    "gluteus_minimus",
    "tensor_fasciae_latae",
    "piriformis",
    "semitendinosus",
    "semimembranosus",
    "biceps_femoris_long_head",
    "biceps_femoris_short_head",
    "tibialis_anterior",
    "extensor_hallucis_longus",
    "extensor_digitorum_longus",
    "extensor_digitorum_brevis",
    "peroneus_longus",
    "peroneus_brevis",
    "tibialis_posterior",
    "flexor_digitorum_longus",
    "flexor_hallucis_longus",
    "gastrocnemius_medial_head",
    "gastrocnemius_lateral_head",
    "soleus",
    "abductor_hallucis",
    "abductor_digiti_minimi_pedis",
    "first_dorsal_interosseous_pedis",
    "flexor_hallucis_brevis",
    "quadratus_lumborum",
    "external_anal_sphincter",
    ...["L1", "L2", "L3", "L4", "L5", "S1", "S2"].map((l) => `paraspinal_${l}`),
  ],
  reflex: [
    "patellar",
    "achilles",
    "medial_hamstring",
    "adductor",
    "cremasteric",
    "anal",
    "bulbocavernosus",
    "plantar",
  ],
  region: [
    "low_back",
    "buttock",
    "perineum",
    "groin",
    "genital",
    "thigh_anterior",
    "thigh_lateral",
    "thigh_medial",
    "thigh_posterior",
    "knee_anterior",
    "knee_medial",
    "leg_anterolateral",
    "leg_medial",
    "calf_posterior",
    "ankle_lateral",
    "foot_dorsum",
    "first_web_space",
    "foot_lateral",
    "foot_medial",
    "sole_medial",
    "sole_lateral",
    "heel",
    "great_toe",
    "little_toe",
  ],
  study: [
    "sural_sensory",
    "superficial_peroneal_sensory",
    "saphenous_sensory",
    "lateral_femoral_cutaneous_sensory",
    "medial_plantar_sensory",
    "peroneal_motor_edb",
    "peroneal_motor_ta",
    "tibial_motor_ah",
    "femoral_motor",
    "tibial_h_reflex",
    "peroneal_f_wave",
    "tibial_f_wave",
  ],
};
const FORMAT_PLEXUS = ["lumbar_plexus", "lumbosacral_trunk", "sacral_plexus"];
const FORMAT_NERVES = [
  "femoral",
  "saphenous",
  "obturator",
  "lateral_femoral_cutaneous",
  "genitofemoral",
  "ilioinguinal",
  "iliohypogastric",
  "superior_gluteal",
  "inferior_gluteal",
  "posterior_femoral_cutaneous",
  "pudendal",
  "sciatic",
  "common_peroneal",
  "deep_peroneal",
  "superficial_peroneal",
  "tibial",
  "sural",
  "medial_plantar",
  "lateral_plantar",
];
const FORMAT_SEGMENTS = ["common_peroneal@fibular_head", "tibial@tarsal_tunnel"];
const FORMAT_GROUPS = ["quadriceps", "hamstrings", "adductors", "gastrocnemius", "glutei", "peronei"];

const rootsOfSite = (siteId: string): string[] => {
  const site = atlas.site(siteId);
  if (!site) {
    // T12 is a root without a lesion site of its own (it only tops up the lumbar plexus).
    if (d.roots.some((r) => r.id === siteId)) return [siteId];
    throw new Error(`no site ${siteId}`);
  }
  if (site.level === "root") return [siteId];
  if (site.level === "plexus") return d.plexus.find((p) => p.id === siteId)?.roots ?? [];
  return d.nerves.find((n) => n.id === site.nerve)?.roots ?? [];
};

describe("every FORMAT.md id exists", () => {
  for (const [kind, ids] of Object.entries(FORMAT_IDS)) {
    it(`${kind}s`, () => {
      const missing = ids.filter((id) => atlas.kindOf(id) !== kind);
      expect(missing).toEqual([]);
    });
  }
  it("plexus elements, nerves and named segments are lesion sites reported by their FORMAT ids", () => {
    const formatIds = new Set(atlas.fibres.sites.map((s) => s.formatId));
    for (const id of [...FORMAT_PLEXUS, ...FORMAT_NERVES, ...FORMAT_SEGMENTS, ...FORMAT_IDS.root])
      expect(formatIds.has(id), id).toBe(true);
    for (const s of atlas.fibres.sites) {
      const base = s.formatId.split("@")[0] ?? "";
      expect([...FORMAT_PLEXUS, ...FORMAT_NERVES, ...FORMAT_IDS.root], s.id).toContain(base);
    }
  });
  it("group words expand to muscles", () => {
    for (const g of FORMAT_GROUPS) {
      const hit = atlas.resolve(g);
      expect(hit?.group, g).toBe(g);
      expect(hit?.ids.length, g).toBeGreaterThan(1);
      for (const id of hit?.ids ?? []) expect(atlas.kindOf(id)).toBe("muscle");
    }
  });
  const formatPath = FORMAT_MD;
  it.skipIf(!existsSync(formatPath))("every backticked id in the shared FORMAT.md resolves", () => {
    const text = readFileSync(formatPath, "utf8");
    const ids = text.slice(text.indexOf("## Ids"), text.indexOf("## Localizations"));
    const sitesLine = text.slice(text.indexOf("- `sites`:"), text.indexOf("- `expected.localization`"));
    const words = [...`${ids}\n${sitesLine}`.matchAll(/`([A-Za-z0-9_@]+)`/g)].map((m) => m[1] ?? "");
    const notIds = new Set(["root", "plexus", "nerve", "muscle", "sites", "@"]);
    const unknown = words.filter(
      (w) => !notIds.has(w) && !atlas.kindOf(w) && !atlas.site(w) && !FORMAT_GROUPS.includes(w),
    );
    // "paraspinal_L1 ... paraspinal_S2" and "L1 ... L5" are ranges: their ends are checked above.
    expect(unknown).toEqual([]);
    expect(words.length).toBeGreaterThan(100);
  });
});

describe("roots and plexus", () => {
  it("L1 to S4 are defined once each (instanced per side by the engine)", () => {
    const ids = d.roots.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of FORMAT_IDS.root) expect(ids).toContain(r);
  });
  it("the lumbosacral trunk carries L4 and L5 into the sacral plexus", () => {
    const trunk = d.plexus.find((p) => p.id === "lumbosacral_trunk");
    const sacral = d.plexus.find((p) => p.id === "sacral_plexus");
    expect(trunk?.roots).toEqual(["L4", "L5"]);
    expect(sacral?.fedBy).toEqual({ element: "lumbosacral_trunk", roots: ["L4", "L5"] });
  });
  it("the lumbar plexus has anterior and posterior divisions naming real nerves of matching parentage", () => {
    const lumbar = d.plexus.find((p) => p.id === "lumbar_plexus");
    expect(lumbar?.divisions?.map((x) => x.id)).toEqual(["anterior", "posterior"]);
    for (const div of lumbar?.divisions ?? []) {
      for (const nerveId of div.nerves) {
        const n = d.nerves.find((x) => x.id === nerveId);
        expect(n, nerveId).toBeDefined();
        expect(n && "plexus" in n.parent ? n.parent.division : undefined, nerveId).toBe(div.id);
      }
    }
  });
});

describe("the nerve tree", () => {
  const nerveIds = new Set(d.nerves.map((n) => n.id));
  it("ids are unique", () => {
    expect(nerveIds.size).toBe(d.nerves.length);
  });
  it("every nerve has a parent that exists, and a nerve parent lists the child in its course", () => {
    for (const n of d.nerves) {
      if ("plexus" in n.parent) {
        expect(FORMAT_PLEXUS, n.id).toContain(n.parent.plexus);
      } else {
        const parent = d.nerves.find((x) => x.id === (n.parent as { nerve: string }).nerve);
        expect(parent, n.id).toBeDefined();
        expect(
          parent?.course.some((c) => "nerve" in c && c.nerve === n.id),
          n.id,
        ).toBe(true);
      }
    }
  });
  it("has no cycles: every nerve reaches a plexus element going up", () => {
    for (const n of d.nerves) {
      const seen = new Set<string>();
      let cur: (typeof d.nerves)[number] | undefined = n;
      while (cur && !("plexus" in cur.parent)) {
        expect(seen.has(cur.id), `cycle through ${cur.id}`).toBe(false);
        seen.add(cur.id);
        const parentId: string = cur.parent.nerve;
        cur = d.nerves.find((x) => x.id === parentId);
      }
      expect(cur, n.id).toBeDefined();
    }
  });
  it("a child nerve's roots are among its parent's roots, and a nerve's among its plexus element's", () => {
    for (const n of d.nerves) {
      const parentRoots =
        "plexus" in n.parent
          ? (d.plexus.find((p) => p.id === (n.parent as { plexus: string }).plexus)?.roots ?? [])
          : (d.nerves.find((x) => x.id === (n.parent as { nerve: string }).nerve)?.roots ?? []);
      for (const r of n.roots) {
        // L4 and L5 reach sacral nerves through the lumbosacral trunk, which the sacral plexus lists.
        expect(parentRoots as string[], `${n.id} ${r}`).toContain(r);
      }
    }
  });
  it("course items name known muscles, regions and nerves; every nerve named once in one course", () => {
    const children = new Map<string, number>();
    for (const n of d.nerves) {
      for (const c of n.course) {
        if ("muscle" in c) expect(atlas.kindOf(c.muscle), c.muscle).toBe("muscle");
        if ("skin" in c) {
          expect(atlas.kindOf(c.skin), c.skin).toBe("region");
          expect(c.share).toBeGreaterThan(0);
          expect(c.share).toBeLessThanOrEqual(1);
        }
        if ("nerve" in c) {
          expect(nerveIds.has(c.nerve), c.nerve).toBe(true);
          children.set(c.nerve, (children.get(c.nerve) ?? 0) + 1);
        }
      }
    }
    for (const [child, count] of children) expect(count, child).toBe(1);
  });
  it("every site id is unique and every nerve that is a lesion site starts with a site of its own id", () => {
    const ids = atlas.fibres.sites.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of d.nerves) {
      const firstSite = n.course.find((c) => "site" in c);
      if (firstSite && "site" in firstSite) expect(firstSite.site).toBe(n.id);
    }
    for (const id of FORMAT_NERVES) expect(atlas.site(id)?.level, id).toBe("nerve");
  });
  it("the sciatic nerve records which division carries each branch; the short head is peroneal", () => {
    const sciatic = d.nerves.find((n) => n.id === "sciatic");
    const division = (id: string) =>
      sciatic?.course.find((c) => ("muscle" in c && c.muscle === id) || ("nerve" in c && c.nerve === id));
    expect(division("biceps_femoris_short_head")).toMatchObject({ division: "peroneal" });
    expect(division("common_peroneal")).toMatchObject({ division: "peroneal" });
    for (const id of ["semitendinosus", "semimembranosus", "biceps_femoris_long_head", "tibial"])
      expect(division(id), id).toMatchObject({ division: "tibial" });
  });
});

describe("muscles and the fibre model", () => {
  const muscles = d.muscles;
  it("every muscle has a nerve (or a dorsal ramus), roots, and movements that exist", () => {
    for (const m of muscles) {
      expect(m.roots.length, m.id).toBeGreaterThan(0);
      expect(
        m.roots.some((r) => r.role === "major"),
        m.id,
      ).toBe(true);
      if (!m.dorsalRamus) expect(m.supply.length, m.id).toBeGreaterThan(0);
      for (const s of m.supply) {
        const n = d.nerves.find((x) => x.id === s.nerve);
        expect(
          n?.course.some((c) => "muscle" in c && c.muscle === m.id),
          `${m.id} in ${s.nerve}`,
        ).toBe(true);
      }
      for (const mv of m.movements) expect(atlas.kindOf(mv), `${m.id} ${mv}`).toBe("movement");
    }
  });
  it("every muscular branch in a course belongs to a muscle that names that nerve", () => {
    for (const n of d.nerves)
      for (const c of n.course)
        if ("muscle" in c)
          expect(
            atlas.muscle(c.muscle)?.supply.some((s) => s.nerve === n.id),
            `${c.muscle} ${n.id}`,
          ).toBe(true);
  });
  it("every muscle is reachable from each of its roots through the plexus and the nerve tree", () => {
    for (const m of muscles) {
      const bundles = atlas.fibres.bundlesOf(`muscle:${m.id}`);
      for (const r of m.roots) {
        const mine = bundles.filter((b) => b.root === r.root);
        expect(mine.length, `${m.id} ${r.root}`).toBeGreaterThan(0);
        for (const b of mine) {
          expect(b.path[0]).toBe(r.root);
          if (m.dorsalRamus) {
            expect(b.path).toEqual([r.root]);
            continue;
          }
          const plexus = b.path.filter((p) => atlas.site(p)?.level === "plexus");
          expect(plexus.length, `${m.id} ${r.root} plexus`).toBeGreaterThan(0);
          if (plexus.includes("sacral_plexus") && (r.root === "L4" || r.root === "L5"))
            expect(plexus).toContain("lumbosacral_trunk");
          // Direct plexus twigs (psoas, quadratus lumborum) have no nerve site of their own.
          const direct = m.supply.some((s) => !atlas.site(s.nerve));
          const nerves = b.path.filter((p) => atlas.site(p)?.level === "nerve");
          if (!direct) expect(nerves.length, `${m.id} ${r.root} nerve`).toBeGreaterThan(0);
        }
      }
      const pathways = atlas.pathways(m.id);
      expect(new Set(pathways.map((p) => p.root)), m.id).toEqual(new Set(m.roots.map((r) => r.root)));
    }
  });
  it("fibres pass only through sites that carry their root", () => {
    const wrong: string[] = [];
    for (const target of atlas.fibres.targets()) {
      for (const b of atlas.fibres.bundlesOf(target)) {
        for (const site of b.path) {
          if (!(rootsOfSite(site) as string[]).includes(b.root))
            wrong.push(`${target} ${b.root} via ${site}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
  it("the bundles of every target sum to one", () => {
    for (const target of atlas.fibres.targets()) {
      const bundles = atlas.fibres.bundlesOf(target);
      if (target === "reflex:plantar") {
        expect(bundles).toEqual([]);
        continue;
      }
      const sum = bundles.reduce((s, b) => s + b.weight, 0);
      expect(sum, target).toBeCloseTo(1, 2);
    }
  });
  it("root weights of each muscle, region, reflex and study sum to one and list each root once", () => {
    const all = [...d.muscles, ...d.regions, ...d.reflexes, ...d.studies];
    for (const t of all) {
      const sum = t.roots.reduce((s, r) => s + r.weight, 0);
      expect(sum, t.id).toBeCloseTo(1, 2);
      expect(new Set(t.roots.map((r) => r.root)).size, t.id).toBe(t.roots.length);
    }
  });
  it("paraspinals exist for L1 to S2 and are supplied only by dorsal rami", () => {
    for (const level of ["L1", "L2", "L3", "L4", "L5", "S1", "S2"]) {
      const m = atlas.muscle(`paraspinal_${level}`);
      expect(m?.dorsalRamus).toBe(true);
      expect(m?.roots.find((r) => r.role === "major")?.root).toBe(level);
    }
  });
  it("movements name known muscles, and muscles and movements agree both ways", () => {
    for (const mv of d.movements) {
      expect(mv.primeMovers.length, mv.id).toBeGreaterThan(0);
      for (const id of [...mv.primeMovers, ...mv.contributors]) {
        expect(atlas.kindOf(id), `${mv.id} ${id}`).toBe("muscle");
        expect(atlas.muscle(id)?.movements, `${id} lacks ${mv.id}`).toContain(mv.id);
      }
    }
    for (const m of d.muscles)
      for (const mv of m.movements) {
        const movement = d.movements.find((x) => x.id === mv);
        expect(
          [...(movement?.primeMovers ?? []), ...(movement?.contributors ?? [])],
          `${mv} lacks ${m.id}`,
        ).toContain(m.id);
      }
  });
});

describe("reflexes, regions and studies", () => {
  it("reflex arcs name muscles supplied by the reflex nerve", () => {
    for (const r of d.reflexes) {
      for (const m of r.muscles) expect(atlas.kindOf(m), `${r.id} ${m}`).toBe("muscle");
      if (r.nerve && !r.umnSign)
        for (const m of r.muscles)
          expect(
            atlas.muscle(m)?.supply.map((s) => s.nerve),
            `${r.id} ${m}`,
          ).toContain(r.nerve);
    }
  });
  it("every region is reached by a cutaneous nerve or by dorsal rami, and its views use known roots", () => {
    const known = new Set<string>(d.roots.map((r) => r.id));
    for (const r of d.regions) {
      expect(atlas.fibres.bundlesOf(`region:${r.id}`).length, r.id).toBeGreaterThan(0);
      for (const v of r.dermatomeViews)
        for (const root of v.roots) expect(known.has(root), `${r.id} ${root}`).toBe(true);
    }
  });
  it("the Lee et al. 2008 map is never cited for S3-S5, which it does not depict", () => {
    const sacral: RootId[] = ["S3", "S4"];
    for (const r of d.regions)
      for (const v of r.dermatomeViews)
        if (v.source === "lee2008") for (const root of sacral) expect(v.roots, r.id).not.toContain(root);
  });
  it("studies record from a known muscle or skin region reached through the study's nerve", () => {
    for (const s of d.studies) {
      const target = "muscle" in s.recordsFrom ? s.recordsFrom.muscle : s.recordsFrom.skin;
      expect(atlas.kindOf(target), s.id).toBe("muscle" in s.recordsFrom ? "muscle" : "region");
      const bundles = atlas.fibres.bundlesOf(`study:${s.id}`);
      expect(bundles.length, s.id).toBeGreaterThan(0);
      for (const b of bundles)
        expect(
          b.path.some((p) => atlas.site(p)?.nerve === s.nerve),
          s.id,
        ).toBe(true);
      expect(s.postganglionic, s.id).toBe(s.type === "sensory");
    }
  });
  it("every study has a normal value or a comparison rule, and the sensory ones say how age changes them", () => {
    for (const s of d.studies) {
      expect(s.normal, s.id).toBeDefined();
      if (s.type === "sensory") expect(s.ageEffect, s.id).toBeTruthy();
    }
  });
});

describe("sources", () => {
  const known = new Set(Object.keys(d.sources));
  const cited: { where: string; keys: string[] }[] = [
    ...d.roots.map((x) => ({ where: `root ${x.id}`, keys: x.sources })),
    ...d.plexus.map((x) => ({ where: `plexus ${x.id}`, keys: x.sources })),
    ...d.nerves.map((x) => ({ where: `nerve ${x.id}`, keys: x.sources })),
    ...d.muscles.map((x) => ({ where: `muscle ${x.id}`, keys: x.sources })),
    ...d.movements.map((x) => ({ where: `movement ${x.id}`, keys: x.sources })),
    ...d.reflexes.map((x) => ({ where: `reflex ${x.id}`, keys: x.sources })),
    ...d.regions.map((x) => ({
      where: `region ${x.id}`,
      keys: [...x.sources, ...x.dermatomeViews.map((v) => v.source)],
    })),
    ...d.studies.map((x) => ({ where: `study ${x.id}`, keys: x.sources })),
    ...d.disagreements.flatMap((x) =>
      x.positions.map((p) => ({ where: `disagreement ${x.topic}`, keys: p.sources })),
    ),
  ];
  it("every fact names at least one source, and every source named is in the table", () => {
    for (const c of cited) {
      expect(c.keys.length, c.where).toBeGreaterThan(0);
      for (const k of c.keys) expect(known.has(k), `${c.where}: ${k}`).toBe(true);
    }
  });
  it("every source has a title, authors, a plausible year, where it was published, and an https or http URL if any", () => {
    for (const [key, s] of Object.entries(d.sources)) {
      expect(s.title.length, key).toBeGreaterThan(5);
      expect(s.authors.length, key).toBeGreaterThan(2);
      expect(s.year, key).toBeGreaterThanOrEqual(1900);
      expect(s.year, key).toBeLessThanOrEqual(2030);
      expect(s.published.length, key).toBeGreaterThan(3);
      if (s.url) expect(s.url, key).toMatch(/^https?:\/\/[^\s]+$/);
    }
  });
  it("every source in the table is used", () => {
    const used = new Set(cited.flatMap((c) => c.keys));
    // Sources kept for the later stages (imaging in people without symptoms, EMG timing).
    const forLaterStages = [
      "jensen1994",
      "brinjikji2015",
      "boden1990",
      "kalichman2009",
      "dyck2002",
      "pezzin1999",
      // The examination's reliability (localize/data/evidence.ts, subjectiveExam).
      "waddell1980",
      "tawa2017",
      // The paraspinal false-positive rate by age and after surgery (localize/data/evidence.ts).
      "date1996",
      // Conduction after Wallerian degeneration (localize/data/evidence.ts, ncsTiming).
      "chaudhry1992",
      "see1975",
      // Cord signal on MRI (localize/data/evidence.ts, imaging.cordSignal).
      "gilbertson1995",
      // Radicular pain and its referral (localize/data/evidence.ts, sensorySymptom, radicularReferral).
      "bogduk2009",
      "murphy2009",
      // The routine examination whose silence is read (localize/data/silence.ts).
      "kirshblum2011",
      // Lumbar and sacral plexus together (localize/data/priors.ts, wholePlexus).
      "jaeckle1985",
      // Central foot drop (localize/data/patterns.ts, distalCentral).
      "westhout2007",
      // Not neurological: arteries and the hip joint (localize/data/evidence.ts, bedside, imaging).
      "norgren2007",
      "brown2004",
      // Disc nomenclature and migration (localize/named.ts, cited in a comment).
      "fardon2014",
      // Wasting as a lower motor neuron sign (localize/observe.ts, lowerMotorNeuron).
      "campbell2020",
      "blumenfeld2021",
      // Places named in the history (localize/data/priors.ts, historyPlaces).
      "spinner2003",
    ];
    const unused = [...known].filter((k) => !used.has(k) && !forLaterStages.includes(k));
    expect(unused, unused.join(", ")).toEqual([]);
  });
});

describe("disagreements", () => {
  it("name known ids, give at least two positions with sources, and say what Locus uses and why", () => {
    for (const x of d.disagreements) {
      expect(x.positions.length, x.topic).toBeGreaterThanOrEqual(2);
      expect(x.locusUses.length, x.topic).toBeGreaterThan(3);
      expect(x.why.length, x.topic).toBeGreaterThan(20);
      for (const id of x.about)
        expect(atlas.kindOf(id) ?? atlas.site(id)?.id, `${x.topic}: ${id}`).toBeDefined();
    }
  });
  it("cover the root supply of gluteus maximus and of the hip adductors", () => {
    const about = d.disagreements.flatMap((x) => x.about);
    expect(about).toContain("gluteus_maximus");
    expect(about).toContain("adductor_longus");
  });
});

describe("words", () => {
  it("every synonym key is a known id", () => {
    for (const id of Object.keys(synonyms)) expect(atlas.kindOf(id) ?? atlas.site(id)?.id, id).toBeDefined();
  });
  it("every synonym resolves, within its kind, to exactly its own id", () => {
    for (const [id, words] of Object.entries(synonyms)) {
      const kind = atlas.kindOf(id);
      if (!kind) throw new Error(`unknown ${id}`);
      for (const w of words) {
        const hits = atlas.lexicon.lookup(w, [kind]);
        expect(hits.length, w).toBe(1);
        expect(hits[0]?.ids, w).toEqual([id]);
      }
    }
  });
  it("no word stands for two ids of the same kind", () => {
    expect(atlas.lexicon.ambiguous()).toEqual([]);
  });
  it("a word shared across kinds is only a nerve and its own sensory study, and the nerve wins without a kind", () => {
    const shared = ["sural", "saphenous", "superficial peroneal"];
    for (const w of shared) {
      const hits = atlas.lexicon.lookup(w);
      expect(hits.map((h) => h.kind).sort(), w).toEqual(["nerve", "study"]);
      expect(atlas.resolve(w)?.kind, w).toBe("nerve");
      expect(atlas.resolve(w, ["study"])?.ids[0], w).toMatch(/_sensory$/);
    }
    const others = Object.values(synonyms)
      .flat()
      .filter(
        (w) => !shared.includes(w) && new Set(atlas.lexicon.lookup(w).map((h) => h.ids.join())).size > 1,
      );
    expect(others).toEqual([]);
  });
  it("group members are muscles", () => {
    for (const g of groups) for (const m of g.members) expect(atlas.kindOf(m), `${g.id} ${m}`).toBe("muscle");
  });
});

describe("version and documentation", () => {
  it("is a semantic version that the atlas reports", () => {
    expect(ATLAS_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(atlas.version).toBe(ATLAS_VERSION);
  });
  const readmePath = resolve(here, "../../docs/atlas.md");
  it.skipIf(!existsSync(readmePath))(
    "the README's atlas section names the version, every source and every disagreement",
    () => {
      const readme = readFileSync(readmePath, "utf8");
      const section = readme.slice(readme.indexOf("# The atlas"));
      expect(section.length).toBeGreaterThan(1000);
      expect(section).toContain(`Atlas version **${ATLAS_VERSION}**`);
      for (const key of Object.keys(d.sources)) expect(section, key).toContain(`\`${key}\``);
      for (const x of d.disagreements) expect(section, x.topic).toContain(x.topic);
    },
  );
});
