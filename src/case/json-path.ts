/**
 * Where one value of a JSON text starts, found by walking the text along its path and skipping
 * every other value unread: what an issue needs to point at a line, without the position of every
 * value (src/case/json.ts's tracking reader). For texts JSON.parse accepted with no key given twice.
 */
import type { Path, Position } from "./json.js";

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function ws(src: string, i: number): number {
  while (isSpace(src.charCodeAt(i))) i++;
  return i;
}

/** The index just past the string that opens at i. */
function stringEnd(src: string, i: number): number {
  for (let k = i + 1; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 92) k++;
    else if (c === 34) return k + 1;
  }
  return src.length;
}

/** The index just past the value that starts at i. */
function valueEnd(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === 34) return stringEnd(src, i);
  if (c !== 123 && c !== 91) {
    let k = i;
    while (k < src.length && !isSpace(src.charCodeAt(k)) && !",]}".includes(src.charAt(k))) k++;
    return k;
  }
  let depth = 0;
  for (let k = i; k < src.length; k++) {
    const d = src.charCodeAt(k);
    if (d === 34) k = stringEnd(src, k) - 1;
    else if (d === 123 || d === 91) depth++;
    else if ((d === 125 || d === 93) && --depth === 0) return k + 1;
  }
  return src.length;
}

/** Past the value at i and a following comma: the next member or item, or undefined at the end. */
function next(src: string, i: number): number | undefined {
  const k = ws(src, valueEnd(src, i));
  return src.charCodeAt(k) === 44 ? ws(src, k + 1) : undefined;
}

/**
 * Where the value at `path` is reported: a member at its key, an item or the whole document at
 * its first character (as the tracking reader records them). Undefined when there is no such value.
 */
export function offsetOf(src: string, path: Readonly<Path>): number | undefined {
  let i: number | undefined = ws(src, 0);
  let at = i;
  for (const step of path) {
    const open = src.charCodeAt(i);
    if (typeof step === "string" && open === 123) {
      i = ws(src, i + 1);
      for (;;) {
        if (i === undefined || src.charCodeAt(i) !== 34) return undefined;
        const end = stringEnd(src, i);
        const raw = src.slice(i + 1, end - 1);
        const key = raw.includes("\\") ? (JSON.parse(src.slice(i, end)) as string) : raw;
        const value = ws(src, ws(src, end) + 1);
        if (key === step) {
          at = i;
          i = value;
          break;
        }
        i = next(src, value);
      }
    } else if (typeof step === "number" && open === 91) {
      i = ws(src, i + 1);
      if (src.charCodeAt(i) === 93) return undefined;
      for (let k = 0; k < step && i !== undefined; k++) i = next(src, i);
      if (i === undefined) return undefined;
      at = i;
    } else return undefined;
  }
  return at;
}

/** Line and column (1-based, UTF-16 code units) of an index. */
export function positionAt(src: string, at: number): Position {
  let line = 1;
  let start = 0;
  for (let k = src.indexOf("\n"); k !== -1 && k < at; k = src.indexOf("\n", k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: at - start + 1 };
}
