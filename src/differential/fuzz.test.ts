/**
 * Random cases and localizations: the differential never throws, its numbers stay finite and
 * normalised, and it is a pure function of its inputs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Finding,
  HISTORY_WORDS,
  IMAGING_TAGS,
  LAB_TESTS,
  LEVELS,
  SYMPTOM_WORDS,
} from "../case/schema.js";
import { fuzz } from "../test-helpers/fuzz.js";
import { differential } from "./differential.js";
import { mkCase, mkLoc } from "./test-helpers.js";

const side = fc.constantFrom("left" as const, "right" as const, "bilateral" as const);
const finding: fc.Arbitrary<Finding> = fc.oneof(
  fc.record({
    kind: fc.constant("strength" as const),
    side,
    target: fc.constantFrom("hip_flexion", "knee_extension", "ankle_dorsiflexion", "tibialis_anterior"),
    mrc: fc.constantFrom(0, 1, 2, 3, 4, 5, "4-", "3+", "weak"),
  }),
  fc.record({
    kind: fc.constant("reflex" as const),
    side,
    reflex: fc.constantFrom("patellar", "achilles", "plantar"),
    grade: fc.constantFrom(
      "absent" as const,
      "reduced" as const,
      "normal" as const,
      "brisk" as const,
      "extensor" as const,
    ),
  }),
  fc.record({
    kind: fc.constant("sensory" as const),
    side,
    region: fc.constantFrom("perineum", "foot_dorsum", "thigh_lateral", "sole_medial"),
    change: fc.constantFrom("absent" as const, "reduced" as const, "normal" as const, "paresthesia" as const),
  }),
  fc.record({
    kind: fc.constant("emg" as const),
    side,
    muscle: fc.constantFrom("tibialis_anterior", "paraspinal_L5", "vastus_medialis"),
    spontaneous: fc.constantFrom(
      "none" as const,
      "fibrillations" as const,
      "myokymia" as const,
      "fasciculations" as const,
      "crd" as const,
    ),
    muap: fc.constantFrom("normal" as const, "neurogenic" as const, "myopathic" as const, "none" as const),
  }),
  fc.record({
    kind: fc.constant("ncs" as const),
    side,
    study: fc.constantFrom(
      "sural_sensory",
      "superficial_peroneal_sensory",
      "peroneal_motor_edb",
      "tibial_motor_ah",
    ),
    result: fc.constantFrom("normal" as const, "reduced" as const, "absent" as const),
  }),
  fc.record({
    kind: fc.constant("imaging" as const),
    side,
    modality: fc.constantFrom(
      "mri_spine" as const,
      "mri_plexus" as const,
      "mri_limb" as const,
      "ct" as const,
      "ultrasound" as const,
      "pet_ct" as const,
    ),
    tags: fc.subarray([...IMAGING_TAGS]),
    level: fc.constantFrom("L3-L4", "L4-L5", "L5-S1", "S1"),
    text: fc.string(),
  }),
  fc.record({
    kind: fc.constant("lab" as const),
    test: fc.constantFrom(...LAB_TESTS),
    result: fc.constantFrom("normal" as const, "elevated" as const, "low" as const),
  }),
);

const lesion = fc.record({
  level: fc.constantFrom(...LEVELS),
  sites: fc.subarray([
    "L3",
    "L4",
    "L5",
    "S1",
    "lumbar_plexus",
    "sacral_plexus",
    "femoral",
    "common_peroneal@fibular_head",
    "sciatic",
  ]),
  side,
});

describe("differential on random input", () => {
  it("never throws; probabilities finite, ordered and normalised; deterministic", () => {
    fc.assert(
      fc.property(
        fc.record({
          age: fc.option(fc.integer({ min: 0, max: 110 }), { nil: undefined }),
          onset: fc.option(fc.constantFrom("acute" as const, "subacute" as const, "chronic" as const), {
            nil: undefined,
          }),
          history: fc.array(fc.oneof(fc.constantFrom(...HISTORY_WORDS), fc.string()), { maxLength: 4 }),
          symptoms: fc.array(fc.oneof(fc.constantFrom(...SYMPTOM_WORDS), fc.string()), { maxLength: 4 }),
          findings: fc.array(finding, { maxLength: 12 }),
        }),
        fc.array(
          fc.tuple(
            fc.array(lesion, { minLength: 1, maxLength: 3 }),
            fc.double({ min: 0, max: 1, noNaN: false }),
          ),
          {
            maxLength: 4,
          },
        ),
        (m, hs) => {
          const c = mkCase(m);
          const loc = mkLoc(...hs);
          const d = differential(c, loc, { limit: 100 });
          for (const x of d.conditions) {
            expect(Number.isFinite(x.probability)).toBe(true);
            expect(x.probability).toBeGreaterThanOrEqual(0);
          }
          const ps = d.conditions.map((x) => x.probability);
          expect([...ps].sort((a, b) => b - a)).toEqual(ps);
          expect(ps.reduce((a, b) => a + b, 0) + d.other).toBeCloseTo(1, 2);
          expect(differential(c, loc, { limit: 100 })).toEqual(d);
        },
      ),
      fuzz(300),
    );
  });
});
