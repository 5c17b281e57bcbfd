/**
 * The forward model run the other way: given a lesion, draw the findings the engine's own
 * likelihoods predict, with extra noise and missing data. Used to check that localization recovers
 * what generated the data (the round trip) and by the benchmarks.
 */
import type { Atlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import { gradeGivenWeak, sensoryInvolvement } from "./data/evidence.js";
import { severity } from "./data/priors.js";
import { causeProbability, gradeShare, levelIndex } from "./likelihood.js";
import { type DiffuseKind, diffuseDamage, focalUnits, type Unit, unitDamage } from "./model.js";
import { type LimbSide, observe } from "./observe.js";

/** A small seeded generator (mulberry32), so runs repeat exactly. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One test a clinician can do, as the finding it gives when abnormal and when normal. */
export interface Test {
  abnormal: Finding;
  normal: Finding;
}

/** Every test of a complete examination of one side: strength, reflexes, skin, needle EMG, conduction. */
export function completeExam(atlas: Atlas, side: LimbSide): Test[] {
  const tests: Test[] = [];
  for (const m of atlas.data.movements) {
    tests.push({
      abnormal: { kind: "strength", side, target: m.id, mrc: 4 },
      normal: { kind: "strength", side, target: m.id, mrc: 5 },
    });
  }
  // Every tendon reflex the atlas knows; the plantar response, an upper motor neuron sign, follows.
  for (const r of atlas.data.reflexes.filter((x) => !x.umnSign).map((x) => x.id)) {
    tests.push({
      abnormal: { kind: "reflex", side, reflex: r, grade: "absent" },
      normal: { kind: "reflex", side, reflex: r, grade: "normal" },
    });
  }
  tests.push({
    abnormal: { kind: "reflex", side, reflex: "plantar", grade: "extensor" },
    normal: { kind: "reflex", side, reflex: "plantar", grade: "flexor" },
  });
  for (const r of atlas.data.regions) {
    tests.push({
      abnormal: { kind: "sensory", side, region: r.id, change: "reduced" },
      normal: { kind: "sensory", side, region: r.id, change: "normal" },
    });
  }
  for (const m of atlas.data.muscles) {
    if (!m.commonlyNeedled) continue;
    tests.push({
      abnormal: {
        kind: "emg",
        side,
        muscle: m.id,
        spontaneous: "fibrillations",
        muap: "neurogenic",
        recruitment: "reduced",
      },
      normal: { kind: "emg", side, muscle: m.id, spontaneous: "none", muap: "normal", recruitment: "normal" },
    });
  }
  for (const s of atlas.data.studies) {
    tests.push({
      abnormal: {
        kind: "ncs",
        side,
        study: s.id,
        result: s.type === "sensory" || s.type === "motor" ? "reduced" : "absent",
      },
      normal: { kind: "ncs", side, study: s.id, result: "normal" },
    });
  }
  return tests;
}

export interface SimulateOptions {
  rng: () => number;
  /** Chance that a test is left out (missing data). */
  missing?: number;
  /** Chance that a result is flipped at random. */
  noise?: number;
  /**
   * Also draw the false positives the engine allows for (each test's own error rate; default true).
   * With false, the only errors are the `noise` flips.
   */
  falsePositives?: boolean;
  /** Tests to draw from (default: a complete exam of both sides). */
  tests?: Test[];
  /** Fraction of the fibres at the site that are lost (default: drawn from the engine's severity levels). */
  severity?: number;
  /** Whether the lesion numbs its territory (default: drawn as the engine reads it). */
  numb?: boolean;
  /** Days since onset written into the case (default 60: needle findings established). */
  durationDays?: number;
  age?: number;
}

/** What a lesion (focal units and/or a diffuse process) would show in a set of tests. */
export function simulateCase(
  atlas: Atlas,
  units: readonly Unit[],
  diffuse: DiffuseKind,
  options: SimulateOptions,
): LocusCase {
  const { rng } = options;
  const durationDays = options.durationDays ?? 60;
  const base: LocusCase = {
    format: "locus-case/1",
    id: "simulated",
    patient: { age: options.age ?? 50, sex: "unknown" },
    context: {
      onset: durationDays <= 28 ? "acute" : durationDays <= 84 ? "subacute" : "chronic",
      durationDays,
    },
    findings: [],
  };
  const tests = options.tests ?? [...completeExam(atlas, "left"), ...completeExam(atlas, "right")];
  const s =
    options.severity ??
    severity.levels[Math.min(severity.levels.length - 1, Math.floor(rng() * severity.levels.length))] ??
    1;
  // Whether the lesion numbs its territory at all is one draw per case, as the engine reads it.
  const classes = new Set<string>([
    ...units.map((u) => u.level),
    ...diffuseDamage(atlas, diffuse, []).map((d) => d.cls),
  ]);
  let spared = 1;
  for (const cls of classes) spared *= 1 - (sensoryInvolvement[cls as keyof typeof sensoryInvolvement] ?? 0);
  const numb = options.numb ?? rng() >= spared;
  const findings: Finding[] = [];
  for (const t of tests) {
    if (rng() < (options.missing ?? 0)) continue;
    const { observations } = observe(atlas, { ...base, findings: [t.abnormal] });
    const o = observations[0];
    if (!o) continue;
    const level = levelIndex(s);
    const causes = [
      ...units.map((u) => ({ cls: u.level, d: unitDamage(atlas, u, o) * s, level })),
      ...diffuseDamage(atlas, diffuse, [o]).map((dm) => ({ cls: dm.cls, d: (dm.d[0] ?? 0) * s, level })),
    ];
    let pNot = options.falsePositives === false ? 1 : 1 - o.fp;
    const sensory = o.family === "sensoryChange";
    if (!sensory || numb) for (const c of causes) pNot *= 1 - causeProbability(o, c, sensory);
    let abnormal = rng() < 1 - pNot;
    if (rng() < (options.noise ?? 0)) abnormal = !abnormal;
    if (!abnormal) {
      findings.push(t.normal);
      continue;
    }
    if (t.abnormal.kind === "strength") {
      // The grade follows the causes that fired, weighted as the engine weighs them; a noise flip
      // takes the grade a weakness without a lesion usually has.
      const grades = ([0, 1, 2] as const).map(
        (g) =>
          causes.reduce((a, c) => a + causeProbability(o, c, false) * gradeShare(c, g), 0) +
          o.fp * (gradeGivenWeak.unexplained[g] ?? 0),
      );
      const total = grades.reduce((a, b) => a + b, 0);
      const r = rng() * total;
      let g = 0;
      for (let acc = grades[0] ?? 0; acc <= r && g < 2; acc += grades[g] ?? 0) g++;
      findings.push({ ...t.abnormal, mrc: g === 2 ? 1 : g === 1 ? 3 : 4 });
    } else findings.push(t.abnormal);
  }
  return { ...base, findings };
}

/**
 * The benchmarks' synthetic cases: a single lesion at a random site and side, 60 to 95 per cent of
 * a complete examination missing, 1 per cent of results flipped. The same seed gives the same cases.
 */
export function syntheticCases(atlas: Atlas, count: number, seed = 1): LocusCase[] {
  const sites = focalUnits(atlas).filter((u) => u.parts.length === 1);
  const rng = seededRng(seed);
  const cases: LocusCase[] = [];
  while (cases.length < count) {
    const u = sites[Math.floor(rng() * sites.length)] as Unit;
    cases.push(simulateCase(atlas, [u], "none", { rng, missing: 0.6 + rng() * 0.35, noise: 0.01 }));
  }
  return cases;
}
