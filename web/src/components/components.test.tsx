// @vitest-environment jsdom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { getAtlas } from "../../../src/atlas/index.js";
import { parseCase } from "../../../src/case/index.js";
import { atlasOverview } from "../../../src/server/routes/atlas.js";
import { emptyCase } from "../caseModel.js";
import { territoryOf } from "../territory.js";
import { CLINIC_WORDS } from "../test-cases.js";
import type { AtlasOverview, LocusCase, Plan } from "../types.js";
import { matching } from "./CaseList.js";
import { NextTests, outcomes } from "./NextTests.js";
import { segments } from "./NotePaste.js";
import { ReflexGrid } from "./ReflexGrid.js";
import { StrengthGrid } from "./StrengthGrid.js";
import { testRoot } from "./testRoot.js";

const atlas = JSON.parse(JSON.stringify(atlasOverview(getAtlas()))) as AtlasOverview;

const dom = testRoot();

function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

describe("the strength grid", () => {
  it("turns a typed grade into a finding as the API reads it (4/5 is 4), and keeps a wrong entry on screen and in the case with the reason", () => {
    let c: LocusCase = emptyCase("t");
    const render = () =>
      act(() =>
        dom.root().render(
          <StrengthGrid
            c={c}
            atlas={atlas}
            territory={territoryOf(atlas, undefined)}
            onChange={(n) => {
              c = n;
              render();
            }}
          />,
        ),
      );
    render();
    const cell = dom
      .host()
      .querySelector<HTMLInputElement>('input[aria-label="left ankle dorsiflexion, MRC grade"]')!;
    type(cell, "4-");
    expect(c.findings).toEqual([{ kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: "4-" }]);
    type(cell, "7");
    expect(cell.value).toBe("7");
    expect(cell.getAttribute("aria-invalid")).toBe("true");
    expect(dom.host().querySelector('[role="alert"]')?.textContent).toMatch(/MRC grade/);
    // kept in the case as typed, never the older grade silently: the case stage names it too
    expect(c.findings[0]).toMatchObject({ mrc: "7" });
    type(cell, "4.5");
    expect(cell.getAttribute("aria-invalid")).toBe("true");
    expect(c.findings[0]).toMatchObject({ mrc: "4.5" });
    type(cell, "4/5");
    expect(cell.getAttribute("aria-invalid")).toBeNull();
    expect(c.findings[0]).toMatchObject({ mrc: 4 });
    expect(cell.value).toBe("4"); // shown as what it was read as
    type(cell, "");
    expect(c.findings).toEqual([]);
  });

  it("has a labelled cell per movement and side, in row order for Tab", () => {
    act(() =>
      dom
        .root()
        .render(
          <StrengthGrid
            c={emptyCase("t")}
            atlas={atlas}
            territory={territoryOf(atlas, undefined)}
            onChange={() => {}}
          />,
        ),
    );
    const cells = [...dom.host().querySelectorAll<HTMLInputElement>("input.mrc")];
    // One row per movement, and the "all others" row (FORMAT v1.1) last.
    expect(cells).toHaveLength((atlas.movements.length + 1) * 2);
    expect(cells.at(-1)?.getAttribute("aria-label")).toBe("left all others, MRC grade");
    expect(cells[0]?.getAttribute("aria-label")).toBe(`right ${atlas.movements[0]!.name}, MRC grade`);
    expect(cells[1]?.getAttribute("aria-label")).toBe(`left ${atlas.movements[0]!.name}, MRC grade`);
  });
});

describe("the note's marks", () => {
  it("cuts the note at every span edge and keeps the text whole", () => {
    const note = "Left knee jerk absent; hip flexion 4/5.";
    const spans = [
      { finding: 0, start: 5, end: 14, text: "knee jerk" },
      { finding: 0, start: 15, end: 21, text: "absent" },
      { finding: 1, start: 23, end: 34, text: "hip flexion" },
    ];
    const segs = segments(note.length, spans);
    expect(segs.map((s) => note.slice(s.start, s.end)).join("")).toBe(note);
    expect(segs.filter((s) => s.findings.length).map((s) => note.slice(s.start, s.end))).toEqual([
      "knee jerk",
      "absent",
      "hip flexion",
    ]);
  });
});

