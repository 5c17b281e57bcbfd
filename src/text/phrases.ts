/**
 * Words the extractor needs that the atlas does not (yet) hold. Each entry is a word a clinician
 * writes for an atlas id; the ids are canonical atlas ids, checked by `phrases.test.ts`. The atlas
 * owner is asked (see docs/text.md) to take these into src/atlas/data/synonyms.ts, after which they
 * can go from here.
 */
import type { AtlasKind } from "../atlas/index.js";

export interface Phrase {
  words: string[];
  kind: AtlasKind;
  ids: string[];
  group?: string;
}

export const MISSING_SYNONYMS: Phrase[] = [
  // Muscles written in the order EMG tables use: the muscle, then the head.
  {
    words: [
      "gastrocnemius medial head",
      "gastrocnemius, medial head",
      "medial gastrocnemius head",
      "med gastrocnemius",
      "med gastroc",
      "gastroc MH",
      "MG",
    ],
    kind: "muscle",
    ids: ["gastrocnemius_medial_head"],
  },
  {
    words: [
      "gastrocnemius lateral head",
      "gastrocnemius, lateral head",
      "lat gastrocnemius",
      "lat gastroc",
      "gastroc LH",
    ],
    kind: "muscle",
    ids: ["gastrocnemius_lateral_head"],
  },
  // Abbreviated heads and words as needle EMG tables print them (Preston & Shapiro 2020, the
  // report tables of the electrodiagnostic chapters): "Biceps femoris SH", "Ext hallucis longus".
  {
    words: [
      "biceps femoris SH",
      "BF SH",
      "BF short head",
      "biceps femoris short",
      "biceps fem SH",
      "biceps fem short head",
    ],
    kind: "muscle",
    ids: ["biceps_femoris_short_head"],
  },
  {
    words: ["biceps femoris LH", "BF LH", "BF long head", "biceps fem LH", "biceps fem long head"],
    kind: "muscle",
    ids: ["biceps_femoris_long_head"],
  },
  {
    words: [
      "biceps femoris short and long heads",
      "biceps femoris long and short heads",
      "both heads of biceps femoris",
    ],
    kind: "muscle",
    ids: ["biceps_femoris_short_head", "biceps_femoris_long_head"],
  },
  // "Knee and ankle jerks brisk": one noun for two reflexes.
  {
    words: [
      "knee and ankle jerks",
      "knee and ankle reflexes",
      "ankle and knee jerks",
      "ankle and knee reflexes",
    ],
    kind: "reflex",
    ids: ["patellar", "achilles"],
  },
  { words: ["tib anterior"], kind: "muscle", ids: ["tibialis_anterior"] },
  { words: ["glut medius"], kind: "muscle", ids: ["gluteus_medius"] },
  { words: ["glut maximus"], kind: "muscle", ids: ["gluteus_maximus"] },
  // The gluteal nerves named without "nerve", as a territory or a table's nerve column ("inferior
  // gluteal and sciatic territories", "Sup gluteal"): a nerve, not the gluteal muscles.
  { words: ["inferior gluteal", "inf gluteal"], kind: "nerve", ids: ["inferior_gluteal"] },
  { words: ["superior gluteal", "sup gluteal"], kind: "nerve", ids: ["superior_gluteal"] },
  { words: ["tib posterior"], kind: "muscle", ids: ["tibialis_posterior"] },
  {
    words: ["ext hallucis longus", "ext hall longus", "ext hallucis"],
    kind: "muscle",
    ids: ["extensor_hallucis_longus"],
  },
  { words: ["ext digitorum brevis", "ext dig brevis"], kind: "muscle", ids: ["extensor_digitorum_brevis"] },
  { words: ["ext digitorum longus", "ext dig longus"], kind: "muscle", ids: ["extensor_digitorum_longus"] },
  {
    words: ["adductor compartment", "thigh adductor compartment"],
    kind: "muscle",
    ids: ["adductor_longus", "adductor_brevis", "adductor_magnus"],
    group: "adductors",
  },
  {
    words: ["peroneus muscles", "peronei muscles", "fibularis muscles", "peroneus group"],
    kind: "muscle",
    ids: ["peroneus_longus", "peroneus_brevis"],
    group: "peronei",
  },
  // The genital skin as notes name it (S2-S4; pudendal territory).
  {
    words: ["scrotal", "scrotum", "penile", "penis", "labial", "vulval", "vulvar"],
    kind: "region",
    ids: ["genital"],
  },
  // Movements named by the muscles' action on a joint.
  {
    words: [
      "1st toe extensor",
      "1st toe extensors",
      "first toe extensor",
      "big toe extensor",
      "big toe extensors",
      "great toe extensors",
      "EHL strength",
    ],
    kind: "movement",
    ids: ["great_toe_extension"],
  },
  {
    words: ["1st toe flexor", "big toe flexor", "great toe flexor", "great toe flexors"],
    kind: "movement",
    ids: ["great_toe_flexion"],
  },
  {
    words: ["ankle flexors", "ankle flexor", "ankle flexion", "flexors of the ankle", "flexion of the ankle"],
    kind: "movement",
    ids: ["ankle_plantarflexion"],
  },
  {
    words: [
      "ankle extensors",
      "ankle extensor",
      "ankle extension",
      "extensors of the ankle",
      "extension of the ankle",
      "dorsiflexion of the ankle",
      "dorsiflexion of the foot",
    ],
    kind: "movement",
    ids: ["ankle_dorsiflexion"],
  },
  {
    words: [
      "ankle plantarflexor",
      "ankle plantar flexor",
      "plantar flexion of the ankle",
      "plantarflexion of the ankle",
    ],
    kind: "movement",
    ids: ["ankle_plantarflexion"],
  },
  {
    words: [
      "toe extensor",
      "toe extension",
      "toe dorsiflexors",
      "toe dorsiflexor",
      "toe dorsiflexion",
      "dorsiflexion of the toes",
    ],
    kind: "movement",
    ids: ["toe_extension"],
  },
  { words: ["toe flexor", "toe flexion"], kind: "movement", ids: ["toe_flexion"] },
  // The clinic's shorthand for movements ("L hip flex 4/5, knee ext 4-/5, ankle DF 5/5").
  { words: ["hip flex", "hip flexn", "hip F"], kind: "movement", ids: ["hip_flexion"] },
  { words: ["hip ext", "hip extn"], kind: "movement", ids: ["hip_extension"] },
  { words: ["hip abd", "hip abdn"], kind: "movement", ids: ["hip_abduction"] },
  { words: ["hip add", "hip addn"], kind: "movement", ids: ["hip_adduction"] },
  { words: ["knee ext", "knee extn", "knee E"], kind: "movement", ids: ["knee_extension"] },
  { words: ["knee flex", "knee flexn"], kind: "movement", ids: ["knee_flexion"] },
  { words: ["ankle DF", "ADF", "DF", "ankle dorsiflex"], kind: "movement", ids: ["ankle_dorsiflexion"] },
  { words: ["ankle PF", "APF", "PF", "ankle plantarflex"], kind: "movement", ids: ["ankle_plantarflexion"] },
  { words: ["ankle inv", "inversion"], kind: "movement", ids: ["ankle_inversion"] },
  { words: ["ankle ev", "ankle evn", "eversion"], kind: "movement", ids: ["ankle_eversion"] },
  { words: ["GTE", "great toe ext", "big toe ext"], kind: "movement", ids: ["great_toe_extension"] },
  {
    words: ["foot dorsiflexors", "foot dorsiflexor", "foot extensors"],
    kind: "movement",
    ids: ["ankle_dorsiflexion"],
  },
  {
    words: ["foot plantarflexors", "foot plantar flexors", "foot plantarflexor"],
    kind: "movement",
    ids: ["ankle_plantarflexion"],
  },
  {
    words: ["knee extension", "extension of the knee", "extensors of the knee"],
    kind: "movement",
    ids: ["knee_extension"],
  },
  {
    words: ["knee flexion", "flexion of the knee", "flexors of the knee"],
    kind: "movement",
    ids: ["knee_flexion"],
  },
  {
    words: ["hip flexion", "flexion of the hip", "flexors of the hip"],
    kind: "movement",
    ids: ["hip_flexion"],
  },
  {
    words: ["hip extension", "extension of the hip", "extensors of the hip"],
    kind: "movement",
    ids: ["hip_extension"],
  },
  { words: ["hip abduction", "abduction of the hip"], kind: "movement", ids: ["hip_abduction"] },
  { words: ["hip adduction", "adduction of the hip"], kind: "movement", ids: ["hip_adduction"] },
  // Skin.
  { words: ["toes"], kind: "region", ids: ["great_toe"] },
  { words: ["lateral heel"], kind: "region", ids: ["heel"] },
  {
    words: ["sole", "plantar aspect of the foot", "sole of the foot"],
    kind: "region",
    ids: ["sole_medial", "sole_lateral"],
    group: "sole",
  },
  // Studies named the way reports name them.
  { words: ["sural nerve"], kind: "study", ids: ["sural_sensory"] },
  {
    words: ["superficial peroneal nerve", "superficial fibular nerve"],
    kind: "study",
    ids: ["superficial_peroneal_sensory"],
  },
  // The nerve's full name before "motor": the routine study, recorded from EDB (Preston 2020).
  {
    words: ["common peroneal motor", "common fibular motor", "common peroneal CMAP"],
    kind: "study",
    ids: ["peroneal_motor_edb"],
  },
];

/** Paraspinal muscle words; the level comes from the roots written next to them. */
export const PARASPINAL_NOUNS =
  /\b(?:paraspinals?|paraspinalis|paraspinal muscles?|PSPs?|PVMs?|paravertebrals?|paravertebral muscles?|multifidus)\b/i;
