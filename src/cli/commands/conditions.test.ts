import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conditionsMarkdown } from "../../differential/catalogue-doc.js";
import { conditions } from "../../differential/index.js";
import { run } from "../test-helpers/run.js";

describe("locus conditions", () => {
  it("lists every condition's id and name, one a line", async () => {
    const r = await run(["conditions"]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines.length).toBe(conditions.length);
    expect(r.out).toMatch(/^tibial_neuropathy +Tibial neuropathy at the knee or calf$/m);
  });
  it("--json gives ids, names and codes", async () => {
    const j = JSON.parse((await run(["conditions", "--json"])).out);
    expect(j.map((c: { id: string }) => c.id)).toEqual(conditions.map((c) => c.id));
    expect(j[0]).toHaveProperty("icd10cm");
  });
  it("docs/conditions.md is the page the command generates (npm run docs:conditions)", async () => {
    const page = readFileSync(new URL("../../../docs/conditions.md", import.meta.url), "utf8");
    expect(page).toBe(conditionsMarkdown());
    expect((await run(["conditions", "--markdown"])).out).toBe(page);
    for (const c of conditions) expect(page).toContain(`\`${c.id}\``);
  });
});
