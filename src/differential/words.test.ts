import { describe, expect, it } from "vitest";
import type { Lesion } from "../case/schema.js";
import { clinicalWords, lesionPhrase, nameOf } from "./words.js";

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

describe("lesionPhrase", () => {
  it("says a lesion that can change as it is now (only frozen lesions keep their phrase)", () => {
    const lesion: Lesion = { level: "root", sites: ["L5"], side: "left" };
    expect(lesionPhrase(lesion)).toBe("left L5 root");
    lesion.sites = ["L5", "S1"];
    expect(lesionPhrase(lesion)).toBe("left L5 and S1 roots");
    const frozen = Object.freeze({
      level: "root" as const,
      sites: Object.freeze(["S1"]) as string[],
      side: "right" as const,
    });
    expect(lesionPhrase(frozen)).toBe("right S1 root");
    expect(lesionPhrase(frozen)).toBe("right S1 root");
  });
});
