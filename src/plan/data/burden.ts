/**
 * What a test costs the patient and the clinic: discomfort, time, risk and money, on one relative
 * scale where grading a movement at the bedside is 1. The planner divides a test's expected gain by
 * its burden, so only the ratios matter. These are Locus's judgments from the cited sources, not
 * measured utilities; change them here, never in code.
 */

export interface Rated {
  value: number;
  why: string;
  /** Keys into `planSources` (below) or the atlas sources table. */
  sources: string[];
}

const r = (value: number, why: string, sources: string[]): Rated => ({ value, why, sources });

export { planSources } from "./sources.js";

export const burden = {
  /** Bedside examination. */
  strength: r(1, "Grading a movement takes seconds and is painless.", ["aids2010"]),
  reflex: r(1, "A tendon reflex takes seconds and is painless.", ["aids2010"]),
  sensory: r(1, "Testing one skin region with a pin or cotton wool takes seconds.", ["aids2010"]),
  /** Nerve conduction: surface electrodes and brief electric shocks. */
  ncsSensory: r(
    1.5,
    "A sensory conduction study needs a few surface stimuli; mildly uncomfortable, a few minutes.",
    ["preston2020"],
  ),
  ncsMotor: r(
    2,
    "A motor study needs supramaximal stimuli at two or more points; most patients find the shocks more unpleasant than sensory stimuli.",
    ["preston2020"],
  ),
  ncsLate: r(
    2,
    "F-waves and the H-reflex need repeated stimuli (ten or more F-waves, a graded series for the H-reflex).",
    ["preston2020"],
  ),
  /** Needle EMG. */
  emgLimb: r(
    3,
    "A needle in a limb muscle is the most painful part of a routine study; the choice of muscle matters more than the needle or the examiner.",
    ["emgPain2014", "preston2020"],
  ),
  emgFoot: r(
    4,
    "Intrinsic foot muscles are among the more painful to needle and are often abnormal in healthy older feet, so they are needled only with a reason.",
    ["emgPain2014", "preston2020"],
  ),
  emgParaspinal: r(
    4,
    "Paraspinal muscles need several insertions through the thick back muscles at each level and full relaxation, lying prone.",
    ["preston2020", "dillingham2000"],
  ),
  emgSphincter: r(
    8,
    "Needling the external anal sphincter is intimate and uncomfortable; it is kept for suspected sacral root, conus or pudendal disease.",
    ["preston2020"],
  ),
  lab: r(1.5, "A blood sample: one venepuncture, cheap, done anywhere.", ["england2005"]),
  /** Imaging: time, money, access, contrast. */
  mriSpine: r(
    6,
    "Lumbosacral MRI costs far more than bedside or electrodiagnostic tests, takes a scanner slot and half an hour supine, and often shows incidental degenerative change.",
    ["brinjikji2015", "boden1990"],
  ),
  mriPlexus: r(
    8,
    "Pelvic (plexus) MRI needs a dedicated protocol, usually gadolinium, and a radiologist used to reading the plexus.",
    ["dyck2002", "stewart2010"],
  ),
  ultrasound: r(
    3,
    "Nerve ultrasound is painless and done at the bedside or in the laboratory, but needs a trained examiner and time.",
    ["preston2020"],
  ),
} satisfies Record<string, Rated>;

/**
 * How strongly burden weighs against information: tests are ranked by gain / burden^exponent.
 * At 1 a reflex with a tenth of a needle's information wins; at 0 burden is ignored.
 */
export const burdenExponent = {
  value: 0.5,
  why: "The bedside examination is cheap but each item tells little once the leading hypotheses are close; a physician still needles a muscle that settles the question rather than ten reflexes that nudge it. Gain per square root of burden keeps needles and imaging for when they pay.",
  sources: ["preston2020"],
};

/** Needle muscles that cost more than a limb muscle, by muscle id (others use `emgLimb`). */
export const emgBurdenByMuscle: Record<string, keyof typeof burden> = {
  extensor_digitorum_brevis: "emgFoot",
  abductor_hallucis: "emgFoot",
  abductor_digiti_minimi_pedis: "emgFoot",
  first_dorsal_interosseous_pedis: "emgFoot",
  flexor_hallucis_brevis: "emgFoot",
  external_anal_sphincter: "emgSphincter",
};
