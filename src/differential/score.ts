/**
 * Scoring: odds(condition) = prior x fit of the localization x the likelihood ratios of the clues
 * present, each multiplication kept as a reason. Normalised over the catalogue.
 */
import type { Lesion } from "../case/schema.js";
import { keep } from "../keep.js";
import type { LocatedFit } from "./support.js";
import {
  CLUE_IDS,
  type ClueId,
  type Clues,
  type Condition,
  type DifferentialReason,
  type LocalizationPattern,
} from "./types.js";
import { lesionPhrase } from "./words.js";

/** A lesion's side against a pattern's usual side: the factor for a mismatch. */
export const SIDE_MISMATCH = 0.25;
/** Each site beyond a pattern's `maxSites`. */
export const EXTRA_SITE = 0.3;
/** A lesion shape the condition is not known to produce (rare presentations, unknown variants). */
export const ELSEWHERE = 0.001;
/**
 * A background polyneuropathy listed beside a focal lesion is rarely the question the clinician
 * asks (ageing and chemotherapy leave one in many patients): it counts at this weight.
 */
export const BACKGROUND_POLYNEUROPATHY = 0.1;
/** Likelihood ratios are capped so one clue cannot decide alone. */
export const LR_MIN = 0.02;
export const LR_MAX = 60;

const DIFFUSE = new Set([
  "polyneuropathy",
  "polyradiculopathy",
  "cauda_equina",
  "conus",
  "anterior_horn",
  "cns",
  "none",
]);

function siteMatches(lesionSite: string, patternSites: string[]): boolean {
  if (patternSites.includes(lesionSite)) return true;
  const nerve = lesionSite.split("@")[0] ?? lesionSite;
  return patternSites.includes(nerve);
}

/** How well one lesion fits one pattern (0 when it does not match). */
export function patternFit(lesion: Lesion, pattern: LocalizationPattern): number {
  if (lesion.level !== pattern.level) return 0;
  let fit = pattern.fit;
  if (pattern.sites && !DIFFUSE.has(lesion.level)) {
    if (lesion.sites.length === 0) fit *= 0.5;
    else if (!lesion.sites.every((site) => siteMatches(site, pattern.sites ?? []))) return 0;
  }
  if (pattern.maxSites !== undefined && lesion.sites.length > pattern.maxSites)
    fit *= EXTRA_SITE ** (lesion.sites.length - pattern.maxSites);
  const side = pattern.side ?? "unilateral";
  if (side === "unilateral" && lesion.side === "bilateral") fit *= SIDE_MISMATCH;
  if (side === "bilateral" && lesion.side !== "bilateral") fit *= SIDE_MISMATCH;
  return fit;
}

/** How well one lesion fits a condition: its best pattern, or the floor. */
export function lesionFit(lesion: Lesion, condition: Condition): number {
  let best = 0;
  for (const p of condition.produces) best = Math.max(best, patternFit(lesion, p));
  return Math.max(best, ELSEWHERE);
}

const describeLesion = (l: Lesion) => lesionPhrase(l);

/** The localization's reason for a condition: the share of the localization that fits it. */
function localizationReason(condition: Condition, { share, best }: LocatedFit): DifferentialReason {
  const bestText = best
    ? `${describeLesion(best.lesion)}, ${Math.round(best.weight * 100)}% of the localization`
    : "";
  const typical = share >= 0.1;
  return {
    kind: "localization",
    text: typical
      ? `the localization fits: ${bestText}`
      : bestText
        ? `the localization is unusual for it (best: ${bestText})`
        : "the localization is unusual for it",
    factor: share,
    findings: [],
    sources: condition.sources.slice(0, 2),
  };
}

/** A clue's likelihood ratio within the caps. */
const capped = (lr: number) => Math.min(LR_MAX, Math.max(LR_MIN, lr));

/** A condition's unnormalised odds: its prior x the localization's fit x its clues' likelihood ratios. */
export function conditionOdds(condition: Condition, located: LocatedFit, clues: Clues): number {
  let odds = condition.prior * located.fit;
  for (const effect of condition.evidence) {
    if (clues.has(effect.clue)) odds *= capped(effect.lr);
    else if (effect.absent !== undefined) odds *= capped(effect.absent);
  }
  return odds;
}

/** A condition's evidence as a table, made once per catalogue: clue numbers and capped factors. */
interface EvidenceTable {
  /** Each effect's clue, as its place in CLUE_IDS. */
  clue: Int32Array;
  /** Each effect's factor when its clue is present, and when it is not (1: absence says nothing). */
  present: Float64Array;
  absent: Float64Array;
}

const CLUE_NUMBER = new Map<ClueId, number>(CLUE_IDS.map((id, i) => [id, i]));
const evidenceTables = new WeakMap<readonly Condition[], EvidenceTable[]>();

function evidenceTable(condition: Condition): EvidenceTable {
  const effects = condition.evidence;
  return {
    clue: Int32Array.from(effects, (e) => CLUE_NUMBER.get(e.clue) ?? -1),
    present: Float64Array.from(effects, (e) => capped(e.lr)),
    absent: Float64Array.from(effects, (e) => (e.absent === undefined ? 1 : capped(e.absent))),
  };
}

/**
 * Every condition's odds (conditionOdds, in catalogue order) from the catalogue's evidence tables,
 * given each condition's localization fit. The same multiplications in the same order: a factor
 * of 1 for an absence that says nothing leaves the odds as they were.
 */
export function catalogueOdds(
  conditions: readonly Condition[],
  fit: Float64Array,
  clues: Clues,
): Float64Array {
  const tables = keep(evidenceTables, conditions, () => conditions.map(evidenceTable));
  const present = new Uint8Array(CLUE_IDS.length);
  for (const id of clues.keys()) {
    const n = CLUE_NUMBER.get(id);
    if (n !== undefined) present[n] = 1;
  }
  const odds = new Float64Array(conditions.length);
  conditions.forEach((condition, j) => {
    const e = tables[j] as EvidenceTable;
    let o = condition.prior * (fit[j] as number);
    for (let x = 0; x < e.clue.length; x++)
      o *= present[e.clue[x] as number] ? (e.present[x] as number) : (e.absent[x] as number);
    odds[j] = o;
  });
  return odds;
}

/** Each multiplication of conditionOdds after the prior, as a reason. */
export function conditionReasons(
  condition: Condition,
  located: LocatedFit,
  clues: Clues,
): DifferentialReason[] {
  const reasons: DifferentialReason[] = [localizationReason(condition, located)];
  for (const effect of condition.evidence) {
    const clue = clues.get(effect.clue);
    if (!clue && effect.absent === undefined) continue;
    reasons.push({
      kind: "clue",
      clue: effect.clue,
      text: clue ? `${effect.why} (${clue.text})` : `not found in this case: ${effect.why}`,
      factor: capped(clue ? effect.lr : (effect.absent as number)),
      findings: clue ? clue.findings : [],
      sources: effect.sources,
    });
  }
  return reasons;
}
