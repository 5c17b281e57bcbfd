/**
 * How findings behave under lesions: sensitivities, false-positive rates and grade distributions.
 * One file, each number with its rationale and source keys (atlas sources table). These are
 * honest round figures from the literature, not fitted to any case.
 */

export interface Rated {
  value: number;
  why: string;
  sources: string[];
}

const r = (value: number, why: string, sources: string[]): Rated => ({ value, why, sources });

/** Lesion classes whose findings behave differently. */
export type LesionClass =
  | "root"
  | "plexus"
  | "nerve"
  | "muscle"
  | "anterior_horn"
  | "length_dependent"
  | "myopathy"
  | "umn";

/** Probability that a finding is abnormal when the target's whole supply is cut (before the share curve). */
export const sensitivity = {
  weakness: {
    root: r(
      0.75,
      "A single root lesion weakens its myotome in most but not all patients: overlapping supply compensates.",
      ["wilbourn1998", "levin2002"],
    ),
    plexus: r(0.9, "Plexus lesions are usually axonal and clinically weak in the territory.", [
      "dyck2002",
      "stewart2010",
    ]),
    nerve: r(0.9, "A symptomatic focal neuropathy usually weakens the muscles distal to it.", [
      "katirji2002",
      "stewart2010",
    ]),
    muscle: r(0.6, "A focal muscle process weakens the muscle in about half of cases; pain limits effort.", [
      "preston2020",
    ]),
    anterior_horn: r(0.8, "Motor neuron disease weakens muscles patchily on both sides.", ["preston2020"]),
    length_dependent: r(
      0.8,
      "Length-dependent neuropathy weakens toe and ankle muscles late: once it is severe they are nearly always weak (the share curve and the severity levels keep mild neuropathies strong).",
      ["preston2020"],
    ),
    myopathy: r(0.85, "Myopathies weaken proximal muscles first.", ["preston2020"]),
    umn: r(0.85, "Upper motor neuron lesions weaken the flexors of the leg more than the extensors.", [
      "aids2010",
    ]),
  },
  /** Absent or reduced tendon reflex when the whole arc is cut. */
  reflexLoss: {
    root: r(
      0.8,
      "A root lesion in the arc lowers or abolishes the reflex in most patients (knee jerk in L3/L4, ankle jerk in S1).",
      ["levin2002", "wilbourn1998"],
    ),
    plexus: r(0.85, "Plexus lesions cut both limbs of the arc.", ["dyck2002"]),
    nerve: r(0.85, "Nerve lesions in the arc cut both limbs.", ["stewart2010"]),
    muscle: r(0.2, "A diseased muscle may contract less to a tap.", ["preston2020"]),
    anterior_horn: r(
      0.3,
      "Reflexes are variable in motor neuron disease: lost where wasted, brisk where the upper neuron dominates.",
      ["preston2020"],
    ),
    length_dependent: r(0.8, "Ankle jerks are lost early in length-dependent neuropathy.", [
      "preston2020",
      "vrancken2006",
    ]),
    myopathy: r(0.15, "Reflexes are kept until weakness is severe.", ["preston2020"]),
    umn: r(0, "Upper motor neuron lesions exaggerate reflexes; they do not abolish them.", ["aids2010"]),
  },
  /** Brisk reflexes, clonus or an extensor plantar response. */
  umnSign: {
    umn: r(
      0.7,
      "Upper motor neuron lesions make the reflexes brisk and the plantar extensor in most patients after the first days.",
      ["aids2010"],
    ),
    anterior_horn: r(0.4, "Amyotrophic lateral sclerosis adds upper motor neuron signs in many patients.", [
      "preston2020",
    ]),
  },
  sensoryChange: {
    root: r(
      0.6,
      "Dermatomal sensory change accompanies a root lesion in about half to two thirds of patients; dermatomes overlap.",
      ["wilbourn1998", "lee2008"],
    ),
    plexus: r(0.8, "Plexus lesions usually numb the territory.", ["dyck2002"]),
    nerve: r(0.85, "A nerve lesion numbs its cutaneous territory.", ["stewart2010"]),
    muscle: r(0, "Muscle disease does not change skin sensation.", ["preston2020"]),
    anterior_horn: r(0, "Motor neuron disease spares sensation.", ["preston2020"]),
    length_dependent: r(0.8, "Stocking sensory loss is the rule in length-dependent neuropathy.", [
      "preston2020",
    ]),
    myopathy: r(0, "Myopathy spares sensation.", ["preston2020"]),
    umn: r(0.3, "Central lesions may blunt sensation on the weak side.", ["aids2010"]),
  },
  /**
   * Pain, paraesthesia or hyperaesthesia felt in a region: symptoms of irritated fibres, not of lost
   * ones. They need the lesion to reach the region's fibres at all, not to cut them, and they are
   * common without any neural lesion, so they weigh far less than a deficit.
   */
  sensorySymptom: {
    root: r(
      0.7,
      "Radicular pain and paraesthesia are the commonest complaints of a root lesion, often without any deficit; radicular pain is not radiculopathy.",
      ["bogduk2009", "murphy2009"],
    ),
    plexus: r(0.6, "Plexopathies are often painful and tingle in their territory.", [
      "dyck2002",
      "stewart2010",
    ]),
    nerve: r(
      0.6,
      "Entrapment and compression of a nerve cause pain and paraesthesia in its territory before loss.",
      ["stewart2010"],
    ),
    muscle: r(0, "", ["preston2020"]),
    anterior_horn: r(0, "Motor neuron disease does not cause sensory symptoms.", ["preston2020"]),
    length_dependent: r(
      0.7,
      "Burning feet and distal tingling are the usual first symptoms of a small-fibre or length-dependent neuropathy.",
      ["preston2020"],
    ),
    myopathy: r(0, "", ["preston2020"]),
    umn: r(0.15, "Central lesions occasionally cause pain or paraesthesia of the limb.", ["aids2010"]),
  },
  /**
   * Vibration and joint position sense: large fibres, carried centrally in the dorsal columns.
   * Lost early in length-dependent neuropathies and in dorsal column disease; a single root or
   * nerve lesion seldom takes them, because the joints and bones of the foot have overlapping
   * supply.
   */
  deepSensory: {
    root: r(0.1, "Vibration and position sense are rarely lost with a single root lesion.", [
      "preston2020",
      "aids2010",
    ]),
    plexus: r(0.3, "", ["preston2020"]),
    nerve: r(
      0.25,
      "A single nerve lesion seldom takes joint position sense of the toe: other nerves supply the joint too.",
      ["aids2010", "stewart2010"],
    ),
    muscle: r(0, "", ["preston2020"]),
    anterior_horn: r(0, "Motor neuron disease spares sensation.", ["preston2020"]),
    length_dependent: r(
      0.75,
      "Distal vibration sense is among the first losses of a length-dependent neuropathy.",
      ["preston2020"],
    ),
    myopathy: r(0, "", ["preston2020"]),
    umn: r(0.4, "Dorsal column lesions of the cord take vibration and position sense below them.", [
      "aids2010",
    ]),
  },
  /** Needle EMG neurogenic change (fibrillations, neurogenic MUAPs, reduced recruitment) once established. */
  neurogenicEmg: {
    root: r(
      0.8,
      "Needle EMG finds denervation or reinnervation in most muscles with a major share from the damaged root.",
      ["wilbourn1998", "dillingham2000"],
    ),
    plexus: r(0.9, "Axonal plexus lesions denervate their territory.", ["dyck2002"]),
    nerve: r(0.9, "Axonal nerve lesions denervate the muscles distal to them.", ["katirji2002"]),
    muscle: r(0.2, "Focal myositis or infarction can show fibrillations with small units.", ["preston2020"]),
    anterior_horn: r(0.9, "Motor neuron disease denervates muscles in several regions.", ["preston2020"]),
    length_dependent: r(
      0.6,
      "Distal foot and leg muscles show chronic denervation in length-dependent neuropathy.",
      ["preston2020"],
    ),
    myopathy: r(
      0.25,
      "Inflammatory and necrotising myopathies show fibrillations, but with myopathic units.",
      ["preston2020"],
    ),
    umn: r(0, "Upper motor neuron lesions do not denervate muscle.", ["preston2020"]),
  },
  /** Sensory nerve action potentials low or absent. */
  snapLoss: {
    root: r(0, "Root lesions are proximal to the dorsal root ganglion: sensory responses stay normal.", [
      "wilbourn1998",
      "preston2020",
    ]),
    plexus: r(
      0.85,
      "Plexus lesions are distal to the ganglion and lower the sensory responses of the territory.",
      ["preston2020"],
    ),
    nerve: r(
      0.85,
      "Nerve lesions distal to the ganglion lower the sensory response once Wallerian degeneration is complete.",
      ["preston2020"],
    ),
    muscle: r(0, "", ["preston2020"]),
    anterior_horn: r(0, "Motor neuron disease spares sensory responses.", ["preston2020"]),
    length_dependent: r(
      0.85,
      "Distal sensory responses are the first abnormality of length-dependent neuropathy.",
      ["preston2020"],
    ),
    myopathy: r(0, "", ["preston2020"]),
    umn: r(0, "", ["preston2020"]),
  },
  /** Motor response amplitude low (axonal loss in the recorded muscle). */
  cmapLoss: {
    root: r(
      0.35,
      "Motor amplitudes fall only with severe axonal loss at the root, and two roots supply each foot muscle.",
      ["wilbourn1998", "levin2002"],
    ),
    plexus: r(0.75, "Axonal plexus lesions lower the motor responses of their territory.", ["preston2020"]),
    nerve: r(0.8, "Axonal nerve lesions lower the motor response distal to them.", ["katirji2002"]),
    muscle: r(0.2, "", ["preston2020"]),
    anterior_horn: r(0.6, "Motor amplitudes fall as motor neurons are lost.", ["preston2020"]),
    length_dependent: r(0.6, "Foot muscle responses fall in length-dependent neuropathy.", ["preston2020"]),
    myopathy: r(0.15, "Distal motor responses are usually normal in myopathy.", ["preston2020"]),
    umn: r(0, "", ["preston2020"]),
  },
  /**
   * Distal latency prolonged or conduction velocity slowed: the mark of demyelination (or of a study
   * crossing a focal compression). Axon loss lowers amplitudes and slows conduction only a little,
   * in proportion to the fastest fibres lost (velocity rarely below 75% of the lower limit, latency
   * rarely above 130% of the upper: Preston & Shapiro), and a root lesion, proximal to every
   * segment studied, leaves distal latency and velocity normal.
   */
  conductionSlowing: {
    root: r(0.02, "Root lesions lie proximal to every segment a routine study measures.", [
      "wilbourn1998",
      "preston2020",
    ]),
    plexus: r(0.1, "Plexus lesions are mostly axonal: amplitudes fall, speeds barely change.", [
      "preston2020",
    ]),
    nerve: r(
      0.4,
      "A compressive nerve lesion slows conduction across it (at the fibular head, in the tarsal tunnel); an axonal one does not.",
      ["katirji2002", "preston2020"],
    ),
    muscle: r(0, "", ["preston2020"]),
    anterior_horn: r(0.05, "Motor neuron loss slows conduction only with severe loss of the fastest axons.", [
      "preston2020",
    ]),
    length_dependent: r(
      0.5,
      "Neuropathies slow distal conduction, a little when axonal and much when demyelinating.",
      ["preston2020"],
    ),
    myopathy: r(0, "", ["preston2020"]),
    umn: r(0, "", ["preston2020"]),
  },
  /** Late responses (F-wave, H-reflex) absent or prolonged. */
  lateResponse: {
    root: r(0.6, "The H-reflex is lost or delayed in most S1 radiculopathies; F-waves are less sensitive.", [
      "levin2002",
      "preston2020",
    ]),
    plexus: r(0.6, "", ["preston2020"]),
    nerve: r(0.6, "", ["preston2020"]),
    muscle: r(0, "", ["preston2020"]),
    anterior_horn: r(0.3, "", ["preston2020"]),
    length_dependent: r(0.6, "", ["preston2020"]),
    myopathy: r(0, "", ["preston2020"]),
    umn: r(0, "", ["preston2020"]),
  },
  /** Myopathic units (small, short, polyphasic, early recruitment). */
  myopathicEmg: {
    muscle: r(0.6, "Focal myositis and muscle infarction show myopathic units in the affected muscle.", [
      "preston2020",
    ]),
    myopathy: r(
      0.85,
      "Myopathies show small, short, polyphasic units with early recruitment in weak muscles.",
      ["preston2020"],
    ),
  },
} satisfies Record<string, Partial<Record<LesionClass, Rated>>>;

