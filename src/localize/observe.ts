/**
 * Findings to observations: one per finding and side, each saying which anatomy it measures,
 * whether it is abnormal, and how often it would be abnormal without a lesion.
 */

import type { Atlas, TargetKey } from "../atlas/index.js";
import { mrcGrade } from "../case/mrc.js";
import {
  type EmgFinding,
  type Finding,
  type LocusCase,
  type NcsFinding,
  namesOthers,
} from "../case/schema.js";
import { keep } from "../keep.js";
import { bodyParts } from "./data/body-parts.js";
import {
  ageing,
  emgTiming,
  type FindingFamily,
  falsePositive,
  muscleSigns,
  ncsTiming,
  onsetDays,
  paraspinalFalsePositive,
  subjectiveExam,
  umnTiming,
} from "./data/evidence.js";
import { routineExamination } from "./data/silence.js";

export type LimbSide = "left" | "right";

export type Family = FindingFamily | "myopathicEmg";

export interface Observation {
  finding: number;
  side: LimbSide;
  family: Family;
  abnormal: boolean;
  /** A soft finding (increased insertional activity only): counts half. */
  equivocal: boolean;
  /** The anatomy measured, weights summing to 1. */
  targets: { key: TargetKey; weight: number }[];
  /** Movements behind a strength finding (for the pyramidal pattern). */
  movements: string[];
  /** Weakness severity when abnormal: 0 mild, 1 moderate, 2 severe; undefined when not graded. */
  grade?: 0 | 1 | 2;
  /** Probability of an abnormal result without any lesion reaching it. */
  fp: number;
  /** Multiplier on sensitivity for time since onset (needle EMG). */
  timing: number;
  /**
   * Findings age takes together (ankle jerks, distal sensory responses, H-reflexes) in a person old
   * enough: the rate without a lesion in someone whose distal nerves have aged, and in someone whose
   * have not. `fp` stays the rate over both.
   */
  ageing?: { young: number; aged: number };
  /**
   * Strength and sensory findings, which depend on the patient's report and effort: the rate
   * without a lesion when the examination is reliable and when it is not (see subjectiveExam).
   * `fp` stays the rate over both.
   */
  subjective?: { reliable: number; unreliable: number };
  /** Needle EMG showed large (neurogenic) units: reinnervation, which muscle disease rarely gives. */
  largeUnits?: boolean;
  /**
   * A lower motor neuron sign (wasting): a lesion of the brain or of the cord above the segment
   * weakens without wasting, beyond a slight disuse atrophy late, which the rate without a lesion
   * covers (upper against lower motor neuron signs: campbell2020, blumenfeld2021).
   */
  lowerMotorNeuron?: boolean;
  /** What was found, in the clinic's words, e.g. "left tibialis anterior: fibrillations". */
  label: string;
  /** The thing measured, e.g. "tibialis anterior", "sural SNAP". */
  thing: string;
}

export interface ObserveResult {
  observations: Observation[];
  /** Findings that do not measure limb anatomy (imaging, labs, signs) are read in context.ts. */
  skipped: { finding: number; why: string }[];
}

const SIDES: LimbSide[] = ["left", "right"];

export function sidesOf(side: string | undefined): LimbSide[] {
  return side === "left" ? ["left"] : side === "right" ? ["right"] : SIDES;
}

/** The chance that age has taken this person's distal reflexes and responses (0 before 60). */
export function ageingChance(age: number | undefined): number {
  if (age === undefined || age < 60) return 0;
  return age >= 75 ? ageing.over75.value : ageing.over60.value;
}

/** Split an age-raised false-positive rate into its young and aged parts (keeping it as the mean). */
function ageSplit(
  marginal: number,
  young: number,
  chance: number,
): { young: number; aged: number } | undefined {
  if (chance <= 0 || marginal <= young) return undefined;
  return { young, aged: Math.min(0.95, (marginal - (1 - chance) * young) / chance) };
}

/** The rates of a strength or sensory finding without a lesion in a reliable and an unreliable examination. */
function subjectiveSplit(family: Family, marginal: number): Observation["subjective"] {
  if (family !== "weakness" && family !== "sensoryChange") return undefined;
  const chance = subjectiveExam.unreliable.value;
  const unreliable = subjectiveExam[family].value;
  return { reliable: Math.max(0.001, (marginal - chance * unreliable) / (1 - chance)), unreliable };
}

