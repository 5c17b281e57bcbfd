/**
 * Reasons in the clinic's words: for each finding, what the hypothesis makes of it compared with a
 * normal nervous system, and why.
 */

import type { View } from "./context.js";
import type { DiffuseKind, Unit } from "./model.js";
import type { Observation } from "./observe.js";
import { noLesionReadings, observationLogLikelihoods, type Prepared, shareOf } from "./score.js";
import type { Reason } from "./types.js";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const SIGNIFICANT = 0.2;

const DIFFUSE_WORDS: Record<DiffuseKind, string> = {
  none: "a normal nervous system",
  polyneuropathy: "a length-dependent polyneuropathy",
  myopathy: "a myopathy",
  anterior_horn: "motor neuron disease",
  polyradiculopathy: "a polyradiculopathy",
  cauda_equina: "a cauda equina lesion",
  cauda_equina_low: "a low cauda equina lesion (sacral roots)",
  conus: "a conus lesion",
  cns_left: "an upper motor neuron lesion affecting the left leg",
  cns_right: "an upper motor neuron lesion affecting the right leg",
  cns_bilateral: "an upper motor neuron lesion affecting both legs",
};

export function describeCandidate(units: readonly Unit[], diffuse: DiffuseKind): string {
  const parts = units.map((u) => `${u.side} ${u.name}`);
  if (diffuse !== "none" || parts.length === 0) parts.push(DIFFUSE_WORDS[diffuse]);
  return parts.join(" + ");
}

function strongest(p: Prepared, units: readonly number[], i: number): { unit: Unit; d: number } | undefined {
  let best: { unit: Unit; d: number } | undefined;
  for (const ui of units) {
    const d = shareOf(p, ui, i);
    const unit = p.units[ui];
    if (unit && d > 0 && (!best || d > best.d)) best = { unit, d };
  }
  return best;
}

function whyAbnormal(
  o: Observation,
  hit: { unit: Unit; d: number } | undefined,
  diffuse: DiffuseKind,
): string {
  if (hit) {
    const where = `${hit.unit.side} ${hit.unit.name}`;
    if (o.family === "snapLoss")
      return `${pct(hit.d)} of its fibres run through the ${where}, distal to the dorsal root ganglion`;
    return `${pct(hit.d)} of its supply runs through the ${where}`;
  }
  return `expected with ${DIFFUSE_WORDS[diffuse]}`;
}

function whyAgainstNormal(
  o: Observation,
  hit: { unit: Unit; d: number } | undefined,
  diffuse: DiffuseKind,
): string {
  if (hit) {
    const where = `a lesion of the ${hit.unit.side} ${hit.unit.name}`;
    if (o.family === "snapLoss") return `${where} is distal to the dorsal root ganglion and would lower it`;
    if (o.family === "neurogenicEmg") return `${where} would denervate it (${pct(hit.d)} of its supply)`;
    if (o.family === "weakness") return `${where} would weaken it (${pct(hit.d)} of its supply)`;
    if (o.family === "reflexLoss") return `${where} would cut its arc`;
    return `${where} would make it abnormal (${pct(hit.d)} of its supply)`;
  }
  return `${DIFFUSE_WORDS[diffuse]} would usually make it abnormal`;
}

function whyUnexpectedAbnormal(o: Observation, units: readonly Unit[], diffuse: DiffuseKind): string {
  if (o.family === "weakness" && o.grade === 2 && units.some((u) => u.level === "root")) {
    return "a single root lesion rarely paralyses a muscle that other roots also supply";
  }
  if (o.family === "umnSign") return "an upper motor neuron sign, which a peripheral lesion does not give";
  if (o.family === "myopathicEmg") return "myopathic units point to muscle, not nerve";
  return `not what ${describeCandidate(units, diffuse)} predicts`;
}

/** For and against reasons of one candidate; `rival` is the best competing candidate. */
export function explain(
  p: Prepared,
  units: readonly number[],
  diffuse: DiffuseKind,
  rival?: { units: readonly number[]; diffuse: DiffuseKind },
): { explains: Reason[]; against: Reason[]; unexplained: Reason[] } {
  const explains: Reason[] = [];
  const against: Reason[] = [];
  const unexplained: Reason[] = [];
  const unitObjs = units.map((u) => p.units[u] as Unit);
  /** How much better this hypothesis reads each finding than its rival: the order reasons are shown in. */
  const edge = new Map<Reason, number>();
  const hereAll = observationLogLikelihoods(p, units, diffuse);
  const baseAll = noLesionReadings(p);
  const rivalAll = rival ? observationLogLikelihoods(p, rival.units, rival.diffuse) : baseAll;
  p.observations.forEach((o, i) => {
    const here = hereAll[i] as number;
    const base = baseAll[i] as number;
    const w = here - base;
    const versus = rivalAll[i] as number;
    const hit = strongest(p, units, i);
    const reason = (text: string): Reason => {
      const r: Reason = {
        finding: o.finding,
        side: o.side,
        text: `${o.label}: ${text}`,
        weight: Math.round(w * 100) / 100,
      };
      edge.set(r, Math.abs(here - versus) + Math.abs(w) / 10);
      return r;
    };
    if (o.abnormal) {
      if (w > SIGNIFICANT) explains.push(reason(whyAbnormal(o, hit, diffuse)));
      else if (w < -SIGNIFICANT) against.push(reason(whyUnexpectedAbnormal(o, unitObjs, diffuse)));
      else if (!o.equivocal)
        unexplained.push(reason(`not reached by ${describeCandidate(unitObjs, diffuse)}`));
      return;
    }
    if (w < -SIGNIFICANT) {
      against.push(reason(whyAgainstNormal(o, hit, diffuse)));
      return;
    }
    if (rival) {
      const r = versus - base;
      if (r < -0.5) {
        const rhit = strongest(p, rival.units, i);
        explains.push({
          finding: o.finding,
          side: o.side,
          text: `${o.label}: as expected here, whereas ${whyAgainstNormal(o, rhit, rival.diffuse)}`,
          weight: Math.round((w - r) * 100) / 100,
        });
      }
    }
  });
  const view: View = { units: unitObjs, diffuse };
  const none: View = { units: [], diffuse: "none" };
  const rivalView: View = rival
    ? { units: rival.units.map((u) => p.units[u] as Unit), diffuse: rival.diffuse }
    : none;
  const logP = (item: (typeof p.context)[number], v: View) => Math.log(Math.max(1e-4, item.p(v)));
  for (const item of p.context) {
    const w = logP(item, view) - logP(item, none);
    const r: Reason = { finding: item.finding, text: item.label, weight: Math.round(w * 100) / 100 };
    const said = describeCandidate(unitObjs, diffuse);
    if (w > SIGNIFICANT) explains.push({ ...r, text: `${item.label}: fits ${said}` });
    else if (w < -SIGNIFICANT) against.push({ ...r, text: `${item.label}: argues against ${said}` });
    else continue;
    const pushed = (w > SIGNIFICANT ? explains : against).at(-1);
    if (pushed) edge.set(pushed, Math.abs(w - (logP(item, rivalView) - logP(item, none))) + Math.abs(w) / 10);
  }
  const byWeight = (a: Reason, b: Reason) =>
    (edge.get(b) ?? Math.abs(b.weight)) - (edge.get(a) ?? Math.abs(a.weight));
  return {
    explains: explains.sort(byWeight),
    against: against.sort(byWeight),
    unexplained: unexplained.sort(byWeight),
  };
}
