/**
 * Nerve conduction studies: study, side, result and the numbers, one row each. A conduction block
 * (FORMAT v1.1) takes the segment in words ("across the fibular head"); the service reads the
 * nerve site from them, and the site it read is shown under the words.
 */
import { useState } from "react";
import { NCS_RESULTS } from "../../../src/case/schema.js";
import { addFinding, removeFinding, replaceFinding, rowsOf } from "../caseModel.js";
import { studyOf } from "../reading.js";
import type { AtlasOverview, Finding, LocusCase } from "../types.js";
import { withField } from "./EmgTable.js";
import { AddRow, RemoveButton } from "./RowControls.js";

type Ncs = Extract<Finding, { kind: "ncs" }>;
type NumberField = "amplitude" | "velocity" | "latency";

/** A new result: a segment belongs to a block only, so leaving block drops it. */
export function withResult(f: Ncs, result: Ncs["result"]): Ncs {
  if (result === "block") return { ...f, result };
  const { segment: _s, segmentSites: _ss, ...rest } = f;
  return { ...rest, result };
}

/** New segment words: the sites read from the old words no longer hold. */
export function withSegment(f: Ncs, words: string): Ncs {
  const { segment: _s, segmentSites: _ss, ...rest } = f;
  return words.trim() ? { ...rest, segment: words } : rest;
}

interface Props {
  c: LocusCase;
  atlas: AtlasOverview;
  onChange: (c: LocusCase) => void;
}

function NumberCell(props: {
  label: string;
  value: number | undefined;
  onSet: (v: number | undefined) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (props.value === undefined ? "" : String(props.value));
  const bad = text !== null && text.trim() !== "" && !(Number(text) >= 0);
  return (
    <input
      className="num"
      aria-label={props.label}
      aria-invalid={bad || undefined}
      inputMode="decimal"
      size={5}
      value={shown}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const n = Number(t.replace(",", "."));
        if (t.trim() === "") props.onSet(undefined);
        else if (Number.isFinite(n) && n >= 0) props.onSet(n);
      }}
      onBlur={() => {
        if (!bad) setText(null);
      }}
    />
  );
}

export function NcsTable({ c, atlas, onChange }: Props) {
  const rows = rowsOf(c, "ncs");
  const name = (id: string) => atlas.studies.find((s) => s.id === id)?.name ?? id.replaceAll("_", " ");
  const set = (i: number, f: Ncs) => onChange(replaceFinding(c, i, f));
  const siteName = (id: string) => atlas.sites.find((s) => s.id === id)?.name ?? id.replaceAll("_", " ");
  const num = (f: Ncs, i: number, key: NumberField, label: string) => (
    <NumberCell label={label} value={f[key]} onSet={(v) => set(i, withField(f, key, v))} />
  );
  return (
    <section aria-labelledby="ncs-h" className="panel">
      <h3 id="ncs-h">Nerve conduction</h3>
      <table className="grid ncs">
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Side</th>
            <th scope="col">Result</th>
            <th scope="col">Block segment</th>
            <th scope="col">Amplitude</th>
            <th scope="col">Unit</th>
            <th scope="col">Latency ms</th>
            <th scope="col">Velocity m/s</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={9} className="empty">
                No studies yet.
              </td>
            </tr>
          )}
          {rows.map(([f, i]) => {
            const label = `${f.side ?? ""} ${name(studyOf(f))}`.trim();
            return (
              <tr key={i}>
                <th scope="row">{name(studyOf(f))}</th>
                <td>{f.side ?? "both"}</td>
                <td>
                  <select
                    aria-label={`${label} result`}
                    value={f.result}
                    className={f.result !== "normal" ? "abnormal" : undefined}
                    onChange={(e) => set(i, withResult(f, e.currentTarget.value as Ncs["result"]))}
                  >
                    {NCS_RESULTS.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {f.result === "block" && (
                    <>
                      <input
                        aria-label={`${label} block segment`}
                        placeholder="across the fibular head"
                        size={16}
                        value={f.segment ?? ""}
                        onChange={(e) => set(i, withSegment(f, e.currentTarget.value))}
                      />
                      {f.segmentSites && f.segmentSites.length > 0 && (
                        <span className="hint"> {f.segmentSites.map((s) => siteName(s)).join("; ")}</span>
                      )}
                    </>
                  )}
                </td>
                <td>{num(f, i, "amplitude", `${label} amplitude`)}</td>
                <td>
                  <select
                    aria-label={`${label} amplitude unit`}
                    value={f.unit ?? ""}
                    onChange={(e) =>
                      set(i, withField(f, "unit", (e.currentTarget.value || undefined) as Ncs["unit"]))
                    }
                  >
                    <option value="">—</option>
                    <option value="mV">mV</option>
                    <option value="uV">µV</option>
                  </select>
                </td>
                <td>{num(f, i, "latency", `${label} latency in ms`)}</td>
                <td>{num(f, i, "velocity", `${label} velocity in m/s`)}</td>
                <td>
                  <RemoveButton label={label} onRemove={() => onChange(removeFinding(c, i))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AddRow
        id="ncs-study"
        sideId="ncs-side"
        label="Add a study"
        placeholder="choose a study"
        options={atlas.studies}
        onAdd={(study, side) => onChange(addFinding(c, { kind: "ncs", side, study, result: "normal" }))}
      />
    </section>
  );
}
