/** Saved cases and the revisions of the case open now. */
import { useEffect, useState } from "react";
import { api } from "../api.js";
import type { CaseSummary, Revision } from "../types.js";

interface Props {
  currentId: string;
  savedRevision: number | null;
  /** Changes after each save, so the lists refresh. */
  refresh: number;
  onOpen: (id: string, revision?: number) => void;
}

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

export function CaseList({ currentId, savedRevision, refresh, onOpen }: Props) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh is the signal to reload
  useEffect(() => {
    let live = true;
    api.list().then(
      (list) => live && setCases(list),
      (e: Error) => live && setError(e.message),
    );
    if (savedRevision !== null)
      api.revisions(currentId).then(
        (r) => live && setRevisions(r),
        () => live && setRevisions(null),
      );
    else setRevisions(null);
    return () => {
      live = false;
    };
  }, [currentId, savedRevision, refresh]);
  return (
    <section aria-labelledby="cases-h" className="panel cases">
      <h2 id="cases-h">Cases</h2>
      {error && <p className="error">{error}</p>}
      {revisions && (
        <>
          <h3>Revisions of {currentId}</h3>
          <ol className="revisions" data-testid="revisions">
            {revisions.map((r) => (
              <li key={r.revision}>
                <button type="button" className="linklike" onClick={() => onOpen(currentId, r.revision)}>
                  Revision {r.revision}
                </button>{" "}
                <span className="hint">
                  {when(r.createdAt)} · atlas {r.atlasVersion ?? "—"}
                  {r.revision === savedRevision ? " · open" : ""}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>Saved cases</h3>
      {cases && cases.length === 0 && <p className="hint">No saved cases yet.</p>}
      <ul className="case-list" data-testid="case-list">
        {cases?.map((c) => (
          <li key={c.id}>
            <button type="button" className="linklike" onClick={() => onOpen(c.id)}>
              {c.id}
            </button>{" "}
            <span className="hint">
              revision {c.revision} · {when(c.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
