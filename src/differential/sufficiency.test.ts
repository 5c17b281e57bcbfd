/**
 * "Not enough to say": no findings or only normal ones give no differential, a plain answer and
 * what to examine first; red flags from the history still stand.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseText } from "../case/index.js";
import type { Finding } from "../case/schema.js";
import { localize } from "../localize/index.js";
import { DEV_CASES } from "../paths.js";
import { differential } from "./differential.js";
import { notEnough } from "./sufficiency.js";
import { L, mkCase, mkLoc } from "./test-helpers.js";

const someLoc = mkLoc([[L("root", ["L5"], "left")], 0.9]);

describe("not enough to say", () => {
  it("a case with no findings: no differential, a plain answer and the whole first examination", () => {
    const d = differential(mkCase({}), someLoc);
    expect(d.status).toBe("not_enough");
    expect(d.conditions).toEqual([]);
    expect(d.notEnough?.reason).toBe("no_findings");
    expect(d.notEnough?.examineFirst.length).toBe(6);
  });
  it("only normal findings: says so, and leaves out what was already examined", () => {
    const normal: Finding[] = [
      { kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 5 },
      { kind: "reflex", side: "left", reflex: "achilles", grade: "normal" } as Finding,
      { kind: "ncs", side: "left", study: "sural_sensory", result: "normal" },
    ];
    const why = notEnough(mkCase({ symptoms: ["leg pain"], findings: normal }));
    expect(why?.reason).toBe("only_normal_findings");
    expect(why?.text).toMatch(/all 3 findings recorded are normal/);
    expect(why?.examineFirst.join(" ")).not.toMatch(/Knee and ankle jerks|^The history/);
    expect(why?.examineFirst.join(" ")).toMatch(/Sensation by dermatome/);
  });
  it("one abnormal finding is enough to localize", () => {
    const d = differential(
      mkCase({ findings: [{ kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 4 }] }),
      someLoc,
    );
    expect(d.status).toBe("ok");
    expect(d.conditions.length).toBeGreaterThan(0);
  });
  it("red flags the history raises still stand without findings", () => {
    const d = differential(mkCase({ onset: "acute", symptoms: ["back_pain", "urinary_retention"] }), someLoc);
    expect(d.status).toBe("not_enough");
    expect(d.redFlags.map((f) => [f.id, f.severity])).toEqual([["cauda_equina", "critical"]]);
    expect(d.workup.map((w) => w.id)).toEqual(["mri_spine_emergency"]);
  });
  it("present foot pulses are a normal finding, absent ones are not", () => {
    const pulses = (present: boolean) =>
      notEnough(
        mkCase({ findings: [{ kind: "sign", side: "left", sign: "pulses", present } as unknown as Finding] }),
      );
    expect(pulses(true)?.reason).toBe("only_normal_findings");
    expect(pulses(false)).toBeUndefined();
  });
  it("every development case has enough to say", () => {
    const dir = DEV_CASES;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
      const p = parseCaseText(readFileSync(join(dir, f), "utf8"), f);
      if (!p.ok) continue;
      expect(differential(p.case, localize(p.case)).status, f).toBe("ok");
    }
  });
});
