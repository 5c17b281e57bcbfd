/**
 * A count of the characters the extractor's patterns run over: a measure of work that tests can
 * compare between a note and the same note repeated, to check that reading stays linear in the
 * length of the note without timing anything.
 */
export const work = { chars: 0 };

export function countWork(n: number): void {
  work.chars += n;
}
