import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEV_CASES } from "../../paths.js";
import { pdfText } from "../../report/document/test-helpers/pdf-text.js";
import { jsonRequest, type TestApp, testApp } from "../test-helpers/app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const seed = JSON.parse(readFileSync(join(DEV_CASES, "seed-004-neoplastic-plexopathy.json"), "utf8"));

describe("the report as a file", () => {
  it("POST /api/v1/report answers a real PDF of an unsaved case, with the header fields given", async () => {
    t = await testApp();
    const res = await t.app.request(
      "/api/v1/report?format=pdf&examiner=Dr%20Osler",
      jsonRequest("POST", seed),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("seed-004-neoplastic-plexopathy-report.pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const text = (await pdfText(bytes)).join("\n");
    expect(text).toContain("Examiner: Dr Osler");
    expect(text).toMatch(/lesion of the right sacral plexus/);
  });

  it("serves a saved case's report as HTML and Markdown, and says which case is missing", async () => {
    t = await testApp();
    expect((await t.app.request("/api/v1/cases", jsonRequest("POST", seed))).status).toBe(201);
    const html = await t.app.request("/api/v1/cases/seed-004-neoplastic-plexopathy/report.html");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toContain("<h2>Needle EMG</h2>");
    const md = await t.app.request("/api/v1/cases/seed-004-neoplastic-plexopathy/report.md");
    expect(await md.text()).toContain("## Impression");
    const missing = await t.app.request("/api/v1/cases/nobody/report.pdf");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("no case nobody");
  });

  it("refuses an unknown format and an invalid case, saying where", async () => {
    t = await testApp();
    const bad = await t.app.request("/api/v1/report?format=docx", jsonRequest("POST", seed));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("format is pdf, html or md");
    const invalid = await t.app.request(
      "/api/v1/report?format=md",
      jsonRequest("POST", { ...seed, findings: 3 }),
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("findings");
  });

  it("POST /api/v1/fhir/localize carries the report as the DiagnosticReport's presentedForm", async () => {
    t = await testApp();
    const obs = await t.app.request("/api/v1/fhir/observations", jsonRequest("POST", seed));
    const bundle = await obs.json();
    const res = await t.app.request("/api/v1/fhir/localize", jsonRequest("POST", bundle));
    expect(res.status).toBe(200);
    const out = (await res.json()) as {
      entry: {
        resource: { resourceType: string; presentedForm?: { contentType: string; data: string }[] };
      }[];
    };
    const dr = out.entry.find((e) => e.resource.resourceType === "DiagnosticReport")?.resource;
    expect(dr?.presentedForm?.map((f) => f.contentType)).toEqual([
      "text/html; charset=utf-8",
      "text/markdown; charset=utf-8",
    ]);
    expect(Buffer.from(dr?.presentedForm?.[1]?.data ?? "", "base64").toString("utf8")).toContain(
      "## Needle EMG",
    );
  });
});
