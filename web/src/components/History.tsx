/**
 * Patient, onset, course, history, and symptoms reported or denied as checkboxes; words outside the
 * lists are kept and shown; free notes. A symptom is either reported or denied: ticking one clears
 * the other.
 */
import { useState } from "react";
import { COURSES, HISTORY_WORDS, type ONSETS, SEXES, SYMPTOM_WORDS } from "../../../src/case/schema.js";
import { hasWord, setWordDetail, toggleWord, wordDetail } from "../caseModel.js";
import type { LocusCase } from "../types.js";

interface Props {
  c: LocusCase;
  onChange: (c: LocusCase) => void;
}

const words = (s: string) => s.replaceAll("_", " ");
const DETAILED = new Set(["cancer", "spine_surgery", "hip_surgery", "pelvic_surgery", "trauma", "infection"]);

export function History({ c, onChange }: Props) {
  const ctx = c.context ?? {};
  const patient = c.patient ?? {};
  const [extra, setExtra] = useState("");
  const known = new Set<string>([...HISTORY_WORDS, ...SYMPTOM_WORDS]);
  const freeWords = [...(ctx.history ?? []), ...(ctx.symptoms ?? []), ...(ctx.denies ?? [])].filter(
    (w) => !known.has(w.split(":")[0]!),
  );
  const setCtx = (next: Partial<NonNullable<LocusCase["context"]>>) =>
    onChange({ ...c, context: { ...ctx, ...next } });
  /** Report or deny a symptom; the other list loses it, and an emptied "denies" goes. */
  const setSymptom = (w: string, list: "symptoms" | "denies", on: boolean) => {
    const other = list === "symptoms" ? "denies" : "symptoms";
    const next = { ...ctx, [list]: toggleWord(ctx[list], w, on) };
    if (on && ctx[other]) next[other] = toggleWord(ctx[other], w, false);
    if (next.denies?.length === 0) delete next.denies;
    onChange({ ...c, context: next });
  };
  const setPatient = (next: Partial<NonNullable<LocusCase["patient"]>>) => {
    const p = { ...patient, ...next };
    for (const k of Object.keys(p) as (keyof typeof p)[]) if (p[k] === undefined) delete p[k];
    onChange({ ...c, patient: p });
  };
  return (
    <section aria-labelledby="history-h" className="panel">
      <h3 id="history-h">Patient, history and symptoms</h3>
      <div className="fields">
        <label htmlFor="p-age">Age</label>
        <input
          id="p-age"
          type="number"
          min={0}
          max={130}
          value={patient.age ?? ""}
          onChange={(e) =>
            setPatient({ age: e.currentTarget.value === "" ? undefined : Number(e.currentTarget.value) })
          }
        />
        <label htmlFor="p-sex">Sex</label>
        <select
          id="p-sex"
          value={patient.sex ?? ""}
          onChange={(e) =>
            setPatient({ sex: (e.currentTarget.value || undefined) as (typeof SEXES)[number] | undefined })
          }
        >
          <option value="">—</option>
          {SEXES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="p-onset">Onset</label>
        <select
          id="p-onset"
          value={ctx.onset ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value as (typeof ONSETS)[number] | "";
            const { onset: _, ...rest } = ctx;
            onChange({ ...c, context: v ? { ...rest, onset: v } : rest });
          }}
        >
          <option value="">—</option>
          <option value="acute">acute (up to 4 weeks)</option>
          <option value="subacute">subacute (4 to 12 weeks)</option>
          <option value="chronic">chronic (over 12 weeks)</option>
        </select>
        <label htmlFor="p-course">Course</label>
        <select
          id="p-course"
          value={ctx.course ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value as (typeof COURSES)[number] | "";
            const { course: _, ...rest } = ctx;
            onChange({ ...c, context: v ? { ...rest, course: v } : rest });
          }}
        >
          <option value="">—</option>
          {COURSES.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
        <label htmlFor="p-duration">Duration (days)</label>
        <input
          id="p-duration"
          type="number"
          min={0}
          step="any"
          title="days since onset; a fraction for hours (0.25 = 6 hours)"
          value={ctx.durationDays ?? ""}
          onChange={(e) => {
            const { durationDays: _, ...rest } = ctx;
            const v = e.currentTarget.value;
            onChange({ ...c, context: v === "" ? rest : { ...rest, durationDays: Number(v) } });
          }}
        />
      </div>
      <fieldset className="checks">
        <legend>History</legend>
        {HISTORY_WORDS.map((w) => {
          const on = hasWord(ctx.history, w);
          return (
            <span key={w} className="check">
              <label>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => setCtx({ history: toggleWord(ctx.history, w, e.currentTarget.checked) })}
                />
                {words(w)}
              </label>
              {on && DETAILED.has(w) && (
                <input
                  className="detail"
                  aria-label={`${words(w)}: detail`}
                  placeholder="detail"
                  size={12}
                  value={wordDetail(ctx.history, w)}
                  onChange={(e) => setCtx({ history: setWordDetail(ctx.history, w, e.currentTarget.value) })}
                />
              )}
            </span>
          );
        })}
      </fieldset>
      <fieldset className="checks">
        <legend>Symptoms</legend>
        {SYMPTOM_WORDS.map((w) => (
          <span key={w} className="check">
            <label>
              <input
                type="checkbox"
                checked={hasWord(ctx.symptoms, w)}
                onChange={(e) => setSymptom(w, "symptoms", e.currentTarget.checked)}
              />
              {words(w)}
            </label>
          </span>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>Denies (asked and absent)</legend>
        {SYMPTOM_WORDS.map((w) => (
          <span key={w} className="check">
            <label>
              <input
                type="checkbox"
                aria-label={`denies ${words(w)}`}
                checked={hasWord(ctx.denies, w)}
                onChange={(e) => setSymptom(w, "denies", e.currentTarget.checked)}
              />
              {words(w)}
            </label>
          </span>
        ))}
      </fieldset>
      {freeWords.length > 0 && (
        <p className="free-words">
          Kept as free text:{" "}
          {freeWords.map((w) => (
            <span key={w} className="chip">
              {w}
            </span>
          ))}
        </p>
      )}
      <form
        className="mini"
        aria-label="Add other history"
        onSubmit={(e) => {
          e.preventDefault();
          const add = extra
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
          if (add.length) setCtx({ history: [...(ctx.history ?? []), ...add] });
          setExtra("");
        }}
      >
        <label htmlFor="history-extra">Other history (comma separated)</label>
        <input id="history-extra" value={extra} size={30} onChange={(e) => setExtra(e.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      <label className="block">
        Notes
        <textarea
          rows={3}
          value={c.notes ?? ""}
          onChange={(e) => {
            const { notes: _, ...rest } = c;
            onChange(e.currentTarget.value ? { ...rest, notes: e.currentTarget.value } : rest);
          }}
        />
      </label>
    </section>
  );
}
