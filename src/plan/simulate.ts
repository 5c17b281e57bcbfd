/**
 * The forward model: a patient with a hidden lesion answers tests the way the localization
 * engine's own model says such a lesion would, with its false positives and missed findings.
 * The lesion's severity and whether it numbs its territory are drawn once per patient (from the
 * engine's priors), so one patient's findings hang together the way real ones do.
 *
 * Used by the planning benchmark (bench/plan.ts) and available for localization round trips.
 */
import type { Atlas } from "../atlas/index.js";
import type { CaseContext, Finding, Patient } from "../case/schema.js";
import { severity } from "../localize/data/priors.js";
import { type DiffuseKind, focalUnits, type Unit } from "../localize/model.js";
import { causesFor, gradeGiven, type Hyp, numbChance, type State, TestBench } from "./predict.js";
import { allTests, type TestRef, testKey } from "./tests.js";

export type Rng = () => number;

export { seededRng } from "../localize/simulate.js";

/** A hidden lesion: a focal unit, a site id (or adjacent roots "L4+L5") and side, or a diffuse process. */
export type HiddenLesion = Unit | { site: string; side: "left" | "right" } | { diffuse: DiffuseKind };

export interface SimulateOptions {
  rng: Rng;
  /** The tests to answer (default: every test Locus knows, on both sides). */
  tests?: TestRef[];
  /** Extra chance that any result is replaced by a different one at random (default 0). */
  noise?: number;
  patient?: Patient;
  context?: CaseContext;
}

export function hypothesisOf(atlas: Atlas, lesion: HiddenLesion): Hyp {
  if ("diffuse" in lesion) return { units: [], diffuse: lesion.diffuse };
  if ("key" in lesion) return { units: [lesion], diffuse: "none" };
  const key = `${lesion.site}|${lesion.side}`;
  const unit = focalUnits(atlas).find((u) => u.key === key);
  if (!unit) {
    const known = [...new Set(focalUnits(atlas).map((u) => u.site))].join(", ");
    throw new Error(`unknown lesion site "${lesion.site}": expected one of ${known}`);
  }
  return { units: [unit], diffuse: "none" };
}

function pick(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] as number;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** One simulated patient: a hidden lesion with a drawn severity and sensory involvement. */
export class SimulatedPatient {
  readonly hyp: Hyp;
  readonly state: State;
  private readonly bench: TestBench;
  private readonly rng: Rng;
  private readonly noise: number;
  private readonly answers = new Map<string, Finding | undefined>();

  constructor(
    readonly atlas: Atlas,
    lesion: HiddenLesion,
    options: Omit<SimulateOptions, "tests">,
  ) {
    this.hyp = hypothesisOf(atlas, lesion);
    this.rng = options.rng;
    this.noise = options.noise ?? 0;
    const level = severity.levels[pick(this.rng, severity.weights)] ?? 1;
    const numb = this.rng() < numbChance(atlas, this.hyp);
    this.state = { level, numb, weight: 1 };
    this.bench = new TestBench(atlas, {
      ...(options.patient ? { patient: options.patient } : {}),
      ...(options.context ? { context: options.context } : {}),
    });
  }

  /** The chance of each result of a test for this patient. */
  probabilities(t: TestRef): number[] {
    const model = this.bench.model(t);
    return model ? model.probabilities(this.hyp, [this.state]) : [];
  }

  /**
   * The finding this patient gives for a test (undefined when the test cannot be read). Asked
   * again, the patient gives the same answer: two strategies examining one patient see one truth.
   */
  answer(t: TestRef): Finding | undefined {
    const key = testKey(t);
    if (this.answers.has(key)) return this.answers.get(key);
    const f = this.draw(t);
    this.answers.set(key, f);
    return f;
  }

  private draw(t: TestRef): Finding | undefined {
    const model = this.bench.model(t);
    if (!model) return undefined;
    const probs = model.probabilities(this.hyp, [this.state]);
    let outcome = pick(this.rng, probs);
    if (this.noise > 0 && this.rng() < this.noise && probs.length > 1) {
      const others = probs.map((_, j) => j).filter((j) => j !== outcome);
      outcome = others[Math.floor(this.rng() * others.length)] as number;
    }
    let grade: 0 | 1 | 2 = 0;
    if (outcome !== 0 && t.kind === "strength" && model.observation) {
      const causes = causesFor(this.atlas, this.hyp, model.observation, model.key);
      grade = pick(this.rng, gradeGiven(model.observation, causes, this.state.level)) as 0 | 1 | 2;
    }
    return model.finding(outcome, grade);
  }
}

/** Findings a patient with the hidden lesion would give for the tests (every test Locus knows by default). */
export function simulateFindings(atlas: Atlas, lesion: HiddenLesion, options: SimulateOptions): Finding[] {
  const patient = new SimulatedPatient(atlas, lesion, options);
  const out: Finding[] = [];
  for (const t of options.tests ?? allTests(atlas)) {
    const f = patient.answer(t);
    if (f) out.push(f);
  }
  return out;
}
