/**
 * The index of the last item whose `key` is at most `at`, or -1, by binary search: `items` must
 * ascend by `key`, as every list of hits, cues and boundaries found by one left-to-right scan does.
 * A question about a position then costs log n, not n; frames ask one per candidate phrase, and a
 * long sentence can hold thousands of them.
 */
export function lastAtOrBefore<T>(items: readonly T[], key: (item: T) => number, at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid] as T) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
