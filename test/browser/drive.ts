/**
 * Enter a LocusCase through the page's form, one control at a time, as a clinician would: the
 * history checkboxes, the strength grid by keyboard, the reflex selects, the body map, the EMG and
 * nerve conduction tables, and the signs/imaging/laboratory forms.
 */
import type { Locator, Page } from "playwright-core";
import type { Finding, LocusCase } from "../../src/case/schema.js";

interface Names {
  movements: { id: string; name: string }[];
  muscles: { id: string; name: string }[];
  reflexes: { id: string; name: string }[];
  studies: { id: string; name: string }[];
}

const words = (s: string) => s.replaceAll("_", " ");
type Side = "left" | "right";
const sideOf = (f: Finding): Side => (f.side === "left" ? "left" : "right");

async function tab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
}

export async function enterCase(page: Page, names: Names, c: LocusCase): Promise<void> {
  const name = (list: { id: string; name: string }[], id: string) =>
    list.find((x) => x.id === id)?.name ?? id;

  await tab(page, "History, signs, imaging");
  if (c.patient?.age !== undefined) await page.getByLabel("Age", { exact: true }).fill(String(c.patient.age));
  if (c.patient?.sex) await page.getByLabel("Sex", { exact: true }).selectOption(c.patient.sex);
  if (c.context?.onset) await page.getByLabel("Onset", { exact: true }).selectOption(c.context.onset);
  if (c.context?.durationDays !== undefined)
    await page.getByLabel("Duration (days)", { exact: true }).fill(String(c.context.durationDays));
  for (const w of c.context?.history ?? []) {
    const [word, detail] = w.split(/:(.*)/s) as [string, string | undefined];
    await page.getByRole("checkbox", { name: words(word), exact: true }).check();
    if (detail) await page.getByLabel(`${words(word)}: detail`).fill(detail);
  }
  for (const w of c.context?.symptoms ?? [])
    await page.getByRole("checkbox", { name: words(w), exact: true }).check();
  for (const f of c.findings) {
    if (f.kind === "sign") {
      const form = page.getByRole("form", { name: "Add a sign" });
      await form.getByLabel("Sign").selectOption(f.sign);
      await form.getByLabel("Side").selectOption(f.side ?? "");
      if (f.target) await form.getByLabel("Where").fill(f.target);
      await form.getByRole("checkbox", { name: "present" }).setChecked(f.present !== false);
      await form.getByRole("button", { name: "Add sign" }).click();
    } else if (f.kind === "imaging") {
      const form = page.getByRole("form", { name: "Add imaging" });
      await form.getByLabel("Imaging").selectOption(f.modality);
      await form.getByLabel("Side").selectOption(f.side ?? "");
      if (f.level) await form.getByLabel("Level").fill(f.level);
      for (const t of f.tags) await form.getByRole("checkbox", { name: words(t), exact: true }).check();
      if (f.text) await form.getByLabel("Report words").fill(f.text);
      await form.getByRole("button", { name: "Add imaging" }).click();
    } else if (f.kind === "lab") {
      const form = page.getByRole("form", { name: "Add a laboratory result" });
      await form.getByLabel("Laboratory").selectOption(f.test);
      await form.getByLabel("Result").selectOption(f.result);
      if (f.value !== undefined) await form.getByLabel("Value").fill(String(f.value));
      await form.getByRole("button", { name: "Add result" }).click();
    }
  }

  // Strength: keyboard first. Focus the first cell, then type each grade and Tab on, as in clinic.
  await tab(page, "Strength & reflexes");
  const strength = c.findings.filter(
    (f): f is Extract<Finding, { kind: "strength" }> => f.kind === "strength",
  );
  for (const f of strength) {
    const cell = page.getByLabel(`${sideOf(f)} ${name(names.movements, f.target)}, MRC grade`, {
      exact: true,
    });
    await cell.focus();
    await page.keyboard.type(String(f.mrc));
    await page.keyboard.press("Tab");
  }
  for (const f of c.findings)
    if (f.kind === "reflex")
      await page
        .getByLabel(
          f.side ? `${sideOf(f)} ${name(names.reflexes, f.reflex)}` : name(names.reflexes, f.reflex),
          {
            exact: true,
          },
        )
        .selectOption(f.grade);

  await tab(page, "Sensation");
  for (const f of c.findings) {
    if (f.kind !== "sensory") continue;
    await page.getByRole("radio", { name: f.change, exact: true }).check();
    await page.getByLabel("Modality").selectOption(f.modality ?? "");
    await page
      .locator(`g.region[data-region="${f.region}"][data-side="${f.side ?? "midline"}"]`)
      .first()
      .click();
  }

  await tab(page, "EMG & NCS");
  const pick = async (label: string, value: string | number | undefined) =>
    page.getByLabel(label, { exact: true }).selectOption(value === undefined ? "" : String(value));
  for (const f of c.findings) {
    if (f.kind === "emg") {
      await page.locator("#emg-muscle").selectOption(f.muscle);
      await page.locator("#emg-side").selectOption(sideOf(f));
      await page
        .locator("section", { has: page.locator("#emg-muscle") })
        .getByRole("button", { name: "Add" })
        .click();
      const row = `${sideOf(f)} ${name(names.muscles, f.muscle)}`;
      await pick(`${row} insertional activity`, f.insertional);
      await pick(`${row} spontaneous activity`, f.spontaneous);
      if (f.grade !== undefined) await pick(`${row} fibrillation grade`, f.grade);
      await pick(`${row} MUAP`, f.muap);
      await pick(`${row} recruitment`, f.recruitment);
    } else if (f.kind === "ncs") {
      await page.locator("#ncs-study").selectOption(f.study);
      await page.locator("#ncs-side").selectOption(sideOf(f));
      await page
        .locator("section", { has: page.locator("#ncs-study") })
        .getByRole("button", { name: "Add" })
        .click();
      const row = `${sideOf(f)} ${name(names.studies, f.study)}`;
      await pick(`${row} result`, f.result);
      const fill = async (label: string, v: number | undefined) => {
        if (v !== undefined) await page.getByLabel(`${row} ${label}`, { exact: true }).fill(String(v));
      };
      await fill("amplitude", f.amplitude);
      if (f.unit) await pick(`${row} amplitude unit`, f.unit);
      await fill("latency in ms", f.latency);
      await fill("velocity in m/s", f.velocity);
    }
  }
}

