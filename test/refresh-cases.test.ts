/** The refresh of the repository's copies from ../shared: what it reports and what it changes. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Mirror, mirrors, refresh } from "../scripts/refresh-cases.js";
import { DEV_CASES, SEED_PAPERS, SPEC } from "../src/paths.js";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setUp(): Mirror[] {
  dir = mkdtempSync(join(tmpdir(), "locus-refresh-"));
  const from = join(dir, "from");
  const to = join(dir, "to");
  mkdirSync(from);
  mkdirSync(to);
  writeFileSync(join(from, "same.json"), "1");
  writeFileSync(join(to, "same.json"), "1");
  writeFileSync(join(from, "new.json"), "2");
  writeFileSync(join(from, "edited.json"), "3 new");
  writeFileSync(join(to, "edited.json"), "3 old");
  writeFileSync(join(to, "gone.json"), "4");
  writeFileSync(join(to, "README.md"), "not part of the copy");
  return [{ from, to, pick: (n) => n.endsWith(".json") }];
}

describe("refresh-cases", () => {
  it("reports what was added, changed and removed, and with --check changes nothing", () => {
    const list = setUp();
    const to = list[0]!.to;
    const kinds = (cs: ReturnType<typeof refresh>) =>
      cs.map((c) => `${c.kind} ${c.path.slice(to.length + 1)}`);
    expect(kinds(refresh(list, false))).toEqual([
      "changed edited.json",
      "added new.json",
      "removed gone.json",
    ]);
    expect(readFileSync(join(to, "edited.json"), "utf8")).toBe("3 old");
    expect(kinds(refresh(list, true))).toHaveLength(3);
    expect(readFileSync(join(to, "edited.json"), "utf8")).toBe("3 new");
    expect(readFileSync(join(to, "new.json"), "utf8")).toBe("2");
    expect(() => readFileSync(join(to, "gone.json"))).toThrow();
    expect(readFileSync(join(to, "README.md"), "utf8")).toBe("not part of the copy");
    expect(refresh(list, false)).toEqual([]);
  });

  it("maps the shared folder's cases, seeds and documents onto the repository's copies", () => {
    const m = mirrors("/x/shared");
    expect(m.map((x) => [x.from, x.to])).toEqual([
      ["/x/shared/cases", DEV_CASES],
      ["/x/shared/seeds", SEED_PAPERS],
      ["/x/shared", SPEC],
    ]);
    expect(["FORMAT.md", "DESIGN.md", "STACK.md", "notes.md"].filter(m[2]!.pick)).toEqual([
      "FORMAT.md",
      "DESIGN.md",
      "STACK.md",
    ]);
  });
});
