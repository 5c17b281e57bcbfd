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

const isLower = (c: string | undefined) => c !== undefined && c >= "a" && c <= "z";
const isLetter = (c: string | undefined) => c !== undefined && (isLower(c) || (c >= "A" && c <= "Z"));
const isWordChar = (c: string | undefined) => c !== undefined && (isLetter(c) || (c >= "0" && c <= "9"));
const isBlank = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\u00a0";

const SPECIAL =
  /[-\s\u00a0\u00ad\u00b5\u03bc\u200b\u2010-\u2014\u2018\u2019\u201c\u201d\u2212\ufb00-\ufb04\ufeff]/;
const ORDINARY =
  /[^-\s\u00a0\u00ad\u00b5\u03bc\u200b\u2010-\u2014\u2018\u2019\u201c\u201d\u2212\ufb00-\ufb04\ufeff]+/y;

export function normalizeText(src: string): Normalized {
  const out: string[] = [];
  // The offsets, in a typed buffer grown when a ligature lengthens the text.
  let map = new Int32Array(src.length + 16);
  let size = 0;
  const mark = (at: number) => {
    if (size === map.length) {
      const bigger = new Int32Array(map.length * 2);
      bigger.set(map);
      map = bigger;
    }
    map[size++] = at;
  };
  const push = (s: string, at: number) => {
    if (s.length === 1) {
      out.push(s);
      mark(at);
      return;
    }
    for (const ch of s) {
      out.push(ch);
      mark(at);
    }
  };
  const n = src.length;
  const last = (): string | undefined => {
    const t = out[out.length - 1];
    return t === undefined ? undefined : t[t.length - 1];
  };
  let i = 0;
  while (i < n) {
    const c = src[i] as string;
    if (!SPECIAL.test(c)) {
      // A run of ordinary characters is copied as it is.
      ORDINARY.lastIndex = i;
      const run = ORDINARY.exec(src);
      const len = run && run.index === i ? run[0].length : 1;
      out.push(src.slice(i, i + len));
      for (let k = 0; k < len; k++) mark(i + k);
      i += len;
      continue;
    }
    const plain = PLAIN[c] ?? LIGATURES[c] ?? c;
    if (plain === "-" && isWordChar(last())) {
      // A hyphen at the end of a line, the word going on in lower case on a later line: join.
      let j = i + 1;
      while (j < n && isBlank(src[j])) j++;
      if (src[j] === "\n" && isLetter(last())) {
        let k = j;
        while (k < n && (isBlank(src[k]) || src[k] === "\n")) k++;
        if (isLower(src[k]) && k - j <= 6) {
          i = k;
          continue;
        }
      }
      // "left- sided", "69- year- old": the space after an in-line hyphen goes.
      const prev = last();
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
        size--;
      }
    }
    if (plain === " " && (last() === " " || last() === "\n")) {
      i++;
      continue;
    }
    push(plain, i);
    i++;
  }
  mark(n);
  return { text: out.join(""), map: map.slice(0, size) };
}

/** The original span of a normalised span. */
export function toOriginal(norm: Normalized, start: number, end: number): { start: number; end: number } {
  const s = norm.map[Math.max(0, Math.min(start, norm.text.length))] ?? 0;
  const last = end > start ? (norm.map[Math.min(end, norm.text.length) - 1] ?? s) + 1 : s;
  return { start: s, end: Math.max(s, last) };
}
