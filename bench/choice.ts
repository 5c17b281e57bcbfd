/**
 * `npm run bench:choice`: the bench of clinical choice (issue 16). For each scenario of
 * src/plan/scenarios (partial work-ups written from Preston and Shapiro, Katirji, Stewart and
 * Dillingham), the planner's first three tests against the tests an expert would do next and the
 * tests of little value there. Prints each scenario and the two rates; --json for the numbers.
 * Also times the planner on the development set with localize's candidates and the differential
 * given, as the one analysis calls it (median over rounds after a warm-up).
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { LocusCase } from "../src/case/schema.js";
import { differential } from "../src/differential/index.js";
import { localizeWithCandidates } from "../src/localize/index.js";
import { DEV_CASES } from "../src/paths.js";
import { plan } from "../src/plan/plan.js";
import { runScenarios } from "../src/plan/scenarios/run.js";

const args = process.argv.slice(2);
const ROUNDS = 20;

function timePlanner(): { median: number; p90: number; cpuMean: number; cases: number } {
  const cases = readdirSync(DEV_CASES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(DEV_CASES, f), "utf8")) as LocusCase);
  const given = cases.map((c) => {
    const run = localizeWithCandidates(c);
    return { c, from: run.candidates, dx: differential(c, run.localization) };
  });
  for (const g of given) plan(g.c, { from: g.from, differential: g.dx });
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let r = 0; r < ROUNDS; r++)
    for (const g of given) {
      const t0 = performance.now();
      plan(g.c, { from: g.from, differential: g.dx });
      times.push(performance.now() - t0);
    }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    median: times[times.length >> 1] ?? 0,
    p90: times[Math.floor(times.length * 0.9)] ?? 0,
    cpuMean: (used.user + used.system) / 1000 / times.length,
    cases: cases.length,
  };
}

const r = runScenarios();
const timing = timePlanner();
const load = loadavg().map((x) => x.toFixed(2));
if (args.includes("--json")) {
  console.log(JSON.stringify({ ...r, timing, load, date: new Date().toISOString() }, null, 2));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  for (const x of r.results)
    console.log(
      `${x.expertHit ? "expert " : "       "}${x.lowValueHit.length ? "LOW " : "    "}${x.id.padEnd(46)} ${x.firstThree.join("  ")}`,
    );
  const n = r.results.length;
  console.log(
    `\n${n} scenarios: an expert's test in the first three ${pct(r.expertRate)} (${r.results.filter((x) => x.expertHit).length}/${n}, target >= 80%); a low-value test in the first three ${pct(r.lowValueRate)} (target 0)`,
  );
  console.log(
    `planner on the ${timing.cases} development cases, candidates and differential given (${ROUNDS} rounds after warm-up): median ${timing.median.toFixed(3)} ms, p90 ${timing.p90.toFixed(3)} ms, CPU mean ${timing.cpuMean.toFixed(3)} ms; load average ${load.join(" ")}; ${new Date().toISOString()}`,
  );
}
