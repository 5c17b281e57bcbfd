/**
 * A case from a request body: a LocusCase (parsed from the text, so syntax errors and repeated keys
 * come with line and column, exactly as `locus validate` reports them) or a clinic note run through
 * extraction. Invalid cases answer 400 with every issue.
 */
import type { Context } from "hono";
import type { CaseResult } from "../../case/index.js";
import { caseFromExtraction, type Engine } from "../engine.js";
import { HttpError } from "../errors.js";
import { type Body, JSON_TYPES, readBody, TEXT_TYPES, tryJson } from "../http.js";

export type ValidCase = Extract<CaseResult, { ok: true }>;

export interface CaseInput {
  /** The case exactly as sent (or as extracted): what the store keeps. */
  input: unknown;
  parsed: ValidCase;
  extraction?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function invalidCase(result: Extract<CaseResult, { ok: false }>): HttpError {
  return new HttpError(400, "invalid_case", "the case does not match the LocusCase format", result.errors);
}

function extractNote(engine: Engine, text: string): { input: unknown; extraction: unknown } {
  if (!text.trim()) throw new HttpError(400, "empty_note", "the note is empty");
  if (!engine.extract)
    throw new HttpError(
      422,
      "not_available",
      "note extraction is not available in this build of Locus; send a LocusCase",
    );
  const extraction = engine.extract(text);
  return { input: caseFromExtraction(extraction), extraction };
}

export async function readCase(c: Context, engine: Engine, options: { notes: boolean }): Promise<CaseInput> {
  return caseFromBody(
    await readBody(c, options.notes ? [...JSON_TYPES, ...TEXT_TYPES] : JSON_TYPES),
    engine,
    options,
  );
}

export function caseFromBody(body: Body, engine: Engine, options: { notes: boolean }): CaseInput {
  // A LocusCase sent as text/plain (curl's default for --data-binary from a file) is still a case.
  if (body.kind === "text" && /^\s*\{/.test(body.value) && /"format"\s*:\s*"locus-case\//.test(body.value))
    return caseFromBody({ kind: "json", text: body.value }, engine, options);
  if (body.kind === "text") {
    const { input, extraction } = extractNote(engine, body.value);
    return { input, extraction, parsed: validOr400(engine.parseCase(input)) };
  }
  // Parsed here only when it may be {"note": ...} (the key spelled out or written with \u escapes)
  // or when the case as sent is wanted; the case stage parses the text itself.
  let quick = options.notes && !mayBeNote(body.text) ? undefined : tryJson(body.text);
  if (
    options.notes &&
    quick?.ok &&
    isRecord(quick.value) &&
    typeof quick.value.note === "string" &&
    !("format" in quick.value)
  ) {
    const { input, extraction } = extractNote(engine, quick.value.note);
    return { input, extraction, parsed: validOr400(engine.parseCase(input)) };
  }
  const { text } = body;
  const parsed = validOr400(engine.parseCaseText(text));
  return {
    parsed,
    /** The case exactly as sent: what the store keeps (an analysis never asks for it). */
    get input() {
      quick ??= tryJson(text);
      return quick.ok ? quick.value : parsed.case;
    },
  };
}

/** Whether JSON text can hold a key "note": only if it spells "note" or uses \u escapes. */
export const mayBeNote = (text: string): boolean => text.includes('"note"') || text.includes("\\u");

export function validOr400(result: CaseResult): ValidCase {
  if (!result.ok) throw invalidCase(result);
  return result;
}
