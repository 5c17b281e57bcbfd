/**
 * differential(case, localization): conditions ranked with reasons, red flags and the work-up.
 */
import type { LocusCase } from "../case/schema.js";
import { keep } from "../keep.js";
import { identity, sortDescending } from "../localize/sort.js";
import type { Localization } from "../localize/types.js";
import { denials, extractClues } from "./clues.js";
import { CATALOGUE_VERSION, conditions as catalogue } from "./data/conditions.js";
import { workupById } from "./data/workup.js";
import { redFlags } from "./red-flags.js";
import { catalogueOdds, conditionReasons } from "./score.js";
import { type NotEnough, notEnough } from "./sufficiency.js";
import { type LocatedFit, localizationSupport, locatedFit } from "./support.js";
import type {
  Clues,
  Condition,
  Differential,
  DifferentialOptions,
  DifferentialReason,
  RankedCondition,
  RedFlag,
  WorkupItem,
} from "./types.js";

/** Conditions after the first add their work-up to the case's when at least this likely. */
export const WORKUP_FLOOR = 0.05;

/** A work-up spec read once: "modality" or "modality:region|words" (the words as a pattern). */
interface ImagingSpec {
  modality: string;
  words?: RegExp;
}
const imagingSpecs = new Map<string, ImagingSpec>();
function imagingSpec(spec: string): ImagingSpec {
  return keep(imagingSpecs, spec, () => {
    const [modality = "", words] = spec.split(":");
    return words ? { modality, words: new RegExp(words, "i") } : { modality };
  });
}

/** The tests a case holds, read once: each imaging study's modality and words, labs, EMG, NCS. */
export interface CaseTests {
  imaging: { modality: string; words: string }[];
  labs: Set<string>;
  emg: boolean;
  ncs: boolean;
}

export function testsOf(c: LocusCase): CaseTests {
  const tests: CaseTests = { imaging: [], labs: new Set(), emg: false, ncs: false };
  for (const f of c.findings) {
    if (f.kind === "imaging")
      tests.imaging.push({ modality: f.modality, words: `${f.text ?? ""} ${f.level ?? ""}` });
    else if (f.kind === "lab") tests.labs.add(f.test);
    else if (f.kind === "emg") tests.emg = true;
    else if (f.kind === "ncs") tests.ncs = true;
  }
  return tests;
}

/** Whether a case's tests already hold the result of a work-up item (any one of its doneWhen). */
export function doneIn(tests: CaseTests, w: WorkupItem): boolean {
  const d = w.doneWhen;
  if (!d) return false;
  if ((d.emg === true && tests.emg) || (d.ncs === true && tests.ncs)) return true;
  if ((d.labs ?? []).some((lab) => tests.labs.has(lab))) return true;
  return (d.imaging ?? []).some((raw) => {
    const spec = imagingSpec(raw);
    return tests.imaging.some(
      (f) => f.modality === spec.modality && (!spec.words || spec.words.test(f.words)),
    );
  });
}

/** Whether the case already holds the result of a test. */
export function alreadyDone(c: LocusCase, w: WorkupItem): boolean {
  return doneIn(testsOf(c), w);
}

/** Must-not-miss conditions at or above this probability are listed whatever the limit. */
export const MUST_NOT_MISS_FLOOR = 0.01;

function codesFor(c: Condition, side: string | undefined): RankedCondition["codes"] {
  const bySide = c.codes.icd10cmBySide;
  const icd10cm =
    bySide && (side === "left" || side === "right" || side === "bilateral") ? bySide[side] : c.codes.icd10cm;
  return {
    icd10cm,
    ...(c.codes.icd10cmAlso ? { icd10cmAlso: c.codes.icd10cmAlso } : {}),
    ...(c.codes.snomed ? { snomed: c.codes.snomed } : {}),
  };
}

/**
 * Each condition's work-up items, made once per condition. Answers share these lists, as they
 * share the catalogue's sources: read them, never change them.
 */
const workupLists = new WeakMap<Condition, WorkupItem[]>();
function workupOf(condition: Condition): WorkupItem[] {
  return keep(workupLists, condition, () =>
    condition.workup.flatMap((id) => {
      const w = workupById.get(id);
      return w ? [w] : [];
    }),
  );
}

