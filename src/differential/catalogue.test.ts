/**
 * Integrity of the catalogue, red flags and work-up: ids, codes, sources, numbers.
 */
import { describe, expect, it } from "vitest";
import { LEVELS } from "../case/schema.js";
import { conditions } from "./data/conditions.js";
import { firstExamination } from "./data/first-examination.js";
import { redFlagRules } from "./data/red-flags.js";
import { sources } from "./data/sources.js";
import { workup, workupById } from "./data/workup.js";
import { CLUE_IDS } from "./types.js";

/** Every diagnosis id FORMAT.md names. */
const FORMAT_IDS = [
  "lumbar_disc_radiculopathy",
  "lumbar_spinal_stenosis",
  "neuralgic_amyotrophy",
  "idiopathic_lumbosacral_radiculoplexus_neuropathy",
  "diabetic_lumbosacral_radiculoplexus_neuropathy",
  "neoplastic_lumbosacral_plexopathy",
  "radiation_lumbosacral_plexopathy",
  "retroperitoneal_hematoma",
  "common_peroneal_neuropathy",
  "sciatic_neuropathy",
  "femoral_neuropathy",
  "obturator_neuropathy",
  "meralgia_paresthetica",
  "tarsal_tunnel_syndrome",
  "length_dependent_polyneuropathy",
  "focal_myositis",
  "denervation_muscle_edema",
  "neurogenic_muscle_hypertrophy",
  "motor_neuron_disease",
  "cauda_equina_syndrome",
];
/** The mimics the issue asks for. */
const MIMICS = [
  "stroke",
  "parasagittal_mass",
  "spinal_dural_arteriovenous_fistula",
  "hip_osteoarthritis",
  "peripheral_arterial_disease",
  "acute_limb_ischemia",
  "compartment_syndrome",
];

const sourceKeys = new Set(Object.keys(sources));
const clueIds = new Set<string>(CLUE_IDS);
const ICD10CM = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

describe("condition catalogue", () => {
  it("holds every FORMAT.md diagnosis and the must-not-miss mimics", () => {
    const ids = new Set(conditions.map((c) => c.id));
    for (const id of [...FORMAT_IDS, ...MIMICS]) expect(ids, id).toContain(id);
  });
  it("has unique snake_case ids", () => {
    const ids = conditions.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });
  for (const c of conditions)
    it(`${c.id}: codes, numbers, sources, work-up`, () => {
      expect(c.codes.icd10cm).toMatch(ICD10CM);
      for (const code of [...Object.values(c.codes.icd10cmBySide ?? {}), ...(c.codes.icd10cmAlso ?? [])])
        expect(code).toMatch(ICD10CM);
      if (c.codes.snomed) expect(c.codes.snomed).toMatch(/^[1-9][0-9]{5,17}$/);
      expect(c.prior).toBeGreaterThan(0);
      expect(c.produces.length).toBeGreaterThan(0);
      for (const p of c.produces) {
        expect(LEVELS).toContain(p.level);
        expect(p.fit).toBeGreaterThan(0);
        expect(p.fit).toBeLessThanOrEqual(1);
      }
      expect(c.produces.reduce((a, p) => a + p.fit, 0)).toBeLessThanOrEqual(1.0001);
      expect(c.sources.length).toBeGreaterThan(0);
      for (const k of c.sources) expect(sourceKeys, k).toContain(k);
      for (const e of c.evidence) {
        expect(clueIds, e.clue).toContain(e.clue);
        expect(e.lr).toBeGreaterThan(0);
        expect(e.sources.length, `${e.clue} needs a source`).toBeGreaterThan(0);
        for (const k of e.sources) expect(sourceKeys, k).toContain(k);
      }
      const clues = c.evidence.map((e) => e.clue);
      expect(new Set(clues).size, "a clue counted twice").toBe(clues.length);
      expect(c.workup.length).toBeGreaterThan(0);
      for (const w of c.workup) expect(workupById.has(w), w).toBe(true);
      expect(c.onset.length).toBeGreaterThan(0);
      expect(c.course.length).toBeGreaterThan(0);
      expect(c.pain.length).toBeGreaterThan(0);
    });
});

describe("red flags and work-up", () => {
  it("red flags name known clues, actions and sources", () => {
    for (const r of redFlagRules) {
      expect(r.critical ?? r.warning, r.id).toBeDefined();
      const ids = r.criteria.map((c) => c.id);
      expect(new Set(ids).size, r.id).toBe(ids.length);
      for (const c of [...r.criteria, ...(r.against ?? [])])
        for (const clue of c.anyOf) expect(clueIds, `${r.id}: ${clue}`).toContain(clue);
      for (const t of [r.critical, r.warning])
        for (const id of [...(t?.all ?? []), ...(t?.atLeast ?? []).flatMap((g) => g.of)])
          expect(ids, `${r.id}: ${id}`).toContain(id);
      for (const a of [...r.action, ...(r.warningAction ?? [])]) expect(workupById.has(a), a).toBe(true);
      for (const k of r.sources) expect(sourceKeys, k).toContain(k);
    }
  });
  it("work-up items are unique and sourced", () => {
    expect(new Set(workup.map((w) => w.id)).size).toBe(workup.length);
    for (const w of workup) {
      expect(w.sources.length).toBeGreaterThan(0);
      for (const k of w.sources) expect(sourceKeys, k).toContain(k);
    }
  });
  it("the seed papers' lessons are in the work-up", () => {
    const lessons = workup.flatMap((w) => w.lessons ?? []).join(" ");
    expect(lessons).toMatch(/root block that fails does not refute/);
    expect(lessons).toMatch(/Oedema confined to the muscles of one root or nerve is denervation/);
    expect(lessons).toMatch(/Myokymia favours radiation/);
    expect(lessons).toMatch(/enhance with gadolinium/);
  });
  it("every source is cited somewhere", () => {
    const cited = new Set<string>([
      ...conditions.flatMap((c) => [...c.sources, ...c.evidence.flatMap((e) => e.sources)]),
      ...redFlagRules.flatMap((r) => r.sources),
      ...workup.flatMap((w) => w.sources),
      ...firstExamination.flatMap((e) => e.sources),
    ]);
    for (const k of sourceKeys) if (k !== "icd10cm") expect(cited, k).toContain(k);
  });
});
