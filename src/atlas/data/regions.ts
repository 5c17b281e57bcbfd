/**
 * Skin regions (FORMAT.md ids, with a few finer ones). `roots` is the default dermatome supply
 * Locus uses, in the myotome notation of muscles.ts; `views` keeps what each classical map says.
 * Cutaneous nerves are not listed here: they come from the nerve courses (nerves.ts), so a region
 * and the nerves that reach it can never disagree.
 * `dorsalRamus`: the share of the skin supplied by dorsal rami (cluneal nerves, low back), which
 * only a lesion at the root reaches.
 */
export interface RegionData {
  id: string;
  name: string;
  roots: string;
  views: { source: string; roots: string[]; note?: string }[];
  dorsalRamus?: number;
  midline?: boolean;
  sources: string[];
}

/**
 * The maps: Foerster (1933, pain after cutting neighbouring roots), Keegan and Garrett (1948,
 * hypalgesia from single compressed roots, long bands), Lee et al. (2008, the areas where the
 * evidence agrees, blanks where it does not, no S3-S5), Faleiros et al. (2009, L4, L5 and S1 in
 * patients with a single proven root lesion). A view is listed only where the map is known to
 * cover the region; the per-map cells were read from the maps as reproduced in reviews
 * (Lee 2008, Downs and LaPorte 2011) and were not all checked against the original figures.
 */
const view = (source: string, roots: string[], note?: string) => ({
  source,
  roots,
  ...(note ? { note } : {}),
});
const lee = (roots: string[], note?: string) => view("lee2008", roots, note);
const kg = (roots: string[], note?: string) => view("keegan1948", roots, note);
const fo = (roots: string[], note?: string) => view("foerster1933", roots, note);
const fa = (roots: string[], note?: string) => view("faleiros2009", roots, note);
const general = ["statpearlsDermatomes", "downs2011"];

function region(
  id: string,
  name: string,
  roots: string,
  views: RegionData["views"],
  extra: Partial<Pick<RegionData, "dorsalRamus" | "midline">> & { sources?: string[] } = {},
): RegionData {
  const { sources: more = [], ...rest } = extra;
  const sources = [...new Set([...views.map((v) => v.source), ...general, ...more])];
  return { id, name, roots, views, ...rest, sources };
}

