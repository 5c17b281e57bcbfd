/**
 * Issues in document order: where each issue's path (or its nearest ancestor that exists) stands
 * in a depth-first walk of the input, keys as written. Only the paths of the issues are followed,
 * so the order costs a few steps per issue, not a walk of the whole case.
 */
import type { Path } from "./errors.js";

/** Nesting deeper than this is not followed (an issue that deep is placed at its ancestor). */
const MAX_FOLLOWED = 64;

/**
 * Where a path stands: at each step, the child's place among its siblings (array index, or the
 * key's place among the object's own enumerable keys), as far as the path exists; then -1 when the
 * path goes on below that point (it comes after the value it is under, before that value's children).
 */
function placeOf(input: unknown, path: Path): number[] {
  const place: number[] = [];
  let node = input;
  for (const step of path) {
    const at = place.length <= MAX_FOLLOWED ? childPlace(node, step) : -1;
    if (at < 0) {
      place.push(-1);
      break;
    }
    place.push(at);
    node = (node as Record<string | number, unknown>)[step];
  }
  return place;
}

/** The place of a child among its parent's children, or -1 when there is no such child. */
function childPlace(node: unknown, step: string | number): number {
  if (typeof node !== "object" || node === null) return -1;
  if (Array.isArray(node))
    return typeof step === "number" &&
      Number.isInteger(step) &&
      step >= 0 &&
      step < node.length &&
      step in node
      ? step
      : -1;
  if (typeof step !== "string" || !Object.prototype.propertyIsEnumerable.call(node, step)) return -1;
  return Object.keys(node).indexOf(step);
}

/** Depth-first order: a value before its children, siblings by place. */
function compare(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return (a[k] ?? 0) - (b[k] ?? 0);
  return a.length - b.length;
}

/** The issues sorted by where their paths stand in the input; issues at one place keep their order. */
export function inDocumentOrder<T extends { path: Path }>(input: unknown, issues: T[]): T[] {
  if (issues.length < 2) return issues;
  return issues
    .map((issue) => ({ issue, place: placeOf(input, issue.path) }))
    .sort((x, y) => compare(x.place, y.place))
    .map((x) => x.issue);
}
