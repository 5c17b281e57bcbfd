/**
 * Our own drawing of both legs, front and back, cut into FORMAT.md's skin regions. Each leg is
 * described once, in "medial to lateral" (s from 0 to 1) and "top to bottom" (y) coordinates, and
 * mirrored into place: in the front view the patient's right leg is on the viewer's left, in the
 * back view on the viewer's right. Soles are drawn under the back view. The regions' shapes
 * (legRegions.ts) follow the usual dermatome and cutaneous-nerve charts: Lee, McPhee & Stringer
 * 2008 (Clin Anat 21:363-373), Keegan & Garrett 1948 (Anat Rec 102:409-437) and Gray's Anatomy,
 * 42nd ed.; the colours laid over them come from the atlas's dermatome and nerve tables.
 */
import { LEG, type Piece, type Profile, type Pt } from "./legRegions.js";
import type { Side } from "./types.js";

export type View = "front" | "back";
type Knots = [y: number, medial: number, width: number][];

/**
 * Distance of the leg's medial edge from the midline and its width, down the leg: knots of an
 * outline read off the usual front and back charts of the lower limb (thigh tapering to the knee,
 * the calf's bulge, the narrow ankle above the malleoli, the foot; the sole from below with its
 * medial arch and round heel). Between knots the outline is a smooth curve (see `atProfile`).
 */
const PROFILES: Record<Profile, Knots> = {
  front: [
    [40, 7, 56],
    [80, 8, 50],
    [130, 10, 44],
    [185, 14, 37],
    [215, 15, 37],
    [240, 16, 33],
    [275, 15, 35],
    [320, 17, 28],
    [360, 19, 20],
    [378, 19, 19],
    [392, 16, 25],
    [420, 12, 34],
    [445, 11, 37],
    [460, 13, 33],
  ],
  back: [
    [40, 7, 56],
    [70, 6, 58],
    [95, 8, 50],
    [150, 11, 43],
    [200, 14, 37],
    [240, 16, 35],
    [275, 14, 40],
    [310, 16, 34],
    [350, 19, 23],
    [375, 20, 20],
    [395, 19, 22],
    [408, 21, 18],
  ],
  sole: [
    [420, 14, 28],
    [428, 12, 33],
    [445, 15, 29],
    [462, 17, 24],
    [474, 17, 23],
    [482, 20, 17],
  ],
};

export const VIEW_WIDTH = 200;
export const VIEW_HEIGHT = 490;

/** Midline regions, drawn once (raw polygons in view coordinates). */
const MIDLINE: { region: string; view: View; points: [number, number][] }[] = [
  {
    region: "genital",
    view: "front",
    points: [
      [93, 40],
      [107, 40],
      [106, 70],
      [100, 76],
      [94, 70],
    ],
  },
  {
    region: "low_back",
    view: "back",
    points: [
      [44, 4],
      [156, 4],
      [162, 36],
      [38, 36],
    ],
  },
  {
    region: "perineum",
    view: "back",
    points: [
      [94, 62],
      [106, 62],
      [106, 92],
      [94, 92],
    ],
  },
  {
    region: "perianal",
    view: "back",
    points: [
      [96, 66],
      [104, 66],
      [104, 74],
      [96, 74],
    ],
  },
  {
    region: "coccyx",
    view: "back",
    points: [
      [96, 44],
      [104, 44],
      [104, 56],
      [96, 56],
    ],
  },
];

/** A cubic Hermite curve through the knots (Catmull-Rom slopes), one column of the profile. */
function smooth(profile: Knots, i: number, y: number, col: 1 | 2): number {
  const at = (k: number) => profile[Math.max(0, Math.min(profile.length - 1, k))]!;
  const a = at(i - 1);
  const b = at(i);
  const slope = (k: number) => {
    const before = at(k - 1);
    const after = at(k + 1);
    return after[0] === before[0] ? 0 : (after[col] - before[col]) / (after[0] - before[0]);
  };
  const h = b[0] - a[0];
  const t = (y - a[0]) / h;
  const t2 = t * t;
  const t3 = t2 * t;
  return (
    (2 * t3 - 3 * t2 + 1) * a[col] +
    (t3 - 2 * t2 + t) * h * slope(i - 1) +
    (-2 * t3 + 3 * t2) * b[col] +
    (t3 - t2) * h * slope(i)
  );
}

