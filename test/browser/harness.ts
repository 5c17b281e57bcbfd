/**
 * For the browser tests: build the page (in production mode, into a folder of its own, never over
 * web/dist, which `npm start` serves), run the real Locus server from source on a free loopback
 * port with a throwaway data folder serving that build, and drive Debian's chromium through
 * playwright-core (no browser is ever downloaded; chromium.ts installs it when it is missing).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { DEBIAN_CHROMIUM } from "./chromium.js";
import type { enterCase } from "./drive.js";

export const ROOT = join(import.meta.dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const CHROMIUM = process.env.LOCUS_CHROMIUM || DEBIAN_CHROMIUM;

/**
 * Builds the page into `outDir` (a fresh temporary folder unless given) and returns it. Vite builds
 * React's production bundle only when NODE_ENV says production, and vitest sets it to "test".
 */
export function buildPage(outDir = mkdtempSync(join(tmpdir(), "locus-web-test-"))): string {
  const r = spawnSync(
    join(ROOT, "node_modules/.bin/vite"),
    [
      "build",
      "--logLevel",
      "warn",
      "--outDir",
      outDir,
      "--emptyOutDir",
      ...(process.env.LOCUS_WEB_MINIFY === "0" ? ["--minify", "false"] : []),
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return outDir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Running {
  base: string;
  close(): Promise<void>;
}

/** The server, serving the page built in `webDir`. */
export async function startServer(webDir: string): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "locus-browser-data-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOCUS_DATA_DIR: dataDir,
      LOCUS_WEB_DIR: webDir,
      LOCUS_DEMO: "0",
      LOCUS_WORKERS: "1",
      LOCUS_LOG_LEVEL: "warn",
      LOCUS_TOKENS: "",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { base, close };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await close();
  throw new Error(`the server did not start: ${stderr}`);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(width = 1280, height = 800): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "locus-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** What a browser test drives: the server, a browser, and the atlas's names the form shows. */
export interface Session {
  server: Running;
  browser: Browser;
  names: Parameters<typeof enterCase>[1];
}

/**
 * The server (serving the page test/browser/setup.ts built) and a browser for the tests of one
 * describe block: started before them, closed after. Read the fields inside the tests.
 */
export function useSession(): Session {
  const s = {} as Session;
  beforeAll(async () => {
    s.server = await startServer(inject("webDir"));
    s.names = (await (await fetch(`${s.server.base}/api/v1/atlas`)).json()) as Session["names"];
    s.browser = await openBrowser(1280, 800);
  }, 180_000);
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}

/**
 * The session's page opened at `/`, ready for entry: dialogs (replacing unsaved entries asks
 * first) answered yes, and the page's uncaught errors collected (a test expects none).
 */
export async function openPage(s: Session): Promise<{ page: Page; errors: string[] }> {
  const { page } = s.browser;
  page.on("dialog", (d) => void d.accept());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${s.server.base}/`);
  await page.getByRole("tab", { name: "Strength & reflexes" }).waitFor();
  return { page, errors };
}
