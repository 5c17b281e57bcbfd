/**
 * The connection itself: HTTPS from a certificate and key (`locus serve --tls-cert --tls-key`), and
 * slow clients cut off after the stated header and request timeouts (before: 30 to 58 s whatever
 * the setting, since node checks the timeouts only every 30 s by default).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveConfig } from "../cli/commands/serve.js";
import { type Running, startWorker } from "./cluster.js";
import { ConfigError, loadConfig } from "./config.js";
import { silentLogger } from "./logging.js";
import { fakeEngine } from "./test-helpers/app.js";

const dir = mkdtempSync(join(tmpdir(), "locus-transport-"));
const running: Running[] = [];
afterAll(async () => {
  for (const r of running) await r.close();
  rmSync(dir, { recursive: true, force: true });
});

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed certificate for 127.0.0.1 and localhost, made now. */
function selfSigned(): { cert: string; key: string } {
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
      ...["-keyout", key, "-out", cert, "-subj", "/CN=localhost"],
      ...["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
  );
  return { cert, key };
}

async function worker(env: Record<string, string>): Promise<Running> {
  const config = loadConfig({ LOCUS_DATA_DIR: join(dir, "data"), PORT: "0", ...env });
  const r = await startWorker(config, silentLogger(), fakeEngine());
  running.push(r);
  return r;
}

describe.skipIf(!hasOpenssl())("TLS", () => {
  it("serves HTTPS with --tls-cert and --tls-key, verified against the certificate", async () => {
    const { cert, key } = selfSigned();
    const config = serveConfig({ demo: false, tlsCert: cert, tlsKey: key }, { PORT: "0" });
    expect(config.tls).toEqual({ cert, key });
    expect(config.publicUrl).toMatch(/^https:/);
    const r = await worker({ LOCUS_TLS_CERT: cert, LOCUS_TLS_KEY: key });
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: r.port,
          path: "/healthz",
          ca: readFileSync(cert),
          servername: "localhost",
        },
        (res) => {
          let body = "";
          res.on("data", (d: Buffer) => {
            body += d.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(answer).toEqual({ status: 200, body: '{"status":"ok"}' });
  });

  it("refuses a certificate without its key, or a file it cannot read (exit 2)", () => {
    expect(() => serveConfig({ demo: false, tlsCert: "/nonexistent.pem" }, {})).toThrow(/both/);
    expect(() =>
      serveConfig({ demo: false, tlsCert: "/nonexistent.pem", tlsKey: "/nonexistent.key" }, {}),
    ).toThrow(ConfigError);
  });
});

/** Open a raw connection, send `first`, then one byte of `drip` every 100 ms; what came back and when it closed. */
function dribble(port: number, first: string, drip: string): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    let timer: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      socket.write(first);
      let i = 0;
      timer = setInterval(() => {
        if (!socket.writable) return;
        socket.write(drip[i % drip.length] ?? "x");
        i++;
      }, 100);
    });
    socket.on("data", (d: Buffer) => {
      answer += d.toString();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ answer, ms: Date.now() - started });
    });
  });
}

describe("slow clients", () => {
  it("are cut off with 408 when the headers do not arrive within the header timeout", async () => {
    const r = await worker({ LOCUS_HEADERS_TIMEOUT_MS: "400", LOCUS_REQUEST_TIMEOUT_MS: "800" });
    const { answer, ms } = await dribble(r.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "a");
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Well before node's default check every 30 s (the bound is loose: this is not a speed test).
    expect(ms).toBeLessThan(10_000);
  }, 20_000);

  it("are cut off with 408 when the body does not arrive within the request timeout", async () => {
    const r = await worker({ LOCUS_HEADERS_TIMEOUT_MS: "300", LOCUS_REQUEST_TIMEOUT_MS: "800" });
    const head =
      "POST /api/v1/localize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
    const { answer, ms } = await dribble(r.port, head, "{");
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(10_000);
  }, 20_000);

  it("states the defaults: 10 s for the headers, 30 s for the whole request", () => {
    const c = loadConfig({});
    expect([c.headersTimeoutMs, c.requestTimeoutMs]).toEqual([10_000, 30_000]);
    expect(() => loadConfig({ LOCUS_HEADERS_TIMEOUT_MS: "5000", LOCUS_REQUEST_TIMEOUT_MS: "1000" })).toThrow(
      /not be shorter/,
    );
  });
});
