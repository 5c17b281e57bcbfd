/**
 * Deleting a saved case, and the archived view. A delete asks first, then archives the case: it
 * leaves the list and the search, but the store keeps every revision, the case still opens by id,
 * and Restore brings it back (see docs/api.md, "The store").
 */
import { useState } from "react";
import type { CaseSummary } from "../types.js";

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** A delete button that asks before it archives. */
export function DeleteCase({ id, onDelete }: { id: string; onDelete: (id: string) => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className="linklike danger"
        aria-label={`Delete ${id}`}
        onClick={() => setAsking(true)}
      >
        Delete
      </button>
    );
  return (
    <span role="alertdialog" aria-label={`Delete ${id}?`} className="confirm">
      Delete {id}? It moves to the archived cases; nothing is erased.{" "}
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onDelete(id);
        }}
      >
        Delete
      </button>{" "}
      <button type="button" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

interface ArchivedProps {
  cases: readonly CaseSummary[];
  onOpen: (id: string) => void;
  onRestore: (id: string) => void;
}

/** The archived cases, each with open and restore; shown when asked for. */
export function ArchivedCases({ cases, onOpen, onRestore }: ArchivedProps) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <button
        type="button"
        className="linklike"
        aria-expanded={shown}
        data-testid="archived-toggle"
        onClick={() => setShown(!shown)}
      >
        Archived cases ({cases.length})
      </button>
      {shown && cases.length === 0 && <p className="hint">No archived cases.</p>}
      {shown && (
        <ul className="case-list" data-testid="archived-list">
          {cases.map((c) => (
            <li key={c.id}>
              <button type="button" className="linklike" onClick={() => onOpen(c.id)}>
                {c.id}
              </button>{" "}
              <span className="hint">
                revision {c.revision} · archived {c.archivedAt ? when(c.archivedAt) : ""}
              </span>{" "}
              <button type="button" aria-label={`Restore ${c.id}`} onClick={() => onRestore(c.id)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Says that the case open now is archived, with its restore button. */
export function ArchivedNotice({ item, onRestore }: { item: CaseSummary; onRestore: (id: string) => void }) {
  return (
    <p className="notice" role="status" data-testid="archived-notice">
      {item.id} is archived{item.archivedAt ? ` (deleted ${when(item.archivedAt)})` : ""}: it is not in the
      case list, and every revision is kept.{" "}
      <button type="button" onClick={() => onRestore(item.id)}>
        Restore
      </button>
    </p>
  );
}