/** The case the page holds (its draft, kept on every change). */
export async function pageCase(page: Page): Promise<LocusCase> {
  const text = await page.evaluate<string | null>("localStorage.getItem('locus.draft')");
  if (!text) throw new Error("the page keeps no draft");
  return JSON.parse(text) as LocusCase;
}

/** Findings as comparable strings (keys sorted), for comparing cases regardless of order. */
export function findingKeys(c: LocusCase): string[] {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sortKeys(x)]),
          )
        : v;
  return c.findings.map((f) => JSON.stringify(sortKeys(f))).sort();
}

export type { Locator };

/**
 * Clicks one region of the body map and waits (at most 10 s) until the results show the case with
 * one finding more or fewer: the render that follows the click. Returns the findings counted by the
 * results before and after, and the milliseconds in between (what `npm run bench:page` reports).
 */
export async function clickRegion(
  page: Page,
  region: string,
  side: Side = "left",
): Promise<{ before: number; after: number; ms: number }> {
  return page.evaluate<{ before: number; after: number; ms: number }>(`(async () => {
    const el = document.querySelector('g.region[data-region="${region}"][data-side="${side}"]');
    const results = document.querySelector('[data-testid="results"]');
    if (!el || !results) throw new Error('no region ${region} (${side}) or no results on the page');
    const before = results.getAttribute('data-findings');
    const changed = new Promise((resolve, reject) => {
      const mo = new MutationObserver(() => {
        if (results.getAttribute('data-findings') !== before) { mo.disconnect(); resolve(); }
      });
      mo.observe(results, { attributes: true });
      setTimeout(() => { mo.disconnect(); reject(new Error('the results did not change within 10 s')); }, 10000);
    });
    const t0 = performance.now();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await changed;
    const ms = performance.now() - t0;
    return { before: Number(before), after: Number(results.getAttribute('data-findings')), ms };
  })()`);
}