function atProfile(profile: Knots, y: number): [number, number] {
  const first = profile[0]!;
  if (y <= first[0]) return [first[1], first[2]];
  for (let i = 1; i < profile.length; i++)
    if (y <= profile[i]![0]) return [smooth(profile, i, y, 1), smooth(profile, i, y, 2)];
  const last = profile[profile.length - 1]!;
  return [last[1], last[2]];
}

/** Which way "lateral" points on screen for a leg in a view. */
const direction = (view: View, side: Side) =>
  view === "front" ? (side === "right" ? -1 : 1) : side === "right" ? 1 : -1;

/** A point of the leg's own coordinates (s medial 0 to lateral 1, y) on screen. */
function place(profile: Profile, view: View, side: Side, [s, y]: Pt): [number, number] {
  const [m, w] = atProfile(PROFILES[profile], y);
  return [VIEW_WIDTH / 2 + direction(view, side) * (m + s * w), y];
}

/** Edges are cut every few units, so that they follow the outline's curves once placed. */
const STEP = 4;
function polygon(piece: Piece, side: Side): [number, number][] {
  const out: [number, number][] = [];
  piece.points.forEach((a, i) => {
    const b = piece.points[(i + 1) % piece.points.length]!;
    const n = Math.max(1, Math.ceil(Math.abs(b[1] - a[1]) / STEP), Math.ceil(Math.abs(b[0] - a[0]) * 8));
    for (let k = 0; k < n; k++) {
      const t = k / n;
      out.push(place(piece.profile, piece.view, side, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]));
    }
  });
  return out;
}

const fmt = (pts: [number, number][]) => pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" ");

export interface Shape {
  /** Unique per piece of drawing. */
  id: string;
  /** `${side}:${region}`, or `midline:${region}`. */
  key: string;
  region: string;
  side: Side | "midline";
  view: View;
  points: string;
  /** Where to put a label or marker. */
  centre: [number, number];
  /** The leg outline (an id of `legOutlines`) the shape lies in; null for midline shapes. */
  outline: string | null;
}

const centreOf = (pts: [number, number][]): [number, number] => [
  pts.reduce((s, q) => s + q[0], 0) / pts.length,
  pts.reduce((s, q) => s + q[1], 0) / pts.length,
];

/** Every clickable shape of the drawing. */
export function bodyShapes(): Shape[] {
  const out: Shape[] = [];
  for (const side of ["right", "left"] as const)
    for (const piece of LEG) {
      const pts = polygon(piece, side);
      out.push({
        id: `${piece.view}:${side}:${piece.region}:${out.length}`,
        key: `${side}:${piece.region}`,
        region: piece.region,
        side,
        view: piece.view,
        points: fmt(pts),
        centre: centreOf(pts),
        outline: `${piece.view}:${piece.profile}:${side}`,
      });
    }
  for (const m of MIDLINE)
    out.push({
      id: `${m.view}:midline:${m.region}`,
      key: `midline:${m.region}`,
      region: m.region,
      side: "midline",
      view: m.view,
      points: fmt(m.points),
      centre: centreOf(m.points),
      outline: null,
    });
  return out;
}

/** The outline of each leg in each view (and of each sole), drawn over the regions. */
export function legOutlines(): { id: string; view: View; d: string }[] {
  const out: { id: string; view: View; d: string }[] = [];
  const parts: [View, Profile][] = [
    ["front", "front"],
    ["back", "back"],
    ["back", "sole"],
  ];
  for (const side of ["right", "left"] as const)
    for (const [view, profile] of parts) {
      const knots = PROFILES[profile];
      const [top, bottom] = [knots[0]![0], knots[knots.length - 1]![0]];
      const all: Pt[] = [
        [0, top],
        [0, bottom],
        [1, bottom],
        [1, top],
      ];
      const pts = polygon({ region: "", view, profile, points: all }, side);
      out.push({ id: `${view}:${profile}:${side}`, view, d: `M${fmt(pts).replaceAll(" ", " L")} Z` });
    }
  return out;
}

