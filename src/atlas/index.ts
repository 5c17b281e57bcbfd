export { ATLAS_VERSION, Atlas, getAtlas, type LesionEffect, type Pathway, type Reach } from "./atlas.js";
export { ZONES, type Zone } from "./data/zones.js";
export { type AtlasEntry, describe } from "./describe.js";
export type { Bundle, Site, SiteLevel, TargetKey, TargetKind } from "./fibres.js";
export { ROOT_ORDER } from "./load.js";
export { editDistance, fold, type Resolved } from "./lookup.js";
export type * from "./types.js";
