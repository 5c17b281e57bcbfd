import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEV_CASES } from "../paths.js";
import { caseJsonSchema, formatPath, locusCase, parseCase, parseCaseText } from "./index.js";
import { baseCase } from "./test-helpers/cases.js";

const CASES = DEV_CASES;

describe("the shared cases", () => {
  const files = readdirSync(CASES).filter((f) => f.endsWith(".json"));
  it("are there", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files)("%s validates", (file) => {
    const r = parseCaseText(readFileSync(join(CASES, file), "utf8"), file);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    // Canonical ids only: a second pass changes nothing and finds no error.
    const again = parseCase(r.case);
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.normalisations).toEqual([]);
  });
});

describe("the base case", () => {
  it("is valid, canonical and unchanged", () => {
    const r = parseCase(baseCase());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case).toEqual(baseCase());
    expect(r.normalisations).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.origins).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

type C = ReturnType<typeof baseCase>;
type Mutation = (c: C) => unknown;
const expected = (c: C) => c.expected as { localization: Record<string, unknown>[]; diagnosis?: string };

/** Broken cases, each with the exact errors (path, message) it must give, in document order. */
const BROKEN: [string, Mutation, [string, string][]][] = [
  [
    "not an object",
    () => [1],
    [
      [
        "(the case)",
        'a case must be a JSON object with "format": "locus-case/1", "id" and "findings"; found an array',
      ],
    ],
  ],
  [
    "wrong format",
    (c) => ({ ...c, format: "locus-case/2" }),
    [["format", '"format" must be "locus-case/1"; found "locus-case/2"; did you mean `locus-case/1`?']],
  ],
  ["no id", ({ id: _, ...rest }) => rest, [["id", '"id" is missing; expected a string']]],
  [
    "unknown top-level field",
    (c) => ({ ...c, findngs: [] }),
    [["findngs", 'unknown field "findngs"; did you mean `findings`?']],
  ],
  [
    "findings not an array",
    (c) => ({ ...c, findings: {} }),
    [["findings", '"findings" must be an array; found an object']],
  ],
  [
    "a finding that is not an object",
    (c) => {
      c.findings[2] = "numb foot" as never;
      return c;
    },
    [["findings[2]", 'each item of "findings" must be an object; found "numb foot"']],
  ],
  [
    "unknown kind",
    (c) => {
      c.findings[0]!.kind = "strenght";
      return c;
    },
    [
      [
        "findings[0].kind",
        '"kind" must be one of strength, reflex, sensory, emg, ncs, sign, imaging, lab; found "strenght"; did you mean `strength`?',
      ],
    ],
  ],
  [
    "missing kind",
    (c) => {
      delete c.findings[0]!.kind;
      return c;
    },
    [
      [
        "findings[0].kind",
        '"kind" is missing; expected one of strength, reflex, sensory, emg, ncs, sign, imaging, lab',
      ],
    ],
  ],
  [
    "misspelt muscle",
    (c) => {
      c.findings[3]!.muscle = "tibialis_anterio";
      return c;
    },
    [["findings[3].muscle", "`tibialis_anterio` is not a muscle; did you mean `tibialis_anterior`?"]],
  ],
  [
    "a muscle where a study is wanted",
    (c) => {
      c.findings[4]!.study = "tibialis anterior";
      return c;
    },
    [
      [
        "findings[4].study",
        "`tibialis anterior` is a muscle (`tibialis_anterior`), not a nerve conduction study",
      ],
    ],
  ],
  [
    "a study where a muscle is wanted",
    (c) => {
      c.findings[3]!.muscle = "sural_sensory";
      return c;
    },
    [["findings[3].muscle", "`sural_sensory` is a nerve conduction study, not a muscle"]],
  ],
  [
    "unknown region",
    (c) => {
      c.findings[2]!.region = "shin_front";
      return c;
    },
    [["findings[2].region", "`shin_front` is not a skin region"]],
  ],
  [
    "MRC 6",
    (c) => {
      c.findings[0]!.mrc = 6;
      return c;
    },
    [["findings[0].mrc", '"mrc" must be at most 5; found 6']],
  ],
  [
    "MRC 4.5",
    (c) => {
      c.findings[0]!.mrc = 4.5;
      return c;
    },
    [
      [
        "findings[0].mrc",
        '"mrc" must be an MRC grade: 0 to 5 as a number or string, with optional "+" or "-" ("4-"), or "weak"; found 4.5',
      ],
    ],
  ],
  [
    "MRC 4++",
    (c) => {
      c.findings[0]!.mrc = "4++";
      return c;
    },
    [
      [
        "findings[0].mrc",
        '"mrc" must be an MRC grade: 0 to 5 with optional "+" or "-" (e.g. "4-"), or "weak"; found "4++"',
      ],
    ],
  ],
  [
    "MRC missing",
    (c) => {
      delete c.findings[0]!.mrc;
      return c;
    },
    [
      [
        "findings[0].mrc",
        '"mrc" is missing; expected an MRC grade: 0 to 5 as a number or string, with optional "+" or "-" ("4-"), or "weak"',
      ],
    ],
  ],
  [
    "MRC true",
    (c) => {
      c.findings[0]!.mrc = true;
      return c;
    },
    [
      [
        "findings[0].mrc",
        '"mrc" must be an MRC grade: 0 to 5 as a number or string, with optional "+" or "-" ("4-"), or "weak"; found true',
      ],
    ],
  ],
  [
    "side misspelt",
    (c) => {
      c.findings[1]!.side = "lefft";
      return c;
    },
    [
      [
        "findings[1].side",
        '"side" must be one of left, right, bilateral; found "lefft"; did you mean `left`?',
      ],
    ],
  ],
  [
    "plantar response graded normal",
    (c) => {
      c.findings[1] = { kind: "reflex", reflex: "plantar response", grade: "normal" };
      return c;
    },
    [["findings[1].grade", 'the plantar response is "flexor" or "extensor"; found "normal"']],
  ],
  [
    "tendon reflex graded extensor",
    (c) => {
      c.findings[1]!.grade = "extensor";
      return c;
    },
    [
      [
        "findings[1].grade",
        '"extensor" grades the plantar response; the achilles reflex is absent, reduced, normal or brisk',
      ],
    ],
  ],
  [
    "fibrillation grade without fibrillations",
    (c) => {
      c.findings[3]!.spontaneous = "none";
      return c;
    },
    [
      [
        "findings[3].grade",
        '"grade" grades fibrillations; give "spontaneous": "fibrillations" with it (found "none")',
      ],
    ],
  ],
  [
    "unknown field in a finding",
    (c) => {
      c.findings[4]!.amplitde = 3;
      return c;
    },
    [["findings[4].amplitde", 'unknown field "amplitde"; did you mean `amplitude`?']],
  ],
  [
    "negative amplitude",
    (c) => {
      c.findings[4]!.amplitude = -1;
      return c;
    },
    [["findings[4].amplitude", '"amplitude" must be at least 0; found -1']],
  ],
  [
    "unknown imaging tag",
    (c) => {
      c.findings[6]!.tags = ["disc_hernation"];
      return c;
    },
    [
      [
        "findings[6].tags[0]",
        'each item of "tags" must be one of disc_herniation, foraminal_stenosis, canal_stenosis, lateral_recess_stenosis, spondylolisthesis, synovial_cyst, root_enhancement, plexus_enlargement, plexus_enhancement, nerve_enlargement, mass, hematoma, muscle_edema, muscle_fatty_change, muscle_hypertrophy, normal, cord_signal_change, brain_lesion, joint_disease, fracture, arterial_occlusion; found "disc_hernation"; did you mean `disc_herniation`?',
      ],
    ],
  ],
  [
    "no such spinal level",
    (c) => {
      c.findings[6]!.level = "L9";
      return c;
    },
    [["findings[6].level", '"level" must be a spinal level such as "L4-L5" or "S1"; found "L9"']],
  ],
  [
    "age as a string",
    (c) => {
      (c.patient as Record<string, unknown>).age = "60";
      return c;
    },
    [["patient.age", '"age" must be a number; found "60"']],
  ],
  [
    "unknown onset",
    (c) => {
      (c.context as Record<string, unknown>).onset = "sudden";
      return c;
    },
    [["context.onset", '"onset" must be one of acute, subacute, chronic; found "sudden"']],
  ],
  [
    "no lesion expected",
    (c) => {
      expected(c).localization = [];
      return c;
    },
    [["expected.localization", '"localization" must have at least 1 item; found an empty array']],
  ],
  [
    "no such root",
    (c) => {
      expected(c).localization[0]!.sites = ["L6"];
      return c;
    },
    [["expected.localization[0].sites[0]", "`L6` is not a root; did you mean `L1`, `L2` or `L3`?"]],
  ],
  [
    "sites for a diffuse process",
    (c) => {
      expected(c).localization[0] = { level: "polyneuropathy", sites: ["sural"], side: "bilateral" };
      return c;
    },
    [
      [
        "expected.localization[0].sites",
        'a lesion at level "polyneuropathy" is a diffuse process and names no sites; found 1 (sural)',
      ],
    ],
  ],
  [
    "lesion without a side",
    (c) => {
      delete expected(c).localization[0]!.side;
      return c;
    },
    [["expected.localization[0].side", '"side" is missing; expected one of left, right, bilateral']],
  ],
  [
    "diagnosis not an id",
    (c) => {
      expected(c).diagnosis = "Lumbar disc";
      return c;
    },
    [["expected.diagnosis", '"diagnosis" must be a snake_case condition id; found "Lumbar disc"']],
  ],
  [
    "several errors at once, in document order",
    (c) => {
      c.findings[0]!.target = "tib ant erior";
      c.findings[1]!.side = "L";
      c.findings[5]!.sign = "slump";
      return { ...c, extra: 1 };
    },
    [
      ["findings[0].target", "`tib ant erior` is not a movement or a muscle"],
      [
        "findings[5].sign",
        '"sign" must be one of straight_leg_raise, crossed_straight_leg_raise, femoral_stretch, atrophy, hypertrophy, fasciculations, foot_drop, trendelenburg, clonus, babinski, tenderness, tinel, pulses, cold_pale_limb, pes_cavus, hip_pain_on_rotation, sensory_level, arm_weakness, facial_weakness; found "slump"',
      ],
      [
        "extra",
        'unknown field "extra" (known fields: format, id, source, patient, context, findings, expected, narrative, notes, meta)',
      ],
    ],
  ],
];

describe("broken cases", () => {
  it.each(BROKEN)("%s", (_name, mutate, errors) => {
    const r = parseCase(mutate(baseCase()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [formatPath(e.path), e.message])).toEqual(errors);
  });

  it("put errors in document order under keys that JSON escapes", () => {
    const c = baseCase();
    c.findings[0]!.target = "tib ant erior";
    const r = parseCase({ 'odd "key"\n': 1, ...c, "é\\": 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual([['odd "key"\n'], ["findings", 0, "target"], ["é\\"]]);
  });

  it("say what was expected and what was found, and name the nearest ids", () => {
    const c = baseCase();
    c.findings[3]!.muscle = "tibialis_anterio";
    const r = parseCase(c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        path: ["findings", 3, "muscle"],
        message: "`tibialis_anterio` is not a muscle; did you mean `tibialis_anterior`?",
        expected: "a muscle id",
        found: "tibialis_anterio",
        suggestions: ["tibialis_anterior"],
      },
    ]);
  });
});

describe("parseCaseText", () => {
  it("gives the line and column of a syntax error", () => {
    const r = parseCaseText('{\n  "format": "locus-case/1",\n  "id": "x"\n  "findings": []\n}', "bad.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        path: [],
        message:
          'bad.json: JSON syntax error at line 4, column 3: expected "," or "}", found `"` (a comma is missing between two members)',
        expected: '"," or "}"',
        found: '`"`',
        line: 4,
        column: 3,
      },
    ]);
  });

  it("gives the line and column of every validation error", () => {
    const text = [
      '{ "format": "locus-case/1", "id": "x", "findings": [',
      '  { "kind": "emg", "muscle": "EHLL" },',
      '  { "kind": "reflex", "reflex": "knee jerk", "grade": "absnt" }',
      "] }",
    ].join("\n");
    const r = parseCaseText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [formatPath(e.path), e.line, e.column])).toEqual([
      ["findings[0].muscle", 2, 20],
      ["findings[1].grade", 3, 46],
    ]);
    expect(r.errors[0]?.suggestions).toEqual(["extensor_hallucis_longus"]);
    expect(r.errors[1]?.suggestions).toEqual(["absent"]);
  });

  it("refuses a key given twice rather than lose one of its values", () => {
    const r = parseCaseText(
      '{"format": "locus-case/1", "id": "x", "findings": [{"kind": "strength", "target": "TA", "mrc": 4, "mrc": 2}]}',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: ["findings", 0, "mrc"], line: 1, column: 99 });
    expect(r.errors[0]?.message).toBe(
      '"mrc" is given twice in the same object (line 1 and line 1); keep one, so that no value is lost',
    );
  });

  it("reads an empty text as a syntax error", () => {
    const r = parseCaseText("   ");
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      "JSON syntax error at line 1, column 4: expected a value (object, array, string, number, true, false or null), found the end of the text",
    ]);
  });
});

