import { readFile } from "node:fs/promises";

/** Where the CLI reads and writes: the process by default, memory in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Read a file, or standard input for "-". */
  read(path: string): Promise<string>;
  isTty: boolean;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    read: async (path) => {
      if (path !== "-") return readFile(path, "utf8");
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    isTty: Boolean(process.stdout.isTTY),
  };
}

/** An Io that records everything, for tests. */
export function memoryIo(files: Record<string, string> = {}): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    read: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
      return text;
    },
    isTty: false,
  };
  return io;
}
