/**
 * A JSON reader that says where things are. JSON.parse gives no line and column for its errors and
 * quietly keeps the last of two equal keys; this reader gives the line and column of every syntax
 * error, of every value (so validation errors can point into the file), and lists repeated keys.
 *
 * Most texts are good JSON with no key given twice, and nobody asks where their values are: those
 * are read by JSON.parse (some ten times faster) and their positions are worked out only when
 * asked for. Anything else (a syntax error, a repeated key, deep nesting, a byte order mark) is
 * read by the position-tracking reader, so the answer is the same either way.
 */

import { offsetOf, positionAt } from "./json-path.js";

export type Path = (string | number)[];

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
}

export interface JsonSyntaxError extends Position {
  message: string;
  expected: string;
  found: string;
}

export interface RepeatedKey {
  path: Path;
  key: string;
  first: Position;
  again: Position;
}

export type JsonResult =
  | { ok: true; value: unknown; positions: Map<string, Position>; repeatedKeys: RepeatedKey[] }
  | { ok: false; error: JsonSyntaxError };

/** Deeper nesting than this is refused rather than allowed to exhaust the stack. */
export const MAX_DEPTH = 256;

/** The key of a path in the positions map. */
export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

class Fail extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
    readonly detail?: string,
  ) {
    super(expected);
  }
}

export function parseJson(text: string): JsonResult {
  return quickly(text) ?? track(text);
}

/** JSON.parse, when its answer is the tracking reader's; undefined otherwise. */
function quickly(text: string): JsonResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // JSON.parse keeps the last of two equal keys: fewer keys read than written means a repeated one.
  const read = keysIn(value, 0);
  if (read === undefined || read !== keysWritten(text)) return undefined;
  return { ok: true, value, positions: new LazyPositions(text), repeatedKeys: [] };
}

/**
 * The keys written in a text JSON.parse accepted: in JSON a colon outside a string follows a key
 * and nothing else, so the keys are the colons outside strings (found by jumping from quote to
 * quote, not by reading every character).
 */
export function keysWritten(src: string): number {
  let keys = 0;
  let quote = src.indexOf('"');
  let colon = src.indexOf(":");
  while (colon !== -1) {
    if (quote === -1 || colon < quote) {
      keys++;
      colon = src.indexOf(":", colon + 1);
      continue;
    }
    const end = closingQuote(src, quote);
    quote = src.indexOf('"', end + 1);
    if (colon < end) colon = src.indexOf(":", end + 1);
  }
  return keys;
}

/** The quote that closes the string opened at `open` (one not escaped by an odd run of backslashes). */
function closingQuote(src: string, open: number): number {
  let end = src.indexOf('"', open + 1);
  for (;;) {
    if (end === -1) return src.length;
    let slashes = 0;
    while (src.charCodeAt(end - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return end;
    end = src.indexOf('"', end + 1);
  }
}

/**
 * How many keys a parsed value holds, at every depth; undefined when it nests MAX_DEPTH deep or
 * more (the tracking reader then answers, and refuses what is too deep).
 */
function keysIn(v: unknown, depth: number): number | undefined {
  if (typeof v !== "object" || v === null) return 0;
  if (depth + 1 >= MAX_DEPTH) return undefined;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) {
      const inner = keysIn(x, depth + 1);
      if (inner === undefined) return undefined;
      n += inner;
    }
    return n;
  }
  for (const k in v) {
    const inner = keysIn((v as Record<string, unknown>)[k], depth + 1);
    if (inner === undefined) return undefined;
    n += 1 + inner;
  }
  return n;
}

/**
 * Positions worked out when asked for: one value's by walking the text to it (json-path.ts), the
 * whole map (iteration, size) by the tracking reader. Only an issue to report needs a position.
 */
class LazyPositions extends Map<string, Position> {
  #text: string | undefined;
  readonly #found = new Map<string, Position | undefined>();
  constructor(text: string) {
    super();
    this.#text = text;
  }
  #fill(): this {
    const text = this.#text;
    if (text === undefined) return this;
    this.#text = undefined;
    const r = track(text);
    if (r.ok) for (const [k, v] of r.positions) super.set(k, v);
    return this;
  }
  override get(key: string) {
    const text = this.#text;
    if (text === undefined) return super.get(key);
    if (!this.#found.has(key)) this.#found.set(key, this.#walk(text, JSON.parse(key) as Path));
    return this.#found.get(key);
  }
  /** The position of the value at a path, by walking the text to it. */
  #walk(text: string, path: Readonly<Path>): Position | undefined {
    const at = offsetOf(text, path);
    return at === undefined ? undefined : positionAt(text, at);
  }
  /** The position of the value at `path`, or of its nearest ancestor that exists. */
  nearest(path: Readonly<Path>): Position | undefined {
    const text = this.#text;
    if (text === undefined) return nearestIn(this, path);
    for (let n = path.length; n >= 0; n--) {
      const p = this.#walk(text, n === path.length ? path : path.slice(0, n));
      if (p) return p;
    }
    return undefined;
  }
  override has(key: string) {
    return this.get(key) !== undefined;
  }
  override get size() {
    return this.#fill() && super.size;
  }
  override forEach(f: (value: Position, key: string, map: Map<string, Position>) => void, thisArg?: unknown) {
    this.#fill();
    super.forEach(f, thisArg);
  }
  override entries() {
    return this.#fill() && super.entries();
  }
  override keys() {
    return this.#fill() && super.keys();
  }
  override values() {
    return this.#fill() && super.values();
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
}