describe("the case schema, compiled by zod", () => {
  it("compiles whole: no part of it is left to zod's runtime parser (the case stage's speed)", () => {
    expect(() => z.compile(locusCase, { strict: true })).not.toThrow();
  });

  it("answers every development case and every broken case as the schema itself does", () => {
    const compiled = z.compile(locusCase);
    const inputs: unknown[] = readdirSync(CASES)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(join(CASES, f), "utf8")));
    inputs.push(
      { ...baseCase(), extra: 1 },
      { ...baseCase(), id: "" },
      { ...baseCase(), findings: [{ kind: "x" }] },
    );
    for (const input of inputs) {
      const a = locusCase.safeParse(input);
      const b = compiled.safeParse(input);
      expect(JSON.stringify(b.data)).toBe(JSON.stringify(a.data));
      expect(b.error?.issues).toEqual(a.error?.issues);
    }
  });
});

describe("caseJsonSchema", () => {
  const schema = caseJsonSchema() as {
    properties: Record<string, { const?: string }>;
    required: string[];
    additionalProperties: boolean;
  };
  it("is draft 2020-12 and closed at the top", () => {
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      additionalProperties: false,
    });
    expect(schema.properties.format?.const).toBe("locus-case/1");
    expect(schema.required.sort()).toEqual(["findings", "format", "id"]);
  });
  it("names every top-level field of FORMAT.md and no other", () => {
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        "context",
        "expected",
        "findings",
        "format",
        "id",
        "meta",
        "narrative",
        "notes",
        "patient",
        "source",
      ].sort(),
    );
  });
  it("lists the finding kinds", () => {
    const text = JSON.stringify(schema);
    for (const kind of ["strength", "reflex", "sensory", "emg", "ncs", "sign", "imaging", "lab"])
      expect(text).toContain(`"const":"${kind}"`);
  });
  it("is a fresh copy each time", () => {
    (caseJsonSchema() as Record<string, unknown>).title = "changed";
    expect(caseJsonSchema().title).toBe("LocusCase (locus-case/1)");
  });
});
