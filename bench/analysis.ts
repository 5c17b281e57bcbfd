/**
 * The whole fresh analysis, as the service computes an answer: the case text parsed and checked,
 * localized once, the differential, the plan, and the answer as JSON (src/server/analysis.ts's
 * answerOf). Each stage is also timed alone on the same cases, to say where the time goes.
 *
 * Allocation per answer: the growth of heapUsed across one answer, over the answers during which
 * no garbage collection ran (a collection shrinks the heap; those samples are dropped). Young
 * objects count until they are collected, so this is what an answer allocates, not what it keeps.
 */
import { quantile } from "../src/evaluate/index.js";

type Modules = {
  parseCaseText: typeof import("../src/case/index.js").parseCaseText;
  analyze: typeof import("../src/report/analyze.js").analyze;
  ENGINE_STAGES: typeof import("../src/report/analyze.js").ENGINE_STAGES;
  answerOf: typeof import("../src/server/analysis.js").answerOf;
};

/** The compiled modules (npm run bench builds them first), as the service runs them. */
export async function compiledModules(): Promise<Modules> {
  const at = (p: string) => new URL(`../dist/${p}`, import.meta.url).href;
  const [kase, report, server] = await Promise.all([
    import(at("case/index.js")) as Promise<typeof import("../src/case/index.js")>,
    import(at("report/analyze.js")) as Promise<typeof import("../src/report/analyze.js")>,
    import(at("server/analysis.js")) as Promise<typeof import("../src/server/analysis.js")>,
  ]);
  return {
    parseCaseText: kase.parseCaseText,
    analyze: report.analyze,
    ENGINE_STAGES: report.ENGINE_STAGES,
    answerOf: server.answerOf,
  };
}

/** One fresh answer from the text of a case: what POST /api/v1/localize computes on a cache miss. */
export function answer(m: Modules, text: string): string {
  const parsed = m.parseCaseText(text);
  if (!parsed.ok) throw new Error("a development case is not valid");
  return JSON.stringify(m.answerOf(m.analyze(parsed.case), parsed));
}

const ms = (x: number) => `${x.toFixed(3)} ms`;
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function timed(texts: string[], rounds: number, f: (text: string, i: number) => unknown): number[] {
  const t: number[] = [];
  for (let r = 0; r < rounds; r++)
    texts.forEach((text, i) => {
      const t0 = performance.now();
      f(text, i);
      t.push(performance.now() - t0);
    });
  return t;
}

function allocation(texts: string[], rounds: number, f: (text: string) => unknown): number[] {
  const grown: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const text of texts) {
      const before = process.memoryUsage().heapUsed;
      f(text);
      const after = process.memoryUsage().heapUsed;
      if (after >= before) grown.push(after - before);
    }
  return grown;
}

/**
 * New cases, each answered once: every development case with one of its findings left out. The
 * development set answered round after round finds the engine's caches (lesion shapes, sentences
 * put in words, words folded) warm; a service's new case does not always.
 */
function leftOneOut(texts: string[]): string[] {
  return texts.flatMap((t) => {
    const doc = JSON.parse(t) as { id: string; findings: unknown[] };
    return doc.findings.map((_, k) =>
      JSON.stringify({ ...doc, id: `${doc.id}-${k}`, findings: doc.findings.filter((_f, j) => j !== k) }),
    );
  });
}

/** Targets (issue 16): median whole answer <= 1.5 ms, allocation per answer < 0.5 MB. */
export const TARGET = { medianMs: 1.5, allocationMb: 0.5 };

export function benchAnalysis(m: Modules, texts: string[], rounds = 20): string[] {
  for (let r = 0; r < 10; r++) for (const t of texts) answer(m, t);
  const whole = timed(texts, rounds, (t) => answer(m, t));
  const cases = texts.map((t) => {
    const r = m.parseCaseText(t);
    if (!r.ok) throw new Error("a development case is not valid");
    return r;
  });
  const { localize, differential, plan } = m.ENGINE_STAGES;
  const located = cases.map((r) => localize(r.case, { limit: 5 }));
  const diagnosed = cases.map((r, i) =>
    differential(r.case, (located[i] as (typeof located)[number]).localization),
  );
  /** The plan as the assembler asks for it: localize's candidates and the differential handed over. */
  const planOf = (i: number) =>
    plan((cases[i] as (typeof cases)[number]).case, {
      limit: 5,
      from: (located[i] as (typeof located)[number]).candidates,
      differential: diagnosed[i] as (typeof diagnosed)[number],
    });
  const analyses = cases.map((r) => m.analyze(r.case));
  const stages = {
    "parse and check": timed(texts, rounds, (t) => m.parseCaseText(t)),
    localize: timed(texts, rounds, (_t, i) =>
      localize((cases[i] as (typeof cases)[number]).case, { limit: 5 }),
    ),
    differential: timed(texts, rounds, (_t, i) =>
      differential(
        (cases[i] as (typeof cases)[number]).case,
        (located[i] as (typeof located)[number]).localization,
      ),
    ),
    plan: timed(texts, rounds, (_t, i) => planOf(i)),
    "answer to JSON": timed(texts, rounds, (_t, i) =>
      JSON.stringify(
        m.answerOf(analyses[i] as (typeof analyses)[number], cases[i] as (typeof cases)[number]),
      ),
    ),
  };
  const fresh = timed(leftOneOut(texts), 1, (t) => answer(m, t));
  const grown = allocation(texts, rounds, (t) => answer(m, t));
  const withoutPlan = allocation(texts, rounds, (t) => {
    const r = m.parseCaseText(t);
    if (r.ok) localize(r.case, { limit: 5 });
  });
  let k = 0;
  const planAlone = allocation(texts, rounds, () => planOf(k++ % cases.length));
  const bytes = analyses.map((a, i) =>
    Buffer.byteLength(JSON.stringify(m.answerOf(a, cases[i] as (typeof cases)[number]))),
  );
  const wholeMedian = median(whole);
  const allocMb = median(grown) / 2 ** 20;
  return [
    `whole fresh analysis (parse, localize, differential, plan, JSON), ${texts.length} development cases x ${rounds}: median ${ms(wholeMedian)}, p95 ${ms(
      quantile(
        [...whole].sort((a, b) => a - b),
        0.95,
      ),
    )} (target <= ${TARGET.medianMs} ms: ${wholeMedian <= TARGET.medianMs ? "met" : "NOT met"})`,
    `  new cases, each answered once (each development case with one finding left out, ${fresh.length}): median ${ms(median(fresh))}, mean ${ms(mean(fresh))}`,
    `  where the time goes (each stage alone, median / mean; their means sum to ${ms(
      Object.values(stages).reduce((a, v) => a + mean(v), 0),
    )}, the whole's mean is ${ms(mean(whole))}: in one answer the stages share the caches and the collector): ${Object.entries(
      stages,
    )
      .map(([k, v]) => `${k} ${ms(median(v))} / ${ms(mean(v))}`)
      .join(", ")}`,
    `allocation per answer: median ${allocMb.toFixed(2)} MB over ${grown.length} answers without a collection (target < ${TARGET.allocationMb} MB: ${allocMb < TARGET.allocationMb ? "met" : "NOT met"}); parse and localize alone ${(median(withoutPlan) / 2 ** 20).toFixed(2)} MB, the plan alone ${(median(planAlone) / 2 ** 20).toFixed(2)} MB`,
    `answer size: median ${(median(bytes) / 1024).toFixed(1)} KB of JSON (largest ${(Math.max(...bytes) / 1024).toFixed(1)} KB)`,
  ];
}
