import { describe, expect, it } from "vitest";
import { describeValue, formatPath, knownKeys, nearestWords, orList, valueAt } from "./errors.js";

describe("errors", () => {
  it("write paths as a programmer reads them", () => {
    expect(formatPath([])).toBe("(the case)");
    expect(formatPath(["findings", 3, "target"])).toBe("findings[3].target");
    expect(formatPath(["meta", "odd key"])).toBe('meta["odd key"]');
  });

  it("describe found values briefly", () => {
    expect([
      describeValue("x"),
      describeValue(3),
      describeValue({}),
      describeValue([]),
      describeValue(undefined),
    ]).toEqual(['"x"', "3", "an object", "an empty array", "nothing"]);
  });

  it("find the nearest words, ignoring case, spaces and underscores", () => {
    expect(nearestWords("Light Touch", ["pinprick", "light_touch", "vibration"])).toEqual(["light_touch"]);
    expect(nearestWords("absnt", ["absent", "reduced", "normal", "brisk"])).toEqual(["absent"]);
    expect(nearestWords("zzzzzz", ["absent", "reduced"])).toEqual([]);
  });

  it("answer a word asked again the same, whatever was done to the first answer, and by list and limit", () => {
    const list = ["absent", "absence", "reduced"];
    const first = nearestWords("absen", list);
    expect(first).toEqual(["absence", "absent"]);
    first.push("brisk");
    expect(nearestWords("absen", list)).toEqual(["absence", "absent"]);
    expect(nearestWords("absen", list, 1)).toEqual(["absence"]);
    expect(nearestWords("absen", ["reduced", "absent"])).toEqual(["absent"]);
  });

  it("know the fields of each finding kind", () => {
    const input = { findings: [{ kind: "ncs" }] };
    expect(knownKeys(["findings", 0], input)).toEqual([
      "kind",
      "side",
      "study",
      "result",
      "segment",
      "segmentSites",
      "amplitude",
      "unit",
      "velocity",
      "latency",
      "percentOfContralateral",
    ]);
    expect(knownKeys(["patient"], input)).toEqual(["age", "sex"]);
    expect(knownKeys(["findings", 0, "study"], input)).toBeUndefined();
  });

  it("read values at a path without tripping over missing ones", () => {
    expect(valueAt({ a: [{ b: 1 }] }, ["a", 0, "b"])).toBe(1);
    expect(valueAt({ a: null }, ["a", "b"])).toBeUndefined();
    expect(orList(["a", "b", "c"])).toBe("a, b or c");
  });
});
