/**
 * Finding atlas words in running text. The index is built once from the atlas (ids, names,
 * synonyms, abbreviations, group words) and the few extraction words in phrases.ts; matching ignores
 * case, hyphens, slashes and the words "the" and "of", takes the longest phrase at each place, tries
 * the singular and plural of the last word, and insists on capitals for short abbreviations ("TA",
 * "AT", "EHL") so that ordinary words ("at", "sol") are never read as muscles.
 */

import { groups, synonyms } from "../atlas/data/synonyms.js";
import { type AtlasKind, getAtlas } from "../atlas/index.js";
import { MISSING_SYNONYMS } from "./phrases.js";
import { countWork } from "./work.js";

export interface Mention {
  start: number;
  end: number;
  ids: string[];
  kind: AtlasKind;
  group?: string;
}

interface Entry {
  ids: string[];
  kind: AtlasKind;
  group?: string;
  /** Short abbreviations must be written this way (separators removed), capitals included. */
  exact?: string;
}

/** Words skipped inside a phrase: "dorsum of the left foot" is "dorsum foot". */
/** An atlas phrase found in a text: where it is, its lookup key and the words as written. */
interface Phrase {
  start: number;
  end: number;
  key: string;
  raw: string;
}

const STOP = new Set(["the", "of", "left", "right", "both", "bilateral", "lt", "rt", "l", "r"]);
const TOKEN = /[A-Za-z0-9]+/g;
/**
 * What may stand between the words of one phrase: "biceps femoris (short head)". Not a comma: "the
 * sole, lateral foot" is two regions (a table cell's "Biceps femoris, short head" is read without it).
 */
