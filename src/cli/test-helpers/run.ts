/** Runs the locus command line in memory, for tests: files by name, what it printed, its exit code. */
import { main } from "../index.js";
import { memoryIo } from "../io.js";

export async function run(
  args: string[],
  files: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(files);
  const code = await main(["node", "locus", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}
