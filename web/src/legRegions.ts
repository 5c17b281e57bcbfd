/**
 * The shapes of the atlas's skin regions on one leg, drawn after the usual dermatome and
 * cutaneous-nerve charts of the lower limb. Each region is a polygon in the leg's own coordinates:
 * `s` runs from the medial (0) to the lateral (1) edge of the leg's outline at that height, `y` down
 * the picture (front view 40-460: thigh to 200, knee to 240, shin to 370, ankle, foot, toes; back
 * view 40-408: buttock to ~100, thigh to 240, calf, heel; the sole 420-482, toes at the top).
 * bodyShapes.ts maps them onto both legs; edges follow the outline's curves.
 *
 * Which region lies where follows, in our own drawing:
 * - Lee MWL, McPhee RW, Stringer MD. An evidence-based approach to human dermatomes. Clin Anat
 *   2008;21:363-373 (its lower-limb map: L1-L3 as oblique bands across the front of the thigh, L3
 *   reaching the medial knee, L4 down the medial leg to the medial foot, L5 across the lateral leg
 *   to the dorsum and the great toe, S1 the lateral foot, the sole and the back of the calf, S2 a
 *   strip down the back of the thigh);
 * - Keegan JJ, Garrett FD. The segmental distribution of the cutaneous nerves in the limbs of man.
 *   Anat Rec 1948;102:409-437 (the oblique course of the bands, the L4/L5 line down the front of
 *   the shin);
 * - Gray's Anatomy, 42nd ed. (Standring S, ed., 2020), the cutaneous nerves of the lower limb: the
 *   lateral femoral cutaneous nerve on the anterolateral thigh, the femoral and obturator fields on
 *   the front and inner thigh, the saphenous nerve on the medial leg and medial foot, the superficial
 *   peroneal nerve on the dorsum, the deep peroneal nerve in the first web space, the sural nerve on
 *   the lateral ankle and foot, the posterior femoral cutaneous nerve on the back of the thigh, the
 *   medial and lateral plantar nerves on the sole (split along the fourth toe) and the calcaneal
 *   branches on the heel.
 * Which root and nerve supply each region is the atlas's (src/atlas/data); only geometry is here.
 */
import type { View } from "./bodyShapes.js";

export type Profile = "front" | "back" | "sole";
export type Pt = [s: number, y: number];

export interface Piece {
  region: string;
  view: View;
  profile: Profile;
  points: Pt[];
}

const piece = (region: string, view: View, points: Pt[], profile: Profile = view): Piece => ({
  region,
  view,
  profile,
  points,
});

// Shared borders, so neighbouring regions meet without gaps.
/** Below the suprapubic skin, along the inguinal ligament from the pubis up to the hip. */
const INGUINAL: Pt[] = [
  [0, 56],
  [0.5, 50],
  [0.55, 40],
];
/** The lower edge of the groin band, falling from the hip to the inner thigh. */
const GROIN_LOW: Pt[] = [
  [0.84, 54],
  [0.5, 62],
  [0.14, 72],
  [0, 76],
];
/** The lateral femoral cutaneous field's inner border, an oval on the outer thigh. */
const LFCN: Pt[] = [
  [0.84, 54],
  [0.66, 95],
  [0.63, 135],
  [0.67, 165],
  [0.8, 190],
];
/** The oblique line between the upper (L2) and lower (L3) bands of the front of the thigh. */
const L2_L3: Pt[] = [
  [0.67, 165],
  [0.35, 140],
  [0.12, 118],
];
/** The top of the knee, lower medially. */
const KNEE_TOP: Pt[] = [
  [0, 206],
  [0.3, 201],
  [0.8, 190],
  [1, 200],
];
/** The L4/L5 line down the front of the shin to the front of the medial malleolus. */
const SHIN: Pt[] = [
  [0.55, 241],
  [0.45, 300],
  [0.3, 360],
  [0.2, 380],
];
/** The top of the dorsum, across the front of the ankle. */
const ANKLE_FRONT: Pt[] = [
  [0.2, 380],
  [0.45, 386],
  [0.75, 390],
];
/** The sural field's border, from the lateral malleolus along the outer foot. */
const SURAL_FRONT: Pt[] = [
  [0.75, 390],
  [0.86, 410],
  [0.88, 425],
  [0.9, 440],
];
/** The saphenous field's border along the inner foot, to the base of the great toe. */
const MEDIAL_FOOT: Pt[] = [
  [0.2, 380],
  [0.18, 405],
  [0.12, 430],
  [0, 440],
];
/** The gluteal fold. */
const GLUTEAL_FOLD: Pt[] = [
  [0, 92],
  [0.12, 95],
  [0.5, 100],
  [0.76, 103],
  [1, 104],
];
/** The posterior femoral cutaneous strip's outer border, down the back of the thigh. */
const BACK_THIGH_LATERAL: Pt[] = [
  [0.76, 103],
  [0.7, 170],
  [0.74, 240],
];
/** The popliteal crease, where the calf begins. */
const POPLITEAL: Pt[] = [
  [0, 246],
  [0.16, 244],
  [0.74, 240],
  [1, 240],
];
/** The back of the calf (S1, sural) and its medial (saphenous) and lateral borders. */
const CALF_MEDIAL: Pt[] = [
  [0.16, 244],
  [0.22, 300],
  [0.3, 360],
  [0.3, 395],
];
const CALF_LATERAL: Pt[] = [
  [0.74, 240],
  [0.7, 300],
  [0.62, 340],
  [0.6, 395],
];
/** The plantar nerves' border, from between the fourth and fifth toes back to the heel. */
const PLANTAR: Pt[] = [
  [0.62, 420],
  [0.58, 440],
  [0.5, 462],
];

