/**
 * The next test: rank the tests not yet done by how much they are expected to reduce the
 * uncertainty over the current localization hypotheses, per unit of burden.
 *
 * The hypotheses are the engine's own candidates (prepare + search, as localize runs them), read
 * in FORMAT.md's words: candidates that name the same lesions are one hypothesis. For each test,
 * every candidate gives the probability of each result (predict.ts); the expected information gain
 * is H(hypotheses) - E_result[H(hypotheses | result)], in bits.
 */
import { type Atlas, getAtlas } from "../atlas/index.js";
import type { Lesion, LocusCase } from "../case/schema.js";
import { describeCandidate } from "../localize/explain.js";
import { lesionKey, toLesions } from "../localize/format.js";
import type { Candidates } from "../localize/index.js";
import type { Unit } from "../localize/model.js";
import { prepare } from "../localize/score.js";
import { type Scored, search } from "../localize/search.js";
import { burdenExponent } from "./data/burden.js";
import { type Hyp, type State, scoreCandidate, statesOf, TestBench, type TestModel } from "./predict.js";
import { burdenOf, type TestRef, testName, testsNotDone } from "./tests.js";

export interface PlanOptions {
  /** How many suggestions to return (default 5). */
  limit?: number;
  /** How many of the engine's best candidates the planner weighs (default 30). */
  candidates?: number;
  /** Ranking key gain / burden^exponent (default: data/burden.ts). */
  burdenExponent?: number;
  /** Restrict the tests considered (default: every test not yet done in the case). */
  tests?: TestRef[];
  /**
   * The candidates localize weighed for this case (localizeWithCandidates). Given, the planner is
   * meant to weigh these rather than search again (not yet read: issue 16).
   */
  from?: Candidates;
}

/** What one leading hypothesis expects of a test. */
export interface Prediction {
  /** The hypothesis in words, e.g. "left L5 root". */
  hypothesis: string;
  lesions: Lesion[];
  /** The hypothesis's current probability. */
  probability: number;
  /** The expected result in the clinic's words, e.g. "denervation", "normal", "either (45% abnormal)". */
  expected: string;
  /** The chance of an abnormal result under this hypothesis. */
  pAbnormal: number;
}

export interface Suggestion {
  test: TestRef;
  /** Readable test name, e.g. "left tibialis posterior (needle EMG)". */
  name: string;
  /** Expected reduction of uncertainty over the hypotheses, in bits. */
  gain: number;
  /** Relative burden (grading a movement = 1); see src/plan/data/burden.ts. */
  burden: number;
  /** gain / burden^exponent: the ranking key. */
  value: number;
  /** Why this test: the two leading hypotheses it separates best. */
  why: string;
  predictions: Prediction[];
}

export interface PlanHypothesis {
  hypothesis: string;
  lesions: Lesion[];
  probability: number;
}

export interface Plan {
  atlasVersion: string;
  /** Uncertainty over the hypotheses now, in bits. */
  entropy: number;
  hypotheses: PlanHypothesis[];
  suggestions: Suggestion[];
  /** How many tests were weighed. */
  considered: number;
}

/** A group of candidates that read the same in FORMAT.md's words. */
interface Group {
  key: string;
  lesions: Lesion[];
  name: string;
  /** Probability among the candidates weighed. */
  p: number;
  members: number[];
}

interface Weighed {
  hyps: Hyp[];
  states: State[][];
  /** Probability of each candidate among those weighed (sums to 1). */
  pi: number[];
  /** Group index of each candidate. */
  group: number[];
  groups: Group[];
  /** Probability of each group among all candidates scored (as localize reports it). */
  reported: number[];
}

function entropyBits(ps: readonly number[]): number {
  let h = 0;
  for (const p of ps) if (p > 0) h -= p * Math.log2(p);
  return h;
}

const DEFAULT_LIMIT = 5;
const DEFAULT_CANDIDATES = 40;
/** Candidates this far below the best (in log posterior) are left out of the weighing. */
const WINDOW = 12;

