/**
 * Reflexes by side (midline reflexes once). Empty means not tested. The last row, all other
 * reflexes, grades every reflex not graded above ("reflexes otherwise normal", FORMAT v1.1).
 */
import { MIDLINE_REFLEXES, OTHERS } from "../../../src/case/index.js";
import { covers, findSided, setSided } from "../caseModel.js";
import { isReflex } from "../reading.js";
import type { AtlasOverview, LocusCase, Side } from "../types.js";
import { SIDES } from "../types.js";

interface Props {
  c: LocusCase;
  atlas: AtlasOverview;
  onChange: (c: LocusCase) => void;
}

const TENDON = ["absent", "reduced", "normal", "brisk"] as const;
const PLANTAR = ["flexor", "extensor"] as const;
type Grade = (typeof TENDON)[number] | (typeof PLANTAR)[number];

export function ReflexGrid({ c, atlas, onChange }: Props) {
  const midline = new Set<string>(MIDLINE_REFLEXES as readonly string[]);
  const select = (id: string, name: string, side: Side | null) => {
    const grades = id === "plantar" ? PLANTAR : TENDON;
    const at = side
      ? findSided(c, isReflex(id), side)
      : c.findings.findIndex((f) => isReflex(id)(f) && covers(f.side, "right"));
    const f = at >= 0 ? c.findings[at] : undefined;
    const value = f?.kind === "reflex" ? f.grade : "";
    return (
      <select
        aria-label={side ? `${side} ${name}` : name}
        value={value}
        className={value && value !== "normal" && value !== "flexor" ? "abnormal" : undefined}
        onChange={(e) => {
          const g = e.currentTarget.value as Grade | "";
          if (side)
            onChange(
              setSided(c, isReflex(id), side, (s) =>
                g ? { kind: "reflex", side: s, reflex: id, grade: g } : null,
              ),
            );
          else {
            const rest = c.findings.filter((x) => !isReflex(id)(x));
            onChange({ ...c, findings: g ? [...rest, { kind: "reflex", reflex: id, grade: g }] : rest });
          }
        }}
      >
        <option value="">—</option>
        {grades.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
    );
  };
  return (
    <section aria-labelledby="reflex-h" className="panel">
      <h3 id="reflex-h">Reflexes</h3>
      <table className="grid reflex">
        <thead>
          <tr>
            <th scope="col">Reflex</th>
            <th scope="col">Right</th>
            <th scope="col">Left</th>
          </tr>
        </thead>
        <tbody>
          {[...atlas.reflexes, { id: OTHERS, name: "all other reflexes" }].map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {midline.has(r.id) ? (
                <td colSpan={2}>{select(r.id, r.name, null)}</td>
              ) : (
                SIDES.map((s) => <td key={s}>{select(r.id, r.name, s)}</td>)
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
