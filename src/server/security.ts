/**
 * Safe by default: bearer tokens (constant-time comparison of digests), per-token rate limits,
 * media-type checks, strict CORS and security headers. The body size limit is in http.ts.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from "jose";
import { hostName, type Token } from "./config.js";
import { problem } from "./errors.js";
import type { AppEnv } from "./types.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The name of the configured token this secret is, compared in constant time. */
function tokenName(known: { name: string; digest: Buffer }[], presented: string): string | undefined {
  const d = digest(presented);
  let who: string | undefined;
  // Compare against every token so the time taken does not depend on which one matched.
  for (const k of known) if (timingSafeEqual(d, k.digest)) who = k.name;
  return who;
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];

function unauthorized(
  c: Context,
  message = "a valid bearer token is required (Authorization: Bearer <token>)",
) {
  c.header("WWW-Authenticate", 'Bearer realm="locus"');
  return problem(c, 401, "unauthorized", message);
}

export function bearerAuth(tokens: Token[]): MiddlewareHandler<AppEnv> {
  const known = tokens.map((t) => ({ name: t.name, digest: digest(t.secret) }));
  // Not async: a middleware that awaits nothing returns next()'s promise as it is.
  return (c, next) => {
    if (known.length === 0) return next();
    const presented = bearer(c.req.header("authorization"));
    const who = presented ? tokenName(known, presented) : undefined;
    if (!who) return Promise.resolve(unauthorized(c));
    c.set("tokenName", who);
    return next();
  };
}

/**
 * CDS Hooks 2.0 client authentication: a configured bearer token, or a JWT signed by a configured
 * CDS client (issuer), with `aud` the URL called, a short life (at most 5 minutes) and a `jti`
 * never seen before.
 */
export function cdsAuth(
  tokens: Token[],
  clients: { issuer: string; jwksUrl: string }[],
  publicUrl: string,
  keysFor: (issuer: string) => JWTVerifyGetKey | undefined,
): MiddlewareHandler<AppEnv> {
  const known = tokens.map((t) => ({ name: t.name, digest: digest(t.secret) }));
  const issuers = new Set(clients.map((k) => k.issuer));
  const seen = new Map<string, number>();
  return async (c, next) => {
    if (known.length === 0 && issuers.size === 0) return next();
    const presented = bearer(c.req.header("authorization"));
    if (!presented) return unauthorized(c);
    const who = tokenName(known, presented);
    if (who) {
      c.set("tokenName", who);
      return next();
    }
    if (issuers.size === 0 || presented.split(".").length !== 3) return unauthorized(c);
    let iss: string | undefined;
    try {
      iss = decodeJwt(presented).iss;
    } catch {
      return unauthorized(c, "the bearer token is neither a configured token nor a JWT");
    }
    const keys = iss && issuers.has(iss) ? keysFor(iss) : undefined;
    if (!iss || !keys) return unauthorized(c, "the JWT's issuer is not a configured CDS client");
    try {
      const { payload } = await jwtVerify(presented, keys, {
        issuer: iss,
        audience: `${publicUrl}${c.req.path}`,
        maxTokenAge: "5m",
        requiredClaims: ["jti", "exp", "iat"],
      });
      const now = Date.now();
      for (const [j, until] of seen) if (until < now) seen.delete(j);
      const jti = `${iss} ${String(payload.jti)}`;
      if (seen.has(jti)) return unauthorized(c, "this JWT was already used (jti)");
      seen.set(jti, (payload.exp ?? 0) * 1000 + 60_000);
    } catch (error) {
      return unauthorized(c, `the JWT does not verify: ${(error as Error).message}`);
    }
    c.set("tokenName", `cds:${iss}`);
    return next();
  };
}

/** Key sets by issuer, fetched from the configured JWKS URLs and cached by jose. */
export function remoteKeys(
  clients: { issuer: string; jwksUrl: string }[],
): (issuer: string) => JWTVerifyGetKey | undefined {
  const sets = new Map(clients.map((k) => [k.issuer, createRemoteJWKSet(new URL(k.jwksUrl))]));
  return (issuer) => sets.get(issuer);
}

/** A token bucket per key: `perMinute` requests a minute, bursting up to the same number. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  take(key: string): { ok: boolean; remaining: number; retryAfterSeconds: number } {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens), retryAfterSeconds: 0 };
    }
    return {
      ok: false,
      remaining: 0,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)),
    };
  }
}

/** Per-token limits; anonymous callers (loopback without tokens) are not limited. */
export function rateLimit(limiter: RateLimiter | undefined): MiddlewareHandler<AppEnv> {
  if (!limiter) return (_c, next) => next();
  return async (c, next) => {
    const who = c.get("tokenName");
    if (!who) return next();
    const r = limiter.take(who);
    c.header("RateLimit-Limit", String(limiter.perMinute));
    c.header("RateLimit-Remaining", String(r.remaining));
    if (!r.ok) {
      c.header("Retry-After", String(r.retryAfterSeconds));
      return problem(
        c,
        429,
        "rate_limited",
        `too many requests for this token; retry in ${r.retryAfterSeconds} s`,
      );
    }
    return next();
  };
}

