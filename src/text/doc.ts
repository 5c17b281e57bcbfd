/**
 * What the finding readers share: the normalised text, its sentences and rows, the side mentions
 * of each, the vocabulary, and the side most of the note is about.
 */
import type { Finding } from "../case/schema.js";
import {
  headerSide,
  type ResolvedMention,
  resolveAffected,
  type Side,
  type SideMention,
  sideFor,
  sideMentions,
} from "./laterality.js";
import type { Unit } from "./sentences.js";
import { type Vocabulary, vocabulary } from "./vocabulary.js";
import { countWork } from "./work.js";

/**
 * A sentence that opens with the leg it is about: "In the left leg ...", "Neuro, R leg: ...",
 * "Needle EMG, left: ...".
 */
const LEAD_SIDE =
  /^\s*(?:[•*-]\s*)?(?:(?:in|on|for)\s+the\s+(left|right)\s+(?:leg|lower\s+limb|lower\s+extremity)\b|[A-Za-z][A-Za-z ]{1,20},\s+(left|right|L|R)(?:\s+(?:leg|LE|lower\s+limb))?\s*:)/i;

/** A sentence of conduction or needle results: values in electrodiagnostic units, or their words. */
const ELECTRODIAGNOSTIC =
  /\d\s*(?:mV|uV|µV|m\/s|ms)\b|\b(?:CMAPs?|SNAPs?|F[- ]waves?|H[- ]reflex\w*|fibrillations?|MUAPs?|MUPs?|recruitment|conduction)\b/i;

/** How a line under a side label is written: a bulleted item, a labelled line, or plain text. */
type LineForm = "bullet" | "label" | "plain";
const BULLET = /^\s*(?:[-\u2013\u2022*\u25aa\u25e6\u00b7]|\d{1,2}[.)])\s/;
/** A line that opens with a label: "Reflexes:", "Power:", "MRI L-spine:". */
export const LABEL = /^\s*[A-Za-z][A-Za-z /&]{1,30}:/;
const lineForm = (line: string): LineForm =>
  BULLET.test(line) ? "bullet" : LABEL.test(line) ? "label" : "plain";

export interface Draft {
  finding: Finding;
  /** Normalised-text spans the finding was read from. */
  spans: [number, number][];
  confidence: number;
  /** Position in reading order, for stable output. */
  at: number;
}

export interface Leftover {
  start: number;
  end: number;
  why: string;
}

export class Doc {
  readonly vocab: Vocabulary = vocabulary();
  readonly drafts: Draft[] = [];
  readonly leftovers: Leftover[] = [];
  /** Spans that context extraction used (history, symptoms, onset): not unrecognised. */
  readonly used: [number, number][] = [];
  dominant: "left" | "right" | undefined;
  /** The side the note is clearly about (named at least twice, twice as often as the other). */
  dominantStrong: "left" | "right" | undefined;
  private readonly rawSides = new Map<Unit, SideMention[]>();
  private readonly sidesCache = new Map<Unit, ResolvedMention[]>();
  /** The side a section header ("RIGHT LEG:", "LLE:") gives each unit under it. */
  private readonly headers = new Map<Unit, Side>();

  constructor(
    readonly text: string,
    readonly units: Unit[],
    /** 1 where a space of the text stands for a column gap (a tab, or two spaces or more) in the note. */
    readonly gaps: Uint8Array = new Uint8Array(0),
  ) {
    this.dominant = this.findDominant();
    this.findHeaders();
  }

  /** The side of the section header a unit is under, if any. */
  headerSide(u: Unit): Side | undefined {
    return this.headers.get(u);
  }

