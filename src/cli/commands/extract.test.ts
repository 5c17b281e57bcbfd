import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEV_CASES } from "../../paths.js";
import { main } from "../index.js";
import { memoryIo } from "../io.js";
import { run } from "../test-helpers/run.js";

const note = [
  "A 52-year-old man with left foot drop since 3 weeks.",
  "Exam: left EHL 2/5, tibialis anterior 3/5. Ankle jerk absent on the left.",
  "No numbness.",
].join("\n");

describe("locus extract", () => {
  it("prints the case, the span of every finding and what it did not understand", async () => {
    const r = await run(["extract", "note.txt"], { "note.txt": note });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.case).toMatchObject({ format: "locus-case/1", patient: { age: 52, sex: "male" } });
    expect(out.case.findings).toContainEqual({
      kind: "strength",
      target: "extensor_hallucis_longus",
      mrc: 2,
      side: "left",
    });
    expect(out.case.findings).toContainEqual({
      kind: "reflex",
      reflex: "achilles",
      grade: "absent",
      side: "left",
    });
    const i = out.case.findings.findIndex(
      (f: { target?: string }) => f.target === "extensor_hallucis_longus",
    );
    const spans = out.spans.filter((s: { finding: number }) => s.finding === i);
    expect(spans.map((s: { text: string }) => s.text)).toContain("EHL");
    for (const s of out.spans) expect(note.slice(s.start, s.end)).toBe(s.text);
    expect(out.confidence).toHaveLength(out.case.findings.length);
    expect(Array.isArray(out.unrecognized)).toBe(true);
  });

  it("gives the case the id asked for, and can print the case alone", async () => {
    const r = await run(["extract", "note.txt", "--id", "clinic-7", "--case-only"], { "note.txt": note });
    const out = JSON.parse(r.out);
    expect(out.id).toBe("clinic-7");
    expect(out.spans).toBeUndefined();
  });

  it("exits 74 when the file cannot be read, as every command does", async () => {
    const r = await run(["extract", "missing.txt"]);
    expect(r.code).toBe(74);
    expect(r.err).toMatch(/cannot read missing\.txt/);
  });

  it("reports two readings of one finding that disagree, in the output and on standard error", async () => {
    const r = await run(["extract", "n.txt"], {
      "n.txt": "Left ankle dorsiflexion 4/5. Later: left ankle dorsiflexion 2/5.",
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0].message).toMatch(/ankle_dorsiflexion/);
    expect(r.err).toMatch(/warning: two readings/);
  });

  it("says so when nothing was recognised", async () => {
    const r = await run(["extract", "x.txt"], { "x.txt": "The weather was fine." });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).case.findings).toEqual([]);
    expect(r.err).toMatch(/no finding/);
  });
});

const CASES = DEV_CASES;

describe.skipIf(!existsSync(CASES))("locus eval-extract", () => {
  it("scores the shared cases and meets the seed targets", async () => {
    const io = memoryIo();
    // The cases and the seed texts are real files: read them from disk.
    const { readFile } = await import("node:fs/promises");
    io.read = (p: string) => readFile(p, "utf8");
    const code = await main(["node", "locus", "eval-extract", CASES, "--json"], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout);
    const seeds = out.cases.filter((c: { from: string }) => c.from === "source");
    expect(seeds.length).toBe(4);
    // Strict: kind, id, side and value right (a v1.1 others stands for the items it covers).
    expect(out.total.sources.strict.precision).toBeGreaterThanOrEqual(0.9);
    expect(out.total.sources.strict.recall).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(out.total.sources.byKind)).toEqual(
      expect.arrayContaining(["strength", "reflex", "sensory", "emg", "ncs", "imaging", "lab"]),
    );
    for (const c of seeds) expect(c.localization).toHaveProperty("same");
  });

  it("prints a table per kind by default, and exits 74 for a folder that is not there", async () => {
    const io = memoryIo();
    const { readFile } = await import("node:fs/promises");
    io.read = (p: string) => readFile(p, "utf8");
    expect(await main(["node", "locus", "eval-extract", CASES], io)).toBe(0);
    expect(io.stdout).toMatch(/seed texts \(source\): 4 cases/);
    expect(io.stdout).toMatch(/overall/);
    const r = await run(["eval-extract", "/nonexistent/folder"]);
    expect(r.code).toBe(74);
  });
});
