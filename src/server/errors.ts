/**
 * One error shape for every route: `{ error: { status, code, message, issues? } }`, where issues
 * are the same path-level problems the CLI prints.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Issue } from "./engine.js";

export interface Problem {
  error: { status: number; code: string; message: string; issues?: Issue[] };
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues?: Issue[],
): Response {
  const body: Problem = { error: { status, code, message, ...(issues ? { issues } : {}) } };
  return c.json(body, status);
}

/** Thrown inside handlers for a clean 4xx; caught by the app's error handler. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
