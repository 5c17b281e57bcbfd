import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import type { LesionClass } from "./data/evidence.js";
import { FAST_ARRAYS, fastOf, readFinding } from "./fast.js";
import { type Cause, causeProbability, gradeShare, logLikelihood } from "./likelihood.js";
import { observe } from "./observe.js";
import { seededRng } from "./simulate.js";

/**
 * Localization reads each finding through `readFinding` (log space, typed arrays); the planner
 * predicts through `logLikelihood`. They are two writings of one rule and must agree, or the
 * planner would reason with another model than the one that ranks the answers.
 */
describe("the scoring loop's reading of a finding", () => {
  const atlas = getAtlas();
  const findings: Finding[] = [
    { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 5 },
    { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 1 },
    { kind: "strength", side: "left", target: "hip_abduction", mrc: "3+" },
    { kind: "strength", side: "left", target: "knee_extension", mrc: 4 },
    { kind: "reflex", side: "left", reflex: "patellar", grade: "absent" },
    { kind: "reflex", side: "left", reflex: "patellar", grade: "normal" },
    { kind: "sensory", side: "left", region: "foot_dorsum", change: "reduced" },
    { kind: "sensory", side: "left", region: "calf_lateral", change: "normal" },
    { kind: "emg", side: "left", muscle: "tibialis_anterior", spontaneous: "fibrillations" },
    { kind: "emg", side: "left", muscle: "gluteus_medius", spontaneous: "none", muap: "normal" },
    { kind: "emg", side: "left", muscle: "peroneus_longus", spontaneous: "crd" },
    { kind: "ncs", side: "left", study: "sural_sensory", result: "reduced" },
    { kind: "ncs", side: "left", study: "peroneal_motor_edb", result: "normal" },
  ];
  const c: LocusCase = {
    format: "locus-case/1",
    id: "reading",
    patient: { age: 45, sex: "unknown" },
    context: { onset: "subacute", durationDays: 60 },
    findings,
  };
  const obs = observe(atlas, c).observations;
  const fast = fastOf(obs, 0, new Float64Array(FAST_ARRAYS * obs.length));
  const classes: LesionClass[] = ["root", "plexus", "nerve", "muscle", "length_dependent", "myopathy"];
  const rng = seededRng(5);

  it("covers normal, abnormal, graded, equivocal and skin findings", () => {
    expect(obs.length).toBe(findings.length);
    expect(obs.some((o) => o.equivocal)).toBe(true);
    expect(obs.some((o) => o.grade !== undefined && o.abnormal)).toBe(true);
  });

  it("gives logLikelihood's value for any set of causes", () => {
    for (let trial = 0; trial < 200; trial++) {
      const causes: Cause[] = Array.from({ length: Math.floor(rng() * 4) }, () => ({
        cls: classes[Math.floor(rng() * classes.length)] as LesionClass,
        d: rng() < 0.2 ? 0 : rng(),
      }));
      obs.forEach((o, i) => {
        const sensory = o.family === "sensoryChange";
        // Each finding at both its rates without a lesion (usual, and aged or unreliable).
        const rates = [fast.fp[i] as number, (fast.fp[i] as number) + (fast.altFpShift[i] as number)];
        rates.forEach((fp, alt) => {
          let lnNot = Math.log(1 - fp);
          let qSum = fp;
          let g = (fast.fpGrade[i] as number) + (alt ? (fast.altGradeShift[i] as number) : 0);
          for (const cause of causes) {
            const q = causeProbability(o, cause, sensory);
            if (q <= 0) continue;
            lnNot += Math.log(1 - q);
            qSum += q;
            if (o.grade !== undefined) g += q * gradeShare(cause, o.grade);
          }
          const want = logLikelihood({ ...o, fp }, causes, sensory);
          expect(readFinding(fast, i, lnNot, qSum, g), `${o.family} ${trial} ${alt}`).toBeCloseTo(want, 9);
        });
      });
    }
  });
});
