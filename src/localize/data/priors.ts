/**
 * How common each kind of lesion is before the findings are read. Relative numbers: what matters
 * is their ratios. Nerve sites carry their own prior in the atlas (nerves.ts).
 */

export const rootPrior: Record<string, number> = {
  L1: 0.1,
  L2: 0.2,
  L3: 0.5,
  L4: 1.2,
  L5: 3,
  S1: 3,
  S2: 0.2,
  S3: 0.05,
  S4: 0.05,
};

export const plexusPrior: Record<string, number> = {
  lumbar_plexus: 0.5,
  lumbosacral_trunk: 0.25,
  sacral_plexus: 0.35,
};

/** A focal process in a muscle itself (focal myositis, infarction, haematoma): rare beside nerve lesions. */
export const MUSCLE_PRIOR = 0.05;

/**
 * The site priors above are relative; the engine normalises them so that all single focal
 * lesions together have probability 1. Then, for a second lesion:
 */
export const extraLesion = {
  /** An unrelated second lesion: this factor times that site's normalised prior. */
  unrelated: 0.05,
  /** Adjacent roots on one side, taken as one lesion: multilevel stenosis and disc disease often take two roots. */
  adjacentRoots: 0.35,
  /** The same site on the other side (symmetric compression, bilateral stenosis): this factor alone, unless `mirrored` below says otherwise for the site. */
  mirrored: 0.04,
};

/**
 * How often a lesion at a site has its mirror on the other side: the factor the second, mirrored
 * lesion costs alone. Bilateral lesions are common where one cause meets both sides (central canal
 * stenosis at the roots; weight loss, squatting and leg crossing at the fibular heads; tight belts
 * and obesity at the inguinal ligaments) and rare where each side needs its own accident (the
 * sciatic nerve, the plexus). By site, then by nerve (the part before "@"), then by level.
 */
export const mirrored = {
  bySite: {
    "common_peroneal@fibular_head": 0.06,
    "tibial@tarsal_tunnel": 0.06,
    lateral_femoral_cutaneous: 0.08,
    sciatic: 0.005,
    femoral: 0.02,
    lumbar_plexus: 0.02,
    lumbosacral_trunk: 0.01,
    sacral_plexus: 0.01,
  } as Record<string, number>,
  byLevel: { root: 0.1 } as Record<string, number>,
  why: "Central and lateral recess stenosis and disc disease take roots on both sides often; bilateral peroneal palsies follow weight loss and squatting; meralgia is bilateral in about a tenth; bilateral sciatic and plexus lesions need a cause on each side (both hips operated, both buttocks injected) and are rare.",
  sources: ["stewart2010", "katirji2002", "levin2002"],
};

/**
 * One process over the lumbar and the sacral plexus together (a radiculoplexus neuropathy, a
 * tumour, a haematoma spreading along the psoas): taken as one lesion, its prior the geometric mean
 * of the two elements' times this factor. In cancer about a fifth of lumbosacral plexopathies take
 * both parts (pan-plexopathy), and diabetic and non-diabetic radiculoplexus neuropathies usually
 * spread from one to the other.
 */
export const wholePlexus = {
  factor: 0.35,
  why: "Jaeckle's series of plexopathy in cancer: lumbar 31%, sacral 51%, both 18%; radiculoplexus neuropathies usually involve both the lumbar and the sacral plexus.",
  sources: ["jaeckle1985", "dyck2002"],
};

/**
 * Nerves that share a compartment, where one mass or bleed presses them together: a pair of them is
 * one event, not two coincidences. Beside the first, the second lesion costs this factor alone (the
 * chance the same process reaches it), as a mirror lesion costs extraLesion.mirrored alone.
 */
