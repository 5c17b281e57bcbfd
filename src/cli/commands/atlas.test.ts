import { describe, expect, it } from "vitest";
import { ATLAS_VERSION } from "../../atlas/index.js";
import { main } from "../index.js";
import { memoryIo } from "../io.js";

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(["node", "locus", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("locus atlas <word>", () => {
  it("shows EHL with its L5 (major) supply through the deep peroneal nerve and its sources", async () => {
    const { code, out } = await run("atlas", "EHL");
    expect(code).toBe(0);
    expect(out).toContain("extensor hallucis longus (extensor_hallucis_longus, muscle)");
    expect(out).toMatch(/L5 major \d+%/);
    expect(out).toContain("deep_peroneal");
    expect(out).toContain("L5 -> lumbosacral_trunk -> sacral_plexus -> sciatic");
    expect(out).toMatch(/preston2020: Preston DC, Shapiro BE \(2020\)/);
    expect(out).toContain(`atlas ${ATLAS_VERSION}`);
  });

  it("--json gives the muscle shape of the issue", async () => {
    const { code, out } = await run("atlas", "EHL", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      version: ATLAS_VERSION,
      id: "extensor_hallucis_longus",
      kind: "muscle",
      name: "extensor hallucis longus",
      nerve: "deep_peroneal",
      segment: "deep_peroneal",
    });
    expect(json.roots).toContainEqual({ root: "L5", weight: expect.any(Number), role: "major" });
    for (const r of json.roots) expect(Object.keys(r).sort()).toEqual(["role", "root", "weight"]);
    expect(json.movements).toContain("great_toe_extension");
    expect(json.sources).toContain("preston2020");
  });

  it("accepts several words as one phrase, and names the synonym it resolved", async () => {
    const { code, out } = await run("atlas", "knee", "jerk");
    expect(code).toBe(0);
    expect(out).toContain('(patellar, reflex), from "knee jerk"');
    expect(out).toContain("via the femoral nerve");
  });

  it("shows what a lesion at a site reaches, with shares", async () => {
    const { code, out } = await run("atlas", "common_peroneal@fibular_head");
    expect(code).toBe(0);
    expect(out).toContain("a lesion here reaches:");
    expect(out).toMatch(/muscles: .*tibialis_anterior/);
    expect(out).not.toContain("biceps_femoris_short_head");
  });

  it("shows every dermatome map's view of a region and the sources that differ", async () => {
    const { code, out } = await run("atlas", "great_toe");
    expect(code).toBe(0);
    expect(out).toContain("keegan1948: L4, L5");
    expect(out).toContain("sources differ");
  });

  it("an unknown word exits 1 and suggests the nearest ids", async () => {
    const { code, err } = await run("atlas", "tibialis", "anterio");
    expect(code).toBe(1);
    expect(err).toContain('"tibialis anterio" is not in the atlas');
    expect(err).toContain("`tibialis_anterior`");
  });

  it("an unknown word with --json gives an error object", async () => {
    const { code, out } = await run("atlas", "gastrocnemus", "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.error).toContain("gastrocnemus");
    expect(json.nearest).toContain("gastrocnemius");
  });

  it("no word is a usage error", async () => {
    const { code, err } = await run("atlas");
    expect(code).toBe(2);
    expect(err).toContain("--list");
  });
});

describe("locus atlas --list", () => {
  it("--json lists every id by kind with the version", async () => {
    const { code, out } = await run("atlas", "--list", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.version).toBe(ATLAS_VERSION);
    for (const k of ["root", "plexus", "nerve", "muscle", "movement", "reflex", "region", "study"]) {
      expect(Array.isArray(json.ids[k]), k).toBe(true);
      expect(json.ids[k].length, k).toBeGreaterThan(0);
    }
    expect(json.ids.root).toEqual(expect.arrayContaining(["L1", "L5", "S1", "S4"]));
    expect(json.ids.plexus).toEqual(["lumbar_plexus", "lumbosacral_trunk", "sacral_plexus"]);
    expect(json.ids.muscle).toContain("paraspinal_S2");
    expect(json.ids.study).toContain("tibial_h_reflex");
    expect(json.ids.site).toContain("tibial@tarsal_tunnel");
  });

  it("prints a readable list", async () => {
    const { code, out } = await run("atlas", "--list");
    expect(code).toBe(0);
    expect(out).toContain(`Locus atlas ${ATLAS_VERSION}`);
    expect(out).toMatch(/muscle \(\d+\)/);
  });
});
