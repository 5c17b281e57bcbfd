/**
 * Reasons in the clinic's words: for each finding, what the hypothesis makes of it compared with a
 * normal nervous system, and why.
 */

import type { View } from "./context.js";
import type { DiffuseKind, Unit } from "./model.js";
import type { Observation } from "./observe.js";
import { noLesionReadings, observationLogLikelihoods, type Prepared, shareOf } from "./score.js";
import { sortedBy } from "./sort.js";
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
  cns_distal_left: "a central lesion of the left leg's motor area (a central foot drop)",
  cns_distal_right: "a central lesion of the right leg's motor area (a central foot drop)",
};

export function describeCandidate(units: readonly Unit[], diffuse: DiffuseKind): string {
  let words = "";
  for (let k = 0; k < units.length; k++) {
    const u = units[k] as Unit;
    words += `${k > 0 ? " + " : ""}${u.side} ${u.name}`;
  }
  if (diffuse !== "none" || units.length === 0)
    words += `${units.length > 0 ? " + " : ""}${DIFFUSE_WORDS[diffuse]}`;
  return words;
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

/**
 * Reasons of one kind, with the key each is shown by (how much better this hypothesis reads the
 * finding than its rival).
 */
class Reasons {
  readonly list: Reason[] = [];
  readonly keys: number[] = [];

  push(r: Reason, key: number): void {
    this.list.push(r);
    this.keys.push(key);
  }

  sorted(): Reason[] {
    return sortedBy(this.list, this.keys);
  }
}

/**
 * A reason about observation o (w: its log-likelihood ratio against no lesion), shown by how much
 * better the hypothesis reads it (`here`) than the rival does (`versus`). A function, not a closure
 * made per observation (explain runs over every observation of every hypothesis shown).
 */
function addReason(to: Reasons, o: Observation, text: string, w: number, here: number, versus: number): void {
  to.push(
    { finding: o.finding, side: o.side, text: `${o.label}: ${text}`, weight: Math.round(w * 100) / 100 },
    Math.abs(here - versus) + Math.abs(w) / 10,
  );
}

/** For and against reasons of one candidate; `rival` is the best competing candidate. */
export function explain(
  p: Prepared,
  units: readonly number[],
  diffuse: DiffuseKind,
  rival?: { units: readonly number[]; diffuse: DiffuseKind },
): { explains: Reason[]; against: Reason[]; unexplained: Reason[] } {
  const explains = new Reasons();
  const against = new Reasons();
  const unexplained = new Reasons();
  const unitObjs = units.map((u) => p.units[u] as Unit);
  let words: string | undefined;
  /** describeCandidate of this hypothesis, written once. */
  const said = () => {
    words ??= describeCandidate(unitObjs, diffuse);
    return words;
  };
  const hereAll = observationLogLikelihoods(p, units, diffuse);
  const baseAll = noLesionReadings(p);
  const rivalAll = rival ? observationLogLikelihoods(p, rival.units, rival.diffuse) : baseAll;
  for (let i = 0; i < p.observations.length; i++) {
    const o = p.observations[i] as Observation;
    const here = hereAll[i] as number;
    const base = baseAll[i] as number;
    const w = here - base;
    const versus = rivalAll[i] as number;
    if (o.abnormal) {
      if (w > SIGNIFICANT)
        addReason(explains, o, whyAbnormal(o, strongest(p, units, i), diffuse), w, here, versus);
      else if (w < -SIGNIFICANT)
        addReason(against, o, whyUnexpectedAbnormal(o, unitObjs, diffuse), w, here, versus);
      else if (!o.equivocal) addReason(unexplained, o, `not reached by ${said()}`, w, here, versus);
      continue;
    }
    if (w < -SIGNIFICANT) {
      addReason(against, o, whyAgainstNormal(o, strongest(p, units, i), diffuse), w, here, versus);
      continue;
    }
    if (rival) {
      const r = versus - base;
      if (r < -0.5) {
        const rhit = strongest(p, rival.units, i);
        const weight = Math.round((w - r) * 100) / 100;
        explains.push(
          {
            finding: o.finding,
            side: o.side,
            text: `${o.label}: as expected here, whereas ${whyAgainstNormal(o, rhit, rival.diffuse)}`,
            weight,
          },
          Math.abs(weight),
        );
      }
    }
  }
  if (p.context.length > 0) contextReasons(p, unitObjs, diffuse, rival, said, explains, against);
  return { explains: explains.sorted(), against: against.sorted(), unexplained: unexplained.sorted() };
}

/** The reasons the context items give (imaging, signs, labs, sphincters). */
function contextReasons(
  p: Prepared,
  unitObjs: Unit[],
  diffuse: DiffuseKind,
  rival: { units: readonly number[]; diffuse: DiffuseKind } | undefined,
  said: () => string,
  explains: Reasons,
  against: Reasons,
): void {
  const view: View = { units: unitObjs, diffuse };
  const rivalView: View | undefined = rival
    ? { units: rival.units.map((u) => p.units[u] as Unit), diffuse: rival.diffuse }
    : undefined;
  const logOf = (x: number) => Math.log(Math.max(1e-4, x));
  p.context.forEach((item, k) => {
    // Without a lesion, each item reads as prepare found it.
    const none = logOf(p.contextNone[k] as number);
    const w = logOf(item.p(view)) - none;
    if (!(w > SIGNIFICANT) && !(w < -SIGNIFICANT)) return;
    const weight = Math.round(w * 100) / 100;
    const versus = rivalView ? logOf(item.p(rivalView)) : none;
    const key = Math.abs(w - (versus - none)) + Math.abs(w) / 10;
    if (w > SIGNIFICANT)
      explains.push({ finding: item.finding, text: `${item.label}: fits ${said()}`, weight }, key);
    else
      against.push({ finding: item.finding, text: `${item.label}: argues against ${said()}`, weight }, key);
  });
}
