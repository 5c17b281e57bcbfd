/**
 * The tests Locus can suggest, each with the findings its outcomes would add to the case: needle a
 * muscle, a nerve conduction study, a reflex, a movement to grade, a skin region to test, and
 * imaging. Which tests exist comes from the atlas; what they cost from data/burden.ts.
 */
import type { Atlas } from "../atlas/index.js";
import type { Finding, ImagingFinding, LabFinding, LocusCase } from "../case/schema.js";
import { unavailable } from "./data/availability.js";
import { burden, emgBurdenByMuscle, type Rated } from "./data/burden.js";
import { type Order, orders } from "./data/orders.js";

/** The imaging or laboratory test's data (data/orders.ts), when it is one. */
export function orderOf(t: TestRef): Order | undefined {
  if (t.kind !== "imaging" && t.kind !== "lab") return undefined;
  return orders.find(
    (o) => o.test.kind === t.kind && o.test.id === t.id && (o.contrast ?? false) === (t.contrast ?? false),
  );
}

export type TestKind = "emg" | "ncs" | "reflex" | "strength" | "sensory" | "imaging" | "lab";
/** A limb test's side; imaging of the whole spine or pelvis and laboratory tests are `bilateral`. */
export type TestSide = "left" | "right" | "bilateral";

/** One test not yet done: what to do and on which side. */
export interface TestRef {
  kind: TestKind;
  /**
   * A muscle, study, reflex, movement or skin region id; for imaging the modality of FORMAT.md
   * (`mri_spine`, `mri_plexus`, `ultrasound`, `pet_ct`, `ct`, `mri_brain`); for a laboratory test
   * its FORMAT.md id (`ck`, `hba1c`, ...).
   */
  id: string;
  side: TestSide;
  /** Imaging read with gadolinium (another test from the plain study of the same region). */
  contrast?: boolean;
}

/** Imaging the localization engine reads (its context items), weighed for localization too. */
export const IMAGING_TESTS = ["mri_spine", "mri_plexus", "ultrasound"] as const;
export type ImagingTest = (typeof IMAGING_TESTS)[number] | "pet_ct" | "ct" | "mri_brain";

export function testKey(t: TestRef): string {
  return `${t.kind}:${t.id}:${t.side}${t.contrast ? ":contrast" : ""}`;
}

/** Readable name, e.g. "left tibialis posterior (needle EMG)". */
export function testName(atlas: Atlas, t: TestRef): string {
  const side = t.side;
  const order = orderOf(t);
  if (order)
    return order.test.side === "per-side" && side !== "bilateral" ? `${order.name} (${side})` : order.name;
  switch (t.kind) {
    case "lab":
      return t.id;
    case "emg":
      return `${side} ${atlas.muscle(t.id)?.name ?? t.id} (needle EMG)`;
    case "ncs":
      return `${side} ${atlas.data.studies.find((s) => s.id === t.id)?.name ?? t.id}`;
    case "reflex":
      return `${side} ${atlas.data.reflexes.find((r) => r.id === t.id)?.name ?? t.id}`;
    case "strength":
      return `${side} ${atlas.data.movements.find((m) => m.id === t.id)?.name ?? t.id.replaceAll("_", " ")} (grade strength)`;
    case "sensory":
      return `${side} ${atlas.data.regions.find((r) => r.id === t.id)?.name ?? t.id} (test sensation)`;
    case "imaging":
      return t.id === "mri_spine"
        ? `MRI of the lumbosacral spine (${side} roots)`
        : t.id === "mri_plexus"
          ? `MRI of the ${side} lumbosacral plexus`
          : `ultrasound of the ${side} leg nerves`;
  }
}

