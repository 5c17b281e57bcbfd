/**
 * Movements (and muscles graded on their own) by side, keyboard first: type "4-", Tab to the next
 * cell; Enter or the arrow keys move down and up a column. A cell that does not read as an MRC grade
 * keeps what was typed and says why; the case changes only when it reads.
 */
import { type KeyboardEvent, useEffect, useState } from "react";
import { OTHERS } from "../../../src/case/schema.js";
import { findSided, mrcNumber, setSided } from "../caseModel.js";
import { isStrength, mrcText, reachOf, readMrc, targetOf } from "../reading.js";
import type { Territory } from "../territory.js";
import type { AtlasOverview, LocusCase, Side } from "../types.js";
import { SIDES } from "../types.js";
import { AddRow } from "./RowControls.js";

interface Props {
  c: LocusCase;
  atlas: AtlasOverview;
  territory: Territory;
  onChange: (c: LocusCase) => void;
}

function moveFocus(e: KeyboardEvent<HTMLInputElement>) {
  const delta = e.key === "Enter" || e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
  if (!delta) return;
  const el = e.currentTarget;
  const row = Number(el.dataset.row) + delta;
  const next = document.querySelector<HTMLInputElement>(
    `input[data-grid="strength"][data-col="${el.dataset.col}"][data-row="${row}"]`,
  );
  if (next) {
    e.preventDefault();
    next.focus();
    next.select();
  }
}

function MrcCell(props: {
  label: string;
  value: string;
  row: number;
  side: Side;
  reached: number;
  onCommit: (value: number | string | null) => void;
}) {
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(props.value);
    const r = readMrc(props.value);
    setError(r.ok ? null : r.message);
  }, [props.value]);
  const weak = props.value !== "" && readMrc(props.value).ok && mrcNumber(props.value) < 5;
  const id = `mrc-${props.side}-${props.row}`;
  return (
    <td
      className={props.reached > 0 ? "reached" : undefined}
      style={{ ["--reach" as string]: props.reached }}
    >
      <input
        id={id}
        className={`mrc${weak ? " weak" : ""}`}
        aria-label={props.label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={text}
        inputMode="text"
        autoComplete="off"
        size={3}
        maxLength={5}
        data-grid="strength"
        data-row={props.row}
        data-col={props.side}
        onKeyDown={moveFocus}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setText(t);
          const r = readMrc(t);
          if (r.ok) {
            setError(null);
            props.onCommit(r.value);
          } else {
            // kept in the case as typed, so the case stage names it too: never a silent older grade
            setError(r.message);
            props.onCommit(t);
          }
        }}
      />
      {error && (
        <span id={`${id}-error`} role="alert" className="cell-error">
          {error}
        </span>
      )}
    </td>
  );
}

export function StrengthGrid({ c, atlas, territory, onChange }: Props) {
  const movementIds = new Set(atlas.movements.map((m) => m.id));
  const [extra, setExtra] = useState<string[]>([]);
  const muscleRows = [
    ...new Set([
      ...c.findings.flatMap((f) =>
        f.kind === "strength" && !movementIds.has(targetOf(f)) && targetOf(f) !== OTHERS ? [targetOf(f)] : [],
      ),
      ...extra,
    ]),
  ];
  const rows = [
    ...atlas.movements.map((m) => ({ id: m.id, name: m.name, muscles: m.primeMovers })),
    ...muscleRows.map((id) => ({
      id,
      name: atlas.muscles.find((m) => m.id === id)?.name ?? id,
      muscles: [id],
    })),
    // FORMAT v1.1: "power otherwise 5/5": every movement and muscle not graded above.
    { id: OTHERS, name: "all others", muscles: [] as string[] },
  ];
  return (
    <section aria-labelledby="strength-h" className="panel">
      <h3 id="strength-h">Strength (MRC)</h3>
      <p className="hint">
        Type a grade (4-, 4/5, 3, 5) and Tab; Enter moves down. Shaded: reached by the lesion shown. The last
        row, all others, grades everything not graded above ("power otherwise 5/5").
      </p>
      <table className="grid strength">
        <thead>
          <tr>
            <th scope="col">Movement</th>
            <th scope="col">Right</th>
            <th scope="col">Left</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {SIDES.map((side) => {
                const at = findSided(c, isStrength(r.id), side);
                const f = at >= 0 ? c.findings[at] : undefined;
                return (
                  <MrcCell
                    key={side}
                    row={i}
                    side={side}
                    label={`${side} ${r.name}, MRC grade`}
                    value={f?.kind === "strength" ? mrcText(f.mrc) : ""}
                    reached={reachOf(territory, r.muscles, side)}
                    onCommit={(v) =>
                      onChange(
                        setSided(c, isStrength(r.id), side, (s) =>
                          v === null ? null : { kind: "strength", side: s, target: r.id, mrc: v },
                        ),
                      )
                    }
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <AddRow
        id="add-muscle"
        label="Grade a muscle"
        placeholder="choose a muscle"
        options={atlas.muscles.filter((m) => !m.id.startsWith("paraspinal_") && !muscleRows.includes(m.id))}
        button="Add row"
        onAdd={(muscle) => setExtra([...extra, muscle])}
      />
    </section>
  );
}
