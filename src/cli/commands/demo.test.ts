import { describe, expect, it } from "vitest";
import { run } from "../test-helpers/run.js";

describe("locus demo", () => {
  it("tours the repository's own seed cases by default (nothing beside the checkout)", async () => {
    const r = await run(["demo"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Locus atlas \d+\.\d+\.\d+: /);
    for (const id of [
      "seed-000-l3-radiculopathy",
      "seed-001-neuralgic-amyotrophy",
      "seed-004-neoplastic-plexopathy",
    ])
      expect(r.out).toContain(`${id}\n  lesion: `);
    expect(r.out).toContain("npx locus localize cases/dev/seed-004-neoplastic-plexopathy.json");
  });

  it("says where it looked when a folder holds no cases", async () => {
    const r = await run(["demo", "--cases", "/nonexistent/locus-cases"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("no seed cases at /nonexistent/locus-cases");
  });
});
