/**
 * Paste a clinic note: extraction (by the service) fills the form, and the note is shown back with
 * the words behind each finding marked. Choosing a finding in the list marks its words.
 */
import { Fragment, useState } from "react";
import { api } from "../api.js";
import type { Extraction, LocusCase } from "../types.js";
import { describeFinding } from "./OtherFindings.js";

interface Props {
  onFilled: (c: LocusCase, extraction: Extraction, note: string) => void;
  extraction: { note: string; extraction: Extraction } | null;
}

interface Segment {
  start: number;
  end: number;
  findings: number[];
}

/** The note cut at every span edge, each piece with the findings it stands behind. */
export function segments(length: number, spans: Extraction["spans"]): Segment[] {
  const cuts = new Set([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const findings = [
      ...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.finding)),
    ];
    out.push({ start, end, findings });
  }
  return out;
}

export function NotePaste({ onFilled, extraction }: Props) {
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const x = await api.extract(note);
      onFilled(x.case, x, note);
      setActive(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const shown = extraction;
  return (
    <section aria-labelledby="note-h" className="panel">
      <h3 id="note-h">Paste a note</h3>
      <label htmlFor="note-text" className="block">
        Clinic note or case report (it fills the form; your note stays here)
      </label>
      <textarea id="note-text" rows={6} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <div className="row-add">
        <button type="button" className="primary" disabled={busy || !note.trim()} onClick={run}>
          {busy ? "Reading…" : "Fill the form from the note"}
        </button>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </div>
      {shown && (
        <div className="extraction">
          <h4>What was read, and from which words</h4>
          <ol className="extracted" aria-label="Findings read from the note">
            {shown.extraction.case.findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings are addressed by index in the spans
              <li key={i}>
                <button
                  type="button"
                  aria-pressed={active === i}
                  className="linklike"
                  onClick={() => setActive(active === i ? null : i)}
                >
                  {describeFinding(f)}
                </button>
              </li>
            ))}
          </ol>
          <div className="note-marked" data-testid="note-marked">
            {segments(shown.note.length, shown.extraction.spans).map((s) => {
              const text = shown.note.slice(s.start, s.end);
              if (s.findings.length === 0) return <Fragment key={s.start}>{text}</Fragment>;
              const what = s.findings
                .map((i) => shown.extraction.case.findings[i])
                .filter((f) => f !== undefined)
                .map(describeFinding)
                .join("; ");
              return (
                <mark
                  key={s.start}
                  title={what}
                  className={active !== null && s.findings.includes(active) ? "active" : undefined}
                  data-findings={s.findings.join(" ")}
                >
                  {text}
                </mark>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
