/**
 * The exit codes of every `locus` command, documented in docs/service.md. Above 2 they follow the
 * BSD sysexits.h convention, so that scripts and service managers can tell the failures apart.
 */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** The input was read but is not a valid case, or a check the command makes failed. */
  invalid: 1,
  /** Usage or configuration error: an unknown option, a bad value, a missing argument. */
  usage: 2,
  /** A service the command needs is unavailable (the database cannot be reached). */
  unavailable: 69,
  /** Locus itself failed (a bug): the engine or the command crashed. */
  software: 70,
  /** A file or standard input cannot be read, or the output cannot be written. */
  io: 74,
  /** The configured address cannot be used: the port is in use or not permitted. */
  config: 78,
} as const;