export type FindingFamily = keyof typeof sensitivity;

/** Probability of an abnormal finding where no lesion reaches (exam error, other disease, age). */
export const falsePositive = {
  weakness: r(
    0.04,
    "Pain, effort and examiner variation make an unaffected movement seem weak now and then.",
    ["aids2010"],
  ),
  reflexLoss: r(
    0.05,
    "A reflex may be hard to elicit in a healthy person, especially without reinforcement.",
    ["vrancken2006"],
  ),
  ankleJerkLossOver60: r(0.23, "About a quarter of healthy people over 60 lack ankle jerks.", [
    "vrancken2006",
  ]),
  medialHamstringLoss: r(0.15, "The medial hamstring reflex is hard to elicit even in healthy people.", [
    "esene2012",
  ]),
  umnSign: r(0.01, "Brisk reflexes alone can be normal; clonus and an extensor plantar are rarely so.", [
    "aids2010",
  ]),
  sensoryChange: r(0.08, "Sensory examination is subjective; small patches of change are common.", [
    "lee2008",
  ]),
  deepSensory: r(0.05, "Vibration sense at the toe falls with age; otherwise a normal person keeps it.", [
    "vrancken2006",
  ]),
  sensorySymptom: r(
    0.3,
    "Among people who present with leg symptoms, pain and tingling without a neural lesion are common: joints, muscles, vessels and referred somatic pain.",
    ["bogduk2009"],
  ),
  neurogenicEmg: r(0.03, "Isolated fibrillations or large units in a normal muscle are uncommon.", [
    "preston2020",
  ]),
  paraspinalEmg: r(0.1, "Paraspinal fibrillations occur in some asymptomatic older people.", [
    "wilbourn1998",
  ]),
  snapLoss: r(0.05, "A low sensory response in a healthy young adult is uncommon at the usual limits.", [
    "chen2016",
  ]),
  snapLossOver60: r(0.15, "Sural and superficial peroneal responses fall with age.", [
    "tavee2014",
    "vrancken2006",
  ]),
  snapLossOver75: r(0.35, "After 75 an absent sural response may be normal.", ["tavee2014"]),
  cmapLoss: r(0.05, "Foot muscle responses are sometimes low from footwear, foot surgery or cold.", [
    "preston2020",
  ]),
  conductionSlowing: r(
    0.05,
    "A cold limb, or a value near its limit, reads as slowed in people without a lesion.",
    ["preston2020"],
  ),
  lateResponse: r(0.08, "Late responses vary with height and age and are often absent after 60 (H-reflex).", [
    "preston2020",
  ]),
  lateResponseOver60: r(0.2, "The H-reflex is often absent on both sides after 60.", ["preston2020"]),
  myopathicEmg: r(0.02, "Myopathic units are rarely seen in normal muscle.", ["preston2020"]),
} satisfies Record<string, Rated>;

