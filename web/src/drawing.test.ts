import { describe, expect, it } from "vitest";
import { getAtlas } from "../../src/atlas/index.js";
import { atlasOverview } from "../../src/server/routes/atlas.js";
import {
  bodyShapes,
  DRAWN_REGIONS,
  legOutlines,
  musclePoint,
  PLACED_MUSCLES,
  VIEW_HEIGHT,
  VIEW_WIDTH,
} from "./bodyShapes.js";
import { layout } from "./components/Schematic.js";
import { territoryOf } from "./territory.js";
import type { AtlasOverview, Hypothesis } from "./types.js";

const overview = JSON.parse(JSON.stringify(atlasOverview(getAtlas()))) as AtlasOverview;
const hypothesis = (lesions: Hypothesis["lesions"]): Hypothesis => ({
  lesions,
  probability: 1,
  explains: [],
  against: [],
  unexplained: [],
  detail: [],
  score: 0,
});

describe("the body map drawing", () => {
  it("draws every skin region of the atlas, on each side (midline regions once), inside the picture", () => {
    expect([...DRAWN_REGIONS].sort()).toEqual(getAtlas().ids("region").sort());
    const shapes = bodyShapes();
    for (const r of getAtlas().data.regions) {
      const sides = new Set(shapes.filter((s) => s.region === r.id).map((s) => s.side));
      expect(sides, r.id).toEqual(r.midline ? new Set(["midline"]) : new Set(["left", "right"]));
    }
    for (const s of shapes)
      for (const pair of s.points.split(" ")) {
        const [x, y] = pair.split(",").map(Number) as [number, number];
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(VIEW_WIDTH);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(VIEW_HEIGHT);
      }
    expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length);
  });

  it("places muscle markers only for atlas muscles, inside the picture, on the right leg for the right side", () => {
    const ids = new Set(getAtlas().ids("muscle"));
    for (const m of PLACED_MUSCLES) expect(ids.has(m), m).toBe(true);
    for (const m of getAtlas().ids("muscle"))
      for (const side of ["right", "left"] as const) {
        const p = musclePoint(m, side);
        if (!p) continue;
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(VIEW_WIDTH);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(VIEW_HEIGHT);
      }
    expect(musclePoint("tibialis_anterior", "right")!.x).toBeLessThan(VIEW_WIDTH / 2);
    expect(musclePoint("gastrocnemius_medial_head", "right")!.x).toBeGreaterThan(VIEW_WIDTH / 2);
    expect(musclePoint("paraspinal_L5", "left")).toMatchObject({ view: "back" });
  });

  it("puts the patient's right leg on the viewer's left in front, on the viewer's right from behind", () => {
    const x = (view: string, side: string) =>
      bodyShapes().find((s) => s.view === view && s.side === side && s.region === "thigh_lateral")!.centre[0];
    expect(x("front", "right")).toBeLessThan(VIEW_WIDTH / 2);
    expect(x("back", "right")).toBeGreaterThan(VIEW_WIDTH / 2);
  });
});

describe("a lesion's territory", () => {
  it("shades what a right sacral plexus lesion reaches and not the femoral skin", () => {
    const t = territoryOf(
      overview,
      hypothesis([{ level: "plexus", sites: ["sacral_plexus"], side: "right" }]),
    );
    expect(t.regions.get("right:sole_medial")).toBeGreaterThan(0.5);
    expect(t.regions.has("left:sole_medial")).toBe(false);
    expect(t.regions.has("right:thigh_anterior")).toBe(false);
    expect(t.muscles.get("right:tibialis_anterior")).toBeGreaterThan(0.5);
    expect(t.lesionNodes.get("sacral_plexus")).toEqual(new Set(["right"]));
    expect(t.reachedNodes.has("sciatic")).toBe(true);
    expect(t.reachedNodes.has("femoral")).toBe(false);
  });

  it("follows a nerve segment to the nerve and its branches only", () => {
    const t = territoryOf(
      overview,
      hypothesis([{ level: "nerve", sites: ["common_peroneal@fibular_head"], side: "left" }]),
    );
    expect(t.lesionNodes.has("common_peroneal")).toBe(true);
    expect(t.reachedNodes.has("deep_peroneal")).toBe(true);
    expect(t.reachedNodes.has("tibial")).toBe(false);
    expect(t.muscles.has("left:gastrocnemius_medial_head")).toBe(false);
    expect(t.regions.get("left:first_web_space")).toBeGreaterThan(0);
  });

  it("draws nothing for a diffuse process but names it", () => {
    const t = territoryOf(overview, hypothesis([{ level: "polyneuropathy", sites: [], side: "bilateral" }]));
    expect(t.regions.size).toBe(0);
    expect(t.diffuse).toHaveLength(1);
  });

  it("lays out every root, plexus element and nerve in the schematic once", () => {
    const { nodes } = layout(overview);
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of overview.nerves) expect(ids).toContain(n.id);
    for (const p of overview.plexus) expect(ids).toContain(p.id);
    expect(ids).toContain("L5");
  });
});

