/**
 * npm run bench: localization speed and memory on the development set and on synthetic cases,
 * the forward-model round trip for complete and sparser examinations, and a textbook
 * myotome-table baseline on the same cases.
 *
 * The engine is timed as it ships: the compiled build (`npm run bench` builds it first), after a
 * warm-up, as a running service would be. Through tsx every closure would be wrapped to keep its
 * name (esbuild's keepNames), which makes the engine some 40% slower than the code users run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { getAtlas } from "../src/atlas/index.js";
import { mrcGrade } from "../src/case/mrc.js";
import type { Finding, Lesion, LocusCase } from "../src/case/schema.js";
import { quantile, setMatches } from "../src/evaluate/index.js";
import { lesionKey, toLesions } from "../src/localize/format.js";
import { focalUnits, type Unit } from "../src/localize/model.js";
import { seededRng, simulateCase, syntheticCases } from "../src/localize/simulate.js";
import { DEV_CASES } from "../src/paths.js";
import { benchAnalysis, compiledModules } from "./analysis.js";

const compiled = new URL("../dist/localize/index.js", import.meta.url).href;
const { localize } = (await import(compiled)) as typeof import("../src/localize/index.js");

const atlas = getAtlas();
const SHARED = pathToFileURL(`${DEV_CASES}/`);
const devTexts = readdirSync(SHARED)
  .filter((f) => f.endsWith(".json"))
  .map((f) => readFileSync(new URL(f, SHARED), "utf8"));
const dev: LocusCase[] = devTexts.map((t) => JSON.parse(t) as LocusCase);

const ms = (x: number) => `${x.toFixed(3)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function time(cases: LocusCase[], rounds: number): { median: number; p95: number } {
  const t: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const t0 = performance.now();
      localize(c);
      t.push(performance.now() - t0);
    }
  }
  t.sort((a, b) => a - b);
  return { median: quantile(t, 0.5), p95: quantile(t, 0.95) };
}

/** The textbook baseline: the root (or tied roots) supplying most of the weak or denervated muscles. */
function myotomeBaseline(c: LocusCase): Lesion[] {
  const counts = new Map<string, number>();
  const bump = (muscle: string, side: string | undefined) => {
    const m = atlas.muscle(muscle);
    if (!m) return;
    for (const s of side === "left" || side === "right" ? [side] : ["left", "right"]) {
      for (const r of m.roots)
        if (r.role === "major") counts.set(`${r.root}|${s}`, (counts.get(`${r.root}|${s}`) ?? 0) + 1);
    }
  };
  for (const f of c.findings as Finding[]) {
    if (f.kind === "strength" && (f.mrc === "weak" || (mrcGrade(f.mrc) ?? 5) < 5)) {
      const mv = atlas.data.movements.find((x) => x.id === f.target);
      for (const m of mv ? mv.primeMovers : [f.target]) bump(m, f.side);
    }
    if (f.kind === "emg" && (f.spontaneous === "fibrillations" || f.muap === "neurogenic"))
      bump(f.muscle, f.side);
  }
  const best = Math.max(0, ...counts.values());
  if (best === 0) return [{ level: "none", sites: [], side: "bilateral" }];
  const top = [...counts].filter(([, n]) => n === best).map(([k]) => k.split("|") as [string, string]);
  const side = top[0]?.[1] ?? "left";
  return [
    { level: "root", sites: top.filter(([, s]) => s === side).map(([r]) => r), side: side as Lesion["side"] },
  ];
}

function devAccuracy(answer: (c: LocusCase) => Lesion[]): number {
  const scored = dev.filter((c) => c.expected);
  const ok = scored.filter((c) => {
    const e = c.expected!;
    return [e.localization, ...(e.alsoAcceptable ?? [])].some((set) => setMatches(answer(c), set));
  });
  return ok.length / scored.length;
}

