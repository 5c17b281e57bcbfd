/**
 * The browser the page's tests drive: Debian's chromium, which the project installs itself when it
 * is missing (never a downloaded browser; STACK.md). `ensureChromium()` runs before the browser
 * tests (test/browser/setup.ts, a vitest globalSetup) and before `npm run bench:page`:
 *
 * - LOCUS_CHROMIUM names another binary, which must exist;
 * - else /usr/bin/chromium is used, and when it is missing and we are root on a machine with
 *   apt-get, `apt-get update && apt-get install -y chromium` installs it (about 20 s);
 * - anything else throws, saying what to do. Nothing is skipped silently.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export interface Provisioning {
  /** Where the binary is expected. */
  path: string;
  /** Whether LOCUS_CHROMIUM chose it. */
  chosen: boolean;
  exists: (p: string) => boolean;
  isRoot: boolean;
  hasApt: boolean;
  /** Says what is being done. */
  log: (message: string) => void;
  /** Runs one command, its output shown; returns its exit status. */
  run: (cmd: string, args: string[]) => number | null;
}

function run(cmd: string, args: string[]): number | null {
  const r = spawnSync(cmd, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return r.error ? null : r.status;
}

export function provisioning(env: NodeJS.ProcessEnv = process.env): Provisioning {
  return {
    path: env.LOCUS_CHROMIUM || DEBIAN_CHROMIUM,
    chosen: Boolean(env.LOCUS_CHROMIUM),
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasApt: existsSync("/usr/bin/apt-get"),
    log: (m) => console.error(m),
    run,
  };
}

/** The chromium binary to drive, installed first when it can be; throws when it cannot. */
export function ensureChromium(p: Provisioning = provisioning()): string {
  if (p.exists(p.path)) return p.path;
  if (p.chosen) throw new Error(`LOCUS_CHROMIUM names ${p.path}, which does not exist.`);
  if (!p.hasApt || !p.isRoot)
    throw new Error(
      `The browser tests need Debian's chromium at ${p.path}, and it is missing. ` +
        (p.hasApt
          ? "Install it as root (apt-get install -y chromium), or run npm test as root and it installs itself."
          : "This machine has no apt-get: install chromium and set LOCUS_CHROMIUM to its path."),
    );
  p.log(`locus: installing Debian's chromium for the browser tests (apt-get, about 20 s) ...`);
  const steps: [string, string[]][] = [
    ["apt-get", ["update", "-qq"]],
    ["apt-get", ["install", "-y", "-qq", "chromium"]],
  ];
  for (const [cmd, args] of steps) {
    const status = p.run(cmd, args);
    if (status !== 0)
      throw new Error(
        `${cmd} ${args.join(" ")} failed (exit ${status ?? "not run"}): chromium is not installed.`,
      );
  }
  if (!p.exists(p.path)) throw new Error(`apt-get installed chromium, but ${p.path} is still missing.`);
  return p.path;
}
