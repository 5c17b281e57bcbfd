import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnalysisDifferential } from "../../analysis/assemble.js";
import { parseCase, parseCaseText } from "../../case/index.js";
import type { LocusCase } from "../../case/schema.js";
import type { Differential } from "../../differential/types.js";
import type { Localization } from "../../localize/types.js";
import type { Plan } from "../../plan/index.js";
import { openSqliteDir } from "../../store/sqlite.js";
import { createApp } from "../app.js";
import { type Config, loadConfig } from "../config.js";
import type { Engine } from "../engine.js";
import { silentLogger } from "../logging.js";
import type { Deps } from "../types.js";

export const CASES_DIR = join(import.meta.dirname, "../../../demo/cases");

export function devCases(): { name: string; json: LocusCase }[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((name) => ({ name, json: JSON.parse(readFileSync(join(CASES_DIR, name), "utf8")) as LocusCase }));
}

/** A stand-in localizer for tests of the service (not of localization): one hypothesis per case. */
export function fakeLocalize(c: LocusCase): Localization {
  const weak = c.findings.find((f) => f.kind === "strength");
  return {
    atlasVersion: "test-atlas-1",
    hypotheses: [
      {
        lesions: [{ level: "root", sites: ["L5"], side: weak?.side ?? "left" }],
        probability: 0.7,
        explains: weak
          ? [{ finding: c.findings.indexOf(weak), text: "weak muscle in the L5 myotome", weight: 1.2 }]
          : [],
        against: [],
        unexplained: [],
        detail: ["L5 root, foraminal or lateral recess"],
        score: -3,
      },
      {
        lesions: [{ level: "nerve", sites: ["common_peroneal@fibular_head"], side: weak?.side ?? "left" }],
        probability: 0.2,
        explains: [],
        against: [{ finding: 0, text: "paraspinal denervation argues against a nerve lesion", weight: -1 }],
        unexplained: [],
        detail: [],
        score: -4,
      },
    ],
    other: 0.1,
    searched: 120,
  };
}

const condition = (id: string, name: string, probability: number, icd10cm: string, snomed?: string) => ({
  id,
  name,
  probability,
  mustNotMiss: false,
  for: [
    { kind: "localization" as const, text: "fits the localization", factor: 3, findings: [0], sources: [] },
  ],
  against: [],
  codes: { icd10cm, ...(snomed ? { snomed } : {}) },
  workup: [],
  sources: [],
});

/** A stand-in differential (its conditions ask for no work-up, so it reads as a stage's answer and as the analysis's). */
export function fakeDifferential(): Differential & AnalysisDifferential {
  return {
    status: "ok",
    conditions: [
      condition("lumbar_disc_radiculopathy", "Lumbar disc radiculopathy", 0.6, "M51.16"),
      condition("neoplastic_lumbosacral_plexopathy", "Neoplastic lumbosacral plexopathy", 0.1, "G54.1"),
    ],
    redFlags: [
      {
        id: "neoplastic_plexopathy",
        name: "neoplastic plexopathy",
        severity: "critical",
        text: "History of cancer with a painful progressive plexopathy",
        because: ["cancer", "pain"],
        criteria: [],
        against: [],
        findings: [0],
        action: [],
        sources: [],
      },
    ],
    workup: [],
    other: 0.3,
    catalogueVersion: "test",
  };
}

/** A stand-in plan: one suggested test. */
export function fakePlan(): Plan {
  return {
    atlasVersion: "test",
    entropy: 1.2,
    hypotheses: [],
    suggestions: [
      {
        test: { kind: "emg", id: "lumbar_paraspinals", side: "left" },
        name: "needle EMG of lumbar paraspinals",
        gain: 0.4,
        burden: 4,
        value: 0.1,
        why: "separates an L5 root from a fibular nerve lesion",
        decides: { localization: 0.4, conditions: 0 },
        changes: 0.3,
        predictions: [],
      },
    ],
    considered: 1,
  };
}

export const fakeEngine = (): Engine => ({
  atlasVersion: "test-atlas-1",
  parseCase,
  parseCaseText,
  localize: (c) => ({ localization: fakeLocalize(c) }),
  differential: () => fakeDifferential(),
  plan: () => fakePlan(),
});

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  close(): Promise<void>;
}

export async function testApp(
  options: { env?: NodeJS.ProcessEnv; engine?: Engine; config?: Partial<Config>; fetch?: typeof fetch } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "locus-app-"));
  const repo = openSqliteDir(dir);
  await repo.migrate();
  const config = { ...loadConfig({ LOCUS_DATA_DIR: dir, ...options.env }), ...options.config };
  const deps: Deps = {
    config,
    engine: options.engine ?? fakeEngine(),
    repo,
    logger: silentLogger(),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  return {
    app: createApp(deps),
    deps,
    close: async () => {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const jsonRequest = (
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
