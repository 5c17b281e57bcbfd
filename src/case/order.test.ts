import { describe, expect, it } from "vitest";
import type { Path } from "./errors.js";
import { inDocumentOrder } from "./order.js";

const order = (input: unknown, paths: Path[]) =>
  inDocumentOrder(
    input,
    paths.map((path) => ({ path })),
  ).map((i) => i.path);

describe("inDocumentOrder", () => {
  const input = { b: [{ x: 1, a: 2 }, 3], a: { z: 1 }, "1": true };

  it("puts paths in the order the keys are written, a value before its children", () => {
    expect(order(input, [["a", "z"], ["b", 1], ["a"], ["b", 0, "a"], ["b", 0, "x"], []])).toEqual([
      [],
      ["b", 0, "x"],
      ["b", 0, "a"],
      ["b", 1],
      ["a"],
      ["a", "z"],
    ]);
  });

  it("follows the object's own key order (integer keys first), not the order of the issues", () => {
    expect(order(input, [["a"], ["1"], ["b"]])).toEqual([["1"], ["b"], ["a"]]);
  });

  it("places a path that does not exist after its nearest ancestor, before that ancestor's children", () => {
    expect(order(input, [["b", 1], ["b", "missing"], ["b", 0], ["b"], ["nope", 3], ["b", 7, "x"]])).toEqual([
      ["nope", 3],
      ["b"],
      ["b", "missing"],
      ["b", 7, "x"],
      ["b", 0],
      ["b", 1],
    ]);
  });

  it("keeps the given order of issues at the same place", () => {
    const issues = [
      { path: ["a"], n: 1 },
      { path: ["b"], n: 2 },
      { path: ["a"], n: 3 },
      { path: ["a", "q"], n: 4 },
      { path: ["a", "r"], n: 5 },
    ];
    expect(inDocumentOrder(input, issues).map((i) => i.n)).toEqual([2, 1, 3, 4, 5]);
  });

  it("reads an array's items as items only (a string step does not name one)", () => {
    expect(
      order({ a: [[1], [2]] }, [
        ["a", 1],
        ["a", "0"],
        ["a", 0],
      ]),
    ).toEqual([
      ["a", "0"],
      ["a", 0],
      ["a", 1],
    ]);
  });

  it("follows no more than 64 levels", () => {
    let deep: unknown = { first: 0, end: 1 };
    const path: Path = [];
    for (let k = 0; k < 70; k++) {
      deep = [deep];
      path.push(0);
    }
    // Below 64 levels the two keys are no longer told apart: the issues keep their order.
    expect(
      order(deep, [
        [...path, "end"],
        [...path, "first"],
      ]),
    ).toEqual([
      [...path, "end"],
      [...path, "first"],
    ]);
    expect(order(deep, [path.slice(0, 10), path.slice(0, 5)])).toEqual([path.slice(0, 5), path.slice(0, 10)]);
  });
});