export function daysSinceOnset(c: LocusCase): number {
  return c.context?.durationDays ?? onsetDays[c.context?.onset ?? "unknown"];
}

function stepValue(steps: { beforeDay: number; value: number }[], days: number): number {
  return (steps.find((s) => days < s.beforeDay) ?? steps[steps.length - 1])?.value ?? 1;
}

function gradeCategory(mrc: number | string): 0 | 1 | 2 | undefined {
  const g = mrcGrade(mrc);
  if (g === undefined) return undefined;
  if (g >= 3.67) return 0;
  if (g >= 2.67) return 1;
  return 2;
}

type Entry<K extends "movements" | "muscles" | "regions" | "reflexes" | "studies"> = Atlas["data"][K][number];

/** The atlas's entries by id (the first of each id, as `find` gives), and answers kept per atlas. */
interface Index {
  movement: Map<string, Entry<"movements">>;
  muscle: Map<string, Entry<"muscles">>;
  region: Map<string, Entry<"regions">>;
  reflex: Map<string, Entry<"reflexes">>;
  study: Map<string, Entry<"studies">>;
  names: Map<string, string>;
  strength: Map<string, StrengthTargets | undefined>;
  /** The one-target list of each atlas entry a finding measures alone (see targetOf). */
  single: WeakMap<object, Observation["targets"]>;
}

const indexes = new WeakMap<Atlas, Index>();

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of list) if (!m.has(x.id)) m.set(x.id, x);
  return m;
}

function indexOf(atlas: Atlas): Index {
  return keep(indexes, atlas, () => {
    const d = atlas.data;
    return {
      movement: byId(d.movements),
      muscle: byId(d.muscles),
      region: byId(d.regions),
      reflex: byId(d.reflexes),
      study: byId(d.studies),
      names: new Map(),
      strength: new Map(),
      single: new WeakMap(),
    };
  });
}

/**
 * The target list of a finding that measures one atlas entry alone, the same array for every
 * observation of that entry (read only), so that what is kept per target list (effects.ts) is found
 * by identity.
 */
function targetOf(x: Index, kind: string, entry: { id: string }): Observation["targets"] {
  return keep(x.single, entry, () => [{ key: `${kind}:${entry.id}` as TargetKey, weight: 1 }]);
}

/** Muscles (with weights) behind a strength finding, and its movements; shared between findings, read only. */
interface StrengthTargets {
  keys: { key: TargetKey; weight: number }[];
  movements: string[];
}

/** Muscles (with weights) behind a movement or muscle id, or undefined when the atlas lacks it. */
function strengthTargets(atlas: Atlas, target: string): StrengthTargets | undefined {
  const x = indexOf(atlas);
  if (x.strength.has(target)) return x.strength.get(target);
  const t = readStrengthTargets(x, target);
  // Targets come from the case; only ids the atlas knows are kept.
  if (t) x.strength.set(target, t);
  return t;
}

function readStrengthTargets(x: Index, target: string): StrengthTargets | undefined {
  const movement = x.movement.get(target);
  if (movement) {
    const list = [
      ...movement.primeMovers.map((m) => ({ m, w: 1 })),
      ...movement.contributors.map((m) => ({ m, w: 0.25 })),
    ];
    const total = list.reduce((s, x) => s + x.w, 0);
    return {
      keys: list.map((x) => ({ key: `muscle:${x.m}` as TargetKey, weight: x.w / total })),
      movements: [movement.id],
    };
  }
  const muscle = x.muscle.get(target);
  if (muscle) return { keys: [{ key: `muscle:${muscle.id}`, weight: 1 }], movements: muscle.movements };
  return undefined;
}

function nameOf(atlas: Atlas, id: string): string {
  const x = indexOf(atlas);
  const kept = x.names.get(id);
  if (kept !== undefined) return kept;
  const e = x.muscle.get(id) ?? x.movement.get(id) ?? x.region.get(id) ?? x.reflex.get(id) ?? x.study.get(id);
  const name = e?.name ?? id.replaceAll("_", " ");
  // Ids come from the case; only names of atlas entries are kept.
  if (e) x.names.set(id, name);
  return name;
}

