/**
 * What a hypothesis predicts for a test not yet done, through the same fibre model and likelihood
 * the localization engine scores with (src/localize): the share of the test's anatomy each lesion
 * reaches, the sensitivity of the finding for the lesion class, its false-positive rate and, for
 * the needle, the time since onset.
 *
 * A hypothesis has two hidden properties: how severe the lesion is (the engine averages over
 * severity levels) and whether it numbs its territory at all (one latent for all sensory
 * findings). The planner's table (table.ts) averages over their prior; a simulated patient
 * (simulate.ts) draws one value of each.
 */
import type { Atlas } from "../atlas/index.js";
import type { Finding, LocusCase } from "../case/schema.js";
import { type ContextItem, contextItems } from "../localize/context.js";
import { gradeGivenWeak, type LesionClass, sensoryInvolvement } from "../localize/data/evidence.js";
import { severity } from "../localize/data/priors.js";
import {
  type Cause,
  causeProbability,
  gradeShare,
  levelIndex,
  logLikelihood,
} from "../localize/likelihood.js";
import { type DiffuseKind, diffuseDamage, type Unit, unitDamage } from "../localize/model.js";
import { type Observation, observe } from "../localize/observe.js";
import {
  abnormalFinding,
  type ImagingTest,
  imagingFinding,
  LEVEL_OF_ROOT,
  normalFinding,
  type TestRef,
  testKey,
} from "./tests.js";

/** A hypothesis: focal lesions and a diffuse process (or none); the engine's context items read it as it is (a View). */
export interface Hyp {
  units: Unit[];
  diffuse: DiffuseKind;
}

/** One value of the hidden properties of a hypothesis, with its probability. */
export interface State {
  /** Fraction of the fibres at the site that are lost. */
  level: number;
  /** Whether the lesion numbs its territory. */
  numb: boolean;
  weight: number;
}

/** The chance a hypothesis numbs its territory at all (the engine's sensory-involvement latent). */
export function numbChance(atlas: Atlas, h: Hyp): number {
  const classes = new Set<LesionClass>(h.units.map((u) => u.level as LesionClass));
  // With no observations the engine still names the lesion classes a diffuse process acts through.
  for (const d of diffuseDamage(atlas, h.diffuse, [])) classes.add(d.cls);
  let spares = 1;
  for (const cls of classes) spares *= 1 - sensoryInvolvement[cls];
  return 1 - spares;
}

const scale = (causes: readonly Cause[], s: number): Cause[] =>
  causes.map((c) => ({ cls: c.cls, d: c.d * s, level: levelIndex(s) }));

/** The prior over the hidden properties (for a lesion nothing has been seen of yet). */
export function priorStates(atlas: Atlas, h: Hyp): State[] {
  const s = numbChance(atlas, h);
  const out: State[] = [];
  severity.levels.forEach((level, k) => {
    const w = severity.weights[k] ?? 0;
    if (s > 0) out.push({ level, numb: true, weight: w * s });
    if (s < 1) out.push({ level, numb: false, weight: w * (1 - s) });
  });
  return out;
}

/** What each lesion does to one test's anatomy: the same for every case, so kept per atlas and test. */
interface DamageTable {
  units: Map<string, number>;
  diffuse: Map<DiffuseKind, Cause[]>;
}

const damageCache = new WeakMap<Atlas, Map<string, DamageTable>>();

export function damageTable(atlas: Atlas, key: string): DamageTable {
  let byTest = damageCache.get(atlas);
  if (!byTest) {
    byTest = new Map();
    damageCache.set(atlas, byTest);
  }
  let m = byTest.get(key);
  if (!m) {
    m = { units: new Map(), diffuse: new Map() };
    byTest.set(key, m);
  }
  return m;
}

/** The causes a hypothesis brings to one observation (a test's, keyed by `key`), at full severity. */
export function causesFor(atlas: Atlas, h: Hyp, o: Observation, key: string | DamageTable): Cause[] {
  const out: Cause[] = [];
  const table = typeof key === "string" ? damageTable(atlas, key) : key;
  for (const u of h.units) {
    let d = table.units.get(u.key);
    if (d === undefined) {
      d = unitDamage(atlas, u, o);
      table.units.set(u.key, d);
    }
    if (d > 0) out.push({ cls: u.level as LesionClass, d });
  }
  if (h.diffuse !== "none") {
    let list = table.diffuse.get(h.diffuse);
    if (!list) {
      list = [];
      for (const dm of diffuseDamage(atlas, h.diffuse, [o])) {
        const d = dm.d[0] ?? 0;
        if (d > 0) list.push({ cls: dm.cls, d });
      }
      table.diffuse.set(h.diffuse, list);
    }
    for (const c of list) out.push(c);
  }
  return out;
}

/**
 * P(abnormal) for an observation in its normal form under causes at full severity, averaged over
 * hidden states. `scratch` receives the scaled causes (no allocation per state).
 */
export function pAbnormal(o: Observation, causes: readonly Cause[], states: readonly State[]): number {
  if (causes.length === 0) return o.fp;
  const scratch: Cause[] = causes.map((c) => ({ cls: c.cls, d: c.d }));
  const sensory = o.family === "sensoryChange";
  let total = 0;
  let lastLevel = Number.NaN;
  let last = 0;
  for (const st of states) {
    let pa: number;
    if (sensory && !st.numb) pa = o.fp;
    else if (!sensory && st.level === lastLevel) pa = last;
    else {
      for (let i = 0; i < causes.length; i++) (scratch[i] as Cause).d = (causes[i] as Cause).d * st.level;
      pa = 1 - Math.exp(logLikelihood(o, scratch, sensory));
      lastLevel = st.level;
      last = pa;
    }
    total += st.weight * pa;
  }
  return total;
}

