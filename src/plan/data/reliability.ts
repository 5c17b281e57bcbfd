/**
 * How far two examiners agree on a test's result (Cohen's kappa), by kind of test and for the
 * bedside items known to be unreliable. The planner reads a result as the truth with probability
 * sqrt(kappa) and as chance otherwise (two examiners who each see the truth with probability a,
 * and guess at the base rate otherwise, agree beyond chance with kappa = a squared), so an item
 * that two examiners often read differently is worth little however well it separates in theory.
 * Values are Locus's reading of the cited studies; change them here, never in code.
 */
import type { TestKind } from "../tests.js";

export interface Agreement {
  kappa: number;
  why: string;
  sources: string[];
}

const k = (kappa: number, why: string, sources: string[]): Agreement => ({ kappa, why, sources });

/** Agreement by kind of limb test. */
export const agreementByKind: Record<Exclude<TestKind, "imaging" | "lab">, Agreement> = {
  strength: k(
    0.65,
    "Two examiners agreed on decreased muscle strength in sciatica with kappa 0.57-0.82; the lower half of that range is used for a single movement.",
    ["vroomen2000"],
  ),
  sensory: k(
    0.6,
    "Agreement on sensory loss in sciatica was in the same range as strength (0.57-0.82), and sensory testing depends on the patient's report.",
    ["vroomen2000"],
  ),
  reflex: k(0.47, "Agreement on reflex changes in sciatica was intermediate (kappa 0.42-0.53).", [
    "vroomen2000",
  ]),
  emg: k(
    0.7,
    "Masked electromyographers agreed on insertional and resting activity with kappa of at least 0.68 for all muscles together.",
    ["savage2014"],
  ),
  ncs: k(
    0.85,
    "A conduction study is a measured amplitude against a reference limit; its retest variation (about 20% for a sensory response) is small beside the change a lesion makes.",
    ["preston2020"],
  ),
};

/** Bedside items whose agreement is lower than their kind's, by kind and id. */
export const agreementById: { kind: TestKind; id: string; agreement: Agreement }[] = [
  {
    kind: "reflex",
    id: "cremasteric",
    agreement: k(
      0.2,
      "A superficial reflex graded only present or absent, seldom tested, and weaker or lost with age in healthy men.",
      ["statpearlsCremasteric"],
    ),
  },
  {
    kind: "reflex",
    id: "anal",
    agreement: k(
      0.2,
      "The anal (wink) reflex can be absent in healthy older people; no agreement study was found, so the value of the other unreliable superficial reflexes is used.",
      ["larnerSigns"],
    ),
  },
  {
    kind: "reflex",
    id: "bulbocavernosus",
    agreement: k(
      0.2,
      "Elicited clinically, it was absent in about one in five neurologically normal women, and present in many incomplete sacral lesions.",
      ["blaivas1981"],
    ),
  },
  {
    kind: "strength",
    id: "toe_abduction",
    agreement: k(
      0.2,
      "Locus's judgment: voluntary toe abduction is poor in many people without a lesion, so weakness is hard to tell from inability; no agreement study was found, so a value below the bedside range of the cited study is used.",
      ["vroomen2000"],
    ),
  },
  ...["genital", "genital_anterior", "perineum", "perianal"].map((id) => ({
    kind: "sensory" as const,
    id,
    agreement: k(
      0.2,
      "Intimate regions are tested rarely, briefly and often not at all in an outpatient examination; no agreement study was found, so the lowest bedside value is used.",
      ["vroomen2000"],
    ),
  })),
  ...["lateral_femoral_cutaneous_sensory", "medial_plantar_sensory"].map((id) => ({
    kind: "ncs" as const,
    id,
    agreement: k(
      0.5,
      "Technically demanding responses that are often small or unobtainable in healthy older or heavier people, so a low or absent response is read only against the other side.",
      ["preston2020"],
    ),
  })),
  ...[
    "low_back",
    "buttock",
    "buttock_lower",
    "coccyx",
    "groin",
    "suprapubic",
    "iliac_crest",
    "femoral_triangle",
    "thigh_upper_medial",
  ].map((id) => ({
    kind: "sensory" as const,
    id,
    agreement: k(
      0.25,
      "Over the trunk, buttock and groin the published dermatome maps disagree most and neighbouring territories overlap most, so a border of sensory loss there is read differently by two examiners; no agreement study was found, so a value near that of the unreliable superficial reflexes is used.",
      ["downs2011", "lee2008", "vroomen2000"],
    ),
  })),
];

/** The agreement of a test (imaging and laboratory tests carry sensitivity and specificity instead). */
export function agreementOf(kind: TestKind, id: string): Agreement | undefined {
  const own = agreementById.find((a) => a.kind === kind && a.id === id);
  if (own) return own.agreement;
  return kind === "imaging" || kind === "lab" ? undefined : agreementByKind[kind];
}
