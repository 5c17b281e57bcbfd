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

describe("isNegated, NegEx and ConText cases", () => {
  it.each([
    ["Babinski neg bilat.", "Babinski", true],
    ["Babinski -ve.", "Babinski", true],
    ["Not only weakness but also pain.", "weakness", false],
    ["No change in the weakness.", "weakness", false],
    ["Walks without difficulty; weakness of the left TA.", "weakness", false],
    ["No numbness; weakness of the left TA.", "weakness", false],
    ["Reflexes normal except absent ankle jerk.", "ankle jerk", false],
  ])("%s -> %s negated: %s", (s, p, want) => {
    expect(negated(s, p)).toBe(want);
  });

  it("costs the same whatever the sentence's length: a trigger far before is out of reach", () => {
    const s = `No ${"x ".repeat(200)}weakness`;
    expect(negated(s, "weakness")).toBe(false);
  });
});
