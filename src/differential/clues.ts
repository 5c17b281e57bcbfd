/**
 * Reading a case (and its localization) into clues. This is the only place that looks at the
 * case's fields; the catalogue, the red flags and the work-up speak only in clue ids.
 * Anatomy (which root leaves by which foramen) comes from the atlas.
 */
import { getAtlas } from "../atlas/index.js";
import type { Finding, Lesion, LocusCase } from "../case/schema.js";
import { type LimbSide as LR, sidesOf } from "../localize/observe.js";
import type { Localization } from "../localize/types.js";
import { contextWords, PELVIC_CANCER } from "./data/context-words.js";
import {
  bilateralSciatica,
  courseClues,
  deniedClues,
  HISTORY_WORD_CLUES,
  imagingFlagClues,
  labFlagClues,
  SYMPTOM_WORD_CLUES,
  signClues,
} from "./flag-clues.js";
import { answersOf } from "./support.js";
import type { ClueEvidence, ClueId, Clues } from "./types.js";
import { lesionPhrase, nameOf, spoken } from "./words.js";

const HISTORY_CLUES: Record<string, ClueId> = {
  diabetes: "diabetes",
  cancer: "cancer",
  pelvic_radiation: "pelvic_radiation",
  chemotherapy: "chemotherapy",
  anticoagulation: "anticoagulation",
  spine_surgery: "spine_surgery",
  hip_surgery: "hip_surgery",
  pelvic_surgery: "pelvic_surgery",
  trauma: "trauma",
  pregnancy_delivery: "pregnancy_delivery",
  weight_loss: "weight_loss",
  alcohol: "alcohol",
  smoking: "smoking",
  prolonged_immobility: "prolonged_immobility",
  intramuscular_injection: "intramuscular_injection",
  leg_crossing: "leg_crossing",
  infection: "infection",
};

const SYMPTOM_CLUES: Record<string, ClueId> = {
  back_pain: "back_pain",
  radicular_pain: "radicular_pain",
  neuropathic_pain: "neuropathic_pain",
  pain_before_weakness: "pain_before_weakness",
  weakness: "weakness",
  numbness: "numbness",
  bladder_dysfunction: "bladder_dysfunction",
  bowel_dysfunction: "bowel_dysfunction",
  sexual_dysfunction: "sexual_dysfunction",
  claudication: "claudication",
  cramps: "cramps",
  progressive: "progressive",
  contralateral_spread: "contralateral_spread",
  fever: "fever",
};

const PAIN_SYMPTOMS = ["back_pain", "radicular_pain", "neuropathic_pain", "pain_before_weakness"] as const;
const FOOT_REGIONS = new Set([
  "foot_dorsum",
  "sole_medial",
  "sole_lateral",
  "great_toe",
  "little_toe",
  "foot_lateral",
  "foot_medial",
  "heel",
  "first_web_space",
]);
const SENSORY_STUDIES = new Set([
  "sural_sensory",
  "superficial_peroneal_sensory",
  "saphenous_sensory",
  "lateral_femoral_cutaneous_sensory",
  "medial_plantar_sensory",
]);
const DISTAL_STUDIES = new Set([
  "sural_sensory",
  "superficial_peroneal_sensory",
  "peroneal_motor_edb",
  "tibial_motor_ah",
]);
/** Movements and muscles of the hip and thigh. */
const PROXIMAL =
  /^(hip_|knee_extension|knee_flexion|iliopsoas|sartorius|rectus_femoris|vastus_|adductor_|gracilis|glute|tensor_fasciae|piriformis|semi|biceps_femoris|quadriceps|hamstrings)/;
const COMPRESSIVE = new Set([
  "disc_herniation",
  "foraminal_stenosis",
  "canal_stenosis",
  "lateral_recess_stenosis",
  "spondylolisthesis",
  "synovial_cyst",
]);

