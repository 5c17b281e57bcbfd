/**
 * How each nerve conduction study of the atlas is done, for the report's table: where the nerve is
 * stimulated, where the response is recorded, and the lower limit of conduction velocity. The
 * atlas (src/atlas/data/studies.ts) holds the amplitude and latency limits; these velocity limits
 * are those its notes give (preston2020: adults, skin above 30 °C). A study without a velocity
 * limit (F-waves, the H-reflex, the femoral motor study, the plantar study) has none here.
 */
import type { ReportSourceKey } from "./sources.js";

export interface ConductionMethod {
  stimulation: string;
  recording: string;
  /** Lower limit of normal conduction velocity, m/s. */
  velocityLln?: number;
  sources: ReportSourceKey[];
}

export const conductionMethods: Record<string, ConductionMethod> = {
  sural_sensory: {
    stimulation: "posterior calf",
    recording: "lateral ankle",
    velocityLln: 40,
    sources: ["preston2020"],
  },
  superficial_peroneal_sensory: {
    stimulation: "lateral leg",
    recording: "lateral ankle",
    velocityLln: 40,
    sources: ["preston2020"],
  },
  saphenous_sensory: {
    stimulation: "medial leg",
    recording: "medial ankle",
    velocityLln: 40,
    sources: ["preston2020"],
  },
  lateral_femoral_cutaneous_sensory: {
    stimulation: "inguinal ligament",
    recording: "anterolateral thigh",
    sources: ["preston2020"],
  },
  medial_plantar_sensory: {
    stimulation: "medial sole",
    recording: "medial ankle",
    sources: ["preston2020"],
  },
  peroneal_motor_edb: {
    stimulation: "ankle, below fibular head, popliteal fossa",
    recording: "extensor digitorum brevis",
    velocityLln: 44,
    sources: ["preston2020"],
  },
  peroneal_motor_ta: {
    stimulation: "below fibular head, popliteal fossa",
    recording: "tibialis anterior",
    velocityLln: 44,
    sources: ["preston2020"],
  },
  tibial_motor_ah: {
    stimulation: "medial ankle, popliteal fossa",
    recording: "abductor hallucis",
    velocityLln: 41,
    sources: ["preston2020"],
  },
  femoral_motor: {
    stimulation: "inguinal ligament",
    recording: "rectus femoris",
    sources: ["preston2020"],
  },
  tibial_h_reflex: {
    stimulation: "tibial nerve, popliteal fossa",
    recording: "soleus",
    sources: ["preston2020"],
  },
  peroneal_f_wave: {
    stimulation: "ankle",
    recording: "extensor digitorum brevis",
    sources: ["preston2020"],
  },
  tibial_f_wave: {
    stimulation: "medial ankle",
    recording: "abductor hallucis",
    sources: ["preston2020"],
  },
};

/**
 * A response below this share of the same study on the other side is abnormal even within the
 * population limit (preston2020: a side-to-side amplitude fall of more than half points to axonal
 * loss; the atlas's femoral study note says the same).
 */
export const SIDE_RATIO_LIMIT = 0.5;