/**
 * Needle EMG depends on time since onset: fibrillations take about 2 to 3 weeks in limb muscles
 * (sooner in the paraspinals), neurogenic units take months, reduced recruitment is seen at once.
 */
export const emgTiming = {
  fibrillationsLimb: [
    { beforeDay: 10, value: 0.1 },
    { beforeDay: 21, value: 0.45 },
    { beforeDay: Number.POSITIVE_INFINITY, value: 0.85 },
  ],
  fibrillationsParaspinal: [
    { beforeDay: 7, value: 0.3 },
    { beforeDay: 14, value: 0.6 },
    { beforeDay: Number.POSITIVE_INFINITY, value: 0.6 },
  ],
  neurogenicMuap: [
    { beforeDay: 28, value: 0.15 },
    { beforeDay: 90, value: 0.55 },
    { beforeDay: Number.POSITIVE_INFINITY, value: 0.85 },
  ],
  reducedRecruitment: 0.7,
  sources: ["wilbourn1998", "levin2002", "preston2020", "pezzin1999"],
  why: "Wallerian degeneration takes days and fibrillations follow it; reinnervation (large polyphasic units) takes months. Paraspinals denervate first but their yield in established radiculopathy is only moderate.",
};

/**
 * Nerve conduction depends on time since onset too: after an axon is cut, the part beyond the cut
 * conducts for some days, so a distal motor response falls between about day 3 and day 9 and a
 * sensory response between about day 6 and day 11 (Wallerian degeneration: Chaudhry & Cornblath
 * 1992). Before then a lost axon still answers distal stimulation, and only a study across the
 * lesion (conduction block) shows it: the motor response keeps some of its sensitivity for that.
 */