  /**
   * A side label heads a section, and its side ends where the section ends (notes are sections
   * under labelled headers, each with a start and an end boundary: SecTag, Denny 2009; a ConText
   * scope ends at a section boundary, Harkema 2009; `TEXT_SOURCES`): at the next heading or side
   * label, at a blank line, and
   * - a label starting a line ("LLE: TA 4/5, EHL 2/5.") at the end of that line, or at the next
   *   label of any kind in a paragraph of prose ("Left leg: ... Lumbar spine: ...");
   * - a label alone on its line ("RIGHT LEG:") at the first line not written like the lines under
   *   it: the end of its bulleted list ("- TA 3/5" ... then "Reflexes: ..."), the first unlabelled
   *   line after labelled ones ("Power: ..." ... then "SLR neg bilat."), or the first label after
   *   plain lines.
   */
  private findHeaders(): void {
    let side: Side | undefined;
    let alone = false;
    let form: LineForm | undefined;
    let inProse = false;
    let block = -1;
    for (const u of this.units) {
      if (u.block !== block || u.afterBlank) side = undefined;
      block = u.block;
      const h = headerSide(u.text);
      if (h) {
        side = h.side;
        alone = h.alone;
        inProse = !u.opensLine;
        form = undefined;
      } else if (side && !alone) {
        if (u.opensLine || inProse || LABEL.test(u.text)) side = undefined;
      } else if (side && u.opensLine) {
        const f = lineForm(u.text);
        if (form !== undefined && f !== form) side = undefined;
        form ??= f;
      }
      if (side) this.headers.set(u, side);
      else {
        // "In the left leg tone was increased; hip flexion was 4/5", "Neuro, R leg: ankle DF 2/5;
        // knee extension 5/5": a leg named first, as the place of the whole sentence.
        const lead = LEAD_SIDE.exec(u.text);
        if (lead) this.headers.set(u, /^(l|left)$/i.test(lead[1] ?? lead[2] ?? "") ? "left" : "right");
      }
    }
  }

  private patientUnits: Unit[] | undefined;

  /** Units that describe the patient at presentation: not conclusions, follow-up or generalities. */
  get patient(): Unit[] {
    this.patientUnits ??= this.units.filter(
      (u) => u.section === "patient" && !u.followUp && !u.generic && !u.conclusion,
    );
    return this.patientUnits;
  }

  private raw(u: Unit): SideMention[] {
    let s = this.rawSides.get(u);
    if (!s) {
      s = sideMentions(this.text, u.start, u.end);
      countWork(u.end - u.start);
      this.rawSides.set(u, s);
    }
    return s;
  }

  /** The side words of a unit, "the affected side" resolved to the side the note is about. */
  sides(u: Unit): ResolvedMention[] {
    let s = this.sidesCache.get(u);
    if (!s) {
      s = resolveAffected(this.raw(u), this.dominant);
      this.sidesCache.set(u, s);
    }
    return s;
  }

  /** The side of a phrase in a unit; `inferred` when it falls back to the note's main side. */
  side(
    u: Unit,
    start: number,
    end: number,
    opts: { headStart?: number; fallback?: boolean; opposite?: Side } = {},
  ): { side: Side | undefined; inferred: boolean } {
    const s = sideFor(
      this.text,
      start,
      end,
      { from: u.start, to: u.end },
      this.sides(u),
      opts.opposite ?? this.dominant,
      opts.headStart ?? start,
      this.dominant,
    );
    if (s) return { side: s, inferred: false };
    const header = this.headers.get(u);
    if (header) return { side: header, inferred: false };
    if (opts.fallback && this.dominant) return { side: this.dominant, inferred: true };
    return { side: undefined, inferred: false };
  }

  add(finding: Finding, spans: [number, number][], confidence: number): void {
    this.drafts.push({
      finding,
      spans,
      confidence: Math.max(0, Math.min(1, confidence)),
      at: spans[0]?.[0] ?? 0,
    });
  }

  leftover(start: number, end: number, why: string): void {
    if (end > start) this.leftovers.push({ start, end, why });
  }

  /** The cells of text[start, end), cut at the column gaps of the note as written. */
  cells(start: number, end: number): string[] {
    return cellsAt(this.text, this.gaps, start, end);
  }

