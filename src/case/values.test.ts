import { describe, expect, it } from "vitest";
import { parseCase } from "./index.js";
import { canonicalFindingValue, closedWords, findingEnum } from "./values.js";

describe("closed values written as clinicians write them", () => {
  it.each([
    ["reflex", "grade", "Absent", "absent"],
    ["reflex", "grade", "1+", "reduced"],
    ["reflex", "grade", 2, "normal"],
    ["reflex", "grade", "3+", "brisk"],
    ["reflex", "grade", "hypoactive", "reduced"],
    ["reflex", "grade", "upgoing", "extensor"],
    ["reflex", "grade", "downgoing", "flexor"],
    ["sensory", "change", "decreased", "reduced"],
    ["sensory", "change", "allodynia", "increased"],
    ["sensory", "change", "pins and needles", "paresthesia"],
    ["sensory", "modality", "Light touch", "light_touch"],
    ["sensory", "modality", "JPS", "proprioception"],
    ["emg", "spontaneous", "fibs", "fibrillations"],
    ["emg", "spontaneous", "PSWs", "fibrillations"],
    ["emg", "recruitment", "decreased", "reduced"],
    ["ncs", "result", "NR", "absent"],
    ["ncs", "result", "Low amplitude", "reduced"],
    ["sign", "sign", "SLR", "straight_leg_raise"],
    ["sign", "sign", "Foot drop", "foot_drop"],
    ["lab", "result", "raised", "elevated"],
    ["imaging", "tags", "disc prolapse", "disc_herniation"],
  ] as const)("%s.%s %j is %j", (kind, field, written, value) => {
    expect(canonicalFindingValue(kind, field, written)).toBe(value);
  });

  it("still knows a finding's fields when its kind was written another way", () => {
    const r = parseCase({
      format: "locus-case/1",
      id: "k",
      findings: [{ kind: "EMG", muscle: "TA", fibs: true }],
    });
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      'unknown field "fibs" (known fields: kind, side, muscle, spontaneous, grade, insertional, muap, recruitment)',
    ]);
  });

  it("leaves words with no certain meaning for the schema to refuse", () => {
    expect(canonicalFindingValue("emg", "muap", "large")).toBeUndefined();
    expect(canonicalFindingValue("reflex", "grade", "5")).toBeUndefined();
    expect(canonicalFindingValue("sensory", "region", "calf")).toBeUndefined();
  });

  it("knows which fields are closed lists", () => {
    expect(findingEnum("imaging", "tags")?.list).toBe(true);
    expect(findingEnum("ncs", "result")?.values).toContain("slowed");
    expect(findingEnum("ncs", "amplitude")).toBeUndefined();
  });

  it("answers a field asked again the same, unchangeable, and nothing for words of Object.prototype", () => {
    const muap = findingEnum("emg", "muap");
    expect(findingEnum("emg", "muap")).toEqual(muap);
    expect(Object.isFrozen(muap)).toBe(true);
    for (const [kind, field] of [
      ["emg", "constructor"],
      ["emg", "__proto__"],
      ["constructor", "muap"],
      ["toString", "name"],
    ] as const)
      expect(findingEnum(kind, field)).toBeUndefined();
  });

  it("normalises them in a case and says so", () => {
    const r = parseCase({
      format: "locus-case/1",
      id: "v",
      patient: { sex: "F" },
      context: { onset: "Subacute" },
      findings: [
        { kind: "Reflex", reflex: "ankle jerk", grade: "0" },
        { kind: "sensory", region: "big toe", change: "decreased", modality: "vibration sense" },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.patient).toEqual({ sex: "female" });
    expect(r.case.context).toEqual({ onset: "subacute" });
    expect(r.case.findings).toEqual([
      { kind: "reflex", reflex: "achilles", grade: "absent" },
      { kind: "sensory", region: "great_toe", change: "reduced", modality: "vibration" },
    ]);
    expect(r.normalisations.map((n) => `${n.path.join(".")}: ${n.from} -> ${n.to.join()}`)).toEqual([
      "patient.sex: F -> female",
      "context.onset: Subacute -> subacute",
      "findings.0.kind: Reflex -> reflex",
      "findings.0.reflex: ankle jerk -> achilles",
      "findings.0.grade: 0 -> absent",
      "findings.1.region: big toe -> great_toe",
      "findings.1.change: decreased -> reduced",
      "findings.1.modality: vibration sense -> vibration",
    ]);
  });
});

describe("closedWords", () => {
  it("answers the first value with the word's fold, then the synonym for it", () => {
    const word = closedWords(["light_touch", "lighttouch", "pinprick"], {
      lt: "light_touch",
      pin: "pinprick",
    });
    expect(word("Light touch")).toBe("light_touch");
    expect(word("pinprick")).toBe("pinprick");
    expect(word("LT")).toBe("light_touch");
    expect(word("Pin")).toBe("pinprick");
    expect(word("touch")).toBeUndefined();
  });

  it("answers a value written as it stands with the value the table gives it, not always itself", () => {
    // "lighttouch" folds as "light_touch" does, which comes first.
    expect(closedWords(["light_touch", "lighttouch"])("lighttouch")).toBe("light_touch");
    // A value comes before a synonym with the same fold.
    expect(closedWords(["left"], { left: "right" })("left")).toBe("left");
    expect(closedWords([], { left: "right" })("left")).toBe("right");
  });

  it("knows no word of Object.prototype", () => {
    const word = closedWords(["a"], { b: "a" });
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty"])
      expect(word(key)).toBeUndefined();
  });
});
