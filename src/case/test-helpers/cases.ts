/** Cases and case generators for the case stage's tests. */
import fc from "fast-check";
import { getAtlas } from "../../atlas/index.js";
import {
  IMAGING_MODALITIES,
  IMAGING_TAGS,
  LAB_TESTS,
  NCS_RESULTS,
  OTHERS,
  SENSORY_CHANGES,
  SIDES,
  SIGNS,
  SPONTANEOUS,
  TENDON_REFLEX_GRADES,
} from "../schema.js";

/** A small valid case in canonical form, one finding of each kind. */
export function baseCase(): Record<string, unknown> & { findings: Record<string, unknown>[] } {
  return {
    format: "locus-case/1",
    id: "test-case",
    patient: { age: 60, sex: "female" },
    context: { onset: "subacute", durationDays: 40, history: ["diabetes"], symptoms: ["radicular_pain"] },
    findings: [
      { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: "4-" },
      { kind: "reflex", side: "left", reflex: "achilles", grade: "reduced" },
      { kind: "sensory", side: "left", region: "foot_dorsum", change: "reduced", modality: "pinprick" },
      {
        kind: "emg",
        side: "left",
        muscle: "tibialis_anterior",
        spontaneous: "fibrillations",
        grade: 2,
        muap: "neurogenic",
      },
      { kind: "ncs", side: "left", study: "sural_sensory", result: "normal", amplitude: 9, unit: "uV" },
      { kind: "sign", side: "left", sign: "straight_leg_raise", present: true },
      { kind: "imaging", modality: "mri_spine", tags: ["disc_herniation"], level: "L4-L5", side: "left" },
      { kind: "lab", test: "glucose", result: "elevated", value: 9.1, unit: "mmol/L" },
    ],
    expected: {
      localization: [{ level: "root", sites: ["L5"], side: "left" }],
      diagnosis: "lumbar_disc_radiculopathy",
    },
  };
}

const ids = (kind: Parameters<ReturnType<typeof getAtlas>["ids"]>[0]) => getAtlas().ids(kind);
const side = fc.option(fc.constantFrom(...SIDES), { nil: undefined });
const withSide = <T extends Record<string, unknown>>(f: T, s: string | undefined) =>
  s ? { ...f, side: s } : f;

/** Arbitrary valid findings in canonical form. */
export const findingArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .record({
      target: fc.constantFrom(...ids("movement"), ...ids("muscle"), OTHERS),
      mrc: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom("4-", "4+", "3", "2+", "weak")),
      side,
    })
    .map(({ side: s, ...f }) => withSide({ kind: "strength", ...f }, s)),
  fc
    .record({
      reflex: fc.constantFrom("patellar", "achilles", "medial_hamstring"),
      grade: fc.constantFrom(...TENDON_REFLEX_GRADES),
      side,
    })
    .map(({ side: s, ...f }) => withSide({ kind: "reflex", ...f }, s)),
  fc
    .record({ grade: fc.constantFrom("flexor", "extensor"), side })
    .map(({ side: s, ...f }) => withSide({ kind: "reflex", reflex: "plantar", ...f }, s)),
  fc
    .record({
      region: fc.constantFrom(...ids("region"), OTHERS),
      change: fc.constantFrom(...SENSORY_CHANGES),
      side,
    })
    .map(({ side: s, ...f }) => withSide({ kind: "sensory", ...f }, s)),
  fc
    .record({ muscle: fc.constantFrom(...ids("muscle")), spontaneous: fc.constantFrom(...SPONTANEOUS), side })
    .map(({ side: s, ...f }) => withSide({ kind: "emg", ...f }, s)),
  fc
    .record({
      study: fc.constantFrom(...ids("study")),
      result: fc.constantFrom(...NCS_RESULTS),
      amplitude: fc.nat(100),
      side,
    })
    .map(({ side: s, ...f }) => withSide({ kind: "ncs", ...f }, s)),
  fc
    .record({ sign: fc.constantFrom(...SIGNS), present: fc.boolean(), side })
    .map(({ side: s, ...f }) => withSide({ kind: "sign", ...f }, s)),
  fc
    .record({
      modality: fc.constantFrom(...IMAGING_MODALITIES),
      tags: fc.uniqueArray(fc.constantFrom(...IMAGING_TAGS), { maxLength: 3 }),
    })
    .map((f) => ({ kind: "imaging", ...f })),
  fc
    .record({
      test: fc.constantFrom(...LAB_TESTS),
      result: fc.constantFrom("normal", "elevated", "low"),
      value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    })
    .map((f) => ({ kind: "lab", ...f })),
);

/** Arbitrary valid cases in canonical form. */
export const caseArb = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    findings: fc.array(findingArb, { minLength: 1, maxLength: 6 }),
    age: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    root: fc.constantFrom(...ids("root")),
    side: fc.constantFrom(...SIDES),
  })
  .map(({ id, findings, age, root, side: s }) => ({
    format: "locus-case/1",
    id,
    ...(age !== undefined ? { patient: { age } } : {}),
    findings,
    expected: { localization: [{ level: "root", sites: [root], side: s }] },
  }));
