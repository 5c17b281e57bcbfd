/**
 * Structured logs (pino, one JSON object a line). A request is logged by id, method, route
 * pattern, case id, status and time: never a body, a query string, a header value or a note.
 * Standard output is written in blocks (blockWriter), not with a system call per line.
 */
import type { MiddlewareHandler } from "hono";
import { pino } from "pino";
import type { AppEnv } from "./types.js";

export type Logger = pino.Logger;

/**
 * The service's log output (standard output, or another file descriptor): lines gather until there
 * are 3 kB of them or a second has passed, whichever comes first, and what is left is written when
 * the process exits. A write per line cost a system call per request, some 6 % of the server's CPU
 * time per cached answer. Written in place (sync), so nothing is in flight when the process exits.
 */
export function blockWriter(fd: number): pino.DestinationStream & { flushSync(): void } {
  // A write of at most PIPE_BUF (4096) bytes of whole lines is atomic on a pipe, so the primary's
  // and the workers' blocks never cut into each other's lines (sonic-boom cuts its blocks at lines).
  const out = pino.destination({
    dest: fd,
    sync: true,
    minLength: 3072,
    maxWrite: 4096,
    periodicFlush: 1000,
  });
  process.once("exit", () => {
    try {
      out.flushSync();
    } catch {
      // closed already: nothing more can be written
    }
  });
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid, service: "locus" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: should anything ever pass a request or body in, keep it out.
    redact: { paths: ["req", "body", "headers", "authorization", "case", "note"], remove: true },
  };
  return pino(options, destination ?? blockWriter(1));
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
    // Sent as X-Request-Id with the other common headers (security.ts).
    c.set("requestId", id);
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
