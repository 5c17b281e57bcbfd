/**
 * Needle EMG tables with a column header, as EMG machines print them:
 *
 *   Side  Muscle             Nerve          Root   Ins Act  Fibs  PSW  Amp  Dur  Poly  Recrt
 *   Left  Tibialis anterior  Deep peroneal  L4-5   Incr     2+    2+   Nml  Nml  0     Reduced
 *
 * The header names the columns; each row's cells (cut at two or more spaces, or tabs) are read by
 * their column: insertional activity, fibrillations and positive sharp waves with their grade,
 * fasciculations, MUAP amplitude and duration (increased: neurogenic; decreased: myopathic),
 * recruitment. The nerve and root columns are the table's reference, not findings, and a row is
 * never given another row's values.
 */
import type { EmgFinding } from "../../case/schema.js";
import type { Doc } from "../doc.js";
import type { Side } from "../laterality.js";
import type { Unit } from "../sentences.js";
import type { Vocabulary } from "../vocabulary.js";
import { paraspinalIds } from "./tables.js";

type Column =
  | "side"
  | "muscle"
  | "ins"
  | "fibs"
  | "psw"
  | "fasc"
  | "amp"
  | "dur"
  | "poly"
  | "recruit"
  | "muap"
  | "spont"
  | "extra"
  | "other";

const COLUMN_WORDS: [RegExp, Column][] = [
  [/^side$/i, "side"],
  [/^muscles?(?: \((?:L|R|left|right)\))?$/i, "muscle"],
  [/^(ins(?:ertional)?(?:\.? act(?:ivity)?)?|IA)$/i, "ins"],
  [/^(fibs?|fibrillations?|fib potentials|fibs? ?\/ ?psws?|f ?& ?p|fibs? ?& ?psws?)$/i, "fibs"],
  [/^(spont(?:aneous)?(?: activity)?|SA)$/i, "spont"],
  [/^(MUAPs?|MUPs?|motor units?|MUAP morphology|morphology|morph)$/i, "muap"],
  [/^(other|others|other spont(?:aneous)?)$/i, "extra"],
  [/^(psws?|positive sharp waves?|\+?sw)$/i, "psw"],
  [/^(fascs?|fascics?|fasciculations?)$/i, "fasc"],
  [/^(amp(?:litude)?|MUAP amp(?:litude)?)$/i, "amp"],
  [/^(dur(?:ation)?|MUAP dur(?:ation)?)$/i, "dur"],
  [/^(poly(?:phasia|phasic)?|phases)$/i, "poly"],
  [/^(recr(?:uit(?:ment)?)?t?|recrt|int(?:erference)? pat(?:tern)?|IP)$/i, "recruit"],
];

export function columnOf(cell: string): Column {
  return COLUMN_WORDS.find(([re]) => re.test(cell))?.[1] ?? "other";
}

/** The columns of a header line (its cells), or undefined when it is not a needle EMG header. */
export function emgHeader(cells: string[]): Column[] | undefined {
  const cols = headerCells(cells).map(columnOf);
  const known = new Set(cols.filter((c) => c !== "other" && c !== "side"));
  return known.has("muscle") && known.size >= 3 ? cols : undefined;
}

/**
 * A header's cells, a cell that is two column names set one space apart ("Side Muscle" over a
 * narrow side column) split in two; a name of two words ("Ins Act") is kept whole.
 */
function headerCells(cells: string[]): string[] {
  return cells.flatMap((c) => {
    if (columnOf(c) !== "other") return [c];
    const ws = c.split(/\s+/);
    return ws.length > 1 && ws.every((w) => columnOf(w) !== "other") ? ws : [c];
  });
}

/** The side a header's muscle cell gives its rows ("Muscle (L)"). */
function headerSide(cells: string[]): Side | undefined {
  const m = cells.map((c) => /^muscles? \((L|R|left|right)\)$/i.exec(c)).find(Boolean);
  return m ? (/^l/i.test(m[1] ?? "") ? "left" : "right") : undefined;
}

/** Whether a line (its cells) looks like a row of such a table: a muscle in its first cells, four cells or more. */
export function isEmgTableRow(cells: string[], vocab: Vocabulary): boolean {
  if (cells.length < 4) return false;
  return cells
    .slice(0, 2)
    .some((c) => /paraspinal|PSP|PVM|multifidus/i.test(c) || vocab.scan(c, ["muscle"]).length > 0);
}

