import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type ArchiveState, CASE_ID, ConflictError, NotFoundError } from "../../store/repository.js";
import { savedReport } from "../analysis.js";
import { issue } from "../engine.js";
import { HttpError } from "../errors.js";
import { positiveInt } from "../http.js";
import { caseArchiveState, caseIdParam, caseList, caseRecord, locusCase, revisionList } from "../schemas.js";
import type { Deps } from "../types.js";
import { readCase, type ValidCase } from "./input.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

/** The report saved beside a revision, made now, with the atlas version it was made with. */
const reportFor = (deps: Deps, parsed: ValidCase) =>
  savedReport(deps.engine, parsed, (error) =>
    deps.logger.error({ err: { name: error.name } }, "analysis failed while saving a case"),
  );

function caseId(c: { req: { param(name: string): string | undefined } }): string {
  const id = c.req.param("id") ?? "";
  if (!CASE_ID.test(id))
    throw new HttpError(400, "invalid_id", "a case id is 1 to 128 letters, digits, '.', '_' or '-'", [
      issue(["id"], "not a valid case id", { expected: CASE_ID.source, found: id.slice(0, 200) }),
    ]);
  return id;
}

/** `If-Match: "3"` or `If-Match: 3`: the revision the client edited. */
function baseRevision(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, "invalid_if_match", 'If-Match must be the revision number, e.g. "3"');
  return Number(m[1]);
}

const etag = (revision: number) => `"${revision}"`;

/** Archive or restore: the state after it, or 404 naming the id. */
async function setArchived(
  c: Parameters<RouteSpec["handler"]>[0],
  change: (id: string, author: string) => Promise<ArchiveState>,
): Promise<Response> {
  const id = caseId(c);
  try {
    return c.json(await change(id, c.get("tokenName") ?? "local"));
  } catch (error) {
    if (error instanceof NotFoundError) throw new HttpError(404, "not_found", `no case ${id}`);
    throw error;
  }
}

const archiveResponses = {
  200: json(caseArchiveState, "the case's archive state now"),
  404: problemResponses[400],
  ...problemResponses,
};

