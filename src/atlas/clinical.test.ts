/**
 * Clinical checks written from textbook facts, each naming its source. They test what the data
 * says about lesions, not how the code is written: if an anatomical fact changes, one of these
 * should fail.
 */
import { describe, expect, it } from "vitest";
import { getAtlas } from "./atlas.js";
import type { TargetKey } from "./fibres.js";

const atlas = getAtlas();
const reach = (site: string, target: TargetKey) => atlas.reach(site, target);
const m = (id: string): TargetKey => `muscle:${id}`;
const r = (id: string): TargetKey => `region:${id}`;
const x = (id: string): TargetKey => `reflex:${id}`;
const s = (id: string): TargetKey => `study:${id}`;

interface Check {
  source: string;
  site: string;
  /** Reached through at least 30 per cent of their supply (a root lesion reaches part of a muscle). */
  reaches: TargetKey[];
  /** Not reached at all. */
  spares: TargetKey[];
  fact: string;
}

const checks: Check[] = [
  {
    source: "katirji2002",
    site: "common_peroneal@fibular_head",
    reaches: [
      m("tibialis_anterior"),
      m("extensor_hallucis_longus"),
      m("peroneus_longus"),
      m("extensor_digitorum_brevis"),
    ],
    spares: [m("biceps_femoris_short_head"), m("tibialis_posterior"), m("gluteus_medius")],
    fact: "peroneal neuropathy at the fibular head spares the short head of biceps, tibialis posterior and gluteus medius",
  },
  {
    source: "preston2020",
    site: "common_peroneal@fibular_head",
    reaches: [s("superficial_peroneal_sensory"), s("peroneal_motor_edb"), s("peroneal_motor_ta")],
    spares: [s("sural_sensory"), s("tibial_motor_ah"), s("tibial_h_reflex"), x("achilles")],
    fact: "a fibular-head lesion lowers the superficial peroneal SNAP and peroneal CMAPs, not the tibial or sural studies",
  },
  {
    source: "statpearlsCommonFibular",
    site: "common_peroneal@fibular_head",
    reaches: [r("first_web_space"), r("foot_dorsum")],
    spares: [r("calf_lateral"), r("sole_medial"), r("heel")],
    fact: "the lateral sural cutaneous nerve leaves above the fibular head, so the upper outer calf is spared",
  },
  {
    source: "statpearlsCommonFibular",
    site: "common_peroneal",
    reaches: [r("calf_lateral"), m("tibialis_anterior"), m("peroneus_longus")],
    spares: [m("biceps_femoris_short_head"), m("gastrocnemius_medial_head")],
    fact: "a lesion of the common peroneal nerve in the popliteal fossa numbs the upper outer calf as well",
  },
  {
    source: "wilbourn1998",
    site: "L5",
    reaches: [
      m("tibialis_posterior"),
      m("gluteus_medius"),
      m("paraspinal_L5"),
      m("extensor_hallucis_longus"),
    ],
    spares: [s("superficial_peroneal_sensory"), s("sural_sensory")],
    fact: "an L5 root lesion reaches tibialis posterior, gluteus medius and the L5 paraspinals and leaves the SNAPs normal",
  },
  {
    source: "levin2002",
    site: "S1",
    reaches: [
      m("gastrocnemius_medial_head"),
      m("soleus"),
      m("paraspinal_S1"),
      x("achilles"),
      s("tibial_h_reflex"),
    ],
    spares: [s("sural_sensory"), s("medial_plantar_sensory"), m("tibialis_anterior")],
    fact: "an S1 root lesion reaches the calf, the ankle jerk and the H-reflex but spares the sural SNAP",
  },
  {
    source: "preston2020",
    site: "L4",
    reaches: [x("patellar"), m("tibialis_anterior"), m("paraspinal_L4")],
    spares: [s("saphenous_sensory"), m("gastrocnemius_medial_head"), x("achilles")],
    fact: "an L4 root lesion reaches the knee jerk and tibialis anterior, spares the saphenous SNAP and the ankle jerk",
  },
  {
    source: "phillips1991",
    site: "L3",
    reaches: [m("adductor_longus"), m("paraspinal_L3")],
    spares: [m("tibialis_anterior"), m("gluteus_maximus"), s("lateral_femoral_cutaneous_sensory")],
    fact: "L3 is the main root of adductor longus; it does not reach the leg below the knee",
  },
  {
    source: "stewart2010",
    site: "femoral@inguinal_ligament",
    reaches: [
      m("vastus_medialis"),
      m("rectus_femoris"),
      x("patellar"),
      s("saphenous_sensory"),
      r("leg_medial"),
    ],
    spares: [m("iliopsoas"), m("adductor_longus"), m("adductor_brevis"), x("adductor"), m("paraspinal_L3")],
    fact: "a femoral lesion below the inguinal ligament spares iliopsoas and the adductors",
  },
  {
    source: "statpearlsFemoral",
    site: "femoral",
    reaches: [m("vastus_lateralis"), m("sartorius"), s("femoral_motor")],
    spares: [m("adductor_longus"), r("thigh_lateral"), m("paraspinal_L3")],
    fact: "a femoral lesion in the pelvis also weakens iliacus but spares the obturator and LFC territories",
  },
  {
    source: "statpearlsLumbosacralPlexopathy",
    site: "lumbosacral_trunk",
    reaches: [
      m("tibialis_anterior"),
      m("extensor_hallucis_longus"),
      m("gluteus_medius"),
      m("tibialis_posterior"),
      s("superficial_peroneal_sensory"),
    ],
    spares: [
      m("paraspinal_L4"),
      m("paraspinal_L5"),
      m("vastus_medialis"),
      m("adductor_longus"),
      m("gastrocnemius_medial_head"),
      x("patellar"),
    ],
    fact: "a lumbosacral trunk lesion reaches the L4/L5 fibres of sciatic and superior gluteal muscles but not the paraspinals or the femoral territory",
  },
  {
    source: "dyck2002",
    site: "lumbar_plexus",
    reaches: [
      m("vastus_medialis"),
      m("adductor_longus"),
      m("iliopsoas"),
      s("saphenous_sensory"),
      s("lateral_femoral_cutaneous_sensory"),
      x("patellar"),
    ],
    spares: [m("paraspinal_L3"), m("tibialis_anterior"), m("gluteus_medius"), s("sural_sensory")],
    fact: "a lumbar plexus lesion reaches the femoral and obturator territories and their SNAPs, not the paraspinals",
  },
  {
    source: "statpearlsLumbosacralPlexopathy",
    site: "sacral_plexus",
    reaches: [
      m("gluteus_maximus"),
      m("gluteus_medius"),
      m("gastrocnemius_medial_head"),
      s("sural_sensory"),
      m("external_anal_sphincter"),
    ],
    spares: [m("vastus_medialis"), m("adductor_longus"), m("paraspinal_S1"), m("paraspinal_L5")],
    fact: "a sacral plexus lesion reaches the gluteal, sciatic and pudendal territories and spares the paraspinals",
  },
  {
    source: "statpearlsSciatic",
    site: "sciatic",
    reaches: [
      m("biceps_femoris_short_head"),
      m("semitendinosus"),
      m("biceps_femoris_long_head"),
      m("tibialis_anterior"),
      m("gastrocnemius_medial_head"),
      s("sural_sensory"),
    ],
    spares: [
      m("gluteus_maximus"),
      m("gluteus_medius"),
      m("tensor_fasciae_latae"),
      m("paraspinal_L5"),
      r("thigh_posterior"),
    ],
    fact: "a sciatic lesion at the notch reaches the hamstrings and the whole leg below the knee but spares the gluteal muscles",
  },
  {
    source: "katirji2002",
    site: "sciatic@thigh",
    reaches: [m("biceps_femoris_short_head"), m("tibialis_anterior"), m("soleus")],
    spares: [m("semitendinosus"), m("semimembranosus"), m("gluteus_maximus")],
    fact: "a sciatic lesion in the thigh below the medial hamstring branches still reaches the short head of biceps",
  },
  {
    source: "statpearlsTibial",
    site: "tibial",
    reaches: [
      m("gastrocnemius_medial_head"),
      m("soleus"),
      m("tibialis_posterior"),
      m("flexor_digitorum_longus"),
      x("achilles"),
      s("tibial_h_reflex"),
      s("tibial_motor_ah"),
    ],
    spares: [
      m("tibialis_anterior"),
      m("peroneus_longus"),
      m("biceps_femoris_short_head"),
      s("superficial_peroneal_sensory"),
    ],
    fact: "a tibial lesion in the popliteal fossa reaches the calf and the foot intrinsics but not the peroneal territory",
  },
  {
    source: "stewart2010",
    site: "tibial@tarsal_tunnel",
    reaches: [
      m("abductor_hallucis"),
      m("abductor_digiti_minimi_pedis"),
      m("first_dorsal_interosseous_pedis"),
      s("medial_plantar_sensory"),
      s("tibial_motor_ah"),
      r("sole_medial"),
      r("sole_lateral"),
    ],
    spares: [
      m("gastrocnemius_medial_head"),
      m("tibialis_posterior"),
      m("flexor_digitorum_longus"),
      s("sural_sensory"),
      x("achilles"),
    ],
    fact: "a tarsal tunnel lesion reaches both plantar nerves and spares the calf and the sural nerve",
  },
  {
    source: "yang2017",
    site: "tibial@tarsal_tunnel",
    reaches: [m("flexor_hallucis_brevis"), m("abductor_digiti_minimi_pedis")],
    spares: [],
    fact: "the tibial nerve divides within the tunnel, so both plantar nerves lie distal to the tunnel site",
  },
  {
    source: "statpearlsCommonFibular",
    site: "deep_peroneal",
    reaches: [
      m("tibialis_anterior"),
      m("extensor_hallucis_longus"),
      m("extensor_digitorum_brevis"),
      r("first_web_space"),
      s("peroneal_motor_edb"),
    ],
    spares: [m("peroneus_longus"), m("peroneus_brevis"), s("superficial_peroneal_sensory")],
    fact: "a deep peroneal lesion spares eversion and the superficial peroneal SNAP",
  },
  {
    source: "grays2021",
    site: "superficial_peroneal",
    reaches: [
      m("peroneus_longus"),
      m("peroneus_brevis"),
      s("superficial_peroneal_sensory"),
      r("foot_dorsum"),
    ],
    spares: [m("tibialis_anterior"), m("extensor_digitorum_brevis"), r("first_web_space")],
    fact: "a superficial peroneal lesion weakens eversion and numbs the dorsum of the foot, sparing the first web space",
  },
  {
    source: "preston2020",
    site: "deep_peroneal@ankle",
    reaches: [m("extensor_digitorum_brevis"), s("peroneal_motor_edb"), r("first_web_space")],
    spares: [m("tibialis_anterior"), m("extensor_hallucis_longus"), s("peroneal_motor_ta")],
    fact: "a deep peroneal lesion at the ankle (anterior tarsal tunnel) affects only EDB and the first web space",
  },
  {
    source: "grays2021",
    site: "superior_gluteal",
    reaches: [m("gluteus_medius"), m("gluteus_minimus"), m("tensor_fasciae_latae")],
    spares: [m("gluteus_maximus"), m("piriformis"), m("biceps_femoris_long_head")],
    fact: "the superior gluteal nerve supplies gluteus medius, minimus and tensor fasciae latae only",
  },
  {
    source: "grays2021",
    site: "inferior_gluteal",
    reaches: [m("gluteus_maximus")],
    spares: [m("gluteus_medius"), m("semitendinosus"), r("thigh_posterior")],
    fact: "the inferior gluteal nerve supplies gluteus maximus only",
  },
  {
    source: "statpearlsThighNerves",
    site: "obturator",
    reaches: [m("adductor_longus"), m("adductor_brevis"), m("gracilis"), x("adductor"), r("thigh_medial")],
    spares: [m("vastus_medialis"), m("iliopsoas"), x("patellar"), s("saphenous_sensory")],
    fact: "an obturator lesion weakens adduction and numbs the inner thigh; the knee jerk is kept",
  },
  {
    source: "stewart2010",
    site: "lateral_femoral_cutaneous",
    reaches: [r("thigh_lateral"), s("lateral_femoral_cutaneous_sensory")],
    spares: [m("vastus_lateralis"), m("tensor_fasciae_latae"), x("patellar")],
    fact: "meralgia paresthetica is purely sensory",
  },
  {
    source: "statpearlsFemoral",
    site: "saphenous",
    reaches: [r("leg_medial"), s("saphenous_sensory")],
    spares: [m("vastus_medialis"), m("sartorius"), x("patellar")],
    fact: "a saphenous lesion is purely sensory, on the inner leg",
  },
  {
    source: "grays2021",
    site: "sural",
    reaches: [s("sural_sensory"), r("foot_lateral"), r("ankle_lateral")],
    spares: [m("gastrocnemius_lateral_head"), m("abductor_digiti_minimi_pedis"), x("achilles")],
    fact: "the sural nerve is sensory to the lateral ankle and foot",
  },
  {
    source: "statpearlsPudendal",
    site: "pudendal",
    reaches: [m("external_anal_sphincter"), x("anal"), x("bulbocavernosus"), r("perineum")],
    spares: [m("gluteus_maximus"), r("thigh_posterior"), m("paraspinal_S2")],
    fact: "the pudendal nerve carries the sphincter, the anal and bulbocavernosus reflexes and perineal skin",
  },
  {
    source: "grays2021",
    site: "posterior_femoral_cutaneous",
    reaches: [r("thigh_posterior")],
    spares: [m("semitendinosus"), m("gluteus_maximus")],
    fact: "the posterior femoral cutaneous nerve is sensory to the back of the thigh",
  },
  {
    source: "grays2021",
    site: "genitofemoral",
    reaches: [x("cremasteric")],
    spares: [m("iliopsoas"), x("patellar")],
    fact: "the cremasteric reflex runs through the genitofemoral nerve",
  },
  {
    source: "grays2021",
    site: "ilioinguinal",
    reaches: [r("groin")],
    spares: [m("iliopsoas"), r("thigh_lateral")],
    fact: "the ilioinguinal nerve supplies the skin of the groin",
  },
  {
    source: "aids2010",
    site: "S2",
    reaches: [m("external_anal_sphincter"), r("thigh_posterior")],
    spares: [m("tibialis_anterior"), x("patellar")],
    fact: "S2 supplies the sphincter and the back of the thigh",
  },
  {
    source: "lee2008",
    site: "L5",
    reaches: [r("foot_dorsum"), r("great_toe"), r("leg_anterolateral")],
    spares: [r("leg_medial"), r("thigh_anterior")],
    fact: "the L5 dermatome is the outer leg, the dorsum of the foot and the great toe",
  },
  {
    source: "lee2008",
    site: "L4",
    reaches: [r("leg_medial"), r("foot_medial")],
    spares: [r("foot_lateral"), r("little_toe")],
    fact: "the L4 dermatome is the medial leg",
  },
  {
    source: "keegan1948",
    site: "S1",
    reaches: [r("foot_lateral"), r("little_toe"), r("heel")],
    spares: [r("leg_medial"), r("first_web_space")],
    fact: "the S1 dermatome is the lateral border of the foot and the little toe",
  },
  {
    source: "aids2010",
    site: "L2",
    reaches: [],
    spares: [m("tibialis_anterior"), m("gastrocnemius_medial_head"), x("achilles")],
    fact: "L2 does not reach the leg below the knee",
  },
];

