/**
 * The stages the service calls, gathered behind one interface so the app can be built with any
 * engine (tests inject small fakes; production loads the real stages). A stage that is not built
 * yet is simply absent, and its routes answer 422 "not available in this build" instead of failing.
 */
import { ATLAS_VERSION } from "../atlas/index.js";
import { type CaseResult, type Issue, parseCase, parseCaseText } from "../case/index.js";
import type { LocusCase } from "../case/schema.js";
import type { Localization } from "../localize/types.js";

export type { Issue } from "../case/index.js";
export type ParseResult = CaseResult;

export interface Engine {
  atlasVersion: string;
  parseCase(input: unknown): CaseResult;
  /** Like parseCase, from JSON text: syntax errors and repeated keys come with line and column. */
  parseCaseText(text: string): CaseResult;
  localize?: (c: LocusCase) => Localization;
  differential?: (c: LocusCase, loc: Localization) => unknown;
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

async function tryImport(specifier: string): Promise<Record<string, unknown>> {
  try {
    const mod: unknown = await import(specifier);
    return isRecord(mod) ? mod : {};
  } catch (error) {
    // A module that is absent is expected while stages land; a module that fails to load is not.
    const code = isRecord(error) ? error.code : undefined;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") return {};
    if (
      error instanceof Error &&
      /Cannot find module|Failed to load url|does not provide/i.test(error.message)
    )
      return {};
    throw error;
  }
}

function fn<T extends Fn>(mod: Record<string, unknown>, name: string): T | undefined {
  const f = mod[name];
  return typeof f === "function" ? (f as T) : undefined;
}

/** The real stages, each when its module exists. */
export async function loadEngine(): Promise<Engine> {
  const [caseMod, localizeMod, differentialMod, planMod, textMod] = await Promise.all(
    [
      "../case/index.js",
      "../localize/index.js",
      "../differential/index.js",
      "../plan/index.js",
      "../text/index.js",
    ].map((s) => tryImport(new URL(s, import.meta.url).href)),
  );
  const engine: Engine = {
    atlasVersion: ATLAS_VERSION,
    parseCase,
    parseCaseText,
  };
  const localize = fn<NonNullable<Engine["localize"]>>(localizeMod ?? {}, "localize");
  if (localize) engine.localize = (c) => localize(c);
  const differential = fn<NonNullable<Engine["differential"]>>(differentialMod ?? {}, "differential");
  if (differential) engine.differential = differential;
  const plan = fn<NonNullable<Engine["plan"]>>(planMod ?? {}, "plan");
  if (plan) engine.plan = plan;
  const extract = fn<NonNullable<Engine["extract"]>>(textMod ?? {}, "extract");
  if (extract) engine.extract = extract;
  const looksLikeNote = fn<NonNullable<Engine["looksLikeNote"]>>(textMod ?? {}, "looksLikeNote");
  if (looksLikeNote) engine.looksLikeNote = looksLikeNote;
  return engine;
}

/** Which stages this engine has, for /readyz and the OpenAPI description. */
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