function emgFamily(
  f: EmgFinding,
): { family: Family; abnormal: boolean; equivocal: boolean; what: string } | undefined {
  const neurogenic =
    f.spontaneous === "fibrillations" ||
    f.spontaneous === "fasciculations" ||
    f.spontaneous === "myokymia" ||
    f.muap === "neurogenic" ||
    f.muap === "none" ||
    f.recruitment === "reduced" ||
    f.recruitment === "discrete" ||
    f.recruitment === "none";
  if (f.muap === "myopathic" || f.recruitment === "early") {
    return { family: "myopathicEmg", abnormal: true, equivocal: false, what: "myopathic units" };
  }
  if (neurogenic) {
    const parts = [
      f.spontaneous && f.spontaneous !== "none" ? f.spontaneous : "",
      f.muap === "neurogenic" ? "neurogenic units" : f.muap === "none" ? "no units" : "",
      f.recruitment && f.recruitment !== "normal" ? `${f.recruitment} recruitment` : "",
    ].filter(Boolean);
    return { family: "neurogenicEmg", abnormal: true, equivocal: false, what: parts.join(", ") };
  }
  if (f.spontaneous === "crd" || f.insertional === "increased") {
    return {
      family: "neurogenicEmg",
      abnormal: true,
      equivocal: true,
      what: f.spontaneous === "crd" ? "complex repetitive discharges" : "increased insertional activity only",
    };
  }
  if (f.spontaneous === undefined && f.muap === undefined && f.recruitment === undefined) return undefined;
  return { family: "neurogenicEmg", abnormal: false, equivocal: false, what: "normal" };
}

/** How sensitive this needle examination was, given what was looked at and the time since onset. */
function emgTimingFactor(f: EmgFinding, paraspinal: boolean, days: number): number {
  const fib = stepValue(paraspinal ? emgTiming.fibrillationsParaspinal : emgTiming.fibrillationsLimb, days);
  const muap = f.muap !== undefined ? stepValue(emgTiming.neurogenicMuap, days) : 0;
  const rec = f.recruitment !== undefined && !paraspinal ? emgTiming.reducedRecruitment : 0;
  // Any one of the three can show the lesion.
  return 1 - (1 - fib) * (1 - muap) * (1 - rec);
}

/** How far a conduction study can show an axonal lesion this many days after onset (ncsTiming). */
function ncsTimingFactor(family: Family, days: number): number {
  if (family === "cmapLoss") return stepValue(ncsTiming.cmapLoss, days);
  if (family === "snapLoss") return stepValue(ncsTiming.snapLoss, days);
  return 1;
}

function ncsFamily(
  atlas: Atlas,
  f: NcsFinding,
): { family: Family; targets: Observation["targets"] } | undefined {
  const x = indexOf(atlas);
  const s = x.study.get(f.study);
  if (!s) return undefined;
  // A slowed or delayed motor or sensory study is demyelination's mark, not axon loss (evidence.ts).
  const slowed =
    (f.result === "slowed" || f.result === "prolonged") && s.type !== "f_wave" && s.type !== "h_reflex";
  const family: Family = slowed
    ? "conductionSlowing"
    : s.type === "sensory"
      ? "snapLoss"
      : s.type === "motor"
        ? "cmapLoss"
        : "lateResponse";
  return { family, targets: targetOf(x, "study", s) };
}

/**
 * The case's findings with each whole-examination statement (FORMAT v1.1 `others`: "power
 * otherwise 5/5", "reflexes otherwise normal", "sensation otherwise intact") read as the items of
 * the routine examination (data/silence.ts) that no other finding names on that side, each with
 * the statement's value and its finding index.
 */
