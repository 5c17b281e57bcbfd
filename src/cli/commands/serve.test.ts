import { afterEach, describe, expect, it } from "vitest";
import { main } from "../index.js";
import { memoryIo } from "../io.js";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["HOST", "PORT", "LOCUS_TOKENS"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("locus serve", () => {
  it("refuses to listen beyond loopback without tokens (exit 2, says what to set)", async () => {
    delete process.env.LOCUS_TOKENS;
    const io = memoryIo();
    expect(await main(["node", "locus", "serve", "--host", "0.0.0.0"], io)).toBe(2);
    expect(io.stderr).toMatch(/LOCUS_TOKENS/);
  });

  it("rejects a port that is not a number", async () => {
    const io = memoryIo();
    expect(await main(["node", "locus", "serve", "--port", "http"], io)).toBe(2);
    expect(io.stderr).toMatch(/--port/);
  });
});
