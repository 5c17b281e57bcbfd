/**
 * The Hono app, built from injected dependencies (config, engine, store, logger) so tests run it
 * in-process with `app.request()`. Every route comes from the table in routes/index.ts and is both
 * served and described in the OpenAPI 3.1 document.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { z } from "zod";
import { HttpError, problem } from "./errors.js";
import { limitBody } from "./http.js";
import { requestLog } from "./logging.js";
import { type RouteSpec, routes } from "./routes/index.js";
import {
  bearerAuth,
  cdsAuth,
  originGuard,
  RateLimiter,
  rateLimit,
  remoteKeys,
  responseHeaders,
} from "./security.js";
import type { AppEnv, Deps } from "./types.js";

export const API_VERSION = "1.0.0";

const honoPath = (p: string) => p.replace(/\{([^}]+)\}/g, ":$1");

/** The route's request description, with every {placeholder} of its path declared as a parameter. */
function requestWithPathParams(spec: RouteSpec): RouteSpec["request"] {
  const names = [...spec.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  if (names.length === 0 || spec.request?.params) return spec.request;
  return { ...spec.request, params: z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) };
}

export function createApp(deps: Deps): OpenAPIHono<AppEnv> {
  const { config, logger } = deps;
  const app = new OpenAPIHono<AppEnv>();

  app.use("*", requestLog(logger));
  // The security headers, the request id and no-store on the API, on every response.
  app.use("*", responseHeaders());
  app.use("*", originGuard(config));
  if (config.corsOrigins.length > 0)
    app.use(
      "*",
      cors({
        origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
        allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allowHeaders: ["Authorization", "Content-Type", "If-Match"],
        exposeHeaders: ["ETag", "Location", "X-Request-Id", "Retry-After"],
        maxAge: 600,
      }),
    );
  app.use(
    "*",
    limitBody(config.bodyLimit, (c) =>
      problem(c, 413, "payload_too_large", `the body is larger than ${config.bodyLimit} bytes`),
    ),
  );

  const perWorker =
    config.rateLimit > 0 ? Math.max(1, Math.ceil(config.rateLimit / Math.max(1, config.workers))) : 0;
  const limiter = rateLimit(perWorker > 0 ? new RateLimiter(perWorker) : undefined);
  // Without tokens (loopback only) or CDS clients there is nobody to check or limit (the limits are
  // per token): no middleware at all, rather than two that pass every request on.
  const guarded: MiddlewareHandler<AppEnv>[] =
    config.tokens.length === 0 ? [] : [bearerAuth(config.tokens), limiter];
  const cdsGuarded: MiddlewareHandler<AppEnv>[] =
    config.tokens.length === 0 && config.cdsClients.length === 0
      ? []
      : [
          cdsAuth(
            config.tokens,
            config.cdsClients,
            config.publicUrl,
            deps.cdsKeys ?? remoteKeys(config.cdsClients),
          ),
          limiter,
        ];

  for (const spec of routes) {
    app.openAPIRegistry.registerPath({
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(requestWithPathParams(spec) ? { request: requestWithPathParams(spec) } : {}),
      responses: spec.responses,
      ...(spec.public || config.tokens.length === 0 ? {} : { security: [{ bearer: [] }] }),
    });
    const handler: MiddlewareHandler<AppEnv> = async (c) => spec.handler(c, deps);
    const chain = [...(spec.public ? [] : spec.cds ? cdsGuarded : guarded), handler] as [
      MiddlewareHandler<AppEnv>,
    ];
    app.on(spec.method.toUpperCase(), honoPath(spec.path), ...chain);
  }

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  let document: unknown;
  const docChain = [...guarded] as [MiddlewareHandler<AppEnv>];
  app.get("/api/v1/openapi.json", ...docChain, (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "Locus",
        version: API_VERSION,
        description: `Clinical decision support for the painful, weak or numb leg: localization, differential, next tests. Decision support, not a diagnosis. Request bodies (a case, a FHIR Bundle or a clinic note) are limited to ${config.bodyLimit} bytes (LOCUS_BODY_LIMIT); a larger one is answered 413 payload_too_large.`,
      },
    });
    return c.json(document);
  });

  app.notFound((c) => problem(c, 404, "not_found", `no route ${c.req.method} ${c.req.path.slice(0, 200)}`));
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      for (const [k, v] of Object.entries(error.headers ?? {})) c.header(k, v);
      return problem(c, error.status, error.code, error.message, error.issues);
    }
    // Never log the message: it may quote case content. The name and the request id are enough to find it.
    logger.error({ id: c.get("requestId"), err: { name: error.name } }, "unhandled error");
    return problem(
      c,
      500,
      "internal_error",
      "Locus failed on this request; the request id is in X-Request-Id",
    );
  });
  return app;
}