function withOthers(atlas: Atlas, c: LocusCase): [number, Finding][] {
  const out: [number, Finding][] = [];
  // Most cases make no such statement: then the findings are read as they are.
  if (!c.findings.some(namesOthers)) {
    c.findings.forEach((f, i) => {
      out.push([i, f]);
    });
    return out;
  }
  const named = new Set<string>();
  for (const f of c.findings) {
    if (namesOthers(f)) continue;
    for (const side of sidesOf(f.side)) for (const k of itemsNamed(atlas, f)) named.add(`${k}|${side}`);
  }
  c.findings.forEach((f, i) => {
    if (!namesOthers(f)) {
      out.push([i, f]);
      return;
    }
    for (const side of sidesOf(f.side))
      for (const item of routineItems(f.kind))
        if (!named.has(`${f.kind}:${item}|${side}`)) out.push([i, othersAs(f, item, side)]);
  });
  return out;
}

/** The items a finding names, as `${kind}:${id}` (a muscle names its movements too). */
function itemsNamed(atlas: Atlas, f: Finding): string[] {
  if (f.kind === "strength") {
    const movements = strengthTargets(atlas, f.target)?.movements ?? [];
    return [`strength:${f.target}`, ...movements.map((m) => `strength:${m}`)];
  }
  if (f.kind === "reflex") return [`reflex:${f.reflex}`];
  if (f.kind === "sensory") return [`sensory:${f.region}`];
  const movement = f.kind === "sign" && f.present !== false ? movementOfSign(f.sign) : undefined;
  return movement ? [`strength:${movement}`] : [];
}

function routineItems(kind: Finding["kind"]): readonly string[] {
  if (kind === "strength") return routineExamination.movements;
  if (kind === "reflex") return routineExamination.reflexes;
  if (kind === "sensory") return routineExamination.regions;
  return [];
}

function othersAs(f: Finding, item: string, side: LimbSide): Finding {
  if (f.kind === "strength") return { ...f, side, target: item };
  if (f.kind === "reflex") return { ...f, side, reflex: item };
  if (f.kind === "sensory") return { ...f, side, region: item };
  return f;
}

/** Positive sensory symptoms and signs: pain, paraesthesia, hyperaesthesia (irritation, not loss). */
const SYMPTOMS: ReadonlySet<string> = new Set(["pain", "paresthesia", "increased"]);

/**
 * The regions (by side) where the case finds sensation lost: a symptom in the same region is the
 * same lesion seen twice, and is counted once, as the loss.
 */
function deficitRegions(c: LocusCase): Set<string> {
  const out = new Set<string>();
  for (const f of c.findings) {
    if (f.kind !== "sensory" || (f.change !== "reduced" && f.change !== "absent")) continue;
    for (const s of sidesOf(f.side)) out.add(`${f.region}|${s}`);
  }
  return out;
}

/** Signs that are the weakness of one movement (foot drop: dorsiflexion; Trendelenburg: abduction). */
const MOVEMENT_SIGNS: Partial<Record<string, string>> = {
  foot_drop: "ankle_dorsiflexion",
  trendelenburg: "hip_abduction",
};

/** The movement a sign is the weakness of, if any (own entries only: signs come from the case). */
function movementOfSign(sign: string): string | undefined {
  return Object.hasOwn(MOVEMENT_SIGNS, sign) ? MOVEMENT_SIGNS[sign] : undefined;
}

/** The movements (by side) the case grades, weak or not. */
function gradedMovementsOf(c: LocusCase): Set<string> {
  const out = new Set<string>();
  for (const f of c.findings) {
    if (f.kind !== "strength") continue;
    for (const s of sidesOf(f.side)) out.add(`${f.target}|${s}`);
  }
  return out;
}

/** The history word (before any ":") that raises the paraspinals' rate without a root lesion. */
const SPINE_SURGERY = "spine_surgery";

/** Whether a history entry's word (before any ":", as in "cancer:prostate") is `word`, without splitting it. */
export function historyWordIs(entry: string, word: string): boolean {
  return entry.startsWith(word) && (entry.length === word.length || entry[word.length] === ":");
}

/** How often the paraspinals fibrillate without a root lesion, for this patient's age and history. */
function paraspinalRate(age: number | undefined, history: readonly string[]): number {
  if (history.some((h) => historyWordIs(h, SPINE_SURGERY)))
    return paraspinalFalsePositive.afterSpineSurgery.value;
  if (age !== undefined && age < 40) return paraspinalFalsePositive.under40.value;
  if (age !== undefined && age >= 60) return paraspinalFalsePositive.over60.value;
  return falsePositive.paraspinalEmg.value;
}

