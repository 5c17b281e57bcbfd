/**
 * Words a clinician writes: every development case's report (text, Markdown and the sentences of
 * its JSON) carries no internal snake_case id; lesions are named as clinicians name them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import { DEV_CASES } from "../paths.js";
import { analyze } from "./analyze.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";
import { lesionWords } from "./words.js";

const SNAKE = /\b[a-z0-9]+_[a-z0-9_]+\b/i;
const SENTENCE_KEYS = new Set([
  "text",
  "because",
  "why",
  "test",
  "lessons",
  "against",
  "detail",
  "examineFirst",
  "evidence",
]);

/** Every string under a key that holds words for people (not ids or codes). */
function sentences(value: unknown, key = ""): string[] {
  if (typeof value === "string") return SENTENCE_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => sentences(v, key));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) =>
      sentences(v, typeof v === "string" || Array.isArray(v) ? k : k),
    );
  return [];
}

describe("no internal id in any sentence", () => {
  const dir = DEV_CASES;
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  it("covers the development set", () => expect(files.length).toBeGreaterThanOrEqual(50));
  for (const file of files)
    it(file, () => {
      const parsed = parseCaseText(readFileSync(join(dir, file), "utf8"), file);
      if (!parsed.ok) return;
      // the case's own words (imaging reports) are quoted as written; ids come from the engine
      const a = analyze(parsed.case);
      const quoted = parsed.case.findings.flatMap((f) => ("text" in f && f.text ? [f.text] : []));
      const own = (s: string) => quoted.some((q) => s.includes(q));
      for (const line of [...renderText(a).split("\n"), ...renderMarkdown(a).split("\n")])
        if (!own(line)) expect(line, file).not.toMatch(SNAKE);
      for (const s of sentences(a)) if (!own(s)) expect(s, file).not.toMatch(SNAKE);
    });
});

describe("lesions as clinicians name them", () => {
  it("a nerve at a site, a plexus, roots, a muscle, a diffuse process", () => {
    expect(lesionWords({ level: "nerve", sites: ["common_peroneal@fibular_head"], side: "right" })).toBe(
      "right common peroneal nerve at the fibular head",
    );
    expect(lesionWords({ level: "plexus", sites: ["lumbar_plexus"], side: "left" })).toBe(
      "left lumbar plexus",
    );
    expect(lesionWords({ level: "root", sites: ["L5", "S1"], side: "left" })).toBe("left L5 and S1 roots");
    expect(lesionWords({ level: "muscle", sites: ["gastrocnemius_medial_head"], side: "right" })).toBe(
      "right gastrocnemius, medial head",
    );
    expect(lesionWords({ level: "nerve", sites: ["femoral"], side: "bilateral" })).toBe(
      "femoral nerve on both sides",
    );
    expect(lesionWords({ level: "polyneuropathy", sites: [], side: "bilateral" })).toBe(
      "length-dependent polyneuropathy (both sides)",
    );
  });
});

describe("red flags in the report", () => {
  it("show the criteria that hold and those that do not beside the flag, and never ask again for a test done", () => {
    const file = join(DEV_CASES, "lumbar-plexopathy-psoas-hematoma-warfarin-59m.json");
    const parsed = parseCaseText(readFileSync(file, "utf8"), "psoas");
    if (!parsed.ok) throw new Error("the development case does not parse");
    const text = renderText(analyze(parsed.case));
    expect(text).toMatch(/CRITICAL .*retroperitoneal \(iliopsoas\) haematoma/);
    expect(text).toMatch(/holds: anticoagulation \(history: anticoagulation/);
    expect(text).not.toMatch(/now: CT of the abdomen/);
    const md = renderMarkdown(analyze(parsed.case));
    expect(md).toMatch(/ {2}- holds: anticoagulation/);
  });
  it("list what was not found", () => {
    const file = join(DEV_CASES, "dlrpn-young-uncontrolled-45m.json");
    const parsed = parseCaseText(readFileSync(file, "utf8"), "dlrpn");
    if (!parsed.ok) throw new Error("the development case does not parse");
    expect(renderText(analyze(parsed.case))).toMatch(
      /not found: arm or facial weakness; CSF albuminocytologic dissociation/,
    );
  });
});
