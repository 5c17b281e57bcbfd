import type { RouteConfig } from "@hono/zod-openapi";
import { problem } from "../schemas.js";

const p = (description: string) => ({ description, content: { "application/json": { schema: problem } } });

export const problemResponses = {
  400: p("the input is invalid: every problem with its JSON path"),
  401: p("a bearer token is required"),
  413: p("the body is larger than the limit"),
  415: p("the body's media type is not accepted"),
  429: p("too many requests for this token"),
} satisfies RouteConfig["responses"];

export const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
