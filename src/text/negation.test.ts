import { describe, expect, it } from "vitest";
import { isNegated } from "./negation.js";

const negated = (sentence: string, phrase: string) => {
  const i = sentence.indexOf(phrase);
  if (i < 0) throw new Error(`${phrase} not in ${sentence}`);
  return isNegated(sentence, i, i + phrase.length);
};

describe("isNegated", () => {
  it.each([
    ["No associated numbness or weakness.", "weakness", true],
    ["He denies bladder symptoms.", "bladder", true],
    ["Walking without pain.", "pain", true],
    ["Infection was ruled out.", "Infection", true],
    ["Upper motor neuron signs, including the Babinski sign, were not evident.", "Babinski", true],
    ["No weight loss, but severe weakness of the leg.", "weakness", false],
    ["She has weakness and no pain.", "weakness", false],
    ["There was no evidence of a disc herniation.", "disc herniation", true],
    ["No history of trauma.", "trauma", true],
    ["Negative for diabetes.", "diabetes", true],
    ["Weakness was present.", "Weakness", false],
  ])("%s -> %s negated: %s", (s, p, want) => {
    expect(negated(s, p)).toBe(want);
  });

  it("does not reach further than a few words", () => {
    expect(negated("No change in appetite, weight or sleep, and a left foot drop", "foot drop")).toBe(false);
  });
});