export const compartments: { sites: string[]; factor: number; why: string; sources: string[] }[] = [
  {
    sites: ["femoral", "lateral_femoral_cutaneous", "genitofemoral"],
    factor: 0.15,
    why: "An iliacus or psoas haematoma or abscess compresses the femoral and lateral femoral cutaneous nerves together in the iliac fossa.",
    sources: ["stewart2010", "katirji2002"],
  },
  {
    sites: ["tibial", "common_peroneal", "common_peroneal@fibular_head"],
    factor: 0.15,
    why: "A popliteal (Baker's) cyst, aneurysm or tumour in the popliteal fossa presses the tibial and common peroneal nerves together.",
    sources: ["stewart2010"],
  },
  {
    sites: ["obturator", "lumbosacral_trunk"],
    factor: 0.15,
    why: "Pelvic sidewall masses, the fetal head and pelvic surgery injure the obturator nerve and the lumbosacral trunk together at the pelvic brim.",
    sources: ["stewart2010"],
  },
  {
    sites: ["sciatic", "posterior_femoral_cutaneous", "inferior_gluteal", "superior_gluteal"],
    factor: 0.15,
    why: "A gluteal injection, haematoma or piriformis mass injures the sciatic nerve with its neighbours in the greater sciatic notch.",
    sources: ["stewart2010"],
  },
];

/** Diffuse processes, as probabilities beside all focal lesions together (= 1). */
export const diffusePrior = {
  /** In a young person without risk factors; `polyneuropathyContext` multiplies it. */
  polyneuropathy: 0.04,
  myopathy: 0.01,
  anterior_horn: 0.005,
  polyradiculopathy: 0.01,
  cauda_equina: 0.006,
  /** Sacral roots only (saddle and sphincters with normal legs). */
  cauda_equina_low: 0.004,
  conus: 0.003,
  /** The lumbosacral enlargement above the conus (epiconus, dural fistula congestion). */
  epiconus: 0.002,
  /** Per side; both sides (a cord lesion) a third of it. */
  cns: 0.02,
  /** No neurological lesion (hip, vessels, muscle strain presenting as leg symptoms). */
  none: 0.05,
  /** A diffuse process together with focal lesions, beside the diffuse process alone. */
  withFocal: 0.35,
};

/**
 * History of a known cause of leg pain that is not neural (hip joint disease, peripheral arterial
 * disease), in FORMAT's words or the clinician's own: the "no neurological lesion" answer becomes
 * likelier, as the history raises nerve sites (historyPriors). The findings must still fit it.
 */
export const notNeuralHistory = {
  /** FORMAT v1.1's history words, and how a clinician writes them in free text. */
  words: {
    hip_joint_disease:
      /\bhip\b[^,;]*\b(osteoarthritis|arthritis|arthrosis|degenerat\w*|avascular necrosis|osteonecrosis)|\b(osteoarthritis|arthritis|arthrosis|avascular necrosis|osteonecrosis)\b[^,;]*\bhip\b|\bfemoral head\b[^,;]*\b(necrosis|collapse)/i,
    peripheral_arterial_disease:
      /\bperipheral (arter\w*|vascular) disease|\barterial (occlusion|insufficiency)|(?<!neurogenic )\bintermittent claudication/i,
  } as Record<string, RegExp>,
  factor: 3,
  why: "Hip osteoarthritis and osteonecrosis refer pain to the groin, thigh and knee and are a common mimic of an upper lumbar radiculopathy; arterial insufficiency gives exertional leg pain, numbness and even a cold weak foot. A patient known to have either is likelier to have it behind the complaint.",
  sources: ["brown2004", "norgren2007"],
};

/** Context that makes polyneuropathy likelier (age, diabetes, alcohol, chemotherapy). */
export const polyneuropathyContext = {
  over60: 4,
  diabetes: 5,
  alcohol: 2,
  chemotherapy: 2,
  why: "Polyneuropathy affects a few per cent of adults, several times more after 60, and up to half of people with long-standing diabetes; alcohol and neurotoxic chemotherapy add to it.",
  sources: ["preston2020", "vrancken2006"],
};

/**
 * How severe a lesion is at its site is unknown: the engine averages over these fractions of the
 * fibres at the site being lost, so a mild lesion that numbs without weakening is as admissible as
 * a complete one.
 */
export const severity = {
  levels: [0.05, 0.4, 0.7, 1],
  weights: [0.15, 0.25, 0.3, 0.3],
  why: "Most compressive and inflammatory lesions are partial; findings in one case share the lesion's severity rather than varying independently. The first level is the irritative state: a root or nerve that hurts and tingles without failing to conduct (radicular pain without radiculopathy), whose pain and paraesthesia do not depend on the share lost.",
  sources: ["wilbourn1998", "stewart2010", "bogduk2009"],
};

