/**
 * The next test: rank the tests not yet done by what they are expected to tell about the
 * decisions that change management (where the lesion is, at the level, side and segment that
 * matter: decision.ts), and, for imaging and laboratory tests, about the differential's conditions
 * with its must-not-miss ones counted again (conditions.ts); per unit of burden and delay.
 *
 * Limb tests are read off a table worked out once per atlas (table.ts) and weighted by how often
 * two examiners agree on them (data/reliability.ts); imaging the engine reads is predicted by the
 * engine's own context items (predict.ts). The hypotheses are localize's candidates.
 */
import { type Atlas, getAtlas } from "../atlas/index.js";
import type { Lesion, LocusCase } from "../case/schema.js";
import { differential } from "../differential/index.js";
import type { Differential } from "../differential/types.js";
import { type Candidates, localizeWithCandidates } from "../localize/index.js";
import { type ConditionView, conditionView } from "./conditions.js";
import { burdenExponent } from "./data/burden.js";
import { workupsOf } from "./data/orders.js";
import { entropyBits } from "./gain.js";
import { buildProtocol, type Protocol } from "./protocol.js";
import { type Ranked, rank, type Weighing } from "./rank.js";
import { describeSuggestion, type Prediction } from "./suggest.js";
import { ratesFor, type Table, tableFor } from "./table.js";
import { type TestRef, testKey, testName } from "./tests.js";
import { type Weighed, weigh } from "./weigh.js";

export type { Prediction } from "./suggest.js";

export interface PlanOptions {
  /** How many suggestions to return (default 5). */
  limit?: number;
  /** How many of localize's best candidates the planner weighs (default 40). */
  candidates?: number;
  /** Ranking key gain / cost^exponent (default: data/burden.ts). */
  burdenExponent?: number;
  /** Restrict the tests considered (default: every test not yet done in the case). */
  tests?: TestRef[];
  /** The candidates localize weighed for this case (localizeWithCandidates): not searched again. */
  from?: Candidates;
  /** The case's differential, when the caller has it (otherwise worked out here). */
  differential?: Differential;
}

export interface Suggestion {
  test: TestRef;
  /** Readable test name, e.g. "left tibialis posterior (needle EMG)". */
  name: string;
  /** Expected information, in bits: where the lesion is plus, for imaging and laboratory tests, what it is. */
  gain: number;
  /** The gain's parts: over the localization decisions, over the conditions (must-not-miss counted again). */
  decides: { localization: number; conditions: number };
  /** Chance the result changes the leading localization decision or the leading condition. */
  changes: number;
  /** Relative burden (grading a movement = 1); see src/plan/data/burden.ts and data/orders.ts. */
  burden: number;
  /** Days until the result is in hand (imaging and laboratory tests). */
  days?: number;
  /** How far two examiners agree on the result (Cohen's kappa), for limb tests. */
  agreement?: number;
  /** The differential's work-up item this test is, when it is one. */
  workup?: string;
  /** A red flag asks for this test now: it is listed first whatever its gain. */
  urgent?: boolean;
  /** gain / cost^exponent: the ranking key. */
  value: number;
  /** Why this test, in words. */
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
  /** Uncertainty over the localization decisions now, in bits. */
  entropy: number;
  hypotheses: PlanHypothesis[];
  /** The decisions that change management, with their probability. */
  decisions?: { decision: string; probability: number }[];
  suggestions: Suggestion[];
  /** How many tests were weighed. */
  considered: number;
  /** Present when no test left is likely to change the answer: why. */
  settled?: { why: string };
  /**
   * Work-up a red flag asks for now that is not one of the planner's tests (whole-spine MRI, a
   * vascular or compartment assessment, admission for Guillain-Barré): do these before any test
   * below. Work-up ids and their words, from the differential.
   */
  first?: { workup: string; test: string }[];
  /** What the EMG laboratory would do next, in order. */
  protocol?: Protocol;
}

const DEFAULT_LIMIT = 5;
const DEFAULT_CANDIDATES = 40;
/** A test expected to tell less than this (bits) is not proposed: it would change nothing. */
export const MIN_GAIN = 0.02;
/** The leading localization must hold at least this much for the case to be settled. */
export const SETTLED_LEAD = 0.8;
/** A test that changes the leading answer less often than this does not unsettle the case. */
export const SETTLED_CHANCE = 0.1;

