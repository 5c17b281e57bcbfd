/**
 * `npm run bench:page`: how fast the page's results follow a click, in Debian's chromium. The page
 * is built in production mode into a temporary folder and served by the real server; seed case 004
 * (35 findings) is entered through the form, then regions of the body map are marked and cleared
 * in turn. A first round warms up; the next rounds are timed, from the click to the render that
 * shows the changed case (the same measure as `clickRegion` in test/browser/drive.ts). Target: a
 * median under 50 ms. Options: BENCH_ROUNDS (default 4).
 */
import { readFileSync, rmSync } from "node:fs";
import type { LocusCase } from "../src/case/schema.js";
import { quantile } from "../src/evaluate/index.js";
import { devCase } from "../src/paths.js";
import { ensureChromium } from "../test/browser/chromium.js";
import { clickRegion, enterCase } from "../test/browser/drive.js";
import { buildPage, openBrowser, startServer } from "../test/browser/harness.js";

const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const seed = JSON.parse(readFileSync(devCase("seed-004-neoplastic-plexopathy.json"), "utf8")) as LocusCase;

ensureChromium();
const webDir = buildPage();
const server = await startServer(webDir);
const browser = await openBrowser(1280, 800);
try {
  const { page } = browser;
  page.on("dialog", (d) => void d.accept());
  const names = (await (await fetch(`${server.base}/api/v1/atlas`)).json()) as Parameters<
    typeof enterCase
  >[1];
  await page.goto(`${server.base}/`);
  await enterCase(page, names, seed);
  await page.getByRole("tab", { name: "Sensation" }).click();
  await page.getByLabel("Modality").selectOption("");
  const times: number[] = [];
  for (let round = 0; round <= rounds; round++)
    for (const region of ["buttock", "thigh_lateral", "foot_dorsum"])
      for (const mark of ["reduced", "clear"]) {
        await page.getByRole("radio", { name: mark, exact: true }).check();
        const { ms } = await clickRegion(page, region);
        if (round > 0) times.push(ms);
      }
  const sorted = [...times].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1);
  console.log(
    `click to results, seed 004 (${seed.findings.length} findings), production build, ${times.length} clicks after one warm-up round:`,
  );
  console.log(
    `  median ${f(quantile(sorted, 0.5))} ms, p95 ${f(quantile(sorted, 0.95))} ms, best ${f(sorted[0] ?? Number.NaN)} ms, worst ${f(sorted.at(-1) ?? Number.NaN)} ms (target: median under 50 ms)`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(webDir, { recursive: true, force: true });
}
