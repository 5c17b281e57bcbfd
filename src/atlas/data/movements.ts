import type { Movement } from "../types.js";

const s = ["kendall2005", "aids2010"];

/** Movements as a clinician grades them: the prime movers carry most of the force. */
export const movements: Movement[] = [
  { id: "hip_flexion", name: "hip flexion", primeMovers: ["iliopsoas"], contributors: ["rectus_femoris", "sartorius", "tensor_fasciae_latae", "pectineus"], sources: s },
  { id: "hip_extension", name: "hip extension", primeMovers: ["gluteus_maximus"], contributors: ["semitendinosus", "semimembranosus", "biceps_femoris_long_head", "adductor_magnus"], sources: s },
  { id: "hip_abduction", name: "hip abduction", primeMovers: ["gluteus_medius", "gluteus_minimus"], contributors: ["tensor_fasciae_latae"], sources: s },
  { id: "hip_adduction", name: "hip adduction", primeMovers: ["adductor_longus", "adductor_brevis", "adductor_magnus"], contributors: ["gracilis", "pectineus"], sources: s },
  { id: "hip_internal_rotation", name: "hip internal rotation", primeMovers: ["gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae"], contributors: ["semitendinosus", "semimembranosus"], sources: s },
  { id: "hip_external_rotation", name: "hip external rotation", primeMovers: ["piriformis", "gluteus_maximus", "obturator_externus"], contributors: ["sartorius", "biceps_femoris_long_head"], sources: s },
  { id: "knee_extension", name: "knee extension", primeMovers: ["rectus_femoris", "vastus_lateralis", "vastus_medialis", "vastus_intermedius"], contributors: [], sources: s },
  { id: "knee_flexion", name: "knee flexion", primeMovers: ["semitendinosus", "semimembranosus", "biceps_femoris_long_head", "biceps_femoris_short_head"], contributors: ["gastrocnemius_medial_head", "gastrocnemius_lateral_head", "gracilis", "sartorius", "popliteus"], sources: s },
  { id: "ankle_dorsiflexion", name: "ankle dorsiflexion", primeMovers: ["tibialis_anterior"], contributors: ["extensor_digitorum_longus", "extensor_hallucis_longus", "peroneus_tertius"], sources: s },
  { id: "ankle_plantarflexion", name: "ankle plantarflexion", primeMovers: ["gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus"], contributors: ["tibialis_posterior", "flexor_digitorum_longus", "flexor_hallucis_longus", "peroneus_longus"], sources: s },
  { id: "ankle_inversion", name: "ankle inversion", primeMovers: ["tibialis_posterior"], contributors: ["tibialis_anterior", "flexor_digitorum_longus"], sources: s },
  { id: "ankle_eversion", name: "ankle eversion", primeMovers: ["peroneus_longus", "peroneus_brevis"], contributors: ["peroneus_tertius", "extensor_digitorum_longus"], sources: s },
  { id: "great_toe_extension", name: "great toe extension", primeMovers: ["extensor_hallucis_longus"], contributors: [], sources: s },
  { id: "great_toe_flexion", name: "great toe flexion", primeMovers: ["flexor_hallucis_longus"], contributors: ["flexor_hallucis_brevis"], sources: s },
  { id: "toe_extension", name: "toe extension", primeMovers: ["extensor_digitorum_longus"], contributors: ["extensor_digitorum_brevis"], sources: s },
  { id: "toe_flexion", name: "toe flexion", primeMovers: ["flexor_digitorum_longus"], contributors: ["flexor_digitorum_brevis", "quadratus_plantae", "flexor_hallucis_longus"], sources: s },
  { id: "toe_abduction", name: "toe abduction", primeMovers: ["abductor_hallucis", "abductor_digiti_minimi_pedis"], contributors: ["first_dorsal_interosseous_pedis"], sources: s },
];
