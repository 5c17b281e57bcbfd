/**
 * Structured logs (pino, one JSON object a line). A request is logged by id, method, route
 * pattern, case id, status and time: never a body, a query string, a header value or a note.
 */
import type { MiddlewareHandler } from "hono";
import { pino } from "pino";
import type { AppEnv } from "./types.js";

export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid, service: "locus" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: should anything ever pass a request or body in, keep it out.
    redact: { paths: ["req", "body", "headers", "authorization", "case", "note"], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

let counter = 0;
const prefix = `${process.pid.toString(36)}-`;

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const id = `${prefix}${(++counter).toString(36)}`;
    c.set("requestId", id);
    c.header("X-Request-Id", id);
    await next();
    const ms = Math.round((performance.now() - started) * 100) / 100;
    const status = c.res.status;
    const caseId = c.get("caseId") ?? c.req.param("id");
    const entry = {
      id,
      method: c.req.method,
      route: c.req.routePath,
      ...(caseId && /^[A-Za-z0-9._-]{1,128}$/.test(caseId) ? { caseId } : {}),
      status,
      ms,
      ...(c.get("tokenName") ? { token: c.get("tokenName") } : {}),
    };
    if (status >= 500) logger.error(entry, "request failed");
    else logger.info(entry, "request");
  };
}
