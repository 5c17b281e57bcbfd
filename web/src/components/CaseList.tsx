/**
 * Saved cases and the revisions of the case open now; a search box keeps the cases whose id holds
 * every word typed (case and order do not matter). Delete archives a case (ArchivedCases.tsx): the
 * store keeps every revision for the record, and the archived view restores it.
 */
import { useEffect, useState } from "react";
import { api } from "../api.js";
import type { CaseSummary, Revision } from "../types.js";
import { ArchivedCases, ArchivedNotice, DeleteCase } from "./ArchivedCases.js";

interface Props {
  currentId: string;
  savedRevision: number | null;
  /** Changes after each save, so the lists refresh. */
  refresh: number;
  onOpen: (id: string, revision?: number) => void;
}

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** The cases whose id holds every word of the query. */
export function matching<T extends { id: string }>(cases: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return cases.filter((c) => words.every((w) => c.id.toLowerCase().includes(w)));
}

export function CaseList({ currentId, savedRevision, refresh, onOpen }: Props) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [archived, setArchived] = useState<CaseSummary[]>([]);
  /** Bumped after a delete or a restore, so the lists reload. */
  const [changed, setChanged] = useState(0);
  const shown = cases ? matching(cases, query) : null;
  const openArchived = archived.find((a) => a.id === currentId);
  const change = (work: (id: string) => Promise<unknown>) => (id: string) => {
    setError(null);
    work(id).then(
      () => setChanged((n) => n + 1),
      (e: Error) => setError(e.message),
    );
  };
  const remove = change(api.archive);
  const restore = change(api.restore);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh and changed are the signals to reload
  useEffect(() => {
    let live = true;
    api.list().then(
      (list) => live && setCases(list),
      (e: Error) => live && setError(e.message),
    );
    api.listArchived().then(
      (list) => live && setArchived(list),
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
  }, [currentId, savedRevision, refresh, changed]);
  return (
    <section aria-labelledby="cases-h" className="panel cases">
      <h2 id="cases-h">Cases</h2>
      {error && <p className="error">{error}</p>}
      {openArchived && <ArchivedNotice item={openArchived} onRestore={restore} />}
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
      {cases && cases.length === 0 && (
        <p className="hint">{archived.length ? "Every saved case is archived." : "No saved cases yet."}</p>
      )}
      {cases && cases.length > 0 && (
        <label className="case-search">
          Search{" "}
          <input
            type="search"
            value={query}
            placeholder="words of the case id"
            data-testid="case-search"
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
      )}
      {shown && cases && cases.length > 0 && shown.length === 0 && (
        <p className="hint">No saved case id holds {query.trim()}.</p>
      )}
      <ul className="case-list" data-testid="case-list">
        {shown?.map((c) => (
          <li key={c.id}>
            <button type="button" className="linklike" onClick={() => onOpen(c.id)}>
              {c.id}
            </button>{" "}
            <span className="hint">
              revision {c.revision} · {when(c.updatedAt)}
            </span>{" "}
            <DeleteCase id={c.id} onDelete={remove} />
          </li>
        ))}
      </ul>
      <ArchivedCases cases={archived} onOpen={(id) => onOpen(id)} onRestore={restore} />
    </section>
  );
}
