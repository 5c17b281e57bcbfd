/**
 * How fast extraction is: the seed papers one by one, and 100 kB of note text (the seeds repeated).
 * Run with `npx tsx bench/extract.ts`. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { SEED_PAPERS } from "../src/paths.js";
import { extract } from "../src/text/index.js";

const seeds = SEED_PAPERS;
let texts: { name: string; text: string }[] = [];
try {
  texts = readdirSync(seeds)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => ({ name: n, text: readFileSync(join(seeds, n), "utf8") }));
} catch {
  texts = [
    {
      name: "built-in note",
      text: "A 60-year-old man with left foot drop since 3 weeks. Left EHL MRC 2/5, TA 3/5. Ankle jerk absent on the left. Needle EMG: fibrillations in the left TA, EHL and L5 paraspinals. Peroneal CMAP 1.1 mV on the left. ",
    },
  ];
}

function time(text: string, runs: number): { best: number; median: number; p95: number; findings: number } {
  extract(text); // warm up
  const ms: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    findings = extract(text).case.findings.length;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return {
    best: ms[0] ?? 0,
    median: ms[Math.floor(ms.length / 2)] ?? 0,
    p95: ms[Math.floor(ms.length * 0.95)] ?? 0,
    findings,
  };
}

const fmt = (x: number) => x.toFixed(2).padStart(8);
console.log("extract: milliseconds per text (best, median, 95th percentile of the runs)");
for (const { name, text } of texts) {
  const t = time(text, 30);
  console.log(
    `${name.padEnd(28)} ${String(text.length).padStart(7)} chars ${fmt(t.best)} ${fmt(t.median)} ${fmt(t.p95)}  ${t.findings} findings`,
  );
}
const all = texts.map((t) => t.text).join("\n\n");
let big = "";
while (big.length < 100_000) big += `${all}\n\n`;
big = big.slice(0, 100_000);
const t = time(big, 30);
console.log(
  `${"100 kB of notes".padEnd(28)} ${String(big.length).padStart(7)} chars ${fmt(t.best)} ${fmt(t.median)} ${fmt(t.p95)}  ${t.findings} findings`,
);
// The best run is the figure least disturbed by other work on the machine; the median is shown too.
console.log(
  `target: 100 kB under 50 ms -> best ${t.best < 50 ? "met" : "NOT met"}, median ${t.median < 50 ? "met" : "NOT met"}`,
);