export const regions: RegionData[] = [
  region("low_back", "low back", "L1 L2 L3 (S1 S2)", [], {
    dorsalRamus: 1,
    midline: true,
    sources: ["grays2021"],
  }),
  region(
    "buttock",
    "buttock",
    "S2 S3 (L1 L2 L3)",
    [
      fo(["S2", "S3"]),
      kg(["L1", "L2", "L3", "S3"]),
      fa(["S1"], "the S1 area of patients with S1 lesions took in the buttock"),
    ],
    {
      dorsalRamus: 0.6,
      sources: ["grays2021"],
    },
  ),
  region(
    "perineum",
    "perineum and perianal skin",
    "S3 S4 (S2)",
    [fo(["S3", "S4"], "concentric perianal rings, with S5 (not modelled) innermost"), kg(["S2", "S3", "S4"])],
    {
      midline: true,
      sources: ["grays2021"],
    },
  ),
  region("groin", "groin", "L1 (T12)", [lee(["L1"]), kg(["L1"])]),
  region("genital", "genitals", "S2 S3 L1", [], { midline: true, sources: ["grays2021"] }),
  // Finer regions inside the trunk-limb junction: the autonomous areas of the small cutaneous nerves,
  // which the coarse regions above blur together. No classical dermatome map draws them separately.
  region("suprapubic", "suprapubic skin", "L1 (T12)", [], {
    sources: ["grays2021", "statpearlsThighNerves"],
  }),
  region("iliac_crest", "skin over the iliac crest and upper outer buttock", "L1 (T12)", [], {
    dorsalRamus: 0.3,
    sources: ["grays2021", "statpearlsThighNerves"],
  }),
  region(
    "genital_anterior",
    "mons pubis or root of the penis, front of the scrotum or labium majus",
    "L1",
    [],
    { sources: ["grays2021", "statpearlsThighNerves"] },
  ),
  region("thigh_upper_medial", "upper inner thigh just below the groin crease", "L1", [], {
    sources: ["grays2021", "statpearlsThighNerves"],
  }),
  region("femoral_triangle", "skin over the femoral triangle", "L1 (L2)", [], {
    sources: ["grays2021", "statpearlsThighNerves"],
  }),
  region("perianal", "perianal skin", "S4 (S3)", [fo(["S4"], "S5 (not modelled) innermost")], {
    midline: true,
    sources: ["grays2021", "statpearlsPudendal"],
  }),
  // The anococcygeal nerves (S4, S5 and the coccygeal nerve) reach this skin without passing
  // through the pudendal nerve: only the roots supply it here.
  region("coccyx", "skin over the coccyx", "S4", [], { midline: true, sources: ["grays2021"] }),
  region("buttock_lower", "lower buttock over the gluteal fold", "S2 S3", [], {
    sources: ["grays2021", "statpearlsLumbosacralPlexopathy"],
  }),
  region("thigh_anterior", "front of the thigh", "L2 L3 (L1)", [
    lee(["L2", "L3"]),
    kg(["L2", "L3"]),
    fo(["L2", "L3"]),
  ]),
  region("thigh_lateral", "outer thigh", "L2 L3", [lee(["L2", "L3"]), fo(["L2", "L3"])]),
  region("thigh_medial", "inner thigh", "L3 L2", [lee(["L2", "L3"]), kg(["L3"]), fo(["L2", "L3"])]),
  region("thigh_posterior", "back of the thigh", "S2 (S1 S3)", [
    lee(["S2"]),
    kg(["S1", "S2"]),
    fo(["S2"]),
    fa(["S1"]),
  ]),
  region("knee_anterior", "front of the knee", "L3 L4", [lee(["L3", "L4"]), kg(["L4"])]),
  region("knee_medial", "inner knee", "L3 (L4)", [
    lee(["L3"]),
    fo(["L3"]),
    kg(["L3"], "the L3 band ends at the medial knee or just below it"),
  ]),
  region("leg_anterolateral", "front and outer shin", "L5 (L4)", [
    lee(["L5"]),
    kg(["L5"]),
    fo(["L5"]),
    fa(["L5"]),
  ]),
  region("calf_lateral", "upper outer calf", "L5 S1", [fo(["L5", "S1"])]),
  region("leg_medial", "inner shin", "L4 (L3)", [lee(["L4"]), kg(["L4"]), fo(["L4"]), fa(["L4"])]),
  region("calf_posterior", "back of the calf", "S1 S2", [
    lee(["S1", "S2"]),
    kg(["S1"]),
    fo(["S1", "S2"]),
    fa(["S1"]),
  ]),
  region("ankle_lateral", "outer ankle", "S1", [lee(["S1"]), kg(["S1"])]),
  region("foot_dorsum", "top of the foot", "L5 (L4 S1)", [lee(["L5"]), kg(["L5"]), fo(["L5"]), fa(["L5"])]),
  region("first_web_space", "first web space", "L5", [lee(["L5"]), kg(["L5"])]),
  region("foot_lateral", "outer border of the foot", "S1", [
    lee(["S1"]),
    kg(["S1"], "lateral margin of the foot and the little toe"),
    fo(["S1"]),
  ]),
  region("foot_medial", "inner border of the foot", "L4 (L5)", [
    lee(["L4", "L5"]),
    kg(["L4"], "the L4 band runs on to the medial foot"),
    fo(["L4"]),
  ]),
  region("sole_medial", "inner sole", "S1 (L5)", [lee(["S1"]), fo(["L5", "S1"]), fa(["S1"], "plantar foot")]),
  region("sole_lateral", "outer sole", "S1 (S2)", [lee(["S1"]), fo(["S1"]), fa(["S1"], "plantar foot")]),
  region("heel", "heel", "S1 (S2)", [lee(["S1"]), fo(["S1", "S2"])]),
  region("great_toe", "great toe", "L5 (L4 S1)", [
    lee(["L5"]),
    kg(["L4", "L5"], "the L4 band reaches the medial side of the great toe"),
    fo(["L5"]),
  ]),
  region("little_toe", "little toe", "S1", [lee(["S1"]), kg(["S1"]), fo(["S1"])]),
];