function settledWhy(
  w: Weighed,
  v: ConditionView,
  weighing: Weighing,
  table: Table,
  atlas: Atlas,
): { why: string } | undefined {
  let best: TestRef | undefined =
    weighing.limbChange.column >= 0 ? table.tests[weighing.limbChange.column] : undefined;
  let chance = weighing.limbChange.chance;
  for (const r of weighing.ranked) {
    if (r.urgent) return undefined;
    const x = Math.max(r.loc.change, r.cond.change);
    if (x > chance) {
      chance = x;
      best = r.test;
    }
  }
  const lead = w.decisions[w.lead];
  if (chance >= SETTLED_CHANCE || (lead?.p ?? 0) < SETTLED_LEAD) return undefined;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const k = v.lead;
  const cond =
    v.names[k] && (v.q[k] ?? 0) > 0
      ? `, the leading condition ${v.names[k]} (${pct(v.reported[k] ?? 0)})`
      : "";
  const next = best
    ? `; the likeliest to, ${testName(atlas, best)}, would with a chance of ${pct(chance)}`
    : "";
  return {
    why: `No test left is likely to change the answer: the leading localization ${lead?.name ?? "none"} (${pct(lead?.reported ?? 0)})${cond} would change with a chance under ${pct(SETTLED_CHANCE)} whatever test comes next${next}.`,
  };
}

/** The red-flag work-up no test of the planner stands for (those that are tests are listed first as `urgent`). */
function redFlagFirst(dx: Differential, weighing: Weighing): { workup: string; test: string }[] {
  const flagged = dx.workup.filter((w) => !w.done && w.for.some((f) => f.startsWith("red flag")));
  if (flagged.length === 0) return [];
  const covered = new Set<string>();
  for (const r of weighing.ranked) if (r.order) for (const id of workupsOf(r.order)) covered.add(id);
  return flagged.filter((w) => !covered.has(w.id)).map((w) => ({ workup: w.id, test: w.test }));
}

/**
 * The first `limit` tests worth suggesting: urgent, or expected to tell at least MIN_GAIN; one
 * suggestion per test (the same study on the other side is the protocol's question, not a second
 * suggestion).
 */
function suggested(ranked: readonly Ranked[], limit: number): Ranked[] {
  const seen = new Set<string>();
  const out: Ranked[] = [];
  for (const r of ranked) {
    if (out.length >= limit) break;
    if (!r.urgent && r.loc.bits + r.cond.bits + r.cond.mustNotMiss < MIN_GAIN) continue;
    const key = `${r.test.kind}:${r.test.id}:${r.test.contrast ?? false}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** Rank the tests not yet done in a case by expected information on the decisions, per unit of cost. */
export function plan(c: LocusCase, options: PlanOptions = {}, atlas: Atlas = getAtlas()): Plan {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const exponent = options.burdenExponent ?? burdenExponent.value;
  let from = options.from;
  let dx = options.differential;
  if (!from || !dx) {
    const run = localizeWithCandidates(c, {}, atlas);
    from ??= run.candidates;
    dx ??= differential(c, run.localization);
  }
  const table = tableFor(atlas);
  const w = weigh(atlas, table, from, options.candidates ?? DEFAULT_CANDIDATES);
  const v = conditionView(dx, w.levels);
  const only = options.tests ? new Set(options.tests.map(testKey)) : undefined;
  const rates = ratesFor(atlas, table, c);
  const weighing = rank(atlas, c, w, v, table, rates, exponent, only);
  const first = redFlagFirst(dx, weighing);
  const settled = first.length ? undefined : settledWhy(w, v, weighing, table, atlas);
  return {
    atlasVersion: atlas.version,
    entropy: Math.round(entropyBits(w.decisions.map((d) => d.p)) * 1000) / 1000,
    hypotheses: [...w.groups]
      .sort((a, b) => b.reported - a.reported)
      .slice(0, 10)
      .map((g) => ({
        hypothesis: g.name,
        lesions: g.lesions,
        probability: Math.round(g.reported * 10000) / 10000,
      })),
    decisions: [...w.decisions]
      .sort((a, b) => b.reported - a.reported)
      .slice(0, 6)
      .map((d) => ({ decision: d.key, probability: Math.round(d.reported * 10000) / 10000 })),
    suggestions: suggested(weighing.ranked, limit).map((r) => describeSuggestion(atlas, w, v, r, rates)),
    considered: weighing.considered,
    ...(settled ? { settled } : {}),
    ...(first.length ? { first } : {}),
    protocol: buildProtocol(atlas, c, w, weighing.limbValue, settled !== undefined),
  };
}
