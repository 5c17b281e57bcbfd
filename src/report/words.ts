/** Lesions and probabilities in words, shared by the text and Markdown reports. */
import type { Lesion } from "../case/schema.js";

const LEVEL_WORDS: Record<Lesion["level"], string> = {
  root: "root",
  plexus: "plexus",
  nerve: "nerve",
  muscle: "muscle",
  polyneuropathy: "length-dependent polyneuropathy",
  polyradiculopathy: "polyradiculopathy",
  cauda_equina: "cauda equina",
  conus: "conus medullaris",
  anterior_horn: "anterior horn (motor neuron disease)",
  cns: "upper motor neuron (brain or cord)",
  none: "no neurological lesion",
};

export function lesionWords(l: Lesion): string {
  const sites = l.sites.map((s) => s.replace("@", " at the ").replaceAll("_", " ")).join(" + ");
  const side = l.side === "bilateral" ? "both sides" : l.side;
  if (l.level === "muscle" && l.sites.length === 0) return `myopathy (${side})`;
  if (l.sites.length === 0) return `${LEVEL_WORDS[l.level]} (${side})`;
  const level =
    l.level === "root"
      ? l.sites.length > 1
        ? " roots"
        : " root"
      : l.level === "plexus"
        ? ""
        : ` ${LEVEL_WORDS[l.level]}`;
  return `${side} ${sites}${level}`;
}

export function hypothesisWords(lesions: readonly Lesion[]): string {
  return lesions.map(lesionWords).join(" with ");
}

export const pct = (p: number): string =>
  p >= 0.995 ? "99%" : p < 0.01 && p > 0 ? "<1%" : `${Math.round(p * 100)}%`;

export function bar(p: number, width = 20): string {
  const full = Math.round(p * width);
  return `${"█".repeat(full)}${"░".repeat(width - full)}`;
}
