/**
 * The stages the service calls, gathered behind one interface so the app can be built with any
 * engine (tests inject small fakes; production loads the real stages). A stage whose module is not
 * in this build is absent, and the routes that need it answer 422 "not available in this build".
 */
import { ATLAS_VERSION } from "../atlas/index.js";
import { type CaseResult, type Issue, parseCase, parseCaseText } from "../case/index.js";
import type { LocusCase } from "../case/schema.js";
import type { Differential } from "../differential/types.js";
import { localize } from "../localize/index.js";
import type { Localization } from "../localize/types.js";

export type { Issue } from "../case/index.js";

export interface Engine {
  atlasVersion: string;
  parseCase(input: unknown): CaseResult;
  /** Like parseCase, from JSON text: syntax errors and repeated keys come with line and column. */
  parseCaseText(text: string): CaseResult;
  localize?: (c: LocusCase) => Localization;
  differential?: (c: LocusCase, loc: Localization) => Differential;
  plan?: (c: LocusCase, loc: Localization) => unknown;
  /** Note to case; the result carries the case under `case` (and the spans behind it). */
  extract?: (text: string) => unknown;
  looksLikeNote?: (text: string) => boolean;
}

/** An issue of our own (not about the case), in the case stage's shape. */
export function issue(
  path: (string | number)[],
  message: string,
  extra: Omit<Issue, "path" | "message"> = {},
): Issue {
  return { path, message, ...extra };
}

type Fn = (...args: never[]) => unknown;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A stage module that may not exist yet in this build. */
async function optionalModule(relative: string): Promise<Record<string, unknown>> {
  try {
    const mod: unknown = await import(new URL(relative, import.meta.url).href);
    return isRecord(mod) ? mod : {};
  } catch (error) {
    const code = isRecord(error) ? error.code : undefined;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") return {};
    if (error instanceof Error && /Cannot find module|Failed to load url/i.test(error.message)) return {};
    throw error;
  }
}

function fn<T extends Fn>(mod: Record<string, unknown>, name: string): T | undefined {
  const f = mod[name];
  return typeof f === "function" ? (f as T) : undefined;
}

/** The real stages. */
export async function loadEngine(): Promise<Engine> {
  const [differentialMod, planMod, textMod] = await Promise.all([
    optionalModule("../differential/index.js"),
    optionalModule("../plan/index.js"),
    optionalModule("../text/index.js"),
  ]);
  const engine: Engine = {
    atlasVersion: ATLAS_VERSION,
    parseCase,
    parseCaseText,
    localize: (c) => localize(c),
  };
  const differential = fn<NonNullable<Engine["differential"]>>(differentialMod, "differential");
  if (differential) engine.differential = (c, loc) => differential(c, loc);
  const plan = fn<NonNullable<Engine["plan"]>>(planMod, "plan");
  // The planner weighs the engine's candidates itself: it takes the case (and options), not the localization.
  if (plan) engine.plan = (c) => (plan as unknown as (c: LocusCase) => unknown)(c);
  const extract = fn<NonNullable<Engine["extract"]>>(textMod, "extract");
  if (extract) engine.extract = (text) => extract(text);
  const looksLikeNote = fn<NonNullable<Engine["looksLikeNote"]>>(textMod, "looksLikeNote");
  if (looksLikeNote) engine.looksLikeNote = (text) => looksLikeNote(text);
  return engine;
}

/** Which stages this engine has, for /readyz. */
export function stages(engine: Engine): Record<string, boolean> {
  return {
    localize: Boolean(engine.localize),
    differential: Boolean(engine.differential),
    plan: Boolean(engine.plan),
    extract: Boolean(engine.extract),
  };
}

/** Pull the case out of whatever extraction returned. */
export function caseFromExtraction(result: unknown): unknown {
  if (isRecord(result) && "case" in result) return result.case;
  return result;
}
