/**
 * The first step: make text from PDFs and clinic systems readable, and remember where every
 * character came from. Words broken across lines ("radicu-\nlopathy") are joined, the space PDF
 * extraction leaves after a hyphen ("left- sided") is dropped, typographic dashes, quotes, spaces
 * and the micro sign become their plain forms. `map[i]` is the offset in the original text of
 * character `i` of the normalised text, so every span found later points back to what was written.
 */
export interface Normalized {
  text: string;
  /** Original offset of each normalised character; `map[text.length]` is the original length. */
  map: Int32Array;
}

/** One-to-one replacements (the normalised text keeps the same length for these). */
const PLAIN: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\t": " ",
  "\u00b5": "u",
  "\u03bc": "u",
  "\u00ad": "",
  "\r": "",
  "\u200b": "",
  "\ufeff": "",
};

const LIGATURES: Record<string, string> = {
  "\ufb00": "ff",
  "\ufb01": "fi",
  "\ufb02": "fl",
  "\ufb03": "ffi",
  "\ufb04": "ffl",
};

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
const isLower = (c: string | undefined) => c !== undefined && c >= "a" && c <= "z";
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

export function normalizeText(src: string): Normalized {
  const out: string[] = [];
  const map: number[] = [];
  const push = (s: string, at: number) => {
    for (const ch of s) {
      out.push(ch);
      map.push(at);
    }
  };
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i] as string;
    const plain = PLAIN[c] ?? LIGATURES[c] ?? c;
    if (plain === "-" && isWordChar(out[out.length - 1])) {
      // A hyphen at the end of a line, the word going on in lower case on a later line: join.
      let j = i + 1;
      while (j < n && /[ \t\r\u00a0]/.test(src[j] as string)) j++;
      if (src[j] === "\n" && isLetter(out[out.length - 1])) {
        let k = j;
        while (k < n && /[\s\u00a0]/.test(src[k] as string)) k++;
        if (isLower(src[k]) && k - j <= 6) {
          i = k;
          continue;
        }
      }
      // "left- sided", "69- year- old": the space after an in-line hyphen goes.
      const prev = out[out.length - 1];
      const joins = isLetter(prev)
        ? isLower(src[i + 2])
        : /^ (year|month|week|day|hour)/i.test(src.slice(i + 1, i + 8));
      if (src[i + 1] === " " && isLetter(src[i + 2]) && joins) {
        push("-", i);
        i += 2;
        continue;
      }
    }
    // Runs of spaces become one space; no space is kept at either end of a line.
    if (plain === "\n") {
      while (out[out.length - 1] === " ") {
        out.pop();
        map.pop();
      }
    }
    if (plain === " " && (out[out.length - 1] === " " || out[out.length - 1] === "\n")) {
      i++;
      continue;
    }
    push(plain, i);
    i++;
  }
  map.push(n);
  return { text: out.join(""), map: Int32Array.from(map) };
}

/** The original span of a normalised span. */
export function toOriginal(norm: Normalized, start: number, end: number): { start: number; end: number } {
  const s = norm.map[Math.max(0, Math.min(start, norm.text.length))] ?? 0;
  const last = end > start ? (norm.map[Math.min(end, norm.text.length) - 1] ?? s) + 1 : s;
  return { start: s, end: Math.max(s, last) };
}
