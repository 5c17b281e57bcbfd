import { describe, expect, it } from "vitest";
import { normalizeText, toOriginal } from "./normalize-text.js";

describe("normalizeText", () => {
  it("joins a word broken across lines and maps back to the original", () => {
    const src = "L3 radicu-\nlopathy on the left";
    const n = normalizeText(src);
    expect(n.text).toBe("L3 radiculopathy on the left");
    const at = n.text.indexOf("radiculopathy");
    const o = toOriginal(n, at, at + "radiculopathy".length);
    expect(src.slice(o.start, o.end)).toBe("radicu-\nlopathy");
  });

  it("joins across blank lines left by PDF extraction", () => {
    expect(normalizeText("my-\n\nopathic disorder").text).toBe("myopathic disorder");
  });

  it("keeps a hyphen before a capital or a number on the next line", () => {
    expect(normalizeText("L3-\nL4 disc").text).toBe("L3-\nL4 disc");
  });

  it("drops the space PDF extraction leaves after an in-line hyphen", () => {
    expect(normalizeText("A 69- year- old male, left- sided").text).toBe("A 69-year-old male, left-sided");
  });

  it("replaces typographic characters one for one", () => {
    const n = normalizeText("L4\u20135 \u201cno\u201d 6\u03bcV\u00a0x");
    expect(n.text).toBe('L4-5 "no" 6uV x');
    expect(n.map.length).toBe(n.text.length + 1);
  });

  it("maps the end of the text to the original length", () => {
    const src = "a\r\nb";
    const n = normalizeText(src);
    expect(n.text).toBe("a\nb");
    expect(n.map[n.text.length]).toBe(src.length);
  });
});
