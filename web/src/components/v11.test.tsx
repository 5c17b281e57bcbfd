// @vitest-environment jsdom
/** The page's form for the FORMAT v1.1 additions: every value it writes is one the case stage accepts. */
import { act } from "react";
import { describe, expect, it } from "vitest";
import { getAtlas } from "../../../src/atlas/index.js";
import { parseCase } from "../../../src/case/index.js";
import { atlasOverview } from "../../../src/server/routes/atlas.js";
import { addFinding, emptyCase } from "../caseModel.js";
import { territoryOf } from "../territory.js";
import type { AtlasOverview, Finding, LocusCase } from "../types.js";
import { BodyMap } from "./BodyMap.js";
import { History } from "./History.js";
import { NcsTable, withResult } from "./NcsTable.js";
import { describeFinding, OtherFindings } from "./OtherFindings.js";
import { ReflexGrid } from "./ReflexGrid.js";
import { StrengthGrid } from "./StrengthGrid.js";
import { testRoot } from "./testRoot.js";

const atlas = JSON.parse(JSON.stringify(atlasOverview(getAtlas()))) as AtlasOverview;
const territory = territoryOf(atlas, undefined);

const dom = testRoot();

type Panel = (props: { c: LocusCase; onChange: (c: LocusCase) => void }) => React.ReactNode;

/** Render a panel that keeps its case, as the page does; `get()` is the case now. */
function mount(Panel: Panel, start: LocusCase = emptyCase("t")) {
  let c = start;
  const render = () =>
    act(() =>
      dom.root().render(
        <Panel
          c={c}
          onChange={(n) => {
            c = n;
            render();
          }}
        />,
      ),
    );
  render();
  return () => c;
}

const valid = (c: LocusCase) => {
  const r = parseCase(c);
  expect(r.ok ? [] : r.errors).toEqual([]);
};

function typeIn(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}
const click = (el: HTMLElement) => act(() => el.click());
const q = <T extends Element>(selector: string) => {
  const el = dom.host().querySelector<T>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
};

describe("others: the rest of the examination", () => {
  it("the strength grid's last row grades all others, and is not shown as a muscle row", () => {
    const get = mount((p) => <StrengthGrid {...p} atlas={atlas} territory={territory} />);
    typeIn(q('input[aria-label="left all others, MRC grade"]'), "5");
    expect(get().findings).toEqual([{ kind: "strength", side: "left", target: "others", mrc: 5 }]);
    expect(dom.host().querySelectorAll('th[scope="row"]')).toHaveLength(atlas.movements.length + 1);
    valid(get());
  });

  it("the reflex grid's last row grades all other reflexes", () => {
    const get = mount((p) => <ReflexGrid {...p} atlas={atlas} />);
    choose(q('select[aria-label="right all other reflexes"]'), "normal");
    expect(get().findings).toEqual([{ kind: "reflex", side: "right", reflex: "others", grade: "normal" }]);
    valid(get());
  });

  it("the body map sets all other skin per side", () => {
    const get = mount((p) => <BodyMap {...p} atlas={atlas} territory={territory} />);
    choose(q('select[aria-label="left all other skin"]'), "normal");
    expect(get().findings).toEqual([{ kind: "sensory", side: "left", region: "others", change: "normal" }]);
    valid(get());
    choose(q('select[aria-label="left all other skin"]'), "");
    expect(get().findings).toEqual([]);
  });

  it("a finding list reads others as all other items", () => {
    expect(describeFinding({ kind: "strength", side: "left", target: "others", mrc: 5 })).toBe(
      "left all other movements and muscles MRC 5",
    );
    expect(describeFinding({ kind: "reflex", reflex: "others", grade: "normal" })).toBe(
      "all other reflexes normal",
    );
  });
});

