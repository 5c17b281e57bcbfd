import type { Context } from "hono";
import { analyse, StageMissing } from "../analysis.js";
import { type Answer, gzip, ResponseCache } from "../cache.js";
import { issue } from "../engine.js";
import { HttpError } from "../errors.js";
import { JSON_TYPES, readBody, TEXT_TYPES, tryJson } from "../http.js";
import { analysis, caseOrNote, note, planAnswer, validation } from "../schemas.js";
import { caseFromBody, readCase } from "./input.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

type Body = ConstructorParameters<typeof Response>[0];

/** A finished answer from its UTF-8 bytes, gzipped when the client accepts it. */
function send(
  c: Context,
  key: string,
  answer: Answer,
  cache: ResponseCache | undefined,
  state: "hit" | "miss",
) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-locus-cache": cache ? state : "off",
    vary: "Accept-Encoding",
  };
  if (/\bgzip\b/i.test(c.req.header("accept-encoding") ?? "")) {
    headers["content-encoding"] = "gzip";
    const bytes = cache ? cache.gzipped(key, answer) : gzip(answer.raw);
    return new Response(bytes as unknown as Body, { status: 200, headers });
  }
  return new Response(answer.raw as unknown as Body, { status: 200, headers });
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
  "a stage this answer needs is not in this build",
);

export const analysisRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/api/v1/localize",
    summary: "Localize a case or a note: localization, differential, next tests and a report in one answer",
    tags: ["analysis"],
    request: caseOrNoteBody,
    responses: { 200: json(analysis, "the analysis"), ...problemResponses, 422: notAvailable },
    handler: async (c, { engine, cache }) => {
      const body = await readBody(c, [...JSON_TYPES, ...TEXT_TYPES]);
      const key = ResponseCache.key(
        "localize",
        engine.atlasVersion,
        body.kind,
        body.kind === "json" ? body.text : body.value,
      );
      const hit = cache?.get(key);
      if (hit !== undefined) return send(c, key, hit, cache, "hit");
      const { parsed, extraction } = caseFromBody(body, engine, { notes: true });
      let a: ReturnType<typeof analyse>;
      try {
        a = analyse(engine, parsed.case);
      } catch (error) {
        if (error instanceof StageMissing) throw new HttpError(422, "not_available", error.message);
        throw error;
      }
      const answer = JSON.stringify({
        atlasVersion: a.atlasVersion,
        case: parsed.case,
        normalisations: parsed.normalisations,
        warnings: parsed.warnings,
        ...(extraction !== undefined ? { extraction } : {}),
        localization: a.localization,
        differential: a.differential,
        plan: a.plan,
        report: a.report,
      });
      const bytes = cache ? cache.set(key, answer) : { raw: Buffer.from(answer, "utf8") };
      return send(c, key, bytes, cache, "miss");
    },
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
    summary: "The next tests for a case, ranked by how well they separate the leading localizations",
    tags: ["analysis"],
    request: caseOrNoteBody,
    responses: {
      200: json(planAnswer, "the plan, with the localization it was made from"),
      ...problemResponses,
      422: notAvailable,
    },
    handler: async (c, { engine }) => {
      const { parsed } = await readCase(c, engine, { notes: true });
      const localize = requireStage(engine.localize, "localize");
      const plan = requireStage(engine.plan, "the test planner");
      const loc = localize(parsed.case);
      return c.json({ atlasVersion: engine.atlasVersion, plan: plan(parsed.case, loc), localization: loc });
    },
  },
];
