/**
 * Binary search over sorted data, for the analyser's spans and the index's postings and vocabulary
 * alike. Pure.
 */

/**
 * The first index in [lo, hi) at which `before` is false, given that it is true for a prefix of the
 * range and false after it (`hi` when it is true throughout): C++'s partition_point.
 */
export function partitionPoint(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
