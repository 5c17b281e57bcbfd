/**
 * What a report's silence says. A clinician who writes up an examination mentions what was
 * abnormal far more often than what was normal, so an item of a routine examination that the
 * report does not mention is probably normal: not certainly (turning every unmentioned item into a
 * hard normal finding over-reads reports that were focused on the complaint), but enough that a
 * hypothesis predicting many unmentioned abnormalities pays for them. This is the electromyographer's
 * rule of the least extensive lesion that accounts for every abnormality, stated as a likelihood:
 * an unmentioned item that would be abnormal under a hypothesis with probability p is unmentioned
 * with probability 1 - r p, r being how often such an abnormality would have been reported.
 */

import type { Rated } from "./evidence.js";

const r = (value: number, why: string, sources: string[]): Rated => ({ value, why, sources });

/**
 * The items of a routine lower-limb examination, on each side: the ISNCSCI key muscle groups and
 * key sensory points of L2 to S1 widened to the movements, reflexes and skin regions the MRC
 * booklet and the radiculopathy examination test as a matter of course. Items outside it (hip
 * rotation, small foot muscles, the perineum, the cremasteric reflex) are often not examined, so
 * their silence says nothing.
 */
export const routineExamination = {
  movements: [
    "hip_flexion",
    "hip_adduction",
    "hip_abduction",
    "knee_extension",
    "knee_flexion",
    "ankle_dorsiflexion",
    "ankle_plantarflexion",
    "ankle_inversion",
    "ankle_eversion",
    "great_toe_extension",
  ],
  reflexes: ["patellar", "achilles"],
  regions: [
    "thigh_anterior",
    "thigh_lateral",
    "thigh_medial",
    "thigh_posterior",
    "knee_medial",
    "leg_anterolateral",
    "leg_medial",
    "calf_posterior",
    "foot_dorsum",
    "first_web_space",
    "foot_lateral",
    "sole_medial",
    "sole_lateral",
    "heel",
  ],
  why: "The ISNCSCI motor and sensory examination tests one key muscle group and one key point per segment from L2 to S1; the lumbosacral radiculopathy examination adds hip abduction and adduction, knee flexion, inversion and eversion and the knee and ankle jerks.",
  sources: ["kirshblum2011", "aids2010", "levin2002"],
};

/** How often an abnormal item would have been reported. */
export const reporting = {
  /** The report describes this kind of examination (strength, reflexes, sensation) on some item. */
  examined: r(
    0.5,
    "A report that grades some movements (or tests some reflexes, some skin) usually names the abnormal ones among those examined, though focused reports leave some out.",
    ["preston2020", "levin2002"],
  ),
  /** The report says nothing of this kind of examination at all (and no complaint of it stands unresolved). */
  unexamined: r(
    0.2,
    "A report silent on a whole kind of examination may not have done it; a marked deficit would still usually be remarked on.",
    ["preston2020"],
  ),
  /**
   * The report describes one leg and says nothing at all of the other: an examination compares the
   * sides, so an abnormality of the other leg would nearly always have been written.
   */
  otherSide: r(
    0.7,
    "The examination and the electrodiagnostic study compare each finding with the other side; a report silent on one leg implies it was unremarkable.",
    ["preston2020"],
  ),
  /** The most a hypothesis can lose to silence on each side, in nats: the rule is soft. */
  cap: r(
    3,
    "Silence is weak evidence: it may tilt between a small and a large lesion that explain the same findings, never outweigh a decisive finding.",
    ["preston2020"],
  ),
};
