import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../test-helpers/run.js";

const dir = mkdtempSync(join(tmpdir(), "locus-eval-extract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const c = {
  format: "locus-case/1",
  id: "probe-1",
  narrative: "Left ankle jerk absent. Plantar responses flexor bilaterally.",
  findings: [
    { kind: "reflex", reflex: "achilles", grade: "absent", side: "left" },
    { kind: "reflex", reflex: "plantar", grade: "extensor", side: "bilateral" },
  ],
  expected: { localization: [{ level: "root", sites: ["S1"], side: "left" }] },
};

describe("locus eval-extract", () => {
  it("counts a finding read with another value as an error, apart from a missed one, and reports text to answer", async () => {
    const file = join(dir, "probe-1.json");
    writeFileSync(file, JSON.stringify(c));
    const r = await run(["eval-extract", dir, "--json"], { [file]: JSON.stringify(c) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.total.all.strict).toMatchObject({ correct: 1, wrongValue: 1, missed: 0, extra: 0 });
    expect(out.cases[0].wrong[0]).toMatch(/plantar/);
    expect(out.textToAnswer.all).toMatchObject({ cases: 1 });
    expect(typeof out.cases[0].localization.extractedExact).toBe("boolean");
  });

  it("prints the strict table and text to answer in plain output", async () => {
    const file = join(dir, "probe-1.json");
    const r = await run(["eval-extract", dir], { [file]: JSON.stringify(c) });
    expect(r.out).toMatch(/wrong value/);
    expect(r.out).toMatch(/text to answer/);
  });
});