describe("lesion effects from textbook facts", () => {
  for (const c of checks) {
    it(`[${c.source}] ${c.site}: ${c.fact}`, () => {
      expect(atlas.data.sources).toHaveProperty(c.source);
      for (const t of c.reaches) expect(reach(c.site, t), `${c.site} -> ${t}`).toBeGreaterThanOrEqual(0.3);
      for (const t of c.spares) expect(reach(c.site, t), `${c.site} -> ${t}`).toBe(0);
    });
  }
});

const share = (site: string, target: TargetKey) => reach(site, target);
const rootShare = (muscle: string, root: string) =>
  atlas.muscle(muscle)?.roots.find((x) => x.root === root)?.weight ?? 0;

describe("root supply and shares", () => {
  it("[preston2020] EHL is an L5 (major) muscle through the deep peroneal nerve", () => {
    const e = atlas.muscle("extensor_hallucis_longus");
    expect(e?.roots.find((x) => x.role === "major")?.root).toBe("L5");
    expect(e?.supply.map((x) => x.nerve)).toEqual(["deep_peroneal"]);
    const l5 = atlas.pathways("extensor_hallucis_longus").find((p) => p.root === "L5");
    expect(l5?.steps).toEqual([
      "L5",
      "lumbosacral_trunk",
      "sacral_plexus",
      "sciatic",
      "sciatic@thigh",
      "common_peroneal",
      "common_peroneal@fibular_head",
      "deep_peroneal",
      "extensor_hallucis_longus",
    ]);
  });
  it("[phillips1991] adductor longus, vastus medialis and lateralis draw most on L3", () => {
    for (const id of ["adductor_longus", "vastus_medialis", "vastus_lateralis"]) {
      for (const other of atlas.muscle(id)?.roots ?? [])
        expect(rootShare(id, "L3"), `${id} L3 vs ${other.root}`).toBeGreaterThanOrEqual(other.weight);
    }
  });
  it("[phillips1991] peroneus longus has L5 and medial gastrocnemius S1 among their major roots", () => {
    expect(atlas.muscle("peroneus_longus")?.roots.find((x) => x.root === "L5")?.role).toBe("major");
    expect(atlas.muscle("gastrocnemius_medial_head")?.roots.find((x) => x.root === "S1")?.role).toBe("major");
  });
  it("[liu2015] gluteus maximus is mainly L5 and S1, with S2 a minor share", () => {
    expect(rootShare("gluteus_maximus", "L5")).toBe(rootShare("gluteus_maximus", "S1"));
    expect(rootShare("gluteus_maximus", "S2")).toBeLessThan(rootShare("gluteus_maximus", "S1"));
  });
  it("[grays2021] the hamstring part of adductor magnus comes from L4 through the sciatic nerve", () => {
    expect(share("sciatic", m("adductor_magnus"))).toBeCloseTo(0.3, 2);
    expect(share("obturator", m("adductor_magnus"))).toBeCloseTo(0.7, 2);
    const viaSciatic = atlas.fibres.bundlesOf(m("adductor_magnus")).filter((b) => b.path.includes("sciatic"));
    expect(new Set(viaSciatic.map((b) => b.root))).toEqual(new Set(["L4"]));
  });
  it("[esene2012] the medial hamstring reflex is an L5 reflex", () => {
    expect(share("L5", x("medial_hamstring"))).toBeGreaterThan(share("S1", x("medial_hamstring")));
    expect(share("L4", x("medial_hamstring"))).toBe(0);
  });
  it("[aids2010] the knee jerk is L3-L4 through the femoral nerve, the ankle jerk S1 through the tibial nerve", () => {
    expect(share("L4", x("patellar"))).toBeGreaterThan(0.3);
    expect(share("S1", x("patellar"))).toBe(0);
    expect(share("femoral", x("patellar"))).toBe(1);
    expect(share("S1", x("achilles"))).toBeGreaterThan(0.5);
    expect(share("femoral", x("achilles"))).toBe(0);
    expect(share("tibial", x("achilles"))).toBe(1);
  });
  it("[statpearlsThighNerves] the adductor reflex runs through the obturator nerve alone", () => {
    expect(share("obturator", x("adductor"))).toBe(1);
    expect(share("sciatic", x("adductor"))).toBe(0);
  });
  it("[preston2020] the H-reflex tests S1, not L5", () => {
    expect(share("S1", s("tibial_h_reflex"))).toBe(1);
    expect(share("L5", s("tibial_h_reflex"))).toBe(0);
  });
  it("[kim2015] heel sensation is only partly lost in a tarsal tunnel lesion", () => {
    const heel = share("tibial@tarsal_tunnel", r("heel"));
    expect(heel).toBeGreaterThan(0);
    expect(heel).toBeLessThan(0.5);
    expect(share("tibial", r("heel"))).toBeGreaterThan(heel);
  });
  it("[lee2008] L3 alone never explains numbness of the medial leg", () => {
    expect(share("L3", r("leg_medial"))).toBeLessThan(0.5);
    expect(share("L4", r("leg_medial"))).toBeGreaterThan(0.5);
  });
});

