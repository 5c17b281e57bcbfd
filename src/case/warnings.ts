/**
 * Warnings: what the format allows but a careful reader would question. A warning never stops a
 * case; it is shown back with the JSON path of the input it is about.
 */
import { getAtlas } from "../atlas/index.js";
import { describeValue, didYouMean, type Issue, nearestWords, type Path, valueAt } from "./errors.js";
import { isOnScale, mrcGrade } from "./mrc.js";
import { type EmgFinding, type Finding, HISTORY_WORDS, type LocusCase, SYMPTOM_WORDS } from "./schema.js";

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

/** What a finding is about (two findings about the same thing should agree), and what it says. */
function subjectAndValue(f: Finding): { subject: string; label: string; value: unknown } | undefined {
  switch (f.kind) {
    case "strength":
      return {
        subject: `strength:${f.target}`,
        label: `strength of ${f.target}`,
        value: mrcGrade(f.mrc) ?? f.mrc,
      };
    case "reflex":
      return { subject: `reflex:${f.reflex}`, label: `${f.reflex} reflex`, value: f.grade };
    case "sensory":
      return {
        subject: `sensory:${f.region}:${f.modality ?? ""}`,
        label: `sensation${f.modality ? ` (${f.modality})` : ""} over ${f.region}`,
        value: f.change,
      };
    case "emg": {
      const { spontaneous, grade, insertional, muap, recruitment } = f;
      return {
        subject: `emg:${f.muscle}`,
        label: `needle EMG of ${f.muscle}`,
        value: { spontaneous, grade, insertional, muap, recruitment },
      };
    }
    case "ncs": {
      const { result, segment, amplitude, unit, velocity, latency, percentOfContralateral } = f;
      return {
        subject: `ncs:${f.study}${segment === undefined ? "" : `:${segment}`}`,
        label: `${f.study}`,
        value: { result, segment, amplitude, unit, velocity, latency, percentOfContralateral },
      };
    }
    case "sign":
      return {
        subject: `sign:${f.sign}:${f.target ?? ""}`,
        label: `sign ${f.sign}${f.target ? ` (${f.target})` : ""}`,
        value: f.present ?? true,
      };
    case "lab":
      return {
        subject: `lab:${f.test}`,
        label: `lab ${f.test}`,
        value: { result: f.result, value: f.value },
      };
    case "imaging":
      return undefined;
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
  const expanded = new Set(origins.filter((o, k) => origins.indexOf(o) !== k));
  const atlas = getAtlas();

  if (c.findings.length === 0)
    out.push({
      path: ["findings"],
      message: "the case has no findings: there is nothing to localize",
      expected: "at least one finding",
      found: [],
    });

  // A side given for a midline finding.
  const midlineRegions = new Set(atlas.data.regions.filter((r) => r.midline).map((r) => r.id));
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

  // The same finding given twice with different values.
  const seen: { k: number; subject: string; label: string; value: string; f: Finding }[] = [];
  c.findings.forEach((f, k) => {
    const sv = subjectAndValue(f);
    if (!sv) return;
    const value = show(sv.value);
    for (const prev of seen) {
      if (prev.subject !== sv.subject || prev.value === value || !sidesOverlap(prev.f.side, f.side)) continue;
      const o1 = origins[prev.k] ?? prev.k;
      const o2 = origins[k] ?? k;
      // A group word ("quadriceps 4") is refined, not contradicted, by a grade for one member.
      if (o1 === o2 || expanded.has(o1) || expanded.has(o2)) continue;
      out.push({
        path: at(k, fieldOf[f.kind]),
        message: `findings[${o1}] and findings[${o2}] both give the ${sideWord(f) || sideWord(prev.f)}${sv.label}, with different values (${prev.value} and ${value})`,
        expected: "one value per finding",
        found: f,
      });
      break;
    }
    seen.push({ k, subject: sv.subject, label: sv.label, value, f });
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
