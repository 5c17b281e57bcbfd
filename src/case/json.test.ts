import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { DEV_CASES } from "../paths.js";
import { keysWritten, MAX_DEPTH, type Path, parseJson, pathKey, track } from "./json.js";
import { offsetOf, positionAt } from "./json-path.js";

const error = (text: string) => {
  const r = parseJson(text);
  if (r.ok) throw new Error("expected a syntax error");
  return r.error;
};

describe("parseJson", () => {
  it("knows where every value is", () => {
    const r = parseJson('{\n  "a": [1,\n    {"b": true}]\n}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.positions.get(pathKey(["a"]))).toEqual({ line: 2, column: 3 });
    expect(r.positions.get(pathKey(["a", 1, "b"]))).toEqual({ line: 3, column: 6 });
  });

  it.each([
    ['{"a": 1,}', 1, 9, "a key in double quotes", "a comma before } is not allowed in JSON"],
    ["[1, 2,]", 1, 7, "a value", "a comma before ] is not allowed in JSON"],
    ["{'a': 1}", 1, 2, "a key in double quotes", 'keys take double quotes (")'],
    ['{"a": 1 "b": 2}', 1, 9, '"," or "}"', "a comma is missing between two members"],
    [
      '{"a": "x\ny"}',
      1,
      9,
      'a closing "',
      "a line break or control character inside a string must be escaped",
    ],
    ['{"a": 1} // note', 1, 10, "a value", "JSON has no comments"],
    ['{"a": tru}', 1, 7, "a value (object, array, string, number, true, false or null)", undefined],
    ['\n\n  {"a": 01}', 3, 10, "the end of the number", undefined],
    ['{"a": "open', 1, 7, 'a closing " for the string that starts here', undefined],
  ])("%j: line %d, column %d", (text, line, column, expected, detail) => {
    const e = error(text);
    expect([e.line, e.column, e.expected]).toEqual([line, column, expected]);
    if (detail) expect(e.message).toContain(detail);
    expect(e.message).toMatch(new RegExp(`^JSON syntax error at line ${line}, column ${column}: expected `));
  });

  it("lists keys given twice", () => {
    const r = parseJson('{"a": 1,\n "a": 2}');
    expect(r.ok && r.repeatedKeys).toEqual([
      { path: [], key: "a", first: { line: 1, column: 2 }, again: { line: 2, column: 2 } },
    ]);
  });

  it("skips a byte order mark", () => {
    const r = parseJson('\uFEFF{"a": 1}');
    expect(r.ok && r.value).toEqual({ a: 1 });
  });

  it("keeps __proto__ as a plain key", () => {
    const r = parseJson('{"__proto__": {"x": 1}}');
    expect(r.ok && Object.keys(r.value as object)).toEqual(["__proto__"]);
    expect(({} as { x?: number }).x).toBeUndefined();
  });

  it("refuses nesting deeper than it can read safely, without throwing", () => {
    const deep = `${"[".repeat(MAX_DEPTH + 5)}${"]".repeat(MAX_DEPTH + 5)}`;
    expect(error(deep).message).toContain(`nested more than ${MAX_DEPTH} deep`);
    const big = `${"[".repeat(100_000)}`;
    expect(() => parseJson(big)).not.toThrow();
  });
});

describe("parseJson's quick path (JSON.parse, positions on first use)", () => {
  const dev = readdirSync(DEV_CASES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => readFileSync(`${DEV_CASES}/${f}`, "utf8"));
  const tricky = [
    '{"a\\"b": "c:d", "e": ["f\\\\", {"g" : 1}], "h":{"i":{"i":2}}}',
    '{"__proto__": {"x": 1}, "constructor": 2}',
    '[{"a": 1}, {"a": 1}]',
    '{"a": 1, "b": {"a": 1, "a": 2}}',
    '  {"a":\t"x" }\n',
  ];

  it.each([...dev.slice(0, 12), ...tricky])("answers as the tracking reader does: %#", (text) => {
    const quick = parseJson(text);
    const slow = track(text);
    expect(quick.ok && slow.ok).toBe(true);
    if (!quick.ok || !slow.ok) return;
    expect(quick.value).toEqual(slow.value);
    expect(quick.repeatedKeys).toEqual(slow.repeatedKeys);
    expect([...quick.positions]).toEqual([...slow.positions]);
    expect(quick.positions.get(pathKey([]))).toEqual(slow.positions.get(pathKey([])));
  });

  it.each([
    ['{"a": 1, "b": {"c": [1, {"d": 2}]}}', 4],
    ['{"a:b": "c:d", "e": ":"}', 2],
    ['{"a\\"b": "c\\":", "e\\\\": {"f" : "\\\\\\":"}}', 3],
    ['{"k\\"": 1, "z": "a\\":b"}', 2],
    ['{"a": "b\\\\", "c": 1, "d": ":"}', 3],
    ['["a:", {"b":1}, ":"]', 1],
    ["[]", 0],
  ])("counts the keys written in %s, not the colons and quotes inside strings", (text, keys) => {
    expect(JSON.parse(text)).toBeDefined();
    expect(keysWritten(text)).toBe(keys);
  });

  it("reads good JSON with JSON.parse, and a repeated key with the tracking reader", () => {
    const spy = vi.spyOn(JSON, "parse");
    try {
      const text = dev[0] as string;
      const r = parseJson(text);
      expect(spy).toHaveBeenCalledWith(text);
      expect(r.ok && r.value).toEqual(JSON.parse(text));
      const twice = parseJson('{"a": {"b": 1,\n "b": 2}}');
      expect(twice.ok && twice.repeatedKeys.map((k) => [k.path, k.key, k.again.line])).toEqual([
        [["a"], "b", 2],
      ]);
      expect(twice.ok && twice.value).toEqual({ a: { b: 1 } });
    } finally {
      spy.mockRestore();
    }
  });

  it.each([...dev.slice(0, 12), ...tricky.filter((t) => !t.includes('"a": 1, "a"'))])(
    "finds a value's position by walking the text to it, where the tracking reader puts it: %#",
    (text) => {
      const slow = track(text);
      if (!slow.ok) throw new Error("not JSON");
      const quick = parseJson(text);
      if (!quick.ok) throw new Error("not JSON");
      for (const [key, at] of slow.positions) {
        const offset = offsetOf(text, JSON.parse(key) as Path);
        expect(offset === undefined ? undefined : positionAt(text, offset), key).toEqual(at);
        expect(quick.positions.get(key), key).toEqual(at);
      }
      for (const missing of [["nope"], ["findings", 9999], ["findings", 0, "zzz"], ["id", 0], [7777]])
        expect(quick.positions.get(pathKey(missing)), JSON.stringify(missing)).toBeUndefined();
    },
  );
});
