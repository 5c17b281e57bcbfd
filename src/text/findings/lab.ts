/**
 * Laboratory results: the test (CK, glucose, HbA1c, ESR, CRP, CSF protein and cells, B12, serum
 * protein electrophoresis), the result word (normal, elevated, low) and the value ("CK 58-73",
 * "protein=36.95 mg/dL"). In a CSF sentence, "protein" and "cells" are the CSF tests and CSF
 * glucose is not read as blood glucose.
 */
import type { LabFinding } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import { isNegated } from "../negation.js";
import { LAB_REFERENCE } from "../sources.js";

type Test = LabFinding["test"];

const TESTS: [RegExp, Test, "csf" | "blood" | "any"][] = [
  [/\b(CK|CPK|creatin(?:in)?e? (?:phospho)?kinase)\b(?!\s*-\s*MB|-MB)/gi, "ck", "any"],
  [/\b(HbA1c|A1c|glycated ha?emoglobin)\b/gi, "hba1c", "any"],
  [/\b(fasting (?:blood |plasma )?glucose|blood (?:glucose|sugar)|glucose|FBS)\b/gi, "glucose", "blood"],
  [/\b(ESR|erythrocyte sedimentation rate)\b/gi, "esr", "any"],
  [/\b(CRP|C-reactive protein)\b/gi, "crp", "any"],
  [/\b(protein)\b/gi, "csf_protein", "csf"],
  [/\b(white (?:blood )?cells?|WBC|cells?|cell count|pleocytosis)\b/gi, "csf_cells", "csf"],
  [/\b(WBC|white (?:blood )?(?:cell )?count|leu[ck]ocyte count|leu[ck]ocytes)\b/gi, "wbc", "blood"],
  [/\b(vitamin B12|B12|cobalamin)\b/gi, "vitamin_b12", "any"],
  [/\b(SPEP|serum protein electrophoresis|paraprotein\w*|monoclonal (?:band|protein))\b/gi, "spep", "any"],
];
const CSF = /\b(CSF|cerebrospinal fluid|lumbar puncture|spinal tap|LP)\b/i;

/**
 * Reference limits for a value written without a word (LAB_REFERENCE in sources.ts): at or above
 * `above` is elevated; at or below `normalUpTo` (when given) is normal; between the two, or in a
 * unit not listed, nothing is read, since the limit depends on what the note does not say (sex,
 * age, ancestry, the laboratory's unit).
 */
const REFERENCE: Partial<
  Record<Test, { unit: RegExp; above: number; normalUpTo?: number; fasting?: boolean }[]>
> = {
  hba1c: [{ unit: /^%?$/, above: 5.7 }],
  glucose: [
    { unit: /^(mg\/dl)?$/i, above: 100, fasting: true },
    { unit: /^mmol\/l$/i, above: 5.6, fasting: true },
    { unit: /^(mg\/dl)?$/i, above: 140 },
    { unit: /^mmol\/l$/i, above: 7.8 },
  ],
  ck: [{ unit: /^((?:i?u)\/l)?$/i, ...LAB_REFERENCE.ck }],
  esr: [{ unit: /^(mm\/h(?:r|our)?)?$/i, ...LAB_REFERENCE.esr }],
  crp: [
    { unit: /^mg\/l$/i, ...LAB_REFERENCE.crpMgL },
    { unit: /^mg\/dl$/i, ...LAB_REFERENCE.crpMgDl },
  ],
  wbc: [{ unit: /^(\/mm3|\/u?l|cells?\/mm3|cells?\/u?l)?$/i, ...LAB_REFERENCE.wbc }],
  csf_protein: [
    { unit: /^mg\/dl$/i, ...LAB_REFERENCE.csfProteinMgDl },
    { unit: /^g\/l$/i, ...LAB_REFERENCE.csfProteinGL },
  ],
  csf_cells: [{ unit: /^(cells?\/u?l|\/u?l|cells?\/mm3|\/mm3|cells?)?$/i, ...LAB_REFERENCE.csfCells }],
};

