/**
 * Searching spans of text (mentions, quotations, organisations) by offset in logarithmic time, so
 * that the analysis of a document stays linear in its length (n log n at worst) rather than asking
 * every span about every other. Pure.
 */
import { partitionPoint } from '../core/sorted.js';

/** The first index in `items` (sorted by `key`, ascending) whose key is >= `x`; `items.length` if none. */
export function lowerBound<T>(items: readonly T[], key: (item: T) => number, x: number): number {
  return partitionPoint(0, items.length, (i) => key(items[i]!) < x);
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The spans of `items` (sorted by start) whose start lies in [from, to), in their order. */
export function startingIn<T extends Interval>(items: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, (s) => s.start, from); i < items.length && items[i]!.start < to; i++) out.push(items[i]!);
  return out;
}

/**
 * A fixed set of spans (in any order, overlapping or not) that answers "does any span overlap
 * [start, end)?" in O(log n): the spans sorted by start, with the largest end of each prefix.
 */
export class OverlapIndex {
  private readonly starts: number[];
  private readonly maxEnd: number[];

  constructor(spans: readonly Interval[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.maxEnd = [];
    let max = -Infinity;
    for (const s of sorted) this.maxEnd.push((max = Math.max(max, s.end)));
  }

  /** Some span s with s.start < end and start < s.end. */
  overlaps(start: number, end: number): boolean {
    const n = lowerBound(this.starts, (x) => x, end); // spans that start before `end`
    return n > 0 && this.maxEnd[n - 1]! > start;
  }
}

/**
 * Spans added one by one, any order, each asked first whether it overlaps one already added:
 * positions are known in advance (the candidates' starts), so a Fenwick tree of the largest end
 * among added spans answers each question and each addition in O(log n).
 */
export class GrowingOverlapSet {
  private readonly starts: number[];
  private readonly tree: number[];

  /** `starts`: the start of every span that may be added. */
  constructor(starts: readonly number[]) {
    this.starts = [...new Set(starts)].sort((a, b) => a - b);
    this.tree = new Array<number>(this.starts.length + 1).fill(-Infinity);
  }

  add(span: Interval): void {
    const at = lowerBound(this.starts, (x) => x, span.start);
    if (this.starts[at] !== span.start) throw new Error(`GrowingOverlapSet: unknown start ${span.start}`);
    for (let i = at + 1; i < this.tree.length; i += i & -i) this.tree[i] = Math.max(this.tree[i]!, span.end);
  }

  /** Some added span s with s.start < end and start < s.end. */
  overlaps(start: number, end: number): boolean {
    let max = -Infinity;
    for (let i = lowerBound(this.starts, (x) => x, end); i > 0; i -= i & -i) max = Math.max(max, this.tree[i]!);
    return max > start;
  }
}