/** The chance of a mild, moderate or severe grade once the movement is weak (as the engine reads grades). */
export function gradeGiven(
  o: Observation,
  causes: readonly Cause[],
  level: number,
): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  const cs = scale(causes, level);
  for (const g of [0, 1, 2] as const) {
    let w = o.fp * (gradeGivenWeak.unexplained[g] ?? 0);
    for (const c of cs) w += causeProbability(o, c, false) * gradeShare(c, g);
    out[g] = w;
  }
  const total = out[0] + out[1] + out[2];
  return total > 0 ? [out[0] / total, out[1] / total, out[2] / total] : [1, 0, 0];
}

/**
 * A test's possible results and how likely each is under a hypothesis. Most tests have two
 * (normal, abnormal); a spinal MRI has one abnormal result per root level it can point at.
 */
export interface TestModel {
  test: TestRef;
  key: string;
  /** Result labels; index 0 is the normal result. */
  outcomes: string[];
  /** P(each result) under a hypothesis in the given hidden states. */
  probabilities(h: Hyp, states: readonly State[]): number[];
  /** The finding a result adds to the case (grade chooses the MRC grade of a weak movement). */
  finding(outcome: number, grade?: 0 | 1 | 2): Finding;
  /** The observation read from the test (its normal form), for limb tests. */
  observation?: Observation;
}

const SPINE_ROOTS = Object.keys(LEVEL_OF_ROOT);

/** Builds test models for one case (age and time since onset set false-positive rates and needle yield). */
export class TestBench {
  private readonly models = new Map<string, TestModel | undefined>();
  private readonly base: LocusCase;

  constructor(
    readonly atlas: Atlas,
    c: Pick<LocusCase, "patient" | "context">,
  ) {
    this.base = {
      format: "locus-case/1",
      id: "plan",
      findings: [],
      ...(c.patient ? { patient: c.patient } : {}),
      ...(c.context ? { context: c.context } : {}),
    };
  }

  model(t: TestRef): TestModel | undefined {
    const key = testKey(t);
    if (this.models.has(key)) return this.models.get(key);
    const m = t.kind === "imaging" ? this.imaging(t, key) : this.limb(t, key);
    this.models.set(key, m);
    return m;
  }

  private limb(t: TestRef, key: string): TestModel | undefined {
    const normal = normalFinding(t);
    const o = observe(this.atlas, { ...this.base, findings: [normal] }).observations.find(
      (x) => x.side === t.side,
    );
    if (!o) return undefined;
    const atlas = this.atlas;
    const table = damageTable(atlas, key);
    return {
      test: t,
      key,
      outcomes: ["normal", "abnormal"],
      observation: o,
      probabilities(h, states) {
        const pa = pAbnormal(o, causesFor(atlas, h, o, table), states);
        return [1 - pa, pa];
      },
      finding: (outcome, grade = 0) => (outcome === 0 ? normal : abnormalFinding(t, grade)),
    };
  }

  private items(f: Finding): ContextItem[] {
    return contextItems(this.atlas, { ...this.base, findings: [f] });
  }

  private imaging(t: TestRef, key: string): TestModel {
    const modality = t.id as ImagingTest;
    const side = t.side;
    if (modality === "mri_spine") {
      const normal = this.items(imagingFinding("mri_spine", side, undefined))[0];
      const perRoot = SPINE_ROOTS.map((root) => this.items(imagingFinding("mri_spine", side, { root }))[0]);
      return {
        test: t,
        key,
        outcomes: ["normal", ...SPINE_ROOTS.map((r) => `${side} ${r} root compressed`)],
        probabilities(h) {
          const pn = normal ? normal.p(h) : 0.5;
          const out = [pn];
          let total = 0;
          for (const it of perRoot) {
            const x = it ? it.p(h) : 0;
            out.push(x);
            total += x;
          }
          total ||= 1;
          for (let r = 1; r < out.length; r++) out[r] = ((1 - pn) * (out[r] as number)) / total;
          return out;
        },
        finding: (outcome) =>
          outcome === 0
            ? imagingFinding("mri_spine", side, undefined)
            : imagingFinding("mri_spine", side, { root: SPINE_ROOTS[outcome - 1] as string }),
      };
    }
    const abnormal = imagingFinding(modality, side, "lesion");
    const normalF = imagingFinding(modality, side, undefined);
    // Where the engine reads a normal study (spine, plexus) its own probability is used; where it
    // does not (ultrasound), the normal result is the complement of the abnormal one.
    const normalItem = this.items(normalF)[0];
    const abnormalItem = this.items(abnormal)[0];
    return {
      test: t,
      key,
      outcomes: ["normal", "abnormal"],
      probabilities(h) {
        const pa = normalItem ? 1 - normalItem.p(h) : abnormalItem ? abnormalItem.p(h) : 0;
        return [1 - pa, pa];
      },
      finding: (outcome) => (outcome === 0 ? normalF : abnormal),
    };
  }
}
