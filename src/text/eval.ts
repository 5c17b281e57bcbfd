/**
 * How well extraction reproduces hand-made findings: each finding is keyed by kind, atlas id and
 * side (a missing side counts as "both"), and the two lists are matched as multisets. Precision
 * and recall per kind and overall; among matched findings, how often the value (grade, change,
 * result, tags) also agrees. Context (history, symptoms) is scored apart.
 */
import type { Finding, LocusCase } from "../case/schema.js";
import { findingKey } from "./index.js";

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CaseScore {
  id: string;
  byKind: Record<string, Score>;
  overall: Score;
  valueAgreement: number;
  missed: string[];
  extra: string[];
  context: { history: Score; symptoms: Score };
}

const score = (tp: number, fp: number, fn: number): Score => ({
  tp,
  fp,
  fn,
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

const key = (f: Finding) => findingKey(f).replace(/\|$/, "|bilateral");

function value(f: Finding): string {
  switch (f.kind) {
    case "strength":
      return String(f.mrc);
    case "reflex":
      return f.grade;
    case "sensory":
      return f.change;
    case "emg":
      return f.spontaneous ?? "";
    case "ncs":
      return f.result;
    case "sign":
      return String(f.present ?? true);
    case "imaging":
      return [...f.tags].sort().join(",");
    case "lab":
      return f.result;
  }
}

function setScore(expected: string[], got: string[]): Score {
  const e = new Set(expected.map((x) => x.split(":")[0] ?? x));
  const g = new Set(got.map((x) => x.split(":")[0] ?? x));
  let tp = 0;
  for (const x of g) if (e.has(x)) tp++;
  return score(tp, g.size - tp, e.size - tp);
}

export function scoreCase(id: string, expected: LocusCase, got: LocusCase): CaseScore {
  const pool = new Map<string, Finding[]>();
  for (const f of expected.findings) {
    const k = key(f);
    pool.set(k, [...(pool.get(k) ?? []), f]);
  }
  const kinds = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (kind: string, field: "tp" | "fp" | "fn") => {
    const s = kinds.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    s[field]++;
    kinds.set(kind, s);
  };
  let agree = 0;
  let matched = 0;
  const extra: string[] = [];
  for (const f of got.findings) {
    const k = key(f);
    const list = pool.get(k);
    const hit = list?.shift();
    if (hit) {
      bump(f.kind, "tp");
      matched++;
      if (value(hit) === value(f)) agree++;
    } else {
      bump(f.kind, "fp");
      extra.push(k);
    }
  }
  const missed: string[] = [];
  for (const [k, list] of pool)
    for (const f of list) {
      bump(f.kind, "fn");
      missed.push(k);
    }
  const byKind: Record<string, Score> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, s] of kinds) {
    byKind[k] = score(s.tp, s.fp, s.fn);
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return {
    id,
    byKind,
    overall: score(tp, fp, fn),
    valueAgreement: matched === 0 ? 1 : agree / matched,
    missed,
    extra,
    context: {
      history: setScore(expected.context?.history ?? [], got.context?.history ?? []),
      symptoms: setScore(expected.context?.symptoms ?? [], got.context?.symptoms ?? []),
    },
  };
}

/** Sum case scores. */
export function total(scores: CaseScore[]): {
  byKind: Record<string, Score>;
  overall: Score;
  valueAgreement: number;
} {
  const kinds = new Map<string, { tp: number; fp: number; fn: number }>();
  let agreeSum = 0;
  let matchedSum = 0;
  for (const s of scores) {
    for (const [k, v] of Object.entries(s.byKind)) {
      const t = kinds.get(k) ?? { tp: 0, fp: 0, fn: 0 };
      t.tp += v.tp;
      t.fp += v.fp;
      t.fn += v.fn;
      kinds.set(k, t);
    }
    agreeSum += s.valueAgreement * s.overall.tp;
    matchedSum += s.overall.tp;
  }
  const byKind: Record<string, Score> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, v] of kinds) {
    byKind[k] = score(v.tp, v.fp, v.fn);
    tp += v.tp;
    fp += v.fp;
    fn += v.fn;
  }
  return { byKind, overall: score(tp, fp, fn), valueAgreement: matchedSum === 0 ? 1 : agreeSum / matchedSum };
}
