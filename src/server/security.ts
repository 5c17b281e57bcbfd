/**
 * Safe by default: bearer tokens (constant-time comparison of digests), per-token rate limits,
 * media-type checks, strict CORS and security headers. The body size limit is hono's.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Token } from "./config.js";
import { problem } from "./errors.js";
import type { AppEnv } from "./types.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function bearerAuth(tokens: Token[]): MiddlewareHandler<AppEnv> {
  const known = tokens.map((t) => ({ name: t.name, digest: digest(t.secret) }));
  return async (c, next) => {
    if (known.length === 0) return next();
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const presented = match?.[1];
    if (presented) {
      const d = digest(presented);
      let who: string | undefined;
      // Compare against every token so the time taken does not depend on which one matched.
      for (const k of known) if (timingSafeEqual(d, k.digest)) who = k.name;
      if (who) {
        c.set("tokenName", who);
        return next();
      }
    }
    c.header("WWW-Authenticate", 'Bearer realm="locus"');
    return problem(
      c,
      401,
      "unauthorized",
      "a valid bearer token is required (Authorization: Bearer <token>)",
    );
  };
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
  return async (c, next) => {
    const who = c.get("tokenName");
    if (!limiter || !who) return next();
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
