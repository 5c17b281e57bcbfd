import type { RouteSpec } from "./types.js";

/**
 * PLACEHOLDER until the web page issue lands: a plain page that says what the service is and
 * where its API is described. The page issue replaces this route.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Locus (placeholder page)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; line-height: 1.5">
<p><strong>Placeholder page.</strong> The Locus web page is built in a later issue and replaces this one.</p>
<h1>Locus</h1>
<p>Where is the lesion in this leg, what is it, and which test settles it next?</p>
<ul>
<li>API description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></li>
<li>Saved cases: <a href="/api/v1/cases">/api/v1/cases</a></li>
<li>CDS Hooks discovery: <a href="/cds-services">/cds-services</a></li>
<li>Health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a></li>
</ul>
<p>Decision support, not a diagnosis.</p>
</body></html>`;

export const pageRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/",
    summary: "The page (a clearly labelled placeholder until the page issue lands)",
    tags: ["page"],
    public: true,
    responses: { 200: { description: "HTML", content: { "text/html": { schema: { type: "string" } } } } },
    handler: (c) => c.html(PAGE),
  },
  {
    method: "get",
    path: "/cases/{id}",
    summary: "Open a saved case on the page (placeholder: redirects to the case's JSON)",
    tags: ["page"],
    public: true,
    responses: { 302: { description: "to the case" } },
    handler: (c) => c.redirect(`/api/v1/cases/${encodeURIComponent(c.req.param("id") ?? "")}`, 302),
  },
];