const rev = (pts: Pt[]): Pt[] => [...pts].reverse();
const rect = (s0: number, s1: number, y0: number, y1: number): Pt[] => [
  [s0, y0],
  [s1, y0],
  [s1, y1],
  [s0, y1],
];

/** One leg's regions; the same list serves both legs. Finer regions come last, drawn over others. */
export const LEG: Piece[] = [
  // front: groin and thigh
  piece("suprapubic", "front", [[0, 40], ...rev(INGUINAL)]),
  piece("groin", "front", [...INGUINAL, [1, 40], [1, 50], ...GROIN_LOW]),
  piece("thigh_lateral", "front", [...LFCN, [1, 200], [1, 50]]),
  piece("thigh_anterior", "front", [...rev(GROIN_LOW).slice(1), ...LFCN.slice(1, 4), ...L2_L3.slice(1)]),
  piece("thigh_medial", "front", [[0, 76], [0.14, 72], ...rev(L2_L3), [0.8, 190], ...rev(KNEE_TOP).slice(2)]),
  // front: knee, shin and foot
  piece("knee_medial", "front", [
    [0, 206],
    [0.3, 201],
    [0.26, 222],
    [0.3, 242],
    [0, 244],
  ]),
  piece("knee_anterior", "front", [...KNEE_TOP.slice(1), [1, 238], [0.3, 242], [0.26, 222]]),
  piece("leg_medial", "front", [[0, 244], [0.3, 242], ...SHIN, [0, 384]]),
  piece("leg_anterolateral", "front", [
    [0.55, 241],
    [1, 238],
    [1, 345],
    [0.75, 372],
    ...rev(ANKLE_FRONT),
    ...rev(SHIN).slice(1, 3),
  ]),
  piece("ankle_lateral", "front", [
    [1, 345],
    [1, 412],
    [0.86, 410],
    [0.75, 390],
    [0.75, 372],
  ]),
  piece("foot_medial", "front", [[0, 384], ...MEDIAL_FOOT]),
  piece("foot_dorsum", "front", [
    ...ANKLE_FRONT,
    ...SURAL_FRONT.slice(1),
    [0.8, 440],
    [0.8, 460],
    [0.3, 460],
    [0.3, 440],
    ...rev(MEDIAL_FOOT).slice(1, 3),
  ]),
  piece("foot_lateral", "front", [
    [0.86, 410],
    [1, 412],
    [1, 440],
    [0.9, 440],
    [0.88, 425],
  ]),
  piece("great_toe", "front", [
    [0, 440],
    [0.12, 430],
    [0.3, 440],
    [0.3, 460],
    [0, 460],
  ]),
  piece("little_toe", "front", rect(0.8, 1, 440, 460)),
  // back: buttock and thigh
  piece("buttock", "back", [[0, 40], [1, 40], ...rev(GLUTEAL_FOLD)]),
  piece("thigh_medial", "back", [
    [0, 92],
    [0.12, 95],
    [0.12, 170],
    [0.16, 244],
    [0, 246],
  ]),
  piece("thigh_posterior", "back", [
    ...GLUTEAL_FOLD.slice(1, 4),
    ...BACK_THIGH_LATERAL.slice(1),
    [0.16, 244],
    [0.12, 170],
  ]),
  piece("thigh_lateral", "back", [[0.76, 103], [1, 104], [1, 240], ...rev(BACK_THIGH_LATERAL).slice(0, 2)]),
  // back: calf and heel
  piece("leg_medial", "back", [...POPLITEAL.slice(0, 2), ...CALF_MEDIAL.slice(1), [0, 395]]),
  piece("calf_posterior", "back", [...CALF_MEDIAL, ...rev(CALF_LATERAL)]),
  piece("calf_lateral", "back", [
    [0.74, 240],
    [1, 240],
    [1, 320],
    [0.7, 300],
  ]),
  piece("ankle_lateral", "back", [
    [0.7, 300],
    [1, 320],
    [1, 395],
    [0.6, 395],
    [0.62, 340],
  ]),
  piece("heel", "back", rect(0, 1, 395, 408)),
  // the soles, seen from below under the back view
  piece("sole_medial", "back", [[0, 420], ...PLANTAR, [0, 462]], "sole"),
  piece("sole_lateral", "back", [[0.62, 420], [1, 420], [1, 462], ...rev(PLANTAR).slice(0, 2)], "sole"),
  piece(
    "heel",
    "back",
    [
      [0, 462],
      [0.5, 462],
      [1, 462],
      [1, 482],
      [0, 482],
    ],
    "sole",
  ),
  // finer regions, drawn over the ones they lie in
  piece("genital_anterior", "front", [
    [0, 58],
    [0.1, 56],
    [0.1, 70],
    [0, 74],
  ]),
  piece("thigh_upper_medial", "front", [
    [0, 76],
    [0.14, 72],
    [0.14, 92],
    [0, 100],
  ]),
  piece("femoral_triangle", "front", [
    [0.16, 71],
    [0.5, 62],
    [0.34, 100],
  ]),
  piece("first_web_space", "front", [
    [0.28, 432],
    [0.38, 436],
    [0.4, 458],
    [0.3, 458],
  ]),
  piece("iliac_crest", "back", [
    [0.6, 40],
    [1, 40],
    [1, 54],
    [0.62, 50],
  ]),
  piece("buttock_lower", "back", [[0, 82], [0.5, 90], [1, 94], ...rev(GLUTEAL_FOLD)]),
];