/** A table's own entry for a word (never an inherited property such as "constructor"). */
function own<T>(table: Record<string, T>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

/**
 * One pattern that matches wherever any of `patterns` does, so that a text none of them matches is
 * passed over with one search instead of one per pattern. Only for case-insensitive patterns with
 * no other flag and no back-reference or named group (as the context words are); otherwise
 * undefined, and every pattern is tried.
 */
function anyOf(patterns: readonly RegExp[]): RegExp | undefined {
  if (patterns.some((p) => p.flags !== "i" || /\\[1-9k]|\(\?<[^=!]/.test(p.source))) return undefined;
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"), "i");
}
const HISTORY_WORDS = anyOf(contextWords.filter((w) => w.in !== "symptoms").map((w) => w.pattern));
const SYMPTOM_WORDS = anyOf(contextWords.filter((w) => w.in !== "history").map((w) => w.pattern));
/** Whether some context word may be in a text (false only when none of them can be). */
const mayHold = (any: RegExp | undefined, text: string) => any === undefined || any.test(text);

/** Words just before a term that say the patient is not on it, or no longer ("off anticoagulation"). */
const NEGATED_BEFORE = /\b(no|not|off|stopped|without|never|denies|discontinued)\b[^,;.]{0,20}$/i;

/**
 * Each pattern's global copy, made once, to walk its matches with (statedIn sets its lastIndex).
 * Always a copy, so a global pattern's own lastIndex, moved by someone's test(), is never read.
 */
const globalCopies = new WeakMap<RegExp, RegExp>();
function globalCopy(pattern: RegExp): RegExp {
  let g = globalCopies.get(pattern);
  if (!g) {
    g = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    globalCopies.set(pattern, g);
  }
  return g;
}

/** Whether a history text states the pattern's term, not its absence. */
export function statedIn(pattern: RegExp, text: string): boolean {
  const g = globalCopy(pattern);
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (!NEGATED_BEFORE.test(text.slice(0, m.index))) return true;
    if (m[0] === "") g.lastIndex++;
  }
  return false;
}

/** The MRC grades written as words ("4-" is 3.67, "weak" is 4), made once. */
const MRC_WORDS = new Map<string, number>([
  ["weak", 4],
  ...[0, 1, 2, 3, 4, 5].flatMap((g): [string, number][] => [
    [`${g}`, g],
    [`${g}+`, g + 0.33],
    [`${g}-`, g + -0.33],
  ]),
]);

/** An MRC grade as a number ("4-" is 3.67, "weak" is 4); undefined when unreadable. */
export function mrcValue(mrc: number | string): number | undefined {
  return typeof mrc === "number" ? mrc : MRC_WORDS.get(mrc);
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
const isParaspinal = (muscle: string) => /paraspinal|paravertebral|multifidus/i.test(muscle);

/** The indices of the findings that pass `test`. */
function indicesWhere(findings: readonly Finding[], test: (f: Finding) => boolean): number[] {
  const out: number[] = [];
  findings.forEach((f, i) => {
    if (test(f)) out.push(i);
  });
  return out;
}

class ClueSet {
  readonly map: Clues = new Map();
  add(id: ClueId, text: string, findings?: readonly number[]): void {
    const had = this.map.get(id);
    if (had) {
      for (const f of findings ?? []) if (!had.findings.includes(f)) had.findings.push(f);
      return;
    }
    this.map.set(id, { text, findings: findings ? [...findings] : [] });
  }
  has(id: ClueId): boolean {
    return this.map.has(id);
  }
}

/** Whether an answer counts for clues read off the localization: the first, and any with P >= 0.25. */
const leading = (h: { probability: number }, i: number) =>
  i === 0 || (Number.isFinite(h.probability) && h.probability >= 0.25);

const isRoot = (l: Lesion) => l.level === "root";
const isDiffuseRoots = (l: Lesion) => l.level === "cauda_equina" || l.level === "polyradiculopathy";

/** The roots (and side) the localization most supports, for matching spine imaging. */
function affectedRoots(loc: Localization): { roots: Set<string>; sides: LR[]; diffuse: boolean } | undefined {
  for (const h of answersOf(loc)) {
    if (Number.isFinite(h.probability) && h.probability < 0.05) break;
    if (h.lesions.some(isRoot)) {
      const rootLesions = h.lesions.filter(isRoot);
      return {
        roots: new Set(rootLesions.flatMap((l) => l.sites)),
        sides: [...new Set(rootLesions.flatMap((l) => sidesOf(l.side)))],
        diffuse: false,
      };
    }
    if (h.lesions.some(isDiffuseRoots)) return { roots: new Set(), sides: sidesOf(undefined), diffuse: true };
  }
  return undefined;
}

const ROOT_ORDER = ["T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"];

/** Roots a compressive lesion at a spinal level can reach, by kind (anatomy from the atlas). */
export function rootsReachedAt(level: string, tag: string, text = ""): string[] {
  const atlas = getAtlas();
  const upper = level.split("-")[0] ?? level;
  const exiting =
    atlas.data.roots.find((r) => r.foramen === level)?.id ?? (level.includes("-") ? undefined : upper);
  const startIdx = ROOT_ORDER.indexOf(upper);
  const traversing = startIdx >= 0 ? ROOT_ORDER[startIdx + 1] : undefined;
  const below = startIdx >= 0 ? ROOT_ORDER.slice(startIdx + 1) : [];
  const farLateral = /extra[\s_-]?foraminal|far[\s_-]?lateral|foraminal/i.test(text);
  const out = new Set<string>();
  if (tag === "foraminal_stenosis" || (tag === "disc_herniation" && farLateral)) {
    if (exiting) out.add(exiting);
  } else if (tag === "lateral_recess_stenosis") {
    if (traversing) out.add(traversing);
  } else if (tag === "disc_herniation") {
    if (exiting) out.add(exiting);
    if (traversing) out.add(traversing);
  } else {
    if (exiting) out.add(exiting);
    for (const r of below) out.add(r);
  }
  return [...out];
}

export function extractClues(c: LocusCase, loc: Localization): Clues {
  const s = new ClueSet();
  const findings = c.findings;

  // ---- patient
  const age = c.patient?.age;
  if (age !== undefined) {
    if (age < 40) s.add("age_under_40", `age ${age}`);
    else if (age < 65) s.add("age_40_to_64", `age ${age}`);
    else s.add("age_65_or_over", `age ${age}`);
  }
  if (c.patient?.sex === "female") s.add("female", "female");
  if (c.patient?.sex === "male") s.add("male", "male");

  // ---- onset
  const onset = c.context?.onset;
  if (onset)
    s.add(
      `onset_${onset}`,
      `${onset} onset${c.context?.durationDays ? ` (${c.context.durationDays} days)` : ""}`,
    );

  // ---- history
  for (const raw of c.context?.history ?? []) {
    const [head = "", ...rest] = raw.split(":");
    const word = norm(head);
    const detail = rest.join(":").trim();
    const known = own(HISTORY_CLUES, word);
    if (known) s.add(known, `history: ${spoken(raw)}`);
    for (const id of own(HISTORY_WORD_CLUES, word) ?? []) s.add(id, `history: ${spoken(raw)}`);
    if (word === "cancer" && PELVIC_CANCER.test(detail)) s.add("cancer_pelvic", `history: ${spoken(raw)}`);
    const text = known ? detail : raw;
    if (mayHold(HISTORY_WORDS, text))
      for (const w of contextWords) {
        if (w.in === "symptoms" || !statedIn(w.pattern, text) || w.unless?.test(text)) continue;
        for (const clue of w.clues) s.add(clue, `history: ${spoken(raw)}`);
      }
    if (!known && /cancer|carcinoma|malignan|sarcoma|lymphoma/i.test(raw) && PELVIC_CANCER.test(raw))
      s.add("cancer_pelvic", `history: ${spoken(raw)}`);
  }

  // ---- symptoms
  for (const raw of c.context?.symptoms ?? []) {
    bilateralSciatica(raw, s);
    const word = norm(raw);
    const words = own(SYMPTOM_WORD_CLUES, word);
    if (words) {
      for (const id of words) s.add(id, `symptom: ${spoken(raw)}`);
      continue;
    }
    const known = own(SYMPTOM_CLUES, word);
    if (known) {
      s.add(known, `symptom: ${raw.replace(/_/g, " ")}`);
      continue;
    }
    if (!mayHold(SYMPTOM_WORDS, raw)) continue;
    const painless = /painless|without pain|no pain/i.test(raw);
    for (const w of contextWords) {
      if (w.in === "history" || !w.pattern.test(raw)) continue;
      for (const clue of w.clues) if (!(clue === "pain" && painless)) s.add(clue, `symptom: ${spoken(raw)}`);
    }
  }
  courseClues(c, s);
  for (const p of PAIN_SYMPTOMS) if (s.has(p)) s.add("pain", `symptom: ${p.replace(/_/g, " ")}`);

  // ---- examination
  const weakSides = new Set<LR>();
  const weakIdx: number[] = [];
  let severe: number[] = [];
  findings.forEach((f, i) => {
    // a foot drop is weakness of ankle dorsiflexion, graded or not
    if (f.kind === "sign" && f.sign === "foot_drop" && f.present !== false) {
      for (const side of sidesOf(f.side)) weakSides.add(side);
      weakIdx.push(i);
      return;
    }
    if (f.kind !== "strength") return;
    const v = mrcValue(f.mrc);
    if (v === undefined || v >= 5) return;
    for (const side of sidesOf(f.side)) weakSides.add(side);
    weakIdx.push(i);
    if (v <= 2) severe = [...severe, i];
  });
  if (weakIdx.length > 0) s.add("weakness", "weakness on examination", weakIdx);
  const proximal = weakIdx.filter((i) => {
    const f = findings[i];
    return f?.kind === "strength" && PROXIMAL.test(f.target);
  });
  if (proximal.length > 0) s.add("proximal_weakness", "weakness of hip or thigh muscles", proximal);
  if (weakSides.size === 2) s.add("bilateral_weakness", "weakness in both legs", weakIdx);
  // asymmetric: both legs examined, and the weakest grades differ by more than half a grade
  const weakest = new Map<LR, number>();
  for (const f of findings) {
    if (f.kind !== "strength") continue;
    const v = mrcValue(f.mrc);
    if (v === undefined) continue;
    for (const side of sidesOf(f.side)) weakest.set(side, Math.min(weakest.get(side) ?? 5, v));
  }
  const wl = weakest.get("left");
  const wr = weakest.get("right");
  if (wl !== undefined && wr !== undefined && Math.abs(wl - wr) >= 0.6 && Math.min(wl, wr) < 5)
    s.add("asymmetric_weakness", "one leg clearly weaker than the other", weakIdx);
  if (severe.length > 0) s.add("severe_weakness", "severe weakness (MRC 2 or less)", severe);
  if (
    s.has("progressive") &&
    (onset === "acute" || onset === "subacute") &&
    (s.has("weakness") ||
      findings.some((f) => f.kind === "sign" && f.sign === "foot_drop" && f.present !== false))
  )
    s.add(
      "rapid_progression",
      `weakness progressing over ${onset === "acute" ? "days to weeks" : "weeks"}`,
      weakIdx,
    );

  const sensoryIdx = indicesWhere(findings, (f) => f.kind === "sensory");
  const sensoryAbnormal = sensoryIdx.filter((i) => {
    const f = findings[i];
    return f?.kind === "sensory" && f.change !== "normal";
  });
  const snapAbnormal = findings.some(
    (f) =>
      f.kind === "ncs" && SENSORY_STUDIES.has(f.study) && (f.result === "reduced" || f.result === "absent"),
  );
  if (
    s.has("weakness") &&
    sensoryIdx.length > 0 &&
    sensoryAbnormal.length === 0 &&
    !s.has("numbness") &&
    !snapAbnormal
  )
    s.add("pure_motor", "weakness with normal sensation", sensoryIdx);

  findings.forEach((f, i) => {
    switch (f.kind) {
      case "sensory": {
        const lost = f.change === "reduced" || f.change === "absent";
        if (lost && (f.region === "perineum" || f.region === "genital"))
          s.add("saddle_anaesthesia", `${f.change} sensation in the ${nameOf(f.region)}`, [i]);
        break;
      }
      case "reflex":
        if (f.grade === "brisk" || f.grade === "extensor")
          s.add(
            "umn_signs",
            f.grade === "extensor" ? "extensor plantar response" : `${nameOf(f.reflex)} brisk`,
            [i],
          );
        break;
      case "sign": {
        signClues(f, i, s);
        if (f.present === false) break;
        if (f.sign === "babinski" || f.sign === "clonus") s.add("umn_signs", f.sign, [i]);
        if (f.sign === "hypertrophy")
          s.add("hypertrophy", `hypertrophy${f.target ? ` of the ${nameOf(f.target)}` : ""}`, [i]);
        if (f.sign === "atrophy")
          s.add("atrophy", `atrophy${f.target ? ` of the ${nameOf(f.target)}` : ""}`, [i]);
        if (f.sign === "fasciculations") s.add("fasciculations", "fasciculations", [i]);
        if (f.sign === "straight_leg_raise" || f.sign === "crossed_straight_leg_raise")
          s.add("straight_leg_raise", "positive straight leg raise", [i]);
        if (f.sign === "femoral_stretch") s.add("femoral_stretch", "positive femoral stretch test", [i]);
        if (
          f.sign === "tenderness" &&
          f.target &&
          !/spine|lumbar|sacr|fibul|joint|neck|knee|ankle|hip/i.test(f.target)
        )
          s.add("muscle_tenderness", `tender ${nameOf(f.target)}`, [i]);
        break;
      }
      case "emg": {
        const para = isParaspinal(f.muscle);
        if (f.spontaneous === "fibrillations") {
          s.add("emg_fibrillations", `fibrillations in ${nameOf(f.muscle)}`, [i]);
          if (para) s.add("paraspinal_denervation", `fibrillations in ${nameOf(f.muscle)}`, [i]);
        }
        if (f.spontaneous === "myokymia")
          s.add("emg_myokymia", `myokymic discharges in ${nameOf(f.muscle)}`, [i]);
        if (f.spontaneous === "fasciculations")
          s.add("emg_fasciculations", `fasciculation potentials in ${nameOf(f.muscle)}`, [i]);
        if (f.spontaneous === "crd")
          s.add("emg_crd", `complex repetitive discharges in ${nameOf(f.muscle)}`, [i]);
        if (f.muap === "neurogenic" || f.recruitment === "reduced" || f.recruitment === "discrete")
          s.add("emg_neurogenic", `neurogenic units in ${nameOf(f.muscle)}`, [i]);
        if (f.muap === "myopathic" || f.recruitment === "early")
          s.add("emg_myopathic", `myopathic units in ${nameOf(f.muscle)}`, [i]);
        break;
      }
      case "lab": {
        const v = f.value !== undefined ? ` (${f.value}${f.unit ? ` ${f.unit}` : ""})` : "";
        if (f.test === "ck")
          s.add(f.result === "elevated" ? "ck_elevated" : "ck_normal", `CK ${f.result}${v}`, [i]);
        if (f.test === "glucose" && f.result === "elevated")
          s.add("glucose_elevated", `glucose raised${v}`, [i]);
        if (f.test === "hba1c" && f.result === "elevated") s.add("hba1c_elevated", `HbA1c raised${v}`, [i]);
        if ((f.test === "esr" || f.test === "crp") && f.result === "elevated")
          s.add("inflammatory_markers_elevated", `${f.test.toUpperCase()} raised${v}`, [i]);
        if (f.test === "csf_protein" && f.result === "elevated")
          s.add("csf_protein_elevated", `CSF protein raised${v}`, [i]);
        if (f.test === "csf_cells" && f.result === "elevated")
          s.add("csf_pleocytosis", `CSF cells raised${v}`, [i]);
        break;
      }
      default:
        break;
    }
  });
  if (s.has("emg_fasciculations"))
    s.add("fasciculations", "fasciculations on EMG", s.map.get("emg_fasciculations")?.findings);

  // CSF normal: protein normal and cells not raised
  const csfProtein = findings.findIndex(
    (f) => f.kind === "lab" && f.test === "csf_protein" && f.result === "normal",
  );
  if (csfProtein >= 0 && !s.has("csf_pleocytosis")) s.add("csf_normal", "normal CSF", [csfProtein]);

  // reflexes lost on both sides
  const areflexic = new Map<LR, number[]>();
  findings.forEach((f, i) => {
    if (f.kind !== "reflex" || (f.reflex !== "patellar" && f.reflex !== "achilles")) return;
    if (f.grade !== "absent" && f.grade !== "reduced") return;
    for (const side of sidesOf(f.side)) areflexic.set(side, [...(areflexic.get(side) ?? []), i]);
  });
  if (areflexic.has("left") && areflexic.has("right"))
    s.add("areflexia_bilateral", "reflexes reduced or absent on both sides", [
      ...new Set([...(areflexic.get("left") ?? []), ...(areflexic.get("right") ?? [])]),
    ]);

  // distal symmetric sensory loss
  const distal = new Map<LR, number[]>();
  findings.forEach((f, i) => {
    if (f.kind !== "sensory" || !FOOT_REGIONS.has(f.region)) return;
    if (f.change === "normal" || f.change === "increased") return;
    for (const side of sidesOf(f.side)) distal.set(side, [...(distal.get(side) ?? []), i]);
  });
  if (distal.has("left") && distal.has("right"))
    s.add("distal_symmetric_sensory_loss", "distal sensory loss in both feet", [
      ...new Set([...(distal.get("left") ?? []), ...(distal.get("right") ?? [])]),
    ]);

  // nerve conduction: bilateral distal loss (length-dependent) or one-sided sensory loss
  const byStudy = new Map<string, { abnormal: Set<LR>; normal: Set<LR>; idx: number[] }>();
  findings.forEach((f, i) => {
    if (f.kind !== "ncs") return;
    const entry = byStudy.get(f.study) ?? { abnormal: new Set<LR>(), normal: new Set<LR>(), idx: [] };
    const abnormal = f.result === "reduced" || f.result === "absent";
    for (const side of sidesOf(f.side)) (abnormal ? entry.abnormal : entry.normal).add(side);
    entry.idx.push(i);
    byStudy.set(f.study, entry);
  });
  const bilateralDistal = [...byStudy.entries()].filter(
    ([study, e]) => DISTAL_STUDIES.has(study) && e.abnormal.size === 2,
  );
  if (bilateralDistal.length >= 2)
    s.add(
      "length_dependent_ncs",
      `${bilateralDistal.map(([st]) => nameOf(st)).join(" and ")} reduced on both sides`,
      bilateralDistal.flatMap(([, e]) => e.idx),
    );
  for (const [study, e] of byStudy) {
    if (!SENSORY_STUDIES.has(study) || e.abnormal.size !== 1) continue;
    s.add("snap_reduced_in_territory", `${nameOf(study)} reduced or absent on one side only`, e.idx);
  }

  // EMG: paraspinals spared while limb muscles are denervated; normal EMG in a weak muscle
  const paraspinalIdx = indicesWhere(findings, (f) => f.kind === "emg" && isParaspinal(f.muscle));
  const limbDenervated = findings.some(
    (f) =>
      f.kind === "emg" &&
      !isParaspinal(f.muscle) &&
      (f.spontaneous === "fibrillations" || f.muap === "neurogenic"),
  );
  if (paraspinalIdx.length > 0 && !s.has("paraspinal_denervation") && limbDenervated)
    s.add("paraspinal_spared", "no fibrillations in the paraspinal muscles", paraspinalIdx);
  const emgAbnormal = (f: Finding) =>
    f.kind === "emg" &&
    ((f.spontaneous !== undefined && f.spontaneous !== "none") ||
      (f.muap !== undefined && f.muap !== "normal") ||
      (f.recruitment !== undefined && f.recruitment !== "normal"));
  findings.forEach((f, i) => {
    if (f.kind !== "emg" || emgAbnormal(f) || f.muap !== "normal") return;
    const sides = sidesOf(f.side);
    if (!sides.some((sd) => weakSides.has(sd))) return;
    if (
      findings.some(
        (g) => emgAbnormal(g) && g.kind === "emg" && sidesOf(g.side).some((sd) => sides.includes(sd)),
      )
    )
      return;
    s.add("emg_normal_in_weak_muscle", `normal needle EMG of ${nameOf(f.muscle)} in a weak leg`, [i]);
  });

  findings.forEach((f, i) => {
    imagingFlagClues(f, i, s);
  });
  labFlagClues(findings, s);
  imagingClues(c, loc, s);
  localizationClues(loc, s);
  return s.map;
}

/** The clue ids a symptom word names (controlled words first, then the free-text synonyms). */
export function symptomWordClues(raw: string): ClueId[] {
  const word = norm(raw);
  const direct =
    own(SYMPTOM_WORD_CLUES, word) ??
    (own(SYMPTOM_CLUES, word) ? [own(SYMPTOM_CLUES, word) as ClueId] : undefined);
  if (direct) return direct;
  const out = new Set<ClueId>();
  for (const w of contextWords)
    if (w.in !== "history" && w.pattern.test(raw)) for (const id of w.clues) out.add(id);
  // "no leg pain" denied: the word pain alone, not its absence
  out.delete("painless");
  return [...out];
}

/** What the patient denies (FORMAT.md v1.1 `context.denies`), as clue ids with the words. */
export function denials(c: LocusCase): Map<ClueId, string> {
  return deniedClues(c, symptomWordClues);
}

function imagingClues(c: LocusCase, loc: Localization, s: ClueSet): void {
  const findings = c.findings;
  const compressions: { i: number; tag: string; level?: string; side?: string; text: string }[] = [];
  let spineImaged = -1;
  const limbEdema: { i: number; sides: LR[] }[] = [];
  let cystIdx: number[] = [];
  let nerveEnlarged = false;
  let intraneuralText = false;

  findings.forEach((f, i) => {
    if (f.kind !== "imaging") return;
    const text = f.text ?? "";
    const tags = new Set<string>(f.tags);
    if (f.modality === "mri_spine") spineImaged = spineImaged < 0 ? i : spineImaged;
    for (const tag of tags) {
      if (
        COMPRESSIVE.has(tag) &&
        (f.modality === "mri_spine" || f.modality === "ct" || f.modality === "xray")
      )
        compressions.push({ i, tag, level: f.level, side: f.side, text });
    }
    const what = `${f.modality.replace(/_/g, " ")}${text ? `: ${text}` : ""}`;
    if (tags.has("canal_stenosis") || tags.has("lateral_recess_stenosis")) s.add("canal_stenosis", what, [i]);
    if (tags.has("disc_herniation")) s.add("disc_herniation", what, [i]);
    if (tags.has("root_enhancement")) s.add("root_enhancement", what, [i]);
    if (tags.has("plexus_enlargement")) s.add("plexus_enlargement", what, [i]);
    if (tags.has("plexus_enhancement")) s.add("plexus_enhancement", what, [i]);
    if (tags.has("nerve_enlargement")) {
      s.add("nerve_enlargement", what, [i]);
      nerveEnlarged = true;
    }
    if (tags.has("mass")) s.add("mass", what, [i]);
    if (tags.has("hematoma")) s.add("hematoma", what, [i]);
    if ((tags.has("hematoma") || tags.has("mass")) && /psoas|iliacus|retroperiton/i.test(text))
      s.add("retroperitoneal_collection", what, [i]);
    if (tags.has("muscle_fatty_change")) s.add("muscle_fatty_change", what, [i]);
    if (tags.has("muscle_hypertrophy")) s.add("hypertrophy", what, [i]);
    if (tags.has("muscle_edema")) {
      s.add("muscle_edema", what, [i]);
      if (f.modality !== "mri_spine") limbEdema.push({ i, sides: sidesOf(f.side) });
    }
    if (f.modality === "pet_ct" && (tags.has("mass") || /uptake|hypermetab|fdg/i.test(text)))
      s.add("pet_uptake", what, [i]);
    if (f.modality !== "mri_spine" && /\bcyst|cystic|ganglion/i.test(text)) cystIdx = [...cystIdx, i];
    // a cyst inside the nerve, or one reaching it along its articular branch, is intraneural (Spinner 2003)
    if (/intraneural|articular branch|within the nerve|inside the nerve/i.test(text)) intraneuralText = true;
    if (
      /brain|cerebr|frontal|parietal|hemispher|subcortical|cortical|capsul|intracranial|parasagittal|falx/i.test(
        text,
      )
    )
      s.add("brain_lesion", what, [i]);
    if (/\bcord\b|conus|myelopath/i.test(text) && /o?edema|signal|swell|hyperintens|myelopath/i.test(text))
      s.add("cord_signal_change", what, [i]);
    if (/flow.?void|dilated (perimedullary )?veins|perimedullary vein/i.test(text))
      s.add("flow_voids", what, [i]);
    if (/\bhip\b/i.test(text) && /osteoarth|arthros|avascular|necrosis|effusion|labral/i.test(text))
      s.add("hip_joint_disease_on_imaging", what, [i]);
  });

  if (cystIdx.length > 0) {
    s.add("cystic_mass", "a cyst on imaging", cystIdx);
    if (intraneuralText || nerveEnlarged)
      s.add("intraneural_cyst", "a cyst with an enlarged nerve (intraneural)", cystIdx);
    else s.add("extraneural_cyst", "a cyst beside a nerve of normal size (extraneural)", cystIdx);
  }

  // spine compression against the roots the localization points to, on the side of the deficits
  const target = affectedRoots(loc);
  const weakSides = weakSidesOf(findings);
  if (target && target.sides.length === 2 && weakSides.length === 1) target.sides = weakSides;
  if (compressions.length > 0) {
    const concordant = compressions.filter((cmp) => {
      if (!target) return false;
      const sideOk =
        cmp.side === undefined || cmp.side === "bilateral" || target.sides.includes(cmp.side as LR);
      if (!sideOk) return false;
      if (target.diffuse)
        return (
          cmp.tag === "canal_stenosis" || cmp.tag === "disc_herniation" || cmp.tag === "spondylolisthesis"
        );
      if (!cmp.level) return true;
      return rootsReachedAt(cmp.level, cmp.tag, cmp.text).some((r) => target.roots.has(r));
    });
    const label = (cmp: (typeof compressions)[number]) =>
      `${cmp.tag.replace(/_/g, " ")}${cmp.level ? ` at ${cmp.level}` : ""}${cmp.side ? ` (${cmp.side})` : ""}`;
    const stenosisTags = new Set([
      "foraminal_stenosis",
      "canal_stenosis",
      "lateral_recess_stenosis",
      "spondylolisthesis",
      "synovial_cyst",
    ]);
    const discs = concordant.filter((x) => x.tag === "disc_herniation");
    const stenoses = concordant.filter((x) => stenosisTags.has(x.tag));
    if (discs.length > 0)
      s.add(
        "disc_compression_concordant",
        discs.map(label).join("; "),
        discs.map((x) => x.i),
      );
    if (stenoses.length > 0)
      s.add(
        "stenosis_compression_concordant",
        stenoses.map(label).join("; "),
        stenoses.map((x) => x.i),
      );
    if (concordant.length > 0)
      s.add(
        "spine_compression_concordant",
        `${concordant.map(label).join("; ")} can reach ${target && !target.diffuse ? `the ${[...target.roots].join(", ")} root(s)` : "the cauda equina"}`,
        concordant.map((x) => x.i),
      );
    else
      s.add(
        "spine_compression_discordant",
        `${compressions.map(label).join("; ")}: not at the level or on the side of the lesion`,
        compressions.map((x) => x.i),
      );
  } else if (spineImaged >= 0 && !s.has("cord_signal_change") && !s.has("flow_voids")) {
    s.add("spine_imaging_normal", "spine MRI without disc or stenosis compressing a root", [spineImaged]);
  }

  // muscle oedema: in a denervated territory, or without denervation
  if (limbEdema.length > 0) {
    const denervatedSides = new Set<LR>();
    let emgDone = false;
    findings.forEach((f) => {
      if (f.kind !== "emg") return;
      emgDone = true;
      if (f.spontaneous === "fibrillations" || f.muap === "neurogenic" || f.muap === "none")
        for (const sd of sidesOf(f.side)) denervatedSides.add(sd);
    });
    const top = loc.hypotheses[0];
    const neurogenicTop =
      top &&
      !(top.probability < 0.5) &&
      top.lesions.some((l) => ["root", "plexus", "nerve"].includes(l.level));
    if (!emgDone && neurogenicTop)
      for (const l of top.lesions)
        if (["root", "plexus", "nerve"].includes(l.level))
          for (const sd of sidesOf(l.side)) denervatedSides.add(sd);
    const inTerritory = limbEdema.filter((x) => x.sides.some((sd) => denervatedSides.has(sd)));
    if (inTerritory.length > 0)
      s.add(
        "muscle_edema_in_denervated_territory",
        emgDone
          ? "muscle oedema in muscles the EMG shows denervated"
          : "muscle oedema in the territory of the localized nerve lesion",
        inTerritory.map((x) => x.i),
      );
    else if (emgDone || top?.lesions.some((l) => l.level === "muscle"))
      s.add(
        "muscle_edema_without_denervation",
        "muscle oedema without denervation",
        limbEdema.map((x) => x.i),
      );
  }
}

/** The sides with weakness on examination (both when a finding has no side). */
function weakSidesOf(findings: Finding[]): LR[] {
  const sides = new Set<LR>();
  for (const f of findings) {
    if (f.kind !== "strength") continue;
    const v = mrcValue(f.mrc);
    if (v !== undefined && v < 5) for (const sd of sidesOf(f.side)) sides.add(sd);
  }
  return [...sides];
}

function lesionHas(l: Lesion, level: Lesion["level"], site?: string): boolean {
  if (l.level !== level) return false;
  return site === undefined || l.sites.some((x) => x === site || x.split("@")[0] === site);
}

/** The clues a lesion of a leading answer gives (each clue's words from the first lesion that gives it). */
const LOCALIZATION_CLUES: [ClueId, (l: Lesion) => boolean][] = [
  ["loc_root", (l) => lesionHas(l, "root")],
  ["loc_plexus", (l) => lesionHas(l, "plexus")],
  ["loc_lumbar_plexus", (l) => lesionHas(l, "plexus", "lumbar_plexus")],
  ["loc_femoral", (l) => lesionHas(l, "nerve", "femoral")],
  ["loc_cauda_equina", (l) => lesionHas(l, "cauda_equina")],
  ["loc_conus", (l) => lesionHas(l, "conus")],
  ["loc_cns", (l) => lesionHas(l, "cns")],
  ["loc_polyneuropathy", (l) => lesionHas(l, "polyneuropathy")],
  ["loc_anterior_horn", (l) => lesionHas(l, "anterior_horn")],
  ["loc_bilateral", (l) => l.side === "bilateral" && l.level !== "polyneuropathy"],
];

function localizationClues(loc: Localization, s: ClueSet): void {
  answersOf(loc).forEach((h, i) => {
    if (!leading(h, i)) return;
    for (const l of h.lesions)
      for (const [id, gives] of LOCALIZATION_CLUES)
        if (!s.has(id) && gives(l))
          s.add(id, `localization: ${lesionPhrase(l)}, ${Math.round(h.probability * 100)}%`);
  });
}

export type { ClueEvidence };
