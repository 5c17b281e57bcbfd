/**
 * Conduction tables printed side by side, one column per leg, as many reports set them out:
 *
 *   SENSORY                  RIGHT                    LEFT
 *                            Peak lat / Amp           Peak lat / Amp
 *   Sural                    NR                       NR
 *   Superficial peroneal     NR                       3.9 ms / 2 uV
 *   MOTOR                    RIGHT                    LEFT
 *   Peroneal (EDB)           5.9 ms / 0.8 mV / 38     6.1 ms / 0.6 mV / 37
 *   LATE RESPONSES           RIGHT                    LEFT
 *   Tibial F (ms)            58.9 (ULN 58)            57.1
 *   H reflex                 absent                   absent
 *
 * A header names the sides of its columns (and the kind of study in its first cell); a line of
 * column names under it ("DL / Amp / CV") says what each value of a cell is, else latency,
 * amplitude, velocity. Each row is a study on each side, judged as ncs-table judges a study (a
 * late response by the upper limit written in its row, "(ULN 58)", when there is one). Cells are
 * cut at the note's column gaps, so the two sides never mix.
 */
import type { Doc } from "../doc.js";
import type { Side } from "../laterality.js";
import type { Unit } from "../sentences.js";
import { finishGrid } from "./ncs-grid.js";
import { type Column, columnOf, finish, NERVE, readValues, sideOf, studyId } from "./ncs-table.js";

type Kind = "motor" | "sensory" | "late";

const SIDE_WORD = /^(left|right|lt\.?|rt\.?|L|R)$/i;
const COLUMN_WORD = /\b(lat(?:ency)?|DL|onset|peak|amp(?:litude)?|vel(?:ocity)?|CV|NCV)\b/gi;
const NERVE_AT = new RegExp(`^${NERVE}\\b`, "i");
const LATE = /^(?:(tibial|peroneal|fibular)\s+)?(F|H)(?:[- ]?(?:wave|reflex|resp\w*))?$/i;
const VALUE_CELL =
  /^(?:NR|N\/R|absent|no response|[-\u2013]|\d+(?:\.\d+)?\s*(?:ms|mV|uV|µV|m\/s)?(?:\s*\/\s*\d+(?:\.\d+)?\s*(?:ms|mV|uV|µV|m\/s)?)*(?:\s*\((?:ULN|upper limit|normal <|<)\s*\d+(?:\.\d+)?\))?)$/i;
const ULN = /\((?:ULN|upper limit|normal <|<)\s*(\d+(?:\.\d+)?)\)/i;

/** A header naming a side per column: "SENSORY  RIGHT  LEFT", "Right  Left". */
function sideHeader(cells: string[]): { kind: Kind; sides: Side[] } | undefined {
  const sides = cells.filter((c) => SIDE_WORD.test(c));
  const rest = cells.filter((c) => !SIDE_WORD.test(c));
  if (sides.length < 2 || rest.length > 1 || rest.some((c) => c.split(/\s+/).length > 3)) return undefined;
  const named = sides.map((c) => sideOf(c) as Side);
  if (new Set(named).size !== named.length) return undefined;
  const first = rest[0] ?? "";
  const kind: Kind = /sens/i.test(first)
    ? "sensory"
    : /late|F[- ]?wave|reflex/i.test(first)
      ? "late"
      : "motor";
  return { kind, sides: named };
}

/** A line of column names, one cell per side: "Peak lat / Amp  Peak lat / Amp". */
function columnLine(cells: string[], count: number): Column[][] | undefined {
  if (cells.length !== count || cells.some((c) => /\d/.test(c))) return undefined;
  const cols = cells.map((c) => [...c.matchAll(COLUMN_WORD)].map((m) => columnOf(m[1] ?? "")));
  return cols.every((c) => c.length > 0) ? cols : undefined;
}

/** The study a row's first cell names ("Peroneal (EDB)", "Tibial F (ms)", "H reflex"). */
function rowStudy(cell: string, kind: Kind): string | undefined {
  const name = cell.replace(/\((?:ms|mV|uV|µV|m\/s)\)/gi, "").trim();
  const late = LATE.exec(name);
  if (late) {
    const h = /^h/i.test(late[2] ?? "");
    if (h) return /peroneal|fibular/i.test(late[1] ?? "") ? undefined : "tibial_h_reflex";
    return /peroneal|fibular/i.test(late[1] ?? "") ? "peroneal_f_wave" : "tibial_f_wave";
  }
  const m = NERVE_AT.exec(name);
  if (!m) return undefined;
  const rest = name.slice(m[0].length);
  const type = /sens/i.test(rest)
    ? "sensory"
    : /mot/i.test(rest)
      ? "motor"
      : kind === "late"
        ? "motor"
        : kind;
  return studyId(m[1] ?? "", type, /\b(EDB|AH|AHB|TA)\b/.exec(rest)?.[1] ?? "");
}

/** Whether a line is part of such a table (for the sentence splitter). */
export function isSideBySideLine(cells: string[]): boolean {
  if (sideHeader(cells)) return true;
  if (cells.length >= 2 && columnLine(cells.slice(cells.length === 3 ? 1 : 0), 2)) return true;
  return cells.length === 3 && cellsAreValues(cells) && rowStudy(cells[0] ?? "", "motor") !== undefined;
}

const cellsAreValues = (cells: string[]) => cells.slice(1).every((c) => VALUE_CELL.test(c));

/** Read every side-by-side conduction table; returns the units read, which other readers leave alone. */
export function readNcsSides(doc: Doc): Set<Unit> {
  const read = new Set<Unit>();
  let table: { kind: Kind; sides: Side[]; cols?: Column[][] } | undefined;
  for (const u of doc.patient) {
    const cells = doc.cells(u.start, u.end);
    const header = sideHeader(cells);
    if (header) {
      table = header;
      read.add(u);
      continue;
    }
    if (!table || !u.row) {
      table = undefined;
      continue;
    }
    const n = table.sides.length;
    const cols = columnLine(cells.length === n + 1 ? cells.slice(1) : cells, n);
    if (cols) {
      table.cols = cols;
      read.add(u);
      continue;
    }
    const study =
      cells.length === n + 1 && cellsAreValues(cells) ? rowStudy(cells[0] ?? "", table.kind) : undefined;
    if (!study) continue;
    read.add(u);
    readRow(doc, u, study, cells.slice(1), table);
  }
  return read;
}

function readRow(
  doc: Doc,
  u: Unit,
  study: string,
  values: string[],
  table: { sides: Side[]; cols?: Column[][] },
) {
  const late = /_(f_wave|h_reflex)$/.test(study);
  const uln = Number(ULN.exec(values.join(" "))?.[1] ?? Number.NaN);
  values.forEach((cell, i) => {
    const side = table.sides[i];
    const text = cell.replace(ULN, " ").replace(/\//g, " ");
    const site = readValues(text, "", late ? ["lat"] : table.cols?.[i]);
    const open = { study, side, span: [u.start, u.end] as [number, number], sites: [site], end: u.end };
    if (late) finishGrid(doc, open, Number.isNaN(uln) ? undefined : uln);
    else finish(doc, open);
  });
}