const NONE = /^(0|none|nil|-|\u2013|absent|nml|normal|nl)$/i;
const GRADE = /^\+?([1-4])\+?$|^(\+{1,4})$/;

function cellGrade(c: string): number | undefined {
  const g = GRADE.exec(c.trim());
  if (!g) return undefined;
  return g[1] ? Number(g[1]) : (g[2] ?? "").length;
}

const level = (c: string): "increased" | "reduced" | "normal" | undefined =>
  /^(incr?\.?|increased|high|\u2191|large|long)$/i.test(c)
    ? "increased"
    : /^(decr?\.?|decreased|red\.?|reduced|low|\u2193|small|short)$/i.test(c)
      ? "reduced"
      : /^(nml|normal|nl|n)$/i.test(c)
        ? "normal"
        : undefined;

/** A spontaneous-activity cell in words ("Fibs 2+", "None", "Myokymia", "CRDs"). */
function spontCell(c: string): Pick<EmgFinding, "spontaneous" | "grade"> | undefined {
  const t = c.trim();
  const g = /([1-4])\+|(\+{1,4})/.exec(t);
  const grade = g ? (g[1] ? Number(g[1]) : (g[2] ?? "").length) : undefined;
  if (/fib|psw|sharp|f ?& ?p|denervat/i.test(t) || (grade !== undefined && /^\+?[1-4]?\+*$/.test(t)))
    return grade ? { spontaneous: "fibrillations", grade } : { spontaneous: "fibrillations" };
  if (/myokym/i.test(t)) return { spontaneous: "myokymia" };
  if (/\bCRDs?\b|complex repetitive/i.test(t)) return { spontaneous: "crd" };
  if (/fasc/i.test(t)) return { spontaneous: "fasciculations" };
  if (NONE.test(t)) return { spontaneous: "none" };
  return undefined;
}

/** A MUAP cell in words: "Normal", "Large, long duration", "Mildly large", "Small, short", "None activated". */
function muapCell(c: string): EmgFinding["muap"] | undefined {
  const t = c.trim();
  if (/^(nml|normal|nl|n)$/i.test(t)) return "normal";
  if (/^(none|no units|none activated|absent|no MUAPs?)/i.test(t)) return "none";
  if (/small|short|low|brief|myopathic/i.test(t)) return "myopathic";
  if (/large|long|high|incr|neurogenic|polyphasic|reinnervat|chronic/i.test(t)) return "neurogenic";
  return undefined;
}

function spontaneousOf(at: (c: Column) => string): Pick<EmgFinding, "spontaneous" | "grade"> {
  const fib = Math.max(cellGrade(at("fibs")) ?? 0, cellGrade(at("psw")) ?? 0);
  if (fib > 0) return { spontaneous: "fibrillations", grade: fib };
  const spont = spontCell(at("spont"));
  if (spont && spont.spontaneous !== "none") return spont;
  const extra = spontCell(at("extra"));
  if (extra && extra.spontaneous !== "none" && extra.spontaneous !== "fibrillations") return extra;
  if ((cellGrade(at("fasc")) ?? 0) > 0) return { spontaneous: "fasciculations" };
  if (spont || NONE.test(at("fibs")) || NONE.test(at("psw"))) return { spontaneous: "none" };
  return {};
}

/** The findings of one row, read by the header's columns. */
export function readEmgCells(cols: Column[], cells: string[]): Omit<EmgFinding, "kind" | "muscle" | "side"> {
  const f: Omit<EmgFinding, "kind" | "muscle" | "side"> = {};
  const at = (c: Column) => (cols.includes(c) ? (cells[cols.indexOf(c)] ?? "") : "");
  const ins = level(at("ins"));
  if (ins) f.insertional = ins;
  Object.assign(f, spontaneousOf(at));
  const amp = level(at("amp"));
  const dur = level(at("dur"));
  if (amp === "increased" || dur === "increased") f.muap = "neurogenic";
  else if (amp === "reduced" || dur === "reduced") f.muap = "myopathic";
  else if (amp === "normal" && (dur === "normal" || dur === undefined)) f.muap = "normal";
  const muap = muapCell(at("muap"));
  if (muap) f.muap = muap;
  const r = at("recruit").toLowerCase();
  if (/^(nml|normal|nl|full|complete)$/.test(r)) f.recruitment = "normal";
  else if (/^(reduced|red\.?|decr?\.?|decreased|\u2193|mod(erately)? reduced|mild(ly)? reduced)$/.test(r))
    f.recruitment = "reduced";
  else if (/^(discrete|single|single unit)$/.test(r)) f.recruitment = "discrete";
  else if (/^early$/.test(r)) f.recruitment = "early";
  else if (/^(none|no units|absent|0)$/.test(r)) {
    f.recruitment = "none";
    f.muap = "none";
  }
  return f;
}