/** "(normal 55-170)", "(ref 0-177)", "(N < 20)": the range written beside a value. */
const RANGE =
  /^(?:(?!\band\b)[^;,(]){0,20}?\((?:normal|nl|ref\w*|N|reference range)\s*:?\s*(?:(\d+(?:\.\d+)?)\s*(?:[-\u2013]|to)\s*(\d+(?:\.\d+)?)|(?:<|up to|under)\s*(\d+(?:\.\d+)?))/i;

function byRange(value: number, after: string): LabFinding["result"] | undefined {
  const r = RANGE.exec(after);
  if (!r) return undefined;
  const low = r[1] !== undefined ? Number(r[1]) : undefined;
  const high = Number(r[2] ?? r[3]);
  if (value > high) return "elevated";
  if (low !== undefined && value < low) return "low";
  return "normal";
}

function judge(
  test: Test,
  value: number,
  unit: string | undefined,
  fasting: boolean,
): LabFinding["result"] | undefined {
  const ref = REFERENCE[test]?.find((r) => r.unit.test(unit ?? "") && Boolean(r.fasting) === fasting);
  if (!ref) return undefined;
  if (value >= ref.above) return "elevated";
  return ref.normalUpTo === undefined || value <= ref.normalUpTo ? "normal" : undefined;
}

function resultWord(t: string): LabFinding["result"] | undefined {
  if (/\b(elevated|raised|high|increased|abnormal)\b/i.test(t) && !/no abnormal/i.test(t)) return "elevated";
  if (/\b(low|decreased|reduced|deficien\w*)\b/i.test(t)) return "low";
  if (/\b(normal|within normal|unremarkable|no abnormal)\b/i.test(t)) return "normal";
  return undefined;
}

export function readLabs(doc: Doc): void {
  const quick =
    /CK|CPK|creatin|A1c|glucose|sugar|FBS|ESR|sediment|CRP|reactive|protein|cell|WBC|B12|cobalamin|SPEP|electrophor|paraprot|monoclonal/i;
  for (const u of doc.patient) {
    if (u.row || !quick.test(u.text)) continue;
    const csf = CSF.test(u.text);
    for (const [re, test, where] of TESTS) {
      if (where === "csf" && !csf) continue;
      if (where === "blood" && csf) continue;
      for (const m of matches(re, doc.text, u)) {
        const start = m.index;
        const end = m.index + m[0].length;
        const near = doc.text.slice(Math.max(u.start, start - 20), Math.min(u.end, end + 20));
        // In a list of results each item is its own statement: "SPEP without M-protein, HbA1c 8.6%".
        const item = itemStart(doc.text, u.start, start);
        if (isNegated(doc.text, start, end, item, u.end) && !/no abnormal|normal/i.test(near)) continue;
        const after = doc.text.slice(end, Math.min(u.end, end + 40));
        const value =
          /^[^0-9;.]{0,25}?(?:[=:]|\bof\b|\bwas\b|\bis\b|\()?\s*(?<![A-Za-z])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*[-\u2013]\s*(\d+(?:\.\d+)?))?\s*(mg\/dl|mg\/l|g\/l|u\/l|iu\/l|mmol\/l|mm\/h(?:r|our)?|%|cells?\/u?l|cells?\/mm3|\/mm3|\/u?l|pg\/ml|ng\/ml|u\/l)?/i.exec(
            after,
          );
        const around = doc.text.slice(Math.max(u.start, start - 30), Math.min(u.end, end + 60));
        const n = value ? perLitre(test, num(value[2] ?? value[1]), value[3]) : undefined;
        const valueEnd = value ? value.index + value[0].length : 0;
        // The test's own words end at the next item of a list: "HbA1c 9%, WBC ... normal" is not HbA1c's.
        const own = value
          ? (
              after.slice(0, valueEnd) + (after.slice(valueEnd).split(/[,;]|\b(?:and|with)\b/)[0] ?? "")
            ).replace(/\((?:normal|nl|ref\w*|N|reference)\b[^)]*\d[^)]*\)/gi, " ")
          : (after.split(/[;]/)[0] ?? "");
        const rest = doc.text.slice(end + valueEnd, Math.min(u.end, end + valueEnd + 40));
        const fasting = /fasting/i.test(m[0]);
        const judged =
          n !== undefined ? (byRange(n, rest) ?? judge(test, n, value?.[3], fasting)) : undefined;
        // A value judged by its range beats a word that belongs to the rest of the sentence; a value
        // nothing judges is not given the sentence's words.
        // "normal serum CK levels (58-73)": a word just before the test, in its own list item.
        const ownBefore =
          doc.text
            .slice(Math.max(u.start, start - 25), start)
            .split(/[,;]|\band\b/)
            .pop() ?? "";
        const result =
          resultWord(own) ??
          resultWord(ownBefore) ??
          judged ??
          (n === undefined
            ? (resultWord(around.split(/[;]/).pop() ?? around) ?? resultWord(u.text))
            : undefined);
        if (!result) {
          doc.leftover(start, end, "a laboratory test without a result Locus can read");
          continue;
        }
        const f: LabFinding = { kind: "lab", test, result };
        if (value) {
          f.value = num(value[2] ?? value[1]);
          if (value[3]) f.unit = value[3];
        }
        doc.add(f, [[start, end]], value ? 0.85 : 0.75);
      }
    }
  }
}

/** Where the list item holding a test starts: after the last "," or ";" before it in its sentence. */
function itemStart(text: string, from: number, at: number): number {
  const before = text.slice(Math.max(from, at - 80), at);
  const cut = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"));
  return cut < 0 ? from : at - before.length + cut + 1;
}

/** A number as written, with its thousands separators ("6,840"). */
const num = (x: string | undefined): number => Number((x ?? "").replace(/,/g, ""));

/** A white cell count per cubic millimetre (or microlitre) in the 10^9/L the limits are written in. */
function perLitre(test: Test, n: number, unit: string | undefined): number {
  return test === "wbc" && n >= 1000 && (!unit || /mm3|u?l$/i.test(unit)) ? n / 1000 : n;
}