function roundTrip(
  units: Unit[],
  draws: number,
  options: { missing: number; severity?: number },
  seed: number,
) {
  const rng = seededRng(seed);
  let engine = 0;
  let baseline = 0;
  let n = 0;
  for (const u of units) {
    for (let k = 0; k < draws; k++) {
      const c = simulateCase(atlas, [u], "none", {
        rng,
        noise: 0.01,
        falsePositives: false,
        numb: true,
        ...options,
      });
      const want = toLesions([u], "none", []);
      n++;
      if (lesionKey(localize(c, { limit: 1 }).hypotheses[0]?.lesions ?? []) === lesionKey(want)) engine++;
      if (setMatches(myotomeBaseline(c), want)) baseline++;
    }
  }
  return { engine: engine / n, baseline: baseline / n, n };
}

console.log(
  `Locus localization benchmark (atlas ${atlas.version}, node ${process.version}, the compiled engine)\n`,
);
const cold = performance.now();
localize(dev[0] as LocusCase);
const firstCall = performance.now() - cold;
// V8 optimises a function only after many calls: time the engine as a running service runs it.
const WARM_ROUNDS = 30;
const WARM_SYNTHETIC = 1000;
const warm = performance.now();
time(dev, WARM_ROUNDS);
for (const c of syntheticCases(atlas, WARM_SYNTHETIC, 99)) localize(c);
console.log(
  `first call in a fresh process ${ms(firstCall)}; warm-up: the development set ${WARM_ROUNDS} times and ${WARM_SYNTHETIC} other synthetic cases (${((performance.now() - warm) / 1000).toFixed(1)} s)`,
);
const d = time(dev, 50);
console.log(`development set: ${dev.length} cases x 50: median ${ms(d.median)}, p95 ${ms(d.p95)} per case`);

console.log(`${benchAnalysis(await compiledModules(), devTexts).join("\n")}\n`);

const sites = focalUnits(atlas).filter((u) => u.parts.length === 1);
const synthetic = syntheticCases(atlas, 10_000);
const before = process.memoryUsage().heapUsed;
let peak = before;
const t0 = performance.now();
const st: number[] = [];
for (const c of synthetic) {
  const t = performance.now();
  localize(c);
  st.push(performance.now() - t);
  if (st.length % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
st.sort((a, b) => a - b);
const meanFindings = synthetic.reduce((a, c) => a + c.findings.length, 0) / synthetic.length;
console.log(
  `synthetic: 10,000 cases (mean ${meanFindings.toFixed(0)} findings) in ${((performance.now() - t0) / 1000).toFixed(1)} s: median ${ms(quantile(st, 0.5))}, p95 ${ms(quantile(st, 0.95))} per case`,
);
console.log(
  `heap: ${(before / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`,
);

console.log(
  `development set exact (first hypothesis): Locus ${pct(devAccuracy((c) => localize(c).hypotheses[0]?.lesions ?? []))}, myotome table ${pct(devAccuracy(myotomeBaseline))}`,
);

const left = sites.filter((u) => u.side === "left");
const roots = left.filter((u) => u.level === "root");
const DRAWS = 100;
console.log(
  `\nround trip: true single site first (each left-side site, ${DRAWS} draws; 1% of results flipped; ± is the 95% interval of "all sites")`,
);
console.log("| examination | lesion | all sites: Locus | roots only: Locus | roots only: myotome table |");
console.log("| --- | --- | --- | --- | --- |");
for (const missing of [0, 0.25, 0.5, 0.75]) {
  for (const severity of [1, undefined]) {
    const all = roundTrip(left, DRAWS, { missing, ...(severity ? { severity } : {}) }, 7);
    const r = roundTrip(roots, DRAWS, { missing, ...(severity ? { severity } : {}) }, 7);
    const half = 1.96 * Math.sqrt((all.engine * (1 - all.engine)) / all.n);
    console.log(
      `| ${missing === 0 ? "complete" : `${pct(missing)} missing`} | ${severity ? "complete" : "any severity"} | ${pct(all.engine)} ± ${pct(half)} | ${pct(r.engine)} | ${pct(r.baseline)} |`,
    );
  }
}