describe("conduction block", () => {
  const start = addFinding(emptyCase("t"), {
    kind: "ncs",
    side: "left",
    study: "peroneal_motor_edb",
    result: "normal",
  });

  it("offers a segment once the result is block, and drops it when the result changes", () => {
    const get = mount((p) => <NcsTable {...p} atlas={atlas} />, start);
    expect(dom.host().querySelector('input[aria-label$="block segment"]')).toBeNull();
    choose(q('select[aria-label$="result"]'), "block");
    typeIn(q('input[aria-label$="block segment"]'), "across the fibular head");
    expect(get().findings[0]).toMatchObject({ result: "block", segment: "across the fibular head" });
    valid(get());
    choose(q('select[aria-label$="result"]'), "slowed");
    expect(get().findings[0]).not.toHaveProperty("segment");
    valid(get());
  });

  it("shows the site the service read, and forgets it when the words change", () => {
    const read: Finding = {
      kind: "ncs",
      side: "left",
      study: "peroneal_motor_edb",
      result: "block",
      segment: "fibular head",
      segmentSites: ["common_peroneal@fibular_head"],
    };
    const get = mount((p) => <NcsTable {...p} atlas={atlas} />, addFinding(emptyCase("t"), read));
    const site = atlas.sites.find((s) => s.id === "common_peroneal@fibular_head")!.name;
    expect(dom.host().textContent).toContain(site);
    typeIn(q('input[aria-label$="block segment"]'), "across the knee");
    expect(get().findings[0]).toStrictEqual({
      kind: "ncs",
      side: "left",
      study: "peroneal_motor_edb",
      result: "block",
      segment: "across the knee",
    });
    expect(withResult(read, "normal")).toStrictEqual({
      kind: "ncs",
      side: "left",
      study: "peroneal_motor_edb",
      result: "normal",
    });
  });
});

describe("the new signs, imaging and laboratory words", () => {
  it("adds a Tinel sign with the place percussed, and absent pulses", () => {
    const get = mount(OtherFindings);
    choose(q("#sign"), "tinel");
    expect(q<HTMLInputElement>("#sign-target").placeholder).toBe("fibular head");
    typeIn(q("#sign-target"), "fibular head");
    act(() => q<HTMLFormElement>('form[aria-label="Add a sign"]').requestSubmit());
    choose(q("#sign"), "pulses");
    click(q<HTMLInputElement>('form[aria-label="Add a sign"] input[type="checkbox"]'));
    act(() => q<HTMLFormElement>('form[aria-label="Add a sign"]').requestSubmit());
    expect(get().findings).toEqual([
      { kind: "sign", sign: "tinel", side: "right", target: "fibular head" },
      { kind: "sign", sign: "pulses", side: "right", present: false },
    ]);
    valid(get());
  });

  it("lists every new sign, modality, tag and test", () => {
    mount(OtherFindings);
    const options = (sel: string) =>
      [...dom.host().querySelectorAll<HTMLOptionElement>(`${sel} option`)].map((o) => o.value);
    expect(options("#sign")).toEqual(
      expect.arrayContaining([
        "tinel",
        "pulses",
        "cold_pale_limb",
        "pes_cavus",
        "hip_pain_on_rotation",
        "sensory_level",
        "arm_weakness",
        "facial_weakness",
      ]),
    );
    expect(options("#img-mod")).toEqual(expect.arrayContaining(["mri_brain", "ct_brain", "vascular"]));
    expect(options("#lab")).toEqual(expect.arrayContaining(["wbc", "psa", "csf_cytology"]));
    const tags = dom.host().textContent ?? "";
    for (const t of ["cord signal change", "brain lesion", "joint disease", "fracture", "arterial occlusion"])
      expect(tags).toContain(t);
  });

  it("adds brain imaging with its tag", () => {
    const get = mount(OtherFindings);
    choose(q("#img-mod"), "mri_brain");
    const chip = [...dom.host().querySelectorAll<HTMLLabelElement>("fieldset.tags label")].find(
      (l) => l.textContent === "brain lesion",
    )!;
    click(chip.querySelector("input")!);
    act(() => q<HTMLFormElement>('form[aria-label="Add imaging"]').requestSubmit());
    expect(get().findings).toEqual([
      { kind: "imaging", modality: "mri_brain", tags: ["brain_lesion"], side: "right" },
    ]);
    valid(get());
  });
});

describe("history: course, hours and denied symptoms", () => {
  it("sets the course and a fractional duration", () => {
    const get = mount(History);
    choose(q("#p-course"), "fluctuating");
    typeIn(q("#p-duration"), "0.25");
    expect(get().context).toMatchObject({ course: "fluctuating", durationDays: 0.25 });
    valid(get());
  });

  it("a symptom is reported or denied, never both", () => {
    const get = mount(History);
    click(q('input[aria-label="denies fever"]'));
    expect(get().context?.denies).toEqual(["fever"]);
    const reported = [...dom.host().querySelectorAll<HTMLInputElement>("fieldset.checks input")].find(
      (i) => i.parentElement?.textContent === "fever" && !i.getAttribute("aria-label"),
    )!;
    click(reported);
    expect(get().context?.symptoms).toEqual(["fever"]);
    expect(get().context).not.toHaveProperty("denies");
    valid(get());
  });
});
