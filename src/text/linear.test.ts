/**
 * Reading stays linear in the length of the note: the work counter (characters the patterns run
 * over) for a note repeated four times is about four times that of the note once. No timing here;
 * the time goes in bench/extract.ts.
 */
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";
import { work } from "./work.js";

function workFor(text: string): number {
  work.chars = 0;
  extract(text);
  return work.chars;
}

const clinic =
  "62M, 3/52 L foot drop. O/E: L TA 3/5, EHL 2/5, eversion 4/5; inversion 5/5. AJ absent on L, present on R. " +
  "Reduced pinprick over the dorsum of the L foot. Babinski neg bilat. SLR 90 degrees bilaterally. " +
  "Needle EMG: fibrillations in L TA and peroneus longus; TP normal; L5 paraspinals quiet.\n";
/** A list without full stops: one paragraph that never ends a sentence. */
const run =
  "Left EHL 4/5, TA 3/5, ankle jerk absent on the left, reduced pinprick over the dorsum of the left foot\n";

describe("extraction time is linear in the note", () => {
  it.each([
    ["a clinic note", clinic],
    ["a paragraph without full stops", run],
  ])("%s repeated: four times the text is about four times the work", (_, piece) => {
    const once = workFor(piece.repeat(40));
    const four = workFor(piece.repeat(160));
    expect(once).toBeGreaterThan(0);
    expect(four / once).toBeLessThan(4.6);
  });
});
