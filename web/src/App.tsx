/**
 * The page. The case is one LocusCase held here; every panel edits it. Localization and the
 * differential are computed in the page on each change (the engine's own stages, bundled), so
 * results follow a click at once; the service is asked, a moment later, for the next tests, and it
 * extracts notes, saves cases with their revisions and makes the FHIR report.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { hypothesisWords } from "../../src/report/words.js";
import { ApiError, api } from "./api.js";
import { addFinding, emptyCase, newCaseId } from "./caseModel.js";
import { BodyMap } from "./components/BodyMap.js";
import { CaseList } from "./components/CaseList.js";
import { Differential, RedFlags } from "./components/Differential.js";
import { EmgTable } from "./components/EmgTable.js";
import { History } from "./components/History.js";
import { NcsTable } from "./components/NcsTable.js";
import { NextTests } from "./components/NextTests.js";
import { NotePaste } from "./components/NotePaste.js";
import { OtherFindings } from "./components/OtherFindings.js";
import { ReflexGrid } from "./components/ReflexGrid.js";
import { Results } from "./components/Results.js";
import { Schematic } from "./components/Schematic.js";
import { StrengthGrid } from "./components/StrengthGrid.js";
import { analyseHere, BUNDLED_ATLAS_VERSION, type LocalAnswer } from "./engine.js";
import { download, fetchReport, REPORT_FORMATS } from "./report.js";
import { territoryOf } from "./territory.js";
import type { AtlasOverview, Extraction, LocusCase, Plan } from "./types.js";

const DRAFT_KEY = "locus.draft";
const TABS = [
  ["exam", "Strength & reflexes"],
  ["sensation", "Sensation"],
  ["electro", "EMG & NCS"],
  ["history", "History, signs, imaging"],
  ["note", "Paste a note"],
] as const;
type Tab = (typeof TABS)[number][0];

function initialCase(): LocusCase {
  try {
    const draft = localStorage.getItem(DRAFT_KEY);
    if (draft) return JSON.parse(draft) as LocusCase;
  } catch {
    // a broken draft is ignored; the form starts empty
  }
  return emptyCase(newCaseId());
}

export function App() {
  const [atlas, setAtlas] = useState<AtlasOverview | null>(null);
  const [atlasError, setAtlasError] = useState<string | null>(null);
  const [c, setC] = useState<LocusCase>(initialCase);
  const [tab, setTab] = useState<Tab>("exam");
  const [selected, setSelected] = useState(0);
  const [saved, setSaved] = useState<{ revision: number; json: string } | null>(null);
  const [saveState, setSaveState] = useState<{ busy: boolean; message: string | null; error: boolean }>({
    busy: false,
    message: null,
    error: false,
  });
  const [refresh, setRefresh] = useState(0);
  const [plan, setPlan] = useState<{
    plan: Plan | null;
    status: "idle" | "loading" | "ready" | "error";
    error: string | null;
  }>({
    plan: null,
    status: "idle",
    error: null,
  });
  const [extraction, setExtraction] = useState<{ note: string; extraction: Extraction } | null>(null);
  const updates = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on load
  useEffect(() => {
    api.atlas().then(setAtlas, (e: Error) => setAtlasError(e.message));
    const m = /^\/cases\/([^/]+)$/.exec(location.pathname);
    if (m?.[1]) void open(decodeURIComponent(m[1]), undefined, true);
  }, []);

  const change = useCallback((next: LocusCase) => {
    setC(next);
    setSelected(0);
  }, []);

  // Keep a draft of everything entered, so a reload or a crash loses nothing.
  useEffect(() => {
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(c));
    } catch {
      // storage full or disabled: the case is still in the page
    }
  }, [c]);

  const lastGood = useRef<Extract<LocalAnswer, { ok: true }> | null>(null);
  const local = useMemo(() => analyseHere(c), [c]);
  if (local.ok) lastGood.current = local;
  const shown = lastGood.current;
  updates.current++;

  // The next tests come from the service, a moment after the case stops changing.
  useEffect(() => {
    if (!local.ok) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setPlan((p) => ({ ...p, status: "loading" }));
      api.analyse(c, ctl.signal).then(
        (a) => setPlan({ plan: a.plan, status: "ready", error: null }),
        (e: Error) => {
          if (ctl.signal.aborted) return;
          setPlan({ plan: null, status: "error", error: e.message });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [c, local.ok]);

  const territory = useMemo(
    () =>
      atlas && shown
        ? territoryOf(atlas, shown.analysis.hypotheses[selected])
        : territoryOf(atlasStub, undefined),
    [atlas, shown, selected],
  );

  /** Whether unsaved entries may be replaced: asks only when there is something to lose. */
  function mayDiscard(what: string): boolean {
    const unsaved = !saved || saved.json !== JSON.stringify(c);
    if (!unsaved || (c.findings.length === 0 && !c.notes)) return true;
    return window.confirm(`${what} replaces the unsaved entries of ${c.id}. Go on?`);
  }

  async function open(id: string, revision?: number, onLoad = false) {
    if (!onLoad && !mayDiscard(`Opening ${id}${revision ? ` revision ${revision}` : ""}`)) return;
    try {
      const rec = await api.open(id, revision);
      const latest = revision ? ((await api.revisions(id)).at(-1)?.revision ?? rec.revision) : rec.revision;
      // A reload keeps unsaved edits of this case (the draft) over the saved revision.
      const draft = onLoad ? initialCase() : null;
      const keepDraft =
        draft !== null && draft.id === id && JSON.stringify(draft) !== JSON.stringify(rec.case);
      setC(keepDraft ? draft : rec.case);
      setSelected(0);
      setSaved({ revision: latest, json: revision && revision !== latest ? "" : JSON.stringify(rec.case) });
      setSaveState({
        busy: false,
        message:
          revision && revision !== latest
            ? `Showing revision ${revision}; saving makes it revision ${latest + 1}`
            : null,
        error: false,
      });
      history.replaceState(null, "", `/cases/${encodeURIComponent(id)}`);
    } catch (e) {
      setSaveState({ busy: false, message: e instanceof Error ? e.message : String(e), error: true });
    }
  }

  async function save() {
    setSaveState({ busy: true, message: null, error: false });
    try {
      const rec = saved ? await api.update(c.id, c, saved.revision) : await api.create(c);
      setSaved({ revision: rec.revision, json: JSON.stringify(c) });
      setSaveState({ busy: false, message: `Saved as revision ${rec.revision}`, error: false });
      setRefresh((r) => r + 1);
      history.replaceState(null, "", `/cases/${encodeURIComponent(rec.id)}`);
    } catch (e) {
      const msg =
        e instanceof ApiError && e.status === 409
          ? `${e.message}. Your entries are kept here; open the case to see the other revision, or change the id.`
          : e instanceof ApiError && e.issues.length
            ? `${e.message}: ${e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`
            : e instanceof Error
              ? e.message
              : String(e);
      setSaveState({ busy: false, message: msg, error: true });
    }
  }

  function newCase() {
    if (!mayDiscard("A new case")) return;
    setC(emptyCase(newCaseId()));
    setSaved(null);
    setExtraction(null);
    setSaveState({ busy: false, message: null, error: false });
    history.replaceState(null, "", "/");
  }

  const dirty = !saved || saved.json !== JSON.stringify(c);

  if (atlasError)
    return (
      <main className="fatal">
        <h1>Locus</h1>
        <p role="alert">The atlas could not be loaded from the service: {atlasError}</p>
      </main>
    );
  if (!atlas) return <main className="loading">Loading the atlas…</main>;

  const top = shown?.analysis.hypotheses[selected];
  return (
    <div className="app">
      <header className="top">
        <h1>
          Locus <span className="tagline">where is the lesion, what is it, which test next</span>
        </h1>
        <div className="casebar">
          <label>
            Case id{" "}
            <input
              value={c.id}
              size={22}
              pattern="[A-Za-z0-9][A-Za-z0-9._-]*"
              onChange={(e) => {
                setC({ ...c, id: e.currentTarget.value });
                setSaved(null);
              }}
            />
          </label>
          <button type="button" className="primary" onClick={save} disabled={saveState.busy || !c.id}>
            {saved ? "Save revision" : "Save"}
          </button>
          <span
            className={`save-state${saveState.error ? " error" : ""}`}
            role="status"
            data-testid="save-state"
          >
            {saveState.message ?? (dirty ? "Not saved" : `Saved, revision ${saved?.revision}`)}
          </span>
          <button type="button" onClick={newCase}>
            New case
          </button>
          <fieldset className="exports">
            <legend className="sr-only">Export the report</legend>
            <button type="button" disabled={!shown} onClick={() => window.print()}>
              Print
            </button>
            {REPORT_FORMATS.map(({ format, label }) => (
              <button
                key={format}
                type="button"
                disabled={!shown}
                data-testid={`report-${format}`}
                onClick={() =>
                  fetchReport(c, format).then(
                    (blob) => download(`${c.id}-report.${format}`, blob),
                    (e: Error) =>
                      setSaveState({ busy: false, message: `Report (${label}): ${e.message}`, error: true }),
                  )
                }
              >
                {label}
              </button>
            ))}
            <button
              type="button"
              onClick={() =>
                api.fhirReport(c).then(
                  (b) =>
                    download(
                      `${c.id}.fhir.json`,
                      new Blob([JSON.stringify(b, null, 2)], { type: "application/fhir+json" }),
                    ),
                  (e: Error) =>
                    setSaveState({ busy: false, message: `FHIR export: ${e.message}`, error: true }),
                )
              }
            >
              FHIR JSON
            </button>
          </fieldset>
        </div>
        {atlas.version !== BUNDLED_ATLAS_VERSION && (
          <p role="alert" className="error">
            The service's atlas ({atlas.version}) differs from the page's ({BUNDLED_ATLAS_VERSION}): rebuild
            the page.
          </p>
        )}
      </header>
      <main className="columns">
        <div className="entry">
          <div role="tablist" aria-label="Case entry" className="tabs">
            {TABS.map(([id, label]) => (
              <button
                key={id}
                role="tab"
                type="button"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id)}
                onKeyDown={(e) => {
                  const i = TABS.findIndex((t) => t[0] === tab);
                  const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
                  if (!d) return;
                  const next = TABS[(i + d + TABS.length) % TABS.length]![0];
                  setTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
            {tab === "exam" && (
              <div className="two">
                <StrengthGrid c={c} atlas={atlas} territory={territory} onChange={change} />
                <ReflexGrid c={c} atlas={atlas} onChange={change} />
              </div>
            )}
            {tab === "sensation" && <BodyMap c={c} atlas={atlas} territory={territory} onChange={change} />}
            {tab === "electro" && (
              <>
                <EmgTable c={c} atlas={atlas} territory={territory} onChange={change} />
                <NcsTable c={c} atlas={atlas} onChange={change} />
              </>
            )}
            {tab === "history" && (
              <>
                <History c={c} onChange={change} />
                <OtherFindings c={c} onChange={change} />
              </>
            )}
            {tab === "note" && (
              <NotePaste
                extraction={extraction}
                onFilled={(filled, x, note) => {
                  if (
                    c.findings.length > 0 &&
                    !window.confirm("Replace the findings in the form with those read from the note?")
                  )
                    return;
                  change({ ...filled, id: c.id });
                  setExtraction({ note, extraction: x });
                }}
              />
            )}
          </div>
          {!local.ok && (
            <div role="alert" className="panel error-list">
              <h3>The case has problems; the results show the last valid state</h3>
              <ul>
                {local.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: errors may repeat
                  <li key={i}>
                    <code>{e.path.join(".")}</code>: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <CaseList
            currentId={c.id}
            savedRevision={saved?.revision ?? null}
            refresh={refresh}
            onOpen={(id, r) => void open(id, r)}
          />
        </div>
        <div
          className="results-col"
          data-testid="results"
          data-updates={updates.current}
          data-findings={shown?.case.findings.length ?? 0}
          data-ms={local.ms.toFixed(1)}
        >
          <p className="print-only">
            Case {c.id}
            {saved ? `, revision ${saved.revision}` : ", not saved"}
            {c.patient?.age !== undefined ? `; ${c.patient.age} years` : ""}
            {c.patient?.sex ? `, ${c.patient.sex}` : ""}. Atlas {atlas.version}. Decision support, not a
            diagnosis.
          </p>
          {shown && <RedFlags differential={shown.analysis.differential} />}
          {shown && <Results localization={shown.analysis} selected={selected} onSelect={setSelected} />}
          <section aria-labelledby="picture-h" className="panel picture">
            <h2 id="picture-h">The lesion shown{top ? `: ${hypothesisWords(top.lesions)}` : ""}</h2>
            <div className="picture-row">
              <Schematic
                atlas={atlas}
                territory={territory}
                title={top ? hypothesisWords(top.lesions) : ""}
              />
              <BodyMap c={c} atlas={atlas} territory={territory} onChange={change} readOnly />
            </div>
            <MusclesReached atlas={atlas} territory={territory} />
          </section>
          {shown && <Differential differential={shown.analysis.differential} />}
          <NextTests
            plan={plan.plan}
            status={plan.status}
            error={plan.error}
            onAdd={(f) => change(addFinding(c, f))}
          />
        </div>
      </main>
      <footer>
        Decision support, not a diagnosis. Atlas {atlas.version}. Body map and schematic are Locus's own
        drawings.
      </footer>
    </div>
  );
}

/** The muscles the lesion shown reaches (at least a third of their supply), by side. */
function MusclesReached({
  atlas,
  territory,
}: {
  atlas: AtlasOverview;
  territory: ReturnType<typeof territoryOf>;
}) {
  const bySide = new Map<string, string[]>();
  for (const m of atlas.muscles)
    for (const side of ["right", "left"] as const) {
      const share = territory.muscles.get(`${side}:${m.id}`) ?? 0;
      if (share >= 1 / 3) bySide.set(side, [...(bySide.get(side) ?? []), m.name]);
    }
  if (bySide.size === 0) return null;
  return (
    <details className="muscles-reached" data-testid="muscles-reached">
      <summary>
        Muscles reached (a third of their supply or more):{" "}
        {[...bySide].map(([side, names]) => `${names.length} ${side}`).join(", ")}
      </summary>
      {[...bySide].map(([side, names]) => `${side}: ${names.join(", ")}`).join("; ")}.
    </details>
  );
}

const atlasStub: AtlasOverview = {
  version: "",
  roots: [],
  plexus: [],
  nerves: [],
  sites: [],
  movements: [],
  muscles: [],
  reflexes: [],
  regions: [],
  studies: [],
};