export const priorSources = {
  why: "L5 and S1 account for most lumbosacral radiculopathies; peroneal neuropathy at the fibular head is the commonest lower-limb mononeuropathy; polyneuropathy is common after 60 and in diabetes; plexopathies and upper lumbar roots are rarer.",
  sources: ["levin2002", "katirji2002", "stewart2010", "dyck2002", "preston2020"],
};

/**
 * History that makes a site likelier: multipliers on the site's prior. Each is a well-described
 * mechanism, kept modest because history raises suspicion; the findings must still show the lesion.
 * The site "muscle" stands for every focal lesion of a muscle itself.
 */
export const historyPriors: Record<
  string,
  { sites: string[]; factor: number; why: string; sources: string[] }[]
> = {
  anticoagulation: [
    {
      sites: ["muscle"],
      factor: 3,
      why: "Anticoagulated patients bleed into muscle (iliacus, quadriceps, calf): a focal muscle lesion becomes likelier.",
      sources: ["stewart2010", "preston2020"],
    },
    {
      sites: ["lumbar_plexus", "femoral"],
      factor: 3,
      why: "A retroperitoneal or iliacus haematoma on anticoagulants compresses the femoral nerve or the lumbar plexus.",
      sources: ["stewart2010", "katirji2002"],
    },
  ],
  pelvic_surgery: [
    {
      sites: ["femoral", "obturator", "lateral_femoral_cutaneous", "lumbosacral_trunk"],
      factor: 2.5,
      why: "Retractors and the lithotomy position injure the femoral, obturator and lateral femoral cutaneous nerves and the lumbosacral trunk.",
      sources: ["stewart2010"],
    },
  ],
  hip_surgery: [
    {
      sites: ["sciatic", "femoral", "superior_gluteal", "obturator"],
      factor: 3,
      why: "Hip arthroplasty injures the sciatic nerve (its peroneal division most), and less often the femoral, superior gluteal and obturator nerves.",
      sources: ["stewart2010", "katirji2002"],
    },
  ],
  pregnancy_delivery: [
    {
      sites: ["lumbosacral_trunk", "obturator", "femoral", "lateral_femoral_cutaneous"],
      factor: 3,
      why: "The fetal head compresses the lumbosacral trunk and obturator nerve at the pelvic brim; prolonged hip flexion in labour compresses the femoral and lateral femoral cutaneous nerves.",
      sources: ["stewart2010"],
    },
  ],
  intramuscular_injection: [
    {
      sites: ["sciatic", "superior_gluteal", "inferior_gluteal"],
      factor: 4,
      why: "A misplaced gluteal injection injures the sciatic nerve or the gluteal nerves.",
      sources: ["stewart2010"],
    },
  ],
  leg_crossing: [
    {
      sites: ["common_peroneal@fibular_head"],
      factor: 3,
      why: "Habitual leg crossing compresses the peroneal nerve against the fibular head.",
      sources: ["stewart2010", "katirji2002"],
    },
  ],
  weight_loss: [
    {
      sites: ["common_peroneal@fibular_head"],
      factor: 2,
      why: "Loss of the fat pad over the fibular neck leaves the peroneal nerve exposed to pressure.",
      sources: ["stewart2010", "katirji2002"],
    },
  ],
  prolonged_immobility: [
    {
      sites: ["common_peroneal@fibular_head", "sciatic"],
      factor: 2,
      why: "Prolonged lying (coma, anaesthesia, intoxication) compresses the peroneal nerve at the knee and the sciatic nerve in the buttock.",
      sources: ["stewart2010"],
    },
  ],
  trauma: [
    {
      sites: ["muscle"],
      factor: 3,
      why: "Injury bruises, tears and bleeds into muscle.",
      sources: ["preston2020"],
    },
    {
      sites: ["sacral_plexus", "lumbosacral_trunk", "obturator", "sciatic"],
      factor: 2,
      why: "Pelvic and acetabular fractures injure the sacral plexus, the lumbosacral trunk, the obturator and sciatic nerves.",
      sources: ["stewart2010"],
    },
  ],
  cancer: [
    {
      sites: ["lumbar_plexus", "lumbosacral_trunk", "sacral_plexus"],
      factor: 2,
      why: "Pelvic and abdominal cancers invade the lumbosacral plexus directly or along nerves; most leg symptoms in people with cancer are still radicular, so the factor is small.",
      sources: ["stewart2010", "dyck2002"],
    },
  ],
  pelvic_radiation: [
    {
      sites: ["lumbar_plexus", "lumbosacral_trunk", "sacral_plexus"],
      factor: 2,
      why: "Radiation plexopathy follows pelvic radiotherapy by months to years.",
      sources: ["stewart2010"],
    },
  ],
  diabetes: [
    {
      sites: ["muscle"],
      factor: 3,
      why: "Diabetic muscle infarction (the thigh most) occurs in long-standing, poorly controlled diabetes.",
      sources: ["preston2020"],
    },
    {
      sites: ["lumbar_plexus"],
      factor: 2,
      why: "Diabetic lumbosacral radiculoplexus neuropathy starts in the thigh (lumbar plexus territory).",
      sources: ["dyck2002"],
    },
  ],
};

