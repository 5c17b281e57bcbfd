/**
 * Issues (errors and warnings) that a clinician and a program can both act on: where (the JSON
 * path, and the line and column when the case came as text), what was expected, what was found,
 * and the nearest known words when a word was not understood.
 */
import { z } from "zod";
import { editDistance, fold } from "../atlas/index.js";
import { keep, keepBounded } from "../keep.js";
import { locusCase } from "./schema.js";

export type Path = (string | number)[];

export interface Issue {
  path: Path;
  message: string;
  expected?: string;
  found?: unknown;
  suggestions?: string[];
  /** Where in the text the path starts, when the case was read from text (1-based). */
  line?: number;
  column?: number;
}

/** `findings[3].target`, or `(the case)` for the root. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(the case)";
  let s = "";
  for (const seg of path) {
    if (typeof seg === "number") s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) s += s ? `.${seg}` : seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/** A value as it reads in an error message: strings quoted, objects and arrays named. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return v.length === 0 ? "an empty array" : "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  return String(v);
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/**
 * Suggestions already worked out, by word list and word: the same free words (history and symptom
 * words outside the controlled lists) come back case after case, and each costs an edit distance
 * to every word of the list. Bounded per list, and started again past the bound.
 */
const suggested = new WeakMap<readonly string[], Map<string, readonly string[]>>();
const MAX_SUGGESTED = 2000;
/** Longer words are not kept (a case's free text could otherwise fill the table with megabytes). */
const MAX_KEPT_WORD = 80;

/** Known words nearest to `word`, best first: ignoring case, spaces and underscores, then by edits. */
export function nearestWords(word: string, candidates: readonly string[], limit = 3): string[] {
  if (word.length > MAX_KEPT_WORD) return nearest(word, candidates, limit);
  const known = keep(suggested, candidates, () => new Map<string, readonly string[]>());
  return [...keepBounded(known, `${limit}|${word}`, () => nearest(word, candidates, limit), MAX_SUGGESTED)];
}

function nearest(word: string, candidates: readonly string[], limit: number): string[] {
  const key = fold(word);
  if (!key) return [];
  const max = Math.max(2, Math.floor(key.length / 3));
  const scored: { word: string; d: number }[] = [];
  for (const c of candidates) {
    const k = fold(c);
    const d = k === key ? 0 : k.startsWith(key) && key.length >= 3 ? 1 : editDistance(key, k, max);
    if (d <= max) scored.push({ word: c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.word.localeCompare(b.word));
  return [...new Set(closeToBest(scored).map((s) => s.word))].slice(0, limit);
}

/** Keep the best matches only: a near miss is not worth naming next to a close one. */
export function closeToBest<T extends { d: number }>(scored: readonly T[]): T[] {
  const best = scored[0]?.d ?? 0;
  return scored.filter((s) => s.d <= best + (best >= 2 ? 1 : 0));
}

export const didYouMean = (suggestions: readonly string[]): string =>
  suggestions.length ? `; did you mean ${orList(suggestions.map((s) => `\`${s}\``))}?` : "";

/** "a, b or c". */
export function orList(words: readonly string[], conj = "or"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${conj} ${words[words.length - 1]}`;
}