export const caseRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/api/v1/cases",
    summary: "Save a new case (revision 1) with its report; answers once the save is durable",
    description:
      "The store id is the case's own `id` when it is a valid path segment, otherwise a new UUID. An id that exists answers 409: use PUT to add a revision.",
    tags: ["cases"],
    request: { body: { required: true, content: { "application/json": { schema: locusCase } } } },
    responses: {
      201: json(caseRecord, "saved"),
      ...problemResponses,
      409: problemResponses[400],
    },
    handler: async (c, deps) => {
      const { input, parsed } = await readCase(c, deps.engine, { notes: false });
      const report = reportFor(deps, parsed);
      const own =
        typeof (input as { id?: unknown }).id === "string" ? (input as { id: string }).id : undefined;
      const id = own && CASE_ID.test(own) ? own : randomUUID();
      try {
        const saved = await deps.repo.create(id, {
          case: input,
          report,
          author: c.get("tokenName") ?? "local",
        });
        c.set("caseId", id);
        c.header("Location", `/api/v1/cases/${encodeURIComponent(id)}`);
        c.header("ETag", etag(saved.revision));
        return c.json(saved, 201);
      } catch (error) {
        if (error instanceof ConflictError) {
          const archived = (await deps.repo.get(id))?.archivedAt
            ? ` (archived: POST /api/v1/cases/${id}/restore brings it back)`
            : "";
          throw new HttpError(
            409,
            "conflict",
            `case ${id} exists${archived}; PUT /api/v1/cases/${id} saves a new revision`,
          );
        }
        throw error;
      }
    },
  },
  {
    method: "get",
    path: "/api/v1/cases",
    summary: "List saved cases by id",
    tags: ["cases"],
    request: {
      query: z.object({
        limit: z.string().optional().describe("1 to 1000, default 100"),
        after: z.string().optional().describe("the last id of the previous page"),
        archived: z.enum(["0", "1"]).optional().describe("1 lists the archived (deleted) cases instead"),
      }),
    },
    responses: { 200: json(caseList, "a page of cases"), ...problemResponses },
    handler: async (c, { repo }) => {
      const limit = positiveInt(c.req.query("limit"), "limit") ?? 100;
      const after = c.req.query("after");
      if (after !== undefined && after.length > 128)
        throw new HttpError(400, "invalid_parameter", "after is a case id");
      const archived = c.req.query("archived");
      if (archived !== undefined && archived !== "0" && archived !== "1")
        throw new HttpError(400, "invalid_parameter", `archived is 0 or 1, not ${archived.slice(0, 20)}`);
      const cases = await repo.list({ limit, ...(after ? { after } : {}), archived: archived === "1" });
      const last = cases.at(-1);
      return c.json({ cases, next: cases.length === Math.min(limit, 1000) && last ? last.id : null });
    },
  },
  {
    method: "get",
    path: "/api/v1/cases/{id}",
    summary: "A saved case at its latest revision (or ?revision=n), with the report saved with it",
    description: "An archived (deleted) case still opens here; its `archivedAt` says when it was archived.",
    tags: ["cases"],
    request: { params: caseIdParam, query: z.object({ revision: z.string().optional() }) },
    responses: { 200: json(caseRecord, "the case"), 404: problemResponses[400], ...problemResponses },
    handler: async (c, { repo }) => {
      const id = caseId(c);
      const revision = positiveInt(c.req.query("revision"), "revision");
      const found = await repo.get(id, revision);
      if (!found)
        throw new HttpError(404, "not_found", `no case ${id}${revision ? ` at revision ${revision}` : ""}`);
      c.header("ETag", etag(found.revision));
      return c.json(found);
    },
  },
  {
    method: "put",
    path: "/api/v1/cases/{id}",
    summary: "Save a new revision of a case; earlier revisions are kept",
    description: 'Send `If-Match: "<revision>"` to save only if nobody saved in between (409 otherwise).',
    tags: ["cases"],
    request: {
      params: caseIdParam,
      headers: z.object({ "if-match": z.string().optional() }),
      body: { required: true, content: { "application/json": { schema: locusCase } } },
    },
    responses: {
      200: json(caseRecord, "saved as a new revision"),
      404: problemResponses[400],
      409: problemResponses[400],
      ...problemResponses,
    },
    handler: async (c, deps) => {
      const id = caseId(c);
      const base = baseRevision(c.req.header("if-match"));
      const { input, parsed } = await readCase(c, deps.engine, { notes: false });
      // A case that names another case is most likely sent to the wrong URL: refuse rather than mix histories.
      if (CASE_ID.test(parsed.case.id) && parsed.case.id !== id)
        throw new HttpError(
          400,
          "id_mismatch",
          `the case's id is ${parsed.case.id}, but the URL names case ${id}`,
          [
            issue(["id"], "the case's id differs from the case named in the URL", {
              expected: id,
              found: parsed.case.id,
            }),
          ],
        );
      const report = reportFor(deps, parsed);
      try {
        const saved = await deps.repo.update(id, {
          case: input,
          report,
          author: c.get("tokenName") ?? "local",
          ...(base !== undefined ? { baseRevision: base } : {}),
        });
        c.header("ETag", etag(saved.revision));
        return c.json(saved);
      } catch (error) {
        if (error instanceof NotFoundError)
          throw new HttpError(404, "not_found", `no case ${id}; POST /api/v1/cases creates one`);
        if (error instanceof ConflictError)
          throw new HttpError(409, "conflict", error.message, undefined, {
            ETag: etag(error.currentRevision ?? 0),
          });
        throw error;
      }
    },
  },
  {
    method: "get",
    path: "/api/v1/cases/{id}/revisions",
    summary: "Every revision of a case, oldest first, with the atlas version of its report",
    tags: ["cases"],
    request: { params: caseIdParam },
    responses: { 200: json(revisionList, "the revisions"), 404: problemResponses[400], ...problemResponses },
    handler: async (c, { repo }) => {
      const id = caseId(c);
      const revisions = await repo.revisions(id);
      if (!revisions) throw new HttpError(404, "not_found", `no case ${id}`);
      return c.json({ id, revisions });
    },
  },
  {
    method: "delete",
    path: "/api/v1/cases/{id}",
    summary: "Delete a case by archiving it: it leaves the list, every revision is kept, restore undoes it",
    description:
      "Nothing is erased: the case still opens by id (with `archivedAt`), `GET /api/v1/cases?archived=1` lists it, and `POST /api/v1/cases/{id}/restore` brings it back. Archiving an archived case changes nothing.",
    tags: ["cases"],
    request: { params: caseIdParam },
    responses: archiveResponses,
    handler: (c, { repo }) => setArchived(c, (id, author) => repo.archive(id, author)),
  },
  {
    method: "post",
    path: "/api/v1/cases/{id}/restore",
    summary: "Restore an archived case to the case list",
    tags: ["cases"],
    request: { params: caseIdParam },
    responses: archiveResponses,
    handler: (c, { repo }) => setArchived(c, (id, author) => repo.restore(id, author)),
  },
];
