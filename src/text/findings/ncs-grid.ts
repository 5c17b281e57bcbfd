/**
 * Conduction tables printed as a grid, one column per item, the study and its first site on one
 * line and the further sites under it with the study's cells left empty:
 *
 *   Nerve        Side  Site       Rec   Lat (ms)  Amp (mV)  Segment     CV (m/s)
 *   R Peroneal         Ankle      EDB   4.8       5.2
 *                      Fib head   EDB   11.6      4.9       Ankle-Fib   47
 *   Sural        L     Calf             NR        NR
 *   R Tibial F         AH               53.8                            normal
 *
 * The header must name the nerve column. Text cells (nerve, side, site, recording site, segment,
 * comment) are told apart by their words; value cells are read by their units, else by the order
 * of the header's value columns (a cell without a unit takes the column after the last one read,
 * so an empty latency cell does not shift the amplitude). A line that names a nerve opens a study;
 * a line that names only a site adds a site to the open one. Late responses (F waves, H reflexes)
 * are studies of their own, read from their latency or "NR".
 */
import type { Doc } from "../doc.js";
import type { Side } from "../laterality.js";
import type { Unit } from "../sentences.js";
import { RULE } from "./emg-table.js";
import {
  type Column,
  columnOf,
  finish,
  finishLate,
  lateStudy,
  NERVE,
  type Open,
  readValues,
  SITE_NAME,
  sideOf,
  studyId,
} from "./ncs-table.js";

const VALUE_CELL =
  /^(?:NR|N\/R|absent|no response|[-\u2013]|\d+(?:\.\d+)?\s*(?:ms|mV|uV|µV|m\/s|cm)?(?:\s*\((?:peak|onset)\))?)$/i;
const NERVE_AT = new RegExp(`^(?:(left|right|lt\\.?|rt\\.?|L|R)\\s+)?${NERVE}\\b`, "i");
const LATE = /\b(F|H)(?:[- ]?(?:wave|reflex|resp\w*))?\s*$|\b(F[- ]?wave|H[- ]?reflex)\b/i;
const SIDE_CELL = /^(L|R|left|right|lt|rt)$/i;

/** A header of such a grid: a nerve column and a value column. */
export function gridHeader(cells: string[]): Column[] | undefined {
  // A needle EMG table names its nerves too, beside its muscles.
  if (!cells.some((c) => /^nerves?\b/i.test(c)) || cells.some((c) => /^muscles?\b/i.test(c)))
    return undefined;
  const cols = cells.flatMap((c) => {
    const m = /^(lat(?:ency)?|DL|onset|peak|amp(?:litude)?|vel(?:ocity)?|CV|NCV|dist(?:ance)?)\b/i.exec(c);
    return m ? [columnOf(m[1] ?? "")] : [];
  });
  return cols.length >= 1 ? cols : undefined;
}

/** Whether the cells of a line look like a row of such a grid (for the sentence splitter). */
export function isGridRow(cells: string[]): boolean {
  if (cells.length < 2 || cells.some((c) => c.split(/\s+/).length > 4 || /[.;]\s/.test(c))) return false;
  const first = cells[0] ?? "";
  return (
    cells.slice(1).some((c) => VALUE_CELL.test(c)) &&
    (NERVE_AT.test(first) || SITE_NAME.test(`${first} `) || SIDE_CELL.test(first))
  );
}

/** The study a nerve cell names, and its side, or undefined. */
function studyOf(cells: string[], type: "motor" | "sensory"): { study: string; side?: Side } | undefined {
  // "Fibular head", "Fibular neck" are sites, not the fibular nerve.
  const nerveCell = cells.find((c) => NERVE_AT.test(c) && !SITE_NAME.test(`${c} `));
  if (!nerveCell) return undefined;
  const m = NERVE_AT.exec(nerveCell) as RegExpExecArray;
  const rest = nerveCell.slice(m[0].length);
  const late = LATE.exec(rest);
  const kind = /sens/i.test(rest) ? "sensory" : /mot/i.test(rest) ? "motor" : type;
  const rec = /\b(EDB|AH|AHB|TA)\b/.exec(cells.join(" "))?.[1] ?? "";
  const study = late ? lateStudy(m[2] ?? "", late[1] ?? late[2] ?? "") : studyId(m[2] ?? "", kind, rec);
  if (!study) return undefined;
  const side = sideOf(m[1]) ?? sideOf(cells.find((c) => SIDE_CELL.test(c)));
  return side ? { study, side } : { study };
}

/** Read every conduction grid of the note; returns the units read, which other readers leave alone. */
export function readNcsGrids(doc: Doc): Set<Unit> {
  const read = new Set<Unit>();
  let cols: Column[] | undefined;
  let type: "motor" | "sensory" = "motor";
  let open: Open | undefined;
  const close = () => {
    if (open) finishGrid(doc, open);
    open = undefined;
  };
  for (const u of doc.patient) {
    const cells = doc.cells(u.start, u.end);
    const header = gridHeader(cells);
    if (/^\s*(motor|sensory|late)\b/i.test(u.text) && !header && !u.row) {
      close();
      type = /sens/i.test(u.text) ? "sensory" : "motor";
      cols = undefined;
      continue;
    }
    if (header) {
      close();
      cols = header;
      continue;
    }
    if (!cols || RULE.test(u.text)) continue;
    if (!u.row || !isGridRow(cells)) {
      close();
      cols = undefined;
      continue;
    }
    read.add(u);
    const first = cells.findIndex((c) => VALUE_CELL.test(c));
    const text = cells.slice(0, first);
    const values = cells
      .slice(first)
      .filter((c) => VALUE_CELL.test(c))
      .join("  ");
    const s = studyOf(text, type);
    if (s) {
      close();
      const side = s.side ?? doc.headerSide(u);
      open = { study: s.study, side, span: [u.start, u.end], sites: [], end: u.end };
    }
    if (!open) continue;
    const site = text.find((c) => SITE_NAME.test(`${c} `)) ?? text[text.length - 1] ?? "";
    open.sites.push(readValues(values.replace(/\((?:peak|onset)\)/gi, " "), site, cols));
    open.end = u.end;
  }
  close();
  return read;
}

/**
 * Late responses are read from their latency and "NR" (prolonged beyond `uln`, the upper limit the
 * report writes beside it, when it writes one); conduction studies as ncs-table reads them.
 */
export function finishGrid(doc: Doc, o: Open, uln?: number): void {
  if (/_(f_wave|h_reflex)$/.test(o.study)) finishLate(doc, o, uln);
  else finish(doc, o);
}
