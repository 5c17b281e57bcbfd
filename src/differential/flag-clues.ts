/**
 * Clues the red flags need beyond the examination: the course (how fast, how long), the v1.1
 * signs (pulses, a cold pale limb, a sensory level, arm or facial weakness), vascular and fracture
 * imaging, CSF albuminocytologic dissociation, and what the patient denies. Read only from what
 * the case says; fields that FORMAT.md v1.1 adds are read whether or not the schema knows them yet.
 */
import type { Finding, LocusCase } from "../case/schema.js";
import type { ClueId } from "./types.js";

export interface ClueSink {
  add(id: ClueId, text: string, findings?: number[]): void;
  has(id: ClueId): boolean;
}

/** Words of `context.symptoms` and `context.denies` (v1.1) that name a clue. */
export const SYMPTOM_WORD_CLUES: Record<string, ClueId[]> = {
  urinary_retention: ["urinary_retention", "bladder_dysfunction"],
  night_pain: ["night_pain", "pain"],
  unsteady_gait: ["unsteady_gait"],
  pain_out_of_proportion: ["pain_out_of_proportion", "pain"],
  pain_on_passive_stretch: ["pain_on_passive_stretch", "pain"],
};

/** Words of `context.history` (v1.1) that name a clue. */
export const HISTORY_WORD_CLUES: Record<string, ClueId[]> = {
  injection_drug_use: ["injection_drug_use", "infection"],
  peripheral_arterial_disease: ["peripheral_arterial_disease", "vascular_risk"],
  hip_joint_disease: ["hip_joint_disease"],
  family_history_neuropathy: ["family_history_neuropathy"],
  neurotoxic_exposure: ["neurotoxic_exposure"],
  autoimmune_disease: ["autoimmune_disease"],
  bariatric_surgery: ["bariatric_surgery", "weight_loss"],
  kidney_disease: ["kidney_disease"],
  knee_surgery: ["knee_surgery"],
};

/** Free words in symptoms that say the sciatica is in both legs. */
const BILATERAL_SCIATICA =
  /(bilateral|both legs?|both sides).*(sciatica|radicular|leg pain|shooting)|(sciatica|radicular).*(bilateral|both legs?|both sides)/i;