/** The side of the leading lesion, for codes with laterality. */
function leadingSide(loc: Localization): string | undefined {
  const top = loc.hypotheses[0];
  const focal = top?.lesions.find((l) => l.level !== "polyneuropathy") ?? top?.lesions[0];
  return focal?.side;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Each condition's place in the order of the catalogue's ids (localeCompare), negated: the
 * ranking's tie-break as a key sorted highest first. Made once per catalogue.
 */
const idOrders = new WeakMap<readonly Condition[], Float64Array>();
function idOrder(conditions: readonly Condition[]): Float64Array {
  return keep(idOrders, conditions, () => {
    const order = new Float64Array(conditions.length);
    [...conditions.keys()]
      .sort((a, b) => (conditions[a] as Condition).id.localeCompare((conditions[b] as Condition).id))
      .forEach((j, place) => {
        order[j] = -place;
      });
    return order;
  });
}

/** The catalogue's indices, most likely first (ties in the order of the ids). */
function ranked(odds: Float64Array): Int32Array {
  const order = identity(new Int32Array(odds.length), odds.length);
  sortDescending(order, odds, idOrder(catalogue));
  return order;
}

/**
 * Puts `item` into `list`, kept highest `key` first, after every item whose key is not lower: the
 * order a stable sort gives, one item at a time (the lists are short, and a sort call costs more
 * than the work). Keys must be numbers that are not NaN (the reasons' factors and the work-up's
 * ranks are).
 */
function insertByKey<T>(list: T[], item: T, key: (x: T) => number): void {
  const k = key(item);
  let j = list.length;
  list.push(item);
  while (j > 0 && key(list[j - 1] as T) < k) {
    list[j] = list[j - 1] as T;
    j--;
  }
  list[j] = item;
}
const largestFirst = (r: DifferentialReason) => r.factor;
const smallestFirst = (r: DifferentialReason) => -r.factor;

/** A condition's reasons, split into for and against by their factors, each factor rounded. */
function reasonsFor(condition: Condition, located: LocatedFit, clues: Clues) {
  const forReasons: DifferentialReason[] = [];
  const against: DifferentialReason[] = [];
  for (const r of conditionReasons(condition, located, clues)) {
    const supports = r.kind === "localization" ? r.factor >= 0.1 : r.factor > 1;
    r.factor = round(r.factor);
    if (supports) insertByKey(forReasons, r, largestFirst);
    else insertByKey(against, r, smallestFirst);
  }
  return { for: forReasons, against };
}

const URGENCY_RANK = { emergency: 0, urgent: 1, routine: 2 } as const;
type Planned = WorkupItem & { for: string[]; done: boolean };
const planRank = (w: Planned) => -(Number(w.done) * 3 + URGENCY_RANK[w.urgency]);

/** The case's work-up: red-flag actions first, then the work-up of the leading conditions. */
function casePlan(flags: RedFlag[], listed: RankedCondition[], tests: CaseTests): Planned[] {
  const plan = new Map<string, Planned>();
  // not done before done, then by urgency, then in the order added
  const planned: Planned[] = [];
  const addPlan = (w: WorkupItem, why: string) => {
    const had = plan.get(w.id);
    if (had) {
      if (!had.for.includes(why)) had.for.push(why);
      return;
    }
    // the same object as { ...w, for, done }; spreading items of several shapes is slower (measured)
    const item: Planned = Object.assign({}, w, { for: [why], done: doneIn(tests, w) });
    plan.set(w.id, item);
    insertByKey(planned, item, planRank);
  };
  for (const f of flags) for (const w of f.action) addPlan(w, `red flag: ${f.id}`);
  for (const [i, r] of listed.slice(0, 3).entries())
    if (i === 0 || r.probability >= WORKUP_FLOOR) for (const w of r.workup) addPlan(w, r.id);
  return planned;
}

export function differential(
  c: LocusCase,
  loc: Localization,
  options: DifferentialOptions = {},
): Differential {
  const limit = options.limit ?? 10;
  const clues = extractClues(c, loc);
  const tests = testsOf(c);
  const flags = redFlags(clues, denials(c), (w) => doneIn(tests, w));
  const insufficient = notEnough(c);
  if (insufficient) return notEnoughAnswer(tests, flags, insufficient);
  const support = localizationSupport(loc, catalogue);
  const odds = catalogueOdds(catalogue, support.fit, clues);
  const total = odds.reduce((sum, o) => sum + o, 0);
  const side = leadingSide(loc);

  const probability = (j: number) => round(total > 0 ? (odds[j] as number) / total : 0);
  // only the conditions listed are written out (the rest of the catalogue is counted in `other`)
  const kept: number[] = [];
  ranked(odds).forEach((j, i) => {
    if (i < limit || (catalogue[j]?.mustNotMiss && probability(j) >= MUST_NOT_MISS_FLOOR)) kept.push(j);
  });
  const listed: RankedCondition[] = kept.map((j) => {
    const condition = catalogue[j] as Condition;
    return {
      id: condition.id,
      name: condition.name,
      probability: probability(j),
      mustNotMiss: Boolean(condition.mustNotMiss),
      ...reasonsFor(condition, locatedFit(support, j), clues),
      codes: codesFor(condition, side),
      workup: workupOf(condition),
      sources: condition.sources,
    };
  });

  const other = round(Math.max(0, 1 - listed.reduce((sum, r) => sum + r.probability, 0)));
  return {
    status: "ok",
    conditions: listed,
    redFlags: flags,
    workup: casePlan(flags, listed, tests),
    other,
    catalogueVersion: CATALOGUE_VERSION,
  };
}

/** No condition ranked; the red flags the history raises and their tests still stand. */
function notEnoughAnswer(tests: CaseTests, flags: RedFlag[], why: NotEnough): Differential {
  const workup = flags.flatMap((f) =>
    f.action.map((w) => ({ ...w, for: [`red flag: ${f.id}`], done: doneIn(tests, w) })),
  );
  return {
    status: "not_enough",
    notEnough: why,
    conditions: [],
    redFlags: flags,
    workup,
    other: 1,
    catalogueVersion: CATALOGUE_VERSION,
  };
}