/** The position of the value at `path`, or of its nearest ancestor that exists in `positions`. */
export function positionOf(positions: Map<string, Position>, path: Readonly<Path>): Position | undefined {
  return positions instanceof LazyPositions ? positions.nearest(path) : nearestIn(positions, path);
}

function nearestIn(positions: Map<string, Position>, path: Readonly<Path>): Position | undefined {
  for (let n = path.length; n >= 0; n--) {
    const p = positions.get(pathKey(path.slice(0, n)));
    if (p) return p;
  }
  return undefined;
}

/** The position-tracking reader alone (parseJson's answer whatever the text; for tests and benchmarks). */
export function track(text: string): JsonResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offset = src.length === text.length ? 0 : 1;
  const lineStarts = [0];
  for (let k = 0; k < src.length; k++) if (src.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const position = (at: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (lineStarts[lo] ?? 0) + 1 + (lo === 0 ? offset : 0) };
  };

  const positions = new Map<string, Position>();
  const repeatedKeys: RepeatedKey[] = [];
  let i = 0;

  const ws = () => {
    for (;;) {
      const c = src[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else if (c === "/" && (src[i + 1] === "/" || src[i + 1] === "*"))
        throw new Fail(i, "a value", "JSON has no comments");
      else return;
    }
  };

  const value = (path: Path, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new Fail(i, "a value", `nested more than ${MAX_DEPTH} deep`);
    ws();
    if (!positions.has(pathKey(path))) positions.set(pathKey(path), position(i));
    const c = src[i];
    if (c === "{") return object(path, depth);
    if (c === "[") return array(path, depth);
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const [word, v] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (src.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    if (c === "'") throw new Fail(i, "a value", 'strings take double quotes (")');
    if (c === "]" || c === "}") throw new Fail(i, "a value");
    throw new Fail(i, "a value (object, array, string, number, true, false or null)");
  };

  const object = (path: Path, depth: number): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Position>();
    ws();
    if (src[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (src[i] === "}")
        throw new Fail(i, "a key in double quotes", "a comma before } is not allowed in JSON");
      if (src[i] !== '"')
        throw new Fail(
          i,
          "a key in double quotes",
          src[i] === "'" ? 'keys take double quotes (")' : undefined,
        );
      const keyAt = position(i);
      const key = string();
      const first = seen.get(key);
      if (first) repeatedKeys.push({ path, key, first, again: keyAt });
      else seen.set(key, keyAt);
      const childPath = [...path, key];
      positions.set(pathKey(childPath), keyAt);
      ws();
      if (src[i] !== ":") throw new Fail(i, `":" after the key "${key}"`);
      i++;
      const v = value(childPath, depth + 1);
      // A repeated key keeps its first value here; the repetition is an error reported by the caller.
      if (!first)
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      ws();
      if (src[i] === ",") {
        i++;
        continue;
      }
      if (src[i] === "}") {
        i++;
        return out;
      }
      throw new Fail(i, '"," or "}"', src[i] === '"' ? "a comma is missing between two members" : undefined);
    }
  };

  const array = (path: Path, depth: number): unknown[] => {
    i++;
    const out: unknown[] = [];
    ws();
    if (src[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (src[i] === "]") throw new Fail(i, "a value", "a comma before ] is not allowed in JSON");
      out.push(value([...path, out.length], depth + 1));
      ws();
      if (src[i] === ",") {
        i++;
        continue;
      }
      if (src[i] === "]") {
        i++;
        return out;
      }
      throw new Fail(
        i,
        '"," or "]"',
        src[i] === '"' || src[i] === "{" ? "a comma is missing between two items" : undefined,
      );
    }
  };

  const ESCAPES: Record<string, string> = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
  };
  const string = (): string => {
    const start = i;
    i++;
    let out = "";
    for (;;) {
      const c = src[i];
      if (c === undefined) throw new Fail(start, 'a closing " for the string that starts here');
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\") {
        const e = src[i + 1];
        if (e === "u") {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Fail(i, "four hex digits after \\u");
          out += String.fromCharCode(Number.parseInt(hex, 16));
          i += 6;
          continue;
        }
        const r = e === undefined ? undefined : ESCAPES[e];
        if (r === undefined) throw new Fail(i, 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        out += r;
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20)
        throw new Fail(i, 'a closing "', "a line break or control character inside a string must be escaped");
      out += c;
      i++;
    }
  };

  const number = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
    if (!m) throw new Fail(i, "a number");
    i += m[0].length;
    const next = src[i];
    if (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next)) throw new Fail(i, "the end of the number");
    return Number(m[0]);
  };

  try {
    const v = value([], 0);
    ws();
    if (i < src.length) throw new Fail(i, "the end of the document", "only one value may stand at the top");
    return { ok: true, value: v, positions, repeatedKeys };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    const at = position(e.at);
    const found = e.at >= src.length ? "the end of the text" : describeChar(src, e.at);
    return {
      ok: false,
      error: {
        ...at,
        expected: e.expected,
        found,
        message: `JSON syntax error at line ${at.line}, column ${at.column}: expected ${e.expected}, found ${found}${e.detail ? ` (${e.detail})` : ""}`,
      },
    };
  }
}

function describeChar(src: string, at: number): string {
  const word = /^[A-Za-z_][\w-]*/.exec(src.slice(at, at + 40));
  if (word) return `\`${word[0]}\``;
  const c = src[at] ?? "";
  if (c === "\n" || c === "\r") return "a line break";
  if (c === "\t") return "a tab";
  return `\`${c}\``;
}
