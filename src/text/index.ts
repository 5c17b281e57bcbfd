/**
 * Clinic note, EMG report or case report to a LocusCase, with the text behind every finding.
 *
 *   normalize-text -> sentences -> finding readers (strength, reflex, sensory, emg, ncs, sign,
 *   imaging, lab) and context -> merge -> LocusCase (validated) + spans + confidence + unrecognised
 *
 * Deterministic and local: no network, no model; the words come from the atlas (and phrases.ts).
 */
import { type Finding, finding as findingSchema, type LocusCase, locusCase } from "../case/schema.js";
import { readContext } from "./context.js";
import { cellsAt, columnGaps, Doc, type Draft } from "./doc.js";
import { readBeyondLegs } from "./findings/beyond-legs.js";
import { readEmg } from "./findings/emg.js";
import { emgHeader, isEmgTableRow, readEmgTables } from "./findings/emg-table.js";
import { readImaging } from "./findings/imaging.js";
import { readLabs } from "./findings/lab.js";
import { readLimbStatements } from "./findings/limb.js";
import { readNcs } from "./findings/ncs.js";
import { gridHeader, isGridRow, readNcsGrids } from "./findings/ncs-grid.js";
import { isSideBySideLine, readNcsSides } from "./findings/ncs-sides.js";
import { isNcsTableLine, readNcsTables } from "./findings/ncs-table.js";
import { readReflexes } from "./findings/reflex.js";
import { readSensory } from "./findings/sensory.js";
import { readSigns } from "./findings/sign.js";
import { readAnalTone } from "./findings/sphincter.js";
import { readStrength } from "./findings/strength.js";
import { readRow } from "./findings/tables.js";
import { current, findingKey, merge } from "./merge.js";
import { normalizeText, toOriginal } from "./normalize-text.js";
import { segment } from "./sentences.js";
import { vocabulary } from "./vocabulary.js";

export interface ExtractOptions {
  /** The case id to give the result. */
  id?: string;
  /** Also read sections such as Discussion and Introduction (off: they describe other patients). */
  includeLiterature?: boolean;
  /** Also read what happened after treatment (off: Locus reads the presentation). */
  includeFollowUp?: boolean;
}

export interface Span {
  finding: number;
  start: number;
  end: number;
  text: string;
}

/** Two readings of one finding that disagree: the kept one, the other, and where both were read. */
export interface ExtractionWarning {
  /** The finding (index into case.findings) the warning is about, when it was kept. */
  finding?: number;
  message: string;
  spans: { start: number; end: number; text: string }[];
}

export interface Extraction {
  case: LocusCase;
  spans: Span[];
  /** Per finding, 0..1: how sure the reading is. */
  confidence: number[];
  unrecognized: { start: number; end: number; text: string; why?: string }[];
  /** Readings that disagree with each other (a conflict is reported, never settled silently). */
  warnings: ExtractionWarning[];
}

export { type Conflict, findingKey } from "./merge.js";

const KIND_ORDER: Finding["kind"][] = [
  "strength",
  "reflex",
  "sensory",
  "emg",
  "ncs",
  "sign",
  "imaging",
  "lab",
];

const CLINICAL_WORD =
  /\b[A-Za-z]{3,}(?:opathy|opathies|itis|algia|plegia|paresis|esthesia|aesthesia|trophy|osis|ectomy|otomy|plasty)\b/g;