function weigh(atlas: Atlas, c: LocusCase, maxCandidates: number): Weighed {
  const p = prepare(atlas, c);
  const scored: Scored[] = search(p, { maxLesions: 3, beam: 12, rescore: 60 });
  const states = new Map<Scored, State[]>();
  // Single lesions the search skipped (they explain no abnormal finding yet) are still possible:
  // the next test may be the one that finds them. Score them with the same model.
  const seen = new Set(
    scored.filter((s) => s.diffuse === "none" && s.units.length === 1).map((s) => s.units[0]),
  );
  const extra: Scored[] = [];
  p.units.forEach((_, u) => {
    if (seen.has(u)) return;
    const r = scoreCandidate(p, [u], "none");
    const s: Scored = { units: [u], diffuse: "none", score: r.score };
    states.set(s, r.states);
    extra.push(s);
  });
  const all = [...scored, ...extra].sort((a, b) => b.score - a.score);
  const top = all[0]?.score ?? 0;
  const total = all.reduce((a, s) => a + Math.exp(s.score - top), 0) || 1;
  const kept = all.filter((s) => s.score >= top - WINDOW).slice(0, maxCandidates);
  const raw = kept.map((s) => Math.exp(s.score - top));
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  const pi = raw.map((x) => x / sum);
  const groups: Group[] = [];
  const index = new Map<string, number>();
  const group: number[] = [];
  const reported: number[] = [];
  kept.forEach((s, i) => {
    const units = s.units.map((u) => p.units[u] as Unit);
    const lesions = toLesions(units, s.diffuse, p.observations);
    const key = lesionKey(lesions);
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      groups.push({ key, lesions, name: describeCandidate(units, s.diffuse), p: 0, members: [] });
      reported.push(0);
    }
    const grp = groups[g] as Group;
    grp.p += pi[i] as number;
    grp.members.push(i);
    reported[g] = (reported[g] ?? 0) + (raw[i] as number) / total;
    group.push(g);
  });
  return {
    hyps: kept.map((s) => ({ units: s.units.map((u) => p.units[u] as Unit), diffuse: s.diffuse })),
    states: kept.map((s) => states.get(s) ?? statesOf(p, s.units, s.diffuse).states),
    pi,
    group,
    groups,
    reported,
  };
}

