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
  | "other";

const COLUMN_WORDS: [RegExp, Column][] = [
  [/^side$/i, "side"],
  [/^muscles?$/i, "muscle"],
  [/^(ins(?:ertional)?(?:\.? act(?:ivity)?)?|IA)$/i, "ins"],
  [/^(fibs?|fibrillations?|fib potentials)$/i, "fibs"],
  [/^(psws?|positive sharp waves?|\+?sw)$/i, "psw"],
  [/^(fascs?|fasciculations?)$/i, "fasc"],
  [/^(amp(?:litude)?|MUAP amp(?:litude)?)$/i, "amp"],
  [/^(dur(?:ation)?|MUAP dur(?:ation)?)$/i, "dur"],
  [/^(poly(?:phasia|phasic)?|phases)$/i, "poly"],
  [/^(recr(?:uit(?:ment)?)?t?|recrt|int(?:erference)? pat(?:tern)?|IP)$/i, "recruit"],
];

function columnOf(cell: string): Column {
  return COLUMN_WORDS.find(([re]) => re.test(cell))?.[1] ?? "other";
}

/** The columns of a header line (its cells), or undefined when it is not a needle EMG header. */
export function emgHeader(cells: string[]): Column[] | undefined {
  const cols = cells.map(columnOf);
  const known = new Set(cols.filter((c) => c !== "other" && c !== "side"));
  return known.has("muscle") && known.size >= 3 ? cols : undefined;
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

/** The findings of one row, read by the header's columns. */
export function readEmgCells(cols: Column[], cells: string[]): Omit<EmgFinding, "kind" | "muscle" | "side"> {
  const f: Omit<EmgFinding, "kind" | "muscle" | "side"> = {};
  const at = (c: Column) => cells[cols.indexOf(c)] ?? "";
  const ins = level(at("ins"));
  if (ins) f.insertional = ins;
  const fib = Math.max(cellGrade(at("fibs")) ?? 0, cellGrade(at("psw")) ?? 0);
  if (fib > 0) {
    f.spontaneous = "fibrillations";
    f.grade = fib;
  } else if ((cellGrade(at("fasc")) ?? 0) > 0) f.spontaneous = "fasciculations";
  else if (NONE.test(at("fibs")) || NONE.test(at("psw"))) f.spontaneous = "none";
  const amp = level(at("amp"));
  const dur = level(at("dur"));
  if (amp === "increased" || dur === "increased") f.muap = "neurogenic";
  else if (amp === "reduced" || dur === "reduced") f.muap = "myopathic";
  else if (amp === "normal" && (dur === "normal" || dur === undefined)) f.muap = "normal";
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

/** Read every needle EMG table with a header in the note. */
export function readEmgTables(doc: Doc): void {
  let cols: Column[] | undefined;
  for (const u of doc.patient) {
    const cells = doc.cells(u.start, u.end);
    const header = emgHeader(cells);
    if (header) {
      cols = header;
      continue;
    }
    if (!u.row) {
      if (!/^\s*$/.test(u.text)) cols = undefined;
      continue;
    }
    if (!cols) continue;
    const mi = cols.indexOf("muscle");
    const name = cells[mi] ?? "";
    const para = /paraspinal|PSP|PVM|multifidus/i.test(name) ? paraspinalIds(name).ids : [];
    const m = para.length
      ? { ids: para }
      : (doc.vocab.resolve(name, ["muscle"]) ?? doc.vocab.scan(name, ["muscle"])[0]);
    if (!m) {
      doc.leftover(u.start, u.end, "a needle EMG row whose muscle Locus does not know");
      continue;
    }
    const sideCell = cols.includes("side") ? (cells[cols.indexOf("side")] ?? "") : "";
    const side: Side | undefined = /^(l|left|lt)$/i.test(sideCell)
      ? "left"
      : /^(r|right|rt)$/i.test(sideCell)
        ? "right"
        : doc.side(u, u.start, u.end, { fallback: true }).side;
    const f = readEmgCells(cols, cells);
    for (const id of m.ids) {
      const e: EmgFinding = { kind: "emg", muscle: id, ...f };
      if (side) e.side = side;
      doc.add(e, [[u.start, u.end]], 0.85);
    }
  }
}
