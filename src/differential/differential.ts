/**
 * differential(case, localization): conditions ranked with reasons, red flags and the work-up.
 */
import type { LocusCase } from "../case/schema.js";
import type { Localization } from "../localize/types.js";
import { denials, extractClues } from "./clues.js";
import { CATALOGUE_VERSION, conditions as catalogue } from "./data/conditions.js";
import { workupById } from "./data/workup.js";
import { redFlags } from "./red-flags.js";
import { conditionOdds, conditionReasons, type LocatedFit, localizationFits } from "./score.js";
import { type NotEnough, notEnough } from "./sufficiency.js";
import type {
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

/** Each work-up spec's words as a pattern, made once (the catalogue's specs are few and fixed). */
const specWords = new Map<string, RegExp>();
function wordsOf(words: string): RegExp {
  let r = specWords.get(words);
  if (!r) {
    r = new RegExp(words, "i");
    specWords.set(words, r);
  }
  return r;
}

/** Whether an imaging finding matches "modality" or "modality:region|words". */
function imagingMatches(f: { modality: string; text?: string; level?: string }, spec: string): boolean {
  const [modality, words] = spec.split(":");
  if (f.modality !== modality) return false;
  if (!words) return true;
  return wordsOf(words).test(`${f.text ?? ""} ${f.level ?? ""}`);
}

/** Whether the case already holds the result of a test. */
export function alreadyDone(c: LocusCase, w: WorkupItem): boolean {
  const d = w.doneWhen;
  if (!d) return false;
  return c.findings.some(
    (f) =>
      (f.kind === "imaging" && (d.imaging ?? []).some((spec) => imagingMatches(f, spec))) ||
      (f.kind === "lab" && (d.labs ?? []).includes(f.test)) ||
      (f.kind === "emg" && d.emg === true) ||
      (f.kind === "ncs" && d.ncs === true),
  );
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

function workupOf(ids: string[]): WorkupItem[] {
  return ids.flatMap((id) => {
    const w = workupById.get(id);
    return w ? [w] : [];
  });
}

/** The side of the leading lesion, for codes with laterality. */
function leadingSide(loc: Localization): string | undefined {
  const top = loc.hypotheses[0];
  const focal = top?.lesions.find((l) => l.level !== "polyneuropathy") ?? top?.lesions[0];
  return focal?.side;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function differential(
  c: LocusCase,
  loc: Localization,
  options: DifferentialOptions = {},
): Differential {
  const limit = options.limit ?? 10;
  const clues = extractClues(c, loc);
  const flags = redFlags(clues, denials(c), (w) => alreadyDone(c, w));
  const insufficient = notEnough(c);
  if (insufficient) return notEnoughAnswer(c, flags, insufficient);
  const located = localizationFits(loc, catalogue);
  const scored = catalogue.map((condition, j) => {
    const fit = located[j] as LocatedFit;
    return { condition, fit, odds: conditionOdds(condition, fit, clues) };
  });
  const total = scored.reduce((sum, s) => sum + s.odds, 0);
  scored.sort((a, b) => b.odds - a.odds || a.condition.id.localeCompare(b.condition.id));
  const side = leadingSide(loc);

  const probability = (s: { odds: number }) => round(total > 0 ? s.odds / total : 0);
  // only the conditions listed are written out (the rest of the catalogue is counted in `other`)
  const kept = scored.filter(
    (s, i) => i < limit || (s.condition.mustNotMiss && probability(s) >= MUST_NOT_MISS_FLOOR),
  );
  const listed: RankedCondition[] = kept.map((s) => {
    const forReasons: DifferentialReason[] = [];
    const against: DifferentialReason[] = [];
    for (const r of conditionReasons(s.condition, s.fit, clues)) {
      const supports = r.kind === "localization" ? r.factor >= 0.1 : r.factor > 1;
      (supports ? forReasons : against).push({ ...r, factor: round(r.factor) });
    }
    forReasons.sort((a, b) => b.factor - a.factor);
    against.sort((a, b) => a.factor - b.factor);
    return {
      id: s.condition.id,
      name: s.condition.name,
      probability: probability(s),
      mustNotMiss: Boolean(s.condition.mustNotMiss),
      for: forReasons,
      against,
      codes: codesFor(s.condition, side),
      workup: workupOf(s.condition.workup),
      sources: s.condition.sources,
    };
  });

  const other = round(Math.max(0, 1 - listed.reduce((sum, r) => sum + r.probability, 0)));

  // the case's work-up: red-flag actions first, then the work-up of the leading conditions
  const plan = new Map<string, WorkupItem & { for: string[]; done: boolean }>();
  const addPlan = (w: WorkupItem, why: string) => {
    const had = plan.get(w.id);
    if (had) {
      if (!had.for.includes(why)) had.for.push(why);
    } else plan.set(w.id, { ...w, for: [why], done: alreadyDone(c, w) });
  };
  for (const f of flags) for (const w of f.action) addPlan(w, `red flag: ${f.id}`);
  for (const [i, r] of listed.slice(0, 3).entries())
    if (i === 0 || r.probability >= WORKUP_FLOOR) for (const w of r.workup) addPlan(w, r.id);
  const urgencyRank = { emergency: 0, urgent: 1, routine: 2 } as const;
  const planned = [...plan.values()];
  const order = new Map(planned.map((w, i) => [w.id, i]));
  planned.sort(
    (a, b) =>
      Number(a.done) - Number(b.done) ||
      urgencyRank[a.urgency] - urgencyRank[b.urgency] ||
      (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );

  return {
    status: "ok",
    conditions: listed,
    redFlags: flags,
    workup: planned,
    other,
    catalogueVersion: CATALOGUE_VERSION,
  };
}

/** No condition ranked; the red flags the history raises and their tests still stand. */
function notEnoughAnswer(c: LocusCase, flags: RedFlag[], why: NotEnough): Differential {
  const workup = flags.flatMap((f) =>
    f.action.map((w) => ({ ...w, for: [`red flag: ${f.id}`], done: alreadyDone(c, w) })),
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