export function observe(atlas: Atlas, c: LocusCase): ObserveResult {
  const out: Observation[] = [];
  const skipped: { finding: number; why: string }[] = [];
  const age = c.patient?.age;
  const days = daysSinceOnset(c);
  const index = indexOf(atlas);
  const paraspinalFp = paraspinalRate(age, c.context?.history ?? []);
  // Made on first use: only symptoms and movement signs ask.
  let deficits: Set<string> | undefined;
  /** Regions (by side) where a symptom has been read already. */
  const felt = new Set<string>();
  let gradedMovements: Set<string> | undefined;
  const push = (
    o: Omit<Observation, "side" | "label">,
    i: number,
    side: string | undefined,
    text: (s: LimbSide) => string,
  ) => {
    const subjective = subjectiveSplit(o.family, o.fp);
    for (const s of sidesOf(side)) {
      // Every field in one literal, the optional ones too: one shape for every observation.
      const x: Observation = {
        finding: i,
        side: s,
        family: o.family,
        abnormal: o.abnormal,
        equivocal: o.equivocal,
        targets: o.targets,
        movements: o.movements,
        grade: o.grade,
        fp: o.fp,
        timing: o.timing,
        ageing: o.ageing,
        subjective,
        largeUnits: o.largeUnits,
        lowerMotorNeuron: o.lowerMotorNeuron,
        label: text(s),
        thing: o.thing,
      };
      out.push(x);
    }
  };
  for (const [i, f] of withOthers(atlas, c)) {
    switch (f.kind) {
      case "strength": {
        const t = strengthTargets(atlas, f.target);
        if (!t) {
          skipped.push({
            finding: i,
            why: `"${f.target}" is not a movement or muscle the atlas knows`,
          });
          continue;
        }
        const g = mrcGrade(f.mrc);
        const abnormal = f.mrc === "weak" || (g !== undefined && g < 5);
        const grade = abnormal ? gradeCategory(f.mrc) : undefined;
        const thing = nameOf(atlas, f.target);
        push(
          {
            finding: i,
            family: "weakness",
            abnormal,
            equivocal: false,
            targets: t.keys,
            movements: t.movements,
            grade,
            fp: falsePositive.weakness.value,
            timing: 1,
            thing,
          },
          i,
          f.side,
          (s) => `${s} ${thing} ${abnormal ? `weak (MRC ${f.mrc})` : "full strength"}`,
        );
        continue;
      }
      case "reflex": {
        const r = index.reflex.get(f.reflex);
        if (!r) {
          skipped.push({ finding: i, why: `"${f.reflex}" is not a reflex the atlas knows` });
          continue;
        }
        const thing = r.name;
        const targets = targetOf(index, "reflex", r);
        if (r.umnSign || f.grade === "brisk" || f.grade === "extensor" || f.grade === "flexor") {
          const abnormal = f.grade === "brisk" || f.grade === "extensor";
          push(
            {
              finding: i,
              family: "umnSign",
              abnormal,
              equivocal: false,
              targets,
              movements: [],
              fp: falsePositive.umnSign.value,
              timing: 1,
              thing,
            },
            i,
            f.side,
            (s) => `${s} ${thing} ${f.grade}`,
          );
          if (r.umnSign) continue;
        }
        if (f.grade === "brisk") continue;
        const lossFp =
          r.ageDependent && age !== undefined && age >= 60
            ? falsePositive.ankleJerkLossOver60.value
            : r.id === "medial_hamstring"
              ? falsePositive.medialHamstringLoss.value
              : falsePositive.reflexLoss.value;
        const abnormal = f.grade === "absent" || f.grade === "reduced";
        const aged = r.ageDependent
          ? ageSplit(lossFp, falsePositive.reflexLoss.value, ageingChance(age))
          : undefined;
        push(
          {
            finding: i,
            family: "reflexLoss",
            abnormal,
            equivocal: false,
            targets,
            movements: [],
            fp: lossFp,
            ageing: aged,
            timing: 1,
            thing,
          },
          i,
          f.side,
          (s) => `${s} ${thing} ${f.grade}`,
        );
        continue;
      }
      case "sensory": {
        const region = index.region.get(f.region);
        if (!region) {
          skipped.push({ finding: i, why: `"${f.region}" is not a skin region the atlas knows` });
          continue;
        }
        const abnormal = f.change !== "normal";
        const symptom = SYMPTOMS.has(f.change);
        const side = region.midline && !f.side ? undefined : f.side;
        deficits ??= symptom ? deficitRegions(c) : undefined;
        const sides = symptom ? sidesOf(side).filter((s) => !deficits?.has(`${f.region}|${s}`)) : [];
        if (symptom && sides.length === 0) {
          skipped.push({ finding: i, why: "counted once, with the loss of sensation in the same region" });
          continue;
        }
        // Pain and tingling in one region are one complaint of irritated fibres there, counted once.
        const fresh = sides.filter((s) => !felt.has(`${f.region}|${s}`));
        if (symptom && fresh.length === 0) {
          skipped.push({ finding: i, why: "counted once, with the other symptom in the same region" });
          continue;
        }
        for (const s of fresh) felt.add(`${f.region}|${s}`);
        const deep = !symptom && (f.modality === "vibration" || f.modality === "proprioception");
        push(
          {
            finding: i,
            family: symptom ? "sensorySymptom" : deep ? "deepSensory" : "sensoryChange",
            abnormal,
            equivocal: false,
            targets: targetOf(index, "region", region),
            movements: [],
            fp: symptom
              ? falsePositive.sensorySymptom.value
              : deep
                ? falsePositive.deepSensory.value
                : falsePositive.sensoryChange.value,
            timing: 1,
            thing: `skin of the ${region.name}`,
          },
          i,
          fresh.length === 1 ? fresh[0] : side,
          (s) => `${s} ${region.name}: ${abnormal ? `${f.change} sensation` : "normal sensation"}`,
        );
        continue;
      }
      case "emg": {
        const m = index.muscle.get(f.muscle);
        if (!m) {
          skipped.push({ finding: i, why: `"${f.muscle}" is not a muscle the atlas knows` });
          continue;
        }
        const read = emgFamily(f);
        if (!read) {
          skipped.push({ finding: i, why: "the needle examination records nothing to read" });
          continue;
        }
        const paraspinal = m.dorsalRamus === true;
        const fp =
          read.family === "myopathicEmg"
            ? falsePositive.myopathicEmg.value
            : paraspinal
              ? paraspinalFp
              : falsePositive.neurogenicEmg.value;
        push(
          {
            finding: i,
            family: read.family,
            abnormal: read.abnormal,
            equivocal: read.equivocal,
            targets: targetOf(index, "muscle", m),
            movements: [],
            fp,
            timing: read.family === "myopathicEmg" ? 1 : emgTimingFactor(f, paraspinal, days),
            largeUnits: f.muap === "neurogenic" ? true : undefined,
            thing: `${m.name} (needle EMG)`,
          },
          i,
          f.side,
          (s) => `${s} ${m.name} EMG: ${read.what}`,
        );
        continue;
      }
      case "ncs": {
        const read = ncsFamily(atlas, f);
        if (!read) {
          skipped.push({ finding: i, why: `"${f.study}" is not a study the atlas knows` });
          continue;
        }
        const s = index.study.get(f.study);
        const old = age !== undefined && age >= 60;
        const fp =
          read.family === "snapLoss"
            ? age !== undefined && age >= 75
              ? falsePositive.snapLossOver75.value
              : old
                ? falsePositive.snapLossOver60.value
                : falsePositive.snapLoss.value
            : read.family === "lateResponse"
              ? old
                ? falsePositive.lateResponseOver60.value
                : falsePositive.lateResponse.value
              : read.family === "conductionSlowing"
                ? falsePositive.conductionSlowing.value
                : falsePositive.cmapLoss.value;
        const abnormal = f.result !== "normal";
        const thing = s?.name ?? f.study;
        const young =
          read.family === "snapLoss" ? falsePositive.snapLoss.value : falsePositive.lateResponse.value;
        const aged =
          (read.family === "snapLoss" && s?.ageEffect) || s?.type === "h_reflex"
            ? ageSplit(fp, young, ageingChance(age))
            : undefined;
        push(
          {
            finding: i,
            family: read.family,
            abnormal,
            equivocal: false,
            targets: read.targets,
            movements: [],
            fp,
            ageing: aged,
            timing: ncsTimingFactor(read.family, days),
            thing,
          },
          i,
          f.side,
          (side) => `${side} ${thing} ${f.result}`,
        );
        continue;
      }
      case "sign": {
        const read = signObservation(atlas, f.sign, f.target);
        if (!read) continue;
        const present = f.present !== false;
        const t = read.targets;
        // A foot drop or a Trendelenburg gait is the weakness of a movement the case also grades:
        // the same deficit, counted once, as the grade.
        const graded = movementOfSign(f.sign);
        gradedMovements ??= graded ? gradedMovementsOf(c) : undefined;
        const sides = graded ? sidesOf(f.side).filter((s) => !gradedMovements?.has(`${graded}|${s}`)) : [];
        if (graded && sides.length === 0) {
          skipped.push({ finding: i, why: `counted once, with the graded ${graded.replaceAll("_", " ")}` });
          continue;
        }
        push(
          {
            finding: i,
            family: read.family,
            abnormal: present,
            equivocal: false,
            targets: t.keys,
            movements: t.movements,
            grade: present ? read.grade : undefined,
            fp: read.family === "umnSign" ? falsePositive.umnSign.value : falsePositive.weakness.value,
            timing: read.family === "umnSign" && days < umnTiming.beforeDay ? umnTiming.factor : read.timing,
            thing: read.thing,
            lowerMotorNeuron: read.lowerMotorNeuron,
          },
          i,
          sides.length === 1 ? sides[0] : f.side,
          (s) =>
            `${s} ${f.sign.replaceAll("_", " ")}${f.target ? ` (${f.target})` : ""}${present ? "" : " absent"}`,
        );
        continue;
      }
      default:
        continue;
    }
  }
  return { observations: out, skipped };
}

