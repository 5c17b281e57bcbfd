import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getAtlas } from "../atlas/index.js";
import { caseJsonSchema, formatPath, namesOthers, parseCase } from "./index.js";
import { canonicalSensoryLevel } from "./phrases.js";
import { LANDMARKS, placeSites, sitesOnStudy } from "./places.js";
import { baseCase } from "./test-helpers/cases.js";
import { v11Case } from "./test-helpers/v11.js";

type C = ReturnType<typeof v11Case>;

/** The case with one finding replaced (or added at the end). */
const withFinding = (f: Record<string, unknown>, at?: number): C => {
  const c = v11Case();
  if (at === undefined) c.findings.push(f);
  else c.findings[at] = f;
  return c;
};

const errorsOf = (input: unknown) => {
  const r = parseCase(input);
  return r.ok ? [] : r.errors.map((e) => [formatPath(e.path), e.message, e.suggestions ?? []]);
};

const okCase = (input: unknown) => {
  const r = parseCase(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};

describe("FORMAT v1.1: a case using every addition", () => {
  it("is valid and canonical: the normalised case is the case, with no warning", () => {
    const r = okCase(v11Case());
    expect(r.case).toEqual(v11Case());
    expect(r.normalisations).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("round-trips through the JSON Schema: the exported schema accepts it", () => {
    const fromJson = z.fromJSONSchema(caseJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);
    const r = okCase(v11Case());
    expect(fromJson.safeParse(r.case).success).toBe(true);
    expect(fromJson.safeParse(JSON.parse(JSON.stringify(r.case))).success).toBe(true);
  });

  it("the JSON Schema names every new field and word", () => {
    const text = JSON.stringify(caseJsonSchema());
    for (const word of [
      '"segment"',
      '"segmentSites"',
      '"targetSites"',
      '"denies"',
      '"course"',
      '"block"',
      '"tinel"',
      '"facial_weakness"',
      '"mri_brain"',
      '"vascular"',
      '"arterial_occlusion"',
      '"csf_cytology"',
      '"fluctuating"',
      "others",
    ])
      expect(text).toContain(word);
  });

  it("the JSON Schema refuses what the zod schema refuses (a misspelt new word)", () => {
    const fromJson = z.fromJSONSchema(caseJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);
    const bad = v11Case();
    (bad.context as Record<string, unknown>).course = "worsning";
    expect(fromJson.safeParse(bad).success).toBe(false);
    expect(fromJson.safeParse(withFinding({ kind: "sign", sign: "tinnel" })).success).toBe(false);
  });

  it("keeps `others` as a marker: never expanded, recognised by namesOthers", () => {
    const r = okCase(v11Case());
    const others = r.case.findings.filter(namesOthers);
    expect(others.map((f) => f.kind)).toEqual(["strength", "reflex", "sensory"]);
    expect(r.case.findings.filter((f) => f.kind === "strength")).toHaveLength(2);
  });

  it("takes a fractional duration (hours)", () => {
    const c = baseCase();
    (c.context as Record<string, unknown>).durationDays = 1 / 24;
    expect(okCase(c).case.context?.durationDays).toBeCloseTo(0.0417, 3);
  });

  it("leaves every v1 case as it was (the base case has no v1.1 field added)", () => {
    expect(okCase(baseCase()).case).toEqual(baseCase());
  });
});

describe("FORMAT v1.1: what clinicians write", () => {
  const normalised = (f: Record<string, unknown>) => {
    const r = okCase(withFinding(f));
    return r.case.findings[r.case.findings.length - 1];
  };

  it.each([
    [{ kind: "sign", sign: "Tinel's", target: "tarsal tunnel" }, { sign: "tinel" }],
    [{ kind: "sign", sign: "Tinel sign", target: "fibular head" }, { sign: "tinel" }],
    [
      { kind: "sign", sign: "pedal pulses absent" },
      { sign: "pulses", present: false },
    ],
    [
      { kind: "sign", sign: "negative Tinel", target: "fibular neck" },
      { sign: "tinel", present: false },
    ],
    [{ kind: "sign", sign: "FABER", side: "right" }, { sign: "hip_pain_on_rotation" }],
    [{ kind: "sign", sign: "Patrick's test" }, { sign: "hip_pain_on_rotation" }],
    [{ kind: "sign", sign: "high arched feet" }, { sign: "pes_cavus" }],
    [{ kind: "sign", sign: "facial droop" }, { sign: "facial_weakness" }],
    [
      { kind: "sign", sign: "sensory level", target: "umbilicus" },
      { sign: "sensory_level", target: "T10" },
    ],
    [{ kind: "sign", sign: "sensory_level", target: "t 6" }, { target: "T6" }],
    [{ kind: "ncs", study: "femoral_motor", result: "conduction block" }, { result: "block" }],
    [{ kind: "ncs", study: "peroneal_motor_edb", result: "focal slowing" }, { result: "block" }],
    [
      { kind: "imaging", modality: "CT head", tags: ["infarct"] },
      { modality: "ct_brain", tags: ["brain_lesion"] },
    ],
    [
      { kind: "imaging", modality: "MRA", tags: ["occlusion"] },
      { modality: "vascular", tags: ["arterial_occlusion"] },
    ],
    [{ kind: "imaging", modality: "MRI spine", tags: ["cord oedema"] }, { tags: ["cord_signal_change"] }],
    [{ kind: "imaging", modality: "xray", tags: ["AVN", "fx"] }, { tags: ["joint_disease", "fracture"] }],
    [
      { kind: "lab", test: "WCC", result: "high" },
      { test: "wbc", result: "elevated" },
    ],
    [
      { kind: "lab", test: "CSF cytology", result: "malignant cells" },
      { test: "csf_cytology", result: "elevated" },
    ],
    [
      { kind: "strength", target: "otherwise", mrc: "5/5" },
      { target: "others", mrc: "5" },
    ],
    [
      { kind: "reflex", reflex: "all other reflexes", grade: "2+" },
      { reflex: "others", grade: "normal" },
    ],
    [
      { kind: "sensory", region: "elsewhere", change: "intact" },
      { region: "others", change: "normal" },
    ],
  ])("%j reads as %j", (input, expected) => {
    expect(normalised(input)).toMatchObject(expected);
  });

  it("reports each rewrite back with its path", () => {
    const r = okCase(withFinding({ kind: "sign", side: "left", sign: "pedal pulses absent" }));
    const at = r.case.findings.length - 1;
    expect(r.normalisations.filter((n) => n.path[1] === at)).toEqual([
      // "present" was not written: it sorts with its finding, before the fields written.
      { path: ["findings", at, "present"], from: "pedal pulses absent", to: ["false"] },
      { path: ["findings", at, "sign"], from: "pedal pulses absent", to: ["pulses"] },
    ]);
  });

  it("a negated sign word with present: true is left for the schema to refuse", () => {
    expect(errorsOf(withFinding({ kind: "sign", sign: "pedal pulses absent", present: true }))[0]?.[0]).toBe(
      `findings[${v11Case().findings.length}].sign`,
    );
  });

  it("reads course, denied symptoms and history synonyms", () => {
    const c = v11Case();
    c.context = {
      course: "waxing and waning",
      history: ["PAD", "IVDU", "nitrous oxide", "CKD"],
      symptoms: ["pain at night", "imbalance"],
      denies: ["no fever", "denies bladder symptoms", "chest pain"],
    };
    const r = okCase(c);
    expect(r.case.context).toEqual({
      course: "fluctuating",
      history: [
        "peripheral_arterial_disease",
        "injection_drug_use",
        "neurotoxic_exposure:nitrous oxide",
        "kidney_disease",
      ],
      symptoms: ["night_pain", "unsteady_gait"],
      denies: ["fever", "bladder_dysfunction", "chest pain"],
    });
    // A word outside the list is kept and shown back.
    expect(r.warnings.map((w) => formatPath(w.path))).toEqual(["context.denies[2]"]);
  });

  it("a misspelt denied symptom is kept, with the nearest symptom word", () => {
    const c = v11Case();
    c.context = { denies: ["urinary retension"] };
    const w = okCase(c).warnings;
    expect(w.map((x) => [formatPath(x.path), x.suggestions])).toEqual([
      ["context.denies[0]", ["urinary_retention"]],
    ]);
  });

  it("two blocks of one study at different segments are two findings, not a contradiction", () => {
    const c = v11Case();
    c.findings = [
      { kind: "ncs", side: "left", study: "peroneal_motor_edb", result: "block", segment: "fibular head" },
      { kind: "ncs", side: "left", study: "peroneal_motor_edb", result: "block", segment: "ankle" },
    ];
    expect(okCase(c).warnings).toEqual([]);
  });

  it("warns when a symptom is both reported and denied", () => {
    const c = v11Case();
    c.context = { symptoms: ["fever"], denies: ["fever"] };
    expect(okCase(c).warnings.map((w) => [formatPath(w.path), w.message])).toEqual([
      [
        "context.denies[0]",
        '"fever" is both reported (context.symptoms[0]) and denied; keep the one the patient said',
      ],
    ]);
  });
});

describe("FORMAT v1.1: places (block segments and Tinel targets)", () => {
  const block = (study: string, segment: string) =>
    okCase(withFinding({ kind: "ncs", side: "left", study, result: "block", segment }));
  const last = (r: ReturnType<typeof okCase>) => r.case.findings[r.case.findings.length - 1];

  it("keeps the words and adds the atlas site the words name", () => {
    const r = block("peroneal_motor_edb", "across the fibular head");
    expect(last(r)).toMatchObject({
      segment: "across the fibular head",
      segmentSites: ["common_peroneal@fibular_head"],
    });
    expect(r.normalisations.at(-1)).toMatchObject({
      from: "across the fibular head",
      to: ["common_peroneal@fibular_head"],
    });
  });

  it("reads a place through the study: across the knee is the peroneal or the tibial nerve", () => {
    expect(last(block("peroneal_motor_edb", "across the knee"))).toMatchObject({
      segmentSites: ["common_peroneal@fibular_head", "common_peroneal"],
    });
    expect(last(block("tibial_motor_ah", "across the knee"))).toMatchObject({ segmentSites: ["tibial"] });
    expect(last(block("femoral_motor", "inguinal ligament"))).toMatchObject({
      segmentSites: ["femoral@inguinal_ligament"],
    });
  });

  it("a Tinel sign at a place two nerves pass names both", () => {
    const r = okCase(withFinding({ kind: "sign", sign: "tinel", target: "inguinal ligament" }));
    expect(last(r)).toMatchObject({
      targetSites: ["femoral@inguinal_ligament", "lateral_femoral_cutaneous"],
    });
  });

  it("keeps words that name no place, with a warning and the nearest place words", () => {
    const r = block("peroneal_motor_edb", "fibular haed");
    expect(last(r)).toEqual({
      kind: "ncs",
      side: "left",
      study: "peroneal_motor_edb",
      result: "block",
      segment: "fibular haed",
    });
    const w = r.warnings.at(-1);
    expect(w?.message).toContain('the segment "fibular haed" names no nerve site Locus knows; kept as words');
    expect(w?.suggestions).toContain("fibular head");
  });

  it("warns when the segment lies on a nerve the study does not test", () => {
    const r = block("tibial_motor_ah", "fibular head");
    expect(r.warnings.at(-1)?.message).toBe(
      'the segment "fibular head" lies on common_peroneal@fibular_head, which the tibial_motor_ah study does not test; kept as words, check the study or the segment',
    );
    expect(last(r)).not.toHaveProperty("segmentSites");
  });

  it("every landmark names atlas sites", () => {
    const atlas = getAtlas();
    for (const l of LANDMARKS) for (const id of l.sites) expect(atlas.site(id), id).toBeDefined();
    expect(placeSites("Hunter's canal")).toEqual(["saphenous"]);
    expect(sitesOnStudy(["tibial", "common_peroneal"], "sural_sensory")).toEqual(["tibial"]);
  });
});

describe("FORMAT v1.1: bad values, each refused with its path and the nearest word", () => {
  const n = v11Case().findings.length;
  it.each<[string, unknown, [string, string, string[]][]]>([
    [
      "a misspelt sign",
      withFinding({ kind: "sign", sign: "tinnel" }),
      [[`findings[${n}].sign`, "tinel", ["tinel"]]],
    ],
    [
      "a misspelt modality",
      withFinding({ kind: "imaging", modality: "mri_brian", tags: [] }),
      [[`findings[${n}].modality`, "mri_brain", ["mri_brain"]]],
    ],
    [
      "a misspelt tag",
      withFinding({ kind: "imaging", modality: "vascular", tags: ["arterial_oclusion"] }),
      [[`findings[${n}].tags[0]`, "arterial_occlusion", ["arterial_occlusion"]]],
    ],
    [
      "a misspelt result",
      withFinding({ kind: "ncs", study: "femoral_motor", result: "blok" }),
      [[`findings[${n}].result`, "block", ["block"]]],
    ],
    [
      "a misspelt lab test",
      withFinding({ kind: "lab", test: "pas", result: "normal" }),
      [[`findings[${n}].test`, "psa", ["psa"]]],
    ],
    [
      "a misspelt `others`",
      withFinding({ kind: "strength", target: "othres", mrc: 5 }),
      [[`findings[${n}].target`, 'nor "others"', ["others"]]],
    ],
  ])("%s", (_, input, expected) => {
    const got = errorsOf(input);
    expect(got.map(([path]) => path)).toEqual(expected.map(([path]) => path));
    got.forEach(([, message, suggestions], k) => {
      expect(message).toContain(expected[k]?.[1]);
      expect(suggestions).toEqual(expected[k]?.[2]);
    });
  });

  it("a misspelt course", () => {
    const c = v11Case();
    (c.context as Record<string, unknown>).course = "worsning";
    expect(errorsOf(c)).toEqual([
      [
        "context.course",
        '"course" must be one of improving, stable, worsening, fluctuating; found "worsning"; did you mean `worsening`?',
        ["worsening"],
      ],
    ]);
  });

  it("a segment without a block", () => {
    expect(
      errorsOf(withFinding({ kind: "ncs", study: "peroneal_motor_edb", result: "slowed", segment: "knee" })),
    ).toEqual([
      [
        `findings[${n}].segment`,
        '"segment" names the stretch of a conduction block or focal slowing; give "result": "block" with it (found "slowed")',
        [],
      ],
    ]);
  });

  it("sites that are not atlas sites", () => {
    expect(
      errorsOf(
        withFinding({
          kind: "ncs",
          study: "peroneal_motor_edb",
          result: "block",
          segmentSites: ["common_peroneal@fibular_haed"],
        }),
      ),
    ).toEqual([
      [
        `findings[${n}].segmentSites[0]`,
        "`common_peroneal@fibular_haed` is not a nerve site of the atlas; did you mean `common_peroneal@fibular_head`?",
        ["common_peroneal@fibular_head"],
      ],
    ]);
  });

  it("target sites on a sign other than tinel", () => {
    expect(
      errorsOf(withFinding({ kind: "sign", sign: "atrophy", target: "calf", targetSites: ["tibial"] })),
    ).toEqual([
      [
        `findings[${n}].targetSites`,
        '"targetSites" names the nerve sites of a Tinel sign; found it with "sign": "atrophy"',
        [],
      ],
    ]);
  });

  it("a sensory level that is not a segment", () => {
    expect(errorsOf(withFinding({ kind: "sign", sign: "sensory_level", target: "chest" }))).toEqual([
      [
        `findings[${n}].target`,
        'a sensory level is one spinal segment such as "T10" (or a landmark: nipple, xiphoid, umbilicus, inguinal ligament); found "chest"',
        [],
      ],
    ]);
    expect(canonicalSensoryLevel("T13")).toBeUndefined();
    expect(canonicalSensoryLevel("at the level of the nipples")).toBe("T4");
  });

  it("`others` where only one item can stand", () => {
    const got = errorsOf(withFinding({ kind: "emg", muscle: "others", spontaneous: "none" }));
    expect(got.map(([p, m]) => [p, m])).toEqual([
      [
        `findings[${n}].muscle`,
        "`others` (every item not named elsewhere) may stand only for a strength target, a reflex or a sensory region; name the muscle itself",
      ],
    ]);
  });

  it("a wrong type in a new context field", () => {
    const c = v11Case();
    (c.context as Record<string, unknown>).denies = "fever";
    expect(errorsOf(c).map(([p]) => p)).toEqual(["context.denies"]);
  });
});