const GAP = /^[\s\-'/.()]*$/;

/** Plurals that adding or dropping an "s" does not make: matched as their singular. */
const IRREGULAR: Record<string, string> = { feet: "foot", calves: "calf" };
const low = (w: string): string => {
  const l = w.toLowerCase();
  return IRREGULAR[l] ?? l;
};

function words(text: string): string[] {
  return (text.match(TOKEN) ?? []).map(low).filter((w) => !STOP.has(w));
}

export class Vocabulary {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly prefixes = new Set<string>();

  constructor() {
    const atlas = getAtlas();
    const d = atlas.data;
    const kindOf = (id: string): AtlasKind | undefined => atlas.kindOf(id);
    const named: { id: string; name: string }[] = [
      ...d.roots,
      ...d.plexus,
      ...d.nerves,
      ...d.muscles,
      ...d.movements,
      ...d.reflexes,
      ...d.regions,
      ...d.studies,
    ];
    for (const x of named) {
      const kind = kindOf(x.id);
      if (!kind) continue;
      this.add(x.id.replace(/_/g, " "), { ids: [x.id], kind });
      this.add(x.name, { ids: [x.id], kind });
    }
    for (const [id, ws] of Object.entries(synonyms)) {
      const kind = kindOf(id);
      if (!kind) continue;
      for (const w of ws) this.add(w, { ids: [id], kind });
    }
    for (const g of groups)
      for (const w of [g.id, g.name, ...g.words])
        this.add(w, { ids: g.members, kind: "muscle", group: g.id });
    for (const p of MISSING_SYNONYMS)
      for (const w of p.words)
        this.add(w, { ids: p.ids, kind: p.kind, ...(p.group ? { group: p.group } : {}) });
  }

  private add(word: string, entry: Entry): void {
    const ws = words(word);
    if (ws.length === 0) return;
    const key = ws.join("");
    const raw = (word.match(TOKEN) ?? []).join("");
    const e: Entry = /[A-Z]/.test(word) && key.length <= 4 ? { ...entry, exact: raw } : entry;
    const list = this.byKey.get(key) ?? [];
    if (!list.some((x) => x.kind === e.kind && x.ids.join() === e.ids.join())) list.push(e);
    this.byKey.set(key, list);
    let p = "";
    for (const w of ws) {
      p += w;
      this.prefixes.add(p);
    }
  }

  /** The entry for a phrase key among `kinds` ("any": of whatever kind). */
  private lookup(key: string, raw: string, kinds: readonly AtlasKind[] | "any"): Entry | undefined {
    // The singular and plural of the last word: "reflex(es)", "jerk(s)".
    const other = key.endsWith("es")
      ? [key.slice(0, -1), key.slice(0, -2)]
      : key.endsWith("s")
        ? [key.slice(0, -1)]
        : [`${key}s`];
    for (const k of [key, ...other]) {
      const list = this.byKey.get(k);
      if (!list) continue;
      const hit = list.find(
        (e) =>
          (kinds === "any" || kinds.includes(e.kind)) &&
          (e.exact === undefined || (k === key && e.exact === raw) || `${e.exact}s` === raw),
      );
      if (hit) return hit;
    }
    return undefined;
  }

  /** Atlas words of the given kinds in text[from, to), longest first, not overlapping. */
  scan(text: string, kinds: readonly AtlasKind[], from = 0, to = text.length): Mention[] {
    countWork(to - from);
    const out: Mention[] = [];
    for (const p of this.phrases(text, from, to)) {
      const m = this.mention(p, kinds);
      if (m) out.push(m);
    }
    return out;
  }

  /** A phrase as a mention of the given kinds, when its key has an entry of one of them. */
  private mention(p: Phrase | undefined, kinds: readonly AtlasKind[]): Mention | undefined {
    const entry = p ? this.lookup(p.key, p.raw, kinds) : undefined;
    if (!p || !entry) return undefined;
    return {
      start: p.start,
      end: p.end,
      ids: entry.ids,
      kind: entry.kind,
      ...(entry.group ? { group: entry.group } : {}),
    };
  }

  /**
   * The atlas word a text opens with, after side words and "the" ("R TA", "Left tibialis anterior
   * 4/5"), of the given kinds; as `scan(text, kinds)[0]` when that starts the text, without reading
   * the rest of the line.
   */
  leading(text: string, kinds: readonly AtlasKind[]): Mention | undefined {
    countWork(text.length);
    return this.mention(this.phrases(text, 0, text.length, true)[0], kinds);
  }

  /**
   * The atlas phrases of text[from, to) of any kind, longest first, not overlapping: where each
   * starts and ends and its key. The longest phrase of any kind wins its place ("inferior gluteal",
   * a nerve, is not the gluteal muscles even when only muscles are asked for), so the phrases are
   * the same whatever kinds a reader asks for; only the entry chosen at each differs.
   */
  private phrases(text: string, from: number, to: number, leading = false): Phrase[] {
    // Words are read as the walk needs them: the opening phrase of a line reads only its words.
    const toks: { s: number; e: number; low: string; raw: string }[] = [];
    const token = new RegExp(TOKEN.source, "g");
    token.lastIndex = from;
    let ended = false;
    const at = (j: number) => {
      while (!ended && toks.length <= j) {
        const m = token.exec(text);
        if (!m || m.index >= to || m.index + m[0].length > to) ended = true;
        else toks.push({ s: m.index, e: m.index + m[0].length, low: low(m[0]), raw: m[0] });
      }
      return toks[j];
    };
    const out: Phrase[] = [];
    let i = 0;
    while (at(i)) {
      const first = toks[i];
      if (!first || STOP.has(first.low)) {
        i++;
        continue;
      }
      let key = "";
      let raw = "";
      let best: Phrase & { j: number } = { start: 0, end: 0, key: "", raw: "", j: -1 };
      for (let j = i; at(j); j++) {
        const t = toks[j] as (typeof toks)[number];
        if (j > i) {
          const prev = toks[j - 1] as (typeof toks)[number];
          if (!GAP.test(text.slice(prev.e, t.s))) break;
        }
        if (STOP.has(t.low)) continue;
        const next = key + t.low;
        if (
          !this.prefixes.has(next) &&
          !this.prefixes.has(`${next}s`) &&
          !this.prefixes.has(next.replace(/s$/, "")) &&
          !this.prefixes.has(next.replace(/es$/, ""))
        )
          break;
        key = next;
        raw += t.raw;
        if (this.lookup(key, raw, "any")) best = { start: first.s, end: t.e, key, raw, j };
      }
      if (best.j < 0) {
        // Only the phrase the text opens with: the first word that is not a side or "the" starts
        // it or there is none.
        if (leading) break;
        i++;
        continue;
      }
      const { j, ...phrase } = best;
      out.push(phrase);
      if (leading) break;
      i = j + 1;
    }
    return out;
  }

  /** A whole phrase to an entry (for table cells and built phrases). */
  resolve(phrase: string, kinds: readonly AtlasKind[]): Mention | undefined {
    const m = this.scan(phrase, kinds);
    const only = m[0];
    if (m.length !== 1 || !only) return undefined;
    const rest = phrase.slice(0, only.start) + phrase.slice(only.end);
    return /[A-Za-z0-9]/.test(rest.replace(/\b(the|of|muscles?)\b/gi, "")) ? undefined : only;
  }
}

let shared: Vocabulary | undefined;
export function vocabulary(): Vocabulary {
  shared ??= new Vocabulary();
  return shared;
}
