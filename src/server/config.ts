/**
 * Configuration by environment (documented in the README's "The service" section), checked once at
 * start. Refuses to listen beyond loopback without bearer tokens.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";

export interface Token {
  /** Shown in logs; never the secret itself. */
  name: string;
  secret: string;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  tokens: Token[];
  /** Requests per minute per token (0: no limit). */
  rateLimit: number;
  bodyLimit: number;
  corsOrigins: string[];
  workers: number;
  publicUrl: string;
  logLevel: string;
  demo: boolean;
  /** Time allowed for the CDS Hooks service to read a FHIR server. */
  fhirTimeoutMs: number;
  /** CDS clients (EHRs) allowed to call CDS Hooks with a signed JWT: issuer and its JWKS URL. */
  cdsClients: { issuer: string; jwksUrl: string }[];
  /** Bytes of finished answers each worker keeps (0: no cache). */
  cacheBytes: number;
  /** FHIR server origins the CDS Hooks service may read when prefetch is missing (none by default). */
  cdsFhirServers: string[];
  /**
   * Host names a request may be addressed to (the Host header), lower case without port: the
   * loopback names, the listening host and the public URL's host by default; "*" allows any.
   * Refusing other names defeats DNS rebinding.
   */
  allowedHosts: string[];
  /** Serve HTTPS with this certificate chain and private key (PEM files). */
  tls: { cert: string; key: string } | undefined;
  /** A client must send its request headers within this time, and the whole request within the next. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** First delay before retrying a store that cannot be reached or restarting a failed worker (doubles, at most 30 s). */
  retryBaseMs: number;
  /** Failures in a row (store at start, or workers) after which the service gives up with exit 69. */
  restartLimit: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export const DEFAULTS = {
  host: "127.0.0.1",
  port: 8787,
  dataDir: "data",
  rateLimit: 600,
  bodyLimit: 1_048_576,
  logLevel: "info",
  fhirTimeoutMs: 5000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
} as const;

