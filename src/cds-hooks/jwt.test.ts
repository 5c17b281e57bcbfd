import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, type TestApp, testApp } from "../server/test-helpers/app.js";

const ISS = "https://ehr.example.org";
const TOKEN = "static-token-for-the-api-0123456789";
const PUBLIC = "https://locus.example.org";
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let other: Awaited<ReturnType<typeof generateKeyPair>>;
let t: TestApp;

beforeAll(async () => {
  keys = await generateKeyPair("ES384");
  other = await generateKeyPair("ES384");
});
afterEach(async () => {
  await t?.close();
});

const recorded = () =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/patient-view.json"), "utf8")) as unknown;

async function jwt(
  claims: { aud?: string; iss?: string; jti?: string; exp?: string },
  key = keys.privateKey,
) {
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES384", typ: "JWT", kid: "k1" })
    .setIssuer(claims.iss ?? ISS)
    .setSubject("client-1")
    .setAudience(claims.aud ?? `${PUBLIC}/cds-services/locus-leg`)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? "4m")
    .setJti(claims.jti ?? randomUUID())
    .sign(key);
}

async function app() {
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "ES384" };
  const set = createLocalJWKSet({ keys: [jwk] });
  t = await testApp({
    env: {
      LOCUS_TOKENS: `api:${TOKEN}`,
      LOCUS_CDS_CLIENTS: `${ISS}=https://ehr.example.org/.well-known/jwks.json`,
      LOCUS_PUBLIC_URL: PUBLIC,
    },
  });
  t.deps.cdsKeys = (iss) => (iss === ISS ? set : undefined);
  // The app reads deps.cdsKeys when it is built: build it again with the key set.
  const { createApp } = await import("../server/app.js");
  built = createApp(t.deps);
}

let built: TestApp["app"];
async function call(token: string, path = "/cds-services/locus-leg") {
  const a = built;
  return path.endsWith("locus-leg")
    ? a.request(path, jsonRequest("POST", recorded(), { authorization: `Bearer ${token}` }))
    : a.request(path, { headers: { authorization: `Bearer ${token}` } });
}

describe("CDS Hooks client authentication (JWT)", () => {
  it("accepts a JWT signed by a configured CDS client, for the URL it was made for", async () => {
    await app();
    const first = await call(await jwt({}));
    expect(first.status, await first.clone().text()).toBe(200);
    expect((await call(await jwt({ aud: `${PUBLIC}/cds-services` }), "/cds-services")).status).toBe(200);
  });

  it("refuses a JWT for another audience, from another issuer or key, expired, or replayed", async () => {
    await app();
    expect((await call(await jwt({ aud: "https://elsewhere.example/cds-services/locus-leg" }))).status).toBe(
      401,
    );
    expect((await call(await jwt({ iss: "https://other-ehr.example" }))).status).toBe(401);
    expect((await call(await jwt({}, other.privateKey))).status).toBe(401);
    expect((await call(await jwt({ exp: "-1m" }))).status).toBe(401);
    const once = await jwt({ jti: "the-same-jti" });
    expect((await call(once)).status).toBe(200);
    expect((await call(once)).status).toBe(401);
    expect((await call("not-a-token-at-all-but-long")).status).toBe(401);
  });

  it("still accepts the configured bearer tokens, and a JWT opens nothing but CDS Hooks", async () => {
    await app();
    expect((await call(TOKEN)).status).toBe(200);
    const res = await built.request("/api/v1/cases", {
      headers: { authorization: `Bearer ${await jwt({ aud: `${PUBLIC}/api/v1/cases` })}` },
    });
    expect(res.status).toBe(401);
  });
});
