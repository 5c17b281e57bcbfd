/**
 * The shapes of anatomical knowledge. The data lives in `data/`; every fact carries source keys.
 * Nothing here imports any other part of Locus.
 */

export type RootId = "T12" | "L1" | "L2" | "L3" | "L4" | "L5" | "S1" | "S2" | "S3" | "S4";
export type Side = "left" | "right";

export interface Source {
  title: string;
  authors: string;
  year: number;
  /** Journal, publisher or edition. */
  published: string;
  url?: string;
  kind: "textbook" | "review" | "article" | "guideline" | "monograph";
}

/** Keys into the sources table; checked by the integrity tests. */
export type SourceKey = string;

/** A root's share in the supply of a muscle, skin region, reflex or study. */
export interface RootShare {
  root: RootId;
  /** Relative weight; the weights of one target sum to 1 after loading. */
  weight: number;
  role: "major" | "minor";
}

export interface Root {
  id: RootId;
  name: string;
  /** The intervertebral foramen the root leaves by, e.g. "L4-L5". */
  foramen: string;
  /** Whether the root reaches the leg through the plexus: T12 only feeds the top of the lumbar plexus. */
  note: string;
  sources: SourceKey[];
}

export type PlexusId = "lumbar_plexus" | "lumbosacral_trunk" | "sacral_plexus";

export interface PlexusElement {
  id: PlexusId;
  name: string;
  /** Roots whose fibres pass through this element. */
  roots: RootId[];
  /** For the sacral plexus: the element that carries some roots into it (L4, L5 via the trunk). */
  fedBy?: { element: PlexusId; roots: RootId[] };
  divisions?: { id: string; name: string; nerves: string[] }[];
  note: string;
  sources: SourceKey[];
}

/** One step along a nerve, proximal to distal. */
export type CourseItem =
  /** A place a lesion can sit; a lesion here reaches every item after it. */
  | { site: string; name: string; prior?: number; formatId?: string }
  /** A muscular branch leaving here; in the sciatic nerve, the division that carries it. */
  | { muscle: string; division?: SciaticDivision }
  /** A cutaneous branch leaving here, with the share of the region's skin it supplies. */
  | { skin: string; share: number; branch?: string }
  /** A named nerve that leaves here and has its own course (from a sciatic division, where it applies). */
  | { nerve: string; division?: SciaticDivision };

/** The two nerves that run in one sheath as the sciatic nerve. */
export type SciaticDivision = "tibial" | "peroneal";

export interface Nerve {
  id: string;
  name: string;
  /** Where it comes from: a plexus element, or another nerve. */
  parent: { plexus: PlexusId; division?: "anterior" | "posterior" } | { nerve: string };
  roots: RootId[];
  course: CourseItem[];
  /** Whether a lesion anywhere along it is a candidate site for localization. */
  note?: string;
  sources: SourceKey[];
}

export interface MuscleSupply {
  /** The nerve whose branch enters the muscle; a muscle with two nerves lists both. */
  nerve: string;
  share: number;
  /** Roots carried by this nerve's branch, where they differ from the muscle's overall supply. */
  roots?: RootShare[];
}

export interface Muscle {
  id: string;
  name: string;
  supply: MuscleSupply[];
  roots: RootShare[];
  movements: string[];
  /** Needled in a routine lumbosacral screen or often enough to be a sensible choice. */
  commonlyNeedled: boolean;
  /** Paraspinals: supplied by the dorsal ramus of their own and neighbouring roots, not by the plexus. */
  dorsalRamus?: boolean;
  sources: SourceKey[];
  note?: string;
}

export interface Movement {
  id: string;
  name: string;
  primeMovers: string[];
  contributors: string[];
  sources: SourceKey[];
}

export interface Reflex {
  id: string;
  name: string;
  /** The arc's segments; `umn` reflexes (plantar) are read as upper motor neuron signs instead. */
  roots: RootShare[];
  /** The muscles whose contraction is the reflex; the arc follows their nerve. */
  muscles: string[];
  nerve?: string;
  umnSign?: boolean;
  /** Reflexes that are often absent in healthy older people. */
  ageDependent?: boolean;
  sources: SourceKey[];
  note?: string;
}

export interface DermatomeView {
  source: SourceKey;
  roots: RootId[];
  /** What the map shows there, in a few words, where the root list alone would mislead. */
  note?: string;
}

export interface Region {
  id: string;
  name: string;
  /** The default dermatome weights Locus uses. */
  roots: RootShare[];
  /** What each map says, where they differ. */
  dermatomeViews: DermatomeView[];
  /** Cutaneous nerves, with the share of the region each supplies (from the nerve course data). */
  parent?: string;
  /** Midline regions have no side. */
  midline?: boolean;
  sources: SourceKey[];
}

export interface Study {
  id: string;
  name: string;
  type: "sensory" | "motor" | "f_wave" | "h_reflex";
  nerve: string;
  /** Motor studies record from a muscle; sensory studies from a skin region's nerve. */
  recordsFrom: { muscle: string } | { skin: string };
  roots: RootShare[];
  /** The fibres tested are distal to the dorsal root ganglion: a root lesion leaves the response normal. */
  postganglionic: boolean;
  /** Typical lower limit of normal (amplitude) or upper limit (latency), with the unit. */
  normal?: {
    amplitudeLln?: number;
    /** Between-session variation of the amplitude, as a fraction: a value less than this far above the lower limit is borderline. */
    amplitudeRetest?: number;
    unit?: "mV" | "uV";
    latencyUln?: number;
    note?: string;
  };
  /** How age changes the normal range. */
  ageEffect?: string;
  sources: SourceKey[];
}

export interface Disagreement {
  topic: string;
  about: string[];
  positions: { view: string; sources: SourceKey[] }[];
  locusUses: string;
  why: string;
}

export type AtlasKind =
  | "root"
  | "plexus"
  | "nerve"
  | "site"
  | "muscle"
  | "movement"
  | "reflex"
  | "region"
  | "study";

export interface SynonymEntry {
  /** The canonical id. */
  id: string;
  kind: AtlasKind | "group";
  words: string[];
}

export interface Group {
  id: string;
  name: string;
  kind: "muscle";
  members: string[];
  words: string[];
}
