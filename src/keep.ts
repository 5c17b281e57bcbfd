/**
 * Values worked out once and kept, by every stage: per atlas, per lesion, per finding, per word.
 * What is kept never changes an answer, only how often it is worked out.
 */

/** A table of kept values: a Map, or a WeakMap when the keys are objects. */
interface Table<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value kept under `key`, made and kept the first time it is asked for. */
export function keep<K, V>(table: Table<K, V>, key: K, make: () => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = make();
    table.set(key, value);
  }
  return value;
}

/** As `keep`, in a Map that starts again once it holds `bound` values (keys from cases are unbounded). */
export function keepBounded<K, V>(table: Map<K, V>, key: K, make: () => V, bound: number): V {
  let value = table.get(key);
  if (value === undefined) {
    if (table.size >= bound) table.clear();
    value = make();
    table.set(key, value);
  }
  return value;
}

/** One of a set of scratch arrays kept by length: the array of n items, made the first time. */
export function arrayOf<T>(arrays: T[][], n: number): T[] {
  let out = arrays[n];
  if (!out) {
    out = [];
    arrays[n] = out;
  }
  // Setting an array's length is a call into the runtime: only when it changes.
  if (out.length !== n) out.length = n;
  return out;
}
