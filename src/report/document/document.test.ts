/**
 * The electrodiagnostic report of every development case, in Markdown, HTML and PDF, holds the
 * header, a table for each kind of study the case records, an impression and the recommendations;
 * and the rules the impression and the tables follow, each on a case made to show it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type LocusCase, parseCaseText } from "../../case/index.js";
import { DEV_CASES } from "../../paths.js";
import { analyze } from "../analyze.js";
import { characterize } from "./character.js";
import { buildReport, reportToHtml, reportToMarkdown } from "./index.js";
import { ncsTable } from "./ncs.js";
import { reportToPdf } from "./pdf.js";
import { pdfText } from "./test-helpers/pdf-text.js";

function load(file: string): LocusCase {
  const parsed = parseCaseText(readFileSync(join(DEV_CASES, file), "utf8"), file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.case;
}

const files = readdirSync(DEV_CASES).filter((f) => f.endsWith(".json"));
const SNAKE = /\b[a-z0-9]+_[a-z0-9_]+\b/i;

describe("every development case's report", () => {
  it("covers the development set", () => expect(files.length).toBeGreaterThanOrEqual(50));
  for (const file of files)
    it(file, async () => {
      const c = load(file);
      const r = buildReport(c, analyze(c));
      const hasNcs = c.findings.some((f) => f.kind === "ncs");
      const hasEmg = c.findings.some((f) => f.kind === "emg");
      expect(r.ncs.length > 0).toBe(hasNcs);
      expect(r.emg.length > 0).toBe(hasEmg);
      const md = reportToMarkdown(r);
      const html = reportToHtml(r);
      const pdf = (await pdfText(await reportToPdf(r))).join("\n");
      for (const text of [md, html, pdf]) {
        expect(text).toContain("Referral question");
        expect(text).toContain("Study date");
        expect(text).toContain("Examiner");
        expect(text).toContain(c.id);
        expect(text).toMatch(/Impression/);
        expect(text).toMatch(/Recommendations/);
        if (hasNcs) expect(text).toContain("Nerve (study)");
        if (hasEmg) expect(text).toContain("Recruitment");
      }
      expect(r.impression.length).toBeGreaterThanOrEqual(2);
      expect(r.recommendations.tests.length + r.recommendations.workup.length).toBeGreaterThan(0);
      // the case's own quoted words aside, no internal id reaches the report
      const quoted = c.findings.flatMap((f) => ("text" in f && f.text ? [f.text] : []));
      const lines = [...r.summary, ...r.impression, ...r.correlation].filter(
        (s) => !quoted.some((q) => s.includes(q)),
      );
      for (const line of lines) expect(line, file).not.toMatch(SNAKE);
    });
});

describe("seed 004 (neoplastic plexopathy)", () => {
  const c = load("seed-004-neoplastic-plexopathy.json");
  const r = buildReport(c, analyze(c));
  it("names the right sacral plexus in the impression, severe, axonal, active and chronic", () => {
    expect(r.impression[0]).toBe("Abnormal study.");
    expect(r.impression[1]).toBe(
      "There is electrodiagnostic evidence of a severe, axonal lesion of the right sacral plexus, with both active denervation and chronic reinnervation.",
    );
  });
  it("marks absent responses and denervated muscles, and leaves the normal ones unmarked", () => {
    expect(r.ncs.every((row) => row.amplitude.abnormal && row.amplitude.text.startsWith("absent"))).toBe(
      true,
    );
    const ta = r.emg.find((row) => row.muscle === "tibialis anterior");
    expect(ta?.spontaneous).toEqual({ text: "fibrillations, PSWs 1+", abnormal: true });
    const vl = r.emg.find((row) => row.muscle === "vastus lateralis");
    expect([vl?.spontaneous.abnormal, vl?.muap.abnormal, vl?.recruitment.abnormal]).toEqual([
      false,
      false,
      false,
    ]);
    expect(ta?.roots).toBe("L4 L5");
  });
  it("reads the planner's optional settled word and EMG protocol when its plan gives them, and never requires them", () => {
    const a = analyze(c);
    const { settled: _s, protocol: _p, ...bare } = a.plan;
    const without = buildReport(c, { ...a, plan: bare });
    expect(without.recommendations.settled).toBeUndefined();
    expect(without.recommendations.protocol).toBeUndefined();
    const plan = {
      ...a.plan,
      settled: { why: "No test left is likely to change the answer." },
      protocol: {
        question: "right sacral plexus or sciatic nerve?",
        steps: [
          {
            test: { kind: "emg" as const, id: "gluteus_maximus", side: "right" as const },
            name: "right gluteus maximus (needle EMG)",
            why: "separates plexus from sciatic",
          },
        ],
      },
    };
    const withPlan = buildReport(c, { ...a, plan });
    expect(withPlan.recommendations.settled).toBe("No test left is likely to change the answer.");
    expect(withPlan.recommendations.protocol).toEqual([
      "right gluteus maximus (needle EMG): separates plexus from sciatic",
    ]);
    expect(withPlan.header.referral).toBe(
      "right sacral plexus or sciatic nerve? (as Locus reads it; not recorded in the case)",
    );
    expect(reportToMarkdown(withPlan)).toContain("### EMG protocol, in order");
    expect(buildReport(c, { ...a, plan }, { referral: "foot drop" }).header.referral).toBe("foot drop");
  });
  it("takes the header from the options, else from the case's meta, else says not recorded", () => {
    expect(r.header.examiner).toBe("not recorded");
    const withMeta = buildReport({ ...c, meta: { examiner: "Dr A" } }, analyze(c), {
      studyDate: "2026-12-07",
    });
    expect(withMeta.header.examiner).toBe("Dr A");
    expect(withMeta.header.studyDate).toBe("2026-12-07");
    expect(withMeta.header.patient).toBe("40 years, female");
  });
});

const base = (findings: LocusCase["findings"]): LocusCase => ({
  format: "locus-case/1",
  id: "made",
  findings,
});

describe("the nerve conduction table", () => {
  it("marks a value outside the atlas's limit, and a velocity under Preston's limit", () => {
    const [row] = ncsTable(
      base([
        {
          kind: "ncs",
          side: "left",
          study: "peroneal_motor_edb",
          result: "normal",
          amplitude: 1.5,
          unit: "mV",
          latency: 7.1,
          velocity: 38,
        },
      ]),
    );
    expect(row?.amplitude).toEqual({ text: "1.5 mV", abnormal: true });
    expect(row?.latency).toEqual({ text: "7.1", abnormal: true });
    expect(row?.velocity).toEqual({ text: "38", abnormal: true });
    expect(row?.velocityLimit).toBe("≥ 44");
    expect(row?.latencyLimit).toBe("≤ 6.5");
  });
  it("shows the other side, and leaves normal values unmarked", () => {
    const rows = ncsTable(
      base([
        { kind: "ncs", side: "left", study: "sural_sensory", result: "normal", amplitude: 12, unit: "uV" },
        { kind: "ncs", side: "right", study: "sural_sensory", result: "absent" },
      ]),
    );
    expect(rows[0]?.amplitude).toEqual({ text: "12 µV", abnormal: false });
    expect(rows[0]?.otherSide).toEqual({ text: "absent", abnormal: true });
    expect(rows[1]?.otherSide.text).toBe("12 µV");
  });
  it("marks a response under half the other side's", () => {
    const [row] = ncsTable(
      base([
        {
          kind: "ncs",
          side: "left",
          study: "femoral_motor",
          result: "normal",
          amplitude: 3,
          unit: "mV",
          percentOfContralateral: 40,
        },
      ]),
    );
    expect(row?.amplitude.abnormal).toBe(true);
    expect(row?.otherSide.text).toBe("this side 40% of it");
  });
});

describe("the impression's terms, from the findings", () => {
  it("a conduction block is demyelinating; with lost amplitude elsewhere, mixed", () => {
    const block = base([
      { kind: "ncs", side: "left", study: "peroneal_motor_edb", result: "block", segment: "fibular head" },
    ]);
    expect(characterize(block).pathophysiology).toBe("demyelinating");
    const mixed = base([
      ...block.findings,
      { kind: "ncs", side: "left", study: "superficial_peroneal_sensory", result: "reduced" },
    ]);
    expect(characterize(mixed).pathophysiology).toBe("mixed axonal and demyelinating");
  });
  it("mild slowing with a low amplitude is axon loss, not demyelination", () => {
    const x = characterize(
      base([
        {
          kind: "ncs",
          side: "left",
          study: "peroneal_motor_edb",
          result: "reduced",
          amplitude: 1,
          velocity: 40,
        },
      ]),
    );
    expect(x.pathophysiology).toBe("axonal");
    expect(x.severity).toBe("moderate");
  });
  it("fibrillations alone are active denervation; neurogenic units alone chronic", () => {
    expect(
      characterize(base([{ kind: "emg", muscle: "tibialis_anterior", spontaneous: "fibrillations" }]))
        .denervation,
    ).toBe("active");
    expect(
      characterize(base([{ kind: "emg", muscle: "tibialis_anterior", muap: "neurogenic" }])),
    ).toMatchObject({
      denervation: "chronic",
      severity: "mild",
    });
  });
  it("a normal study says so, and claims no severity", () => {
    const x = characterize(
      base([
        {
          kind: "emg",
          muscle: "tibialis_anterior",
          spontaneous: "none",
          muap: "normal",
          recruitment: "normal",
        },
      ]),
    );
    expect(x).toEqual({ recorded: true, abnormal: false });
  });
});
