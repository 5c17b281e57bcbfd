import type { LocusCase } from "../../case/schema.js";
import { analyse, StageMissing } from "../analysis.js";
import { caseFromExtraction, type Engine } from "../engine.js";
import { HttpError } from "../errors.js";
import { JSON_TYPES, readBody, readJson, TEXT_TYPES } from "../http.js";
import { analysis, caseOrNote, localization, note, validation } from "../schemas.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The case from a body: a LocusCase, or a note (JSON {"note"} or text/plain) run through extraction. */
async function caseFromBody(
  engine: Engine,
  body: { kind: "json"; value: unknown } | { kind: "text"; value: string },
): Promise<{ input: unknown; extraction?: unknown }> {
  const noteText =
    body.kind === "text"
      ? body.value
      : isRecord(body.value) && typeof body.value.note === "string" && !("format" in body.value)
        ? body.value.note
        : undefined;
  if (noteText === undefined) return { input: body.value };
  if (!noteText.trim()) throw new HttpError(400, "empty_note", "the note is empty");
  if (!engine.extract)
    throw new HttpError(
      422,
      "not_available",
      "note extraction is not available in this build of Locus; send a LocusCase",
    );
  const extraction = engine.extract(noteText);
  return { input: caseFromExtraction(extraction), extraction };
}

export function parseOr400(engine: Engine, input: unknown) {
  const parsed = engine.parseCase(input);
  if (!parsed.ok)
    throw new HttpError(400, "invalid_case", "the case does not match the LocusCase format", parsed.errors);
  return parsed;
}

function requireStage<T>(stage: T | undefined, name: string): T {
  if (!stage) throw new HttpError(422, "not_available", `${name} is not available in this build of Locus`);
  return stage;
}

const caseBody = {
  body: {
    required: true,
    content: {
      "application/json": { schema: caseOrNote },
      "text/plain": { schema: { type: "string" as const, description: "a clinic note" } },
    },
  },
};

export const analysisRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/api/v1/localize",
    summary: "Localize a case or a note: localization, differential, next tests and a report in one answer",
    tags: ["analysis"],
    request: caseBody,
    responses: {
      200: json(analysis, "the analysis"),
      ...problemResponses,
      422: json(analysis, "a stage this answer needs is not available in this build"),
    },
    handler: async (c, { engine }) => {
      const { input, extraction } = await caseFromBody(
        engine,
        await readBody(c, [...JSON_TYPES, ...TEXT_TYPES]),
      );
      const parsed = parseOr400(engine, input);
      try {
        const a = analyse(engine, parsed.case);
        return c.json({
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
      } catch (error) {
        if (error instanceof StageMissing) throw new HttpError(422, "not_available", error.message);
        throw error;
      }
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
    responses: { 200: json(validation, "what was extracted"), ...problemResponses },
    handler: async (c, { engine }) => {
      const body = await readBody(c, [...JSON_TYPES, ...TEXT_TYPES]);
      const text =
        body.kind === "text"
          ? body.value
          : isRecord(body.value) && typeof body.value.note === "string"
            ? body.value.note
            : undefined;
      if (text === undefined)
        throw new HttpError(400, "invalid_note", 'send {"note": "..."} as JSON or the note as text/plain', [
          { path: "$.note", message: "a clinic note is required", expected: "string" },
        ]);
      if (!text.trim()) throw new HttpError(400, "empty_note", "the note is empty");
      const extract = requireStage(engine.extract, "note extraction");
      return c.json({ extraction: extract(text) });
    },
  },
  {
    method: "post",
    path: "/api/v1/validate",
    summary: "Check a case: normalised ids, warnings, or every error with its JSON path",
    tags: ["analysis"],
    request: { body: { required: true, content: { "application/json": { schema: caseOrNote } } } },
    responses: { 200: json(validation, "the case is valid"), 400: json(validation, "the case is invalid") },
    handler: async (c, { engine }) => {
      const input = await readJson(c);
      const parsed = engine.parseCase(input);
      if (!parsed.ok)
        return c.json(
          { ok: false, errors: parsed.errors, warnings: parsed.warnings, normalisations: [] },
          400,
        );
      return c.json({
        ok: true,
        case: parsed.case,
        normalisations: parsed.normalisations,
        warnings: parsed.warnings,
      });
    },
  },
  {
    method: "post",
    path: "/api/v1/plan",
    summary: "The next tests for a case, ranked by how well they separate the leading localizations",
    tags: ["analysis"],
    request: caseBody,
    responses: {
      200: json(localization, "the plan, with the localization it was made from"),
      ...problemResponses,
    },
    handler: async (c, { engine }) => {
      const { input } = await caseFromBody(engine, await readBody(c, [...JSON_TYPES, ...TEXT_TYPES]));
      const parsed = parseOr400(engine, input);
      const localize = requireStage(engine.localize, "localize");
      const plan = requireStage(engine.plan, "the test planner");
      const c2: LocusCase = parsed.case;
      const loc = localize(c2);
      return c.json({ atlasVersion: engine.atlasVersion, plan: plan(c2, loc), localization: loc });
    },
  },
];
