/**
 * Words that name Object.prototype's members ("constructor", "__proto__", "toString", ...) are
 * ordinary unknown words: a case using one as a history word, symptom or sign target
 * is read, localized and saved exactly like a case using a made-up word of the same shape.
 * They once crashed localization (HTTP 500) and left a saved case with a null report.
 */
import { describe, expect, it } from "vitest";
import { canonicalHistory, canonicalSide, canonicalSymptom, parseCase } from "../case/index.js";
import type { LocusCase } from "../case/schema.js";
import { analyze } from "../report/index.js";
import { loadEngine } from "./engine.js";
import { devCases, jsonRequest, testApp } from "./test-helpers/app.js";

const KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"] as const;

/** A made-up word with the same shape (length, case, underscores), so texts are clipped alike. */
const lookalike = (key: string) => key.replace(/[a-z]/, "x");

/** The first demo case with a sign finding, given `word` in history, symptoms and every sign target. */
function caseWith(word: string): LocusCase {
  const base = devCases().find(({ json }) => json.findings.some((f) => f.kind === "sign"))?.json;
  if (!base) throw new Error("no demo case with a sign finding");
  const c = structuredClone(base);
  c.context = {
    ...c.context,
    history: [...(c.context?.history ?? []), word, `${word}:detail`],
    symptoms: [...(c.context?.symptoms ?? []), word],
  };
  c.findings = [
    ...c.findings.map((f) => (f.kind === "sign" ? { ...f, target: word } : f)),
    { kind: "sign", side: "left", sign: "atrophy", target: word },
  ] as LocusCase["findings"];
  return c;
}

/** Everything the library answers for a case, as text, with `word` written as `as`. */
function libraryAnswer(input: unknown, word: string, as: string): string {
  const parsed = parseCase(input);
  const out = parsed.ok
    ? { w: parsed.warnings, n: parsed.normalisations, a: analyze(parsed.case, { limit: 5 }) }
    : { errors: parsed.errors };
  // Reports speak ids with spaces for underscores ("__proto__" as "  proto  "): swap that form too.
  const spoken = (w: string) => w.replaceAll("_", " ");
  return JSON.stringify(out).split(word).join(as).split(spoken(word)).join(spoken(as));
}

describe("prototype keys are ordinary unknown words", () => {
  it.each(KEYS)("the library answers %s exactly as a made-up word", (key) => {
    const alt = lookalike(key);
    const got = libraryAnswer(caseWith(key), key, alt);
    expect(got).not.toMatch(/"errors"/);
    expect(got).toBe(libraryAnswer(caseWith(alt), alt, alt));
  });

  it.each(KEYS)("an expected lesion level of %s is an ordinary invalid level", (key) => {
    const withLevel = (level: string) => {
      const expected = { localization: [{ level, sites: ["L5"], side: "left" }] };
      return { ...caseWith("cramps"), expected } as unknown;
    };
    const alt = lookalike(key);
    const got = libraryAnswer(withLevel(key), key, alt);
    expect(got).toMatch(/must be one of root, plexus/);
    expect(got).toBe(libraryAnswer(withLevel(alt), alt, alt));
  });

  it("POST /api/v1/localize answers 200 and a saved case keeps its report", async () => {
    const t = await testApp({ engine: await loadEngine() });
    try {
      for (const key of KEYS) {
        const c = { ...caseWith(key), id: `proto-${KEYS.indexOf(key)}` };
        const res = await t.app.request("/api/v1/localize", jsonRequest("POST", c));
        expect(res.status, key).toBe(200);
        const saved = await t.app.request("/api/v1/cases", jsonRequest("POST", c));
        expect(saved.status, key).toBe(201);
        const got = (await (await t.app.request(`/api/v1/cases/${c.id}`)).json()) as {
          report: { body: { hypotheses: unknown[] } } | null;
        };
        expect(got.report, key).not.toBeNull();
        expect(got.report?.body.hypotheses.length, key).toBeGreaterThan(0);
      }
    } finally {
      await t.close();
    }
  });
});

describe("prototype keys in closed fields", () => {
  it.each(KEYS)("%s is not a side, a history word or a symptom", (key) => {
    expect(canonicalSide(key)).toBeUndefined();
    expect(canonicalHistory(key)).toBeUndefined();
    expect(canonicalSymptom(key)).toBeUndefined();
  });
});