export function burdenOf(atlas: Atlas, t: TestRef): Rated {
  const order = orderOf(t);
  if (order) return order.burden;
  switch (t.kind) {
    case "lab":
      return burden.lab;
    case "strength":
      return burden.strength;
    case "reflex":
      return burden.reflex;
    case "sensory":
      return burden.sensory;
    case "ncs": {
      const type = atlas.data.studies.find((s) => s.id === t.id)?.type;
      return type === "sensory" ? burden.ncsSensory : type === "motor" ? burden.ncsMotor : burden.ncsLate;
    }
    case "emg": {
      const special = emgBurdenByMuscle[t.id];
      if (special) return burden[special];
      return atlas.muscle(t.id)?.dorsalRamus ? burden.emgParaspinal : burden.emgLimb;
    }
    case "imaging":
      return t.id === "mri_spine"
        ? burden.mriSpine
        : t.id === "mri_plexus"
          ? burden.mriPlexus
          : burden.ultrasound;
  }
}

/** Every test Locus knows, on both sides. */
export function allTests(atlas: Atlas): TestRef[] {
  const out: TestRef[] = [];
  for (const side of ["left", "right"] as const) {
    for (const m of atlas.data.muscles) if (m.commonlyNeedled) out.push({ kind: "emg", id: m.id, side });
    for (const s of atlas.data.studies) out.push({ kind: "ncs", id: s.id, side });
    for (const r of atlas.data.reflexes) out.push({ kind: "reflex", id: r.id, side });
    for (const m of atlas.data.movements) out.push({ kind: "strength", id: m.id, side });
    for (const g of atlas.data.regions) out.push({ kind: "sensory", id: g.id, side });
    for (const i of IMAGING_TESTS) out.push({ kind: "imaging", id: i, side });
  }
  return out;
}

const covers = (findingSide: string | undefined, side: TestSide) =>
  findingSide === undefined || findingSide === "bilateral" || findingSide === side;

/**
 * FORMAT v1.1's whole-examination word: "every item of this kind not named elsewhere, on this
 * side" ("power otherwise 5/5"). Such a finding answers every item of its kind on its side.
 */
const OTHERS = "others";

/** The test a finding already answers (one per side it covers), for finding what is done. */
export function testsDoneBy(atlas: Atlas, f: Finding): TestRef[] {
  const sides = (["left", "right"] as const).filter((s) => covers(f.side, s));
  const each = (kind: TestKind, id: string) => sides.map((side) => ({ kind, id, side }));
  switch (f.kind) {
    case "emg": {
      const id = atlas.muscle(f.muscle)?.id ?? f.muscle;
      return each("emg", id);
    }
    case "ncs":
      return each("ncs", f.study);
    case "reflex":
      if (f.reflex === OTHERS) return atlas.data.reflexes.flatMap((r) => each("reflex", r.id));
      return each("reflex", f.reflex);
    case "strength": {
      if (f.target === OTHERS) return atlas.data.movements.flatMap((m) => each("strength", m.id));
      if (atlas.data.movements.some((m) => m.id === f.target)) return each("strength", f.target);
      // A muscle graded on its own answers the movements it is the prime mover of only in part: keep them.
      return [];
    }
    case "sensory":
      if (f.region === OTHERS) return atlas.data.regions.flatMap((g) => each("sensory", g.id));
      return each("sensory", f.region);
    case "sign":
      if (f.sign === "foot_drop") return each("strength", "ankle_dorsiflexion");
      if (f.sign === "babinski") return each("reflex", "plantar");
      if (f.sign === "trendelenburg") return each("strength", "hip_abduction");
      return [];
    case "imaging": {
      const id =
        f.modality === "mri_spine"
          ? "mri_spine"
          : f.modality === "mri_plexus"
            ? "mri_plexus"
            : f.modality === "ultrasound"
              ? "ultrasound"
              : undefined;
      return id ? each("imaging", id) : [];
    }
    default:
      return [];
  }
}

/** Tests not yet done in the case (and possible in this patient). */
export function testsNotDone(atlas: Atlas, c: LocusCase): TestRef[] {
  const closed = closedKeys(atlas, c);
  return allTests(atlas).filter((t) => !closed.has(testKey(t)));
}

/** The keys of the tests the case already holds, and of those this patient cannot have. */
export function closedKeys(atlas: Atlas, c: LocusCase): Set<string> {
  const closed = new Set<string>();
  for (const f of c.findings) for (const t of testsDoneBy(atlas, f)) closed.add(testKey(t));
  const sex = c.patient?.sex;
  if (sex !== undefined)
    for (const u of unavailable)
      if (u.when.sex.includes(sex))
        for (const side of ["left", "right"] as const)
          closed.add(testKey({ kind: u.test.kind as TestKind, id: u.test.id, side }));
  return closed;
}