export const ncsTiming = {
  cmapLoss: [
    { beforeDay: 3, value: 0.35 },
    { beforeDay: 9, value: 0.7 },
    { beforeDay: Number.POSITIVE_INFINITY, value: 1 },
  ],
  snapLoss: [
    { beforeDay: 6, value: 0.15 },
    { beforeDay: 11, value: 0.55 },
    { beforeDay: Number.POSITIVE_INFINITY, value: 1 },
  ],
  sources: ["chaudhry1992", "preston2020"],
};

/**
 * Large, long, polyphasic units are reinnervation: the mark of a neurogenic process. Muscle disease
 * gives small, short units; only occasionally (chronic myositis) are large ones seen.
 */
export const largeUnitsInMuscleDisease = r(
  0.15,
  "Neurogenic (large, long-duration) units are rare in myositis and myopathy, which give small short units.",
  ["preston2020"],
);

/** An equivocal needle finding (increased insertional activity alone): how often it is seen. */
export const equivocal = {
  withLesion: r(0.45, "Increased insertional activity alone is a soft sign of denervation.", ["preston2020"]),
  withoutLesion: r(0.25, "It is also common in normal and older muscle and depends on the examiner.", [
    "preston2020",
  ]),
};

/**
 * Age takes the ankle jerks, the distal sensory responses and the H-reflexes together, on both
 * sides: one latent per case ("this person's distal nerves have aged"), not an independent chance
 * per finding. Its probability by age; within it each such finding is abnormal often enough that the
 * per-finding rates above stay the marginal ones.
 */
/**
 * The paraspinal false-positive rate by age and after spine surgery (falsePositive.paraspinalEmg is
 * the rate in middle age). Fibrillations and positive waves in the lumbosacral paraspinals of people
 * without symptoms rise with age (14.5% overall, none of the youngest, most in the oldest: Date
 * 1996), and after a posterior approach to the lumbar spine they are the rule for years (17 of 20
 * without recurrence up to 41 months after laminectomy: See & Kraft 1975), so they then say next to
 * nothing about a root. The bands are round figures around those reports.
 */
export const paraspinalFalsePositive = {
  under40: r(0.04, "Spontaneous activity in the paraspinals of young people without symptoms is rare.", [
    "date1996",
  ]),
  over60: r(0.25, "Paraspinal spontaneous activity without symptoms is commonest in the oldest subjects.", [
    "date1996",
  ]),
  afterSpineSurgery: r(0.8, "Posterior lumbar surgery leaves the paraspinals denervated for years.", [
    "see1975",
    "wilbourn1998",
  ]),
};

export const ageing = {
  over60: r(
    0.25,
    "About a quarter of healthy people over 60 lack ankle jerks and have low distal sensory responses.",
    ["vrancken2006"],
  ),
  over75: r(0.4, "After 75 an absent sural response and absent ankle jerks are common in health.", [
    "tavee2014",
    "vrancken2006",
  ]),
};

/**
 * How far the patient-reported parts of the examination (strength, sensation) can be trusted is a
 * property of the patient more than of each movement or patch of skin: pain, fear of being hurt
 * and illness behaviour give give-way weakness and sensory change that ignores anatomy over whole
 * regions in some patients, while most show little outside their lesion. One latent per case, as
 * with ageing: with chance `unreliable` the examination is unreliable and a strength or sensory
 * finding no lesion reaches is abnormal at the rates below; otherwise at the lower rate that keeps
 * the falsePositive rates above as the average over patients.
 */
export const subjectiveExam = {
  unreliable: r(
    0.2,
    "Non-anatomic (regional) weakness and sensory change, and other non-organic signs, are found in a minority of patients with back and leg pain; the sensory examination's specificity for root compression is only about 0.6 across studies.",
    ["waddell1980", "tawa2017"],
  ),
  sensoryChange: r(
    0.3,
    "Regional sensory disturbance takes in a whole region of the leg rather than a dermatome or a nerve's territory.",
    ["waddell1980"],
  ),
  weakness: r(0.15, "Give-way weakness of many movements of the painful leg, beyond any one root or nerve.", [
    "waddell1980",
  ]),
};

/** Typical duration in days when only `context.onset` is given. */
export const onsetDays = { acute: 14, subacute: 60, chronic: 180, unknown: 60 };

