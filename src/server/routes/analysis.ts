import type { Context } from "hono";
import { z } from "zod";
import { analyse, answerOf } from "../analysis.js";
import { type Answer, gzip, ResponseCache, utf8 } from "../cache.js";
import { issue } from "../engine.js";
import { HttpError } from "../errors.js";
import { JSON_TYPES, readBody, TEXT_TYPES, tryJson } from "../http.js";
import { analysisAnswer, caseOrNote, note, validation } from "../schemas.js";
import { withCommonHeaders } from "../security.js";
import type { AppEnv } from "../types.js";
import { caseFromBody } from "./input.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

/** A finished answer from its UTF-8 bytes, gzipped when the client accepts it. */
function send(
  c: Context<AppEnv>,
  key: string,
  answer: Answer,
  cache: ResponseCache | undefined,
  state: "hit" | "miss",
) {
  const own: Record<string, string> = {
    "content-type": "application/json",
    "x-locus-cache": cache ? state : "off",
    vary: "Accept-Encoding",
  };
  const gzipped = /\bgzip\b/i.test(c.req.header("accept-encoding") ?? "");
  if (gzipped) own["content-encoding"] = "gzip";
  const bytes = gzipped ? (cache ? cache.gzipped(key, answer) : gzip(answer.raw)) : answer.raw;
  // A Response of our own with plain headers, all of them (security.ts withCommonHeaders).
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: withCommonHeaders(c, own) });
}

function requireStage<T>(stage: T | undefined, name: string): T {
  if (!stage) throw new HttpError(422, "not_available", `${name} is not available in this build of Locus`);
  return stage;
}

const caseOrNoteBody = {
  body: {
    required: true,
    content: {
      "application/json": { schema: caseOrNote },
      "text/plain": { schema: { type: "string" as const, description: "a clinic note" } },
    },
  },
};

const notAvailable = json(
  problemResponses[400].content["application/json"].schema,
  "note extraction is not in this build",
);

const textQuery = {
  query: z.object({
    text: z.enum(["0", "1"]).optional().describe("1: add the text report as `report.text`"),
  }),
};

/**
 * /localize and /plan: one analysis, one answer (src/analysis/assemble.ts), cached by the request.
 * They differ only in their name: both answer the whole analysis.
 */
const analysisHandler: RouteSpec["handler"] = async (c, { engine, cache }) => {
  const body = await readBody(c, [...JSON_TYPES, ...TEXT_TYPES]);
  const text = c.req.query("text") === "1";
  const key = ResponseCache.key(
    "analysis",
    engine.atlasVersion,
    `${body.kind}${text ? "+text" : ""}`,
    body.kind === "json" ? body.text : body.value,
  );
  const hit = cache?.get(key);
  if (hit !== undefined) return send(c, key, hit, cache, "hit");
  const { parsed, extraction } = caseFromBody(body, engine, { notes: true });
  const answer = JSON.stringify(answerOf(analyse(engine, parsed.case), { ...parsed, extraction }, { text }));
  const bytes = cache ? cache.set(key, answer) : { raw: utf8(answer) };
  return send(c, key, bytes, cache, "miss");
};

export const analysisRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/api/v1/localize",
    summary: "Localize a case or a note: localization, differential, next tests and a report in one answer",
    tags: ["analysis"],
    request: { ...caseOrNoteBody, ...textQuery },
    responses: { 200: json(analysisAnswer, "the analysis"), ...problemResponses, 422: notAvailable },
    handler: analysisHandler,
  },
  {
    method: "post",
    path: "/api/v1/extract",
    summary: "Turn a clinic note into a LocusCase, with the text span behind every finding",
    tags: ["analysis"],
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: note },
          "text/plain": { schema: { type: "string" as const } },
        },
      },
    },
    responses: { 200: json(validation, "what was extracted"), ...problemResponses, 422: notAvailable },
    handler: async (c, { engine }) => {
      const body = await readBody(c, [...JSON_TYPES, ...TEXT_TYPES]);
      let text: string | undefined;
      if (body.kind === "text") text = body.value;
      else {
        const j = tryJson(body.text);
        if (
          j.ok &&
          typeof j.value === "object" &&
          j.value !== null &&
          typeof (j.value as { note?: unknown }).note === "string"
        )
          text = (j.value as { note: string }).note;
      }
      if (text === undefined)
        throw new HttpError(400, "invalid_note", 'send {"note": "..."} as JSON or the note as text/plain', [
          issue(["note"], "a clinic note is required", { expected: "a string" }),
        ]);
      if (!text.trim()) throw new HttpError(400, "empty_note", "the note is empty");
      const extract = requireStage(engine.extract, "note extraction");
      return c.json({ extraction: extract(text) });
    },
  },
  {
    method: "post",
    path: "/api/v1/validate",
    summary:
      "Check a case: normalised ids, warnings, or every error with its JSON path (as `locus validate --json`)",
    tags: ["analysis"],
    request: { body: { required: true, content: { "application/json": { schema: caseOrNote } } } },
    responses: { 200: json(validation, "the case is valid"), 400: json(validation, "the case is invalid") },
    handler: async (c, { engine }) => {
      const body = await readBody(c, JSON_TYPES);
      const text = body.kind === "json" ? body.text : body.value;
      const r = engine.parseCaseText(text);
      if (!r.ok)
        return c.json({ ok: false, errors: r.errors, warnings: r.warnings, normalisations: [] }, 400);
      return c.json({ ok: true, case: r.case, normalisations: r.normalisations, warnings: r.warnings });
    },
  },
  {
    method: "post",
    path: "/api/v1/plan",
    summary: "The same answer as /localize (one analysis): read `plan` for the next tests",
    tags: ["analysis"],
    request: { ...caseOrNoteBody, ...textQuery },
    responses: { 200: json(analysisAnswer, "the analysis"), ...problemResponses, 422: notAvailable },
    handler: analysisHandler,
  },
];
