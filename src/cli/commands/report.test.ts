import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { devCase } from "../../paths.js";
import { pdfText } from "../../report/document/test-helpers/pdf-text.js";
import { run } from "../test-helpers/run.js";

const SEED = readFileSync(devCase("seed-004-neoplastic-plexopathy.json"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "locus-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("locus report", () => {
  it("writes a PDF file whose text holds the tables and the impression", async () => {
    const out = join(dir, "seed.pdf");
    const r = await run(["report", "seed.json", "-o", out, "--examiner", "Dr Osler"], { "seed.json": SEED });
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    const text = (await pdfText(readFileSync(out))).join("\n");
    expect(text).toContain("Examiner: Dr Osler");
    expect(text).toContain("Nerve conduction studies");
    expect(text).toMatch(/lesion of the right sacral plexus/);
  });
  it("prints Markdown and HTML", async () => {
    const md = await run(["report", "seed.json", "-f", "md"], { "seed.json": SEED });
    expect(md.out).toMatch(/^# Electrodiagnostic report/);
    expect(md.out).toContain("| tibialis anterior | right |");
    const html = await run(["report", "seed.json", "--format", "html", "--study-date", "2026-12-01"], {
      "seed.json": SEED,
    });
    expect(html.out).toContain("<dt>Study date</dt><dd>2026-12-01</dd>");
  });
  it("refuses an unknown format with exit 2, a broken case with 1, an unwritable file with 74", async () => {
    expect((await run(["report", "seed.json", "-f", "docx"], { "seed.json": SEED })).code).toBe(2);
    const bad = await run(["report", "bad.json"], {
      "bad.json": '{"format": "locus-case/1", "id": "x", "findings": 1}',
    });
    expect(bad.code).toBe(1);
    const r = await run(["report", "seed.json", "-o", join(dir, "no/such/dir/x.pdf")], { "seed.json": SEED });
    expect(r.code).toBe(74);
    expect(r.err).toMatch(/cannot write/);
  });
});
