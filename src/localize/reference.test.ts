import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import type { LocusCase } from "../case/schema.js";
import { DEV_CASES } from "../paths.js";
import { localizeWithCandidates } from "./index.js";
import { referenceScore } from "./reference.js";
import { prepare, rescore, scoreFirst } from "./score.js";
import { search } from "./search.js";
import { syntheticCases } from "./simulate.js";

/**
 * The fast path (score.ts with effects.ts, fast.ts and silence.ts) against the model as stated in
 * reference.ts: every candidate the search scores, read in full, must have the reference's score,
 * and localize's first answer must be the searched candidate the reference scores best.
 */
const atlas = getAtlas();
const dev: [string, LocusCase][] = readdirSync(DEV_CASES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, JSON.parse(readFileSync(join(DEV_CASES, f), "utf8")) as LocusCase]);
const synthetic: [string, LocusCase][] = syntheticCases(atlas, 40, 2027).map((c, i) => [`synthetic ${i}`, c]);

function disagreements(c: LocusCase): string[] {
  const p = prepare(atlas, c);
  const out: string[] = [];
  for (const s of search(p, { maxLesions: 3, beam: 12, rescore: 30 })) {
    const first = scoreFirst(p, s.units, s.diffuse);
    const fast = rescore(p, s.units, s.diffuse, first.findings, first.context);
    const reference = referenceScore(p, s.units, s.diffuse);
    if (!(Math.abs(fast - reference) < 1e-6))
      out.push(`${s.units.map((u) => p.units[u]?.key).join(" + ")} ${s.diffuse}: ${fast} vs ${reference}`);
  }
  return out;
}

function bestByReference(c: LocusCase): { fast: number; reference: number } {
  const { candidates } = localizeWithCandidates(c);
  const { prepared, scored } = candidates;
  const scores = scored.map((s) => referenceScore(prepared, s.units, s.diffuse));
  const best = scores.indexOf(Math.max(...scores));
  return { fast: scored[0]?.score ?? 0, reference: scores[best] ?? 0 };
}

describe("the fast path states the model of reference.ts", () => {
  it.each([...dev, ...synthetic])("%s: every candidate scores as the reference scores it", (_, c) => {
    expect(disagreements(c)).toEqual([]);
  });
  it.each([...dev, ...synthetic])("%s: the first answer is the reference's best candidate", (_, c) => {
    const { fast, reference } = bestByReference(c);
    expect(fast).toBeCloseTo(reference, 6);
  });
});
