// @vitest-environment jsdom
/** The page's issue-20 behaviours: clinic words in the grids, the planner's settled word, search. */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAtlas } from "../../../src/atlas/index.js";
import { atlasOverview } from "../../../src/server/routes/atlas.js";
import { emptyCase } from "../caseModel.js";
import { territoryOf } from "../territory.js";
import type { AtlasOverview, Finding, LocusCase, Plan } from "../types.js";
import { matching } from "./CaseList.js";
import { NextTests } from "./NextTests.js";
import { ReflexGrid } from "./ReflexGrid.js";
import { StrengthGrid } from "./StrengthGrid.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const atlas = JSON.parse(JSON.stringify(atlasOverview(getAtlas()))) as AtlasOverview;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const saved: LocusCase = {
  ...emptyCase("clinic-words"),
  findings: [
    { kind: "reflex", side: "left", reflex: "ankle jerk", grade: "absent" },
    { kind: "strength", side: "left", target: "ankle dorsiflexion", mrc: "4/5" },
    { kind: "strength", side: "right", target: "TA", mrc: "3" },
  ] as Finding[],
};

describe("values saved in clinic words", () => {
  it("a saved ankle jerk shows in the ankle reflex row", () => {
    act(() => root.render(<ReflexGrid c={saved} atlas={atlas} onChange={() => {}} />));
    const name = atlas.reflexes.find((r) => r.id === "achilles")?.name;
    expect(host.querySelector<HTMLSelectElement>(`select[aria-label="left ${name}"]`)?.value).toBe("absent");
  });
  it("grades in clinic words show in their rows, as read, with no second row", () => {
    act(() =>
      root.render(
        <StrengthGrid
          c={saved}
          atlas={atlas}
          territory={territoryOf(atlas, undefined)}
          onChange={() => {}}
        />,
      ),
    );
    const rows = [...host.querySelectorAll("tbody th")].map((th) => th.textContent);
    expect(rows.filter((r) => r === "ankle dorsiflexion")).toHaveLength(1);
    expect(rows).not.toContain("TA");
    const cell = host.querySelector<HTMLInputElement>(
      'input[aria-label="left ankle dorsiflexion, MRC grade"]',
    );
    expect(cell?.value).toBe("4");
    const ta = atlas.muscles.find((m) => m.id === "tibialis_anterior")?.name;
    expect(host.querySelector<HTMLInputElement>(`input[aria-label="right ${ta}, MRC grade"]`)?.value).toBe(
      "3",
    );
  });
});

const plan = (extra: object = {}): Plan =>
  ({ atlasVersion: "1", entropy: 0, hypotheses: [], suggestions: [], considered: 10, ...extra }) as Plan;

describe("the planner's settled word", () => {
  it("shows when the plan says no further test would change the answer, and only then", () => {
    act(() =>
      root.render(
        <NextTests
          plan={plan({ settled: { text: "The leading answer holds whatever the next test shows." } })}
          status="ready"
          error={null}
          onAdd={() => {}}
        />,
      ),
    );
    expect(host.querySelector('[data-testid="settled"]')?.textContent).toBe(
      "Settled: The leading answer holds whatever the next test shows.",
    );
    act(() => root.render(<NextTests plan={plan()} status="ready" error={null} onAdd={() => {}} />));
    expect(host.querySelector('[data-testid="settled"]')).toBeNull();
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
