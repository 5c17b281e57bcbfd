/**
 * From readings to findings: what the sentence asserts decides whether a reading is a current
 * finding of this patient, and the readings of one finding (kind, id, side) are joined into one.
 *
 * - A reading the sentence puts in the past ("previous EMG showed fibrillations"), in a
 *   hypothesis ("return if weakness develops") or on someone else ("his brother has foot drop")
 *   is not a finding; it is reported back as not used, with the reason. An uncertain one ("?foot
 *   drop", "possible fasciculations") is kept with its confidence lowered.
 * - The first mention does not win. A grade beats a bare "weak"; of two readings that disagree
 *   (4/5 and 3/5, absent and normal, present and absent), the more confident one is kept (the
 *   later one when equally sure, as an examination follows the history) and the disagreement is
 *   reported as a conflict, never settled silently.
 * - EMG, conduction and imaging readings add to each other field by field; a field read twice
 *   with two values is a conflict too.
 */
import type { Finding } from "../case/schema.js";
import { contextAt, mayColour } from "./assertion.js";
import type { Doc, Draft } from "./doc.js";
import type { Unit } from "./sentences.js";

export interface Conflict {
  /** The finding's identity: kind, id and side. */
  key: string;
  /** The two values read, the kept one first. */
  kept: string;
  other: string;
  spans: [number, number][];
}

/** The identity of a finding for merging: kind, atlas id (or test, modality, sign) and side. */
export function findingKey(f: Finding): string {
  return `${f.kind}|${findingId(f)}|${f.side ?? ""}`;
}

/** What readings are merged by: the finding's key, and for imaging its spinal level too (one finding per level). */
function mergeKey(f: Finding): string {
  return f.kind === "imaging" && f.level ? `${findingKey(f)}@${f.level}` : findingKey(f);
}

export function findingId(f: Finding): string {
  switch (f.kind) {
    case "strength":
      return f.target;
    case "reflex":
      return f.reflex;
    case "sensory":
      return f.region;
    case "emg":
      return f.muscle;
    case "ncs":
      return f.study;
    case "sign":
      return f.sign;
    case "imaging":
      return f.modality;
    case "lab":
      return f.test;
  }
}

const coloured = new WeakMap<Unit, boolean>();
/** Whether a unit has any word of time, certainty or person (asked once per unit). */
function colours(u: Unit): boolean {
  let c = coloured.get(u);
  if (c === undefined) {
    c = mayColour(u.text);
    coloured.set(u, c);
  }
  return c;
}

/** Why a reading is not a current finding of this patient, or undefined when it is. */
function notCurrent(doc: Doc, d: Draft): string | undefined {
  const [s, e] = d.spans[0] ?? [0, 0];
  const u = doc.unitAt(s);
  if (!u || u.row || !colours(u)) return undefined;
  const a = contextAt(doc.text, s, e, u.start, u.end);
  if (a.otherPerson) return "about someone other than the patient";
  if (a.hypothetical) return "a hypothesis, not a finding";
  if (a.historical) return "a past finding, not a current one";
  if (a.uncertain) d.confidence *= 0.6;
  return undefined;
}

/** The readings that are current findings of the patient; the others become leftovers. */
export function current(doc: Doc, drafts: Draft[]): Draft[] {
  return drafts.filter((d) => {
    const why = notCurrent(doc, d);
    if (!why) return true;
    for (const [s, e] of d.spans) doc.leftover(s, e, why);
    return false;
  });
}

const readingOf = (f: Finding): string => {
  const { kind: _k, side: _s, ...rest } = f as Finding & Record<string, unknown>;
  return JSON.stringify(rest);
};

const copy = (d: Draft): Draft => ({ ...d, finding: { ...d.finding }, spans: [...d.spans] });

/** Sensory changes of one family contradict each other; a deficit and a pain do not. */
const SENSORY_FAMILY: Record<string, string> = {
  absent: "deficit",
  reduced: "deficit",
  normal: "deficit",
  increased: "positive",
  paresthesia: "positive",
  pain: "positive",
};

