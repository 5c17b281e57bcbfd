/**
 * A ranked test in the clinic's words: what each leading answer expects of it and why it is asked.
 */
import type { Atlas } from "../atlas/index.js";
import type { Lesion } from "../case/schema.js";
import { keep } from "../keep.js";
import type { ConditionView } from "./conditions.js";
import { agreementOf } from "./data/reliability.js";
import type { Suggestion } from "./plan.js";
import type { Ranked } from "./rank.js";
import type { Rates } from "./table.js";
import { burdenOf, type TestRef, testName } from "./tests.js";
import type { Weighed } from "./weigh.js";

/** What one leading answer (a localization, or a condition for a test that looks for causes) expects of a test. */
export interface Prediction {
  /** The answer in words, e.g. "left L5 root". */
  hypothesis: string;
  /** Its lesions (empty for a condition). */
  lesions: Lesion[];
  /** Its current probability. */
  probability: number;
  /** The expected result in the clinic's words, e.g. "denervation", "normal", "either (45% abnormal)". */
  expected: string;
  /** The chance of an abnormal result under this answer. */
  pAbnormal: number;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
const round = (x: number, k = 1000) => Math.round(x * k) / k;

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
      return t.id === "mri_spine" && !t.contrast
        ? ["root compression", "normal or incidental change"]
        : ["abnormal", "normal"];
    case "lab":
      return ["abnormal", "normal"];
  }
}

function expectedWords(words: [string, string], pa: number): string {
  if (pa >= 0.6) return words[0];
  if (pa <= 0.25) return words[1];
  return `either (${pct(pa)} ${words[0]})`;
}

/** The leading decisions: the first two, and up to four while each holds at least 2% (kept per weighing). */
const leadingDecisions = (w: Weighed): number[] =>
  keep(leaders, w, () => {
    const order = w.decisions
      .map((_, g) => g)
      .sort((a, b) => (w.decisions[b]?.p ?? 0) - (w.decisions[a]?.p ?? 0));
    return order.filter((g, k) => k < 4 && (k < 2 || (w.decisions[g]?.p ?? 0) >= 0.02));
  });

const leaders = new WeakMap<Weighed, number[]>();

/** P(abnormal) of candidate i for the test. */
function candidateChance(w: Weighed, r: Ranked, rates: Rates, i: number): number {
  if (r.table !== undefined) {
    const t = r.table;
    let spared = 1;
    for (const row of w.rows[i] ?? []) spared *= 1 - (rates.timing[t] as number) * (row[t] as number);
    return 1 - (1 - (rates.fp[t] as number)) * spared;
  }
  return 1 - (r.chances?.[i]?.[0] ?? 1);
}

function localizationPredictions(atlas: Atlas, w: Weighed, r: Ranked, rates: Rates): Prediction[] {
  const words = resultWords(atlas, r.test);
  return leadingDecisions(w).map((g) => {
    const d = w.decisions[g];
    let pa = 0;
    for (const i of d?.members ?? [])
      pa += ((w.pi[i] as number) / (d?.p || 1)) * candidateChance(w, r, rates, i);
    return {
      hypothesis: d?.name ?? "",
      lesions: d?.lesions ?? [],
      probability: round(d?.reported ?? 0),
      expected: expectedWords(words, pa),
      pAbnormal: round(pa),
    };
  });
}

/** For a test that looks for causes: the likeliest conditions it finds, and the leading one. */
function conditionPredictions(atlas: Atlas, v: ConditionView, r: Ranked): Prediction[] {
  const order = r.order;
  if (!order) return [];
  const words = resultWords(atlas, r.test);
  const picked = v.ids
    .map((id, i) => ({ id, i }))
    .filter(({ id, i }) => i === 0 || id in order.finds)
    .slice(0, 4);
  return picked.map(({ id, i }) => {
    const pa = order.finds[id] ?? order.falsePositive;
    return {
      hypothesis: v.names[i] ?? id,
      lesions: [],
      probability: round(v.q[i] as number),
      expected: expectedWords(words, pa),
      pAbnormal: round(pa),
    };
  });
}

/** The pair of predictions that differ most, weighted by their probability, in words. */
function contrast(predictions: Prediction[]): string {
  let why = "";
  let best = -1;
  for (let a = 0; a < predictions.length; a++)
    for (let c = a + 1; c < predictions.length; c++) {
      const x = predictions[a] as Prediction;
      const y = predictions[c] as Prediction;
      const spread = Math.abs(x.pAbnormal - y.pAbnormal) * Math.sqrt(x.probability * y.probability);
      if (spread > best) {
        best = spread;
        why = `${x.hypothesis} predicts ${x.expected}; ${y.hypothesis} predicts ${y.expected}`;
      }
    }
  return why;
}

/** What an imaging or laboratory test looks for, must-not-miss conditions first. */
function looksFor(v: ConditionView, r: Ranked): string {
  const order = r.order;
  if (!order) return "";
  const found = v.ids
    .map((id, i) => ({ id, i, q: v.q[i] as number }))
    .filter((x) => x.id in order.finds && x.q >= 0.005)
    .sort((a, b) => Number(v.mustNotMiss[b.i]) - Number(v.mustNotMiss[a.i]) || b.q - a.q)
    .slice(0, 3)
    .map((x) => `${v.names[x.i]} (${pct(x.q)}${v.mustNotMiss[x.i] ? ", must not be missed" : ""})`);
  return found.length ? `looks for ${found.join(", ")}` : "";
}

export function describeSuggestion(
  atlas: Atlas,
  w: Weighed,
  v: ConditionView,
  r: Ranked,
  rates: Rates,
): Suggestion {
  const t = r.test;
  const local = r.table !== undefined || r.model !== undefined;
  const predictions = local ? localizationPredictions(atlas, w, r, rates) : conditionPredictions(atlas, v, r);
  const causes = looksFor(v, r);
  const parts = [
    r.urgent ? "a red flag asks for it now" : "",
    r.loc.bits >= r.cond.bits + r.cond.mustNotMiss || !causes ? contrast(predictions) : "",
    causes,
  ].filter((x) => x.length > 0);
  const agreement = agreementOf(t.kind, t.id);
  const gain = r.loc.bits + r.cond.bits + r.cond.mustNotMiss;
  return {
    test: t,
    name: testName(atlas, t),
    gain: round(gain),
    decides: { localization: round(r.loc.bits), conditions: round(r.cond.bits + r.cond.mustNotMiss) },
    changes: round(Math.max(r.loc.change, r.cond.change)),
    burden: burdenOf(atlas, t).value,
    ...(r.order ? { days: r.order.days } : {}),
    ...(agreement ? { agreement: agreement.kappa } : {}),
    ...(r.order?.workup ? { workup: r.order.workup } : {}),
    ...(r.urgent ? { urgent: true } : {}),
    value: round(r.value, 10000),
    why: parts.join("; "),
    predictions,
  };
}
