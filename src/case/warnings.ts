/**
 * Warnings: what the format allows but a careful reader would question. A warning never stops a
 * case; it is shown back with the JSON path of the input it is about.
 */
import { getAtlas } from "../atlas/index.js";
import { describeValue, didYouMean, type Issue, nearestWords, type Path, valueAt } from "./errors.js";
import { isOnScale, mrcGrade } from "./mrc.js";
import {
  type EmgFinding,
  type Finding,
  HISTORY_WORDS,
  type ImagingFinding,
  type LocusCase,
  SYMPTOM_WORDS,
} from "./schema.js";

/** Reflexes and muscles FORMAT.md names as midline: a left or right side means nothing for them. */
export const MIDLINE_REFLEXES = ["anal", "bulbocavernosus"] as const;
export const MIDLINE_MUSCLES = ["external_anal_sphincter"] as const;

/**
 * History and symptom words outside the controlled lists: kept as free text, shown back.
 * Runs on the input after value normalisation, so it works on cases that are otherwise invalid.
 */
export function freeTextWarnings(input: unknown): Issue[] {
  const out: Issue[] = [];
  const history = valueAt(input, ["context", "history"]);
  if (Array.isArray(history))
    history.forEach((item, k) => {
      if (typeof item !== "string" || !item) return;
      const colon = item.indexOf(":");
      const head = colon < 0 ? item : item.slice(0, colon);
      if ((HISTORY_WORDS as readonly string[]).includes(head)) return;
      const suggestions = nearestWords(head, HISTORY_WORDS);
      out.push({
        path: ["context", "history", k],
        message: `${describeValue(item)} is not a controlled history word; kept as free text${didYouMean(suggestions)}`,
        expected: `one of ${HISTORY_WORDS.join(", ")}, with an optional ":detail"`,
        found: item,
        ...(suggestions.length ? { suggestions } : {}),
      });
    });
  for (const field of ["symptoms", "denies"] as const) {
    const list = valueAt(input, ["context", field]);
    if (Array.isArray(list))
      list.forEach((item, k) => {
        if (typeof item !== "string" || !item || (SYMPTOM_WORDS as readonly string[]).includes(item)) return;
        const suggestions = nearestWords(item, SYMPTOM_WORDS);
        out.push({
          path: ["context", field, k],
          message: `${describeValue(item)} is not a controlled symptom word; kept as free text${didYouMean(suggestions)}`,
          expected: `one of ${SYMPTOM_WORDS.join(", ")}`,
          found: item,
          ...(suggestions.length ? { suggestions } : {}),
        });
      });
  }
  out.push(...deniedAndReported(input));
  return out;
}

/** A symptom both reported and denied: one of the two is probably a slip. */
function deniedAndReported(input: unknown): Issue[] {
  const symptoms = valueAt(input, ["context", "symptoms"]);
  const denies = valueAt(input, ["context", "denies"]);
  if (!Array.isArray(symptoms) || !Array.isArray(denies)) return [];
  const out: Issue[] = [];
  denies.forEach((item, k) => {
    if (typeof item !== "string" || !symptoms.includes(item)) return;
    out.push({
      path: ["context", "denies", k],
      message: `"${item}" is both reported (context.symptoms[${symptoms.indexOf(item)}]) and denied; keep the one the patient said`,
      expected: "a symptom either reported or denied",
      found: item,
    });
  });
  return out;
}

const sidesOverlap = (a: Finding["side"], b: Finding["side"]) =>
  a === undefined || b === undefined || a === "bilateral" || b === "bilateral" || a === b;

const sideWord = (f: Finding) => (f.side ? `${f.side} ` : "");

/** The findings compared with one another: every kind but imaging (a report, not a measure). */
type Compared = Exclude<Finding, ImagingFinding>;
const compared = (f: Finding): f is Compared => f.kind !== "imaging";

/** What a finding is about: two findings about the same thing should agree. */
function subjectOf(f: Compared): string {
  switch (f.kind) {
    case "strength":
      return `strength:${f.target}`;
    case "reflex":
      return `reflex:${f.reflex}`;
    case "sensory":
      return `sensory:${f.region}:${f.modality ?? ""}`;
    case "emg":
      return `emg:${f.muscle}`;
    case "ncs":
      return `ncs:${f.study}${f.segment === undefined ? "" : `:${f.segment}`}`;
    case "sign":
      return `sign:${f.sign}:${f.target ?? ""}`;
    case "lab":
      return `lab:${f.test}`;
  }
}

/** What a finding is about in words, and what it says. */
function labelAndValue(f: Compared): { label: string; value: unknown } {
  switch (f.kind) {
    case "strength":
      return { label: `strength of ${f.target}`, value: mrcGrade(f.mrc) ?? f.mrc };
    case "reflex":
      return { label: `${f.reflex} reflex`, value: f.grade };
    case "sensory":
      return {
        label: `sensation${f.modality ? ` (${f.modality})` : ""} over ${f.region}`,
        value: f.change,
      };
    case "emg": {
      const { spontaneous, grade, insertional, muap, recruitment } = f;
      return {
        label: `needle EMG of ${f.muscle}`,
        value: { spontaneous, grade, insertional, muap, recruitment },
      };
    }
    case "ncs": {
      const { result, segment, amplitude, unit, velocity, latency, percentOfContralateral } = f;
      return {
        label: `${f.study}`,
        value: { result, segment, amplitude, unit, velocity, latency, percentOfContralateral },
      };
    }
    case "sign":
      return { label: `sign ${f.sign}${f.target ? ` (${f.target})` : ""}`, value: f.present ?? true };
    case "lab":
      return { label: `lab ${f.test}`, value: { result: f.result, value: f.value } };
  }
}

