/** Not enough to say, and input that is not a case: plain answers and non-zero exit codes. */
import { describe, expect, it } from "vitest";
import { run } from "../test-helpers/run.js";

const noFindings = JSON.stringify({ format: "locus-case/1", id: "empty-case", findings: [] });
/** 200 kB of pseudo-random bytes read as text (a fixed seed, so the test is the same every run). */
function randomText(n: number): string {
  let x = 12345;
  let s = "";
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += String.fromCharCode((x >>> 16) & 0xff);
  }
  return s;
}

describe("not enough to say", () => {
  for (const [name, text, commands] of [
    ["an empty file (read as a note)", "", ["localize"]],
    ["a case without findings", noFindings, ["localize", "differential"]],
  ] as const)
    it(`${name}: exit 3, says so and what to examine first, no differential`, async () => {
      for (const command of commands) {
        const r = await run([command, "case.json"], { "case.json": text });
        expect(r.code, command).toBe(3);
        expect(r.out).toMatch(/Not enough to say/);
        expect(r.out).toMatch(/Examine first/);
        expect(r.out).not.toMatch(/%/);
      }
      const j = JSON.parse((await run(["localize", "case.json", "-f", "json"], { "case.json": text })).out);
      expect(j.status).toBe("not_enough");
      expect(j.differential.conditions).toEqual([]);
      expect(j.hypotheses).toEqual([]);
    });
  it("an empty file where only JSON is read: a clear error, exit 1", async () => {
    const r = await run(["differential", "case.json"], { "case.json": "" });
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
  });
  it("200 kB of random bytes: a clear error, exit 1, nothing ranked", async () => {
    const r = await run(["localize", "noise.bin"], { "noise.bin": randomText(200_000) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/noise\.bin: not a case or a clinic note: it is not text/);
    expect(r.out).toBe("");
  });
});
