import { afterEach, describe, expect, it } from "vitest";
import { getAtlas } from "../../atlas/index.js";
import { type TestApp, testApp } from "../test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

interface Overview {
  version: string;
  movements: { id: string }[];
  regions: { id: string; roots: { root: string }[]; cutaneousNerves: { id: string; share: number }[] }[];
  sites: { id: string; formatId: string; level: string; muscles: { id: string; share: number }[] }[];
  nerves: { id: string; parent: string }[];
  plexus: { id: string; fedBy?: string }[];
}

describe("GET /api/v1/atlas", () => {
  it("answers every entry word, region supply and lesion site the page needs", async () => {
    t = await testApp();
    const res = await t.app.request("/api/v1/atlas");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Overview;
    const atlas = getAtlas();
    expect(body.version).toBe(atlas.version);
    expect(body.movements.map((m) => m.id)).toEqual(atlas.ids("movement"));
    expect(body.regions.map((r) => r.id)).toEqual(atlas.ids("region"));
    expect(body.sites.map((s) => s.id)).toEqual(atlas.ids("site"));
    const medialThigh = body.regions.find((r) => r.id === "thigh_medial")!;
    expect(medialThigh.cutaneousNerves.map((n) => n.id).sort()).toEqual(["femoral", "obturator"]);
    expect(medialThigh.roots.map((r) => r.root)).toContain("L3");
  });

  it("says what each site reaches, as the atlas does", async () => {
    t = await testApp();
    const body = (await (await t.app.request("/api/v1/atlas")).json()) as Overview;
    const fibularHead = body.sites.find((s) => s.id === "common_peroneal@fibular_head")!;
    expect(fibularHead.formatId).toBe("common_peroneal@fibular_head");
    const ta = fibularHead.muscles.find((m) => m.id === "tibialis_anterior");
    expect(ta?.share).toBeCloseTo(
      getAtlas().reach("common_peroneal@fibular_head", "muscle:tibialis_anterior"),
      2,
    );
    expect(fibularHead.muscles.some((m) => m.id === "gastrocnemius_medial_head")).toBe(false);
    expect(body.nerves.find((n) => n.id === "sural")?.parent).toBeTruthy();
    expect(body.plexus.find((p) => p.id === "sacral_plexus")?.fedBy).toBe("lumbosacral_trunk");
  });
});
