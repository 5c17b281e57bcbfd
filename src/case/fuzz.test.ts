/** Property tests: whatever comes in, validation answers and never throws; every break is found where it is. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groups, synonyms } from "../atlas/data/synonyms.js";
import { fuzz } from "../test-helpers/fuzz.js";
import { type CaseResult, parseCase, parseCaseText } from "./index.js";
import { parseJson } from "./json.js";
import { caseArb } from "./test-helpers/cases.js";

type Path = (string | number)[];

const noInternalError = (r: CaseResult) =>
  r.ok || r.errors.every((e) => !e.message.startsWith("internal error"));

describe("arbitrary input", () => {
  it("never makes parseCase throw", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (v) => {
        const r = parseCase(v);
        expect(noInternalError(r)).toBe(true);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      fuzz(1000),
    );
  });

  it("never makes parseCase throw on case-shaped objects", () => {
    const caseish = fc.record(
      {
        format: fc.oneof(fc.constant("locus-case/1"), fc.jsonValue()),
        id: fc.jsonValue(),
        findings: fc.array(
          fc.dictionary(
            fc.constantFrom(
              "kind",
              "side",
              "target",
              "mrc",
              "muscle",
              "reflex",
              "grade",
              "region",
              "tags",
              "sign",
            ),
            fc.oneof(
              fc.constantFrom("strength", "emg", "reflex", "sign", "imaging", "left", "TA", "4/5", "plantar"),
              fc.jsonValue(),
            ),
          ),
        ),
        expected: fc.jsonValue(),
        context: fc.record(
          { history: fc.array(fc.oneof(fc.string(), fc.jsonValue())) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(caseish, (v) => {
        expect(noInternalError(parseCase(v))).toBe(true);
      }),
      fuzz(1000),
    );
  });

  it("never makes parseCaseText throw, and agrees with parseCase on the parsed value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = parseCaseText(text);
        expect(noInternalError(r)).toBe(true);
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          expect(r.ok).toBe(false);
          return;
        }
        expect(r.ok).toBe(parseCase(value).ok);
      }),
      fuzz(1000),
    );
  });
});

describe("parseJson", () => {
  it("reads valid JSON as JSON.parse does", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        const r = parseJson(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toEqual(JSON.parse(text));
      }),
      fuzz(500),
    );
  });

  it("refuses exactly what JSON.parse refuses", () => {
    const broken = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', ":", "'", "x", "\n", "0", "-", "."))
      .map(([t, at, insert]) => {
        const k = at % (t.length + 1);
        return t.slice(0, k) + insert + t.slice(k);
      });
    fc.assert(
      fc.property(fc.oneof(broken, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const r = parseJson(text);
        expect(r.ok).toBe(valid);
        if (!r.ok) {
          expect(r.error.line).toBeGreaterThanOrEqual(1);
          expect(r.error.column).toBeGreaterThanOrEqual(1);
        }
      }),
      fuzz(2000),
    );
  });
});

describe("valid cases", () => {
  it("validate, and a second pass changes nothing", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = parseCase(c);
        expect(r.ok ? [] : r.errors).toEqual([]);
        if (!r.ok) return;
        const again = parseCase(r.case);
        expect(again.ok && again.case).toEqual(r.case);
        expect(again.ok && again.normalisations).toEqual([]);
      }),
      fuzz(300),
    );
  });

  it("written with synonyms, normalise to the same case", () => {
    const words = Object.entries(synonyms);
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, seed) => {
        const written = structuredClone(c);
        let changed = 0;
        written.findings.forEach((f, i) => {
          const field = ["target", "muscle", "reflex", "region", "study"].find(
            (k) => typeof f[k] === "string",
          );
          if (!field || f.kind === "sign") return;
          const list = words.find(([id]) => id === f[field])?.[1];
          const word = list?.[(seed + i) % list.length];
          if (!word) return;
          f[field] = word;
          changed++;
        });
        const r = parseCase(written);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.case).toEqual(c);
        expect(r.normalisations.length).toBeLessThanOrEqual(changed);
        // Each normalisation points at what was written, and says what it became.
        for (const n of r.normalisations) expect(String(get(written, n.path))).toBe(n.from);
      }),
      fuzz(300),
    );
  });
});

describe("group words", () => {
  it("become one finding per member, each traced to the finding it came from", () => {
    const group = fc
      .constantFrom(...groups)
      .chain((g) => fc.constantFrom(...[g.id, g.name, ...g.words]).map((w) => ({ g, w })));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(group, fc.constantFrom("strength", "emg")), { minLength: 1, maxLength: 4 }),
        (items) => {
          const findings = items.map(([{ w }, kind]) =>
            kind === "strength"
              ? { kind, target: w, mrc: "4" }
              : { kind, muscle: w, spontaneous: "fibrillations" },
          );
          const r = parseCase({ format: "locus-case/1", id: "g", findings });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.case.findings.length).toBe(items.reduce((n, [{ g }]) => n + g.members.length, 0));
          r.case.findings.forEach((f, k) => {
            const [{ g }, kind] = items[r.origins[k]!]!;
            expect(f.kind).toBe(kind);
            expect(g.members).toContain(f.kind === "strength" ? f.target : f.kind === "emg" ? f.muscle : "");
          });
          expect(r.normalisations.map((n) => n.path)).toEqual(
            items.map((_, i) => ["findings", i, items[i]![1] === "strength" ? "target" : "muscle"]),
          );
        },
      ),
      fuzz(200),
    );
  });
});

/** Every path in a value, root excluded. */
function paths(v: unknown, at: Path = []): Path[] {
  if (typeof v !== "object" || v === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(v)
    ? v.map((x, k) => [k, x])
    : Object.entries(v);
  return entries.flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
}

const get = (v: unknown, path: Path): unknown =>
  path.reduce<unknown>((cur, seg) => (cur as Record<string | number, unknown>)[seg], v);

function set(v: unknown, path: Path, value: unknown): void {
  const parent = get(v, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** Fields whose string value is a closed word (an enum or an atlas id): any made-up word breaks them. */
const CLOSED = new Set([
  "format",
  "kind",
  "side",
  "target",
  "reflex",
  "grade",
  "region",
  "change",
  "modality",
  "muscle",
  "spontaneous",
  "study",
  "result",
  "sign",
  "tags",
  "test",
  "level",
  "sites",
  "sex",
  "onset",
]);
const REQUIRED: Record<string, string[]> = {
  case: ["format", "id", "findings"],
  strength: ["kind", "target", "mrc"],
  reflex: ["kind", "reflex", "grade"],
  sensory: ["kind", "region", "change"],
  emg: ["kind", "muscle"],
  ncs: ["kind", "study", "result"],
  sign: ["kind", "sign"],
  imaging: ["kind", "modality", "tags"],
  lab: ["kind", "test", "result"],
  lesion: ["level", "sites", "side"],
  expected: ["localization"],
};

type Mutation = { path: Path; apply: (c: unknown) => void };

function mutations(c: unknown): Mutation[] {
  const out: Mutation[] = [];
  const all = paths(c);
  for (const p of all) {
    // A value of no type the format has anywhere it is not free: an object with an unknown key.
    out.push({ path: p, apply: (x) => set(x, p, { "?": null }) });
    const v = get(c, p);
    const field = [...p].reverse().find((s) => typeof s === "string");
    const sign =
      typeof p[p.length - 1] === "string" &&
      p[p.length - 1] === "target" &&
      get(c, [...p.slice(0, -1), "kind"]) === "sign";
    if (typeof v === "string" && field && CLOSED.has(field) && !sign)
      out.push({ path: p, apply: (x) => set(x, p, "zz not a word 42") });
  }
  for (const p of [[], ...all]) {
    const v = p.length ? get(c, p) : c;
    if (typeof v !== "object" || v === null || Array.isArray(v)) continue;
    const key = "zz_unknown_field";
    out.push({ path: [...p, key], apply: (x) => set(x, [...p, key], 1) });
    const obj = v as Record<string, unknown>;
    const shape =
      p.length === 0
        ? "case"
        : p.includes("localization")
          ? "lesion"
          : p[p.length - 1] === "expected"
            ? "expected"
            : typeof obj.kind === "string"
              ? obj.kind
              : undefined;
    for (const k of shape ? (REQUIRED[shape] ?? []) : [])
      if (k in obj) out.push({ path: [...p, k], apply: (x) => set(x, [...p, k], undefined) });
  }
  return out;
}

const startsWith = (path: Path, prefix: Path) => prefix.every((seg, k) => path[k] === seg);

describe("every mutation of a valid case into an invalid one", () => {
  it("gives an error whose path points at the mutation", () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), fc.constantFrom(...mutations(c)))),
        ([c, m]) => {
          const broken = structuredClone(c);
          m.apply(broken);
          const r = parseCase(broken);
          expect(r.ok).toBe(false);
          if (r.ok) return;
          const hit = r.errors.some((e) => startsWith(e.path, m.path));
          if (!hit)
            throw new Error(
              `mutation at ${JSON.stringify(m.path)} gave ${JSON.stringify(r.errors.map((e) => e.path))}`,
            );
        },
      ),
      fuzz(2000),
    );
  });
});