describe("the physiology every localization rests on", () => {
  const sensory = atlas.data.studies.filter((x) => x.type === "sensory");
  const roots = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"];
  it("[wilbourn1998] no root lesion lowers a sensory response: the ganglion lies outside the root's lesion site", () => {
    for (const st of sensory)
      for (const root of roots) expect(share(root, s(st.id)), `${root} ${st.id}`).toBe(0);
  });
  it("[preston2020] every sensory response falls with a lesion of its own nerve", () => {
    for (const st of sensory) expect(share(st.nerve, s(st.id)), st.id).toBeCloseTo(1, 2);
  });
  it("[dillingham2000] paraspinals are denervated by root lesions only, never by a plexus or nerve lesion", () => {
    const distal = atlas.fibres.sites.filter((x) => x.level !== "root");
    for (const level of ["L1", "L2", "L3", "L4", "L5", "S1", "S2"])
      for (const site of distal)
        expect(share(site.id, m(`paraspinal_${level}`)), `${site.id} ${level}`).toBe(0);
    expect(share("L5", m("paraspinal_L5"))).toBeGreaterThan(0.5);
  });
  it("[preston2020] motor studies and F-waves are reached by root lesions", () => {
    expect(share("L5", s("peroneal_motor_edb"))).toBeGreaterThan(0);
    expect(share("S1", s("tibial_f_wave"))).toBeGreaterThan(0);
    expect(share("L4", s("femoral_motor"))).toBeGreaterThan(0);
  });
  it("[vrancken2006] the ankle jerk is flagged as often absent with age, and [tavee2014] the sural response's age limit is recorded", () => {
    expect(atlas.data.reflexes.find((x) => x.id === "achilles")?.ageDependent).toBe(true);
    expect(atlas.data.studies.find((x) => x.id === "sural_sensory")?.ageEffect).toMatch(/75/);
  });
  it("[rayegani2011] the accessory deep peroneal nerve is recorded where EDB and its study are described", () => {
    expect(atlas.muscle("extensor_digitorum_brevis")?.note).toMatch(/accessory deep peroneal/);
    expect(
      atlas.data.disagreements.some(
        (dd) => dd.about.includes("peroneal_motor_edb") && /accessory/.test(dd.topic),
      ),
    ).toBe(true);
  });
});
