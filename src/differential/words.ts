/**
 * Lesions and ids in the words a clinician writes ("right common peroneal nerve at the fibular
 * head", "left L5 root"), from the atlas's names; no internal id reaches a sentence.
 */
import { describe, getAtlas } from "../atlas/index.js";
import type { Lesion } from "../case/schema.js";
import { keepBounded } from "../keep.js";

const DIFFUSE_WORDS: Partial<Record<Lesion["level"], string>> = {
  polyneuropathy: "length-dependent polyneuropathy",
  polyradiculopathy: "polyradiculopathy",
  cauda_equina: "cauda equina",
  conus: "conus medullaris",
  anterior_horn: "anterior horn (motor neuron disease)",
  cns: "upper motor neuron lesion (brain or cord)",
  none: "no neurological lesion",
};

const names = new Map<string, string>();

/** The atlas's name for an id (a root keeps its id: "L5"); words with spaces for anything else. */
export function nameOf(id: string): string {
  const kept = names.get(id);
  if (kept !== undefined) return kept;
  let name = id.replaceAll("_", " ").replace("@", " at the ");
  if (!/^[LST]\d{1,2}$/.test(id)) {
    const entry = describe(getAtlas(), id);
    if (entry && entry.kind !== "group") name = entry.name;
  }
  names.set(id, name);
  return name;
}

const joined = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/** Phrases of lesions that cannot change (frozen, as the localize stage gives them), by lesion. */
const phrases = new WeakMap<Lesion, string>();

/** One lesion in words: "right common peroneal nerve at the fibular head", "left L5 and S1 roots". */
export function lesionPhrase(l: Lesion): string {
  const kept = phrases.get(l);
  if (kept !== undefined) return kept;
  const phrase = phraseOf(l);
  if (Object.isFrozen(l) && Object.isFrozen(l.sites)) phrases.set(l, phrase);
  return phrase;
}

function phraseOf(l: Lesion): string {
  const side = l.side === "bilateral" ? "both sides" : l.side;
  if (l.level === "muscle" && l.sites.length === 0) return `myopathy (${side})`;
  if (l.sites.length === 0) return `${DIFFUSE_WORDS[l.level] ?? l.level.replaceAll("_", " ")} (${side})`;
  const sides = l.side === "bilateral" ? "" : `${l.side} `;
  const tail = l.side === "bilateral" ? " on both sides" : "";
  if (l.level === "root") return `${sides}${joined(l.sites)} root${l.sites.length > 1 ? "s" : ""}${tail}`;
  return `${sides}${joined(l.sites.map(nameOf))}${tail}`;
}

export function hypothesisPhrase(lesions: readonly Lesion[]): string {
  return lesions.map(lesionPhrase).join(" with ");
}

/** A free word as written in the case ("pelvic_surgery:vaginal hysterectomy"), in plain words. */
export function spoken(raw: string): string {
  const [head = "", ...rest] = raw.split(":");
  const detail = rest.join(":").trim();
  const word = head.replaceAll("_", " ").trim();
  return detail ? `${word} (${detail})` : word;
}

const SNAKE = /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?:@[a-z0-9_]+)?\b/g;

/** Sentences already put in words: the engine's reasons come back in case after case. */
const said = new Map<string, string>();
/** Sentences kept at most (a sentence quoting a case's free text is kept too, until this many). */
const MAX_SAID = 4096;

/** Any id left in a sentence, named (atlas ids) or spelled out (other snake_case words). */
export function clinicalWords(text: string): string {
  // An id has an underscore; most sentences (98% of the engine's reasons) have none.
  if (!text.includes("_")) return text;
  return keepBounded(said, text, () => text.replace(SNAKE, (id) => nameOf(id)), MAX_SAID);
}