/** Expected information gain of a test over the groups, from each candidate's result probabilities. */
function gainOf(w: Weighed, probs: number[][]): number {
  const nOut = probs[0]?.length ?? 0;
  const h0 = entropyBits(w.groups.map((g) => g.p));
  let expected = 0;
  for (let j = 0; j < nOut; j++) {
    const post = new Array<number>(w.groups.length).fill(0);
    let pj = 0;
    w.pi.forEach((pc, i) => {
      const x = pc * (probs[i]?.[j] ?? 0);
      post[w.group[i] as number] = (post[w.group[i] as number] as number) + x;
      pj += x;
    });
    if (pj <= 0) continue;
    expected += pj * entropyBits(post.map((x) => x / pj));
  }
  return Math.max(0, h0 - expected);
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The result words for a test, abnormal then normal. */
function resultWords(atlas: Atlas, t: TestRef): [string, string] {
  switch (t.kind) {
    case "emg":
      return ["denervation", "normal"];
    case "ncs": {
      const type = atlas.data.studies.find((s) => s.id === t.id)?.type;
      return type === "sensory"
        ? ["low or absent sensory response", "normal"]
        : type === "motor"
          ? ["low motor response", "normal"]
          : ["absent or delayed", "normal"];
    }
    case "reflex":
      return t.id === "plantar" ? ["extensor", "flexor"] : ["reduced or absent", "normal"];
    case "strength":
      return ["weak", "full strength"];
    case "sensory":
      return ["reduced sensation", "normal sensation"];
    case "imaging":
      return t.id === "mri_spine"
        ? ["root compression", "normal or incidental change"]
        : t.id === "mri_plexus"
          ? ["plexus enlarged or enhancing", "normal"]
          : ["nerve enlarged", "normal"];
  }
}

function expectedWords(words: [string, string], pa: number, detail?: string): string {
  if (pa >= 0.6) return detail ? `${words[0]} (${detail})` : words[0];
  if (pa <= 0.25) return words[1];
  return `either (${pct(pa)} ${words[0]})`;
}

/** For a spinal MRI: the root level a hypothesis points at most, when it points at one. */
function likeliestRoot(model: TestModel, probs: number[]): string | undefined {
  let best = 0;
  for (let j = 1; j < probs.length; j++) if ((probs[j] ?? 0) > (probs[best] ?? 0) || best === 0) best = j;
  const abnormal = 1 - (probs[0] ?? 0);
  if (best === 0 || (probs[best] ?? 0) < 0.5 * abnormal) return undefined;
  return model.outcomes[best]?.replace(/^(left|right) /, "");
}

function suggestionFor(
  atlas: Atlas,
  w: Weighed,
  model: TestModel,
  probs: number[][],
  gain: number,
  value: number,
  leading: number[],
): Suggestion {
  const t = model.test;
  const b = burdenOf(atlas, t).value;
  const words = resultWords(atlas, t);
  const predictions: Prediction[] = leading.map((g) => {
    const grp = w.groups[g] as Group;
    const mix = new Array<number>(model.outcomes.length).fill(0);
    for (const i of grp.members)
      (probs[i] ?? []).forEach((x, j) => {
        mix[j] = (mix[j] ?? 0) + ((w.pi[i] as number) / grp.p) * x;
      });
    const pa = 1 - (mix[0] ?? 0);
    const detail = t.kind === "imaging" && t.id === "mri_spine" ? likeliestRoot(model, mix) : undefined;
    return {
      hypothesis: grp.name,
      lesions: grp.lesions,
      probability: Math.round((w.reported[g] ?? 0) * 1000) / 1000,
      expected: expectedWords(words, pa, detail),
      pAbnormal: Math.round(pa * 1000) / 1000,
    };
  });
  // The pair of leading hypotheses whose predictions differ most, weighted by their probability.
  let why = "";
  let bestSpread = -1;
  for (let a = 0; a < predictions.length; a++)
    for (let c = a + 1; c < predictions.length; c++) {
      const pa = predictions[a] as Prediction;
      const pc = predictions[c] as Prediction;
      const spread = Math.abs(pa.pAbnormal - pc.pAbnormal) * Math.sqrt(pa.probability * pc.probability);
      if (spread > bestSpread) {
        bestSpread = spread;
        why = `${pa.hypothesis} predicts ${pa.expected}; ${pc.hypothesis} predicts ${pc.expected}`;
      }
    }
  return {
    test: t,
    name: testName(atlas, t),
    gain: Math.round(gain * 1000) / 1000,
    burden: b,
    value: Math.round(value * 10000) / 10000,
    why,
    predictions,
  };
}

/** Test models depend on the atlas, the patient's age and the time since onset only: keep them. */
const benches = new WeakMap<Atlas, Map<string, TestBench>>();

function benchFor(atlas: Atlas, c: LocusCase): TestBench {
  let m = benches.get(atlas);
  if (!m) {
    m = new Map();
    benches.set(atlas, m);
  }
  const key = JSON.stringify([c.patient ?? null, c.context ?? null]);
  let b = m.get(key);
  if (!b) {
    if (m.size > 64) m.clear();
    b = new TestBench(atlas, c);
    m.set(key, b);
  }
  return b;
}

/** Rank the tests not yet done in a case by expected information gain per unit of burden. */
export function plan(c: LocusCase, options: PlanOptions = {}, atlas: Atlas = getAtlas()): Plan {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const exponent = options.burdenExponent ?? burdenExponent.value;
  const w = weigh(atlas, c, options.candidates ?? DEFAULT_CANDIDATES);
  const bench = benchFor(atlas, c);
  const tests = options.tests ?? testsNotDone(atlas, c);
  const ranked: { model: TestModel; probs: number[][]; gain: number; value: number }[] = [];
  for (const t of tests) {
    const model = bench.model(t);
    if (!model) continue;
    const probs = w.hyps.map((h, i) => model.probabilities(h, w.states[i] as State[]));
    const gain = gainOf(w, probs);
    ranked.push({ model, probs, gain, value: gain / burdenOf(atlas, t).value ** exponent });
  }
  ranked.sort((a, b) => b.value - a.value || b.gain - a.gain);
  const order = w.groups.map((_, g) => g).sort((a, b) => (w.reported[b] ?? 0) - (w.reported[a] ?? 0));
  const leading = order.filter((g, k) => k < 4 && (k < 2 || (w.reported[g] ?? 0) >= 0.02));
  return {
    atlasVersion: atlas.version,
    entropy: Math.round(entropyBits(w.groups.map((g) => g.p)) * 1000) / 1000,
    hypotheses: order.slice(0, 10).map((g) => ({
      hypothesis: (w.groups[g] as Group).name,
      lesions: (w.groups[g] as Group).lesions,
      probability: Math.round((w.reported[g] ?? 0) * 10000) / 10000,
    })),
    suggestions: ranked
      .filter((r) => r.gain > 1e-3)
      .slice(0, limit)
      .map((r) => suggestionFor(atlas, w, r.model, r.probs, r.gain, r.value, leading)),
    considered: ranked.length,
  };
}

export { type Weighed, weigh };
