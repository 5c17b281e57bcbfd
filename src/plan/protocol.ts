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
import type { Table } from "./table.js";
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
  for (const g of lead) {
    const first = w.decisions[g]?.members[0];
    const h = first === undefined ? undefined : w.hyps[first];
    if (!h) continue;
    if (h.diffuse !== "none") spread = true;
    for (const u of h.units) {
      sites.push(u.site);
      if (u.level === "root") for (const r of u.parts) roots.add(r);
      if (u.parts.some((r) => UPPER_ROOTS.has(r)) || /femoral|obturator|saphenous|lumbar_plexus/.test(u.site))
        upper = true;
    }
  }
  return { roots, upper, spread, sites };
}

/** The planner's ranking key of each limb test, by table column (-1: done or impossible). */
export interface LimbValues {
  table: Table;
  value: Float64Array;
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
  const rankValue = (key: string) => {
    const t = limbs.table.index.get(key);
    return t === undefined ? -1 : (limbs.value[t] as number);
  };
  const side: TestSide = leadingSide(w) === "right" ? "right" : "left";
  const { roots, upper, spread, sites } = readLeading(w, lead);
  const chosen = new Map<string, ProtocolStep>();
  const listed = new Set<string>();
  const add = (kind: "emg" | "ncs", id: string, why: string, on: TestSide = side) => {
    const test: TestRef = { kind, id, side: on };
    const key = testKey(test);
    if (rankValue(key) < 0 || listed.has(key)) return;
    listed.add(key);
    chosen.set(key, { test, name: testName(atlas, test), why });
  };
  const byRank = (steps: ProtocolStep[]) =>
    steps.sort((a, b) => rankValue(testKey(b.test)) - rankValue(testKey(a.test)));

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

  if (spread) {
    const other: TestSide = side === "left" ? "right" : "left";
    add("ncs", "sural_sensory", "the other side: a symmetric loss points to a diffuse process", other);
    add("emg", "tibialis_anterior", "the other side: a symmetric loss points to a diffuse process", other);
  }
  return { question, steps: [...ncs, ...needle, ...chosen.values()] };
}
