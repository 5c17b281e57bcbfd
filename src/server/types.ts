import type { IncomingMessage, ServerResponse } from "node:http";
import type { JWTVerifyGetKey } from "jose";
import type { CaseRepository } from "../store/repository.js";
import type { ResponseCache } from "./cache.js";
import type { Config } from "./config.js";
import type { Engine } from "./engine.js";
import type { Logger } from "./logging.js";

export interface AppEnv {
  /** What @hono/node-server passes as the environment: the request and response as node has them. */
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse };
  Variables: {
    requestId: string;
    tokenName: string | undefined;
    /** The case a request made (POST), for the request log. */
    caseId: string | undefined;
    /** The handler made its response with the common headers (security.ts withCommonHeaders). */
    headersDone: boolean | undefined;
  };
}

/** Everything the app needs, injected so tests can build it in-process. */
export interface Deps {
  config: Config;
  engine: Engine;
  repo: CaseRepository;
  logger: Logger;
  /** Finished answers of the pure routes (absent: no caching). */
  cache?: ResponseCache;
  /** The key set of a CDS client's issuer (default: its JWKS URL, fetched and cached by jose). */
  cdsKeys?: (issuer: string) => JWTVerifyGetKey | undefined;
  /** Called by the CDS Hooks service to read a FHIR server (tests pass a recorder). */
  fetch?: typeof fetch;
}
