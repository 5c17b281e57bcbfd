/**
 * How common each kind of lesion is before the findings are read. Relative numbers: what matters
 * is their ratios. Nerve sites carry their own prior in the atlas (nerves.ts).
 */

export const rootPrior: Record<string, number> = {
  L1: 0.1,
  L2: 0.2,
  L3: 0.5,
  L4: 1.2,
  L5: 3,
  S1: 3,
  S2: 0.2,
  S3: 0.05,
  S4: 0.05,
};

export const plexusPrior: Record<string, number> = {
  lumbar_plexus: 0.5,
  lumbosacral_trunk: 0.25,
  sacral_plexus: 0.35,
};

/** Multiplier for each lesion beyond the first: one cause is likelier than two. */
export const extraLesion = {
  unrelated: 0.03,
  /** Adjacent roots on one side: multilevel stenosis and disc disease often take two roots. */
  adjacentRoots: 0.35,
  /** The same site on both sides: symmetric compressions and stenosis. */
  mirrored: 0.15,
};

/** Diffuse processes, relative to a single ordinary focal lesion (= 1). */
export const diffusePrior = {
  polyneuropathy: 0.6,
  myopathy: 0.1,
  anterior_horn: 0.03,
  polyradiculopathy: 0.15,
  cauda_equina: 0.1,
  conus: 0.03,
  cns: 0.3,
  none: 0.5,
  /** A diffuse process together with focal lesions. */
  withFocal: 0.35,
};

/** Context that makes polyneuropathy likelier (age, diabetes, alcohol, chemotherapy). */
export const polyneuropathyContext = {
  over60: 2,
  diabetes: 3,
  alcohol: 1.5,
  chemotherapy: 1.5,
};

export const priorSources = {
  why: "L5 and S1 account for most lumbosacral radiculopathies; peroneal neuropathy at the fibular head is the commonest lower-limb mononeuropathy; polyneuropathy is common after 60 and in diabetes; plexopathies and upper lumbar roots are rarer.",
  sources: ["levin2002", "katirji2002", "stewart2010", "dyck2002", "preston2020"],
};
