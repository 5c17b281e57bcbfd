/**
 * Two builds measured in turn in one process (bench/answer-ab.ts, bench/differential-ab.ts): on
 * this machine only timings taken side by side compare, so every case is run by both builds, one
 * after the other, and which goes first alternates round by round.
 */

export type Which = 0 | 1;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Milliseconds one call takes. */
export function timed(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const inTurn = (round: number): Which[] => (round % 2 ? [1, 0] : [0, 1]);

/** Each of `n` cases' fastest of `rounds` runs for both builds; `time(k, i)` runs build k on case i. */
export function fastest(
  n: number,
  rounds: number,
  time: (k: Which, i: number) => number,
): [number[], number[]] {
  const best: [number[], number[]] = [new Array(n).fill(Infinity), new Array(n).fill(Infinity)];
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < n; i++)
      for (const k of inTurn(r)) {
        const t = time(k, i);
        const mine = best[k];
        if (t < (mine[i] as number)) mine[i] = t;
      }
  return best;
}

/** The growth of heapUsed across `call(k, i)`, over the calls during which no collection ran, both builds. */
export function allocation(
  n: number,
  rounds: number,
  call: (k: Which, i: number) => unknown,
): [number[], number[]] {
  const grown: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < n; i++)
      for (const k of inTurn(r)) {
        const before = process.memoryUsage().heapUsed;
        call(k, i);
        const after = process.memoryUsage().heapUsed;
        if (after >= before) grown[k].push(after - before);
      }
  return grown;
}
