import { describe, expect, it } from "vitest";
import { headingKind, MAX_UNIT, segment } from "./sentences.js";

const texts = (t: string, isRow?: (l: string) => boolean) =>
  segment(t, isRow).map((u) => u.text.replace(/\s+/g, " "));

describe("segment", () => {
  it("joins lines wrapped anywhere, even across blank lines, until a full stop", () => {
    expect(texts("He had weakness of the\n\nleft hip. The knee jerk\nwas absent.")).toEqual([
      "He had weakness of the left hip.",
      "The knee jerk was absent.",
    ]);
  });

  it("does not end a sentence at an abbreviation or a decimal", () => {
    expect(texts("See Fig. 2 for the EMG, e.g. in the TA. The CMAP was 4.1 mV.")).toEqual([
      "See Fig. 2 for the EMG, e.g. in the TA.",
      "The CMAP was 4.1 mV.",
    ]);
  });

  it("marks literature sections and brings the patient back with a case heading", () => {
    const units = segment(
      "BACKGROUND\nDiscs prolapse.\nCASE REPORT\nA 40-year-old man.\nDiscussion\nOthers.",
    );
    expect(units.map((u) => [u.text, u.section])).toEqual([
      ["Discs prolapse.", "literature"],
      ["A 40-year-old man.", "patient"],
      ["Others.", "literature"],
    ]);
  });

  it("reads captions and table rows as about the patient wherever the layout put them", () => {
    const units = segment(
      "DISCUSSION\nOthers.\nTable 1. MRC scores\n\nHip flexor 5 5\nKnee extensor 4 5\n",
      (l) => /^(Hip|Knee)/.test(l),
    );
    expect(units.map((u) => [u.text, u.section, u.row, u.caption])).toEqual([
      ["Others.", "literature", false, false],
      ["Table 1. MRC scores", "patient", false, true],
      ["Hip flexor 5 5", "patient", true, false],
      ["Knee extensor 4 5", "patient", true, false],
    ]);
  });

  it("flags what happened after treatment and general statements", () => {
    const [a, b, c] = segment(
      "Three months after finishing treatment, the weakness improved. Discs commonly prolapse at L4-L5. The left TA was weak.",
    );
    expect(a?.followUp).toBe(true);
    expect(b?.generic).toBe(true);
    expect(c?.followUp || c?.generic).toBe(false);
  });

  it("knows headings by their words only", () => {
    expect(headingKind("| Case Report |")).toBe("patient");
    expect(headingKind("2. Discussion:")).toBe("literature");
    expect(headingKind("The discussion was long")).toBe("none");
  });

  it("never makes a unit longer than MAX_UNIT, on text that never ends a sentence", () => {
    const line = "Left EHL 4/5, TA 3/5, ankle jerk absent on the left\n";
    const oneLine = "weak ".repeat(2000);
    for (const text of [line.repeat(500), oneLine]) {
      const units = segment(text);
      expect(Math.max(...units.map((u) => u.end - u.start))).toBeLessThanOrEqual(MAX_UNIT);
      // Nothing is lost: every word is in some unit.
      const covered = units.reduce((n, u) => n + (u.text.match(/\S+/g)?.length ?? 0), 0);
      expect(covered).toBe(text.match(/\S+/g)?.length);
    }
  });
});
