/**
 * The stages the service calls, gathered behind one interface so the app can be built with any
 * engine (tests inject small fakes; production loads the real stages). Localization, the
 * differential and the planner are the assembler's stages (src/analysis/assemble.ts) and always
 * present; note extraction is optional, and the routes that need it answer 422 "not available in
 * this build" without it.
 */
import type { Stages } from "../analysis/assemble.js";
import { ATLAS_VERSION } from "../atlas/index.js";
import { type CaseResult, type Issue, parseCase, parseCaseText } from "../case/index.js";
import { ENGINE_STAGES } from "../report/analyze.js";

export type { Issue } from "../case/index.js";

export interface Engine extends Stages {
  atlasVersion: string;
  parseCase(input: unknown): CaseResult;
  /** Like parseCase, from JSON text: syntax errors and repeated keys come with line and column. */
  parseCaseText(text: string): CaseResult;
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
  const textMod = await optionalModule("../text/index.js");
  const engine: Engine = { atlasVersion: ATLAS_VERSION, parseCase, parseCaseText, ...ENGINE_STAGES };
  const extract = fn<NonNullable<Engine["extract"]>>(textMod, "extract");
  if (extract) engine.extract = (text) => extract(text);
  const looksLikeNote = fn<NonNullable<Engine["looksLikeNote"]>>(textMod, "looksLikeNote");
  if (looksLikeNote) engine.looksLikeNote = (text) => looksLikeNote(text);
  return engine;
}

/** Which stages this engine has, for /readyz. */
export function stages(engine: Engine): Record<string, boolean> {
  return {
    localize: true,
    differential: true,
    plan: true,
    extract: Boolean(engine.extract),
  };
}

/** Pull the case out of whatever extraction returned. */
export function caseFromExtraction(result: unknown): unknown {
  if (isRecord(result) && "case" in result) return result.case;
  return result;
}
