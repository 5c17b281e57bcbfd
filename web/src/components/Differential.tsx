/** The differential with red flags on top, then the conditions with bars, then the work-up. */
import { pct } from "../../../src/report/words.js";
import type { Differential as D } from "../types.js";

export function RedFlags({ differential }: { differential: D }) {
  const flags = [...differential.redFlags].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1,
  );
  if (flags.length === 0) return null;
  return (
    <section aria-label="Red flags" className="panel flags-panel">
      <ul className="red-flags" data-testid="red-flags">
        {flags.map((f) => (
          <li key={f.id} className={`flag ${f.severity}`} data-flag={f.id}>
            <strong>{f.severity === "critical" ? "Red flag" : "Warning"}:</strong> {f.text}
            {f.action.length > 0 && (
              <span className="because"> Now: {f.action.map((a) => a.test).join("; ")}.</span>
            )}
            {f.because.length > 0 && (
              <details>
                <summary>why</summary>
                <span className="because">{f.because.join("; ")}.</span>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Differential({ differential }: { differential: D }) {
  const todo = differential.workup.filter((w) => !w.done).slice(0, 6);
  return (
    <section aria-labelledby="diff-h" className="panel differential">
      <h2 id="diff-h">What is it likely to be?</h2>
      <ol className="conditions" data-testid="conditions">
        {differential.conditions.slice(0, 8).map((d) => (
          <li key={d.id} data-condition={d.id}>
            <details>
              <summary>
                <span className="hyp-name">
                  {d.name}
                  {d.mustNotMiss && <span className="tag">must not miss</span>}
                </span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(1, d.probability * 100)}%` }} />
                </span>
                <span className="pct">{pct(d.probability)}</span>
              </summary>
              <ul className="reasons-inline">
                {d.for.slice(0, 5).map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: texts may repeat
                  <li key={`f${i}`} className="for">
                    + {r.text}
                  </li>
                ))}
                {d.against.slice(0, 3).map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: texts may repeat
                  <li key={`a${i}`} className="against">
                    − {r.text}
                  </li>
                ))}
                <li className="codes">ICD-10-CM {d.codes.icd10cm}</li>
              </ul>
            </details>
          </li>
        ))}
      </ol>
      {todo.length > 0 && (
        <>
          <h3>Work-up</h3>
          <ul className="workup">
            {todo.map((w) => (
              <li key={w.id} className={w.urgency}>
                <strong>{w.test}</strong> <span className="tag">{w.urgency}</span> {w.why}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
