/**
 * The page: the built front end (web/dist, made by `npm run build:web`) served at `/`, its hashed
 * assets under /assets, and /cases/{id} opening a saved case on the page. When the page has not been
 * built the answer says how to build it instead of failing.
 */
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";
import { HttpError } from "../errors.js";
import type { RouteSpec } from "./types.js";

/** web/dist, from src/server/routes or dist/server/routes alike; LOCUS_WEB_DIR overrides it. */
export function webDir(): string {
  return process.env.LOCUS_WEB_DIR ?? fileURLToPath(new URL("../../../web/dist/", import.meta.url));
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

const ASSET = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Locus: the page is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; line-height: 1.5">
<h1>Locus</h1>
<p>The page has not been built in this checkout. Run <code>npm run build:web</code> (or <code>npm start</code>,
which builds it) and reload.</p>
<p>The API is described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</body></html>`;

async function indexHtml(c: Context): Promise<Response> {
  try {
    const html = await readFile(join(webDir(), "index.html"), "utf8");
    c.header("Cache-Control", "no-cache");
    return c.html(html);
  } catch {
    return c.html(NOT_BUILT, 503);
  }
}

export const pageRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/",
    summary: "The page: case entry, localization, differential and next tests",
    tags: ["page"],
    public: true,
    responses: {
      200: { description: "HTML", content: { "text/html": { schema: { type: "string" } } } },
      503: { description: "the page is not built (npm run build:web)" },
    },
    handler: (c) => indexHtml(c),
  },
  {
    method: "get",
    path: "/cases/{id}",
    summary: "Open a saved case on the page",
    tags: ["page"],
    public: true,
    responses: { 200: { description: "HTML", content: { "text/html": { schema: { type: "string" } } } } },
    handler: (c) => indexHtml(c),
  },
  {
    method: "get",
    path: "/assets/{file}",
    summary: "The page's scripts and styles (content-hashed names, cached for a year)",
    tags: ["page"],
    public: true,
    responses: { 200: { description: "a file of the built page" }, 404: { description: "no such file" } },
    handler: async (c) => {
      const file = c.req.param("file") ?? "";
      const type = TYPES[extname(file)];
      if (!ASSET.test(file) || file.includes("..") || !type)
        throw new HttpError(404, "not_found", "no such asset");
      let body: Buffer;
      try {
        body = await readFile(join(webDir(), "assets", file));
      } catch {
        throw new HttpError(404, "not_found", `no asset ${file}; rebuild the page with npm run build:web`);
      }
      return c.body(new Uint8Array(body), 200, {
        "content-type": type,
        "cache-control": "public, max-age=31536000, immutable",
      });
    },
  },
];