/** The media type of a request body, lower case, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Asked by load balancers by address, and reveal nothing: exempt from the Host allowlist. */
const PROBES = new Set(["/healthz", "/readyz"]);

/**
 * Against DNS rebinding and cross-site writes. Every request must be addressed (Host) to a name in
 * the allowlist: a page on evil.example that rebinds its name to 127.0.0.1 still sends
 * `Host: evil.example`. A state-changing request (POST, PUT, PATCH, DELETE) that a browser marks
 * with an Origin must come from this service itself (same host), its public URL, or an origin
 * in LOCUS_CORS_ORIGINS; `Origin: null` (sandboxed frames, files) is refused.
 */
export function originGuard(config: {
  allowedHosts: string[];
  corsOrigins: string[];
  publicUrl: string;
}): MiddlewareHandler<AppEnv> {
  const anyHost = config.allowedHosts.includes("*");
  const hosts = new Set(config.allowedHosts);
  const origins = new Set([...config.corsOrigins, new URL(config.publicUrl).origin]);
  return (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!anyHost && !hosts.has(hostName(host)) && !PROBES.has(pathOf(c.req.url)))
      return refuse(
        c,
        403,
        "host_not_allowed",
        `requests addressed to ${hostName(host).slice(0, 100)} are refused; add the name to LOCUS_ALLOWED_HOSTS (--allowed-hosts) if this service is meant to answer it`,
      );
    const origin = c.req.header("origin");
    if (origin !== undefined && UNSAFE.has(c.req.method) && !sameOrigin(origin, host, origins))
      return refuse(
        c,
        403,
        "cross_origin_refused",
        `a ${c.req.method} from the page at ${origin.slice(0, 100)} is refused: only this service's own pages and the origins in LOCUS_CORS_ORIGINS may change or submit data`,
      );
    return next();
  };
}

const refuse = (...args: Parameters<typeof problem>) => Promise.resolve(problem(...args));

/** The path of a request's URL as sent (not decoded), without query or fragment: URL's pathname. */
export function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  let end = url.length;
  for (const mark of ["?", "#"]) {
    const at = url.indexOf(mark, start);
    if (at >= 0 && at < end) end = at;
  }
  return url.slice(start, end);
}

function sameOrigin(origin: string, host: string, allowed: Set<string>): boolean {
  if (allowed.has(origin)) return true;
  try {
    const o = new URL(origin);
    // Same host and port as the request was addressed to (the scheme may differ behind a TLS proxy).
    return (o.protocol === "http:" || o.protocol === "https:") && o.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The policy of hono's secureHeaders for every response. */
const SECURE_HEADERS_POLICY: Parameters<typeof secureHeaders>[0] = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
  },
  strictTransportSecurity: false,
  crossOriginResourcePolicy: "same-origin",
  referrerPolicy: "no-referrer",
};

/** The headers a middleware sets on an empty answer, read from one request made to it. */
async function headersSetBy(middleware: MiddlewareHandler): Promise<Record<string, string>> {
  const probe = new Hono();
  probe.use(middleware);
  probe.get("/", (c) => c.body(null, 204));
  return Object.fromEntries((await probe.request("/")).headers);
}

let security: { all: Readonly<Record<string, string>>; api: Readonly<Record<string, string>> } | undefined;

/**
 * What hono's secureHeaders sets with this policy (CSP, nosniff, frame and referrer policies...),
 * found once, on the first request (not when the module loads: the CLI loads it for every command,
 * and the probe loads node's fetch classes); setting them on each response was a middleware and a
 * dozen Headers.set a request.
 */
export async function securityHeaders(): Promise<Readonly<Record<string, string>>> {
  if (security === undefined) {
    const all = Object.freeze(await headersSetBy(secureHeaders(SECURE_HEADERS_POLICY)));
    security = { all, api: Object.freeze({ ...all, "cache-control": "no-store" }) };
  }
  return security.all;
}

/** Answers that must not be stored by browsers or proxies (they hold patient data). */
const noStore = (path: string) => path.startsWith("/api/") || path.startsWith("/cds-services");

/**
 * The headers every answer carries besides its own: the security headers, its request id
 * (X-Request-Id) and, on the API, Cache-Control: no-store. responseHeaders has found them.
 */
function commonHeaders(c: Context<AppEnv>, own: Record<string, string> = {}): Record<string, string> {
  if (security === undefined)
    throw new Error("the security headers are not known yet: use responseHeaders()");
  return {
    ...own,
    ...(noStore(c.req.path) ? security.api : security.all),
    "x-request-id": c.get("requestId"),
  };
}

/**
 * A handler's own headers with the common ones, for a Response it makes itself (as a plain object,
 * which @hono/node-server writes as it is, with no Headers object made and read back); the
 * middleware below then leaves that response alone.
 */
export function withCommonHeaders(c: Context<AppEnv>, own: Record<string, string>): Record<string, string> {
  c.set("headersDone", true);
  return commonHeaders(c, own);
}

/** Sets the common headers on every other response, after its handler (so they win, as before). */
export function responseHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (security === undefined) await securityHeaders();
    await next();
    if (c.get("headersDone")) return;
    const headers = c.res.headers;
    for (const [k, v] of Object.entries(commonHeaders(c))) headers.set(k, v);
    headers.delete("x-powered-by");
  };
}
