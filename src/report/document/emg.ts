/**
 * The needle EMG table, one row per muscle examined: insertional activity, spontaneous activity
 * with its grade (fibrillation potentials and positive sharp waves, PSWs), motor unit potentials and recruitment (jablecki2005), with the muscle's nerve and
 * roots from the atlas, as laboratories list them. Anything but normal (or none, for spontaneous
 * activity) is marked; a field the case leaves out is shown blank (not examined).
 */
import { getAtlas } from "../../atlas/index.js";
import type { EmgFinding, LocusCase } from "../../case/schema.js";
import { nameOf } from "../../differential/words.js";
import { sideWords } from "./ncs.js";
import type { Cell, EmgRow } from "./types.js";

const cell = (text: string, abnormal: boolean): Cell => ({ text, abnormal });

const SPONTANEOUS: Record<NonNullable<EmgFinding["spontaneous"]>, string> = {
  none: "none",
  fibrillations: "fibrillations, PSWs",
  fasciculations: "fasciculations",
  myokymia: "myokymic discharges",
  crd: "complex repetitive discharges",
};

const MUAP: Record<NonNullable<EmgFinding["muap"]>, string> = {
  normal: "normal",
  neurogenic: "large, long, polyphasic (neurogenic)",
  myopathic: "small, short, polyphasic (myopathic)",
  none: "none activated",
};

const RECRUITMENT: Record<NonNullable<EmgFinding["recruitment"]>, string> = {
  normal: "normal",
  reduced: "reduced",
  discrete: "discrete (single units)",
  none: "none",
  early: "early",
};

function spontaneous(f: EmgFinding): Cell {
  if (f.spontaneous === undefined) return cell("", false);
  const grade = f.grade !== undefined ? ` ${f.grade}+` : "";
  return cell(`${SPONTANEOUS[f.spontaneous]}${grade}`, f.spontaneous !== "none");
}

/** The nerve (or nerves) and roots of a muscle, as the atlas gives them. */
function supply(muscleId: string): { nerve: string; roots: string } {
  const m = getAtlas().muscle(muscleId);
  if (!m) return { nerve: "", roots: "" };
  const nerve = m.dorsalRamus ? "dorsal rami" : m.supply.map((s) => nameOf(s.nerve)).join(", ");
  const roots = m.roots.map((r) => (r.role === "minor" ? `(${r.root})` : r.root)).join(" ");
  return { nerve, roots };
}

export function emgRow(f: EmgFinding): EmgRow {
  const m = getAtlas().muscle(f.muscle);
  return {
    muscle: m?.name ?? nameOf(f.muscle),
    side: sideWords(f.side),
    ...supply(f.muscle),
    insertional: cell(f.insertional ?? "", f.insertional !== undefined && f.insertional !== "normal"),
    spontaneous: spontaneous(f),
    muap: cell(f.muap ? MUAP[f.muap] : "", f.muap !== undefined && f.muap !== "normal"),
    recruitment: cell(
      f.recruitment ? RECRUITMENT[f.recruitment] : "",
      f.recruitment !== undefined && f.recruitment !== "normal",
    ),
  };
}

export function emgTable(c: LocusCase): EmgRow[] {
  return c.findings.filter((f): f is EmgFinding => f.kind === "emg").map(emgRow);
}

/** Whether a muscle shows an abnormal value. */
export const emgRowAbnormal = (r: EmgRow): boolean =>
  [r.insertional, r.spontaneous, r.muap, r.recruitment].some((x) => x.abnormal);
