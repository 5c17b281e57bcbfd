/**
 * The report from the page, in a real browser: seed 004 entered through the form, the PDF
 * downloaded with the page's button and its text read back (both tables, an impression naming the
 * right sacral plexus, the recommendations), the HTML report opened as a page; screenshots of the
 * page and of the report kept in test-artifacts/ (gitignored) with the PDF itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LocusCase } from "../../src/case/schema.js";
import { devCase } from "../../src/paths.js";
import { pdfText } from "../../src/report/document/test-helpers/pdf-text.js";
import { enterCase, findingKeys, pageCase } from "./drive.js";
import { ARTIFACTS, openPage, screenshot, useSession } from "./harness.js";

const seed004 = JSON.parse(readFileSync(devCase("seed-004-neoplastic-plexopathy.json"), "utf8")) as LocusCase;

const skip = process.env.LOCUS_SKIP_BROWSER === "1";

describe.skipIf(skip)("the report from the page", () => {
  const s = useSession();

  async function downloaded(testId: string): Promise<Buffer> {
    const { page } = s.browser;
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
    const path = await file.path();
    return readFileSync(path);
  }

  it("enters seed 004 through the form and downloads a PDF holding the tables and the impression", async () => {
    const { page, errors } = await openPage(s);
    await enterCase(page, s.names, seed004);
    expect(findingKeys(await pageCase(page))).toEqual(findingKeys(seed004));
    await expect
      .poll(() => page.getByTestId("hypothesis-0").locator(".hyp-name").textContent())
      .toMatch(/right sacral plexus/);
    await page.getByRole("tab", { name: "Sensation" }).click();
    await page.setViewportSize({ width: 1280, height: 1240 });
    await screenshot(page, "report-00-leg-chart-seed-004");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("tab", { name: "EMG & NCS" }).click();
    await screenshot(page, "report-01-page-seed-004");

    const pdf = await downloaded("report-pdf");
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "report-seed-004.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await pdfText(pdf)).join("\n");
    expect(text).toContain("Nerve conduction studies");
    expect(text).toMatch(/tibial motor, recording abductor hallucis/);
    expect(text).toContain("Needle EMG");
    expect(text).toMatch(/gastrocnemius, medial head right tibial nerve/);
    expect(text).toMatch(
      /Impression\n1\. Abnormal study\.\n2\. There is electrodiagnostic evidence of a severe, axonal lesion of the right sacral\s+plexus/,
    );
    expect(text).toContain("Recommendations");
    expect(errors).toEqual([]);
  }, 240_000);

  it("downloads the same report as HTML and Markdown, and shows the HTML as a page", async () => {
    const html = (await downloaded("report-html")).toString("utf8");
    expect(html).toContain("<h2>Impression</h2>");
    expect(html).toContain("lesion of the right sacral plexus");
    const md = (await downloaded("report-md")).toString("utf8");
    expect(md).toMatch(/^# Electrodiagnostic report/);
    expect(md).toContain("| external anal sphincter | right |");
    const view = await s.browser.context.newPage();
    await view.setViewportSize({ width: 1100, height: 1400 });
    await view.setContent(html);
    await screenshot(view, "report-02-html-seed-004");
    await view.close();
  }, 120_000);
});