/** v1.1 fields, read as plain values whatever the schema version. */
interface ContextV11 {
  course?: unknown;
  denies?: unknown;
  durationDays?: unknown;
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

function contextOf(c: LocusCase): ContextV11 {
  return (c.context ?? {}) as ContextV11;
}

/** The clue ids the patient denies (v1.1 `context.denies`), each with the words as written. */
export function deniedClues(c: LocusCase, wordClues: (word: string) => ClueId[]): Map<ClueId, string> {
  const out = new Map<ClueId, string>();
  const denies = contextOf(c).denies;
  if (!Array.isArray(denies)) return out;
  for (const raw of denies) {
    if (typeof raw !== "string" || !raw.trim()) continue;
    for (const id of wordClues(raw)) if (!out.has(id)) out.set(id, `denies ${raw.replace(/_/g, " ")}`);
  }
  return out;
}

export function courseClues(c: LocusCase, s: ClueSink): void {
  const ctx = contextOf(c);
  const course = typeof ctx.course === "string" ? ctx.course : undefined;
  const days =
    typeof ctx.durationDays === "number" && Number.isFinite(ctx.durationDays) ? ctx.durationDays : undefined;
  const onset = c.context?.onset;
  if (course === "stable") s.add("course_stable", "course stable");
  if (course === "improving") s.add("course_improving", "course improving");
  if (course === "stable" && (onset === "chronic" || (days !== undefined && days > 84)))
    s.add(
      "chronic_stable",
      `stable over ${days !== undefined ? formatDays(days) : "more than three months"}`,
    );
  if (course === "worsening") {
    s.add("course_worsening", "course worsening");
    s.add("progressive", "course worsening");
  }
  const span =
    days !== undefined ? `${formatDays(days)}` : onset === "acute" ? "up to four weeks" : undefined;
  // Brighton / Asbury-Cornblath: weakness progressing to its nadir within four weeks.
  if (s.has("progressive") && (days !== undefined ? days <= 28 : onset === "acute"))
    s.add("progression_within_4_weeks", `worsening over ${span}`);
  // Rutherford / SVS: acute limb ischaemia is a threat that began within 14 days.
  if (days !== undefined ? days <= 14 : onset === "acute")
    s.add("onset_within_14_days", days !== undefined ? `began ${formatDays(days)} ago` : "acute onset");
}

function formatDays(d: number): string {
  if (d < 1) return `${Math.max(1, Math.round(d * 24))} hours`;
  if (d < 14) return `${Math.round(d)} day${Math.round(d) === 1 ? "" : "s"}`;
  return `${Math.round(d / 7)} weeks`;
}

export function bilateralSciatica(raw: string, s: ClueSink): void {
  if (BILATERAL_SCIATICA.test(raw)) s.add("bilateral_sciatica", `symptom: ${raw}`);
}

/** Signs FORMAT.md v1.1 adds (pulses, a cold pale limb, a sensory level, arm or facial weakness). */
export function signClues(f: Finding, i: number, s: ClueSink): void {
  if (f.kind !== "sign") return;
  const sign = f.sign as string;
  const where = f.target ? ` (${f.target.replace(/_/g, " ")})` : "";
  if (sign === "pulses") {
    if (f.present === false) s.add("pulses_absent", `foot pulses absent or much reduced${where}`, [i]);
    return;
  }
  if (f.present === false) return;
  if (sign === "cold_pale_limb") s.add("cold_pale_limb", "cold, pale limb", [i]);
  if (sign === "sensory_level")
    s.add("sensory_level", `sensory level${f.target ? ` at ${f.target}` : ""}`, [i]);
  if (sign === "arm_weakness") s.add("arm_weakness", `arm weakness${where}`, [i]);
  if (sign === "facial_weakness") s.add("facial_weakness", "facial weakness", [i]);
  if (sign === "pes_cavus") s.add("pes_cavus", "pes cavus", [i]);
  if (sign === "hip_pain_on_rotation") s.add("hip_pain_on_rotation", "pain on passive hip rotation", [i]);
}

const VASCULAR = /occlu|thromb|embol|no flow|absent flow|non-?opacif/i;
const EPIDURAL = /epidural/i;
const COLLECTION = /abscess|collection|empyema|ha?ematoma|phlegmon/i;

/** Imaging that shows an arterial occlusion, a fracture or an epidural collection. */
export function imagingFlagClues(f: Finding, i: number, s: ClueSink): void {
  if (f.kind !== "imaging") return;
  const tags = new Set<string>(f.tags);
  const modality = f.modality as string;
  const text = f.text ?? "";
  const what = `${modality.replace(/_/g, " ")}${text ? `: ${text}` : ""}`;
  if (tags.has("arterial_occlusion") || (modality === "vascular" && VASCULAR.test(text)))
    s.add("arterial_occlusion", what, [i]);
  if (tags.has("fracture")) s.add("fracture", what, [i]);
  if (EPIDURAL.test(text) && COLLECTION.test(text)) s.add("epidural_collection", what, [i]);
}

/** CSF albuminocytologic dissociation (raised protein, cells not raised), malignant cells, low B12. */
export function labFlagClues(findings: readonly Finding[], s: ClueSink): void {
  const protein = findings.findIndex(
    (f) => f.kind === "lab" && f.test === "csf_protein" && f.result === "elevated",
  );
  const cells = findings.findIndex((f) => f.kind === "lab" && f.test === "csf_cells");
  const cellsRaised =
    cells >= 0 &&
    findings[cells]?.kind === "lab" &&
    (findings[cells] as { result: string }).result === "elevated";
  if (protein >= 0 && !cellsRaised)
    s.add(
      "csf_albuminocytologic",
      cells >= 0
        ? "CSF protein raised with a normal cell count"
        : "CSF protein raised (cell count not given)",
      cells >= 0 ? [protein, cells] : [protein],
    );
  findings.forEach((f, i) => {
    if (f.kind !== "lab") return;
    const test = f.test as string;
    if (test === "csf_cytology" && f.result === "elevated")
      s.add("csf_malignant_cells", "malignant cells in the CSF", [i]);
    if (test === "vitamin_b12" && f.result === "low") s.add("b12_low", "vitamin B12 low", [i]);
  });
}

export { norm as normWord };