/** The names of this machine that a browser on it uses: always allowed. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** A host name as the Host header carries it, lower case, IPv6 in brackets, without the port. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  if (h.split(":").length > 2) return `[${h}]`;
  return h.replace(/:\d*$/, "");
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** `name:secret` or a bare secret, separated by commas or new lines; `#` starts a comment line. */
export function parseTokens(text: string, origin: string): Token[] {
  const tokens: Token[] = [];
  const entries = text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith("#"));
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(":");
    const name = colon > 0 ? entry.slice(0, colon).trim() : `token${i + 1}`;
    const secret = colon > 0 ? entry.slice(colon + 1).trim() : entry;
    if (secret.length < 16)
      throw new ConfigError(
        `${origin}: token "${name}" is shorter than 16 characters; use a long random secret`,
      );
    if (!/^[A-Za-z0-9._~+/=-]+$/.test(secret))
      throw new ConfigError(`${origin}: token "${name}" has characters a bearer token cannot carry`);
    tokens.push({ name, secret });
  });
  return tokens;
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${key} must be a whole number from ${min} to ${max}; found "${raw}"`);
  return n;
}

export interface Overrides {
  host?: string;
  port?: number;
  workers?: number;
  demo?: boolean;
  allowedHosts?: string;
  tlsCert?: string;
  tlsKey?: string;
}

function list(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function allowedHostsFrom(text: string | undefined, host: string, publicUrl: string): string[] {
  const given = list(text).map((h) => (h === "*" ? h : hostName(h)));
  for (const h of given)
    if (h !== "*" && !/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$/.test(h))
      throw new ConfigError(`LOCUS_ALLOWED_HOSTS / --allowed-hosts: "${h}" is not a host name`);
  const own = [hostName(host), hostName(new URL(publicUrl).host)].filter(
    (h) => h !== "0.0.0.0" && h !== "[::]",
  );
  return [...new Set([...LOOPBACK_HOSTS, ...own, ...given])];
}

function tlsFrom(cert: string | undefined, key: string | undefined): Config["tls"] {
  if (!cert && !key) return undefined;
  if (!cert || !key)
    throw new ConfigError("TLS needs both a certificate and a key (--tls-cert and --tls-key)");
  for (const [what, path] of [
    ["certificate", cert],
    ["key", key],
  ] as const) {
    try {
      readFileSync(path);
    } catch (error) {
      throw new ConfigError(`cannot read the TLS ${what} ${path}: ${(error as Error).message}`);
    }
  }
  return { cert: resolve(cert), key: resolve(key) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Overrides = {}): Config {
  const host = overrides.host ?? (env.HOST || DEFAULTS.host);
  const port = overrides.port ?? int(env, "PORT", DEFAULTS.port, 0, 65535);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`the port must be a whole number from 0 to 65535; found ${port}`);
  const tokens = [
    ...(env.LOCUS_TOKENS ? parseTokens(env.LOCUS_TOKENS, "LOCUS_TOKENS") : []),
    ...(env.LOCUS_TOKENS_FILE
      ? parseTokens(readTokenFile(env.LOCUS_TOKENS_FILE), `LOCUS_TOKENS_FILE ${env.LOCUS_TOKENS_FILE}`)
      : []),
  ];
  const names = new Set<string>();
  for (const t of tokens) {
    if (names.has(t.name)) throw new ConfigError(`token name "${t.name}" is used twice`);
    names.add(t.name);
  }
  if (!isLoopback(host) && tokens.length === 0)
    throw new ConfigError(
      `refusing to listen on ${host} without bearer tokens: set LOCUS_TOKENS (name:secret,...) or LOCUS_TOKENS_FILE, or listen on 127.0.0.1`,
    );
  const corsOrigins = (env.LOCUS_CORS_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (o === "*") throw new ConfigError("LOCUS_CORS_ORIGINS must list origins; '*' is not allowed");
    try {
      const u = new URL(o);
      if (u.origin !== o) throw new Error();
    } catch {
      throw new ConfigError(`LOCUS_CORS_ORIGINS: "${o}" is not an origin such as https://ehr.example.org`);
    }
  }
  const cdsFhirServers = (env.LOCUS_CDS_FHIR_SERVERS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of cdsFhirServers) {
    try {
      const u = new URL(o);
      if (u.origin !== o) throw new Error();
    } catch {
      throw new ConfigError(
        `LOCUS_CDS_FHIR_SERVERS: "${o}" is not an origin such as https://fhir.example.org`,
      );
    }
  }
  const cdsClients = (env.LOCUS_CDS_CLIENTS ?? "")
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.lastIndexOf("=");
      const issuer = entry.slice(0, at).trim();
      const jwksUrl = entry.slice(at + 1).trim();
      let ok = at > 0 && issuer.length > 0;
      try {
        const u = new URL(jwksUrl);
        ok &&= u.protocol === "https:" || isLoopback(u.hostname);
      } catch {
        ok = false;
      }
      if (!ok)
        throw new ConfigError(
          `LOCUS_CDS_CLIENTS: "${entry}" must be issuer=https://jwks-url (the EHR's JWT issuer and its JWK Set)`,
        );
      return { issuer, jwksUrl };
    });
  const displayHost = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError("DATABASE_URL must be a postgres:// or postgresql:// URL");
  const tls = tlsFrom(overrides.tlsCert ?? env.LOCUS_TLS_CERT, overrides.tlsKey ?? env.LOCUS_TLS_KEY);
  const publicUrl = (env.LOCUS_PUBLIC_URL || `${tls ? "https" : "http"}://${displayHost}:${port}`).replace(
    /\/+$/,
    "",
  );
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`LOCUS_PUBLIC_URL: "${publicUrl}" is not a URL`);
  }
  const headersTimeoutMs = int(env, "LOCUS_HEADERS_TIMEOUT_MS", DEFAULTS.headersTimeoutMs, 100, 600_000);
  const requestTimeoutMs = int(env, "LOCUS_REQUEST_TIMEOUT_MS", DEFAULTS.requestTimeoutMs, 100, 3_600_000);
  if (requestTimeoutMs < headersTimeoutMs)
    throw new ConfigError("LOCUS_REQUEST_TIMEOUT_MS must not be shorter than LOCUS_HEADERS_TIMEOUT_MS");
  return {
    host,
    port,
    dataDir: resolve(env.LOCUS_DATA_DIR || DEFAULTS.dataDir),
    databaseUrl,
    tokens,
    rateLimit: int(env, "LOCUS_RATE_LIMIT", DEFAULTS.rateLimit, 0, 10_000_000),
    bodyLimit: int(env, "LOCUS_BODY_LIMIT", DEFAULTS.bodyLimit, 1024, 100 * 1_048_576),
    corsOrigins,
    workers: overrides.workers ?? int(env, "LOCUS_WORKERS", Math.min(availableParallelism(), 8), 1, 64),
    publicUrl,
    logLevel: env.LOCUS_LOG_LEVEL || DEFAULTS.logLevel,
    demo: overrides.demo ?? env.LOCUS_DEMO !== "0",
    fhirTimeoutMs: int(env, "LOCUS_FHIR_TIMEOUT_MS", DEFAULTS.fhirTimeoutMs, 100, 120_000),
    cdsFhirServers,
    cdsClients,
    cacheBytes: int(env, "LOCUS_CACHE_MB", 64, 0, 4096) * 1_048_576,
    allowedHosts: allowedHostsFrom(overrides.allowedHosts ?? env.LOCUS_ALLOWED_HOSTS, host, publicUrl),
    tls,
    headersTimeoutMs,
    requestTimeoutMs,
    retryBaseMs: int(env, "LOCUS_RETRY_BASE_MS", 500, 10, 60_000),
    restartLimit: int(env, "LOCUS_RESTART_LIMIT", 8, 0, 1000),
  };
}

function readTokenFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`LOCUS_TOKENS_FILE: cannot read ${path}: ${(error as Error).message}`);
  }
}