describe("next-test results", () => {
  it("offers each result as a valid finding on the test's side", () => {
    for (const t of [
      { kind: "emg", id: "tibialis_posterior", side: "left" },
      { kind: "ncs", id: "sural_sensory", side: "right" },
      { kind: "reflex", id: "plantar", side: "left" },
      { kind: "strength", id: "hip_abduction", side: "right" },
      { kind: "sensory", id: "foot_dorsum", side: "left" },
      { kind: "imaging", id: "mri_plexus", side: "right" },
    ] as const) {
      const list = outcomes(t);
      expect(list.length).toBeGreaterThan(1);
      const r = parseCase({ format: "locus-case/1", id: "x", findings: list.map((o) => o.finding) });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
  });
});

describe("values saved in clinic words", () => {
  it("a saved ankle jerk shows in the ankle reflex row", () => {
    act(() => dom.root().render(<ReflexGrid c={CLINIC_WORDS} atlas={atlas} onChange={() => {}} />));
    const name = atlas.reflexes.find((r) => r.id === "achilles")?.name;
    expect(dom.host().querySelector<HTMLSelectElement>(`select[aria-label="left ${name}"]`)?.value).toBe(
      "absent",
    );
  });
  it("grades in clinic words show in their rows, as read, with no second row", () => {
    act(() =>
      dom
        .root()
        .render(
          <StrengthGrid
            c={CLINIC_WORDS}
            atlas={atlas}
            territory={territoryOf(atlas, undefined)}
            onChange={() => {}}
          />,
        ),
    );
    const rows = [...dom.host().querySelectorAll("tbody th")].map((th) => th.textContent);
    expect(rows.filter((r) => r === "ankle dorsiflexion")).toHaveLength(1);
    expect(rows).not.toContain("TA");
    const cell = dom
      .host()
      .querySelector<HTMLInputElement>('input[aria-label="left ankle dorsiflexion, MRC grade"]');
    expect(cell?.value).toBe("4");
    const ta = atlas.muscles.find((m) => m.id === "tibialis_anterior")?.name;
    expect(
      dom.host().querySelector<HTMLInputElement>(`input[aria-label="right ${ta}, MRC grade"]`)?.value,
    ).toBe("3");
  });
});

const plan = (extra: object = {}): Plan =>
  ({ atlasVersion: "1", entropy: 0, hypotheses: [], suggestions: [], considered: 10, ...extra }) as Plan;

describe("the planner's settled word", () => {
  it("shows when the plan says no further test would change the answer, and only then", () => {
    act(() =>
      dom
        .root()
        .render(
          <NextTests
            plan={plan({ settled: { text: "The leading answer holds whatever the next test shows." } })}
            status="ready"
            error={null}
            onAdd={() => {}}
          />,
        ),
    );
    expect(dom.host().querySelector('[data-testid="settled"]')?.textContent).toBe(
      "Settled: The leading answer holds whatever the next test shows.",
    );
    act(() => dom.root().render(<NextTests plan={plan()} status="ready" error={null} onAdd={() => {}} />));
    expect(dom.host().querySelector('[data-testid="settled"]')).toBeNull();
  });
});

describe("searching saved cases", () => {
  it("keeps the ids holding every word, whatever the case", () => {
    const cases = [{ id: "seed-004-neoplastic" }, { id: "peroneal-ganglion" }, { id: "seed-001-na" }];
    expect(matching(cases, "SEED  neo").map((c) => c.id)).toEqual(["seed-004-neoplastic"]);
    expect(matching(cases, "")).toHaveLength(3);
    expect(matching(cases, "tarsal")).toEqual([]);
  });
});