/** Strength grade distribution given weakness: mild (4-, 4, 4+), moderate (3-, 3, 3+), severe (0 to 2+). */
export const gradeGivenWeak: Record<LesionClass | "unexplained", [number, number, number]> = {
  root: [0.6, 0.3, 0.1],
  plexus: [0.35, 0.3, 0.35],
  nerve: [0.3, 0.3, 0.4],
  muscle: [0.6, 0.3, 0.1],
  anterior_horn: [0.4, 0.35, 0.25],
  length_dependent: [0.5, 0.3, 0.2],
  myopathy: [0.5, 0.4, 0.1],
  umn: [0.35, 0.35, 0.3],
  unexplained: [0.8, 0.15, 0.05],
};
/**
 * Severity is one latent per lesion: the grade of a weak muscle follows how much of the site is
 * lost, not only the kind of lesion. Multipliers on gradeGivenWeak at each severity level (the
 * levels of priors.ts severity, mild to complete), renormalised: a complete lesion of any kind
 * makes paralysis likelier, a mild one makes it rarer.
 */
export const gradeBySeverity: [number, number, number][] = [
  [2, 0.5, 0.1],
  [1.5, 0.7, 0.3],
  [1, 1, 1],
  [0.5, 1, 2.5],
];
export const gradeSources = {
  why: "A single root lesion rarely paralyses a muscle because every leg muscle has two or three roots; nerve and plexus lesions can. Weakness without a lesion is mild.",
  sources: ["wilbourn1998", "levin2002", "katirji2002"],
};

/**
 * A root lesion that takes every root of a muscle (two adjacent roots, as in neuralgic amyotrophy
 * or two-level stenosis) behaves like a plexus lesion for that muscle: severe weakness and a low
 * motor response become possible. Between `from` and 1 of the muscle's supply, root behaviour
 * slides towards plexus behaviour.
 */
export const wholeSupply = {
  from: 0.7,
  why: "Overlapping root supply is what keeps a single root lesion from paralysing a muscle; when all its roots are cut that protection is gone.",
  sources: ["wilbourn1998", "phillips1991"],
};

/** Upper motor neuron signs take days to appear after an acute lesion (cerebral or spinal shock). */
export const umnTiming = {
  beforeDay: 7,
  factor: 0.5,
  why: "In the first days after a stroke or cord lesion the reflexes may be normal or depressed and the plantar flexor.",
  sources: ["aids2010"],
};

/**
 * Sensory involvement is a property of the whole lesion, not of each patch of skin: the chance
 * that a lesion of this class numbs its territory at all. Within an involved territory each region
 * then shows with `withinTerritory`.
 */
export const sensoryInvolvement: Record<LesionClass, number> = {
  root: 0.65,
  plexus: 0.85,
  nerve: 0.9,
  muscle: 0,
  anterior_horn: 0,
  length_dependent: 0.85,
  myopathy: 0,
  umn: 0.3,
};
export const withinTerritory = r(
  0.9,
  "Inside a numb territory most tested regions are abnormal; the edges vary.",
  ["lee2008"],
);
export const sensoryInvolvementSources = {
  why: "Dermatomal sensory loss is absent in about a third of radiculopathies; nerve and plexus lesions nearly always numb their territory; central lesions blunt sensation in a minority.",
  sources: ["wilbourn1998", "levin2002", "stewart2010", "aids2010"],
};

/**
 * Symptoms of irritated fibres do not grow with the share cut: a lesion that reaches this share of a
 * region's supply gives them at full chance (below it, in proportion).
 */
export const irritation = r(
  0.2,
  "Pain and paraesthesia arise from irritated or ectopically firing fibres, so any real involvement of a region's supply can produce them.",
  ["bogduk2009"],
);

/**
 * Where the pain of a root lesion is felt beyond its dermatome: radicular pain spreads along the
 * leg in a band wider than the dermatome of sensory loss (pain drawings follow the dermatome in
 * only a minority), over the buttock and the back of the thigh for the lower roots and the front
 * of the thigh and the groin for the upper. A region listed here reaches `share` of its supply
 * through the root, for pain and paraesthesia only.
 */
export const radicularReferral = {
  share: 0.5,
  regions: {
    L1: ["groin", "thigh_anterior"],
    L2: ["groin", "thigh_anterior", "thigh_medial", "thigh_lateral"],
    L3: ["thigh_anterior", "thigh_medial", "thigh_lateral", "knee_anterior", "knee_medial"],
    L4: ["thigh_anterior", "thigh_lateral", "knee_anterior", "knee_medial", "leg_medial"],
    L5: ["buttock", "thigh_lateral", "thigh_posterior", "leg_anterolateral", "calf_posterior", "foot_dorsum"],
    S1: ["buttock", "thigh_posterior", "calf_posterior", "heel", "foot_lateral", "sole_lateral"],
    S2: ["buttock", "thigh_posterior", "calf_posterior"],
  } as Record<string, string[]>,
  why: "Radicular pain from L5 and S1 runs through the buttock and back of the thigh into the leg; from L2 to L4 over the front of the thigh towards the knee; its drawings overlap neighbouring dermatomes more often than not.",
  sources: ["murphy2009", "bogduk2009", "levin2002"],
};

/** How the share of supply cut translates to the chance a finding shows: full effect from `saturation` up. */
export const shareCurve = {
  saturation: 0.6,
  exponent: 1.2,
  why: "A muscle that loses a minor root (a fifth of its supply) is rarely weak or denervated on needle examination; losing its main root usually shows.",
  sources: ["wilbourn1998", "phillips1991"],
};

