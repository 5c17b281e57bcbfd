import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";
import { z } from "zod";
import {
  cards,
  cardsResponse,
  DISCOVERY,
  discovery,
  type HookRequest,
  hookCaseId,
  hookRequest,
  SERVICE_ID,
} from "../../cds-hooks/index.js";
import { SYSTEMS } from "../../fhir/index.js";
import { ConflictError } from "../../store/repository.js";
import { analyse, savedBody } from "../analysis.js";
import { HttpError } from "../errors.js";
import { readBundle } from "../fhir.js";
import { readJson } from "../http.js";
import type { Deps } from "../types.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

async function fetchJson(deps: Deps, req: HookRequest, path: string): Promise<unknown> {
  const f = deps.fetch ?? fetch;
  const base = (req.fhirServer ?? "").replace(/\/+$/, "");
  const headers: Record<string, string> = { accept: "application/fhir+json" };
  if (req.fhirAuthorization) headers.authorization = `Bearer ${req.fhirAuthorization.access_token}`;
  const res = await f(`${base}/${path}`, {
    headers,
    signal: AbortSignal.timeout(deps.config.fhirTimeoutMs),
    redirect: "error",
  });
  if (!res.ok) throw new Error(`FHIR server answered ${res.status}`);
  return res.json();
}

/** The patient and Observations: from prefetch, else from the FHIR server when it is one we may read. */
async function gather(deps: Deps, req: HookRequest): Promise<{ patient: unknown; observations: unknown }> {
  let patient: unknown = req.prefetch?.patient ?? undefined;
  let observations: unknown = req.prefetch?.observations ?? undefined;
  if (observations !== undefined) return { patient, observations };
  const origin = req.fhirServer ? new URL(req.fhirServer).origin : undefined;
  if (!origin || !deps.config.cdsFhirServers.includes(origin))
    throw new HttpError(
      412,
      "prefetch_required",
      req.fhirServer
        ? `prefetch "observations" and "patient" are missing and ${origin} is not in LOCUS_CDS_FHIR_SERVERS`
        : 'prefetch "observations" and "patient" are missing and no fhirServer was given',
    );
  const id = encodeURIComponent(req.context.patientId);
  try {
    observations ??= await fetchJson(deps, req, `Observation?patient=${id}&_count=500`);
    patient ??= await fetchJson(deps, req, `Patient/${id}`);
  } catch (error) {
    throw new HttpError(
      412,
      "fhir_server_unavailable",
      `could not read the FHIR server: ${(error as Error).message}`,
    );
  }
  return { patient, observations };
}

export const cdsRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/cds-services",
    summary: "CDS Hooks discovery",
    cds: true,
    tags: ["cds-hooks"],
    responses: { 200: json(discovery, "the services") },
    handler: (c) => c.json(DISCOVERY),
  },
  {
    method: "post",
    path: "/cds-services/{id}",
    cds: true,
    summary:
      "The Locus patient-view service: cards with the leading localization, differential and red flags",
    tags: ["cds-hooks"],
    request: {
      params: z.object({ id: z.literal(SERVICE_ID).describe("the service id from discovery") }),
      body: { required: true, content: { "application/json": { schema: hookRequest } } },
    },
    responses: {
      200: json(cardsResponse, "the cards"),
      ...problemResponses,
      404: problemResponses[400],
      412: problemResponses[400],
    },
    handler: async (c, deps) => {
      if (c.req.param("id") !== SERVICE_ID)
        throw new HttpError(404, "not_found", `no CDS service ${c.req.param("id") ?? ""}`);
      const parsed = hookRequest.safeParse(await readJson(c));
      if (!parsed.success)
        throw new HttpError(
          400,
          "invalid_hook_request",
          "the body is not a CDS Hooks 2.0 request",
          parsed.error.issues.map((i) => ({
            path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
            message: i.message,
          })),
        );
      const req = parsed.data;
      if (req.hook !== "patient-view")
        throw new HttpError(400, "unsupported_hook", `this service answers patient-view, not ${req.hook}`, [
          { path: ["hook"], message: "unsupported hook", expected: "patient-view", found: req.hook },
        ]);
      const { patient, observations } = await gather(deps, req);
      const entries: BundleEntry[] = [];
      if (isRecord(patient) && patient.resourceType === "Patient")
        entries.push({
          fullUrl: `Patient/${req.context.patientId}`,
          resource: patient as unknown as Resource,
        });
      if (isRecord(observations) && Array.isArray(observations.entry))
        entries.push(...(observations.entry as BundleEntry[]));
      else if (observations !== null)
        throw new HttpError(
          400,
          "invalid_prefetch",
          'prefetch "observations" must be a FHIR Bundle (a search result)',
          [{ path: ["prefetch", "observations"], message: "not a Bundle", expected: "a Bundle" }],
        );
      const caseId = hookCaseId({
        fhirServer: req.fhirServer,
        patientId: req.context.patientId,
        hookInstance: req.hookInstance,
      });
      const bundle: Bundle = {
        resourceType: "Bundle",
        type: "collection",
        identifier: { system: SYSTEMS.locusCaseId, value: caseId },
        entry: entries,
      };
      const read = readBundle(deps.engine, bundle);
      if (!read.ok || read.case.findings.length === 0) return c.json({ cards: [] });
      const analysis = analyse(deps.engine, read.case);
      try {
        await deps.repo.create(caseId, {
          case: read.case,
          author: c.get("tokenName") ?? "cds-hooks",
          report: savedBody(analysis, { normalisations: [], warnings: read.warnings }),
        });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
      const skipped = read.warnings.filter((w) => /skipped/.test(w.message)).length;
      return c.json({
        cards: cards({
          atlasVersion: analysis.atlasVersion,
          hypotheses: analysis.hypotheses,
          differential: analysis.differential,
          plan: analysis.plan,
          caseUrl: `${deps.config.publicUrl}/cases/${encodeURIComponent(caseId)}`,
          read: read.case.findings.length,
          skipped,
        }),
      });
    },
  },
];
