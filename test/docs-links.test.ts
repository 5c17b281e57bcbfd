/** Every relative link in README.md and docs/ points at a file of the repository. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { documents } from "../scripts/docs-examples.js";
import { ROOT } from "../src/paths.js";

/** The relative targets of a Markdown text's links and images, outside code and comments. */
function relativeLinks(markdown: string): string[] {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? "")
    .filter((t) => !/^(?:[a-z]+:|#)/i.test(t))
    .map((t) => t.replace(/#.*$/, ""));
}

describe("the documents' links", () => {
  it("finds relative links, not web addresses, anchors, code or comments", () => {
    const md = "[a](docs/a.md#x) [b](https://x.org) [c](#top) `[d](d.md)` <!-- [e](e.md) --> ![f](f.png)";
    expect(relativeLinks(md)).toEqual(["docs/a.md", "f.png"]);
  });

  it.each(documents().map((f) => relative(ROOT, f)))("%s links only to files that exist", (file) => {
    const missing = relativeLinks(readFileSync(join(ROOT, file), "utf8")).filter(
      (t) => !existsSync(join(dirname(join(ROOT, file)), t)),
    );
    expect(missing).toEqual([]);
  });
});
