/**
 * The case stage: any input becomes a LocusCase with canonical atlas ids, or a list of every error
 * in it. See docs/spec/FORMAT.md for the format, and docs/case.md.
 *
 *   parseCaseText(text)   JSON text -> CaseResult (syntax errors with line and column)
 *   parseCase(value)      a parsed value -> CaseResult
 *
 * A valid result holds the canonical case, what was normalised (JSON path, from, to), warnings,
 * and for each finding the input finding it came from (group words make several).
 */
import { z } from "zod";
import { type Issue, issuesFromZod } from "./errors.js";
import { type Position, parseJson, pathKey, positionOf } from "./json.js";
import { applyResolutions, type Normalisation, normaliseValues, resolveAtlasIds } from "./normalize.js";
import { inDocumentOrder } from "./order.js";
import { FORMAT_ID, type LocusCase, locusCase } from "./schema.js";
import { caseWarnings, freeTextWarnings } from "./warnings.js";

export { describeValue, formatPath, type Issue, nearestWords, type Path } from "./errors.js";
export { type JsonResult, type Position, parseJson } from "./json.js";
export { canonicalMrc, isOnScale, mrcGrade } from "./mrc.js";
export {
  canonicalHistory,
  canonicalLevel,
  canonicalSide,
  canonicalSymptom,
  type Normalisation,
  resolveWord,
} from "./normalize.js";
export {
  canonicalSensoryLevel,
  isOthersWord,
  NEGATED_SIGN_WORDS,
  OTHERS_WORDS,
  PHRASE_SOURCES,
  SENSORY_LEVEL_PATTERN,
} from "./phrases.js";
export { LANDMARKS, PLACE_SOURCES, placeCore, placeSites, sitesOnStudy } from "./places.js";
export * from "./schema.js";
export { VALUE_SOURCES } from "./values.js";
export { MIDLINE_MUSCLES, MIDLINE_REFLEXES } from "./warnings.js";

export type CaseResult =
  | {
      ok: true;
      case: LocusCase;
      normalisations: Normalisation[];
      warnings: Issue[];
      /** For each finding of `case.findings`, the index of the input finding it came from. */
      origins: number[];
    }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Validate and normalise a parsed case. Never throws. */
export function parseCase(input: unknown): CaseResult {
  return run(input);
}

/** Validate and normalise a case given as JSON text; `source` names it in syntax errors. Never throws. */
export function parseCaseText(text: string, source?: string): CaseResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return {
      ok: false,
      errors: [
        {
          path: [],
          message: source ? `${source}: ${e.message}` : e.message,
          expected: e.expected,
          found: e.found,
          line: e.line,
          column: e.column,
        },
      ],
      warnings: [],
    };
  }
  const repeated: Issue[] = parsed.repeatedKeys.map((r) => ({
    path: [...r.path, r.key],
    message: `"${r.key}" is given twice in the same object (line ${r.first.line} and line ${r.again.line}); keep one, so that no value is lost`,
    expected: "each field once",
    found: r.key,
    line: r.again.line,
    column: r.again.column,
  }));
  return run(parsed.value, parsed.positions, repeated);
}

let compiled: typeof locusCase | undefined;

/**
 * The case schema compiled by zod (`z.compile`): the same schema, checked by code generated for it
 * once, which falls back to zod's own parser (and its issues) for a value that fails. Made on first
 * use; index.test.ts checks that no part of the schema is left to the runtime parser.
 */
function compiledCase(): typeof locusCase {
  compiled ??= z.compile(locusCase);
  return compiled;
}

let schemaCache: Record<string, unknown> | undefined;

/** The JSON Schema (draft 2020-12) of a LocusCase, from the same zod schema. */
export function caseJsonSchema(): Record<string, unknown> {
  schemaCache ??= {
    $id: "locus-case-1.schema.json",
    title: `LocusCase (${FORMAT_ID})`,
    ...(z.toJSONSchema(locusCase, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>),
  };
  return structuredClone(schemaCache);
}

/**
 * At most this many errors (and as many warnings) are answered, first in document order, then one
 * line counting the rest: a megabyte of `findings: [1, 1, ...]` is half a million errors, and
 * nobody reads past the first screen of them.
 */
export const MAX_ISSUES = 100;

/** The first MAX_ISSUES issues, then one that counts the rest. */
function capped(issues: Issue[], what: string): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    {
      path: [],
      message: `${rest} more ${what} not shown (${issues.length} in all); correct the ones above and check again`,
    },
  ];
}

function run(input: unknown, positions?: Map<string, Position>, extra: Issue[] = []): CaseResult {
  const finish = (issues: Issue[], what = "errors") =>
    capped(inDocumentOrder(input, issues), what).map((i) => locate(i, positions));
  try {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return {
        ok: false,
        errors: finish([
          {
            path: [],
            message: `a case must be a JSON object with "format": "${FORMAT_ID}", "id" and "findings"; found ${Array.isArray(input) ? "an array" : input === null ? "null" : typeof input}`,
            expected: "an object",
            found: input,
          },
          ...extra,
        ]),
        warnings: [],
      };
    }
    const values = normaliseValues(input);
    const parsed = compiledCase().safeParse(values.value);
    const ids = resolveAtlasIds(values.value);
    const errors = [
      ...extra,
      ...(parsed.success ? [] : issuesFromZod(parsed.error.issues, input, values.value)),
    ];
    const taken = new Set(errors.map((e) => pathKey(e.path)));
    for (const e of ids.errors) if (!taken.has(pathKey(e.path))) errors.push(e);
    const warnings = [...freeTextWarnings(values.value), ...ids.warnings];
    if (errors.length > 0 || !parsed.success) {
      return { ok: false, errors: finish(errors), warnings: finish(warnings, "warnings") };
    }
    const canonical = applyResolutions(parsed.data, ids);
    warnings.push(...caseWarnings(canonical.case, canonical.origins));
    return {
      ok: true,
      case: canonical.case,
      normalisations: inDocumentOrder(input, [...values.normalisations, ...canonical.normalisations]),
      warnings: finish(warnings, "warnings"),
      origins: canonical.origins,
    };
  } catch (error) {
    // A bug of ours, not the user's: say so rather than throw at a caller that trusted "never throws".
    return {
      ok: false,
      errors: [
        {
          path: [],
          message: `internal error while checking the case: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
      warnings: [],
    };
  }
}

/** Add the line and column of the path (or its nearest ancestor) when the case came as text. */
function locate(issue: Issue, positions?: Map<string, Position>): Issue {
  if (!positions || issue.line !== undefined) return issue;
  const p = positionOf(positions, issue.path);
  return p ? { ...issue, line: p.line, column: p.column } : issue;
}
