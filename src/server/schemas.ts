/**
 * Request and response schemas for the OpenAPI document. Requests reuse the library's own zod
 * schema (`locusCase`); responses mirror the library's types.
 */
import { z } from "zod";
import { locusCase as caseSchema, LEVELS, SIDES } from "../case/schema.js";

/**
 * Schemas with an `id` are written once under components.schemas and referenced by $ref. The case
 * schema is the library's own, named here for the document only.
 */
export const locusCase = caseSchema.meta({ id: "LocusCase" });

export const issue = z
  .object({
    path: z
      .array(z.union([z.string(), z.number()]))
      .describe('where the problem is, e.g. ["findings", 2, "mrc"]'),
    message: z.string(),
    expected: z.string().optional(),
    found: z.unknown().optional(),
    suggestions: z.array(z.string()).optional(),
    line: z.number().int().optional().describe("1-based line in the body, when known"),
    column: z.number().int().optional(),
  })
  .meta({ id: "Issue" });

export const problem = z
  .object({
    error: z.object({
      status: z.number().int(),
      code: z.string(),
      message: z.string(),
      issues: z.array(issue).optional(),
    }),
  })
  .describe("Every error answer has this shape.")
  .meta({ id: "Problem" });

export const note = z.strictObject({ note: z.string().min(1).describe("a clinic note in free text") });

export const caseOrNote = z.union([locusCase, note]);

const reason = z.object({
  finding: z.number().int(),
  side: z.enum(["left", "right"]).optional(),
  text: z.string(),
  weight: z.number(),
});

const lesion = z.object({ level: z.enum(LEVELS), sites: z.array(z.string()), side: z.enum(SIDES) });

export const hypothesis = z
  .object({
    lesions: z.array(lesion),
    probability: z.number(),
    explains: z.array(reason),
    against: z.array(reason),
    unexplained: z.array(reason),
    detail: z.array(z.string()),
    score: z.number(),
  })
  .meta({ id: "Hypothesis" });

/** The one analysis (src/analysis/assemble.ts), as the CLI's `localize --format json` prints it. */
export const analysisShape = z
  .object({
    status: z
      .enum(["ok", "not_enough"])
      .describe("not_enough: no abnormal finding; `differential.notEnough` says what to examine first"),
    atlasVersion: z.string(),
    caseId: z.string().optional(),
    hypotheses: z.array(hypothesis).describe("where the lesion is, most probable first, reasons in words"),
    other: z.number().describe("probability of the hypotheses searched but not listed"),
    undecided: z
      .object({ between: z.array(z.number().int()) })
      .optional()
      .describe("the findings cannot separate these hypotheses (indices)"),
    searched: z.number().int(),
    skipped: z.array(z.object({ finding: z.number().int(), why: z.string() })).optional(),
    differential: z.unknown().describe("ranked conditions with reasons, red flags and the work-up"),
    plan: z.unknown().describe("the next tests, best first, weighed on the same candidates as `hypotheses`"),
  })
  .meta({ id: "Analysis" });

export const analysisAnswer = analysisShape.extend({
  case: locusCase.describe("the case after normalisation"),
  normalisations: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
  extraction: z.unknown().optional().describe("present when a note was sent: what was extracted, with spans"),
  report: z.object({ text: z.string() }).optional().describe("with ?text=1: the text report"),
});

export const validation = z.object({
  ok: z.boolean(),
  case: locusCase.optional(),
  normalisations: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
  errors: z.array(issue).optional(),
});

export const storedReport = z.object({
  atlasVersion: z.string().describe("the atlas version the report was made with"),
  createdAt: z.string(),
  body: z.unknown(),
});

const archivedAt = z
  .string()
  .nullable()
  .describe("when the case was archived (deleted, recoverably); null when it is not archived");

export const caseRecord = z.object({
  id: z.string(),
  revision: z.number().int(),
  createdAt: z.string(),
  author: z.string().nullable().describe("who saved this revision: the bearer token's name, or local"),
  case: locusCase,
  report: storedReport.nullable(),
  archivedAt,
});

export const caseArchiveState = z.object({ id: z.string(), revision: z.number().int(), archivedAt });

export const caseList = z.object({
  cases: z.array(
    z.object({
      id: z.string(),
      revision: z.number().int(),
      createdAt: z.string(),
      updatedAt: z.string(),
      archivedAt,
    }),
  ),
  next: z.string().nullable().describe("pass as ?after= for the next page"),
});

export const revisionList = z.object({
  id: z.string(),
  revisions: z.array(
    z.object({
      revision: z.number().int(),
      createdAt: z.string(),
      author: z.string().nullable(),
      atlasVersion: z.string().nullable(),
    }),
  ),
});

export const caseIdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
    .describe("case id"),
});

export const health = z.object({ status: z.string() }).catchall(z.unknown());

export const fhirResource = z.object({ resourceType: z.string() }).catchall(z.unknown());