/** The finding a normal result of the test would add. */
export function normalFinding(t: TestRef): Finding {
  const side = t.side;
  switch (t.kind) {
    case "emg":
      return { kind: "emg", side, muscle: t.id, spontaneous: "none", muap: "normal", recruitment: "normal" };
    case "ncs":
      return { kind: "ncs", side, study: t.id, result: "normal" };
    case "reflex":
      return t.id === "plantar"
        ? { kind: "reflex", side, reflex: "plantar", grade: "flexor" }
        : { kind: "reflex", side, reflex: t.id, grade: "normal" };
    case "strength":
      return { kind: "strength", side, target: t.id, mrc: 5 };
    case "sensory":
      return { kind: "sensory", side, region: t.id, change: "normal" };
    case "imaging":
      return imagingFinding(t.id as ImagingTest, side, undefined);
    case "lab":
      return { kind: "lab", test: t.id as LabFinding["test"], result: "normal" };
  }
}

/** Weakness grades by category (mild, moderate, severe) as MRC grades. */
export const MRC_OF_GRADE = [4, 3, 2] as const;

/** The finding an abnormal result would add; for strength, `grade` chooses the MRC grade. */
export function abnormalFinding(t: TestRef, grade: 0 | 1 | 2 = 0): Finding {
  const side = t.side;
  switch (t.kind) {
    case "emg":
      return {
        kind: "emg",
        side,
        muscle: t.id,
        spontaneous: "fibrillations",
        muap: "neurogenic",
        recruitment: "reduced",
      };
    case "ncs": {
      return { kind: "ncs", side, study: t.id, result: "reduced" };
    }
    case "reflex":
      return t.id === "plantar"
        ? { kind: "reflex", side, reflex: "plantar", grade: "extensor" }
        : { kind: "reflex", side, reflex: t.id, grade: "reduced" };
    case "strength":
      return { kind: "strength", side, target: t.id, mrc: MRC_OF_GRADE[grade] };
    case "sensory":
      return { kind: "sensory", side, region: t.id, change: "reduced" };
    case "imaging":
      return imagingFinding(t.id as ImagingTest, side, "lesion");
    case "lab":
      return { kind: "lab", test: t.id as LabFinding["test"], result: "elevated" };
  }
}

/** The spinal level at which a root is usually compressed (the traversing root of a paracentral disc). */
export const LEVEL_OF_ROOT: Record<string, string> = {
  L1: "T12-L1",
  L2: "L1-L2",
  L3: "L2-L3",
  L4: "L3-L4",
  L5: "L4-L5",
  S1: "L5-S1",
};

/**
 * Imaging findings: normal, or abnormal. For the spine an abnormal result names the root it
 * compresses (`root`), because a spinal MRI answers "which level", not only "is it abnormal".
 */
export function imagingFinding(
  modality: ImagingTest,
  side: TestSide,
  result: "lesion" | { root: string } | undefined,
): ImagingFinding {
  if (result === undefined) return { kind: "imaging", modality, tags: ["normal"], side };
  switch (modality) {
    case "pet_ct":
    case "ct":
    case "mri_brain":
      return { kind: "imaging", modality, tags: ["mass"], side, text: `${modality}: a lesion` };
    case "mri_spine": {
      const root = typeof result === "object" ? result.root : "L5";
      const level = LEVEL_OF_ROOT[root];
      return {
        kind: "imaging",
        modality,
        tags: ["disc_herniation"],
        ...(level ? { level } : {}),
        side,
        text: `disc herniation compressing the ${side} ${root} root`,
      };
    }
    case "mri_plexus":
      return {
        kind: "imaging",
        modality,
        tags: ["plexus_enlargement"],
        side,
        text: `${side} lumbosacral plexus enlarged`,
      };
    case "ultrasound":
      return { kind: "imaging", modality, tags: ["nerve_enlargement"], side, text: `${side} nerve enlarged` };
  }
}
