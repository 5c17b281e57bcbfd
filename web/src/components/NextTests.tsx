/**
 * The next tests, ranked by how much they would separate the leading localizations per unit of
 * burden. Choosing one asks for its result, which is added to the case (and everything updates).
 */
import { useState } from "react";
import { settledWords } from "../../../src/report/document/settled.js";
import type { Finding, Plan, Suggestion, TestRef } from "../types.js";

interface Outcome {
  label: string;
  finding: Finding;
}

const IMAGING_LESIONS: Record<string, string[]> = {
  mri_spine: [
    "disc_herniation",
    "foraminal_stenosis",
    "lateral_recess_stenosis",
    "canal_stenosis",
    "root_enhancement",
    "mass",
  ],
  mri_plexus: ["plexus_enlargement", "plexus_enhancement", "mass", "hematoma"],
  ultrasound: ["nerve_enlargement", "mass"],
};

/** The results a test can have, each as the finding it adds. */
export function outcomes(t: TestRef): Outcome[] {
  const side = t.side;
  switch (t.kind) {
    case "emg":
      return [
        {
          label: "normal",
          finding: {
            kind: "emg",
            side,
            muscle: t.id,
            spontaneous: "none",
            muap: "normal",
            recruitment: "normal",
          },
        },
        {
          label: "denervation",
          finding: {
            kind: "emg",
            side,
            muscle: t.id,
            spontaneous: "fibrillations",
            muap: "neurogenic",
            recruitment: "reduced",
          },
        },
        {
          label: "neurogenic units, no fibrillations",
          finding: {
            kind: "emg",
            side,
            muscle: t.id,
            spontaneous: "none",
            muap: "neurogenic",
            recruitment: "reduced",
          },
        },
        {
          label: "myopathic",
          finding: { kind: "emg", side, muscle: t.id, muap: "myopathic", recruitment: "early" },
        },
      ];
    case "ncs":
      return (["normal", "reduced", "absent"] as const).map((result) => ({
        label: result,
        finding: { kind: "ncs", side, study: t.id, result },
      }));
    case "reflex":
      return t.id === "plantar"
        ? (["flexor", "extensor"] as const).map((grade) => ({
            label: grade,
            finding: { kind: "reflex", side, reflex: t.id, grade },
          }))
        : (["normal", "reduced", "absent", "brisk"] as const).map((grade) => ({
            label: grade,
            finding: { kind: "reflex", side, reflex: t.id, grade },
          }));
    case "strength":
      return [5, 4, 3, 2, 1, 0].map((mrc) => ({
        label: `MRC ${mrc}`,
        finding: { kind: "strength", side, target: t.id, mrc },
      }));
    case "sensory":
      return (["normal", "reduced", "absent"] as const).map((change) => ({
        label: change,
        finding: { kind: "sensory", side, region: t.id, change },
      }));
    case "imaging": {
      const modality = t.id as "mri_spine" | "mri_plexus" | "ultrasound";
      return [
        { label: "normal", finding: { kind: "imaging", modality, side, tags: ["normal"] } },
        ...(IMAGING_LESIONS[t.id] ?? []).map((tag) => ({
          label: tag.replaceAll("_", " "),
          finding: { kind: "imaging", modality, side, tags: [tag] } as Finding,
        })),
      ];
    }
    case "lab":
      return (["normal", "elevated", "low"] as const).map((result) => ({
        label: result,
        finding: { kind: "lab", test: t.id as Extract<Finding, { kind: "lab" }>["test"], result },
      }));
  }
}

interface Props {
  plan: Plan | null;
  status: "idle" | "loading" | "ready" | "error";
  error: string | null;
  onAdd: (f: Finding) => void;
}

export function NextTests({ plan, status, error, onAdd }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const key = (s: Suggestion) => `${s.test.kind}:${s.test.id}:${s.test.side}`;
  const settled = settledWords(plan);
  return (
    <section aria-labelledby="next-h" className="panel next-tests" aria-busy={status === "loading"}>
      <h2 id="next-h">Which test next?</h2>
      {status === "loading" && !plan && <p className="hint">Weighing the tests…</p>}
      {status === "error" && <p className="error">{error}</p>}
      {settled && (
        <p className="settled" role="status" data-testid="settled">
          Settled: {settled}
        </p>
      )}
      {plan && !settled && plan.suggestions.length === 0 && (
        <p className="hint">No test left that would change the ranking.</p>
      )}
      <ol className="suggestions" data-testid="suggestions">
        {plan?.suggestions.map((s) => {
          const k = key(s);
          return (
            <li key={k}>
              <button
                type="button"
                className="suggestion"
                aria-expanded={open === k}
                onClick={() => setOpen(open === k ? null : k)}
              >
                <span className="hyp-name">{s.name}</span>
                <span className="gain">
                  {s.gain.toFixed(2)} bits · burden {s.burden}
                </span>
              </button>
              <p className="why">{s.why}</p>
              {open === k && (
                <fieldset className="outcomes">
                  <legend>Result of {s.name}:</legend>
                  {outcomes(s.test).map((o) => (
                    <button
                      key={o.label}
                      type="button"
                      onClick={() => {
                        onAdd(o.finding);
                        setOpen(null);
                      }}
                    >
                      {o.label}
                    </button>
                  ))}
                  <ul className="predictions">
                    {s.predictions.slice(0, 3).map((p) => (
                      <li key={p.hypothesis}>
                        if {p.hypothesis}: {p.expected}
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
