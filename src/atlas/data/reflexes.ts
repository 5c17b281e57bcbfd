/** Reflex arcs. `roots` uses the myotome notation of muscles.ts. */
export interface ReflexData {
  id: string;
  name: string;
  roots: string;
  muscles: string[];
  nerve?: string;
  umnSign?: boolean;
  ageDependent?: boolean;
  sources: string[];
  note?: string;
}

export const reflexes: ReflexData[] = [
  {
    id: "patellar",
    name: "patellar (knee) reflex",
    roots: "L3 L4 (L2)",
    muscles: ["rectus_femoris", "vastus_lateralis", "vastus_medialis", "vastus_intermedius"],
    nerve: "femoral",
    sources: ["aids2010", "statpearlsReflexes", "preston2020"],
  },
  {
    id: "achilles",
    name: "Achilles (ankle) reflex",
    roots: "S1 (S2)",
    muscles: ["gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus"],
    nerve: "tibial",
    ageDependent: true,
    sources: ["aids2010", "statpearlsReflexes", "vrancken2006", "taams2023"],
    note: "Absent on both sides in about a quarter of healthy people over 60 (23 per cent in a meta-analysis, none under 60), more often with each decade: a symmetric absence is weak evidence at that age, a one-sided absence still counts.",
  },
  {
    id: "medial_hamstring",
    name: "medial hamstring reflex",
    roots: "L5 (S1)",
    muscles: ["semitendinosus", "semimembranosus"],
    nerve: "sciatic",
    sources: ["preston2020", "levin2002", "esene2012"],
    note: "The only reflex that tests L5; hard to elicit, so only an absence on one side counts. In one surgical series it identified the L5 level about as well as the knee jerk identifies L4.",
  },
  {
    id: "adductor",
    name: "adductor reflex",
    roots: "L2 L3 (L4)",
    muscles: ["adductor_longus", "adductor_brevis", "adductor_magnus"],
    nerve: "obturator",
    sources: ["aids2010", "preston2020"],
  },
  {
    id: "cremasteric",
    name: "cremasteric reflex",
    roots: "L1 L2",
    muscles: ["cremaster"],
    nerve: "genitofemoral",
    sources: ["grays2021"],
  },
  {
    id: "anal",
    name: "anal (wink) reflex",
    roots: "S2 S3 S4",
    muscles: ["external_anal_sphincter"],
    nerve: "pudendal",
    sources: ["grays2021", "preston2020"],
  },
  {
    id: "bulbocavernosus",
    name: "bulbocavernosus reflex",
    roots: "S2 S3 S4",
    muscles: ["bulbospongiosus"],
    nerve: "pudendal",
    sources: ["grays2021", "preston2020"],
  },
  {
    id: "plantar",
    name: "plantar response",
    roots: "S1 (L5)",
    muscles: ["extensor_hallucis_longus"],
    umnSign: true,
    sources: ["aids2010", "grays2021"],
    note: "An extensor plantar response (Babinski sign) is an upper motor neuron sign, not a segmental reflex.",
  },
];
