/**
 * The page in a real browser (Debian's chromium through playwright-core): a seed case entered
 * through the form, a pasted note filling the form, saving with revisions, the results following
 * each click (their speed is `npm run bench:page`), accessibility and
 * the tablet layout. Screenshots of each state go to test-artifacts/ (and, with
 * LOCUS_DOCS_SCREENSHOT=1, the README's picture to docs/screenshot.png).
 */
import { copyFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { LocusCase } from "../../src/case/schema.js";
import { devCase, SEED_PAPERS } from "../../src/paths.js";
import { clickRegion, enterCase, findingKeys, pageCase } from "./drive.js";
import { openBrowser, openPage, ROOT, screenshot, useSession } from "./harness.js";

const seed004 = JSON.parse(readFileSync(devCase("seed-004-neoplastic-plexopathy.json"), "utf8")) as LocusCase;
const seed000 = readFileSync(join(SEED_PAPERS, "000_ab05f6853d6e1d75.txt"), "utf8");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const skip = process.env.LOCUS_SKIP_BROWSER === "1";

describe.skipIf(skip)("the page in chromium", () => {
  const s = useSession();

  it("serves the page's production build, from a folder of its own (never web/dist)", async () => {
    expect(inject("webDir")).not.toBe(join(ROOT, "web", "dist"));
    const html = await (await fetch(`${s.server.base}/`)).text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await (await fetch(`${s.server.base}${script}`)).text();
    // A string only React's development build carries (vitest's NODE_ENV=test would select it).
    expect(js).not.toContain("is not configured to support act");
  });

  it("takes seed case 004 through the form and shows the sacral plexus first, with the cancer red flag", async () => {
    const { page, errors } = await openPage(s);
    await screenshot(page, "01-empty");

    await enterCase(page, s.names, seed004);
    const entered = await pageCase(page);
    expect(findingKeys(entered)).toEqual(findingKeys(seed004));
    expect(entered.patient).toEqual(seed004.patient);
    expect(new Set(entered.context?.history)).toEqual(new Set(seed004.context?.history));
    expect(new Set(entered.context?.symptoms)).toEqual(new Set(seed004.context?.symptoms));

    const first = page.getByTestId("hypothesis-0");
    await expect.poll(() => first.locator(".hyp-name").textContent()).toMatch(/right sacral plexus/);
    const flags = page.getByTestId("red-flags").locator(".flag.critical");
    await expect.poll(() => flags.count()).toBeGreaterThan(0);
    expect((await flags.allTextContents()).join(" ")).toMatch(/cancer|malignan|neoplas/i);
    // The schematic marks the sacral plexus; the body map hatches the sole the lesion reaches.
    expect(await page.locator('.schematic [data-node="sacral_plexus"]').getAttribute("class")).toMatch(
      /lesion/,
    );
    await expect
      .poll(() => page.getByTestId("suggestions").locator("li").count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId("muscles-reached").textContent()).toMatch(/right: .*tibialis anterior/);
    await screenshot(page, "02-seed-004-sensation");

    // A next test, chosen, asks for its result; the result joins the case and the results follow.
    // The next tests come from the service a quarter second after the case stops changing: wait for
    // the answer to the case as entered, or the click lands on a list about to be replaced (under
    // load the earlier answer can arrive late; the opened test then vanishes with its list).
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.locator("section.next-tests").getAttribute("aria-busy")).toBe("false");
    const before = (await pageCase(page)).findings.length;
    const suggestion = page.getByTestId("suggestions").locator("button.suggestion").first();
    const testName = await suggestion.locator(".hyp-name").textContent();
    await suggestion.click();
    await page.locator("fieldset.outcomes").getByRole("button").first().click();
    await expect.poll(async () => (await pageCase(page)).findings.length).toBe(before + 1);
    const added = (await pageCase(page)).findings.at(-1)!;
    expect(testName).toContain(added.side ?? "");
    await expect
      .poll(() => page.getByTestId("hypothesis-0").locator(".hyp-name").textContent())
      .toMatch(/right sacral plexus/);
    await page.getByRole("tab", { name: "Strength & reflexes" }).click();
    await screenshot(page, "03-seed-004-results");
    // The whole page at once, for the README: a taller window shows the picture under the ranking.
    await page.getByRole("tab", { name: "Sensation" }).click();
    await page.setViewportSize({ width: 1280, height: 1240 });
    await page.evaluate("document.querySelector('[data-testid=results]').scrollTop = 0");
    await screenshot(page, "03b-seed-004-picture");
    await page.setViewportSize({ width: 1280, height: 800 });
    if (process.env.LOCUS_DOCS_SCREENSHOT === "1")
      copyFileSync(
        join(ROOT, "test-artifacts", "03b-seed-004-picture.png"),
        join(ROOT, "docs", "screenshot.png"),
      );
    expect(errors).toEqual([]);
  }, 180_000);

  it("updates the results on each click on the body map (its speed: npm run bench:page)", async () => {
    const { page } = s.browser;
    await page.getByRole("tab", { name: "Sensation" }).click();
    await page.getByLabel("Modality").selectOption("");
    // Each region is marked, then cleared: one finding more, then one fewer, each shown at once.
    for (const region of ["buttock", "thigh_lateral", "foot_dorsum"]) {
      await page.getByRole("radio", { name: "reduced", exact: true }).check();
      const marked = await clickRegion(page, region);
      expect(marked.after).toBe(marked.before + 1);
      await page.getByRole("radio", { name: "clear", exact: true }).check();
      const cleared = await clickRegion(page, region);
      expect(cleared.after).toBe(marked.before);
    }
  }, 60_000);

  it("passes an axe-core check (WCAG 2 A and AA) on the main views", async () => {
    const { page } = s.browser;
    // Through the DevTools protocol: the page's CSP rightly refuses inline scripts.
    await page.evaluate(`${axeSource};0`);
    const check = async (view: string) => {
      const result = await page.evaluate<{ id: string; help: string; nodes: { target: string[] }[] }[]>(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }).then(r => r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => ({ target: n.target })) })))`,
      );
      expect(result, `${view}: ${JSON.stringify(result, null, 1)}`).toEqual([]);
    };
    for (const t of [
      "Strength & reflexes",
      "Sensation",
      "EMG & NCS",
      "History, signs, imaging",
      "Paste a note",
    ]) {
      await page.getByRole("tab", { name: t }).click();
      await check(t);
    }
  }, 60_000);

  it("saves the case, and after a reload shows it with its revisions", async () => {
    const { page } = s.browser;
    await page.getByLabel("Case id").fill("browser-test-seed-004");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    // a save analyses the case before it answers: on a loaded machine that takes more than a second
    await expect
      .poll(() => page.getByTestId("save-state").textContent(), { timeout: 15_000 })
      .toMatch(/revision 1/);
    await page.getByRole("tab", { name: "Strength & reflexes" }).click();
    const cell = page.getByLabel("left hip flexion, MRC grade", { exact: true });
    await cell.fill("4-");
    await page.getByRole("button", { name: "Save revision" }).click();
    await expect
      .poll(() => page.getByTestId("save-state").textContent(), { timeout: 15_000 })
      .toMatch(/revision 2/);
    expect(page.url()).toMatch(/\/cases\/browser-test-seed-004$/);

    await page.evaluate("localStorage.clear()");
    await page.reload();
    await expect.poll(() => page.getByTestId("save-state").textContent()).toMatch(/Saved, revision 2/);
    await expect.poll(() => page.getByTestId("revisions").locator("li").count()).toBe(2);
    await page.getByRole("tab", { name: "Strength & reflexes" }).click();
    expect(await page.getByLabel("left hip flexion, MRC grade", { exact: true }).inputValue()).toBe("4-");
    await expect.poll(() => page.getByTestId("case-list").textContent()).toMatch(/browser-test-seed-004/);
    await screenshot(page, "04-saved-revisions");

    // Exports: the electrodiagnostic report as Markdown and HTML, the FHIR report, as downloads; the print layout.
    const fetchDownload = async (button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: button, exact: true }).click(),
      ]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, "utf8") };
    };
    const md = await fetchDownload("Markdown");
    expect(md.name).toBe("browser-test-seed-004-report.md");
    expect(md.text).toMatch(/^# Electrodiagnostic report/);
    expect(md.text).toContain("- **Case:** browser-test-seed-004");
    expect(md.text).toMatch(/sacral plexus/);
    const html = await fetchDownload("HTML");
    expect(html.text).toMatch(/<h1>Electrodiagnostic report \(decision support\)<\/h1>/);
    expect(html.text).toMatch(/Red flag \(critical\)/);
    const fhir = await fetchDownload("FHIR JSON");
    const bundle = JSON.parse(fhir.text) as {
      resourceType: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(
      expect.arrayContaining(["DiagnosticReport", "ClinicalImpression"]),
    );
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "04b-print-layout");
    await page.emulateMedia({ media: "screen" });

    // An unsaved edit survives a reload (the draft), and is shown as not saved.
    await page.getByRole("tab", { name: "Strength & reflexes" }).click();
    await page.getByLabel("left hip flexion, MRC grade", { exact: true }).fill("3");
    await page.reload();
    await page.getByRole("tab", { name: "Strength & reflexes" }).click();
    await expect
      .poll(() => page.getByLabel("left hip flexion, MRC grade", { exact: true }).inputValue())
      .toBe("3");
    expect(await page.getByTestId("save-state").textContent()).toMatch(/Not saved/);

    // The first revision opens as it was.
    await page.getByTestId("revisions").getByRole("button", { name: "Revision 1" }).click();
    await expect
      .poll(() => page.getByLabel("left hip flexion, MRC grade", { exact: true }).inputValue())
      .toBe("");

    // Delete asks, then archives: the case leaves the list, says it is archived, and Restore brings it back.
    const list = page.getByTestId("case-list");
    await list.getByRole("button", { name: "Delete browser-test-seed-004" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete", exact: true }).click();
    await expect.poll(() => list.textContent()).not.toMatch(/browser-test-seed-004/);
    await expect.poll(() => page.getByTestId("archived-notice").textContent()).toMatch(/is archived/);
    await page.getByTestId("archived-toggle").click();
    await expect.poll(() => page.getByTestId("archived-list").textContent()).toMatch(/browser-test-seed-004/);
    await screenshot(page, "04c-archived");
    await page.getByRole("button", { name: "Restore browser-test-seed-004" }).click();
    await expect.poll(() => list.textContent()).toMatch(/browser-test-seed-004/);
    expect(await page.getByTestId("archived-notice").count()).toBe(0);
  }, 60_000);

  it("fills the form from seed 000's text and marks the words behind each finding", async () => {
    const { page } = s.browser;
    await page.getByRole("button", { name: "New case" }).click();
    await page.getByRole("tab", { name: "Paste a note" }).click();
    await page.getByLabel(/Clinic note/).fill(seed000);
    await page.getByRole("button", { name: "Fill the form from the note" }).click();
    const marks = page.getByTestId("note-marked").locator("mark");
    await expect.poll(() => marks.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect((await marks.allTextContents()).join(" ")).toMatch(/knee jerk|hip flexion/i);
    await page.getByRole("list", { name: "Findings read from the note" }).getByRole("button").first().click();
    expect(await page.locator("mark.active").count()).toBeGreaterThan(0);
    await screenshot(page, "05-note-filled");

    await page.getByRole("tab", { name: "Strength & reflexes" }).click();
    expect(await page.getByLabel("left hip flexion, MRC grade", { exact: true }).inputValue()).toBe("4");
    expect(await page.getByLabel("left patellar (knee) reflex", { exact: true }).inputValue()).toBe("absent");
    await page.getByRole("tab", { name: "Sensation" }).click();
    expect(
      await page
        .locator('g.region[data-region="thigh_medial"][data-side="left"]')
        .first()
        .getAttribute("aria-label"),
    ).toMatch(/increased/);
    // The results are those of the case the note filled (what they say is the engine's business).
    const filled = await pageCase(page);
    await expect
      .poll(() => page.getByTestId("results").getAttribute("data-findings"))
      .toBe(String(filled.findings.length));
    expect(await page.getByTestId("hypotheses").locator("li").count()).toBeGreaterThan(0);
    await screenshot(page, "06-note-results");
  }, 60_000);

  it("is usable at tablet width: one column, nothing wider than the screen", async () => {
    const tablet = await openBrowser(820, 1180);
    try {
      await tablet.page.goto(`${s.server.base}/`);
      await tablet.page.getByRole("tab", { name: "Strength & reflexes" }).waitFor();
      const overflow = await tablet.page.evaluate<number>(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(tablet.page, "07-tablet");
    } finally {
      await tablet.close();
    }
  }, 60_000);
});
