/**
 * What the free text of a report names: the roots at a spinal level, and muscles and nerves
 * through the atlas's lexicon. Context items (context.ts) read imaging and other reports with it.
 */
import type { Atlas, AtlasKind } from "../atlas/index.js";
import { keep, keepBounded } from "../keep.js";
import { LESION_ROOTS as ROOTS } from "./model.js";
import { musclesOfBodyPart } from "./observe.js";

/**
 * Words that say which of a level's two roots a disc or stenosis meets: the exiting (upper) root in
 * and beyond the foramen or where a fragment has migrated upwards, the traversing (lower) root in
 * the lateral recess or where a fragment has migrated downwards (Fardon 2014, the nomenclature of
 * lumbar disc disease).
 */
const UPPER =
  /\b(extra-?foraminal|foraminal|far lateral|exiting|migrat\w* (up\w*|cranial\w*|superior\w*|rostral\w*)|(upward|cranial|superior|rostral)(ly)? migrat\w*)\b/i;
const LOWER =
  /\b(lateral recess|subarticular|paracentral|traversing|central|migrat\w* (down\w*|caudal\w*|inferior\w*)|(downward|caudal|inferior)(ly)? migrat\w*)\b/i;

/** Roots an imaging level points at: the exiting (upper) and traversing (lower) root. */
export function rootsAtLevel(level: string | undefined, tag: string, text: string): string[] {
  const named = rootsNamed(text);
  if (named.length) return named;
  if (!level) return ["L2", "L3", "L4", "L5", "S1"];
  const parts = level.split("-").filter((p) => ROOTS.includes(p));
  if (parts.length === 1) return parts;
  const [upper, lower] = parts as [string, string];
  if (tag === "foraminal_stenosis" || UPPER.test(text)) return [upper];
  if (tag === "lateral_recess_stenosis" || LOWER.test(text)) return [lower];
  if (tag === "canal_stenosis") return ROOTS.slice(ROOTS.indexOf(lower));
  return [upper, lower];
}

/**
 * Roots the report names ("the left L5 and S1 roots", "traversing S1 root"). Either end of a level
 * ("L5-S1", "L4/5", "L5 - S1") names a disc space between two vertebrae, not a root (Fardon 2014).
 */
export function rootsNamed(text: string): string[] {
  if (!/\broots?\b/i.test(text)) return [];
  const found = text.toUpperCase().match(/(?<![LS]\d\s*[-/]\s*)\b[LS][1-5]\b(?!\s*[-/]\s*[LS]?\d)/g) ?? [];
  return [...new Set(found)].filter((r) => ROOTS.includes(r));
}

/** Answers kept per atlas, by text; past the bound a table starts again. */
const MAX_KEPT = 1000;
const textMuscles = new WeakMap<Atlas, Map<string, string[]>>();
const textNerves = new WeakMap<Atlas, Map<string, ReadonlySet<string>>>();

/**
 * The atlas entries of the given kinds that the text names, reading its words from left to right
 * and taking the longest phrase (up to `longest` words) the lexicon knows at each place.
 * `accept` may refuse a hit (the phrase as words, the hit's kind); the scan then tries shorter ones.
 */
function scan(
  atlas: Atlas,
  words: readonly string[],
  kinds: readonly AtlasKind[],
  lengths: { shortest: number; longest: number },
  accept: (phrase: readonly string[], kind: string) => boolean,
): { ids: string[]; kind: string }[] {
  const hits: { ids: string[]; kind: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = lengths.longest; n >= lengths.shortest; n--) {
      const phrase = words.slice(i, i + n);
      const hit = atlas.resolve(phrase.join(" "), kinds);
      if (!hit || !accept(phrase, hit.kind)) continue;
      hits.push(hit);
      i += n - 1;
      break;
    }
  }
  return hits;
}

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Muscles named in free text, through the atlas lexicon (one to four words at a time). */
export function musclesInText(atlas: Atlas, text: string): string[] {
  const kept = keep(textMuscles, atlas, () => new Map<string, string[]>());
  return [...keepBounded(kept, text, () => readMuscles(atlas, text), MAX_KEPT)];
}

function readMuscles(atlas: Atlas, text: string): string[] {
  const hits = scan(
    atlas,
    wordsOf(text),
    ["muscle"],
    { shortest: 1, longest: 4 },
    (p) => p.join(" ").length >= 4,
  );
  const found = new Set(hits.flatMap((h) => h.ids));
  if (found.size === 0)
    for (const w of ["calf", "thigh", "quadriceps", "hamstring", "adductor", "gluteal"])
      if (text.toLowerCase().includes(w)) for (const m of musclesOfBodyPart(atlas, w)) found.add(m);
  return [...found];
}

/**
 * Lesion sites of nerves named in free text, through the atlas lexicon: a nerve named as one
 * ("sural nerve", "deep peroneal nerves") stands for all its sites, a named place ("fibular
 * head", "anterior tarsal tunnel") for its own. A nerve's name counts only with the word "nerve"
 * ("tibial" alone is also a bone).
 */
export function nerveSitesInText(atlas: Atlas, text: string): ReadonlySet<string> {
  const kept = keep(textNerves, atlas, () => new Map<string, ReadonlySet<string>>());
  return keepBounded(kept, text, () => readNerveSites(atlas, text), MAX_KEPT);
}

/**
 * Coordinated names share their head noun: "the femoral and lateral femoral cutaneous nerves" names
 * two nerves, so "nerve" is put after each name joined by "and" or "or" to a following "nerves".
 */
function distributeNerves(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === "and" || w === "or") {
      const ahead = words.slice(i + 1, i + 6);
      const plural = ahead.indexOf("nerves");
      if (
        plural > 0 &&
        !ahead.slice(0, plural).some((x) => x === "and" || x === "or") &&
        out.at(-1) !== "nerve"
      )
        out.push("nerve");
    }
    out.push(w === "nerves" ? "nerve" : w);
  }
  return out;
}

function readNerveSites(atlas: Atlas, text: string): Set<string> {
  const words = distributeNerves(wordsOf(text));
  const hits = scan(
    atlas,
    words,
    ["nerve", "site"],
    { shortest: 2, longest: 6 },
    (phrase, kind) => kind === "site" || phrase.includes("nerve"),
  );
  const found = new Set<string>();
  for (const hit of hits)
    for (const id of hit.ids) {
      if (hit.kind === "site") found.add(id);
      else
        for (const step of atlas.data.nerves.find((x) => x.id === id)?.course ?? [])
          if ("site" in step && step.site) found.add(step.site);
    }
  return found;
}
