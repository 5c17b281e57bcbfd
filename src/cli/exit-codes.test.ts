/**
 * Every failure has its own documented exit code, and a reader that stops early is no failure.
 * (Before: an engine crash exited 2, the code for a usage error, and `locus ... | head -1` could
 * end in a stack trace from the closed pipe.)
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { EXIT } from "./exit-codes.js";
import { run } from "./test-helpers/run.js";

vi.mock("../report/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../report/index.js")>();
  return {
    ...real,
    analyze: (...args: Parameters<typeof real.analyze>) => {
      const c = args[0] as { id?: string };
      if (c.id === "crash-me") throw new TypeError("cannot read properties of undefined (reading 'x')");
      return real.analyze(...args);
    },
  };
});

const ROOT = join(import.meta.dirname, "../..");
const CASE = (id: string) =>
  JSON.stringify({
    format: "locus-case/1",
    id,
    findings: [{ kind: "strength", side: "left", target: "ankle_dorsiflexion", mrc: 4 }],
  });

describe("exit codes", () => {
  it("are the documented ones", () => {
    expect(EXIT).toEqual({ ok: 0, invalid: 1, usage: 2, unavailable: 69, software: 70, io: 74, config: 78 });
  });

  it("an engine crash is 70 with one paragraph saying it is a bug, never 2 and never a stack trace", async () => {
    const r = await run(["localize", "c.json"], { "c.json": CASE("crash-me") });
    expect(r.code).toBe(70);
    expect(r.err).toMatch(/^locus: internal error: TypeError: cannot read properties/);
    expect(r.err).toMatch(/bug in Locus/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect((await run(["localize", "c.json"], { "c.json": CASE("fine") })).code).toBe(0);
  });

  it("usage 2, unreadable input 74, invalid case 1", async () => {
    expect((await run(["localize", "--limit", "x", "c.json"], { "c.json": CASE("a") })).code).toBe(2);
    expect((await run(["nonsense"])).code).toBe(2);
    expect((await run(["localize", "missing.json"])).code).toBe(74);
    expect((await run(["localize", "c.json"], { "c.json": '{"format":"locus-case/1"}' })).code).toBe(1);
  });
});

describe("a closed output pipe", () => {
  it("ends the command quietly with 0 (locus schema | head -1)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/test-helpers/bin.ts", "schema"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away before the command writes.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 30_000);
});
