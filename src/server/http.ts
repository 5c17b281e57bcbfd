/** Reading request bodies: media type (415), size (413, by the body-limit middleware), JSON (400). */
import { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HttpError } from "./errors.js";
import { mediaType } from "./security.js";
import type { AppEnv } from "./types.js";

/** The request as node's HTTP server parsed it (served by @hono/node-server; absent in app.request()). */
export function incomingOf(c: Context<AppEnv>): IncomingMessage | undefined {
  const incoming = c.env?.incoming;
  return incoming instanceof IncomingMessage ? incoming : undefined;
}

/**
 * Refuse a body over `maxSize` bytes with `tooLarge`. A request node has parsed states its size in
 * Content-Length (node reads exactly that many bytes) or has no body at all, so the header is
 * enough: asking hono's body-limit for `c.req.raw.body` would make the request a web Request with a
 * web stream over the socket (some 4 % of a fresh answer's server time) where @hono/node-server
 * otherwise reads the body straight from node's stream. A chunked body (Transfer-Encoding) and a
 * request made in-process (app.request) are counted by hono's body-limit as they are read.
 */
export function limitBody(
  maxSize: number,
  tooLarge: (c: Context<AppEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    const incoming = incomingOf(c);
    if (incoming === undefined || incoming.headers["transfer-encoding"] !== undefined)
      return counted(c, next);
    // As hono's body-limit: GET and HEAD carry no body, whatever their headers say.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = incoming.headers["content-length"];
    if (length !== undefined && Number.parseInt(length, 10) > maxSize) return Promise.resolve(tooLarge(c));
    return next();
  };
}

export const JSON_TYPES = ["application/json", "application/fhir+json"];
export const TEXT_TYPES = ["text/plain"];

export type Body = { kind: "json"; text: string } | { kind: "text"; value: string };

export async function readBody(c: Context, accept: string[]): Promise<Body> {
  const type = mediaType(c.req.header("content-type"));
  if (!accept.includes(type))
    throw new HttpError(
      415,
      "unsupported_media_type",
      `send the body as ${accept.join(" or ")}${type ? `, not ${type}` : " (Content-Type is missing)"}`,
    );
  const text = await c.req.text();
  if (TEXT_TYPES.includes(type)) return { kind: "text", value: text };
  if (text.trim() === "")
    throw new HttpError(400, "empty_body", "the request body is empty; send a JSON document", [
      { path: [], message: "the body is empty", expected: "a JSON document" },
    ]);
  return { kind: "json", text };
}

/** JSON.parse without throwing. */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** A JSON body that is not a case (FHIR, CDS Hooks): 400 with the parser's message when broken. */
export async function readJson(c: Context, accept: string[] = JSON_TYPES): Promise<unknown> {
  const body = await readBody(c, accept);
  const text = body.kind === "json" ? body.text : body.value;
  const parsed = tryJson(text);
  if (!parsed.ok)
    throw new HttpError(400, "invalid_json", `the body is not valid JSON: ${parsed.message}`, [
      { path: [], message: parsed.message, expected: "a JSON document" },
    ]);
  return parsed.value;
}

/** A positive whole number from a query or header value, or undefined; 400 for anything else. */
export function positiveInt(raw: string | undefined, what: string): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1)
    throw new HttpError(
      400,
      "invalid_parameter",
      `${what} must be a whole number of 1 or more; found "${raw.slice(0, 40)}"`,
    );
  return Number(raw);
}