const show = (v: unknown) =>
  typeof v === "object" && v !== null
    ? JSON.stringify(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)))
    : JSON.stringify(v);

const fieldOf: Record<Finding["kind"], string> = {
  strength: "target",
  reflex: "reflex",
  sensory: "region",
  emg: "muscle",
  ncs: "study",
  sign: "sign",
  imaging: "modality",
  lab: "test",
};

/** Warnings about a valid, canonical case. `origins[k]` is the input index of canonical finding k. */
export function caseWarnings(c: LocusCase, origins: readonly number[]): Issue[] {
  const out: Issue[] = [];
  const at = (k: number, field?: string): Path => ["findings", origins[k] ?? k, ...(field ? [field] : [])];
  const atlas = getAtlas();
  // The input findings that became several (a group word): origins holds them more than once.
  const expanded = new Set<number>();
  const once = new Set<number>();
  for (const o of origins) (once.has(o) ? expanded : once).add(o);

  if (c.findings.length === 0)
    out.push({
      path: ["findings"],
      message: "the case has no findings: there is nothing to localize",
      expected: "at least one finding",
      found: [],
    });

  // A side given for a midline finding.
  const midlineRegions = atlas.midlineRegions;
  c.findings.forEach((f, k) => {
    if (f.side !== "left" && f.side !== "right") return;
    let what: string | undefined;
    if (f.kind === "reflex" && (MIDLINE_REFLEXES as readonly string[]).includes(f.reflex))
      what = `the ${f.reflex} reflex`;
    else if (f.kind === "sensory" && midlineRegions.has(f.region)) what = `the ${f.region} region`;
    else if (
      (f.kind === "emg" && (MIDLINE_MUSCLES as readonly string[]).includes(f.muscle)) ||
      (f.kind === "strength" && (MIDLINE_MUSCLES as readonly string[]).includes(f.target))
    )
      what = `the ${f.kind === "emg" ? f.muscle : f.target}`;
    else if (f.kind === "lab") what = `a laboratory test (${f.test})`;
    if (what)
      out.push({
        path: at(k, "side"),
        message: `a side ("${f.side}") is given for ${what}, which is a midline finding; check the side, or whether it belongs to another finding`,
        expected: "no side",
        found: f.side,
      });
  });

  // MRC grades off the scale ("5+", "0-").
  c.findings.forEach((f, k) => {
    if (f.kind === "strength" && typeof f.mrc === "string" && f.mrc !== "weak" && !isOnScale(f.mrc))
      out.push({
        path: at(k, "mrc"),
        message: `MRC "${f.mrc}" lies off the scale (there is nothing ${f.mrc === "5+" ? "above 5" : "below 0"}); read as ${f.mrc[0]}`,
        expected: "an MRC grade from 0 to 5",
        found: f.mrc,
      });
  });

  // The same finding given twice with different values (what a finding says is written out only
  // when another finding is about the same thing).
  const seen = new Map<string, { k: number; f: Compared; value?: string }[]>();
  const shownValue = (f: Compared) => show(labelAndValue(f).value);
  c.findings.forEach((f, k) => {
    if (!compared(f)) return;
    const subject = subjectOf(f);
    const same = seen.get(subject);
    if (!same) {
      seen.set(subject, [{ k, f }]);
      return;
    }
    const value = shownValue(f);
    for (const prev of same) {
      prev.value ??= shownValue(prev.f);
      if (prev.value === value || !sidesOverlap(prev.f.side, f.side)) continue;
      const o1 = origins[prev.k] ?? prev.k;
      const o2 = origins[k] ?? k;
      // A group word ("quadriceps 4") is refined, not contradicted, by a grade for one member.
      if (o1 === o2 || expanded.has(o1) || expanded.has(o2)) continue;
      out.push({
        path: at(k, fieldOf[f.kind]),
        message: `findings[${o1}] and findings[${o2}] both give the ${sideWord(f) || sideWord(prev.f)}${labelAndValue(f).label}, with different values (${prev.value} and ${value})`,
        expected: "one value per finding",
        found: f,
      });
      break;
    }
    same.push({ k, f, value });
  });

  // Strength 0 and a normal needle EMG of the same muscle.
  const normalEmg = (e: EmgFinding) =>
    (e.spontaneous !== undefined ||
      e.insertional !== undefined ||
      e.muap !== undefined ||
      e.recruitment !== undefined) &&
    (e.spontaneous ?? "none") === "none" &&
    (e.insertional ?? "normal") === "normal" &&
    (e.muap ?? "normal") === "normal" &&
    (e.recruitment ?? "normal") === "normal";
  c.findings.forEach((f, k) => {
    if (f.kind !== "strength" || mrcGrade(f.mrc) !== 0) return;
    const movement = atlas.data.movements.find((m) => m.id === f.target);
    const muscles = movement ? movement.primeMovers : [f.target];
    c.findings.forEach((e, j) => {
      if (e.kind !== "emg" || !muscles.includes(e.muscle) || !sidesOverlap(f.side, e.side) || !normalEmg(e))
        return;
      out.push({
        path: at(j, "muscle"),
        message: `${sideWord(f)}${f.target} is graded MRC 0 (findings[${origins[k] ?? k}]), yet the needle EMG of ${e.muscle} (findings[${origins[j] ?? j}]) is normal; a paralysed muscle recruits few or no motor units, so check the grade, the muscle and the side, or whether the weakness is from pain, effort or an upper motor neuron lesion`,
        expected: "reduced, discrete or no recruitment in a muscle graded MRC 0",
        found: e,
      });
    });
  });

  return out;
}