/** The one side a table's title names ("NEEDLE EMG (right leg)"), if it names exactly one. */
function titleSide(doc: Doc, u: Unit): Side | undefined {
  if (!/\b(EMG|needle|electromyograph\w*|muscles?)\b/i.test(u.text) || u.text.length > 80) return undefined;
  const sides = new Set(
    doc
      .sides(u)
      .filter((m) => !m.reference)
      .map((m) => m.side),
  );
  const [only] = [...sides];
  return sides.size === 1 && (only === "left" || only === "right") ? only : undefined;
}

/** A pipe table's rule ("|---|---|") or an empty line: part of the table, not a row. */
export const RULE = /^[\s|:\-\u2013\u2014=+]*$/;

/**
 * Read every needle EMG table with a header in the note. The side of a row is its side cell, else
 * the header's ("Muscle (L)"), else the table title's ("NEEDLE EMG (right leg)"), else the side
 * the row or the note names. A line under the header whose muscle Locus does not know is reported
 * and the table goes on. Returns the units read as rows, which the prose reader leaves alone.
 */
export function readEmgTables(doc: Doc): Set<Unit> {
  const read = new Set<Unit>();
  let cols: Column[] | undefined;
  let tableSide: Side | undefined;
  let title: Side | undefined;
  for (const u of doc.patient) {
    const cells = doc.cells(u.start, u.end);
    const header = emgHeader(cells);
    if (header) {
      cols = header;
      tableSide = headerSide(cells) ?? title;
      continue;
    }
    if (RULE.test(u.text)) continue;
    const looksRow =
      cols !== undefined && cells.length >= Math.min(3, cols.length) && /^[A-Za-z]/.test(cells[0] ?? "");
    if (!u.row && !looksRow) {
      cols = undefined;
      title = titleSide(doc, u);
      continue;
    }
    if (!cols) continue;
    read.add(u);
    readTableRow(doc, u, cols, cells, tableSide);
  }
  return read;
}

function readTableRow(doc: Doc, u: Unit, cols: Column[], cells: string[], tableSide: Side | undefined): void {
  const mi = cols.indexOf("muscle");
  // In a cell the muscle's name is all there is: "Biceps femoris, short head" is one name.
  const name = (cells[mi] ?? "").replace(/,\s*/g, " ");
  const para = /paraspinal|PSP|PVM|multifidus/i.test(name) ? paraspinalIds(name).ids : [];
  const m = para.length
    ? { ids: para }
    : (doc.vocab.resolve(name, ["muscle"]) ?? doc.vocab.scan(name, ["muscle"])[0]);
  if (!m) {
    doc.leftover(u.start, u.end, "a needle EMG row whose muscle Locus does not know");
    return;
  }
  const sideCell = cols.includes("side") ? (cells[cols.indexOf("side")] ?? "") : "";
  const side: Side | undefined = /^(l|left|lt)$/i.test(sideCell)
    ? "left"
    : /^(r|right|rt)$/i.test(sideCell)
      ? "right"
      : (tableSide ?? doc.side(u, u.start, u.end, { fallback: true }).side);
  const f = readEmgCells(cols, cells);
  for (const id of m.ids) {
    const e: EmgFinding = { kind: "emg", muscle: id, ...f };
    if (side) e.side = side;
    doc.add(e, [[u.start, u.end]], 0.85);
  }
}

/**
 * A table row flattened into "column value" pairs ("IA incr, Fibs 2+, PSW 2+, Fasc 0, MUAP nl,
 * Recruit decr"): read by the same columns, or undefined when fewer than two pairs name a column.
 */
export function labelledCells(stretch: string): Omit<EmgFinding, "kind" | "muscle" | "side"> | undefined {
  const cols: Column[] = [];
  const cells: string[] = [];
  for (const item of stretch.replace(/^[\s:,-]+|[\s.;]+$/g, "").split(/\s*,\s*/)) {
    const m = /^(.+?)\s+(\S+)$/.exec(item.trim());
    if (!m) continue;
    const col = columnOf(m[1] ?? "");
    if (col === "other" || col === "muscle" || col === "side") continue;
    cols.push(col);
    cells.push(m[2] ?? "");
  }
  return cols.length >= 2 ? readEmgCells(cols, cells) : undefined;
}
