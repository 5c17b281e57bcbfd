/**
 * The shapes of diffuse processes: how much of each target they reach. Knowledge as data; the
 * engine turns these into effect vectors exactly as it does for focal sites.
 */
import type { Zone } from "../../atlas/index.js";

export interface Pattern {
  why: string;
  sources: string[];
}

/** Length-dependent polyneuropathy: the longest axons first, both sides alike. */
export const lengthDependent = {
  zones: { trunk: 0, hip: 0.03, thigh: 0.1, leg: 0.45, foot: 1 } satisfies Record<Zone, number>,
  /** Reflexes and late responses by the length of their arc rather than the muscle's place. */
  reflexes: {
    achilles: 0.9,
    patellar: 0.2,
    medial_hamstring: 0.3,
    adductor: 0.1,
    cremasteric: 0,
    anal: 0.1,
    bulbocavernosus: 0.1,
  } as Record<string, number>,
  studies: {
    tibial_h_reflex: 0.8,
    peroneal_f_wave: 0.6,
    tibial_f_wave: 0.6,
    sural_sensory: 1,
    superficial_peroneal_sensory: 1,
    medial_plantar_sensory: 1,
  } as Record<string, number>,
  why: "Axonal polyneuropathy affects nerve fibres by their length: toes and soles first, then the ankle jerks, the leg, and only late the thigh.",
  sources: ["preston2020", "vrancken2006"],
};

/** Myopathy: proximal muscles first, both sides; no sensory change. */
export const myopathy = {
  zones: { trunk: 0.6, hip: 1, thigh: 0.9, leg: 0.35, foot: 0.1 } satisfies Record<Zone, number>,
  why: "Most myopathies weaken hip and thigh muscles before distal ones.",
  sources: ["preston2020"],
};

/** Motor neuron disease: lower motor neurons in many segments, both sides, sensation spared. */
export const anteriorHorn = {
  share: 0.7,
  why: "Motor neuron disease denervates muscles of several roots and nerves on both sides, paraspinals included, with normal sensory responses.",
  sources: ["preston2020"],
};

/** Polyradiculopathy: several roots on both sides (inflammatory, infiltrative, diabetic). */
export const polyradiculopathy = {
  roots: { L2: 0.5, L3: 0.5, L4: 0.5, L5: 0.5, S1: 0.5, S2: 0.5 } as Record<string, number>,
  why: "Several roots on both sides, proximal to the ganglia: weakness and areflexia with sensory responses kept.",
  sources: ["levin2002", "dyck2002"],
};

/** Cauda equina: the sacral roots most, then the lower lumbar roots, usually on both sides. */
export const caudaEquina = {
  roots: { L3: 0.1, L4: 0.15, L5: 0.3, S1: 0.4, S2: 0.9, S3: 0.95, S4: 0.95 } as Record<string, number>,
  why: "A mass in the lumbar canal takes the sacral roots that lie centrally first: saddle numbness and sphincter failure, then bilateral sciatic-territory weakness.",
  sources: ["preston2020", "levin2002"],
};

/** A low cauda equina lesion: only the sacral roots, which lie centrally and lowest in the sac. */
export const caudaEquinaLow = {
  roots: { S1: 0.1, S2: 0.5, S3: 0.95, S4: 0.95 } as Record<string, number>,
  why: "Central lesions below L5 (a large central disc at L5-S1, tumour of the filum) can take the sacral roots alone: saddle numbness and sphincter failure with normal leg strength and reflexes.",
  sources: ["preston2020"],
};

/** Conus medullaris: the sacral segments and their roots, with upper motor neuron signs in some. */
export const conus = {
  roots: { L5: 0.1, S1: 0.25, S2: 0.9, S3: 0.95, S4: 0.95 } as Record<string, number>,
  umn: 0.3,
  why: "A conus lesion takes the lowest cord segments: early sphincter failure and saddle numbness, little leg weakness, sometimes brisk knee jerks or an extensor plantar.",
  sources: ["preston2020"],
};

/**
 * Upper motor neuron (pyramidal) weakness in the leg: flexors and dorsiflexors weaker than
 * extensors and plantarflexors.
 */
export const pyramidal = {
  movements: {
    hip_flexion: 1,
    hip_extension: 0.35,
    hip_abduction: 0.7,
    hip_adduction: 0.4,
    hip_internal_rotation: 0.5,
    hip_external_rotation: 0.5,
    knee_extension: 0.35,
    knee_flexion: 0.9,
    ankle_dorsiflexion: 1,
    ankle_plantarflexion: 0.3,
    ankle_inversion: 0.6,
    ankle_eversion: 0.8,
    great_toe_extension: 1,
    great_toe_flexion: 0.4,
    toe_extension: 1,
    toe_flexion: 0.4,
    toe_abduction: 0.5,
  } as Record<string, number>,
  why: "In a pyramidal lesion the hip flexors, knee flexors and ankle dorsiflexors weaken more than the antigravity extensors; a central foot drop can mimic a peroneal palsy.",
  sources: ["aids2010", "grays2021"],
};

/**
 * A lesion of the leg area of the motor cortex or of its fibres just below it (parasagittal
 * meningioma, anterior cerebral artery infarct, a small frontal haemorrhage) can weaken the foot and
 * toe dorsiflexors almost alone: a central foot drop that mimics a peroneal palsy, with reflexes and
 * plantars often normal in the first days. Shares of each movement's weakness, as pyramidal; its
 * prior is `share` of a central lesion on that side.
 */
export const distalCentral = {
  movements: {
    hip_flexion: 0.15,
    hip_extension: 0.05,
    hip_abduction: 0.1,
    hip_adduction: 0.05,
    knee_extension: 0.05,
    knee_flexion: 0.2,
    ankle_dorsiflexion: 1,
    ankle_plantarflexion: 0.15,
    ankle_inversion: 0.5,
    ankle_eversion: 0.7,
    great_toe_extension: 1,
    great_toe_flexion: 0.2,
    toe_extension: 1,
    toe_flexion: 0.2,
    toe_abduction: 0.3,
  } as Record<string, number>,
  share: 0.3,
  why: "Central causes of foot drop (cortical and subcortical lesions of the leg area, parasagittal tumours) are uncommon but often mistaken for a peroneal palsy or an L5 radiculopathy; the weakness is of ankle and toe dorsiflexion, eversion and inversion, sometimes with hip flexion.",
  sources: ["westhout2007", "aids2010"],
};
