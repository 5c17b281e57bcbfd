/**
 * The page reads what the CLI reads: MRC grades through the case stage's reader, atlas words
 * through the atlas's lexicon; every development case, as saved and in clinic words, shows in the
 * form as the CLI reads it, and comes back unchanged when written through the form's setters.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synonyms } from "../../src/atlas/data/synonyms.js";
import { getAtlas } from "../../src/atlas/index.js";
import { parseCase, parseCaseText } from "../../src/case/index.js";
import { DEV_CASES } from "../../src/paths.js";
import { addFinding, emptyCase, setSided } from "./caseModel.js";
import { formReading } from "./formReading.js";
import { isReflex, isSensory, isStrength, readAs, readMrc } from "./reading.js";
import { CLINIC_WORDS } from "./test-cases.js";
import type { Finding, LocusCase } from "./types.js";

describe("strength cells read as the case stage reads them", () => {
  it("reads clinic forms of a grade, and refuses halves", () => {
    expect(readMrc("4/5")).toEqual({ ok: true, value: 4 });
    expect(readMrc("4-/5")).toEqual({ ok: true, value: "4-" });
    expect(readMrc("M4")).toEqual({ ok: true, value: 4 });
    expect(readMrc("4−")).toEqual({ ok: true, value: "4-" });
    expect(readMrc(" 3 ")).toEqual({ ok: true, value: 3 });
    expect(readMrc("Weak")).toEqual({ ok: true, value: "weak" });
    expect(readMrc("")).toEqual({ ok: true, value: null });
    for (const bad of ["4.5", "6", "4--", "four", "-4"]) expect(readMrc(bad).ok, bad).toBe(false);
  });
  it("accepts exactly what the API accepts, as the same grade", () => {
    for (const text of ["4/5", "4-/5", "4+", "M3", "5", "0", "weak", "4.5", "6", "4 / 5", "3-", "x"]) {
      const api = parseCase({
        format: "locus-case/1",
        id: "t",
        findings: [{ kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: text }],
      });
      const page = readMrc(text);
      expect(page.ok, text).toBe(api.ok);
      if (page.ok && api.ok) {
        const f = api.case.findings[0];
        expect(f?.kind === "strength" && String(f.mrc), text).toBe(String(page.value));
      }
    }
  });
});

describe("clinic words show as what they were read as", () => {
  it("a saved ankle jerk is the ankle reflex row; TA and 'ankle dorsiflexion' are their own rows", () => {
    const c = CLINIC_WORDS;
    expect(isReflex("achilles")(c.findings[0]!)).toBe(true);
    expect(isStrength("ankle_dorsiflexion")(c.findings[1]!)).toBe(true);
    expect(readAs("TA", ["muscle"])).toBe("tibialis_anterior");
    const reading = formReading(c);
    expect(reading.get("reflex:left:achilles")).toBe("absent");
    expect(reading.get("strength:left:ankle_dorsiflexion")).toBe("4");
    if (isSensory("foot_dorsum")(c.findings[2]!))
      expect(reading.get("sensory:left:foot_dorsum")).toBe("reduced");
  });
});

/** A case in clinic words: each atlas id replaced by a synonym that reads back as it alone. */
function inClinicWords(c: LocusCase): LocusCase {
  const atlas = getAtlas();
  const say = (id: string) =>
    (synonyms[id] ?? []).find((w) => {
      const hit = atlas.resolve(w);
      return hit?.ids.length === 1 && hit.ids[0] === id;
    }) ?? id;
  const findings = c.findings.map((f): Finding => {
    switch (f.kind) {
      case "strength":
        return { ...f, target: say(f.target), mrc: typeof f.mrc === "number" ? `${f.mrc}/5` : f.mrc };
      case "reflex":
        return { ...f, reflex: say(f.reflex) };
      case "emg":
        return { ...f, muscle: say(f.muscle) };
      case "ncs":
        return { ...f, study: say(f.study) };
      default:
        return f;
    }
  });
  return { ...c, findings };
}

/** The case written back through the form's setters, one shown value at a time. */
function throughTheForm(c: LocusCase): LocusCase {
  let out = emptyCase(c.id);
  for (const f of c.findings) {
    if (f.kind === "strength" || f.kind === "reflex" || f.kind === "sensory") {
      const match =
        f.kind === "strength"
          ? isStrength(readAs(f.target, ["movement", "muscle"]))
          : f.kind === "reflex"
            ? isReflex(readAs(f.reflex, ["reflex"]))
            : isSensory(readAs(f.region, ["region"]));
      for (const side of ["right", "left"] as const)
        if (f.side === undefined || f.side === "bilateral" || f.side === side)
          if (!out.findings.some((g) => match(g) && (g.side === side || g.side === undefined)))
            out = setSided(out, match, side, (s) => ({ ...f, side: s }) as Finding);
    } else out = addFinding(out, f);
  }
  return out;
}

describe("every development case: the page's inputs agree with the CLI's reading", () => {
  const files = readdirSync(DEV_CASES).filter((f) => f.endsWith(".json"));
  it("covers the development set", () => expect(files.length).toBeGreaterThanOrEqual(50));
  for (const file of files)
    it(file, () => {
      const text = readFileSync(join(DEV_CASES, file), "utf8");
      const cli = parseCaseText(text, file);
      if (!cli.ok) throw new Error(`${file} does not parse`);
      const saved = JSON.parse(text) as LocusCase;
      const expected = formReading(cli.case);
      expect(formReading(saved)).toEqual(expected);
      const spoken = inClinicWords(saved);
      expect(formReading(spoken)).toEqual(expected);
      const back = parseCase(throughTheForm(spoken));
      if (!back.ok) throw new Error(`${file}: ${JSON.stringify(back.errors.slice(0, 2))}`);
      expect(formReading(back.case)).toEqual(expected);
    });
});