/** What clonus and the Babinski sign measure (one list for all, read only). */
const PLANTAR: StrengthTargets = { keys: [{ key: "reflex:plantar", weight: 1 }], movements: [] };

/** Signs that measure limb anatomy: wasting, foot drop, Trendelenburg gait, clonus, Babinski. */
function signObservation(
  atlas: Atlas,
  sign: string,
  target: string | undefined,
):
  | {
      family: Family;
      targets: { keys: { key: TargetKey; weight: number }[]; movements: string[] };
      grade?: 0 | 1 | 2;
      timing: number;
      thing: string;
      lowerMotorNeuron?: boolean;
    }
  | undefined {
  switch (sign) {
    case "foot_drop": {
      const t = strengthTargets(atlas, "ankle_dorsiflexion");
      return (
        t && { family: "weakness", targets: t, grade: 2, timing: 1, thing: "ankle dorsiflexion (foot drop)" }
      );
    }
    case "trendelenburg": {
      const t = strengthTargets(atlas, "hip_abduction");
      return t && { family: "weakness", targets: t, timing: 1, thing: "hip abduction (Trendelenburg sign)" };
    }
    case "clonus":
    case "babinski":
      return { family: "umnSign", targets: PLANTAR, timing: 1, thing: sign };
    case "atrophy": {
      const muscles = target ? musclesOfBodyPart(atlas, target) : [];
      if (muscles.length === 0) return undefined;
      const keys = muscles.map((m) => ({ key: `muscle:${m}` as TargetKey, weight: 1 / muscles.length }));
      return {
        family: "weakness",
        targets: { keys, movements: [] },
        timing: muscleSigns.atrophy.value,
        thing: `bulk of the ${target}`,
        lowerMotorNeuron: true,
      };
    }
    default:
      return undefined;
  }
}

/** A body-part word ("thigh", "calf") or a muscle or group word to muscle ids. */
export function musclesOfBodyPart(atlas: Atlas, word: string): string[] {
  const hit = atlas.resolve(word, ["muscle"]);
  if (hit) return hit.ids;
  const key = word.toLowerCase().trim();
  const part =
    (Object.hasOwn(bodyParts, key) ? bodyParts[key] : undefined) ??
    Object.entries(bodyParts).find(([k]) => key.includes(k))?.[1];
  return part ?? [];
}

export { nameOf, strengthTargets };
