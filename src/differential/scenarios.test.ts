/**
 * The project's red-flag scenario set (src/differential/scenarios): no critical flag on any
 * non-emergency, and each emergency fires its own flag as critical, through the whole pipeline
 * (the localize stage's answer, then the differential).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import type { LocusCase } from "../case/schema.js";
import { localize } from "../localize/index.js";
import { redFlagRules } from "./data/red-flags.js";
import { differential } from "./differential.js";

const folder = join(import.meta.dirname, "scenarios");
const files = readdirSync(folder)
  .filter((f) => f.endsWith(".json"))
  .sort();

/** A scenario, read as every case is (FORMAT.md v1.1); a scenario that is not a valid case fails. */
function load(file: string): { c: LocusCase; emergency: string | null } {
  const text = readFileSync(join(folder, file), "utf8");
  const parsed = parseCaseText(text, file);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  const meta = parsed.case.meta as { emergency?: string | null } | undefined;
  return { c: parsed.case, emergency: meta?.emergency ?? null };
}

const criticalOf = (c: LocusCase) =>
  differential(c, localize(c)).redFlags.filter((f) => f.severity === "critical");

describe("red-flag scenarios", () => {
  it("has the seven non-emergencies and one emergency per critical flag", () => {
    const all = files.map(load);
    expect(all.filter((s) => s.emergency === null).length).toBe(7);
    const emergencies = new Set(all.flatMap((s) => (s.emergency ? [s.emergency] : [])));
    expect(emergencies).toEqual(new Set(redFlagRules.filter((r) => r.critical).map((r) => r.id)));
  });
  for (const file of files) {
    const { c, emergency } = load(file);
    if (emergency === null)
      it(`${file}: no critical flag`, () => {
        expect(criticalOf(c).map((f) => f.id)).toEqual([]);
      });
    else
      it(`${file}: ${emergency} is critical`, () => {
        expect(criticalOf(c).map((f) => f.id)).toContain(emergency);
      });
  }
});
