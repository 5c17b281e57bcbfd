import type { FindingKind } from "../../case/schema.js";

/**
 * What to examine first in a painful, weak or numb leg when the case holds nothing abnormal to
 * localize: the bedside examination of the leg in the order the textbooks teach it, each with the
 * kind of finding it records (an item is not suggested when the case already records that kind).
 */
export interface FirstExamination {
  kind: FindingKind | "context";
  text: string;
  sources: string[];
}

export const firstExamination: FirstExamination[] = [
  {
    kind: "context",
    text: "The history: onset, course over days or months, pain and where it runs, bladder, bowel and sexual function, diabetes, cancer, anticoagulation, recent injury or surgery",
    sources: ["brazis2022", "finucane2020"],
  },
  {
    kind: "strength",
    text: "Strength (MRC) on both sides: hip flexion, adduction and abduction, knee extension and flexion, ankle dorsiflexion, inversion, eversion and plantar flexion, great toe extension",
    sources: ["preston2020", "stewart2010"],
  },
  {
    kind: "reflex",
    text: "Knee and ankle jerks and the plantar responses on both sides",
    sources: ["preston2020", "brazis2022"],
  },
  {
    kind: "sensory",
    text: "Sensation by dermatome and by nerve territory from the groin to the sole, and in the saddle area",
    sources: ["stewart2010", "brazis2022"],
  },
  {
    kind: "sign",
    text: "Straight leg raise and femoral stretch, passive hip rotation, foot pulses and the colour and warmth of the leg",
    sources: ["brazis2022", "statpearlsPad"],
  },
  {
    kind: "ncs",
    text: "If a deficit is found or the symptoms persist: nerve conduction studies and needle EMG",
    sources: ["preston2020", "katirji2002"],
  },
];