/** Imaging: how often a finding is seen with and without a matching lesion. */
export const imaging = {
  degenerativeAtLevel: {
    matching: r(0.8, "A symptomatic root usually has a compressive lesion at its level on MRI.", [
      "jensen1994",
    ]),
    background: r(0.3, "Disc protrusions and stenosis are common in people without symptoms.", [
      "jensen1994",
      "brinjikji2015",
      "boden1990",
    ]),
  },
  /** The report says the disc or stenosis compresses, displaces or contacts a root: rarer without symptoms. */
  rootCompression: {
    matching: r(
      0.6,
      "When the report names a root as compressed, displaced or contacted, that root is usually the symptomatic one.",
      ["jensen1994", "brinjikji2015"],
    ),
    background: r(
      0.07,
      "Root compression or displacement is uncommon on MRI in people without symptoms, unlike bulges and protrusions.",
      ["jensen1994", "boden1990"],
    ),
  },
  rootEnhancement: {
    matching: r(
      0.5,
      "Gadolinium enhancement of roots accompanies inflammatory and neoplastic root disease.",
      ["dyck2002"],
    ),
    background: r(0.02, "Enhancing roots are rare without root disease.", ["dyck2002"]),
  },
  plexusSignal: {
    matching: r(0.7, "MRI shows enlargement, enhancement or a mass in most structural plexopathies.", [
      "dyck2002",
      "stewart2010",
    ]),
    background: r(0.02, "Plexus abnormality without plexopathy is rare.", ["stewart2010"]),
  },
  /** Signal change in the spinal cord on MRI: oedema, myelitis, the congestion of a dural fistula. */
  cordSignal: {
    cordLesion: r(
      0.7,
      "A lesion of the cord or conus that shows in the legs usually changes the cord's T2 signal; a dural fistula's congestion nearly always does.",
      ["gilbertson1995"],
    ),
    background: r(
      0.03,
      "T2 signal change in the cord is uncommon without a cord lesion, even among people scanned for one.",
      ["gilbertson1995"],
    ),
  },
  nerveEnlargement: {
    matching: r(
      0.6,
      "Ultrasound or MRI shows focal enlargement at most entrapment, tumour and inflammatory nerve lesions.",
      ["preston2020"],
    ),
    background: r(0.03, "", ["preston2020"]),
  },
  muscleEdema: {
    denervated: r(0.5, "Denervated muscle shows oedema on MRI from about two weeks.", ["preston2020"]),
    muscleLesion: r(0.9, "Myositis and infarction show oedema in the muscle.", ["preston2020"]),
    background: r(0.03, "", ["preston2020"]),
  },
  muscleFatty: {
    denervated: r(0.3, "Chronic denervation turns muscle to fat.", ["preston2020"]),
    muscleLesion: r(0.3, "", ["preston2020"]),
    background: r(0.05, "", ["preston2020"]),
  },
  muscleHypertrophy: {
    denervated: r(0.05, "Chronic S1 denervation occasionally enlarges the calf (neurogenic hypertrophy).", [
      "preston2020",
    ]),
    muscleLesion: r(0.5, "Focal myositis and pseudohypertrophy enlarge the muscle.", ["preston2020"]),
    background: r(0.01, "", ["preston2020"]),
  },
  normalSpine: {
    rootLesion: r(0.25, "Most compressive root lesions show on MRI; inflammatory ones may not.", [
      "jensen1994",
    ]),
    background: r(0.5, "Many people have some degenerative change.", ["brinjikji2015"]),
  },
  /** An occluded artery on duplex or angiography: the leg's complaint is vascular. */
  arterialOcclusion: {
    notNeural: r(
      0.6,
      "Arterial insufficiency is the commonest non-neural cause of a painful weak leg in vascular patients.",
      ["norgren2007"],
    ),
    background: r(0.05, "Arterial disease is common and may coexist with a neural lesion.", ["norgren2007"]),
  },
  /** Arthritis, osteonecrosis or effusion of the hip or knee. */
  jointDisease: {
    notNeural: r(0.6, "Hip and knee disease cause leg pain that mimics radiculopathy.", ["brown2004"]),
    background: r(0.2, "Degenerative joint disease is common in older people with neural lesions too.", [
      "brown2004",
    ]),
  },
  normalNerveUltrasound: {
    nerveLesion: r(
      0.4,
      "Most compressive, tumorous and inflammatory nerve lesions swell the nerve at or above the lesion.",
      ["preston2020"],
    ),
    plexusLesion: r(0.7, "Ultrasound reaches the pelvic plexus poorly.", ["preston2020"]),
    background: r(0.9, "", ["preston2020"]),
  },
  normalLimb: {
    muscleLesion: r(0.1, "Myositis, infarction and haematoma show on limb MRI.", ["preston2020"]),
    denervated: r(0.5, "Denervation oedema appears from about two weeks and is not always seen.", [
      "preston2020",
    ]),
    background: r(0.9, "", ["preston2020"]),
  },
  normalPlexus: {
    plexusLesion: r(0.3, "", ["dyck2002"]),
    background: r(0.9, "", ["dyck2002"]),
  },
  /** A plexus or a pelvic nerve seen abnormal when the other is the lesion. */
  plexusNeighbour: {
    nerveSignalUnderPlexusLesion: r(
      0.4,
      "A plexus lesion often swells or enhances the nerves leaving it in the pelvis, not those of the leg or foot.",
      ["dyck2002", "stewart2010"],
    ),
    plexusSignalUnderNerveLesion: r(
      0.3,
      "A lesion of a pelvic nerve close to the plexus may read on MRI as the plexus's own.",
      ["stewart2010"],
    ),
  },
  /**
   * A brain lesion on CT or MRI. The pyramidal tract crosses at the medulla: a hemisphere lesion
   * weakens the opposite leg, so a lesion reported on one side fits the other leg's weakness.
   */
  brainLesion: {
    fits: r(
      0.8,
      "A central lesion weak enough to weaken a leg shows on brain imaging in most patients, on the side opposite the leg.",
      ["blumenfeld2021", "westhout2007"],
    ),
    sameSide: r(0.1, "A hemisphere lesion on the same side as the weak leg does not explain it.", [
      "blumenfeld2021",
    ]),
    background: r(
      0.02,
      "A brain lesion reported as a tag beside a peripheral lesion: incidental findings, rarely the cause.",
      ["westhout2007"],
    ),
    untaggedFloor: r(
      0.05,
      "An untagged brain report may describe something incidental; it is read a little more loosely than a tagged lesion.",
      ["westhout2007"],
    ),
  },
  /** Brain CT or MRI read as normal. */
  normalBrain: {
    centralLesion: r(
      0.2,
      "A hemisphere or brainstem lesion that weakens a leg is usually seen on MRI; early ischaemia can escape CT.",
      ["blumenfeld2021", "westhout2007"],
    ),
    background: r(0.9, "", ["blumenfeld2021"]),
  },
  /** A mass or haematoma on imaging, by where it is seen and the lesion it would press on. */
  mass: {
    spinalAtRoot: r(
      0.5,
      "A mass in the spinal canal or foramen on the side of a root lesion often compresses that root.",
      ["jaeckle1985", "preston2020"],
    ),
    spinalCauda: r(0.5, "A mass in the lumbar canal compresses the cauda equina or the conus.", [
      "preston2020",
    ]),
    pelvicNamedNerve: r(0.6, "A pelvic scan that names the nerves a mass presses on says which are hit.", [
      "jaeckle1985",
      "stewart2010",
    ]),
    pelvicOtherNerve: r(0.05, "A nerve the report does not name beside the mass is seldom the one hit.", [
      "stewart2010",
    ]),
    pelvicPlexusBesideNamed: r(0.3, "The plexus next to the nerves named may be involved too.", [
      "jaeckle1985",
    ]),
    pelvicPlexus: r(0.6, "A pelvic mass invades or compresses the lumbosacral plexus.", ["jaeckle1985"]),
    pelvicNerve: r(0.4, "A pelvic mass may press a nerve leaving the pelvis (sciatic, femoral, obturator).", [
      "stewart2010",
    ]),
    limbMuscle: r(0.45, "A limb mass or haematoma is often within the muscle it involves.", ["preston2020"]),
    limbNerve: r(0.45, "A limb mass or haematoma compresses the nerve it lies on in about half the cases.", [
      "stewart2010",
    ]),
    background: r(0.02, "A mass that the hypothesis does not place near its lesion is incidental.", [
      "stewart2010",
    ]),
  },
  /** Denervation shows on limb MRI only after some days. */
  denervationOedema: {
    fromDay: r(10, "Denervation oedema on MRI appears after about one to two weeks.", ["preston2020"]),
    early: r(0.3, "Before then a denervated muscle seldom shows oedema.", ["preston2020"]),
  },
};

