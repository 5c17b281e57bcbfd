import { describe, expect, it } from "vitest";
import { clinicalWords, nameOf } from "./words.js";

describe("clinicalWords", () => {
  it("names every id left in a sentence and leaves a sentence without one as it is", () => {
    expect(clinicalWords("weak tibialis_anterior and absent ankle_jerk")).toBe(
      `weak ${nameOf("tibialis_anterior")} and absent ${nameOf("ankle_jerk")}`,
    );
    expect(clinicalWords("weak tibialis_anterior and absent ankle_jerk")).not.toMatch(/_/);
    const plain = "the L5 root spares the knee jerk; sensation is 4/5 (of the dorsum)";
    expect(clinicalWords(plain)).toBe(plain);
    expect(clinicalWords("")).toBe("");
  });
});
