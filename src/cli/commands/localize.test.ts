import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEV_CASES, devCase } from "../../paths.js";
import { run } from "../test-helpers/run.js";

const SEED = readFileSync(devCase("seed-004-neoplastic-plexopathy.json"), "utf8");
const CASES = DEV_CASES;

describe("locus localize", () => {
  it("prints the ranked localizations with bars, reasons and red flags", async () => {
    const r = await run(["localize", "seed.json"], { "seed.json": SEED });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Where is the lesion\?\n 1\. █+░* +\d+% +right sacral plexus/);
    expect(r.out).toMatch(/CRITICAL Cancer history with a plexopathy/);
    expect(r.out).toMatch(/atlas 1\.\d+\.\d+/);
  });
  it("gives the stable JSON shape", async () => {
    const r = await run(["localize", "seed.json", "--format", "json"], { "seed.json": SEED });
    const a = JSON.parse(r.out);
    expect(a.atlasVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(a.hypotheses[0].lesions).toEqual([{ level: "plexus", sites: ["sacral_plexus"], side: "right" }]);
    for (const key of ["probability", "explains", "against", "unexplained"])
      expect(a.hypotheses[0]).toHaveProperty(key);
    expect(a.differential.conditions[0].id).toBe("neoplastic_lumbosacral_plexopathy");
  });
  it("writes Markdown", async () => {
    const r = await run(["localize", "-f", "md", "seed.json"], { "seed.json": SEED });
    expect(r.out).toMatch(/^# Locus report: seed-004/);
    expect(r.out).toMatch(/\| 1 \| right sacral plexus \|/);
  });
  it("reads a clinic note", async () => {
    const note =
      "A 50-year-old man. Left ankle dorsiflexion was 2/5 and eversion 3/5, inversion 5/5. The left superficial peroneal sensory response was absent.";
    const r = await run(["localize", "note.txt"], { "note.txt": note });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/read as a clinic note/);
  });
  it("answers a broken case with its errors and exit 1", async () => {
    const r = await run(["localize", "bad.json"], {
      "bad.json":
        '{"format": "locus-case/1", "id": "x", "findings": [{"kind": "emg", "muscle": "tibialis_anterio"}]}',
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/tibialis_anterior/);
  });
  it("refuses an unknown format with exit 2", async () => {
    expect((await run(["localize", "seed.json", "-f", "pdf"], { "seed.json": SEED })).code).toBe(2);
    expect((await run(["localize", "missing.json"])).code).toBe(2);
  });
});

describe("locus eval", () => {
  it("scores the development set as FORMAT.md says", async () => {
    const r = await run(["eval", CASES, "--json"]);
    const report = JSON.parse(r.out);
    expect(report.summary.cases).toBeGreaterThanOrEqual(20);
    for (const key of ["exact", "overlap", "top3", "diagnosisTop1", "diagnosisTop3", "medianMs", "p95Ms"])
      expect(report.summary).toHaveProperty(key);
    const seed = report.cases.find((c: { id: string }) => c.id === "seed-004-neoplastic-plexopathy");
    expect(seed).toMatchObject({ exact: true, overlap: true, top3: true, diagnosisTop1: true });
  });
  it("prints a table and a summary line", async () => {
    const r = await run(["eval", CASES]);
    expect(r.out).toMatch(/cases: exact \d+%, overlap \d+%, top-3 \d+%, diagnosis top-1 \d+%/);
  });
  it("exits 2 for a folder it cannot read", async () => {
    expect((await run(["eval", "/nonexistent-folder"])).code).toBe(2);
  });
});