/** Signs seen in the muscle: a lower motor neuron lesion's twitching and a denervated muscle's enlargement. */
export const muscleSigns = {
  /**
   * Wasting read as the weakness of the muscles under it, at this share of a weakness's
   * sensitivity: it needs weeks of denervation and a large share of the muscle lost.
   */
  atrophy: r(
    0.6,
    "Visible wasting follows weeks of denervation of much of a muscle: about half as telling as weakness.",
    ["preston2020", "campbell2020"],
  ),
  fasciculations: {
    anteriorHorn: r(
      0.7,
      "Fasciculations seen at the bedside are a cardinal sign of motor neuron disease, found in most patients.",
      ["preston2020", "campbell2020"],
    ),
    root: r(0.1, "Chronic root compression occasionally makes its muscles twitch.", ["preston2020"]),
    background: r(
      0.05,
      "Benign fasciculations are common in healthy people; an examiner sees them in a few.",
      ["preston2020", "campbell2020"],
    ),
  },
  hypertrophy: {
    denervated: r(
      0.1,
      "Chronic denervation occasionally enlarges a muscle (neurogenic hypertrophy, mostly the calf).",
      ["preston2020"],
    ),
    background: r(0.02, "", ["preston2020"]),
  },
};

/** Raised CSF protein: roots bathed in the CSF. */
export const csfProtein = {
  elevated: {
    intraspinalRoots: r(
      0.7,
      "Inflammatory polyradiculopathy, leptomeningeal disease and a blocked lumbar canal raise CSF protein in most patients.",
      ["dyck2002", "preston2020"],
    ),
    rootOrPlexus: r(
      0.3,
      "A single root lesion or a radiculoplexus neuropathy raises it in some (diabetic radiculoplexus neuropathy often).",
      ["dyck2002"],
    ),
    background: r(0.1, "CSF protein rises with age and diabetes without root disease.", ["dyck2002"]),
  },
};

/** A tender muscle: inflamed, infarcted or bleeding muscle is tender; a denervated one rarely. */
export const muscleTenderness = {
  muscleLesion: r(
    0.7,
    "Focal myositis, diabetic muscle infarction and intramuscular haematoma are painful and tender to touch.",
    ["preston2020"],
  ),
  background: r(0.15, "Muscles over a painful radiculopathy or in a strained leg are often sore too.", [
    "preston2020",
  ]),
};