  /** The unit holding position `at` (binary search over the units in reading order). */
  unitAt(at: number): Unit | undefined {
    let lo = 0;
    let hi = this.units.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = this.units[mid] as Unit;
      if (at < u.start) hi = mid - 1;
      else if (at >= u.end) lo = mid + 1;
      else return u;
    }
    return undefined;
  }

  /** The side the note is mostly about, when one side clearly dominates. */
  /**
   * The side the note is about: counted first over the clinical sentences (history, examination),
   * then, if they settle nothing, over all of them. A conduction study or a needle examination is
   * sometimes done on the other leg for comparison; the leg a clinician examines and describes is
   * the patient's.
   */
  private findDominant(): "left" | "right" | undefined {
    const clinical = this.dominantOf((u) => !ELECTRODIAGNOSTIC.test(u.text));
    if (this.dominantStrong) return clinical.side;
    const all = this.dominantOf(() => true);
    if (!clinical.side || all.side === clinical.side) return all.side;
    this.dominantStrong = undefined;
    return clinical.side;
  }

  private dominantOf(keep: (u: Unit) => boolean): { side: "left" | "right" | undefined } {
    let left = 0;
    let right = 0;
    for (const u of this.units) {
      if (u.section !== "patient" || !keep(u)) continue;
      for (const m of this.raw(u)) {
        if (m.reference) continue;
        if (m.side === "left") left++;
        if (m.side === "right") right++;
      }
    }
    // One side at least twice as often as the other: the note is about it, whole-examination
    // statements included. One side named once and never the other: the side of a finding
    // written without one, but not enough to narrow a whole-examination statement.
    this.dominantStrong = undefined;
    if (left >= 2 && left >= 2 * right) this.dominantStrong = "left";
    if (right >= 2 && right >= 2 * left) this.dominantStrong = "right";
    if (this.dominantStrong) return { side: this.dominantStrong };
    if (left >= 1 && right === 0) return { side: "left" };
    if (right >= 1 && left === 0) return { side: "right" };
    return { side: undefined };
  }
}

const compiled = new Map<string, RegExp>();

/** Regex matches inside a unit, with absolute offsets. */
export function* matches(
  re: RegExp,
  text: string,
  u: { start: number; end: number },
): Generator<RegExpExecArray> {
  const flags = re.flags.includes("g") ? re.flags : `${re.flags}g`;
  const key = `${flags}/${re.source}`;
  let g = compiled.get(key);
  if (!g) {
    g = new RegExp(re.source, flags);
    compiled.set(key, g);
  }
  const piece = text.slice(u.start, u.end);
  countWork(piece.length);
  const found: RegExpExecArray[] = [];
  g.lastIndex = 0;
  for (let m = g.exec(piece); m; m = g.exec(piece)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    m.index += u.start;
    found.push(m);
  }
  yield* found;
}

/**
 * The cells of text[start, end), cut at column gaps, or at the bars of a pipe table ("| TA | Incr
 * |"), where an empty cell keeps its place so the columns stay aligned.
 */
export function cellsAt(text: string, gaps: Uint8Array, start: number, end: number): string[] {
  const piece = text.slice(start, end);
  if (/^\s*\|.*\|\s*$/.test(piece))
    return piece
      .trim()
      .slice(1, -1)
      .split("|")
      .map((c) => c.trim());
  const out: string[] = [];
  let s = start;
  for (let i = start; i < end; i++)
    if (gaps[i]) {
      out.push(text.slice(s, i).trim());
      s = i + 1;
    }
  out.push(text.slice(s, end).trim());
  return out.filter((c) => c.length > 0);
}

/** Which spaces of a normalised note stand for a tab or a run of two spaces or more in the original. */
export function columnGaps(original: string, map: Int32Array, text: string): Uint8Array {
  const gaps = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== " ") continue;
    const a = map[i] ?? 0;
    const b = map[i + 1] ?? a + 1;
    const run = original.slice(a, Math.max(a + 1, b));
    if (run.includes("\t") || /^[ \u00a0]{2,}/.test(run)) gaps[i] = 1;
  }
  return gaps;
}
