import { z } from "zod";
import type { Issue } from "../../case/index.js";
import { caseToBundle } from "../../fhir/index.js";
import { HttpError } from "../errors.js";
import { fhirLocalize, readBundle } from "../fhir.js";
import { readJson } from "../http.js";
import { fhirResource, issue as issueSchema, locusCase } from "../schemas.js";
import { readCase } from "./input.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

const FHIR_JSON = "application/fhir+json";
const bundleBody = {
  body: {
    required: true,
    content: { [FHIR_JSON]: { schema: fhirResource }, "application/json": { schema: fhirResource } },
  },
};

const fhirJson = (body: unknown, status: 200 = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": `${FHIR_JSON}; charset=utf-8` } });

function bundleErrors(r: { stage: "bundle" | "case"; errors: Issue[] }): never {
  throw new HttpError(
    400,
    r.stage === "bundle" ? "invalid_bundle" : "invalid_case",
    r.stage === "bundle"
      ? "the body is not a FHIR R4 Bundle Locus can read"
      : "the Observations do not make a valid case (paths point into the Bundle)",
    r.errors,
  );
}

export const fhirRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/api/v1/fhir/localize",
    summary:
      "A FHIR R4 Bundle of Observations in; a Bundle with a DiagnosticReport and a ClinicalImpression out",
    tags: ["fhir"],
    request: bundleBody,
    responses: {
      200: {
        description: "Bundle (collection): DiagnosticReport, ClinicalImpression",
        content: { [FHIR_JSON]: { schema: fhirResource } },
      },
      ...problemResponses,
    },
    handler: async (c, { engine, config }) => {
      const input = await readJson(c);
      const answer = fhirLocalize(engine, input, {
        caseUrl: (id) => `${config.publicUrl}/cases/${encodeURIComponent(id)}`,
      });
      if (!answer.ok) bundleErrors(answer);
      if (answer.warnings.length) c.header("X-Locus-Warnings", String(answer.warnings.length));
      return fhirJson(answer.bundle);
    },
  },
  {
    method: "post",
    path: "/api/v1/fhir/case",
    summary: "A FHIR R4 Bundle of Observations as a LocusCase, with what could not be read",
    tags: ["fhir"],
    request: bundleBody,
    responses: {
      200: json(z.object({ case: locusCase, warnings: z.array(issueSchema) }), "the case"),
      ...problemResponses,
    },
    handler: async (c, { engine }) => {
      const read = readBundle(engine, await readJson(c));
      if (!read.ok) bundleErrors(read);
      return c.json({ case: read.case, warnings: read.warnings });
    },
  },
  {
    method: "post",
    path: "/api/v1/fhir/observations",
    summary: "A LocusCase as a FHIR R4 Bundle of Observations (reads back unchanged)",
    tags: ["fhir"],
    request: { body: { required: true, content: { "application/json": { schema: locusCase } } } },
    responses: {
      200: { description: "Bundle (collection)", content: { [FHIR_JSON]: { schema: fhirResource } } },
      ...problemResponses,
    },
    handler: async (c, { engine }) => {
      const { input } = await readCase(c, engine, { notes: false });
      return fhirJson(caseToBundle(input as z.infer<typeof locusCase>));
    },
  },
];
