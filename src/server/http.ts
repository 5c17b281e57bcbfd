/** Reading request bodies: media type (415), size (413, by the body-limit middleware), JSON (400). */
import type { Context } from "hono";
import { HttpError } from "./errors.js";
import { mediaType } from "./security.js";

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