/** Words of that shape that are not findings. */
const NOT_FINDINGS = new Set(["diagnosis", "prognosis", "diagnoses"]);

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const norm = normalizeText(String(text ?? ""));
  const vocab = vocabulary();
  // Sentences are cut on the text with its line breaks; readers see line breaks as spaces.
  const flat = norm.text.replace(/\n/g, " ");
  const gaps = columnGaps(String(text ?? ""), norm.map, norm.text);
  const isRow = (line: string, start: number) => {
    if (readRow(line, vocab) !== undefined || isNcsTableLine(line)) return true;
    const cells = cellsAt(norm.text, gaps, start, start + line.length);
    return (
      emgHeader(cells) !== undefined ||
      isEmgTableRow(cells, vocab) ||
      gridHeader(cells) !== undefined ||
      isGridRow(cells) ||
      isSideBySideLine(cells)
    );
  };
  const units = segment(norm.text, isRow).map((u) => ({
    ...u,
    text: u.text.replace(/\n/g, " "),
    section: options.includeLiterature ? ("patient" as const) : u.section,
    followUp: options.includeFollowUp ? false : u.followUp,
    generic: options.includeLiterature ? false : u.generic,
  }));
  const doc = new Doc(flat, units, gaps);
  readStrength(doc);
  readAnalTone(doc);
  readReflexes(doc);
  readSensory(doc);
  readLimbStatements(doc);
  readEmg(doc, readEmgTables(doc));
  const grids = readNcsGrids(doc);
  for (const u of readNcsSides(doc)) grids.add(u);
  readNcs(doc);
  readNcsTables(doc, grids);
  readSigns(doc);
  readBeyondLegs(doc);
  readImaging(doc);
  readLabs(doc);
  const ctx = readContext(doc);

  const joined = merge(current(doc, doc.drafts));
  const merged = joined.drafts.sort(
    (a, b) => KIND_ORDER.indexOf(a.finding.kind) - KIND_ORDER.indexOf(b.finding.kind) || a.at - b.at,
  );
  const abnormalStudies = new Set(
    merged.flatMap((d) =>
      d.finding.kind === "imaging" && !d.finding.tags.includes("normal") ? [d.finding.modality] : [],
    ),
  );
  const kept: Draft[] = [];
  const rejected: Draft[] = [];
  for (const d of merged) {
    const f = d.finding;
    // "No abnormal finding in the roots" beside an abnormal result of the same study is part of it.
    if (
      f.kind === "imaging" &&
      f.tags.length === 1 &&
      f.tags[0] === "normal" &&
      abnormalStudies.has(f.modality)
    )
      continue;
    const ok = findingSchema.safeParse(d.finding).success;
    (ok ? kept : rejected).push(d);
  }

  const c: LocusCase = {
    format: "locus-case/1",
    id: options.id ?? noteId(norm.text),
    findings: kept.map((d) => d.finding),
  };
  if (ctx.age !== undefined || ctx.sex !== undefined)
    c.patient = { ...(ctx.age !== undefined ? { age: ctx.age } : {}), ...(ctx.sex ? { sex: ctx.sex } : {}) };
  const context: NonNullable<LocusCase["context"]> = {};
  if (ctx.onset) context.onset = ctx.onset;
  if (ctx.durationDays !== undefined) context.durationDays = ctx.durationDays;
  if (ctx.history.length) context.history = ctx.history;
  if (ctx.symptoms.length) context.symptoms = ctx.symptoms;
  if (ctx.denies?.length) context.denies = ctx.denies;
  if (Object.keys(context).length) c.context = context;

  const original = String(text ?? "");
  const spans: Span[] = [];
  kept.forEach((d, i) => {
    const seen = new Set<string>();
    for (const [s, e] of d.spans) {
      const o = toOriginal(norm, s, e);
      const k = `${o.start}:${o.end}`;
      if (seen.has(k)) continue;
      seen.add(k);
      spans.push({ finding: i, start: o.start, end: o.end, text: original.slice(o.start, o.end) });
    }
  });

  // What looked clinical but was not understood.
  const coverage = new Uint8Array(flat.length + 1);
  for (const [a, b] of [...kept.flatMap((d) => d.spans), ...doc.used]) coverage.fill(1, a, b);
  const isCovered = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (coverage[i]) return true;
    return false;
  };
  const unrecognized: Extraction["unrecognized"] = [];
  const seenWords = new Set<string>();
  const note = (s: number, e: number, why?: string) => {
    const o = toOriginal(norm, s, e);
    const t = original.slice(o.start, o.end);
    const key = `${t.toLowerCase()}|${why ?? ""}`;
    if (seenWords.has(key)) return;
    seenWords.add(key);
    unrecognized.push({ start: o.start, end: o.end, text: t, ...(why ? { why } : {}) });
  };
  for (const l of doc.leftovers) if (!isCovered(l.start, l.end)) note(l.start, l.end, l.why);
  for (const d of rejected) for (const [s, e] of d.spans) note(s, e, "read but not valid as a finding");
  for (const u of doc.patient) {
    if (u.row) continue;
    CLINICAL_WORD.lastIndex = 0;
    for (let m = CLINICAL_WORD.exec(u.text); m; m = CLINICAL_WORD.exec(u.text)) {
      const s = u.start + m.index;
      const e = s + m[0].length;
      if (!isCovered(s, e) && !NOT_FINDINGS.has(m[0].toLowerCase())) note(s, e);
    }
  }
  unrecognized.sort((a, b) => a.start - b.start);
  const warnings: ExtractionWarning[] = joined.conflicts.map((c) => {
    const keptAt = kept.findIndex((d) => findingKey(d.finding) === c.key);
    const at = [...new Set(c.spans.map(([s, e]) => `${s}:${e}`))].map((k) => {
      const [s, e] = k.split(":").map(Number) as [number, number];
      const o = toOriginal(norm, s, e);
      return { start: o.start, end: o.end, text: original.slice(o.start, o.end) };
    });
    return {
      ...(keptAt >= 0 ? { finding: keptAt } : {}),
      message: `two readings of ${c.key.replace(/\|$/, "").replace(/\|/g, " ")} disagree: kept ${c.kept}, not ${c.other}`,
      spans: at,
    };
  });
  const checked = locusCase.safeParse(c);
  if (!checked.success) throw new Error(`extract produced an invalid case: ${checked.error.message}`);
  return {
    case: c,
    spans,
    confidence: kept.map((d) => Math.round(d.confidence * 100) / 100),
    unrecognized,
    warnings,
  };
}

/** True when the text is a note rather than a JSON document. */
export function looksLikeNote(text: string): boolean {
  const t = text.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return true;
  try {
    JSON.parse(t);
    return false;
  } catch {
    return true;
  }
}

/** A stable id for a note: "note-" and a hash of its text. */
function noteId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `note-${h.toString(16).padStart(8, "0")}`;
}
