/** Needle EMG, one row per muscle and side: spontaneous activity (with fibrillation grade), MUAP, recruitment. */
import { SPONTANEOUS } from "../../../src/case/schema.js";
import { addFinding, removeFinding, replaceFinding, rowsOf } from "../caseModel.js";
import { muscleOf, reachOf } from "../reading.js";
import type { Territory } from "../territory.js";
import type { AtlasOverview, Finding, LocusCase } from "../types.js";
import { AddRow, RemoveButton } from "./RowControls.js";

type Emg = Extract<Finding, { kind: "emg" }>;
const INSERTIONAL = ["normal", "increased", "reduced"] as const;
const MUAP = ["normal", "neurogenic", "myopathic", "none"] as const;
const RECRUITMENT = ["normal", "reduced", "discrete", "none", "early"] as const;

interface Props {
  c: LocusCase;
  atlas: AtlasOverview;
  territory: Territory;
  onChange: (c: LocusCase) => void;
}

function Pick<T extends string>(props: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onPick: (v: T | undefined) => void;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ""}
      onChange={(e) => props.onPick((e.currentTarget.value || undefined) as T | undefined)}
    >
      <option value="">—</option>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

/** A copy of the finding with one field set, or removed when the value is empty. */
export function withField<F extends object, K extends keyof F>(f: F, key: K, value: F[K] | undefined): F {
  const next = { ...f };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function EmgTable({ c, atlas, territory, onChange }: Props) {
  const rows = rowsOf(c, "emg");
  const name = (id: string) => atlas.muscles.find((m) => m.id === id)?.name ?? id.replaceAll("_", " ");
  const set = (i: number, f: Emg) => onChange(replaceFinding(c, i, f));
  return (
    <section aria-labelledby="emg-h" className="panel">
      <h3 id="emg-h">Needle EMG</h3>
      <table className="grid emg">
        <thead>
          <tr>
            <th scope="col">Muscle</th>
            <th scope="col">Side</th>
            <th scope="col">Insertional</th>
            <th scope="col">Spontaneous</th>
            <th scope="col">Fib grade</th>
            <th scope="col">MUAP</th>
            <th scope="col">Recruitment</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className="empty">
                No muscles needled yet.
              </td>
            </tr>
          )}
          {rows.map(([f, i]) => {
            const muscle = muscleOf(f);
            const label = `${f.side ?? ""} ${name(muscle)}`.trim();
            const reach = reachOf(territory, [muscle], f.side);
            return (
              <tr
                key={i}
                className={reach > 0 ? "reached" : undefined}
                style={{ ["--reach" as string]: reach }}
              >
                <th scope="row">{name(muscle)}</th>
                <td>{f.side ?? "both"}</td>
                <td>
                  <Pick
                    label={`${label} insertional activity`}
                    value={f.insertional}
                    options={INSERTIONAL}
                    onPick={(v) => set(i, withField(f, "insertional", v))}
                  />
                </td>
                <td>
                  <Pick
                    label={`${label} spontaneous activity`}
                    value={f.spontaneous}
                    options={SPONTANEOUS}
                    onPick={(v) =>
                      set(
                        i,
                        withField(
                          v === "fibrillations" ? f : withField(f, "grade", undefined),
                          "spontaneous",
                          v,
                        ),
                      )
                    }
                  />
                </td>
                <td>
                  <Pick
                    label={`${label} fibrillation grade`}
                    value={f.grade === undefined ? undefined : (String(f.grade) as "1" | "2" | "3" | "4")}
                    options={["1", "2", "3", "4"] as const}
                    onPick={(v) =>
                      set(
                        i,
                        withField(
                          v ? { ...f, spontaneous: "fibrillations" as const } : f,
                          "grade",
                          v ? (Number(v) as 1 | 2 | 3 | 4) : undefined,
                        ),
                      )
                    }
                  />
                </td>
                <td>
                  <Pick
                    label={`${label} MUAP`}
                    value={f.muap}
                    options={MUAP}
                    onPick={(v) => set(i, withField(f, "muap", v))}
                  />
                </td>
                <td>
                  <Pick
                    label={`${label} recruitment`}
                    value={f.recruitment}
                    options={RECRUITMENT}
                    onPick={(v) => set(i, withField(f, "recruitment", v))}
                  />
                </td>
                <td>
                  <RemoveButton label={label} onRemove={() => onChange(removeFinding(c, i))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AddRow
        id="emg-muscle"
        sideId="emg-side"
        label="Add a muscle"
        placeholder="choose a muscle"
        options={atlas.muscles.map((m) => ({
          id: m.id,
          name: m.commonlyNeedled ? m.name : `${m.name} (less often needled)`,
        }))}
        onAdd={(muscle, side) =>
          onChange(
            addFinding(c, {
              kind: "emg",
              side,
              muscle,
              spontaneous: "none",
              muap: "normal",
              recruitment: "normal",
            }),
          )
        }
      />
    </section>
  );
}
