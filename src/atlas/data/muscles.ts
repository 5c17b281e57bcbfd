/** A nerve's branch to a muscle; `roots` (myotome notation) where that branch carries other roots than the rest. */
export interface MuscleSupplyData {
  nerve: string;
  share: number;
  roots?: string;
}

/**
 * Muscles with their nerve(s) and segmental supply.
 * `roots` is written the way myotome tables write it: major roots, then minor ones in brackets,
 * e.g. "L5 S1 (S2)". A root may carry an explicit relative weight, "L5:2". The loader turns the
 * string into weights (major 1, minor 0.3, normalised to sum to 1).
 * `needled`: part of routine lumbosacral needle examinations, or a usual choice for its territory.
 */
export interface MuscleData {
  id: string;
  name: string;
  supply: MuscleSupplyData[];
  roots: string;
  movements: string[];
  needled: boolean;
  sources: string[];
  note?: string;
}

const emg = ["preston2020", "wilbourn1998"];
const exam = ["aids2010", "kendall2005"];
const anat = ["grays2021"];
const one = (nerve: string): MuscleSupplyData[] => [{ nerve, share: 1 }];

export const muscles: MuscleData[] = [
  // hip flexors and the femoral territory
  {
    id: "iliopsoas",
    name: "iliopsoas",
    supply: [
      { nerve: "lumbar_plexus_muscular", share: 0.5 },
      { nerve: "femoral", share: 0.5 },
    ],
    roots: "L2 L3 (L1 L4)",
    movements: ["hip_flexion"],
    needled: true,
    sources: [...emg, ...exam, ...anat],
    note: "Psoas is supplied straight from the plexus, iliacus by the femoral nerve in the pelvis.",
  },
  { id: "sartorius", name: "sartorius", supply: one("femoral"), roots: "L2 L3", movements: ["hip_flexion", "hip_external_rotation", "knee_flexion"], needled: false, sources: [...exam, ...anat] },
  { id: "rectus_femoris", name: "rectus femoris", supply: one("femoral"), roots: "L3 L4 (L2)", movements: ["knee_extension", "hip_flexion"], needled: true, sources: [...emg, ...exam] },
  { id: "vastus_lateralis", name: "vastus lateralis", supply: one("femoral"), roots: "L3 L4 (L2)", movements: ["knee_extension"], needled: true, sources: [...emg, ...exam, "phillips1991"] },
  { id: "vastus_medialis", name: "vastus medialis", supply: one("femoral"), roots: "L3 L4 (L2)", movements: ["knee_extension"], needled: true, sources: [...emg, ...exam, "phillips1991"] },
  { id: "vastus_intermedius", name: "vastus intermedius", supply: one("femoral"), roots: "L3 L4 (L2)", movements: ["knee_extension"], needled: false, sources: [...exam, ...anat] },
  {
    id: "pectineus",
    name: "pectineus",
    supply: [
      { nerve: "femoral", share: 0.7 },
      { nerve: "obturator", share: 0.3 },
    ],
    roots: "L2 L3",
    movements: ["hip_adduction", "hip_flexion"],
    needled: false,
    sources: anat,
    note: "Usually femoral; an accessory obturator twig is common.",
  },
  // obturator territory
  {
    id: "adductor_longus",
    name: "adductor longus",
    supply: one("obturator"),
    roots: "L3 (L2:0.6 L4:0.4)",
    movements: ["hip_adduction"],
    needled: true,
    sources: [...emg, ...exam, "phillips1991"],
    note: "The usual needle muscle for the obturator nerve and the upper lumbar roots. L3 carries the largest share (see the disagreements).",
  },
  { id: "adductor_brevis", name: "adductor brevis", supply: one("obturator"), roots: "L3 (L2:0.6 L4:0.4)", movements: ["hip_adduction"], needled: false, sources: [...exam, ...anat, "phillips1991"] },
  {
    id: "adductor_magnus",
    name: "adductor magnus",
    supply: [
      { nerve: "obturator", share: 0.7, roots: "L3 (L2:0.6 L4:0.4)" },
      { nerve: "sciatic", share: 0.3, roots: "L4" },
    ],
    roots: "L3 L4 (L2)",
    movements: ["hip_adduction", "hip_extension"],
    needled: false,
    sources: [...exam, ...anat],
    note: "Two nerves: its adductor part is supplied by the obturator nerve (L2-L4), its hamstring (ischiocondylar) part by the tibial division of the sciatic nerve (L4).",
  },
  { id: "gracilis", name: "gracilis", supply: one("obturator"), roots: "L2 L3", movements: ["hip_adduction", "knee_flexion"], needled: false, sources: [...exam, ...anat] },
  { id: "obturator_externus", name: "obturator externus", supply: one("obturator"), roots: "L3 L4", movements: ["hip_external_rotation"], needled: false, sources: anat },
  // gluteal muscles
  { id: "gluteus_maximus", name: "gluteus maximus", supply: one("inferior_gluteal"), roots: "L5 S1 (S2)", movements: ["hip_extension", "hip_external_rotation"], needled: true, sources: [...emg, ...exam, "phillips1991", "liu2015"] },
  { id: "gluteus_medius", name: "gluteus medius", supply: one("superior_gluteal"), roots: "L5 (L4 S1)", movements: ["hip_abduction", "hip_internal_rotation"], needled: true, sources: [...emg, ...exam, "liu2015"], note: "The usual needle muscle for L5 outside the peroneal nerve, with tibialis posterior." },
  { id: "gluteus_minimus", name: "gluteus minimus", supply: one("superior_gluteal"), roots: "L5 (L4 S1)", movements: ["hip_abduction", "hip_internal_rotation"], needled: false, sources: [...exam, ...anat] },
  { id: "tensor_fasciae_latae", name: "tensor fasciae latae", supply: one("superior_gluteal"), roots: "L5 (L4 S1)", movements: ["hip_abduction", "hip_internal_rotation", "hip_flexion"], needled: true, sources: [...emg, ...exam] },
  { id: "piriformis", name: "piriformis", supply: one("nerve_to_piriformis"), roots: "S1 S2", movements: ["hip_external_rotation"], needled: false, sources: anat },
  // hamstrings (sciatic)
  { id: "semitendinosus", name: "semitendinosus", supply: one("sciatic"), roots: "L5 S1 (S2)", movements: ["knee_flexion", "hip_extension", "hip_internal_rotation"], needled: true, sources: [...emg, ...exam, ...anat, "esene2012"] },
  { id: "semimembranosus", name: "semimembranosus", supply: one("sciatic"), roots: "L5 S1 (S2)", movements: ["knee_flexion", "hip_extension", "hip_internal_rotation"], needled: false, sources: [...exam, ...anat] },
  { id: "biceps_femoris_long_head", name: "biceps femoris, long head", supply: one("sciatic"), roots: "S1 (L5 S2)", movements: ["knee_flexion", "hip_extension", "hip_external_rotation"], needled: true, sources: [...emg, ...exam] },
  {
    id: "biceps_femoris_short_head",
    name: "biceps femoris, short head",
    supply: one("sciatic"),
    roots: "L5 S1 (S2)",
    movements: ["knee_flexion"],
    needled: true,
    sources: [...emg, ...exam, "katirji2002"],
    note: "The only thigh muscle of the peroneal division: abnormal in sciatic lesions, normal in peroneal neuropathy at the fibular head.",
  },
  // anterior compartment (deep peroneal)
  { id: "tibialis_anterior", name: "tibialis anterior", supply: one("deep_peroneal"), roots: "L4 L5", movements: ["ankle_dorsiflexion", "ankle_inversion"], needled: true, sources: [...emg, ...exam, "phillips1991"] },
  { id: "extensor_hallucis_longus", name: "extensor hallucis longus", supply: one("deep_peroneal"), roots: "L5 (S1)", movements: ["great_toe_extension", "ankle_dorsiflexion"], needled: true, sources: [...emg, ...exam] },
  { id: "extensor_digitorum_longus", name: "extensor digitorum longus", supply: one("deep_peroneal"), roots: "L5 (L4 S1)", movements: ["toe_extension", "ankle_dorsiflexion"], needled: true, sources: [...emg, ...exam] },
  { id: "peroneus_tertius", name: "peroneus (fibularis) tertius", supply: one("deep_peroneal"), roots: "L5 S1", movements: ["ankle_eversion", "ankle_dorsiflexion"], needled: false, sources: anat },
  {
    id: "extensor_digitorum_brevis",
    name: "extensor digitorum brevis",
    supply: one("deep_peroneal"),
    roots: "L5 S1",
    movements: ["toe_extension"],
    needled: true,
    sources: [...emg, ...exam],
    note: "Supplied by the lateral terminal branch of the deep peroneal nerve; in about an eighth to a quarter of legs also, or only, by an accessory deep peroneal nerve from the superficial peroneal nerve. Often atrophic or denervated in healthy feet, so its needle findings weigh less.",
  },
  // lateral compartment (superficial peroneal)
  { id: "peroneus_longus", name: "peroneus (fibularis) longus", supply: one("superficial_peroneal"), roots: "L5 S1", movements: ["ankle_eversion", "ankle_plantarflexion"], needled: true, sources: [...emg, ...exam, "phillips1991"] },
  { id: "peroneus_brevis", name: "peroneus (fibularis) brevis", supply: one("superficial_peroneal"), roots: "L5 S1", movements: ["ankle_eversion"], needled: false, sources: [...exam, ...anat] },
  // posterior compartment (tibial)
  {
    id: "tibialis_posterior",
    name: "tibialis posterior",
    supply: one("tibial"),
    roots: "L5 (L4 S1)",
    movements: ["ankle_inversion", "ankle_plantarflexion"],
    needled: true,
    sources: [...emg, ...exam, "katirji2002"],
    note: "An L5 muscle outside the peroneal nerve: weak inversion separates L5 radiculopathy from peroneal palsy.",
  },
  { id: "flexor_digitorum_longus", name: "flexor digitorum longus", supply: one("tibial"), roots: "L5 S1 (S2)", movements: ["toe_flexion", "ankle_inversion", "ankle_plantarflexion"], needled: true, sources: [...emg, ...exam] },
  { id: "flexor_hallucis_longus", name: "flexor hallucis longus", supply: one("tibial"), roots: "S1 S2 (L5)", movements: ["great_toe_flexion", "ankle_plantarflexion"], needled: false, sources: [...exam, ...anat] },
  { id: "gastrocnemius_medial_head", name: "gastrocnemius, medial head", supply: one("tibial"), roots: "S1 S2", movements: ["ankle_plantarflexion", "knee_flexion"], needled: true, sources: [...emg, ...exam, "phillips1991"] },
  { id: "gastrocnemius_lateral_head", name: "gastrocnemius, lateral head", supply: one("tibial"), roots: "S1 S2", movements: ["ankle_plantarflexion", "knee_flexion"], needled: true, sources: [...emg, ...exam, "phillips1991"] },
  { id: "soleus", name: "soleus", supply: one("tibial"), roots: "S1 S2", movements: ["ankle_plantarflexion"], needled: true, sources: [...emg, ...exam] },
  { id: "popliteus", name: "popliteus", supply: one("tibial"), roots: "L5 S1 (L4)", movements: ["knee_flexion"], needled: false, sources: anat },
  // foot (plantar nerves)
  { id: "abductor_hallucis", name: "abductor hallucis", supply: one("medial_plantar"), roots: "S1 S2", movements: ["toe_abduction", "great_toe_flexion"], needled: true, sources: [...emg, ...exam] },
  { id: "flexor_digitorum_brevis", name: "flexor digitorum brevis", supply: one("medial_plantar"), roots: "S1 S2", movements: ["toe_flexion"], needled: false, sources: [...exam, ...anat] },
  { id: "flexor_hallucis_brevis", name: "flexor hallucis brevis", supply: one("medial_plantar"), roots: "S1 S2", movements: ["great_toe_flexion"], needled: false, sources: [...exam, ...anat] },
  { id: "quadratus_plantae", name: "quadratus plantae", supply: one("lateral_plantar"), roots: "S1 S2", movements: ["toe_flexion"], needled: false, sources: anat },
  { id: "abductor_digiti_minimi_pedis", name: "abductor digiti minimi (foot)", supply: one("lateral_plantar"), roots: "S1 S2", movements: ["toe_abduction"], needled: true, sources: [...emg, ...anat] },
  { id: "adductor_hallucis", name: "adductor hallucis", supply: one("lateral_plantar"), roots: "S1 S2", movements: [], needled: false, sources: anat },
  { id: "first_dorsal_interosseous_pedis", name: "first dorsal interosseous (foot)", supply: one("lateral_plantar"), roots: "S1 S2", movements: ["toe_abduction"], needled: true, sources: [...emg, ...anat] },
  // trunk, pelvic floor
  { id: "quadratus_lumborum", name: "quadratus lumborum", supply: one("lumbar_plexus_muscular"), roots: "T12 L1 L2 L3 (L4)", movements: [], needled: false, sources: anat, note: "Supplied by direct twigs from the ventral rami of T12 and L1-L4; not a limb muscle, listed for the needle examination of the upper lumbar roots." },
  { id: "cremaster", name: "cremaster", supply: one("genitofemoral"), roots: "L1 L2", movements: [], needled: false, sources: anat },
  { id: "external_anal_sphincter", name: "external anal sphincter", supply: one("pudendal"), roots: "S2 S3 S4", movements: [], needled: true, sources: [...emg, ...anat], note: "Needled when cauda equina, conus or sacral plexus involvement is in question." },
  { id: "bulbospongiosus", name: "bulbospongiosus", supply: one("pudendal"), roots: "S2 S3 S4", movements: [], needled: false, sources: anat },
];

/** Paraspinal levels: each supplied by the dorsal ramus of its own root, with overlap from the neighbours. */
export const paraspinalLevels = ["L1", "L2", "L3", "L4", "L5", "S1", "S2"] as const;
export const paraspinalSources = ["preston2020", "wilbourn1998", "levin2002", "dillingham2000"];
