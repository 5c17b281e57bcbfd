/**
 * The browser tests' global set-up (vitest project "browser"; it runs only when browser tests do):
 * the project's own chromium (installed when missing, chromium.ts), and the page built once in
 * production mode into a temporary folder, handed to the tests as `webDir` and removed afterwards.
 */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { ensureChromium } from "./chromium.js";
import { buildPage } from "./harness.js";

declare module "vitest" {
  export interface ProvidedContext {
    webDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  if (process.env.LOCUS_SKIP_BROWSER === "1") {
    console.error(
      "locus: LOCUS_SKIP_BROWSER=1: the browser tests are SKIPPED; the page is not tested in a browser.",
    );
    project.provide("webDir", "");
    return () => {};
  }
  ensureChromium();
  const webDir = buildPage();
  project.provide("webDir", webDir);
  return () => rmSync(webDir, { recursive: true, force: true });
}
