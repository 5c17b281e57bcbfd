import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { v11Case } from "../../case/test-helpers/v11.js";
import { run } from "../test-helpers/run.js";

const good = JSON.stringify({
  format: "locus-case/1",
  id: "good",
  findings: [{ kind: "reflex", side: "left", reflex: "knee jerk", grade: "absent" }],
});
const bad = [
  '{"format": "locus-case/1", "id": "bad", "findings": [',
  '  {"kind": "emg", "muscle": "tibialis_anterio"}',
  "]}",
].join("\n");

describe("locus validate", () => {
  it("exits 0 for a valid case and says what it normalised", async () => {
    const r = await run(["validate", "good.json"], { "good.json": good });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '✓ good.json: valid (case good, 1 finding)\n  normalised findings[0].reflex: "knee jerk" -> patellar\n',
    );
  });

  it("exits 1 for an invalid case, with path, line, column and the nearest id", async () => {
    const r = await run(["validate", "bad.json"], { "bad.json": bad });
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        "✗ bad.json: 1 error",
        "  error findings[0].muscle (line 2, column 19): `tibialis_anterio` is not a muscle; did you mean `tibialis_anterior`?",
        '        expected a muscle id; found "tibialis_anterio"',
        "",
      ].join("\n"),
    );
  });

  it("reports every file and a summary; one invalid file makes the exit 1", async () => {
    const r = await run(["validate", "good.json", "bad.json"], { "good.json": good, "bad.json": bad });
    expect(r.code).toBe(1);
    expect(r.out).toContain("2 files: 1 valid, 1 invalid\n");
  });

  it("reads standard input for -", async () => {
    const r = await run(["validate", "-"], { "-": good });
    expect(r.code).toBe(0);
    expect(r.out).toContain("(stdin): valid");
  });

  it("gives machine-readable output with --json", async () => {
    const r = await run(["validate", "--json", "good.json", "bad.json"], {
      "good.json": good,
      "bad.json": bad,
    });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: false, valid: 1, invalid: 1, unreadable: 0 });
    expect(report.files[1].errors[0]).toEqual({
      path: ["findings", 0, "muscle"],
      message: "`tibialis_anterio` is not a muscle; did you mean `tibialis_anterior`?",
      expected: "a muscle id",
      found: "tibialis_anterio",
      suggestions: ["tibialis_anterior"],
      line: 2,
      column: 19,
    });
  });

  it("prints the normalised case with --normalised", async () => {
    const r = await run(["validate", "--normalised", "good.json"], { "good.json": good });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings[0].reflex).toBe("patellar");
  });

  it("gives line and column for a JSON syntax error", async () => {
    const r = await run(["validate", "x.json"], { "x.json": '{"format": "locus-case/1",\n "id": "x",,}' });
    expect(r.code).toBe(1);
    expect(r.err).toContain("x.json: JSON syntax error at line 2, column 12");
  });

  it("exits 2 without a file, or when a file cannot be read", async () => {
    expect((await run(["validate"])).code).toBe(2);
    const r = await run(["validate", "missing.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing.json: cannot be read");
  });

  it("passes every shared case", async () => {
    const dir = join(import.meta.dirname, "../../../../shared/cases");
    const name = "seed-000-l3-radiculopathy.json";
    const r = await run(["validate", name], { [name]: readFileSync(join(dir, name), "utf8") });
    expect(r.code).toBe(0);
  });
});

describe("locus validate, FORMAT v1.1", () => {
  it("accepts a case that uses every v1.1 addition, and says what it read from place words", async () => {
    const c = v11Case();
    c.findings.push({
      kind: "sign",
      side: "left",
      sign: "Tinel's sign",
      target: "over the head of the fibula",
    });
    const r = await run(["validate", "v11.json"], { "v11.json": JSON.stringify(c, null, 2) });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`valid (case v11-every-addition, ${c.findings.length} findings)`);
    expect(r.out).toContain(
      `normalised findings[${c.findings.length - 1}].target: "over the head of the fibula" -> common_peroneal@fibular_head`,
    );
  });

  it("refuses bad v1.1 values with their paths and the nearest word", async () => {
    const c = v11Case();
    (c.context as Record<string, unknown>).course = "better-ish";
    c.findings.push({ kind: "imaging", modality: "ct_brian", tags: ["brain_lesoin"] });
    const r = await run(["validate", "bad11.json"], { "bad11.json": JSON.stringify(c, null, 2) });
    expect(r.code).toBe(1);
    const at = c.findings.length - 1;
    expect(r.err).toContain("error context.course (line");
    expect(r.err).toContain(`error findings[${at}].modality (line`);
    expect(r.err).toContain("did you mean `ct_brain`?");
    expect(r.err).toContain(`error findings[${at}].tags[0] (line`);
    expect(r.err).toContain("did you mean `brain_lesion`?");
  });
});

describe("locus schema", () => {
  it("prints the JSON Schema", async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.format.const).toBe("locus-case/1");
  });

  it("includes the v1.1 fields", async () => {
    const schema = JSON.parse((await run(["schema"])).out);
    const context = schema.properties.context.properties;
    expect(context.course.enum).toEqual(["improving", "stable", "worsening", "fluctuating"]);
    expect(context.denies.type).toBe("array");
    const text = JSON.stringify(schema);
    for (const w of [
      "segmentSites",
      "targetSites",
      '"block"',
      '"tinel"',
      '"mri_brain"',
      '"cord_signal_change"',
    ])
      expect(text).toContain(w);
  });
});
