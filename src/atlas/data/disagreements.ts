import type { Disagreement } from "../types.js";

/** Where the sources differ: every position with its sources, the one Locus uses, and why. */
export const disagreements: Disagreement[] = [
  {
    topic: "Root supply of gluteus maximus",
    about: ["gluteus_maximus", "inferior_gluteal"],
    positions: [
      { view: "L5, S1 and S2 through the inferior gluteal nerve", sources: ["grays2021", "aids2010"] },
      { view: "L5 and S1 the main roots (needle EMG practice)", sources: ["preston2020", "wilbourn1998"] },
      { view: "S1 the largest share by ventral-root stimulation", sources: ["phillips1991"] },
      { view: "Mainly L5 and S1 by intraoperative root stimulation", sources: ["liu2015"] },
    ],
    locusUses: "L5 and S1 major, S2 minor",
    why: "Every source includes L5 and S1; the two stimulation studies put the weight on L5 and S1, not on S2. Equal L5 and S1 weights let gluteus maximus show in both L5 and S1 radiculopathy, as needle EMG finds.",
  },
  {
    topic: "Root supply of gluteus medius",
    about: ["gluteus_medius", "superior_gluteal"],
    positions: [
      { view: "L4, L5 and S1 with L5 the main root", sources: ["grays2021", "aids2010", "preston2020"] },
      { view: "Mainly L5 and S1 by intraoperative root stimulation", sources: ["liu2015"] },
    ],
    locusUses: "L5 major, L4 and S1 minor",
    why: "The standard charts agree on L5 as the main root, and needle practice uses gluteus medius as the L5 muscle outside the peroneal nerve; Liu's study (20 patients with sacral fractures) keeps S1 in the supply, which the minor share does.",
  },
  {
    topic: "Root supply of the hip adductors",
    about: ["adductor_longus", "adductor_brevis", "adductor_magnus", "obturator", "adductor"],
    positions: [
      {
        view: "L2, L3 and L4 through the obturator nerve",
        sources: ["grays2021", "aids2010", "preston2020"],
      },
      {
        view: "L3 the largest share of adductor longus by ventral-root stimulation",
        sources: ["phillips1991"],
      },
      {
        view: "The hamstring part of adductor magnus from L4 through the tibial division of the sciatic nerve",
        sources: ["grays2021"],
      },
    ],
    locusUses:
      "adductor longus and brevis L3 major with L2 (0.3) and L4 (0.2) minor; adductor magnus the same through the obturator nerve and L4 through the sciatic nerve",
    why: "Neither 'L2, L3 (L4)' nor 'L3, L4' alone matches the data: the obturator nerve draws on L2-L4 and the only measurement puts L3 first. L2 keeps a large minor share because adductor longus is the usual needle muscle for an upper lumbar root.",
  },
  {
    topic: "Root supply of the medial hamstrings",
    about: ["semitendinosus", "semimembranosus", "medial_hamstring"],
    positions: [
      {
        view: "L5, S1 and S2 through the tibial division of the sciatic nerve",
        sources: ["grays2021", "aids2010"],
      },
      { view: "The medial hamstring reflex tests L5", sources: ["esene2012", "preston2020"] },
      {
        view: "Each leg muscle draws on three or more roots, and in about 28 per cent of legs the whole supply is shifted one root up or down, so L4 can contribute",
        sources: ["phillips1991"],
      },
    ],
    locusUses: "L5 and S1 major, S2 minor; no L4",
    why: "The anatomy texts give L5-S2 and the reflex is an L5 reflex. An L4 share would make the medial hamstrings count against an L4 root lesion in every leg for a variant present in a minority.",
  },
  {
    topic: "Root supply of tibialis anterior",
    about: ["tibialis_anterior"],
    positions: [
      { view: "L4 and L5", sources: ["grays2021", "aids2010", "preston2020"] },
      { view: "L4 the largest share by ventral-root stimulation", sources: ["phillips1991"] },
    ],
    locusUses: "L4 and L5 equally",
    why: "Both L4 and L5 radiculopathies denervate tibialis anterior in practice; equal weights keep the muscle from deciding between them alone, which EHL, tibialis posterior, gluteus medius and the knee jerk do better.",
  },
  {
    topic: "Root supply of the intrinsic foot muscles",
    about: ["extensor_digitorum_brevis", "abductor_hallucis", "flexor_digitorum_brevis"],
    positions: [
      {
        view: "EDB L5 and S1; abductor hallucis and flexor digitorum brevis S1 and S2",
        sources: ["preston2020", "aids2010", "grays2021"],
      },
      {
        view: "EDB, abductor hallucis and flexor digitorum brevis mainly S2 and S3 by intraoperative root stimulation",
        sources: ["liu2015"],
      },
    ],
    locusUses: "the standard charts: EDB L5 S1, abductor hallucis and the plantar intrinsics S1 S2",
    why: "The charts rest on a large clinical and EMG experience; Liu's finding comes from 20 patients with sacral fractures and has not been reproduced. The intrinsic foot muscles also weigh little in root localization because they are often abnormal in healthy feet.",
  },
  {
    topic: "Nerve supply of extensor digitorum brevis (accessory deep peroneal nerve)",
    about: ["extensor_digitorum_brevis", "deep_peroneal", "superficial_peroneal", "peroneal_motor_edb"],
    positions: [
      {
        view: "The lateral terminal branch of the deep peroneal nerve",
        sources: ["grays2021", "preston2020"],
      },
      {
        view: "In 12 to 25 per cent of legs also, or only, an accessory deep peroneal nerve from the superficial peroneal nerve that passes behind the lateral malleolus",
        sources: ["rayegani2011", "preston2020"],
      },
    ],
    locusUses: "the deep peroneal nerve only",
    why: "It is the pattern in most legs. The variant explains an EDB spared by a deep peroneal lesion, or a peroneal CMAP larger from the knee than from the ankle; when a study shows that, the finding is left unexplained rather than forced onto another site.",
  },
  {
    topic: "Level of the medial calcaneal branches and of the plantar division of the tibial nerve",
    about: ["tibial", "tibial@tarsal_tunnel", "heel", "medial_plantar", "lateral_plantar"],
    positions: [
      {
        view: "The tibial nerve divides into the plantar nerves within the tarsal tunnel in about 80 to 90 per cent of feet, above it in the rest",
        sources: ["yang2017"],
      },
      {
        view: "The medial calcaneal branches leave at, above or within the tunnel, sometimes from the lateral plantar nerve",
        sources: ["kim2015", "yang2017"],
      },
      {
        view: "The calcaneal branches usually leave above the tunnel, so the heel is often spared in tarsal tunnel syndrome",
        sources: ["stewart2010"],
      },
    ],
    locusUses:
      "the plantar nerves leave after the tarsal tunnel site; half of the medial heel skin leaves above the site and half below it",
    why: "The division point is within the tunnel in most feet, so a lesion there reaches both plantar nerves. The calcaneal branches are too variable for heel sparing to rule a tarsal tunnel lesion in or out; an even split makes heel numbness weak evidence either way.",
  },
  {
    topic: "The L4 and L5 dermatomes on the medial leg, foot and great toe",
    about: ["leg_medial", "foot_medial", "great_toe", "knee_medial", "L3", "L4", "L5"],
    positions: [
      {
        view: "L4 is a long band from the thigh across the knee to the medial foot and the medial side of the great toe",
        sources: ["keegan1948"],
      },
      {
        view: "L4 covers the medial leg; the great toe and the dorsum of the foot are L5",
        sources: ["foerster1933", "lee2008"],
      },
      {
        view: "In patients with a single proven root lesion, L4 is the medial leg and L5 the anterolateral leg and dorsum",
        sources: ["faleiros2009"],
      },
      {
        view: "L3 ends at the medial knee; some reproductions of Keegan and Garrett carry it onto the upper medial leg",
        sources: ["lee2008", "keegan1948"],
      },
    ],
    locusUses:
      "Lee et al. 2008 as the default: medial leg L4 with L3 minor, medial foot L4 with L5 minor, great toe L5 with L4 and S1 minor, medial knee L3 with L4 minor",
    why: "Lee et al. rebuilt the map from the studies that stand scrutiny (root section, stimulation, single-root compression), left out Keegan and Garrett's method and marked where the evidence is thin. The minor shares keep the overlap every map shows, so L3 alone never explains numbness of the medial leg and L4 is not excluded by a numb great toe.",
  },
  {
    topic: "The S1 and S2 dermatomes on the back of the thigh",
    about: ["thigh_posterior", "calf_posterior", "S1", "S2"],
    positions: [
      {
        view: "A posterior strip of S2 down the back of the thigh, with S1 lateral to it",
        sources: ["foerster1933", "lee2008"],
      },
      { view: "S1 and S2 both on the back of the thigh", sources: ["keegan1948"] },
      {
        view: "The S1 area of patients with S1 lesions took in the buttock, back of the thigh, leg and sole",
        sources: ["faleiros2009"],
      },
    ],
    locusUses: "back of the thigh S2 with S1 and S3 minor; back of the calf S1 and S2",
    why: "The two older maps and Lee agree on S2 for the posterior strip; Faleiros's patients show the S1 share, which the minor weight keeps.",
  },
  {
    topic: "Sacral dermatomes of the perineum",
    about: ["perineum", "genital", "S2", "S3", "S4"],
    positions: [
      { view: "Concentric perianal rings, S3 outermost and S5 innermost", sources: ["foerster1933"] },
      { view: "S2 to S4 over the perineum", sources: ["keegan1948"] },
      { view: "Not mapped: the evidence-based map leaves S3 to S5 out", sources: ["lee2008"] },
    ],
    locusUses: "perineum S3 and S4 with S2 minor",
    why: "Lee et al. cannot be cited for the sacral segments, so Locus takes the older maps where they agree (S3 and S4) and keeps S2 as a minor share.",
  },
  {
    topic: "How dermatome maps were made",
    about: ["great_toe", "leg_medial", "thigh_posterior", "perineum"],
    positions: [
      {
        view: "Foerster mapped the sensibility left after cutting the roots above and below one root, and its pain (not touch) area",
        sources: ["foerster1933", "greenberg2003"],
      },
      {
        view: "Keegan and Garrett mapped hypalgesia from single compressed roots in disc disease, as continuous bands",
        sources: ["keegan1948", "downs2011"],
      },
      {
        view: "Lee et al. kept only the areas where the best evidence agrees, for touch, and left the rest blank",
        sources: ["lee2008"],
      },
    ],
    locusUses: "Lee et al. 2008 as the default, each map's view kept beside it",
    why: "Maps drawn by different methods disagree most where the overlap between roots is widest; the default follows the map built from the evidence, and every region lists the other views so a clinician can see them.",
  },
  {
    topic: "Formation of the sural nerve",
    about: ["sural", "sural_sensory"],
    positions: [
      {
        view: "Medial sural cutaneous branch of the tibial nerve joined by the peroneal communicating branch in most people",
        sources: ["grays2021"],
      },
      {
        view: "Peroneal communicating branch the main or only contributor in a minority",
        sources: ["stewart2010"],
      },
    ],
    locusUses: "A branch of the tibial nerve",
    why: "In most legs the sural response is carried mainly by tibial fibres; a peroneal lesion with an abnormal sural response is left unexplained rather than hidden.",
  },
  {
    topic: "Reference limits for the lower-limb nerve conduction studies",
    about: ["peroneal_motor_edb", "tibial_motor_ah", "sural_sensory", "superficial_peroneal_sensory"],
    positions: [
      {
        view: "One set of adult limits per study (for example 2.0 mV for the peroneal CMAP on EDB, 6 uV for the sural SNAP)",
        sources: ["preston2020"],
      },
      {
        view: "Limits stratified by age and sometimes height, from the studies that met all quality criteria",
        sources: ["chen2016"],
      },
      {
        view: "In people of 60 and over the sural SNAP limit falls to 3 uV, then 1 uV, and an absent response is normal from 75",
        sources: ["tavee2014"],
      },
    ],
    locusUses:
      "the single adult limits for orientation; the laboratory's own verdict (normal, reduced, absent) is what counts, and age lowers the weight of a symmetric low sensory response. A report that gives only a number is read against the adult limit; a value less than a fifth above it (the amplitude's retest variation, kong2009) is borderline, and reads as reduced only beside another abnormal response of the same kind on that side",
    why: "Laboratories use their own norms; Locus reads the result as the clinician reports it and uses age only to judge how much a bilateral low response means.",
  },
];
