/**
 * The seed case reports: each diagnosis is among the first three, and the reasons the seed paper
 * itself gave appear among the reasons. Localizations are written by hand from what each paper
 * concluded (as the localize stage would give them), then the same cases go through `localize`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import type { LocusCase } from "../case/schema.js";
import { localize } from "../localize/index.js";
import type { Localization } from "../localize/types.js";
import { DEV_CASES } from "../paths.js";
import { differential } from "./differential.js";
import { L, mkCase, mkLoc } from "./test-helpers.js";
import type { ClueId, Differential } from "./types.js";

const casesDir = DEV_CASES;

function loadCase(file: string): LocusCase {
  const r = parseCaseText(readFileSync(join(casesDir, file), "utf8"), file);
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => e.message).join("; ")}`);
  return r.case;
}

function rankOf(d: Differential, ids: string[]): number {
  return d.conditions.findIndex((c) => ids.includes(c.id));
}

function reasonClues(d: Differential, id: string, which: "for" | "against" = "for"): ClueId[] {
  const c = d.conditions.find((x) => x.id === id);
  return (c?.[which] ?? []).flatMap((r) => (r.clue ? [r.clue] : []));
}

interface Seed {
  file: string;
  diagnoses: string[];
  loc: Localization;
  /** The reasons the seed paper gave, as clue ids on the expected condition. */
  paperFor: ClueId[];
  paperAgainst?: { condition: string; clues: ClueId[] }[];
}

const seeds: Seed[] = [
  {
    // L3/L4 extraforaminal disc; limb MRI oedema was denervation, not myositis (CK normal).
    file: "seed-000-l3-radiculopathy.json",
    diagnoses: ["lumbar_disc_radiculopathy", "denervation_muscle_edema"],
    loc: mkLoc(
      [[L("root", ["L3"], "left"), L("polyneuropathy", [], "bilateral")], 0.45],
      [[L("root", ["L3", "L4"], "left")], 0.25],
      [[L("plexus", ["lumbar_plexus"], "left")], 0.1],
    ),
    paperFor: ["disc_compression_concordant", "radicular_pain"],
    paperAgainst: [{ condition: "focal_myositis", clues: ["ck_normal", "emg_neurogenic"] }],
  },
  {
    // Pain then weakness, L5/S1 roots enhancing with gadolinium, normal CSF, no matching compression.
    file: "seed-001-neuralgic-amyotrophy.json",
    diagnoses: ["neuralgic_amyotrophy", "idiopathic_lumbosacral_radiculoplexus_neuropathy"],
    loc: mkLoc(
      [[L("root", ["L5", "S1"], "left"), L("polyneuropathy", [], "bilateral")], 0.5],
      [[L("root", ["L5", "S1"], "left")], 0.2],
      [[L("plexus", ["lumbosacral_trunk", "sacral_plexus"], "left")], 0.1],
    ),
    paperFor: ["pain_before_weakness", "root_enhancement", "csf_normal"],
    paperAgainst: [{ condition: "lumbar_disc_radiculopathy", clues: ["spine_compression_discordant"] }],
  },
  {
    // Chronic L5/S1 from L4-L5 stenosis; calf enlarged with fatty change, CK normal.
    file: "seed-003-neurogenic-hypertrophy.json",
    diagnoses: ["neurogenic_muscle_hypertrophy", "lumbar_spinal_stenosis"],
    loc: mkLoc([[L("root", ["L5", "S1"], "right")], 0.6], [[L("root", ["S1"], "right")], 0.2]),
    paperFor: ["claudication", "stenosis_compression_concordant"],
  },
  {
    // Cervical cancer, sacral plexus and sciatic nerve enlarged, FDG uptake, no myokymia.
    file: "seed-004-neoplastic-plexopathy.json",
    diagnoses: ["neoplastic_lumbosacral_plexopathy"],
    loc: mkLoc(
      [[L("plexus", ["lumbosacral_trunk", "sacral_plexus"], "right")], 0.5],
      [[L("plexus", ["sacral_plexus"], "right"), L("nerve", ["sciatic"], "right")], 0.3],
    ),
    paperFor: ["cancer", "cancer_pelvic", "plexus_enlargement", "pet_uptake", "nerve_enlargement", "pain"],
  },
];

describe("seed case reports", () => {
  for (const s of seeds) {
    describe(s.file, () => {
      const c = loadCase(s.file);
      const d = differential(c, s.loc, { limit: 100 });
      it("ranks the seed diagnosis among the first three", () => {
        const rank = rankOf(d, s.diagnoses);
        expect(rank, d.conditions.map((x) => x.id).join(", ")).toBeGreaterThanOrEqual(0);
        expect(rank).toBeLessThan(3);
      });
      it("gives the seed paper's own reasons", () => {
        const id = d.conditions.find((x) => s.diagnoses.includes(x.id))?.id ?? s.diagnoses[0] ?? "";
        const clues = reasonClues(d, id);
        for (const clue of s.paperFor) expect(clues, `${id} for`).toContain(clue);
        for (const a of s.paperAgainst ?? [])
          for (const clue of a.clues)
            expect(reasonClues(d, a.condition, "against"), a.condition).toContain(clue);
      });
      it("cites the seed paper where its lesson applies", () => {
        const top = d.conditions.find((x) => s.diagnoses.includes(x.id));
        const cited = new Set([...(top?.for ?? []), ...(top?.against ?? [])].flatMap((r) => r.sources));
        expect([...cited].some((k) => k.startsWith("seed"))).toBe(true);
      });
    });
  }

  it("seed 002 (idiopathic lumbosacral plexus neuropathy of the femoral territory, from its text)", () => {
    const c = mkCase(
      {
        age: 50,
        sex: "male",
        onset: "acute",
        symptoms: ["neuropathic_pain", "pain_before_weakness", "weakness"],
        findings: [
          { kind: "strength", side: "left", target: "knee_extension", mrc: 4 },
          { kind: "strength", side: "left", target: "hip_flexion", mrc: 4 },
          { kind: "reflex", side: "left", reflex: "patellar", grade: "reduced" },
          { kind: "sensory", side: "left", region: "thigh_anterior", change: "increased" },
          { kind: "imaging", modality: "mri_spine", tags: ["normal"] },
          { kind: "lab", test: "glucose", result: "normal" },
        ],
      },
      "seed-002",
    );
    const d = differential(
      c,
      mkLoc([[L("plexus", ["lumbar_plexus"], "left")], 0.5], [[L("nerve", ["femoral"], "left")], 0.3]),
    );
    expect(
      rankOf(d, ["idiopathic_lumbosacral_radiculoplexus_neuropathy", "neuralgic_amyotrophy"]),
    ).toBeLessThan(3);
    expect(reasonClues(d, "idiopathic_lumbosacral_radiculoplexus_neuropathy")).toContain(
      "pain_before_weakness",
    );
  });
});

describe("seed cases through localize", () => {
  const available = existsSync(casesDir);
  for (const s of seeds)
    it.runIf(available)(`${s.file}: diagnosis in the first three`, () => {
      const c = loadCase(s.file);
      const d = differential(c, localize(c));
      const rank = rankOf(d, s.diagnoses);
      expect(
        rank,
        d.conditions
          .slice(0, 5)
          .map((x) => `${x.id} ${x.probability}`)
          .join(", "),
      ).toBeGreaterThanOrEqual(0);
      expect(rank).toBeLessThan(3);
    });
});
