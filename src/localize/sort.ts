/**
 * Stable sorting of indices by number keys, highest first, without a call per comparison (the
 * search and the explanations sort a few hundred numbers per case).
 */

/** The first n of `order`, filled with 0 to n - 1. */
export function identity(order: Int32Array, n: number): Int32Array {
  const out = order.subarray(0, n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Whether any of the first n numbers is NaN. */
export function hasNaN(key: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (Number.isNaN(key[i] as number)) return true;
  return false;
}

/**
 * Sorts `order` (indices) by `key` (by index), highest first, and equal keys by `tie`, highest
 * first, keeping the order of those equal in both: the same result as Array.prototype.sort with
 * (a, b) => key[b] - key[a] || tie[b] - tie[a], without a call per comparison (pass `key` as `tie`
 * to sort by one key). NaN makes that comparator inconsistent, so then it is used as is.
 */
export function sortDescending(
  order: Int32Array,
  key: Float64Array,
  tie: Float64Array = key,
  /** The merge sort's buffer, at least as long as `order` (made when not given). */
  buffer: Int32Array = new Int32Array(order.length),
): void {
  const n = order.length;
  for (let i = 0; i < n; i++) {
    const x = order[i] as number;
    if (Number.isNaN(key[x] as number) || Number.isNaN(tie[x] as number)) {
      const sorted = Array.from(order).sort(
        (a, b) => (key[b] as number) - (key[a] as number) || (tie[b] as number) - (tie[a] as number),
      );
      order.set(sorted);
      return;
    }
  }
  /** Whether y goes before x. */
  const above = (y: number, x: number) => {
    const ky = key[y] as number;
    const kx = key[x] as number;
    return ky > kx || (ky === kx && (tie[y] as number) > (tie[x] as number));
  };
  let from: Int32Array = order;
  let to: Int32Array = buffer.subarray(0, n);
  // Runs of 8 by insertion, then merged pairwise; ties always go to the earlier run.
  const RUN = 8;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const x = from[i] as number;
      let j = i - 1;
      while (j >= lo && above(x, from[j] as number)) {
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
        if (above(y, x)) {
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

/**
 * The first k of 0 to n - 1 sorted by sortDescending(·, key), in that order, at the start of `out`
 * (at least n long): one pass that keeps the best k instead of sorting all.
 */
export function bestFirst(key: Float64Array, n: number, k: number, out: Int32Array): Int32Array {
  const m = Math.max(0, Math.min(k, n));
  if (hasNaN(key, n)) {
    sortDescending(identity(out, n), key);
    return out.subarray(0, m);
  }
  let count = 0;
  for (let x = 0; x < n && m > 0; x++) {
    const kx = key[x] as number;
    // Full, and not above the last kept: out (an equal key stays behind the earlier one).
    if (count === m && !(kx > (key[out[m - 1] as number] as number))) continue;
    let j = count < m ? count++ : m - 1;
    while (j > 0 && (key[out[j - 1] as number] as number) < kx) {
      out[j] = out[j - 1] as number;
      j--;
    }
    out[j] = x;
  }
  return out.subarray(0, m);
}

/**
 * The items in a new array, highest key first (keys[i] is item i's), equal keys in their order:
 * what items.sort((a, b) => keyOf(b) - keyOf(a)) gives.
 */
export function sortedBy<T>(items: readonly T[], keys: readonly number[]): T[] {
  const n = items.length;
  if (n < 2) return items.slice();
  if (n <= SMALL && !keys.some(Number.isNaN)) return insertionSorted(items, keys);
  const order = identity(new Int32Array(n), n);
  sortDescending(order, new Float64Array(keys));
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[order[i] as number] as T);
  return out;
}

/**
 * Up to this many items, sortedBy sorts by insertion in a plain array: the explanations sort a few
 * reasons per list, many lists per case, and two typed arrays per list cost more than the sort.
 */
const SMALL = 32;

/** sortedBy for a few items and no NaN key: stable insertion, highest key first. */
function insertionSorted<T>(items: readonly T[], keys: readonly number[]): T[] {
  const out = items.slice();
  const sortedKeys = keys.slice(0, items.length);
  for (let i = 1; i < out.length; i++) {
    const x = out[i] as T;
    const k = sortedKeys[i] as number;
    let j = i - 1;
    // An equal key stays behind the earlier one.
    while (j >= 0 && (sortedKeys[j] as number) < k) {
      out[j + 1] = out[j] as T;
      sortedKeys[j + 1] = sortedKeys[j] as number;
      j--;
    }
    out[j + 1] = x;
    sortedKeys[j + 1] = k;
  }
  return out;
}
