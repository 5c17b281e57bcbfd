import { describe, expect, it } from "vitest";
import { formatPath, parseCase } from "./index.js";

const withFindings = (...findings: Record<string, unknown>[]) => ({
  format: "locus-case/1",
  id: "w",
  findings,
});
const warningsOf = (input: unknown) => {
  const r = parseCase(input);
  expect(r.ok ? [] : r.errors).toEqual([]);
  return r.warnings.map((w) => [formatPath(w.path), w.message]);
};

describe("warnings", () => {
  it("keep free-text history and symptom words, and show them back", () => {
    const input = {
      ...withFindings({ kind: "reflex", reflex: "achilles", grade: "normal" }),
      context: {
        history: ["cancer:cervical", "hypertension", "diabetis"],
        symptoms: ["back_pain", "calf swelling"],
      },
    };
    expect(warningsOf(input)).toEqual([
      ["context.history[1]", '"hypertension" is not a controlled history word; kept as free text'],
      [
        "context.history[2]",
        '"diabetis" is not a controlled history word; kept as free text; did you mean `diabetes`?',
      ],
      ["context.symptoms[1]", '"calf swelling" is not a controlled symptom word; kept as free text'],
    ]);
    const r = parseCase(input);
    expect(r.ok && r.case.context?.history).toEqual(["cancer:cervical", "hypertension", "diabetis"]);
  });

  it("flag the same finding given twice with different values", () => {
    expect(
      warningsOf(
        withFindings(
          { kind: "reflex", side: "left", reflex: "patellar", grade: "absent" },
          { kind: "reflex", side: "right", reflex: "patellar", grade: "normal" },
          { kind: "reflex", side: "left", reflex: "knee jerk", grade: "normal" },
          { kind: "strength", target: "TA", mrc: "4" },
          { kind: "strength", side: "right", target: "tibialis_anterior", mrc: 4 },
          { kind: "strength", side: "right", target: "tibialis_anterior", mrc: "2" },
        ),
      ),
    ).toEqual([
      [
        "findings[2].reflex",
        'findings[0] and findings[2] both give the left patellar reflex, with different values ("absent" and "normal")',
      ],
      [
        "findings[5].target",
        "findings[3] and findings[5] both give the right strength of tibialis_anterior, with different values (4 and 2)",
      ],
    ]);
  });

  it("let a grade for one muscle refine a group word", () => {
    expect(
      warningsOf(
        withFindings(
          { kind: "strength", side: "left", target: "quadriceps", mrc: "4" },
          { kind: "strength", side: "left", target: "vastus_medialis", mrc: "3" },
        ),
      ),
    ).toEqual([]);
  });

  it("flag a left or right side on a midline finding", () => {
    expect(
      warningsOf(
        withFindings(
          { kind: "reflex", side: "left", reflex: "anal", grade: "absent" },
          { kind: "sensory", side: "right", region: "saddle", change: "reduced" },
          { kind: "sensory", side: "bilateral", region: "perineum", change: "reduced" },
          { kind: "emg", side: "left", muscle: "EAS", spontaneous: "fibrillations" },
          { kind: "lab", side: "left", test: "ck", result: "normal" },
        ),
      ).map(([path]) => path),
    ).toEqual(["findings[0].side", "findings[1].side", "findings[3].side", "findings[4].side"]);
  });

  it("flag MRC 0 with a normal needle EMG of the same muscle, or of a prime mover of the movement", () => {
    expect(
      warningsOf(
        withFindings(
          { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 0 },
          {
            kind: "emg",
            side: "left",
            muscle: "tibialis_anterior",
            spontaneous: "none",
            recruitment: "normal",
          },
          { kind: "emg", side: "right", muscle: "tibialis_anterior", recruitment: "normal" },
          { kind: "strength", side: "left", target: "EHL", mrc: "0" },
          { kind: "emg", side: "left", muscle: "extensor_hallucis_longus", recruitment: "none" },
        ),
      ),
    ).toEqual([
      [
        "findings[1].muscle",
        "left ankle_dorsiflexion is graded MRC 0 (findings[0]), yet the needle EMG of tibialis_anterior (findings[1]) is normal; a paralysed muscle recruits few or no motor units, so check the grade, the muscle and the side, or whether the weakness is from pain, effort or an upper motor neuron lesion",
      ],
    ]);
  });

  it("flag an MRC grade off the scale, and a case with no findings", () => {
    expect(warningsOf(withFindings({ kind: "strength", target: "TA", mrc: "5+" }))).toEqual([
      ["findings[0].mrc", 'MRC "5+" lies off the scale (there is nothing above 5); read as 5'],
    ]);
    expect(warningsOf(withFindings())).toEqual([
      ["findings", "the case has no findings: there is nothing to localize"],
    ]);
  });

  it("flag a sign target that looks like a misspelt muscle id", () => {
    expect(warningsOf(withFindings({ kind: "sign", sign: "atrophy", target: "tibialis_anterio" }))).toEqual([
      [
        "findings[0].target",
        "`tibialis_anterio` looks like an id but is not a muscle the atlas knows; kept as a body part word; did you mean `tibialis_anterior`?",
      ],
    ]);
  });

  it("are given with errors too, when the case is invalid", () => {
    const r = parseCase({ format: "locus-case/1", context: { history: ["gout"] }, findings: [] });
    expect(r.ok).toBe(false);
    expect(r.warnings.map((w) => formatPath(w.path))).toEqual(["context.history[0]"]);
  });
});
