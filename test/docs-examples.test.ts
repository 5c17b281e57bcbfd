/**
 * The example outputs in README.md and docs/*.md are what the commands print now: a change to the
 * engine that changes them fails here until `npm run docs:examples` rewrites them.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { documents, parseExample, renderExamples } from "../scripts/docs-examples.js";
import { ROOT } from "../src/paths.js";

describe("the documents' example outputs", () => {
  it("reads a marker's command and what to keep of its output", () => {
    expect(parseExample('locus atlas "knee jerk" --json | head 3')).toEqual({
      args: ["atlas", "knee jerk", "--json"],
      keep: { from: "head", lines: 3 },
    });
    expect(parseExample("locus eval cases/dev | tail 1").keep).toEqual({ from: "tail", lines: 1 });
    expect(() => parseExample("rm -rf /")).toThrow(/must run locus/);
    expect(() => parseExample("locus demo | grep x")).toThrow(/head N/);
  });

  it("rewrites a stale block from its command, masking milliseconds", async () => {
    const stale = "x\n<!-- example: locus atlas EHL | head 1 -->\n```text\nold\n```\n<!-- /example -->\ny";
    const fresh = await renderExamples(stale);
    expect(fresh).toMatch(
      /^x\n<!-- example: locus atlas EHL \| head 1 -->\n```text\n\$ npx locus atlas EHL\n/,
    );
    expect(fresh).toMatch(/extensor hallucis longus .*\n\.\.\.\n```\n<!-- \/example -->\ny$/);
    expect(await renderExamples(fresh)).toBe(fresh);
  });

  it("README shows several examples", () => {
    expect(readFileSync(`${ROOT}/README.md`, "utf8").match(/<!-- example: /g)?.length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it.each(documents().map((f) => relative(ROOT, f)))(
    "%s matches what its commands print (npm run docs:examples)",
    async (file) => {
      const text = readFileSync(`${ROOT}/${file}`, "utf8");
      expect(await renderExamples(text)).toBe(text);
    },
  );
});