/** The field's name as a clinician reads it in a message: `side`, `an item of tags`. */
function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return "the case";
  if (typeof last === "string") return `"${last}"`;
  const parent = path[path.length - 2];
  return typeof parent === "string" ? `each item of "${parent}"` : `item ${last}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  record: "an object",
  null: "null",
};

type ZodIssue = z.core.$ZodIssue;

/** The zod schema that describes the value at a path of the input, following finding kinds. */
function schemaAt(path: Path, input: unknown): z.ZodType | undefined {
  let s: z.ZodType = locusCase;
  for (let k = 0; k <= path.length; k++) {
    for (;;) {
      if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
      else if (s instanceof z.ZodDiscriminatedUnion) {
        const kind = valueAt(input, [...path.slice(0, k), "kind"]);
        const option = (s.options as z.ZodType[]).find(
          (o) =>
            o instanceof z.ZodObject && (o.shape as Record<string, z.ZodType>).kind?.safeParse(kind).success,
        );
        if (!option) return undefined;
        s = option;
      } else break;
    }
    if (k === path.length) return s;
    const seg = path[k];
    if (s instanceof z.ZodObject && typeof seg === "string") {
      const next = (s.shape as Record<string, z.ZodType | undefined>)[seg];
      if (!next) return undefined;
      s = next;
    } else if (s instanceof z.ZodArray && typeof seg === "number") s = s.element as z.ZodType;
    else return undefined;
  }
  return s;
}

/** The fields an object at this path may have, or undefined when it is not an object of the format. */
export function knownKeys(path: Path, input: unknown): string[] | undefined {
  const s = schemaAt(path, input);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

/**
 * zod's issues, rewritten for people, one issue per unknown field. `input` is what the user wrote
 * (for "found"); `validated` is what the schema saw, after value normalisation (for the fields a
 * finding kind has).
 */
export function issuesFromZod(
  issues: readonly ZodIssue[],
  input: unknown,
  validated: unknown = input,
): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) out.push(...fromZod(zi, input, validated));
  return out;
}

function fromZod(zi: ZodIssue, input: unknown, validated: unknown): Issue[] {
  const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
  const found = valueAt(input, path);
  const name = fieldName(path);
  switch (zi.code) {
    case "invalid_type": {
      const expected =
        path[path.length - 1] === "mrc" ? MRC_EXPECTED : (TYPE_WORDS[zi.expected] ?? zi.expected);
      if (found === undefined && path.length > 0 && !isArrayIndex(path))
        return [{ path, message: `${name} is missing; expected ${expected}`, expected, found }];
      return [
        { path, message: `${name} must be ${expected}; found ${describeValue(found)}`, expected, found },
      ];
    }
    case "invalid_value":
      return [enumIssue(path, zi.values.map(String), found)];
    case "invalid_union": {
      if (zi.discriminator) {
        const options = ("options" in zi ? (zi.options ?? []) : []).map(String);
        const kind = valueAt(input, path);
        if (
          valueAt(input, path.slice(0, -1)) === undefined ||
          typeof valueAt(input, path.slice(0, -1)) !== "object"
        )
          return [
            { path, message: `must be an object; found ${describeValue(kind)}`, expected: "an object" },
          ];
        return [enumIssue(path, options, kind)];
      }
      const expected =
        path[path.length - 1] === "mrc"
          ? MRC_EXPECTED
          : orList([
              ...new Set(
                zi.errors
                  .map((branch) => branch[0])
                  .map((b) =>
                    b?.code === "invalid_type" ? (TYPE_WORDS[b.expected] ?? b.expected) : (b?.message ?? "?"),
                  ),
              ),
            ]);
      if (found === undefined)
        return [{ path, message: `${name} is missing; expected ${expected}`, expected, found }];
      return [
        { path, message: `${name} must be ${expected}; found ${describeValue(found)}`, expected, found },
      ];
    }
    case "unrecognized_keys": {
      const known = knownKeys(path, validated) ?? [];
      return zi.keys.map((key) => {
        const suggestions = nearestWords(key, known);
        return {
          path: [...path, key],
          message: `unknown field "${key}"${didYouMean(suggestions)}${suggestions.length ? "" : ` (known fields: ${known.join(", ")})`}`,
          expected: `one of the fields ${known.join(", ")}`,
          found: key,
          ...(suggestions.length ? { suggestions } : {}),
        };
      });
    }
    case "too_small": {
      const expected =
        zi.origin === "string" && Number(zi.minimum) === 1
          ? "a non-empty string"
          : zi.origin === "array"
            ? `at least ${zi.minimum} item${Number(zi.minimum) === 1 ? "" : "s"}`
            : `${zi.inclusive === false ? "more than" : "at least"} ${zi.minimum}`;
      const verb = zi.origin === "array" ? "must have" : "must be";
      return [
        { path, message: `${name} ${verb} ${expected}; found ${describeValue(found)}`, expected, found },
      ];
    }
    case "too_big": {
      const expected =
        zi.origin === "array"
          ? `at most ${zi.maximum} items`
          : `${zi.inclusive === false ? "less than" : "at most"} ${zi.maximum}`;
      return [
        { path, message: `${name} must be ${expected}; found ${describeValue(found)}`, expected, found },
      ];
    }
    case "invalid_format":
      return [
        {
          path,
          message: `${name} must be ${zi.message}; found ${describeValue(found)}`,
          expected: zi.message,
          found,
        },
      ];
    case "custom": {
      const params = (zi as { params?: { expected?: string } }).params;
      return [
        { path, message: zi.message, ...(params?.expected ? { expected: params.expected } : {}), found },
      ];
    }
    default:
      return [{ path, message: `${name}: ${zi.message}`, found }];
  }
}

const isArrayIndex = (path: Path) => typeof path[path.length - 1] === "number";

export const MRC_EXPECTED =
  'an MRC grade: 0 to 5 as a number or string, with optional "+" or "-" ("4-"), or "weak"';

/** "x" is not one of the allowed words: list them and say which was probably meant. */
export function enumIssue(path: Path, values: readonly string[], found: unknown): Issue {
  const name = fieldName(path);
  const expected = values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.join(", ")}`;
  if (found === undefined)
    return { path, message: `${name} is missing; expected ${expected}`, expected, found };
  const suggestions = typeof found === "string" ? nearestWords(found, values) : [];
  return {
    path,
    message: `${name} must be ${expected}; found ${describeValue(found)}${didYouMean(suggestions)}`,
    expected,
    found,
    ...(suggestions.length ? { suggestions } : {}),
  };
}
