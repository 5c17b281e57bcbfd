/**
 * Table rows as PDF extraction leaves them: one line per row, the name first, then the cells.
 * "Hip abductor 2 2+" is a row of grades (the first column is the one read: on presentation);
 * "Tibialis anterior Increased F&P(+) No MUAP" is a needle EMG row; "L4/5, L5/S1 PVMs Increased -"
 * names paraspinal levels.
 */
import { getAtlas } from "../../atlas/index.js";
import type { Vocabulary } from "../vocabulary.js";

export const GRADE_CELL = /^[0-5][+-]?(?:\/5)?$/;
const EMG_CELL =
  /^(?:normal|nl|increased|inc\.?|decreased|dec\.?|reduced|red\.?|absent|none|nil|[-\u2013\u2014]|0|[1-4]\+|\+{1,4}|f\s*&\s*p\s*\(?\+*\)?|fibs?\.?(?:\s*\(?\+*\)?)?|fibrillations?|psws?|positive sharp waves?|crds?|myokymi[ac]|fasc(?:iculations?)?\.?|no\s+muaps?|no\s+mups?|no\s+units?|no\s+muap|polys?|polyphasic|inc\.?\s*polys|large|long|high|small|short|brief|single|discrete|complete|full|early|mixed|neurogenic|myopathic|reduced)$/i;
const CELL_SPLIT =
  /\s*(no\s+muaps?|no\s+mups?|no\s+units?|inc\.?\s*polys|f\s*&\s*p\s*\(?\+*\)?|positive sharp waves?|[^\s]+)\s*/gi;

export const PARASPINAL_ROW =
  /^((?:(?:T1[0-2]|L[1-5]|S[1-4])(?:\s*[-/]\s*(?:T1[0-2]|L[1-5]|S[1-4]|[1-5]))?\s*(?:,|and|&)?\s*)+)\s*(?:paraspinals?|paraspinalis|PVMs?|PSPs?|paravertebrals?|paravertebral muscles?|multifidus)\b/i;

export function cells(rest: string): string[] {
  const out: string[] = [];
  CELL_SPLIT.lastIndex = 0;
  for (let m = CELL_SPLIT.exec(rest); m; m = CELL_SPLIT.exec(rest)) if (m[1]) out.push(m[1]);
  return out;
}

export interface Row {
  kind: "strength" | "emg";
  /** Where the name ends in the line. */
  nameEnd: number;
  ids: string[];
  target: "movement" | "muscle";
  cells: string[];
  /** Paraspinal levels the atlas does not know (e.g. "S3"). */
  unknown: string[];
}

/** Expand "L4/5, L5/S1" to paraspinal muscle ids through the atlas. */
export function paraspinalIds(levels: string): { ids: string[]; unknown: string[] } {
  const atlas = getAtlas();
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const m of levels.matchAll(/(T1[0-2]|L[1-5]|S[1-4])(?:\s*[-/]\s*(T1[0-2]|L[1-5]|S[1-4]|[1-5]))?/gi)) {
    const a = (m[1] ?? "").toUpperCase();
    let b = m[2]?.toUpperCase();
    if (b && /^[1-5]$/.test(b)) b = `${a[0]}${b}`;
    const pair = b ? atlas.resolve(`${a}/${b} paraspinals`, ["muscle"]) : undefined;
    if (pair) {
      ids.push(...pair.ids);
      continue;
    }
    for (const level of b ? [a, b] : [a]) {
      const one = atlas.resolve(`${level} paraspinal`, ["muscle"]);
      if (one) ids.push(...one.ids);
      else unknown.push(level);
    }
  }
  return { ids: [...new Set(ids)], unknown };
}

/** Read a line as a table row, or undefined. */
export function readRow(line: string, vocab: Vocabulary): Row | undefined {
  const text = line.trim();
  if (text.length > 120 || text.length < 4) return undefined;
  const para = PARASPINAL_ROW.exec(text);
  if (para) {
    const rest = cells(text.slice(para[0].length));
    if (rest.length === 0 || !rest.every((c) => EMG_CELL.test(c))) return undefined;
    const { ids, unknown } = paraspinalIds(para[1] ?? "");
    return { kind: "emg", nameEnd: para[0].length, ids, target: "muscle", cells: rest, unknown };
  }
  const first = vocab.leading(text, ["movement", "muscle"]);
  if (
    !first ||
    (first.start > 0 &&
      /[A-Za-z0-9]/.test(text.slice(0, first.start).replace(/\b(left|right|lt|rt)\b/gi, "")))
  )
    return undefined;
  const rest = cells(text.slice(first.end));
  if (rest.length === 0) return undefined;
  if (rest.every((c) => GRADE_CELL.test(c)))
    return {
      kind: "strength",
      nameEnd: first.end,
      ids: first.ids,
      target: first.kind === "movement" ? "movement" : "muscle",
      cells: rest,
      unknown: [],
    };
  if (first.kind === "muscle" && rest.every((c) => EMG_CELL.test(c)) && rest.some((c) => !GRADE_CELL.test(c)))
    return { kind: "emg", nameEnd: first.end, ids: first.ids, target: "muscle", cells: rest, unknown: [] };
  return undefined;
}