describe("the leg chart's outlines", () => {
  it("outline each leg front and back and each sole, inside the picture, around the regions they bound", () => {
    const outlines = legOutlines();
    expect(outlines.map((o) => o.id).sort()).toEqual(
      ["back:back", "back:sole", "front:front"].flatMap((v) => [`${v}:left`, `${v}:right`]).sort(),
    );
    for (const o of outlines) {
      const numbers = o.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThanOrEqual(VIEW_WIDTH);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...ys)).toBeLessThanOrEqual(VIEW_HEIGHT);
    }
    // the right leg is on the viewer's left in front, on the viewer's right behind
    const centre = (id: string) => {
      const n = outlines
        .find((o) => o.id === id)!
        .d.match(/-?\d+(\.\d+)?/g)!
        .map(Number);
      const xs = n.filter((_, i) => i % 2 === 0);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(centre("front:front:right")).toBeLessThan(VIEW_WIDTH / 2);
    expect(centre("back:back:right")).toBeGreaterThan(VIEW_WIDTH / 2);
  });

  it("draws the calf wider than the ankle and the knee narrower than the thigh, as a leg is", () => {
    const width = (view: "front" | "back", y: number) => {
      const d = legOutlines().find((o) => o.id === `${view}:${view}:right`)!.d;
      const xs = points(d)
        .filter(([, py]) => Math.abs(py - y) < 0.01)
        .map(([px]) => px);
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(width("back", 276)).toBeGreaterThan(width("back", 376) + 15);
    expect(width("front", 80)).toBeGreaterThan(width("front", 240) + 10);
  });
});

const points = (text: string): [number, number][] => {
  const n = text.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return n.filter((_, i) => i % 2 === 0).map((x, i) => [x, n[2 * i + 1]!]);
};

/** Inside the polygon, or on its edge (within a tenth of a unit). */
function inside([x, y]: [number, number], poly: [number, number][]): boolean {
  let odd = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    const len = Math.hypot(xj - xi, yj - yi);
    const t =
      len === 0 ? 0 : Math.max(0, Math.min(1, ((x - xi) * (xj - xi) + (y - yi) * (yj - yi)) / len ** 2));
    if (Math.hypot(x - (xi + t * (xj - xi)), y - (yi + t * (yj - yi))) < 0.1) return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

describe("the regions of the leg chart", () => {
  const shapes = bodyShapes();
  const on = (view: string, region: string, side = "right") =>
    shapes
      .filter((s) => s.view === view && s.side === side && s.region === region)
      .flatMap((s) => points(s.points));
  /** How far towards the midline a point is, on the right leg in front (the right leg is on the viewer's left). */
  const medial = ([x]: [number, number]) => x;

  it("has a shape for every region the page shades or marks, on the side it belongs to", () => {
    const keys = new Set(shapes.map((s) => s.key));
    for (const site of overview.sites)
      for (const r of site.regions) {
        const region = overview.regions.find((x) => x.id === r.id)!;
        const wanted = region.midline ? [`midline:${r.id}`] : [`right:${r.id}`, `left:${r.id}`];
        for (const k of wanted) expect(keys.has(k), `${site.id} -> ${k}`).toBe(true);
      }
    for (const r of overview.regions)
      expect(
        shapes.some((s) => s.region === r.id),
        r.id,
      ).toBe(true);
  });

  it("keeps every shape of a leg inside that leg's outline", () => {
    const outlines = new Map(legOutlines().map((o) => [o.id, points(o.d)]));
    for (const s of shapes) {
      if (s.side === "midline") {
        expect(s.outline).toBeNull();
        continue;
      }
      const outline = outlines.get(s.outline ?? "");
      expect(outline, s.id).toBeDefined();
      for (const pt of points(s.points)) expect(inside(pt, outline!), `${s.id} at ${pt}`).toBe(true);
    }
  });

  it("draws the front of the thigh as oblique bands, lower on the inner side (L1 groin, L2, L3 to the knee)", () => {
    for (const region of ["groin", "thigh_anterior"]) {
      const pts = on("front", region);
      const innerMost = Math.max(...pts.map(medial));
      const outerMost = Math.min(...pts.map(medial));
      const lowest = (keep: (p: [number, number]) => boolean) =>
        Math.max(...pts.filter(keep).map(([, y]) => y));
      // the lower border falls from the outer to the inner thigh
      const outer = lowest((p) => medial(p) < outerMost + 4);
      const inner = lowest((p) => medial(p) > innerMost - 4);
      expect(Math.abs(inner - outer), region).toBeGreaterThan(15);
    }
    expect(Math.max(...on("front", "thigh_medial").map(([, y]) => y))).toBeGreaterThan(200);
  });

  it("runs L4 (leg_medial) down the inner shin to the ankle and L5 (leg_anterolateral) outside it onto the ankle's front", () => {
    const l4 = on("front", "leg_medial");
    const l5 = on("front", "leg_anterolateral");
    expect(Math.min(...l4.map(([, y]) => y))).toBeLessThan(246);
    expect(Math.max(...l4.map(([, y]) => y))).toBeGreaterThan(380);
    expect(Math.max(...l5.map(([, y]) => y))).toBeGreaterThan(385);
    // at mid-shin the L4 strip is the inner one; the L5 band narrows towards the inner ankle
    const at = (pts: [number, number][], y: number) =>
      pts.filter(([, py]) => Math.abs(py - y) < 2.1).map(medial);
    expect(Math.min(...at(l4, 300))).toBeGreaterThanOrEqual(Math.max(...at(l5, 300)) - 0.2);
    expect(Math.max(...at(l5, 360))).toBeGreaterThan(Math.max(...at(l5, 250)) + 2);
  });

  it("splits the sole between the plantar nerves along a line from the fourth toe to the heel", () => {
    const sole = (region: string) => on("back", region).filter(([, y]) => y >= 420);
    // on the sole of the right foot (seen from below, on the viewer's right) the inner edge is nearer the midline
    const inner = ([x]: [number, number]) => -x;
    const medialPlantar = sole("sole_medial");
    const border = (y: number) =>
      Math.min(...medialPlantar.filter(([, py]) => Math.abs(py - y) < 2.1).map((p) => inner(p)));
    expect(border(460)).toBeGreaterThan(border(422) + 1);
  });
});
