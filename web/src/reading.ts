/**
 * What the page reads each value of a case as, with the same readers the CLI and the API use
 * (src/case): an MRC grade through `canonicalMrc` ("4/5", "4-/5", "M4" read as the case stage
 * reads them), an atlas word through the atlas's lexicon ("ankle jerk" is the ankle reflex, "TA"
 * tibialis anterior). Every grid finds its value through these, so a value saved in clinic words
 * shows in its row as what it was read as, and never as a second row.
 */
import { type AtlasKind, getAtlas } from "../../src/atlas/index.js";
import { canonicalMrc, MRC_PATTERN, OTHERS } from "../../src/case/index.js";
import type { Territory } from "./territory.js";
import type { Finding, Side } from "./types.js";

const cache = new Map<string, string>();

/**
 * The id an atlas word is read as (a group word, "quadriceps", stays the group word); the word
 * itself when the atlas does not know it, so it still shows, and the case stage names the error.
 */
export function readAs(word: string, kinds: readonly AtlasKind[]): string {
  if (word === OTHERS) return word;
  const key = `${kinds.join(",")}|${word}`;
  const kept = cache.get(key);
  if (kept !== undefined) return kept;
  const hit = getAtlas().resolve(word, kinds);
  const id = !hit ? word : hit.ids.length === 1 ? (hit.ids[0] ?? word) : (hit.group ?? hit.via);
  cache.set(key, id);
  return id;
}

const MOVEMENT_OR_MUSCLE: AtlasKind[] = ["movement", "muscle"];
export const targetOf = (f: Extract<Finding, { kind: "strength" }>) => readAs(f.target, MOVEMENT_OR_MUSCLE);
export const reflexOf = (f: Extract<Finding, { kind: "reflex" }>) => readAs(f.reflex, ["reflex"]);
export const regionOf = (f: Extract<Finding, { kind: "sensory" }>) => readAs(f.region, ["region"]);
export const muscleOf = (f: Extract<Finding, { kind: "emg" }>) => readAs(f.muscle, ["muscle"]);
export const studyOf = (f: Extract<Finding, { kind: "ncs" }>) => readAs(f.study, ["study"]);

/** Matchers for the grids: the finding of this kind whose word reads as this id. */
export const isStrength = (id: string) => (f: Finding) => f.kind === "strength" && targetOf(f) === id;
export const isReflex = (id: string) => (f: Finding) => f.kind === "reflex" && reflexOf(f) === id;
export const isSensory = (id: string) => (f: Finding) => f.kind === "sensory" && regionOf(f) === id;

export const MRC_MESSAGE = 'an MRC grade: 0 to 5 with optional "+" or "-" (4-, 4/5, M4), or "weak"';

/**
 * A strength cell as the case stage reads it: the grade ("4/5" -> 4, "4-/5" -> "4-"), nothing for an
 * empty cell, or why it is not a grade ("4.5": the MRC scale has no halves).
 */
export function readMrc(
  text: string,
): { ok: true; value: number | string | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  const canonical = canonicalMrc(t);
  if (canonical === undefined || (canonical !== "weak" && !MRC_PATTERN.test(canonical)))
    return { ok: false, message: MRC_MESSAGE };
  return { ok: true, value: /^[0-5]$/.test(canonical) ? Number(canonical) : canonical };
}

/** A grade as the cell shows it: what it was read as ("4/5" shows 4); as written when it does not read. */
export const mrcText = (v: number | string | undefined): string =>
  v === undefined ? "" : (canonicalMrc(String(v)) ?? String(v));

/**
 * How far the lesion shown reaches a muscle on a side (0..1); for a finding on both sides (or none
 * given) the more reached side, so every table shades a muscle alike.
 */
export function reachOf(
  territory: Territory,
  muscles: readonly string[],
  side: Side | "bilateral" | undefined,
) {
  const sides: Side[] = side === "left" || side === "right" ? [side] : ["right", "left"];
  return Math.max(0, ...sides.flatMap((s) => muscles.map((m) => territory.muscles.get(`${s}:${m}`) ?? 0)));
}
