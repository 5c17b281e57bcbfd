/**
 * Place words (v1.1): the stretch of nerve a conduction block lies across (`ncs.segment`) and the
 * place a Tinel sign was percussed (`sign.target`), read into atlas nerve-site ids.
 *
 * A place is looked up first in the atlas lexicon (its site and nerve words: "fibular head",
 * "tarsal tunnel", "peroneal nerve at the knee"), then in the landmark table below, which holds
 * places that may name more than one site ("inguinal ligament": the femoral and the lateral femoral
 * cutaneous nerves both pass under it). Leading prepositions ("across the", "at the") and a
 * trailing "segment" are ignored. For a nerve conduction study, only the sites that carry the
 * fibres the study tests are kept, so "across the knee" on a peroneal study is the fibular head
 * and the popliteal fossa, and on a tibial study the tibial nerve in the popliteal fossa.
 */

import { synonyms } from "../atlas/data/synonyms.js";
import { fold, getAtlas } from "../atlas/index.js";
import { nearestWords } from "./errors.js";

/** Sources of the landmark table (facts of anatomy and of nerve conduction technique). */
export const PLACE_SOURCES = {
  grays2021: {
    title: "Gray's Anatomy: The Anatomical Basis of Clinical Practice",
    authors: "Standring S (ed.)",
    year: 2021,
    published: "42nd ed. Elsevier",
    kind: "textbook",
  },
  stewart2010: {
    title: "Focal Peripheral Neuropathies",
    authors: "Stewart JD",
    year: 2010,
    published: "4th ed. JBJ Publishing, West Vancouver",
    kind: "textbook",
  },
  preston2020: {
    title:
      "Electromyography and Neuromuscular Disorders: Clinical-Electrophysiologic-Ultrasound Correlations",
    authors: "Preston DC, Shapiro BE",
    year: 2020,
    published: "4th ed. Elsevier (ISBN 9780323661805)",
    kind: "textbook",
  },
} as const;
type PlaceSource = keyof typeof PLACE_SOURCES;

interface Landmark {
  words: string[];
  sites: string[];
  source: PlaceSource;
}

/**
 * Landmarks and the nerve sites at them. Only places a clinician names on their own are listed;
 * a word that names one nerve at one place belongs in the atlas synonyms instead.
 */
export const LANDMARKS: Landmark[] = [
  // Peroneal conduction is stimulated below the fibular head and in the lateral popliteal fossa:
  // the segment "across the knee" spans the fibular head and the popliteal fossa (Preston & Shapiro).
  {
    words: ["knee", "the knee", "knee segment", "BK-AK", "below knee to above knee"],
    sites: ["common_peroneal@fibular_head", "common_peroneal", "tibial"],
    source: "preston2020",
  },
  {
    words: ["popliteal fossa", "popliteal", "popliteal space"],
    sites: ["common_peroneal", "tibial"],
    source: "grays2021",
  },
  { words: ["lateral popliteal fossa"], sites: ["common_peroneal"], source: "preston2020" },
  // Both nerves pass under the inguinal ligament, the lateral femoral cutaneous nerve near the
  // anterior superior iliac spine (Stewart; Gray's).
  {
    words: ["inguinal ligament", "inguinal", "groin"],
    sites: ["femoral@inguinal_ligament", "lateral_femoral_cutaneous"],
    source: "stewart2010",
  },
  {
    words: ["anterior superior iliac spine", "ASIS", "medial to the ASIS"],
    sites: ["lateral_femoral_cutaneous"],
    source: "stewart2010",
  },
  {
    words: ["ankle"],
    sites: ["tibial@tarsal_tunnel", "deep_peroneal@ankle", "superficial_peroneal@leg", "sural"],
    source: "grays2021",
  },
  {
    words: ["medial malleolus", "behind the medial malleolus", "flexor retinaculum", "medial ankle"],
    sites: ["tibial@tarsal_tunnel"],
    source: "stewart2010",
  },
  {
    words: [
      "extensor retinaculum",
      "inferior extensor retinaculum",
      "dorsum of the ankle",
      "front of the ankle",
    ],
    sites: ["deep_peroneal@ankle"],
    source: "stewart2010",
  },
  {
    words: ["sciatic notch", "greater sciatic notch", "sciatic foramen", "buttock", "gluteal region"],
    sites: ["sciatic"],
    source: "grays2021",
  },
  {
    words: ["adductor canal", "Hunter's canal", "subsartorial canal"],
    sites: ["saphenous"],
    source: "grays2021",
  },
  { words: ["obturator canal", "obturator foramen"], sites: ["obturator"], source: "grays2021" },
];

const LANDMARK_BY_WORD = new Map<string, Landmark>(
  LANDMARKS.flatMap((l) => l.words.map((w) => [fold(w), l] as const)),
);

const PREFIX =
  /^\s*(?:(?:across|at|around|over|above|below|beneath|under|behind|near|through|in|from|distal\s+to|proximal\s+to)\s+)?(?:the\s+)?/i;
const SUFFIX = /\s+(?:segment|region|level|area)\s*$/i;

/** The place words without their leading preposition and trailing "segment". */
export function placeCore(words: string): string {
  return words.replace(PREFIX, "").replace(SUFFIX, "").trim();
}

/** The atlas nerve sites a place names (every site, before any study narrows them), or []. */
export function placeSites(words: string): string[] {
  const atlas = getAtlas();
  for (const w of [words, placeCore(words)]) {
    const hit = atlas.resolve(w, ["site", "nerve"]);
    if (hit) return hit.ids.filter((id) => atlas.site(id) !== undefined);
    const landmark = LANDMARK_BY_WORD.get(fold(w));
    if (landmark) return landmark.sites.filter((id) => atlas.site(id) !== undefined);
  }
  return [];
}

/** The sites among `sites` that carry fibres a nerve conduction study tests. */
export function sitesOnStudy(sites: readonly string[], study: string): string[] {
  const atlas = getAtlas();
  if (!atlas.data.studies.some((s) => s.id === study)) return [...sites];
  return sites.filter((id) => atlas.reach(id, `study:${study}`) > 0);
}

/** Known place words nearest to words that named no place, for a "did you mean". */
export function nearestPlaces(words: string): string[] {
  const siteWords = Object.entries(synonyms)
    .filter(([id]) => getAtlas().kindOf(id) === "site")
    .flatMap(([, ws]) => ws);
  return nearestWords(placeCore(words), [...LANDMARKS.flatMap((l) => l.words), ...siteWords]);
}
