/**
 * Fuzz tests draw a new seed every run, so that each run tries inputs no earlier run tried; a
 * failure names its seed and how to replay it (LOCUS_FUZZ_SEED=<seed>). LOCUS_FUZZ_RUNS scales
 * every property's number of runs (npm run fuzz is the long campaign).
 */
import { randomInt } from "node:crypto";
import fc from "fast-check";

function seedFromEnv(): number {
  const raw = process.env.LOCUS_FUZZ_SEED;
  if (raw === undefined || raw === "") return randomInt(0, 2 ** 31 - 1);
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`LOCUS_FUZZ_SEED must be a whole number; found "${raw}"`);
  return n;
}

export const FUZZ_SEED = seedFromEnv();
const SCALE = Math.max(0.01, Number(process.env.LOCUS_FUZZ_RUNS ?? "1") || 1);

/** The message of a failed property: its seed and how to replay it first, then fast-check's report. */
export function failureMessage<T>(details: fc.RunDetails<T>, seed: number): string {
  const error = details.failed ? `\nError: ${String(details.errorInstance)}` : "";
  return `fuzz failure with seed ${seed}; replay with LOCUS_FUZZ_SEED=${seed}${error}\n${fc.defaultReportMessage(details) ?? ""}`;
}

/** fast-check parameters: `numRuns` runs (scaled), this run's seed, failures reported with it. */
export function fuzz<T>(numRuns: number, seed = FUZZ_SEED): fc.Parameters<T> {
  return {
    numRuns: Math.max(1, Math.round(numRuns * SCALE)),
    seed,
    // Used for asynchronous properties too.
    reporter: (details: fc.RunDetails<T>) => {
      if (details.failed) throw new Error(failureMessage(details, seed));
    },
  };
}
