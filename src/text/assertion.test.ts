import { describe, expect, it } from "vitest";
import { type Assertion, assertion } from "./assertion.js";

const at = (sentence: string, phrase: string): Assertion => {
  const i = sentence.indexOf(phrase);
  if (i < 0) throw new Error(`${phrase} not in ${sentence}`);
  return assertion(sentence, i, i + phrase.length);
};

describe("assertion", () => {
  it.each([
    ["?fibrillations in the left TA.", "fibrillations"],
    ["Possible foot drop on the left.", "foot drop"],
    ["Cannot exclude a disc herniation.", "disc herniation"],
    ["Query fibrillations in the TA.", "fibrillations"],
  ])("uncertain: %s", (s, p) => {
    expect(at(s, p).uncertain).toBe(true);
    expect(at(s, p).negated).toBe(false);
  });

  it.each([
    ["History of left foot drop in 2015, resolved.", "foot drop"],
    ["Previous EMG showed fibrillations in the TA.", "fibrillations"],
    ["Prior right L5 radiculopathy.", "radiculopathy"],
  ])("historical: %s", (s, p) => {
    expect(at(s, p).historical).toBe(true);
  });

  it.each([
    ["A 60-year-old man with weakness.", "weakness"],
    ["Weakness over the past 3 weeks.", "Weakness"],
    ["Prior to admission he developed weakness.", "weakness"],
  ])("current: %s", (s, p) => {
    expect(at(s, p).historical).toBe(false);
  });

  it("knows a relative's illness from the patient's", () => {
    expect(at("Family history: mother had diabetes.", "diabetes").otherPerson).toBe(true);
    expect(at("His brother has a neuropathy.", "neuropathy").otherPerson).toBe(true);
    expect(at("He has diabetes. His mother is well.", "diabetes").otherPerson).toBe(false);
  });

  it("knows a hypothetical from a finding", () => {
    expect(at("Return if weakness develops.", "weakness").hypothetical).toBe(true);
    expect(at("Weakness developed.", "Weakness").hypothetical).toBe(false);
  });
});
