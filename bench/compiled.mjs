// Times localize from the compiled build (dist/, after `npm run build`), as users run it: the
// development cases (parsed with parseCase) after one warm-up pass, 50 rounds, each case timed
// alone; then the 10,000 synthetic cases of bench/index.ts (seed 1). Prints median and p95 per case.
// `npm run bench:compiled`; SHARED=<folder> points at another case folder.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const D = new URL("../dist", import.meta.url).href;
const { getAtlas } = await import(`${D}/atlas/index.js`);
const { parseCase } = await import(`${D}/case/index.js`);
const { localize } = await import(`${D}/localize/index.js`);
const { syntheticCases } = await import(`${D}/localize/simulate.js`);
const dir = process.env.SHARED ?? new URL("../../shared/cases/", import.meta.url).pathname;
const dev = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => parseCase(JSON.parse(readFileSync(join(dir, f), "utf8"))).case);
const q = (t, p) => t[Math.min(t.length - 1, Math.floor(p * t.length))];
for (const c of dev) localize(c);
const t = [];
for (let r = 0; r < 50; r++)
  for (const c of dev) {
    const t0 = performance.now();
    localize(c);
    t.push(performance.now() - t0);
  }
t.sort((a, b) => a - b);
console.log(
  `dev compiled: ${dev.length} x 50: median ${q(t, 0.5).toFixed(3)} ms, p95 ${q(t, 0.95).toFixed(3)} ms, mean ${(t.reduce((a, b) => a + b, 0) / t.length).toFixed(3)} ms`,
);
const syn = syntheticCases(getAtlas(), 10000);
const s = [];
for (const c of syn) {
  const t0 = performance.now();
  localize(c);
  s.push(performance.now() - t0);
}
s.sort((a, b) => a - b);
console.log(`synthetic compiled: 10000: median ${q(s, 0.5).toFixed(3)} ms, p95 ${q(s, 0.95).toFixed(3)} ms`);
