/**
 * The hypotheses the planner weighs: localize's own candidates (options.from, or one call to
 * localizeWithCandidates), the best of them by score, each read two ways: as FORMAT.md lesions (the
 * hypotheses shown, with the probability localize reports) and as the decision it stands for
 * (decision.ts), over which tests are valued.
 */
import type { Atlas } from "../atlas/index.js";
import type { Lesion, Level } from "../case/schema.js";
import { describeCandidate } from "../localize/explain.js";
import { candidateKey, keyedLesions } from "../localize/format.js";
import type { Candidates } from "../localize/index.js";
import type { Unit } from "../localize/model.js";
import type { Scored } from "../localize/search.js";
import { decisionOf } from "./decision.js";
import type { Hyp } from "./predict.js";
import { rowOf, type Table } from "./table.js";

/** Candidates that read the same in FORMAT.md's words, or stand for the same decision. */
export interface Group {
  key: string;
  lesions: Lesion[];
  /** The best member's words. */
  name: string;
  /** Probability among the candidates weighed. */
  p: number;
  /** Probability among all candidates scored (as localize reports it). */
  reported: number;
  members: number[];
}

export interface Weighed {
  hyps: Hyp[];
  /** Each candidate's table rows (its lesions', then its diffuse process's). */
  rows: Float64Array[][];
  /** Probability of each candidate among those weighed (sums to 1). */
  pi: Float64Array;
  /** Lesion group (FORMAT.md words) and decision group of each candidate. */
  group: Int32Array;
  decision: Int32Array;
  groups: Group[];
  decisions: Group[];
  /** The leading decision's index. */
  lead: number;
  /** Each candidate's levels of FORMAT.md. */
  candidateLevels: (readonly Level[])[];
  /** The chance of a lesion at each level of FORMAT.md (a candidate with two levels counts for both). */
  levels: Map<Level, number>;
}

/** Candidates this far below the best (in log posterior) are left out of the weighing. */
const WINDOW = 12;
/** Candidates past this share of localize's probability are left out: they cannot move a test's value. */
const MASS = 0.999;

/** A new group opened by a candidate: its key, the candidate's lesions and words. */
function open(
  list: Group[],
  index: Map<string, number>,
  key: string,
  lesions: Lesion[],
  name: string,
): number {
  const g = list.length;
  index.set(key, g);
  list.push({ key, lesions, name, p: 0, reported: 0, members: [] });
  return g;
}

/** localize's best candidates: within WINDOW of the best, up to MASS of the probability, at most `max`. */
function keep(scored: readonly Scored[], max: number): { kept: Scored[]; raw: number[]; total: number } {
  const top = scored[0]?.score ?? 0;
  let total = 0;
  for (const s of scored) total += Math.exp(s.score - top);
  total ||= 1;
  const kept: Scored[] = [];
  const raw: number[] = [];
  let mass = 0;
  for (const s of scored) {
    if (kept.length >= max || s.score < top - WINDOW || mass >= MASS * total) break;
    const x = Math.exp(s.score - top);
    kept.push(s);
    raw.push(x);
    mass += x;
  }
  return { kept, raw, total };
}

const levelsByLesions = new WeakMap<readonly Lesion[], readonly Level[]>();

/** The distinct levels of a candidate's lesions (kept with its kept lesions). */
function levelsOf(lesions: readonly Lesion[]): readonly Level[] {
  let out = levelsByLesions.get(lesions);
  if (out === undefined) {
    const levels: Level[] = [];
    for (const l of lesions) if (!levels.includes(l.level)) levels.push(l.level);
    out = levels;
    levelsByLesions.set(lesions, out);
  }
  return out;
}

export function weigh(atlas: Atlas, table: Table, from: Candidates, max: number): Weighed {
  const p = from.prepared;
  const { kept, raw, total } = keep(from.scored, max);
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  const pi = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) pi[i] = (raw[i] as number) / sum;
  const w: Weighed = {
    hyps: [],
    rows: [],
    pi,
    group: new Int32Array(kept.length),
    decision: new Int32Array(kept.length),
    groups: [],
    decisions: [],
    lead: 0,
    levels: new Map(),
    candidateLevels: [],
  };
  const groupP = new Float64Array(kept.length);
  const groupReported = new Float64Array(kept.length);
  const decisionP = new Float64Array(kept.length);
  const decisionReported = new Float64Array(kept.length);
  const gIndex = new Map<string, number>();
  const dIndex = new Map<string, number>();
  kept.forEach((s, i) => {
    const units = s.units.map((u) => p.units[u] as Unit);
    w.hyps.push({ units, diffuse: s.diffuse });
    const r = units.map((u) => rowOf(atlas, table, u));
    const d = s.diffuse === "none" ? undefined : table.diffuse.get(s.diffuse);
    if (d) r.push(d);
    w.rows.push(r);
    // candidateKey is lesionKey(toLesions(...)); the lesions are kept by it
    const key = candidateKey(units, s.diffuse, p.observations);
    const lesions = keyedLesions(key, units, s.diffuse, p.observations);
    const decision = decisionOf(units, s.diffuse);
    let g = gIndex.get(key);
    let dg = dIndex.get(decision);
    // the candidate's words, made once when it opens a group (often both its groups)
    const name = g === undefined || dg === undefined ? describeCandidate(units, s.diffuse) : "";
    g ??= open(w.groups, gIndex, key, lesions, name);
    dg ??= open(w.decisions, dIndex, decision, lesions, name);
    const share = (raw[i] as number) / total;
    // Summed in arrays, set on the groups once: a group's fields are not rewritten per candidate.
    groupP[g] = (groupP[g] as number) + (pi[i] as number);
    groupReported[g] = (groupReported[g] as number) + share;
    decisionP[dg] = (decisionP[dg] as number) + (pi[i] as number);
    decisionReported[dg] = (decisionReported[dg] as number) + share;
    (w.groups[g] as Group).members.push(i);
    (w.decisions[dg] as Group).members.push(i);
    w.group[i] = g;
    w.decision[i] = dg;
    const own = levelsOf(lesions);
    w.candidateLevels.push(own);
    for (const level of own) w.levels.set(level, (w.levels.get(level) ?? 0) + (pi[i] as number));
  });
  w.groups.forEach((x, g) => {
    x.p = groupP[g] as number;
    x.reported = groupReported[g] as number;
  });
  w.decisions.forEach((d, k) => {
    d.p = decisionP[k] as number;
    d.reported = decisionReported[k] as number;
    if (d.p > (w.decisions[w.lead]?.p ?? 0)) w.lead = k;
  });
  return w;
}

/** The side a one-sided test is done on: the leading decision's, else both. */
export function leadingSide(w: Weighed): "left" | "right" | "bilateral" {
  const first = w.decisions[w.lead]?.members[0];
  const units = first === undefined ? [] : (w.hyps[first]?.units ?? []);
  const sides = new Set(units.map((u) => u.side));
  return sides.size === 1 ? (units[0]?.side ?? "bilateral") : "bilateral";
}
