import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import { fuzz } from "../test-helpers/fuzz.js";
import { localize } from "./index.js";

const atlas = getAtlas();
const side = fc.constantFrom("left" as const, "right" as const, "bilateral" as const, undefined);
const pick = (kind: Parameters<typeof atlas.ids>[0]) => fc.constantFrom(...atlas.ids(kind));
const withSide = <T extends object>(f: T, s: Finding["side"]): T => (s ? { ...f, side: s } : f);

const finding: fc.Arbitrary<Finding> = fc.oneof(
  fc
    .tuple(
      side,
      fc.oneof(pick("movement"), pick("muscle")),
      fc.constantFrom(0, 1, 2, 3, 4, 5, "4-", "3+", "weak"),
    )
    .map(([s, target, mrc]) => withSide({ kind: "strength" as const, target, mrc }, s)),
  fc
    .tuple(
      side,
      pick("reflex"),
      fc.constantFrom("absent" as const, "reduced" as const, "normal" as const, "brisk" as const),
    )
    .map(([s, reflex, grade]) =>
      withSide(
        { kind: "reflex" as const, reflex, grade: reflex === "plantar" ? ("extensor" as const) : grade },
        s,
      ),
    ),
  fc
    .tuple(
      side,
      pick("region"),
      fc.constantFrom("absent" as const, "reduced" as const, "increased" as const, "normal" as const),
    )
    .map(([s, region, change]) => withSide({ kind: "sensory" as const, region, change }, s)),
  fc
    .tuple(
      side,
      pick("muscle"),
      fc.constantFrom("none" as const, "fibrillations" as const, "fasciculations" as const),
      fc.constantFrom("normal" as const, "neurogenic" as const, "myopathic" as const),
    )
    .map(([s, muscle, spontaneous, muap]) =>
      withSide({ kind: "emg" as const, muscle, spontaneous, muap }, s),
    ),
  fc
    .tuple(
      side,
      pick("study"),
      fc.constantFrom("normal" as const, "reduced" as const, "absent" as const, "prolonged" as const),
    )
    .map(([s, study, result]) => withSide({ kind: "ncs" as const, study, result }, s)),
  fc
    .tuple(
      side,
      fc.constantFrom(
        "disc_herniation" as const,
        "mass" as const,
        "muscle_edema" as const,
        "normal" as const,
        "root_enhancement" as const,
      ),
      fc.constantFrom("L4-L5", "L5-S1", undefined),
    )
    .map(([s, tag, level]) =>
      withSide(
        {
          kind: "imaging" as const,
          modality: "mri_spine" as const,
          tags: [tag],
          ...(level ? { level } : {}),
        },
        s,
      ),
    ),
  fc
    .constantFrom("elevated" as const, "normal" as const)
    .map((result) => ({ kind: "lab" as const, test: "ck" as const, result })),
  fc
    .tuple(
      side,
      fc.constantFrom(
        "atrophy" as const,
        "foot_drop" as const,
        "babinski" as const,
        "straight_leg_raise" as const,
        "hypertrophy" as const,
        "tenderness" as const,
      ),
      fc.constantFrom("calf", "thigh", "quadriceps", "nowhere"),
    )
    .map(([s, sign, target]) => withSide({ kind: "sign" as const, sign, target }, s)),
);

const caseArb: fc.Arbitrary<LocusCase> = fc
  .record({
    findings: fc.array(finding, { maxLength: 25 }),
    age: fc.integer({ min: 18, max: 95 }),
    onset: fc.constantFrom("acute" as const, "subacute" as const, "chronic" as const),
    history: fc.subarray(["diabetes", "cancer:lung", "anticoagulation", "hip_surgery", "alcohol"]),
    symptoms: fc.subarray(["bladder_dysfunction", "back_pain", "progressive"]),
  })
  .map((r) => ({
    format: "locus-case/1" as const,
    id: "fuzz",
    patient: { age: r.age },
    context: { onset: r.onset, history: r.history, symptoms: r.symptoms },
    findings: r.findings,
  }));

describe("localize on arbitrary cases", () => {
  it("never throws, ranks best first, and its probabilities with the rest sum to one", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = localize(c, { limit: 5 });
        expect(a.hypotheses.length).toBeGreaterThan(0);
        const total = a.hypotheses.reduce((s, h) => s + h.probability, 0) + a.other;
        expect(total).toBeGreaterThan(0.99);
        expect(total).toBeLessThan(1.01);
        for (let i = 1; i < a.hypotheses.length; i++) {
          expect(a.hypotheses[i - 1]!.probability).toBeGreaterThanOrEqual(a.hypotheses[i]!.probability);
        }
        for (const h of a.hypotheses)
          for (const r of [...h.explains, ...h.against, ...h.unexplained])
            expect(Number.isFinite(r.weight)).toBe(true);
      }),
      fuzz(150),
    );
  });
});