/** Whether two readings of one key may stand side by side (a deficit and a pain of one region). */
function bothStand(a: Finding, b: Finding): boolean {
  if (a.kind !== "sensory" || b.kind !== "sensory") return false;
  // Two modalities examined at one place are two findings ("vibration absent, JPS impaired at the toes").
  if (a.modality && b.modality && a.modality !== b.modality) return true;
  const fa = SENSORY_FAMILY[a.change];
  const fb = SENSORY_FAMILY[b.change];
  return fa !== fb && !(a.change === "normal" || b.change === "normal");
}

/** Fold one reading into the kept one of its key; returns a conflict when they disagree. */
function fold(first: Draft, d: Draft): Conflict | undefined {
  const a = first.finding as Record<string, unknown>;
  const b = d.finding as Record<string, unknown>;
  const key = findingKey(first.finding);
  if (first.finding.kind === "emg" || first.finding.kind === "ncs" || first.finding.kind === "imaging") {
    let conflict: Conflict | undefined;
    for (const [k, v] of Object.entries(b)) {
      if (k === "tags" && Array.isArray(v) && Array.isArray(a.tags)) {
        const tags = [...new Set([...(a.tags as string[]), ...(v as string[])])];
        a.tags = tags.length > 1 ? tags.filter((t) => t !== "normal") : tags;
      } else if (a[k] === undefined) a[k] = v;
      else if (
        a[k] !== v &&
        ["spontaneous", "muap", "recruitment", "insertional", "result"].includes(k) &&
        !conflict
      )
        conflict = {
          key,
          kept: `${k}=${String(a[k])}`,
          other: `${k}=${String(v)}`,
          spans: [...first.spans, ...d.spans],
        };
    }
    // A segment belongs to a block (FORMAT v1.1): kept beside another result the finding would be
    // invalid and lost ("reduced at 1.1 mV", then "conduction block across the fibular head").
    if (first.finding.kind === "ncs" && a.result !== "block") {
      delete a.segment;
      delete a.segmentSites;
    }
    first.spans.push(...d.spans);
    first.confidence = Math.max(first.confidence, d.confidence);
    return conflict;
  }
  if (readingOf(first.finding) === readingOf(d.finding)) {
    first.spans.push(...d.spans);
    first.confidence = Math.min(1, Math.max(first.confidence, d.confidence) + 0.05);
    return undefined;
  }
  // A bare "weak" says less than a grade: the grade is the reading, with no conflict.
  if (first.finding.kind === "strength" && d.finding.kind === "strength") {
    if (d.finding.mrc === "weak" && first.finding.mrc !== "weak" && String(first.finding.mrc) !== "5")
      return undefined;
    if (first.finding.mrc === "weak" && d.finding.mrc !== "weak" && String(d.finding.mrc) !== "5") {
      Object.assign(first, copy(d));
      return undefined;
    }
  }
  const later = d.confidence >= first.confidence;
  const [kept, other] = later ? [d, first] : [first, d];
  const conflict: Conflict = {
    key,
    kept: readingOf(kept.finding),
    other: readingOf(other.finding),
    spans: [...kept.spans, ...other.spans],
  };
  if (later) Object.assign(first, copy(d));
  first.confidence = Math.max(0, first.confidence - 0.2);
  return conflict;
}

/** One finding per key, and the conflicts met on the way. */
export function merge(drafts: Draft[]): { drafts: Draft[]; conflicts: Conflict[] } {
  const byKey = new Map<string, Draft[]>();
  const out: Draft[] = [];
  const conflicts: Conflict[] = [];
  for (const d of drafts) {
    const key = mergeKey(d.finding);
    const kept = byKey.get(key);
    if (!kept) {
      const c = copy(d);
      byKey.set(key, [c]);
      out.push(c);
      continue;
    }
    const standing = kept.find((k) => !bothStand(k.finding, d.finding));
    if (!standing) {
      const c = copy(d);
      kept.push(c);
      out.push(c);
      continue;
    }
    const conflict = fold(standing, d);
    if (conflict) conflicts.push(conflict);
  }
  return { drafts: out, conflicts };
}
