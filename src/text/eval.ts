/**
 * How well extraction reproduces hand-made findings.
 *
 * - Loose: each finding is keyed by kind, atlas id and side (a missing side counts as "both"), and
 *   the two lists are matched as multisets; among matched findings, how often the value (grade,
 *   change, result, tags) also agrees.
 * - Strict: a finding is right only when kind, id, side and value are all right. A read finding
 *   that pairs with a hand-made one of the same kind and id but carries another value or side is
 *   an error (`wrongValue`, `wrongSide`), counted apart from a hand-made finding not read at all
 *   (`missed`) and from a read finding with no hand-made counterpart (`extra`). A finding read
 *   against its value is worse than one not read, so it lowers precision and recall both.
 *
 * Context (history, symptoms) is scored apart.
 */
import { type Finding, type LocusCase, namesOthers } from "../case/schema.js";
import { findingKey } from "./index.js";

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Strict counts: kind, id, side and value right. */
export interface Strict {
  correct: number;
  wrongValue: number;
  wrongSide: number;
  missed: number;
  extra: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CaseScore {
  id: string;
  strict: Strict;
  strictByKind: Record<string, Strict>;
  /** The findings read with another value or side, as "expected -> got". */
  wrong: string[];
  /** Strict: the hand-made findings not read at all, and the read ones with no hand-made pair. */
  strictMissed: string[];
  strictExtra: string[];
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

/** The value fields of a finding kind, compared when the hand-made finding states them. */
const VALUE_FIELDS: Record<Finding["kind"], string[]> = {
  strength: ["mrc"],
  reflex: ["grade"],
  sensory: ["change"],
  emg: ["spontaneous", "insertional", "muap", "recruitment"],
  ncs: ["result"],
  sign: ["present"],
  imaging: ["tags"],
  lab: ["result"],
};

const norm = (v: unknown): string =>
  Array.isArray(v) ? [...v].map(String).sort().join(",") : v === undefined ? "" : String(v);

/** Whether `got` says what `expected` says, on every value field `expected` states. */
export function sameValue(expected: Finding, got: Finding): boolean {
  const e = expected as unknown as Record<string, unknown>;
  const g = got as unknown as Record<string, unknown>;
  return VALUE_FIELDS[expected.kind].every((k) => {
    if (k === "present") return (e.present ?? true) === (g.present ?? true);
    return e[k] === undefined || norm(e[k]) === norm(g[k]);
  });
}

const idKey = (f: Finding) => findingKey(f).replace(/\|[^|]*$/, "");
const sideOf = (f: Finding) => f.side ?? "bilateral";

const strictOf = (c: Omit<Strict, "precision" | "recall" | "f1">): Strict => {
  const got = c.correct + c.wrongValue + c.wrongSide + c.extra;
  const expected = c.correct + c.wrongValue + c.wrongSide + c.missed;
  const precision = got === 0 ? 1 : c.correct / got;
  const recall = expected === 0 ? 1 : c.correct / expected;
  return {
    ...c,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
};

const STRICT_ZERO = { correct: 0, wrongValue: 0, wrongSide: 0, missed: 0, extra: 0 };

/**
 * Strict matching in three passes: all right; then the same side with another value; then the
 * same kind and id on another side. What is left is missed (hand-made) or extra (read).
 */
function strictMatch(
  expected: Finding[],
  got: Finding[],
): {
  byKind: Map<string, typeof STRICT_ZERO>;
  wrong: string[];
  missed: string[];
  extra: string[];
} {
  const e = expected.map((f) => ({ f, used: false }));
  const g = got.map((f) => ({ f, used: false }));
  const byKind = new Map<string, typeof STRICT_ZERO>();
  const bump = (kind: string, field: keyof typeof STRICT_ZERO) => {
    const s = byKind.get(kind) ?? { ...STRICT_ZERO };
    s[field]++;
    byKind.set(kind, s);
  };
  const wrong: string[] = [];
  const pass = (fits: (a: Finding, b: Finding) => boolean, field: keyof typeof STRICT_ZERO) => {
    for (const x of g) {
      if (x.used) continue;
      const y = e.find((c) => !c.used && idKey(c.f) === idKey(x.f) && fits(c.f, x.f));
      if (!y) continue;
      x.used = true;
      y.used = true;
      bump(x.f.kind, field);
      if (field !== "correct") wrong.push(`${key(y.f)}=${value(y.f)} -> ${key(x.f)}=${value(x.f)}`);
    }
  };
  pass((a, b) => sideOf(a) === sideOf(b) && sameValue(a, b), "correct");
  absorbOthers(e, g, bump);
  pass((a, b) => sideOf(a) === sideOf(b), "wrongValue");
  pass(() => true, "wrongSide");
  const left = (xs: typeof g, field: "extra" | "missed") =>
    xs
      .filter((x) => !x.used)
      .map((x) => {
        bump(x.f.kind, field);
        return `${key(x.f)}=${value(x.f)}`;
      });
  const extra = left(g, "extra");
  return { byKind, wrong, missed: left(e, "missed"), extra };
}

const covers = (outer: Finding, inner: Finding) =>
  sideOf(outer) === "bilateral" || sideOf(outer) === sideOf(inner);

/** Whether `o`, an `others` finding, says what `f` says (same kind and value, on its side). */
function othersFits(o: Finding, f: Finding): boolean {
  if (o.kind !== f.kind || namesOthers(f) || !covers(o, f)) return false;
  const v = (x: Finding) =>
    x.kind === "strength"
      ? String(x.mrc)
      : x.kind === "reflex"
        ? x.grade
        : x.kind === "sensory"
          ? x.change
          : "";
  return v(o) === v(f);
}

/**
 * A v1.1 `others` finding stands for every item of its kind not named elsewhere, on its side. A
 * read `others` makes right the hand-made items of that kind, side and value left unmatched (a
 * hand-made case may list them one by one); if it covers none it is extra. A hand-made `others`
 * takes in the read items it covers, which then count neither way.
 */
function absorbOthers(
  e: { f: Finding; used: boolean }[],
  g: { f: Finding; used: boolean }[],
  bump: (kind: string, field: "correct" | "wrongValue" | "wrongSide" | "missed" | "extra") => void,
): void {
  for (const x of g) {
    if (x.used || !namesOthers(x.f)) continue;
    for (const y of e)
      if (!y.used && othersFits(x.f, y.f)) {
        y.used = true;
        x.used = true;
        bump(y.f.kind, "correct");
      }
  }
  for (const y of e) {
    if (!namesOthers(y.f)) continue;
    for (const x of g)
      if (!x.used && othersFits(y.f, x.f)) {
        x.used = true;
        if (!y.used) bump(y.f.kind, "correct");
        y.used = true;
      }
  }
}

function value(f: Finding): string {
  switch (f.kind) {
    case "strength":
      return String(f.mrc);
    case "reflex":
      return f.grade;
    case "sensory":
      return f.change;
    case "emg":
      return [f.spontaneous, f.insertional, f.muap, f.recruitment].map((x) => x ?? "").join("/");
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
      if (sameValue(hit, f)) agree++;
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
  const strict = strictMatch(expected.findings, got.findings);
  const strictByKind: Record<string, Strict> = {};
  const sum = { ...STRICT_ZERO };
  for (const [k, c] of strict.byKind) {
    strictByKind[k] = strictOf(c);
    for (const f of Object.keys(sum) as (keyof typeof STRICT_ZERO)[]) sum[f] += c[f];
  }
  return {
    id,
    strict: strictOf(sum),
    strictByKind,
    wrong: strict.wrong,
    strictMissed: strict.missed,
    strictExtra: strict.extra,
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
  strict: Strict;
  strictByKind: Record<string, Strict>;
} {
  const strictKinds = new Map<string, typeof STRICT_ZERO>();
  const strictSum = { ...STRICT_ZERO };
  for (const s of scores)
    for (const [k, v] of Object.entries(s.strictByKind)) {
      const t = strictKinds.get(k) ?? { ...STRICT_ZERO };
      for (const f of Object.keys(STRICT_ZERO) as (keyof typeof STRICT_ZERO)[]) {
        t[f] += v[f];
        strictSum[f] += v[f];
      }
      strictKinds.set(k, t);
    }
  const strictByKind: Record<string, Strict> = {};
  for (const [k, v] of strictKinds) strictByKind[k] = strictOf(v);
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
  return {
    byKind,
    overall: score(tp, fp, fn),
    valueAgreement: matchedSum === 0 ? 1 : agreeSum / matchedSum,
    strict: strictOf(strictSum),
    strictByKind,
  };
}
