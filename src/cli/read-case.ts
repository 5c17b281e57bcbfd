/**
 * What the commands that take one case share: read the file or standard input, read a clinic note
 * through extraction where the command allows it, and answer bad input the same way everywhere
 * (exit 74 when the file cannot be read, 1 with the case's errors when it is not a valid case).
 */
import pc from "picocolors";
import { type Issue, parseCase, parseCaseText } from "../case/index.js";
import type { LocusCase } from "../case/schema.js";
import { extract, looksLikeNote } from "../text/index.js";
import { renderReport } from "./commands/validate.js";
import { EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";

export interface CaseInput {
  case: LocusCase;
  /** The file name to show ("(stdin)" for "-"). */
  name: string;
  warnings: Issue[];
  /** The input was a clinic note, read through extraction. */
  fromNote: boolean;
}

export interface ReadOptions {
  /** Errors as JSON on standard output instead of a report on standard error. */
  json: boolean;
  /** Accept a clinic note as well as JSON. */
  notes?: boolean;
}

/**
 * The text of a file, or of standard input for "-"; when it cannot be read, says why (in the
 * command's words) and exits 74 (EX_IOERR), as every command does.
 */
export async function readInput(
  io: Io,
  file: string,
  say: (why: string) => string,
  setExit: (code: number) => void,
): Promise<string | undefined> {
  try {
    return await io.read(file);
  } catch (error) {
    io.err(say(error instanceof Error ? error.message : String(error)));
    setExit(EXIT.io);
    return undefined;
  }
}

export async function readCase(
  io: Io,
  file: string,
  options: ReadOptions,
  setExit: (code: number) => void,
): Promise<CaseInput | undefined> {
  const color = pc.createColors(io.isTty);
  const name = file === "-" ? "(stdin)" : file;
  const text = await readInput(
    io,
    file,
    (why) => `${color.red("✗")} ${name}: cannot be read: ${why}\n`,
    setExit,
  );
  if (text === undefined) return undefined;
  const unreadable = notText(text);
  if (unreadable) {
    io.err(`${color.red("✗")} ${name}: not a case or a clinic note: ${unreadable}\n`);
    setExit(1);
    return undefined;
  }
  const fromNote = options.notes === true && looksLikeNote(text);
  const parsed = fromNote ? parseCase(extract(text, { id: name }).case) : parseCaseText(text, name);
  if (!parsed.ok) {
    if (options.json)
      io.out(`${JSON.stringify({ ok: false, file: name, errors: parsed.errors }, null, 2)}\n`);
    else
      io.err(
        renderReport(
          { file: name, ok: false, errors: parsed.errors, warnings: parsed.warnings, normalisations: [] },
          color,
          true,
        ),
      );
    setExit(1);
    return undefined;
  }
  return { case: parsed.case, name, warnings: parsed.warnings, fromNote };
}

/**
 * Why a text cannot be a case or a note (binary data: control characters or undecodable bytes
 * beyond one in a hundred), or undefined when it reads as text.
 */
export function notText(text: string): string | undefined {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) bad++;
  }
  if (text.length === 0 || bad / text.length <= 0.01) return undefined;
  return `it is not text (${Math.round((100 * bad) / text.length)}% control or undecodable characters)`;
}

/** A whole-number option, or a usage error (exit 2) naming the command and the flag. */
export function wholeNumber(
  io: Io,
  command: string,
  flag: string,
  value: string,
  range: { min: number; max: number },
  setExit: (code: number) => void,
): number | undefined {
  const n = Number(value);
  if (Number.isInteger(n) && n >= range.min && n <= range.max) return n;
  io.err(
    `locus ${command}: ${flag} expects a whole number from ${range.min} to ${range.max}, found "${value}"\n`,
  );
  setExit(2);
  return undefined;
}
