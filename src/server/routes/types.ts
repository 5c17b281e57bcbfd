import type { RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv, Deps } from "../types.js";

/** One route: its OpenAPI description and its handler. Adding a route is adding one of these. */
export interface RouteSpec {
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI path, with {param} placeholders. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Public routes (health checks, the page) need no bearer token. */
  public?: boolean;
  /** CDS Hooks routes also accept a JWT from a configured CDS client. */
  cds?: boolean;
  request?: RouteConfig["request"];
  responses: RouteConfig["responses"];
  handler: (c: Context<AppEnv>, deps: Deps) => Response | Promise<Response>;
}

/** The shared error answers, for the OpenAPI document. */
export { problemResponses } from "./responses.js";
