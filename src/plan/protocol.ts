/**
 * The EMG laboratory's next steps for the referral question and what is done: conduction studies
 * first (the sensory response of each numb territory, the routine sural and superficial peroneal
 * responses and the motor studies of the leg), then the needle: the lumbosacral screen of
 * Dillingham and colleagues with the paraspinals at the suspected level, muscles of the leading
 * root through nerves other than those already abnormal, and the other side when the question is
 * one of symmetry. Within each part the planner's ranking sets the order; tests already in the case
 * are never listed. A settled case has no steps.
 */
import type { Atlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import type { DiffuseKind } from "../localize/model.js";
import type { LimbValues } from "./columns.js";
import { type TestRef, type TestSide, testKey, testName } from "./tests.js";
import { leadingSide, type Weighed } from "./weigh.js";

export interface ProtocolStep {
  test: TestRef;
  name: string;
  why: string;
}

export interface Protocol {
  /** The referral question in words. */
  question: string;
  steps: ProtocolStep[];
}

/** The sensory response recorded from each skin region (atlas studies' recording sites and their nerves' territories). */
export const SNAP_OF_REGION: Readonly<Record<string, string>> = {
  foot_dorsum: "superficial_peroneal_sensory",
  leg_anterolateral: "superficial_peroneal_sensory",
  ankle_lateral: "sural_sensory",
  foot_lateral: "sural_sensory",
  little_toe: "sural_sensory",
  leg_medial: "saphenous_sensory",
  foot_medial: "saphenous_sensory",
  thigh_lateral: "lateral_femoral_cutaneous_sensory",
  sole_medial: "medial_plantar_sensory",
  great_toe: "medial_plantar_sensory",
};

/**
 * The six-muscle screen with paraspinals that identified 98-100% of electrodiagnostically confirmed
 * lumbosacral radiculopathies (Dillingham et al. 2000); the paraspinal level is set per case.
 */
export const LUMBOSACRAL_SCREEN = [
  "vastus_medialis",
  "tibialis_anterior",
  "tibialis_posterior",
  "biceps_femoris_short_head",
  "gastrocnemius_medial_head",
] as const;

/** Routine conduction studies of a lumbosacral referral (Preston and Shapiro 2020). */
const ROUTINE_NCS = [
  "sural_sensory",
  "superficial_peroneal_sensory",
  "peroneal_motor_edb",
  "tibial_motor_ah",
];
/** Upper lumbar questions add the saphenous response and the femoral motor study. */
const UPPER_NCS = ["saphenous_sensory", "femoral_motor"];
const UPPER_ROOTS = new Set(["L1", "L2", "L3", "L4"]);
/** Motor studies across a suspected site of entrapment (Katirji 2002; Preston and Shapiro 2020). */
const ACROSS_THE_SITE: [RegExp, string, string][] = [
  [
    /^common_peroneal|^deep_peroneal/,
    "peroneal_motor_ta",
    "peroneal motor study across the fibular head, recording tibialis anterior",
  ],
  [/^femoral/, "femoral_motor", "femoral motor study, compared with the other side"],
];
/** A central lesion: the weak muscle itself. */
const CENTRAL = {
  muscles: ["tibialis_anterior"],
  why: "the weak muscle: a normal needle study points above the anterior horn",
};
/**
 * When the leading answer is a diffuse process, the needle follows its pattern instead of the
 * lumbosacral screen: distal muscles first in a length-dependent polyneuropathy (England et al.
 * 2005; Preston and Shapiro 2020), proximal muscles in a myopathy (Preston and Shapiro 2020), several
 * muscles of different roots and nerves for motor neuron disease (Brooks et al. 2000), and the weak
 * muscle itself for a central lesion, where a normal needle study in a weak muscle is the finding
 * (Westhout et al. 2007).
 */
const DIFFUSE_PATTERN: Partial<Record<DiffuseKind, { muscles: string[]; why: string }>> = {
  polyneuropathy: {
    muscles: [
      "tibialis_anterior",
      "gastrocnemius_medial_head",
      "extensor_digitorum_brevis",
      "vastus_lateralis",
    ],
    why: "a length-dependent process: distal muscles first, a proximal one to compare",
  },
  myopathy: {
    muscles: ["iliopsoas", "vastus_lateralis", "gluteus_medius", "tensor_fasciae_latae", "tibialis_anterior"],
    why: "a myopathy shows in proximal muscles first",
  },
  anterior_horn: {
    muscles: [
      "tibialis_anterior",
      "vastus_lateralis",
      "gastrocnemius_medial_head",
      "iliopsoas",
      "paraspinal_L4",
    ],
    why: "motor neuron disease: muscles of different roots and nerves",
  },
  cns_left: CENTRAL,
  cns_right: CENTRAL,
  cns_distal_left: CENTRAL,
  cns_distal_right: CENTRAL,
  cns_bilateral: CENTRAL,
};

/** How many needle steps at most: the screen and the muscles that follow it. */
const MAX_NEEDLE = 10;

/** The leading answers worth a protocol: decisions holding at least 5%, best first (at most three). */
function leading(w: Weighed): number[] {
  return w.decisions
    .map((_, g) => g)
    .filter((g) => (w.decisions[g]?.p ?? 0) >= 0.05)
    .sort((a, b) => (w.decisions[b]?.p ?? 0) - (w.decisions[a]?.p ?? 0))
    .slice(0, 3);
}

/** Roots named by the leading answers, and whether any is a diffuse or two-sided process. */
function readLeading(w: Weighed, lead: number[]) {
  const roots = new Set<string>();
  const sites: string[] = [];
  let upper = false;
  let spread = false;
  const firstLead = w.decisions[lead[0] ?? -1]?.members[0];
  const leading = firstLead === undefined ? undefined : w.hyps[firstLead];
  // A diffuse first answer: the needle follows the patterns of every leading diffuse answer.
  const patterns: { muscle: string; why: string }[] = [];
  if (leading && leading.units.length === 0)
    for (const g of lead) {
      const m = w.decisions[g]?.members[0];
      const h = m === undefined ? undefined : w.hyps[m];
      const pat = h && h.units.length === 0 ? DIFFUSE_PATTERN[h.diffuse] : undefined;
      for (const muscle of pat?.muscles ?? []) patterns.push({ muscle, why: pat?.why ?? "" });
    }
  const pattern = patterns.length > 0 ? patterns : undefined;
  for (const g of lead) {
    const first = w.decisions[g]?.members[0];
    const h = first === undefined ? undefined : w.hyps[first];
    if (!h) continue;
    if (h.diffuse === "polyneuropathy" || h.diffuse === "anterior_horn" || h.diffuse === "myopathy")
      spread = true;
    for (const u of h.units) {
      sites.push(u.site);
      if (u.level === "root") for (const r of u.parts) roots.add(r);
      if (u.parts.some((r) => UPPER_ROOTS.has(r)) || /femoral|obturator|saphenous|lumbar_plexus/.test(u.site))
        upper = true;
    }
  }
  return { roots, upper, spread, sites, pattern };
}

/** A step chosen, with its test's table column (the planner's ranking key is read by it). */
interface Chosen {
  test: TestRef;
  why: string;
  column: number;
}

type Add = (kind: "emg" | "ncs", id: string, why: string, on?: TestSide) => void;

/** The other side, when a leading answer is a diffuse process: a symmetric loss confirms it. */
function addOtherSide(add: Add, side: TestSide): void {
  const other: TestSide = side === "left" ? "right" : "left";
  add("ncs", "sural_sensory", "the other side: a symmetric loss points to a diffuse process", other);
  add("emg", "tibialis_anterior", "the other side: a symmetric loss points to a diffuse process", other);
}

export function buildProtocol(
  atlas: Atlas,
  c: LocusCase,
  w: Weighed,
  limbs: LimbValues,
  settled: boolean,
): Protocol {
  const lead = leading(w);
  const names = lead.map((g) => w.decisions[g]?.name ?? "");
  const question =
    names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}?` : `${names[0] ?? "no lesion"}?`;
  if (settled) return { question, steps: [] };
  const side: TestSide = leadingSide(w) === "right" ? "right" : "left";
  const { roots, upper, spread, sites, pattern } = readLeading(w, lead);
  // Steps with their ranking key; named once the protocol is chosen.
  const chosen = new Map<string, Chosen>();
  const listed = new Set<string>();
  const add: Add = (kind, id, why, on = side) => {
    const test: TestRef = { kind, id, side: on };
    const key = testKey(test);
    const column = limbs.table.index.get(key);
    if (column === undefined || limbs.at(column) < 0 || listed.has(key)) return;
    listed.add(key);
    chosen.set(key, { test, why, column });
  };
  const byRank = (steps: Chosen[]) => steps.sort((a, b) => limbs.compare(a.column, b.column));

  for (const f of c.findings)
    if (f.kind === "sensory" && (f.change === "reduced" || f.change === "absent")) {
      const study = SNAP_OF_REGION[f.region];
      if (study)
        add(
          "ncs",
          study,
          `the sensory response of the numb ${f.region.replaceAll("_", " ")}`,
          f.side === "right" ? "right" : side,
        );
    }
  for (const [pattern, id, why] of ACROSS_THE_SITE)
    if (sites.some((x) => pattern.test(x))) add("ncs", id, why);
  for (const id of [...ROUTINE_NCS, ...(upper ? UPPER_NCS : [])])
    add("ncs", id, "routine conduction study of the leg");
  const ncs = byRank([...chosen.values()]);
  chosen.clear();

  if (pattern) {
    for (const { muscle, why } of pattern) add("emg", muscle, why);
    const needle = [...chosen.values()];
    chosen.clear();
    if (spread) addOtherSide(add, side);
    const steps = [...ncs, ...needle, ...chosen.values()];
    return { question, steps: steps.map(({ test, why }) => ({ test, name: testName(atlas, test), why })) };
  }
  // The screen is kept whole (paraspinals first); further muscles follow by the planner's ranking.
  const levels = roots.size > 0 ? [...roots] : upper ? ["L3", "L4"] : ["L5", "S1"];
  for (const r of levels)
    add("emg", `paraspinal_${r}`, "paraspinal muscle at the suspected level (lumbosacral screen)");
  for (const m of LUMBOSACRAL_SCREEN) add("emg", m, "lumbosacral screen of six muscles with paraspinals");
  const screen = [...chosen.values()];
  chosen.clear();
  const abnormalNerves = new Set<string>();
  for (const f of c.findings)
    if (f.kind === "emg" && f.spontaneous && f.spontaneous !== "none")
      for (const s of atlas.muscle(f.muscle)?.supply ?? []) abnormalNerves.add(s.nerve);
  for (const m of atlas.data.muscles) {
    if (!m.commonlyNeedled || m.id.startsWith("paraspinal")) continue;
    const root = m.roots.find((x) => roots.has(x.root) && x.role === "major");
    if (root && m.supply.every((s) => !abnormalNerves.has(s.nerve)))
      add(
        "emg",
        m.id,
        `${root.root} muscle through another nerve (${m.supply.map((s) => s.nerve.replaceAll("_", " ")).join(", ")})`,
      );
  }
  const needle = [
    ...screen,
    ...byRank([...chosen.values()]).slice(0, Math.max(0, MAX_NEEDLE - screen.length)),
  ];
  chosen.clear();

  if (spread) addOtherSide(add, side);
  const steps = [...ncs, ...needle, ...chosen.values()];
  return { question, steps: steps.map(({ test, why }) => ({ test, name: testName(atlas, test), why })) };
}
