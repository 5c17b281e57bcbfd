/** Builders shared by the condition catalogue's files. */
import type { ClueEffect, ClueId, LocalizationPattern } from "../types.js";

export const e = (clue: ClueId, lr: number, why: string, ...sources: string[]): ClueEffect => ({
  clue,
  lr,
  why,
  sources,
});
/** A clue the diagnosis rests on: `lr` when found, `absent` when not. */
export const needs = (
  clue: ClueId,
  lr: number,
  absent: number,
  why: string,
  ...sources: string[]
): ClueEffect => ({
  clue,
  lr,
  absent,
  why,
  sources,
});
export const p = (
  level: LocalizationPattern["level"],
  fit: number,
  sites?: string[],
  side: LocalizationPattern["side"] = "unilateral",
  maxSites?: number,
): LocalizationPattern => ({
  level,
  fit,
  ...(sites ? { sites } : {}),
  side,
  ...(maxSites ? { maxSites } : {}),
});

export const LUMBOSACRAL_ROOTS = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"];
export const PLEXUS = ["lumbar_plexus", "lumbosacral_trunk", "sacral_plexus"];
export const LEG_NERVES = [
  "femoral",
  "obturator",
  "saphenous",
  "lateral_femoral_cutaneous",
  "sciatic",
  "common_peroneal",
  "deep_peroneal",
  "superficial_peroneal",
  "tibial",
  "sural",
  "superior_gluteal",
  "inferior_gluteal",
];

/** Shared: a peripheral nerve lesion spares the paraspinals. */
export const spinesSpared = [
  e(
    "paraspinal_denervation",
    0.1,
    "paraspinal denervation does not occur with a lesion of a limb nerve",
    "katirji2002",
  ),
  e("back_pain", 0.6, "back pain points to the spine rather than a limb nerve", "katirji2002"),
];
