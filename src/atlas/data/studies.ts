import type { Study } from "../types.js";

/** Nerve conduction studies. Lower limits are for adults and a skin temperature above 30 °C. */
export interface StudyData extends Omit<Study, "roots"> {
  roots: string;
}

/** Chen et al. 2016 cover only the sural, superficial peroneal, peroneal motor and tibial motor studies in the leg. */
const ref = ["preston2020", "chen2016", "kong2009", "dorfman1997"];
const prestonOnly = ["preston2020", "kong2009", "dorfman1997"];

/**
 * Amplitudes repeat less well than latencies: between sessions a SNAP or CMAP amplitude varies by
 * about 16-20 % (coefficient of variation, deep peroneal, posterior tibial and sural among the nerves
 * measured; kong2009), so a value within a fifth above the lower limit may fall below it on another
 * day. Such a value is borderline; how to read it depends on the rest of the study (dorfman1997:
 * look for internally consistent abnormalities rather than one value against one limit).
 */
const AMPLITUDE_RETEST = 0.2;

export const studies: StudyData[] = [
  {
    id: "sural_sensory",
    name: "sural sensory (SNAP)",
    type: "sensory",
    nerve: "sural",
    recordsFrom: { skin: "ankle_lateral" },
    roots: "S1 S2",
    postganglionic: true,
    normal: {
      amplitudeLln: 6,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "uV",
      latencyUln: 4.4,
      note: "antidromic, 14 cm; peak latency; velocity at least 40 m/s",
    },
    ageEffect:
      "Amplitude falls with age. In healthy people of 60 and over the response is present in 96 per cent; a suggested lower limit is 3 uV at 60-70 years and 1 uV at 70-74 years, and an absent response is treated as abnormal only up to 75.",
    sources: [...ref, "tavee2014", "taams2023"],
  },
  {
    id: "superficial_peroneal_sensory",
    name: "superficial peroneal sensory (SNAP)",
    type: "sensory",
    nerve: "superficial_peroneal",
    recordsFrom: { skin: "foot_dorsum" },
    roots: "L5 (L4 S1)",
    postganglionic: true,
    normal: {
      amplitudeLln: 6,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "uV",
      latencyUln: 4.4,
      note: "antidromic, 14 cm; peak latency; velocity at least 40 m/s",
    },
    ageEffect: "Falls with age like the sural response; compare with the other side in older people.",
    sources: ref,
  },
  {
    id: "saphenous_sensory",
    name: "saphenous sensory (SNAP)",
    type: "sensory",
    nerve: "saphenous",
    recordsFrom: { skin: "leg_medial" },
    roots: "L4 (L3)",
    postganglionic: true,
    normal: {
      amplitudeLln: 4,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "uV",
      latencyUln: 4.4,
      note: "antidromic, 14 cm; technically difficult, compare sides",
    },
    ageEffect:
      "May be small or absent in healthy people over 40, in obesity and in leg oedema: only an asymmetry counts.",
    sources: prestonOnly,
  },
  {
    id: "lateral_femoral_cutaneous_sensory",
    name: "lateral femoral cutaneous sensory (SNAP)",
    type: "sensory",
    nerve: "lateral_femoral_cutaneous",
    recordsFrom: { skin: "thigh_lateral" },
    roots: "L2 L3",
    postganglionic: true,
    normal: {
      amplitudeLln: 4,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "uV",
      latencyUln: 2.6,
      note: "12 cm; technically difficult, compare sides",
    },
    ageEffect:
      "May be small or absent in healthy people over 40 and in obesity: only a side-to-side difference counts.",
    sources: prestonOnly,
  },
  {
    id: "medial_plantar_sensory",
    name: "medial plantar sensory (SNAP)",
    type: "sensory",
    nerve: "medial_plantar",
    recordsFrom: { skin: "sole_medial" },
    roots: "L5 S1 (L4)",
    postganglionic: true,
    normal: {
      amplitudeLln: 2,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "uV",
      note: "orthodromic sensory; the mixed-nerve study has a lower limit of 3 uV",
    },
    ageEffect: "May be small or absent in healthy people over 40: compare with the other side.",
    sources: prestonOnly,
  },
  {
    id: "peroneal_motor_edb",
    name: "peroneal motor, recording extensor digitorum brevis (CMAP)",
    type: "motor",
    nerve: "deep_peroneal",
    recordsFrom: { muscle: "extensor_digitorum_brevis" },
    roots: "L5 S1",
    postganglionic: false,
    normal: {
      amplitudeLln: 2,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "mV",
      latencyUln: 6.5,
      note: "9 cm; velocity at least 44 m/s. A CMAP larger from the knee than from the ankle suggests an accessory deep peroneal nerve",
    },
    ageEffect:
      "Falls with age; age- and height-stratified limits exist (Chen et al.). EDB may be atrophic from footwear.",
    sources: [...ref, "rayegani2011"],
  },
  {
    id: "peroneal_motor_ta",
    name: "peroneal motor, recording tibialis anterior (CMAP)",
    type: "motor",
    nerve: "deep_peroneal",
    recordsFrom: { muscle: "tibialis_anterior" },
    roots: "L4 L5",
    postganglionic: false,
    normal: {
      amplitudeLln: 3,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "mV",
      latencyUln: 6.7,
      note: "5-10 cm; velocity at least 44 m/s",
    },
    sources: prestonOnly,
  },
  {
    id: "tibial_motor_ah",
    name: "tibial motor, recording abductor hallucis (CMAP)",
    type: "motor",
    nerve: "medial_plantar",
    recordsFrom: { muscle: "abductor_hallucis" },
    roots: "S1 S2",
    postganglionic: false,
    normal: {
      amplitudeLln: 4,
      amplitudeRetest: AMPLITUDE_RETEST,
      unit: "mV",
      latencyUln: 5.8,
      note: "9 cm; velocity at least 41 m/s",
    },
    ageEffect:
      "Falls with age; age- and height-stratified limits exist (Chen et al.). Low on both sides in length-dependent neuropathy.",
    sources: ref,
  },
  {
    id: "femoral_motor",
    name: "femoral motor, recording rectus femoris (CMAP)",
    type: "motor",
    nerve: "femoral",
    recordsFrom: { muscle: "rectus_femoris" },
    roots: "L3 L4 (L2)",
    postganglionic: false,
    normal: { note: "compare with the other side; a fall below half points to axonal loss" },
    sources: ["preston2020", "stewart2010", "kong2009", "dorfman1997"],
  },
  {
    id: "tibial_h_reflex",
    name: "tibial H-reflex (soleus)",
    type: "h_reflex",
    nerve: "tibial",
    recordsFrom: { muscle: "soleus" },
    roots: "S1",
    postganglionic: false,
    normal: {
      latencyUln: 34,
      note: "depends on height and age; a side-to-side difference over 1.5 ms is abnormal",
    },
    ageEffect:
      "Latency lengthens with age and height; may be absent on both sides in healthy older people, so only an asymmetry counts after about 60.",
    sources: ["preston2020", "levin2002"],
  },
  {
    id: "peroneal_f_wave",
    name: "peroneal F-wave",
    type: "f_wave",
    nerve: "deep_peroneal",
    recordsFrom: { muscle: "extensor_digitorum_brevis" },
    roots: "L5 S1",
    postganglionic: false,
    normal: {
      latencyUln: 56,
      note: "minimal latency; depends on height. Tests the whole motor path, root included, but is insensitive to a single root lesion",
    },
    sources: ["preston2020"],
  },
  {
    id: "tibial_f_wave",
    name: "tibial F-wave",
    type: "f_wave",
    nerve: "medial_plantar",
    recordsFrom: { muscle: "abductor_hallucis" },
    roots: "S1 S2",
    postganglionic: false,
    normal: {
      latencyUln: 56,
      note: "minimal latency; depends on height. Tests the whole motor path, root included, but is insensitive to a single root lesion",
    },
    sources: ["preston2020"],
  },
];