/** The regions the drawing has, for the test that it covers the atlas. */
export const DRAWN_REGIONS = new Set([...LEG.map((l) => l.region), ...MIDLINE.map((m) => m.region)]);

/**
 * Where each muscle's belly is drawn, as a marker for the muscles a lesion reaches: the view, how far
 * from medial (0) to lateral (1) across the leg, and the height, in the leg's own coordinates. These
 * are schematic positions of our drawing, for orientation only; nothing in the reasoning reads them.
 * Midline muscles (paraspinals, anal sphincter) sit beside or on the midline of the back view.
 */
const MUSCLE_AT: Record<string, [View, number, number, ("front" | "back" | "sole")?]> = {
  iliopsoas: ["front", 0.3, 50],
  tensor_fasciae_latae: ["front", 0.88, 62],
  sartorius: ["front", 0.4, 100],
  rectus_femoris: ["front", 0.57, 120],
  vastus_intermedius: ["front", 0.6, 165],
  vastus_lateralis: ["front", 0.86, 150],
  vastus_medialis: ["front", 0.22, 182],
  adductor_brevis: ["front", 0.2, 72],
  adductor_longus: ["front", 0.12, 92],
  gracilis: ["front", 0.06, 140],
  tibialis_anterior: ["front", 0.62, 280],
  extensor_digitorum_longus: ["front", 0.8, 300],
  extensor_hallucis_longus: ["front", 0.52, 335],
  peroneus_longus: ["front", 0.93, 268],
  peroneus_brevis: ["front", 0.92, 335],
  extensor_digitorum_brevis: ["front", 0.68, 402],
  first_dorsal_interosseous_pedis: ["front", 0.33, 424],
  gluteus_medius: ["back", 0.86, 48],
  gluteus_minimus: ["back", 0.93, 62],
  piriformis: ["back", 0.55, 50],
  gluteus_maximus: ["back", 0.45, 72],
  adductor_magnus: ["back", 0.1, 130],
  semitendinosus: ["back", 0.2, 168],
  semimembranosus: ["back", 0.3, 200],
  biceps_femoris_long_head: ["back", 0.68, 160],
  biceps_femoris_short_head: ["back", 0.78, 208],
  gastrocnemius_medial_head: ["back", 0.3, 272],
  gastrocnemius_lateral_head: ["back", 0.62, 272],
  soleus: ["back", 0.46, 322],
  tibialis_posterior: ["back", 0.4, 300],
  flexor_digitorum_longus: ["back", 0.25, 345],
  flexor_hallucis_longus: ["back", 0.6, 348],
  flexor_hallucis_brevis: ["back", 0.22, 428, "sole"],
  abductor_hallucis: ["back", 0.08, 446, "sole"],
  abductor_digiti_minimi_pedis: ["back", 0.9, 446, "sole"],
};

export interface MusclePoint {
  view: View;
  x: number;
  y: number;
}

export function musclePoint(muscle: string, side: Side): MusclePoint | undefined {
  const para = /^paraspinal_(L[1-5]|S[12])$/.exec(muscle);
  if (para) {
    const order = ["L1", "L2", "L3", "L4", "L5", "S1", "S2"].indexOf(para[1]!);
    return { view: "back", x: VIEW_WIDTH / 2 + direction("back", side) * 12, y: 8 + order * 4.2 };
  }
  if (muscle === "quadratus_lumborum")
    return { view: "back", x: VIEW_WIDTH / 2 + direction("back", side) * 34, y: 20 };
  if (muscle === "external_anal_sphincter") return { view: "back", x: VIEW_WIDTH / 2, y: 80 };
  const at = MUSCLE_AT[muscle];
  if (!at) return undefined;
  const [view, s, y, profile] = at;
  const [m, w] = atProfile(PROFILES[profile ?? view], y);
  return { view, x: VIEW_WIDTH / 2 + direction(view, side) * (m + s * w), y };
}

/** The muscles the drawing places, for the test that they are atlas muscles. */
export const PLACED_MUSCLES = Object.keys(MUSCLE_AT);
