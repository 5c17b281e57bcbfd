/**
 * Body-part words clinicians use for wasting, swelling and tenderness, and the muscles under them.
 * Checked in order: the first word found in the phrase wins ("calf" before "leg").
 */
export const bodyParts: Record<string, string[]> = {
  calf: ["gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus"],
  quadriceps: ["rectus_femoris", "vastus_lateralis", "vastus_medialis", "vastus_intermedius"],
  thigh: [
    "rectus_femoris",
    "vastus_lateralis",
    "vastus_medialis",
    "vastus_intermedius",
    "adductor_longus",
    "semitendinosus",
    "biceps_femoris_long_head",
  ],
  hamstring: ["semitendinosus", "semimembranosus", "biceps_femoris_long_head", "biceps_femoris_short_head"],
  buttock: ["gluteus_maximus", "gluteus_medius"],
  gluteal: ["gluteus_maximus", "gluteus_medius"],
  shin: ["tibialis_anterior", "extensor_digitorum_longus", "extensor_hallucis_longus"],
  "anterior compartment": ["tibialis_anterior", "extensor_digitorum_longus", "extensor_hallucis_longus"],
  "lateral compartment": ["peroneus_longus", "peroneus_brevis"],
  leg: ["tibialis_anterior", "peroneus_longus", "gastrocnemius_medial_head", "soleus"],
  foot: [
    "extensor_digitorum_brevis",
    "abductor_hallucis",
    "abductor_digiti_minimi_pedis",
    "first_dorsal_interosseous_pedis",
  ],
  hip: ["iliopsoas", "gluteus_medius"],
};
