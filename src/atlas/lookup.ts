/**
 * Words to ids: canonical ids, names, synonyms, abbreviations and group words, with the nearest
 * known words for a word not understood.
 */

import { keepBounded } from "../keep.js";
import type { AtlasKind } from "./types.js";

export interface Resolved {
  /** The ids the word stands for: one, or several for a group word ("quadriceps"). */
  ids: string[];
  kind: AtlasKind;
  /** The canonical word matched. */
  via: string;
  group?: string;
}

/**
 * Words folded so far (the atlas's and the case format's words recur in every case, and "did you
 * mean" folds every known word of a list); bounded, and started again past the bound.
 */
const folded = new Map<string, string>();
const MAX_FOLDED = 20_000;

/** Case, spaces, hyphens, underscores, dots, slashes and apostrophes do not matter. */
export function fold(word: string): string {
  return keepBounded(
    folded,
    word,
    () =>
      word
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/['’.\-_\s/]+/g, ""),
    MAX_FOLDED,
  );
}

/** Damerau-free Levenshtein distance, bounded for speed. */
export function editDistance(a: string, b: string, max = 4): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

export class Lexicon {
  private readonly byWord = new Map<string, Resolved[]>();
  private readonly display = new Map<string, string>();

  add(word: string, entry: Resolved): void {
    const key = fold(word);
    if (!key) return;
    const list = this.byWord.get(key) ?? [];
    const same = list.find((e) => e.kind === entry.kind && e.ids.join() === entry.ids.join());
    if (!same) list.push(entry);
    this.byWord.set(key, list);
    if (!this.display.has(key)) this.display.set(key, word);
  }

  /** Every entry a word matches (more than one means the word is ambiguous across kinds). */
  lookup(word: string, kinds?: readonly AtlasKind[]): Resolved[] {
    const list = this.byWord.get(fold(word)) ?? [];
    return kinds ? list.filter((e) => kinds.includes(e.kind)) : list;
  }

  /** Known words closest to `word` among the given kinds, best first. */
  nearest(
    word: string,
    kinds?: readonly AtlasKind[],
    limit = 3,
  ): { word: string; ids: string[]; distance: number }[] {
    const key = fold(word);
    const max = Math.max(2, Math.floor(key.length / 3));
    const found: { word: string; ids: string[]; distance: number }[] = [];
    for (const [k, entries] of this.byWord) {
      const hits = kinds ? entries.filter((e) => kinds.includes(e.kind)) : entries;
      if (hits.length === 0) continue;
      const d = k.startsWith(key) && key.length >= 4 ? 1 : editDistance(key, k, max);
      if (d <= max)
        found.push({
          word: hits[0]?.ids.length === 1 ? (hits[0]?.ids[0] ?? k) : (this.display.get(k) ?? k),
          ids: hits[0]?.ids ?? [],
          distance: d,
        });
    }
    found.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
    const seen = new Set<string>();
    const unique = found.filter((f) => {
      if (seen.has(f.word)) return false;
      seen.add(f.word);
      return true;
    });
    return unique.slice(0, limit);
  }

  /** Words that resolve to more than one id of the same kind (the integrity tests want none). */
  ambiguous(): { word: string; entries: Resolved[] }[] {
    const out: { word: string; entries: Resolved[] }[] = [];
    for (const [k, entries] of this.byWord) {
      const kinds = new Set(entries.map((e) => e.kind));
      if (kinds.size < entries.length) out.push({ word: this.display.get(k) ?? k, entries });
    }
    return out;
  }
}
