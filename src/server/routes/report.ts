/**
 * The electrodiagnostic report as a file: PDF, HTML or Markdown, of a saved case
 * (/api/v1/cases/{id}/report.pdf, .html, .md; ?revision=n for an earlier one) or of a case sent in
 * the body (POST /api/v1/report?format=pdf), for a case not yet saved. The header fields the case
 * does not hold may be given as query parameters: examiner, studyDate, referral.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { LocusCase } from "../../case/schema.js";
import { analyze } from "../../report/analyze.js";
import { buildReport, reportToHtml, reportToMarkdown } from "../../report/document/index.js";
import { reportToPdf } from "../../report/document/pdf.js";
import type { ReportOptions } from "../../report/document/types.js";
import { CASE_ID } from "../../store/repository.js";
import { HttpError } from "../errors.js";
import { positiveInt } from "../http.js";
import { caseIdParam, locusCase } from "../schemas.js";
import { readCase, validOr400 } from "./input.js";
import { problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

const FORMATS = {
  pdf: { type: "application/pdf", ext: "pdf" },
  html: { type: "text/html; charset=utf-8", ext: "html" },
  md: { type: "text/markdown; charset=utf-8", ext: "md" },
} as const;
type Format = keyof typeof FORMATS;

const headerQuery = {
  examiner: z.string().max(200).optional().describe("who performed the study (the case does not hold it)"),
  studyDate: z.string().max(40).optional().describe("the date of the study"),
  referral: z.string().max(500).optional().describe("the referral question"),
};

function options(c: Context): ReportOptions {
  const out: ReportOptions = {};
  for (const key of ["examiner", "studyDate", "referral"] as const) {
    const v = c.req.query(key);
    if (v === undefined) continue;
    if (v.length > 500) throw new HttpError(400, "invalid_parameter", `${key} is at most 500 characters`);
    out[key] = v;
  }
  return out;
}

const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 120) || "case";

async function answer(c: Context, parsed: LocusCase, format: Format): Promise<Response> {
  const report = buildReport(parsed, analyze(parsed), options(c));
  const body =
    format === "pdf"
      ? new Uint8Array(await reportToPdf(report))
      : format === "html"
        ? reportToHtml(report)
        : reportToMarkdown(report);
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": FORMATS[format].type,
      "content-disposition": `attachment; filename="${safeName(parsed.id)}-report.${FORMATS[format].ext}"`,
    },
  });
}

const fileResponse = (format: Format) => ({
  200: {
    description: `the report (${format})`,
    content: { [FORMATS[format].type]: { schema: { type: "string" as const, format: "binary" } } },
  },
  404: problemResponses[400],
  ...problemResponses,
});

const savedReport = (format: Format): RouteSpec => ({
  method: "get",
  path: `/api/v1/cases/{id}/report.${format}`,
  summary: `The electrodiagnostic report of a saved case as ${format === "md" ? "Markdown" : format.toUpperCase()}`,
  tags: ["report"],
  request: { params: caseIdParam, query: z.object({ revision: z.string().optional(), ...headerQuery }) },
  responses: fileResponse(format),
  handler: async (c, { repo, engine }) => {
    const id = c.req.param("id") ?? "";
    if (!CASE_ID.test(id))
      throw new HttpError(400, "invalid_id", "a case id is 1 to 128 letters, digits, '.', '_' or '-'");
    const revision = positiveInt(c.req.query("revision"), "revision");
    const found = await repo.get(id, revision);
    if (!found)
      throw new HttpError(404, "not_found", `no case ${id}${revision ? ` at revision ${revision}` : ""}`);
    return answer(c, validOr400(engine.parseCase(found.case)).case, format);
  },
});

export const reportRoutes: RouteSpec[] = [
  savedReport("pdf"),
  savedReport("html"),
  savedReport("md"),
  {
    method: "post",
    path: "/api/v1/report",
    summary: "The electrodiagnostic report of a case sent in the body (not saved): PDF, HTML or Markdown",
    tags: ["report"],
    request: {
      query: z.object({
        format: z.enum(["pdf", "html", "md"]).optional().describe("default pdf"),
        ...headerQuery,
      }),
      body: { required: true, content: { "application/json": { schema: locusCase } } },
    },
    responses: fileResponse("pdf"),
    handler: async (c, { engine }) => {
      const format = c.req.query("format") ?? "pdf";
      if (!(format in FORMATS))
        throw new HttpError(
          400,
          "invalid_parameter",
          `format is pdf, html or md; found ${format.slice(0, 40)}`,
        );
      const { parsed } = await readCase(c, engine, { notes: false });
      return answer(c, parsed.case, format as Format);
    },
  },
];
