import { readFile } from "node:fs/promises";

/** Where the CLI reads and writes: the process by default, memory in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Read a file, or standard input for "-". */
  read(path: string): Promise<string>;
  isTty: boolean;
}

let quietOnClosedPipe = false;

/**
 * A reader that stops early (`locus ... | head -1`) closes the pipe: stop quietly with exit 0, as
 * the reader has what it wanted; any other failure to write is exit 74 (EX_IOERR), in one line.
 */
function handleOutputErrors(): void {
  if (quietOnClosedPipe) return;
  quietOnClosedPipe = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      if (stream === process.stdout)
        process.stderr.write(`locus: cannot write the output: ${error.message}\n`);
      process.exit(74);
    });
}

export function processIo(): Io {
  handleOutputErrors();
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