/**
 * Tenderness over a nerve where it is entrapped (the tarsal tunnel, the fibular neck, the inguinal
 * ligament): weaker than a Tinel sign (bedside.tinel), for local tenderness there has other causes
 * (tendons, fascia, joints).
 */
export const nerveTenderness = {
  atSite: r(0.3, "Pressure over an entrapped nerve at the place of entrapment is often locally tender.", [
    "stewart2010",
  ]),
  background: r(0.1, "Tendons, fascia and joints make the same places tender without a nerve lesion.", [
    "stewart2010",
  ]),
};

/** Sphincters and saddle: bilateral sacral root disease is the usual cause. */
export const sphincter = {
  withSacralBilateral: r(
    0.8,
    "Bladder and bowel dysfunction accompany most cauda equina and conus lesions.",
    ["preston2020"],
  ),
  background: r(0.05, "Urinary symptoms are common in older people for other reasons.", ["preston2020"]),
};

/** Tension signs. */
export const tension = {
  straightLegRaise: {
    matching: r(
      0.7,
      "Straight leg raising is positive in most L5/S1 root compressions (sensitive, not specific).",
      ["levin2002"],
    ),
    background: r(0.15, "", ["levin2002"]),
  },
  crossedStraightLegRaise: {
    matching: r(0.3, "Crossed straight leg raising is insensitive but specific for disc herniation.", [
      "levin2002",
    ]),
    background: r(0.02, "", ["levin2002"]),
  },
  femoralStretch: {
    matching: r(0.5, "The femoral stretch test is positive in upper lumbar (L2-L4) root lesions.", [
      "levin2002",
    ]),
    background: r(0.1, "", ["levin2002"]),
  },
};

/** Creatine kinase. */
export const ck = {
  elevated: {
    muscle: r(0.8, "Muscle disease raises CK.", ["preston2020"]),
    neurogenic: r(0.15, "Denervation raises CK mildly now and then.", ["preston2020"]),
    background: r(0.08, "Exercise and injections raise CK.", ["preston2020"]),
  },
};

/**
 * Signs of FORMAT v1.1 that weigh hypotheses as a whole: how often each is found under the lesions
 * it points to and otherwise. "Not neurological" is the hypothesis of no neural lesion (a joint, a
 * vessel).
 */
export const bedside = {
  tinel: {
    atSite: r(
      0.5,
      "Tapping over an entrapment gives tingling in the nerve's territory in about half of entrapments at that place.",
      ["stewart2010", "preston2020"],
    ),
    background: r(0.1, "Tinel-like tingling is also found over healthy nerves.", ["stewart2010"]),
  },
  absentPulses: {
    notNeural: r(
      0.5,
      "When a leg's complaints are not neurological, arterial insufficiency is a leading cause and leaves the foot pulses weak or absent.",
      ["norgren2007"],
    ),
    background: r(0.06, "Foot pulses are impalpable in a few per cent of people without arterial disease.", [
      "norgren2007",
    ]),
  },
  coldPaleLimb: {
    notNeural: r(0.4, "A cold, pale leg is acute or critical limb ischaemia until proved otherwise.", [
      "norgren2007",
    ]),
    background: r(0.01, "", ["norgren2007"]),
  },
  hipPainOnRotation: {
    notNeural: r(
      0.6,
      "Pain on passive rotation of the hip and groin pain point to the hip joint rather than the spine.",
      ["brown2004"],
    ),
    upperLumbar: r(0.15, "Upper lumbar root and femoral lesions can make hip movement painful.", [
      "brown2004",
    ]),
    background: r(0.05, "", ["brown2004"]),
  },
  sensoryLevel: {
    cord: r(0.6, "A truncal sensory level marks a spinal cord lesion.", ["aids2010", "preston2020"]),
    background: r(0.01, "", ["aids2010"]),
  },
  armWeakness: {
    hemisphere: r(0.6, "A hemisphere lesion that weakens the leg usually weakens the arm on that side too.", [
      "aids2010",
    ]),
    legArea: r(0.15, "A lesion of the leg area alone spares the arm.", ["westhout2007"]),
    cord: r(0.2, "Only a cervical cord lesion weakens the arms as well as the legs.", ["aids2010"]),
    generalised: r(
      0.4,
      "Motor neuron disease, myopathy and acute polyradiculoneuropathy weaken the arms as well.",
      ["preston2020"],
    ),
    background: r(0.02, "", ["aids2010"]),
  },
  facialWeakness: {
    hemisphere: r(0.5, "Lower facial weakness accompanies most hemisphere lesions that weaken arm and leg.", [
      "aids2010",
    ]),
    generalised: r(0.3, "Facial weakness is common in acute inflammatory polyradiculoneuropathy.", [
      "preston2020",
    ]),
    background: r(0.01, "", ["aids2010"]),
  },
  conductionBlock: {
    atSite: r(
      0.6,
      "Conduction block or focal slowing across a segment marks a focal demyelinating lesion at that segment.",
      ["preston2020", "katirji2002"],
    ),
    demyelinating: r(
      0.2,
      "Acquired and hereditary demyelinating neuropathies block conduction at several places.",
      ["preston2020"],
    ),
    background: r(0.02, "", ["preston2020"]),
  },
  /** A symptom the patient denies, where the hypothesis would usually cause it. */
  deniedSphincter: {
    withSacralBilateral: r(
      0.2,
      "Most cauda equina and conus lesions disturb the bladder; a denial argues against them.",
      ["preston2020"],
    ),
  },
};
