/**
 * The case as the form edits it: a LocusCase, changed one finding at a time. Grids read a value for a
 * side from the first finding that covers it; writing a side splits a both-sides finding so the other
 * side keeps its value. Findings the form has no cell for are kept as they are: nothing is lost.
 */
import { mrcGrade } from "../../src/case/mrc.js";
import type { Finding, Lesion, LocusCase, Side } from "./types.js";

export function emptyCase(id: string): LocusCase {
  return { format: "locus-case/1", id, patient: {}, context: { history: [], symptoms: [] }, findings: [] };
}

export function newCaseId(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return `case-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

export const covers = (findingSide: string | undefined, side: Side) =>
  findingSide === undefined || findingSide === "bilateral" || findingSide === side;

type Match = (f: Finding) => boolean;

/** The index of the finding that gives the value shown for this side, or -1. */
export function findSided(c: LocusCase, match: Match, side: Side): number {
  return c.findings.findIndex((f) => match(f) && covers(f.side, side));
}

/**
 * Set (or with `make` answering null, clear) the finding for one side. A finding for both sides is
 * split first, so the other side keeps what it had.
 */
export function setSided(
  c: LocusCase,
  match: Match,
  side: Side,
  make: (side: Side) => Finding | null,
): LocusCase {
  const findings = [...c.findings];
  const at = findings.findIndex((f) => match(f) && covers(f.side, side));
  const next = make(side);
  if (at < 0) {
    if (next) findings.push(next);
    return { ...c, findings };
  }
  const old = findings[at]!;
  const replacement: Finding[] = [];
  if (old.side !== side) {
    const other: Side = side === "left" ? "right" : "left";
    replacement.push({ ...old, side: other } as Finding);
  }
  if (next) replacement.push(next);
  findings.splice(at, 1, ...replacement);
  return { ...c, findings };
}

/** The case's findings of the given kinds, each with its index in case.findings (a table's rows). */
export function rowsOf<K extends Finding["kind"]>(
  c: LocusCase,
  ...kinds: K[]
): [Extract<Finding, { kind: K }>, number][] {
  const out: [Extract<Finding, { kind: K }>, number][] = [];
  c.findings.forEach((f, i) => {
    if ((kinds as Finding["kind"][]).includes(f.kind)) out.push([f as Extract<Finding, { kind: K }>, i]);
  });
  return out;
}

export function replaceFinding(c: LocusCase, index: number, f: Finding): LocusCase {
  const findings = [...c.findings];
  findings[index] = f;
  return { ...c, findings };
}

export function removeFinding(c: LocusCase, index: number): LocusCase {
  return { ...c, findings: c.findings.filter((_, i) => i !== index) };
}

export function addFinding(c: LocusCase, f: Finding): LocusCase {
  return { ...c, findings: [...c.findings, f] };
}

/** The MRC grade as a number for shading (the case stage's reading: 4- is 3.67; weak, ungraded, is 4). */
export function mrcNumber(v: number | string): number {
  return mrcGrade(v) ?? 4;
}

/** History and symptom words are kept with their detail ("cancer:cervical"). */
export function hasWord(list: readonly string[] | undefined, word: string): boolean {
  return (list ?? []).some((w) => w === word || w.startsWith(`${word}:`));
}

export function toggleWord(list: readonly string[] | undefined, word: string, on: boolean): string[] {
  const rest = (list ?? []).filter((w) => !(w === word || w.startsWith(`${word}:`)));
  return on ? [...rest, word] : rest;
}

export function wordDetail(list: readonly string[] | undefined, word: string): string {
  const w = (list ?? []).find((x) => x.startsWith(`${word}:`));
  return w ? w.slice(word.length + 1) : "";
}

export function setWordDetail(list: readonly string[] | undefined, word: string, detail: string): string[] {
  const d = detail.trim();
  return (list ?? []).map((w) => (w === word || w.startsWith(`${word}:`) ? (d ? `${word}:${d}` : word) : w));
}

/** The sides a lesion touches. */
export const lesionSides = (l: Lesion): Side[] =>
  l.side === "bilateral" ? ["right", "left"] : l.side === "left" ? ["left"] : ["right"];
