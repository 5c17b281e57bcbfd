/**
 * Stable sorting of indices by number keys, highest first, without a call per comparison (the
 * search and the explanations sort a few hundred numbers per case).
 */

/** Scratch: the merge sort's buffer (never kept between calls). */
let sortScratch = new Int32Array(256);

/** The first n of `order`, filled with 0 to n - 1. */
export function identity(order: Int32Array, n: number): Int32Array {
  const out = order.subarray(0, n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Sorts `order` (candidate indices) by `key` (by candidate), highest first, keeping the order of
 * equal keys: the same result as Array.prototype.sort with (a, b) => key[b] - key[a], without a
 * call per comparison. Keys that are NaN make that comparator inconsistent, so then it is used as is.
 */
export function sortDescending(order: Int32Array, key: Float64Array): void {
  const n = order.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(key[order[i] as number] as number)) {
      const sorted = Array.from(order).sort((a, b) => (key[b] as number) - (key[a] as number));
      order.set(sorted);
      return;
    }
  }
  if (sortScratch.length < n) sortScratch = new Int32Array(2 * n);
  let from: Int32Array = order;
  let to: Int32Array = sortScratch.subarray(0, n);
  // Runs of 8 by insertion, then merged pairwise; ties always go to the earlier run.
  const RUN = 8;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const x = from[i] as number;
      const kx = key[x] as number;
      let j = i - 1;
      while (j >= lo && (key[from[j] as number] as number) < kx) {
        from[j + 1] = from[j] as number;
        j--;
      }
      from[j + 1] = x;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let a = lo;
      let b = mid;
      let o = lo;
      while (a < mid && b < hi) {
        const x = from[a] as number;
        const y = from[b] as number;
        if ((key[y] as number) > (key[x] as number)) {
          to[o++] = y;
          b++;
        } else {
          to[o++] = x;
          a++;
        }
      }
      while (a < mid) to[o++] = from[a++] as number;
      while (b < hi) to[o++] = from[b++] as number;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== order) order.set(from);
}

/** Scratch for sortedBy (never kept between calls). */
let itemOrder = new Int32Array(64);
let itemKeys = new Float64Array(64);

/**
 * The items in a new array, highest key first (keys[i] is item i's), equal keys in their order:
 * what items.sort((a, b) => keyOf(b) - keyOf(a)) gives.
 */
export function sortedBy<T>(items: readonly T[], keys: readonly number[]): T[] {
  const n = items.length;
  if (n < 2) return items.slice();
  if (itemOrder.length < n) {
    itemOrder = new Int32Array(2 * n);
    itemKeys = new Float64Array(2 * n);
  }
  for (let i = 0; i < n; i++) itemKeys[i] = keys[i] as number;
  const order = identity(itemOrder, n);
  sortDescending(order, itemKeys);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[order[i] as number] as T);
  return out;
}
