/** Ranked localizations with probability bars; for each, the findings for, against and unexplained. */
import { useState } from "react";
import { hypothesisWords, pct } from "../../../src/report/words.js";
import type { Localization, Reason } from "../types.js";

interface Props {
  localization: Localization;
  selected: number;
  onSelect: (i: number) => void;
}

const SHORT = 4;

function Reasons({ title, list, cls }: { title: string; list: Reason[]; cls: string }) {
  const [all, setAll] = useState(false);
  if (list.length === 0) return null;
  const shown = all ? list : list.slice(0, SHORT);
  return (
    <div className={`reasons ${cls}`}>
      <h5>
        {title} ({list.length})
        {list.length > SHORT && (
          <button type="button" className="linklike more" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? "fewer" : `all ${list.length}`}
          </button>
        )}
      </h5>
      <ul>
        {shown.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: reasons may repeat a finding and a text
          <li key={i}>{r.text}</li>
        ))}
      </ul>
    </div>
  );
}

const FIRST = 5;

export function Results({ localization, selected, onSelect }: Props) {
  const [more, setMore] = useState(false);
  const all = localization.hypotheses;
  const hs = more || selected >= FIRST ? all : all.slice(0, FIRST);
  return (
    <section aria-labelledby="loc-h" className="panel results">
      <h2 id="loc-h">Where is the lesion?</h2>
      {hs.length === 0 && <p>No localization could be scored from these findings yet.</p>}
      <ol className="hypotheses" data-testid="hypotheses">
        {hs.map((h, i) => {
          const name = hypothesisWords(h.lesions);
          const open = i === selected;
          return (
            <li key={name} className={open ? "open" : undefined} data-testid={`hypothesis-${i}`}>
              <button
                type="button"
                className="hyp"
                aria-expanded={open}
                aria-controls={`hyp-detail-${i}`}
                onClick={() => onSelect(i)}
              >
                <span className="hyp-name">{name}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(1, h.probability * 100)}%` }} />
                </span>
                <span className="pct">{pct(h.probability)}</span>
              </button>
              {open && (
                <div id={`hyp-detail-${i}`} className="hyp-detail">
                  {h.detail.length > 0 && <p className="detail">{h.detail.join("; ")}</p>}
                  <Reasons title="For" list={h.explains} cls="for" />
                  <Reasons title="Against" list={h.against} cls="against" />
                  <Reasons title="Unexplained" list={h.unexplained} cls="unexplained" />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {all.length > FIRST && (
        <button type="button" className="linklike more" aria-expanded={more} onClick={() => setMore(!more)}>
          {more ? "fewer hypotheses" : `all ${all.length} hypotheses`}
        </button>
      )}
      {localization.other > 0.005 && (
        <p className="hint">Other hypotheses: {pct(localization.other)} together.</p>
      )}
      {localization.skipped && localization.skipped.length > 0 && (
        <p className="hint">
          Not read: {localization.skipped.map((s) => `finding ${s.finding + 1} (${s.why})`).join("; ")}
        </p>
      )}
    </section>
  );
}