/**
 * History in the clinician's own words that names where a nerve was pressed, stretched or cut: a
 * mass, an injury or a posture at a known place raises the prior of the nerve sites there, as the
 * controlled history words above do (free text stays free text in the case; this only reads it).
 * Matched against every history item, its detail after ":" included; a site takes the strongest
 * reason, whichever table gives it.
 */
export const historyPlaces: {
  pattern: RegExp;
  sites: string[];
  factor: number;
  why: string;
  sources: string[];
}[] = [
  {
    pattern: /\bbaker'?s?\b|\bpopliteal\b[^,;]*\b(cyst|ganglion|mass|aneurysm)/i,
    sites: ["tibial"],
    factor: 3,
    why: "A popliteal (Baker's) cyst or another mass in the popliteal fossa (ganglion, popliteal artery aneurysm) presses on the tibial nerve there; the peroneal nerve, further lateral, far less often.",
    sources: ["stewart2010"],
  },
  {
    pattern:
      /\b(fibula\w*|fibular (head|neck))\b[^,;]*\bfracture|\bfracture[^,;]*\bfibula|\bknee dislocation|\bdislocat\w* (of )?the knee|\btibiofibular\b[^,;]*\b(cyst|ganglion)/i,
    sites: ["common_peroneal@fibular_head"],
    factor: 3,
    why: "A fracture of the fibular neck, a dislocated knee or a ganglion of the superior tibiofibular joint injures the peroneal nerve where it winds round the fibula.",
    sources: ["stewart2010", "katirji2002", "spinner2003"],
  },
  {
    pattern:
      /\b(psoas|iliacus|iliopsoas|retroperitoneal)\b[^,;]*\b(ha?ematoma|h(a)?emorrhage|bleed\w*|abscess)/i,
    sites: ["lumbar_plexus", "femoral"],
    factor: 3,
    why: "A haematoma or abscess in the psoas, the iliacus or the retroperitoneum compresses the lumbar plexus or the femoral nerve in the pelvis.",
    sources: ["stewart2010", "katirji2002"],
  },
  {
    pattern:
      /\b(femoral (artery |arterial |vein )?(catheteri[sz]\w*|puncture|cannulation|access|line)|cardiac catheteri[sz]\w*|groin\b[^,;]*\b(ha?ematoma|pseudoaneurysm))/i,
    sites: ["femoral@inguinal_ligament"],
    factor: 3,
    why: "Femoral artery catheterisation and a groin haematoma or pseudoaneurysm injure the femoral nerve at the inguinal ligament.",
    sources: ["stewart2010"],
  },
  {
    pattern:
      /\b(acetabul\w*\b[^,;]*\bfracture|fracture[^,;]*\bacetabul\w*|hip dislocation|dislocat\w* (of )?the hip)/i,
    sites: ["sciatic"],
    factor: 3,
    why: "A posterior dislocation of the hip or a fracture of the acetabulum stretches or tears the sciatic nerve, its peroneal division most.",
    sources: ["stewart2010", "katirji2002"],
  },
  {
    pattern:
      /\b(ankle\b[^,;]*\b(fracture|sprain)|(fracture|sprain)[^,;]*\bankle|malleol\w*\b[^,;]*\bfracture|tarsal tunnel\b[^,;]*\b(ganglion|cyst|mass))/i,
    sites: ["tibial@tarsal_tunnel", "sural"],
    factor: 2,
    why: "Fractures and sprains of the ankle, and a ganglion in the tunnel, injure the tibial nerve under the flexor retinaculum and the sural nerve behind the lateral malleolus.",
    sources: ["stewart2010"],
  },
];
