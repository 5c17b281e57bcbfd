/**
 * One error shape for every route: `{ error: { status, code, message, issues? } }`, where issues
 * are the same path-level problems the CLI prints.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { MAX_ISSUES } from "../case/index.js";
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
  const shown = issues && issues.length > MAX_ISSUES + 1 ? capIssues(issues) : issues;
  const body: Problem = { error: { status, code, message, ...(shown ? { issues: shown } : {}) } };
  return c.json(body, status);
}

/** The first MAX_ISSUES issues and one counting the rest, whatever stage made them. */
function capIssues(issues: Issue[]): Issue[] {
  const rest = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    { path: [], message: `${rest} more issues not shown (${issues.length} in all)` },
  ];
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
