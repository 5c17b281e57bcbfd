/**
 * Error answers are bounded: a body of a megabyte cannot make an answer of many megabytes, nor make
 * the case stage search the lexicon for every one of thousands of unknown words. (Before: 1 MiB of
 * `findings: [1, 1, ...]` answered 524,000 issues in 79.5 MB; 13,000 near-miss ids took 13 s.)
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { MAX_ISSUES } from "../case/index.js";
import { MAX_SUGGESTED } from "../case/normalize.js";
import { jsonRequest, type TestApp, testApp } from "./test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const LIMIT = 1_048_576;

/** A case whose findings list is as long as fits in `bytes`, each item made by `item(i)`. */
function bigCase(bytes: number, item: (i: number) => unknown): string {
  const head = '{"format":"locus-case/1","id":"big","findings":[';
  const parts: string[] = [];
  let size = head.length + 2;
  for (let i = 0; ; i++) {
    const s = JSON.stringify(item(i));
    if (size + s.length + 1 > bytes) break;
    parts.push(s);
    size += s.length + 1;
  }
  return `${head}${parts.join(",")}]}`;
}

interface Answer {
  error: { code: string; issues: { path: unknown[]; message: string; suggestions?: string[] }[] };
}

describe("error answers are capped", () => {
  it("findings: [1, 1, ...] answers the first issues and a count of the rest", async () => {
    t = await testApp();
    // A quarter of the body limit (131,000 items) shows the cap as well as a whole MiB, in a quarter of the time.
    const body = bigCase(LIMIT / 4, () => 1);
    const res = await t.app.request("/api/v1/localize", jsonRequest("POST", body));
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    const { error } = JSON.parse(text) as Answer;
    expect(error.code).toBe("invalid_case");
    expect(error.issues).toHaveLength(MAX_ISSUES + 1);
    expect(error.issues[0]?.path).toEqual(["findings", 0]);
    expect(error.issues.at(-1)?.message).toMatch(/^\d+ more errors not shown \(\d+ in all\)/);
    const all = Number(/\((\d+) in all\)/.exec(error.issues.at(-1)?.message ?? "")?.[1]);
    expect(all).toBeGreaterThan(130_000);
  });

  it("thousands of near-miss muscle ids search the lexicon for the first ones only", async () => {
    t = await testApp();
    const nearest = vi.spyOn(getAtlas().lexicon, "nearest");
    const body = bigCase(LIMIT / 4, (i) => ({
      kind: "emg",
      side: "left",
      muscle: `tibialis_anterio${String.fromCharCode(97 + (i % 26))}${i}`,
      spontaneous: "none",
    }));
    const res = await t.app.request("/api/v1/localize", jsonRequest("POST", body));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as Answer;
    expect(error.issues).toHaveLength(MAX_ISSUES + 1);
    expect(error.issues[0]?.suggestions).toContain("tibialis_anterior");
    expect(error.issues.at(-1)?.message).toMatch(/more errors not shown/);
    expect(nearest.mock.calls.length).toBeGreaterThan(0);
    expect(nearest.mock.calls.length).toBeLessThanOrEqual(MAX_SUGGESTED);
  });

  it("a valid case with thousands of unknown history words answers capped warnings", async () => {
    t = await testApp();
    const history = Array.from({ length: 5000 }, (_, i) => `word${i}`);
    const res = await t.app.request(
      "/api/v1/validate",
      jsonRequest("POST", {
        format: "locus-case/1",
        id: "h",
        context: { history },
        findings: [{ kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 4 }],
      }),
    );
    const answer = (await res.json()) as { ok: boolean; warnings: { message: string }[] };
    expect(answer.ok).toBe(true);
    expect(answer.warnings).toHaveLength(MAX_ISSUES + 1);
    expect(answer.warnings.at(-1)?.message).toMatch(/more warnings not shown \(5000 in all\)/);
  });
});
