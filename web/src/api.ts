/** The service's API as the page uses it. Every failure becomes an ApiError with the service's words. */
import type {
  AnalysisAnswer,
  AtlasOverview,
  CaseRecord,
  CaseSummary,
  Extraction,
  Issue,
  LocusCase,
  Revision,
} from "./types.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface Problem {
  error?: { message?: string; issues?: Issue[] };
}

async function call<T>(path: string, init: RequestInit = {}): Promise<{ body: T; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, "the Locus service cannot be reached");
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!res.ok) {
    const p = (body ?? {}) as Problem;
    throw new ApiError(res.status, p.error?.message ?? `the service answered ${res.status}`, p.error?.issues);
  }
  return { body: body as T, headers: res.headers };
}

/** A case's archive state after DELETE or restore. */
export interface ArchiveState {
  id: string;
  revision: number;
  archivedAt: string | null;
}

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export const api = {
  atlas: async () => (await call<AtlasOverview>("/api/v1/atlas")).body,
  analyse: async (c: LocusCase, signal?: AbortSignal) =>
    (await call<AnalysisAnswer>("/api/v1/localize", { ...json("POST", c), ...(signal ? { signal } : {}) }))
      .body,
  extract: async (note: string) =>
    (await call<{ extraction: Extraction }>("/api/v1/extract", json("POST", { note }))).body.extraction,
  list: async () => (await call<{ cases: CaseSummary[] }>("/api/v1/cases?limit=200")).body.cases,
  open: async (id: string, revision?: number) =>
    (
      await call<CaseRecord>(
        `/api/v1/cases/${encodeURIComponent(id)}${revision ? `?revision=${revision}` : ""}`,
      )
    ).body,
  revisions: async (id: string) =>
    (await call<{ revisions: Revision[] }>(`/api/v1/cases/${encodeURIComponent(id)}/revisions`)).body
      .revisions,
  create: async (c: LocusCase) => (await call<CaseRecord>("/api/v1/cases", json("POST", c))).body,
  update: async (id: string, c: LocusCase, baseRevision: number | undefined) =>
    (
      await call<CaseRecord>(
        `/api/v1/cases/${encodeURIComponent(id)}`,
        json("PUT", c, baseRevision ? { "if-match": `"${baseRevision}"` } : {}),
      )
    ).body,
  /** The archived ("deleted") cases, which the plain list leaves out. */
  listArchived: async () =>
    (await call<{ cases: CaseSummary[] }>("/api/v1/cases?limit=200&archived=1")).body.cases,
  /** Delete a case by archiving it; nothing is erased and `restore` undoes it. */
  archive: async (id: string) =>
    (await call<ArchiveState>(`/api/v1/cases/${encodeURIComponent(id)}`, { method: "DELETE" })).body,
  restore: async (id: string) =>
    (await call<ArchiveState>(`/api/v1/cases/${encodeURIComponent(id)}/restore`, { method: "POST" })).body,
  /** The case as FHIR Observations, then the DiagnosticReport and ClinicalImpression made from them. */
  fhirReport: async (c: LocusCase) => {
    const observations = (await call<unknown>("/api/v1/fhir/observations", json("POST", c))).body;
    return (
      await call<unknown>("/api/v1/fhir/localize", {
        method: "POST",
        headers: { "content-type": "application/fhir+json" },
        body: JSON.stringify(observations),
      })
    ).body;
  },
};
