/** Random input at the whole pipeline: it never throws, and what it returns is a valid case. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locusCase } from "../case/schema.js";
import { fuzz } from "../test-helpers/fuzz.js";
import { extract, looksLikeNote } from "./index.js";

const clinical = fc.constantFrom(
  "left",
  "right",
  "bilateral",
  "no",
  "weakness",
  "MRC 4/5",
  "3-",
  "knee jerk",
  "absent",
  "1+/2+",
  "TA",
  "EHL",
  "fibrillations",
  "no MUAP",
  "CMAP",
  "sural",
  "no response",
  "MRI",
  "disc herniation at L4-5",
  "L5/S1 PVMs",
  "Table 1.",
  "Discussion",
  "\n",
  "-\n",
  ".",
  ",",
  "(",
  ")",
  "%",
  "dermatome",
  "hypoaesthesia",
);

describe("extract on random input", () => {
  it("never throws on arbitrary unicode and always returns a valid case", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        const r = extract(s);
        expect(locusCase.safeParse(r.case).success).toBe(true);
        for (const sp of r.spans) expect(s.slice(sp.start, sp.end)).toBe(sp.text);
      }),
      fuzz(200),
    );
  });

  it("never throws on clinical-looking word salad, and its spans point into the text", () => {
    fc.assert(
      fc.property(
        fc.array(clinical, { maxLength: 60 }),
        fc.array(fc.constantFrom(" ", "  ", "\n", ""), { maxLength: 60 }),
        (words, gaps) => {
          const s = words.map((w, i) => w + (gaps[i] ?? " ")).join("");
          const r = extract(s);
          expect(locusCase.safeParse(r.case).success).toBe(true);
          for (const sp of r.spans) {
            expect(sp.finding).toBeLessThan(r.case.findings.length);
            expect(s.slice(sp.start, sp.end)).toBe(sp.text);
          }
        },
      ),
      fuzz(300),
    );
  });

  it("handles very long input", () => {
    const unit = "Weakness of the left EHL (MRC 4/5); knee jerk absent on the left. ";
    const long = unit.repeat(2000) + "x".repeat(50_000) + "-\n".repeat(5_000);
    const r = extract(long);
    expect(r.case.findings.length).toBeGreaterThan(0);
  });

  it("tells a note from JSON", () => {
    expect(looksLikeNote('{"format": "locus-case/1"}')).toBe(false);
    expect(looksLikeNote("  [1, 2]")).toBe(false);
    expect(looksLikeNote("Left foot drop since 3 weeks.")).toBe(true);
    expect(looksLikeNote("{ not json, a note in braces")).toBe(true);
  });
});
