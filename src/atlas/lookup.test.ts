import { expect, describe as group, it } from "vitest";
import { getAtlas } from "./atlas.js";
import { describe } from "./describe.js";
import { editDistance, fold } from "./lookup.js";

const atlas = getAtlas();

group("fold and editDistance", () => {
  it("ignore case, spaces, hyphens, dots, slashes, underscores and accents", () => {
    expect(fold("Knee-Jerk")).toBe("kneejerk");
    expect(fold("tibialis_anterior")).toBe(fold("Tibialis Anterior"));
    expect(fold("L5/S1")).toBe("l5s1");
    expect(fold("Hoffmann's")).toBe("hoffmanns");
    expect(fold("réflexe")).toBe("reflexe");
  });
  it("counts edits and stops early past the bound", () => {
    expect(editDistance("soleus", "soleus")).toBe(0);
    expect(editDistance("gastrocnemus", "gastrocnemius")).toBe(1);
    expect(editDistance("abc", "xyz", 2)).toBe(3);
    expect(editDistance("a", "abcdefgh", 2)).toBe(3);
  });
});

group("resolve: words clinicians write", () => {
  const cases: [string, string][] = [
    ["knee jerk", "patellar"],
    ["Knee-jerk", "patellar"],
    ["AJ", "achilles"],
    ["ankle jerk", "achilles"],
    ["TA", "tibialis_anterior"],
    ["tib ant", "tibialis_anterior"],
    ["EHL", "extensor_hallucis_longus"],
    ["EDB", "extensor_digitorum_brevis"],
    ["fibularis longus", "peroneus_longus"],
    ["peroneus longus", "peroneus_longus"],
    ["gastroc MH", "gastrocnemius_medial_head"],
    ["medial gastrocnemius", "gastrocnemius_medial_head"],
    ["glut med", "gluteus_medius"],
    ["TFL", "tensor_fasciae_latae"],
    ["VMO", "vastus_medialis"],
    ["PVM L5", "paraspinal_L5"],
    ["L5 paraspinal", "paraspinal_L5"],
    ["peroneal nerve at the knee", "common_peroneal@fibular_head"],
    ["fibular head", "common_peroneal@fibular_head"],
    ["tarsal tunnel", "tibial@tarsal_tunnel"],
    ["H-reflex", "tibial_h_reflex"],
    ["big toe", "great_toe"],
    ["first web space", "first_web_space"],
    ["L5 root", "L5"],
    ["lumbosacral trunk", "lumbosacral_trunk"],
    ["hip flexors", "hip_flexion"],
    ["dorsiflexion", "ankle_dorsiflexion"],
  ];
  for (const [word, id] of cases) {
    it(`"${word}" -> ${id}`, () => {
      const hit = atlas.resolve(word);
      expect(hit?.ids).toEqual([id]);
    });
  }
  it("expands two adjacent paraspinal levels", () => {
    expect(atlas.resolve("L5/S1 PSP")?.ids).toEqual(["paraspinal_L5", "paraspinal_S1"]);
    expect(atlas.resolve("L4-L5 paraspinals")?.ids).toEqual(["paraspinal_L4", "paraspinal_L5"]);
  });
  it("expands group words and says which group", () => {
    const q = atlas.resolve("quadriceps");
    expect(q?.group).toBe("quadriceps");
    expect(q?.ids).toEqual(["rectus_femoris", "vastus_lateralis", "vastus_medialis", "vastus_intermedius"]);
    expect(atlas.resolve("hamstrings")?.ids).toContain("biceps_femoris_short_head");
    expect(atlas.resolve("peronei")?.ids).toEqual(["peroneus_longus", "peroneus_brevis"]);
    expect(atlas.resolve("gastrocnemius")?.ids).toEqual([
      "gastrocnemius_medial_head",
      "gastrocnemius_lateral_head",
    ]);
  });
  it("a kind filter picks the study named like its nerve", () => {
    expect(atlas.resolve("sural")?.ids).toEqual(["sural"]);
    expect(atlas.resolve("sural", ["study"])?.ids).toEqual(["sural_sensory"]);
    expect(atlas.resolve("saphenous", ["study"])?.ids).toEqual(["saphenous_sensory"]);
  });
  it("returns nothing for words it does not know, and words that are not ids stay unknown", () => {
    expect(atlas.resolve("spleen")).toBeUndefined();
    expect(atlas.resolve("foot drop")).toBeUndefined();
    expect(atlas.resolve("TA", ["region"])).toBeUndefined();
  });
  it("suggests the nearest known ids for a misspelling", () => {
    expect(atlas.nearest("tibialis anterio")).toContain("tibialis_anterior");
    expect(atlas.nearest("gastrocnemus medial head")).toContain("gastrocnemius_medial_head");
    expect(atlas.nearest("solues", ["muscle"])).toContain("soleus");
  });
});

group("describe", () => {
  it("gives a muscle its nerve, segment, weighted roots, movements and sources", () => {
    const e = describe(atlas, "EHL");
    expect(e).toMatchObject({
      id: "extensor_hallucis_longus",
      kind: "muscle",
      nerve: "deep_peroneal",
      segment: "deep_peroneal",
      resolvedFrom: "EHL",
    });
    if (e?.kind !== "muscle") throw new Error("not a muscle");
    expect(e.roots.find((r) => r.role === "major")?.root).toBe("L5");
    expect(e.sources.length).toBeGreaterThan(0);
    expect(e.pathways.every((p) => p.steps.at(-1) === "extensor_hallucis_longus")).toBe(true);
  });
  it("gives a short head of biceps the thigh segment of the sciatic nerve", () => {
    const e = describe(atlas, "biceps_femoris_short_head");
    expect(e).toMatchObject({ nerve: "sciatic", segment: "sciatic@thigh" });
  });
  it("gives a lesion site its effect with shares", () => {
    const e = describe(atlas, "common_peroneal@fibular_head");
    if (e?.kind !== "site") throw new Error("not a site");
    expect(e.effect.muscles.find((m) => m.id === "tibialis_anterior")?.share).toBe(1);
    expect(e.effect.muscles.some((m) => m.id === "biceps_femoris_short_head")).toBe(false);
  });
  it("gives a region its default dermatome, every map's view and its cutaneous nerves", () => {
    const e = describe(atlas, "great toe");
    if (e?.kind !== "region") throw new Error("not a region");
    expect(e.dermatomeViews.map((v) => v.source)).toEqual(["lee2008", "keegan1948", "foerster1933"]);
    expect(e.cutaneousNerves.map((n) => n.id).sort()).toEqual([
      "deep_peroneal",
      "medial_plantar",
      "superficial_peroneal",
    ]);
    expect(e.disagreements.length).toBeGreaterThan(0);
  });
  it("says a sensory study tests fibres distal to the ganglion", () => {
    const e = describe(atlas, "sural SNAP");
    expect(e).toMatchObject({ id: "sural_sensory", kind: "study", sensory: true, postganglionic: true });
  });
  it("describes a group by its members", () => {
    expect(describe(atlas, "glutei")).toMatchObject({
      kind: "group",
      members: ["gluteus_maximus", "gluteus_medius", "gluteus_minimus"],
    });
  });
  it("returns undefined for an unknown word", () => {
    expect(describe(atlas, "xylophone")).toBeUndefined();
  });
});
