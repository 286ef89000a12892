/**
 * Reading order on a page: one column, or two read column by column. A page has two columns when
 * a vertical gutter in its middle half is crossed by no column-wide line, at least two lines stand
 * side by side across it, and lines across the whole width are fewer than column lines. Lines that cross the gutter (a heading over both columns) cut the page
 * into bands, read top to bottom; within a band the left column is read before the right. Pure.
 */
import type { Line } from './types.js';

/** Lines standing side by side across the gutter that make a page two columns. */
const MIN_SIDE_BY_SIDE = 2;
/** A line no wider than this share of the text's width may be a column's. */
const NARROW = 0.55;

/** The x of the gutter between two columns, or null for a page of one column. */
export function findGutter(lines: readonly Line[]): number | null {
  if (lines.length < 2 * MIN_SIDE_BY_SIDE) return null;
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const span = right - left;
  if (span <= 0) return null;
  // Candidate gutters: the gaps in the middle half that no column-wide line crosses (a heading
  // over both columns does, and cuts the page into bands instead).
  const from = left + span * 0.25;
  const to = left + span * 0.75;
  const narrow = lines.filter((l) => l.x1 - l.x0 <= span * NARROW);
  if (lines.length - narrow.length > narrow.length) return null;
  const covered = narrow.map((l) => [l.x0, l.x1] as const).sort((a, b) => a[0] - b[0]);
  const gaps: Array<[number, number]> = [];
  let reach = left;
  for (const [a, b] of covered) {
    if (a > reach && a > from && reach < to) gaps.push([Math.max(reach, from), Math.min(a, to)]);
    reach = Math.max(reach, b);
  }
  let best: { x: number; score: number } | null = null;
  for (const [a, b] of gaps) {
    if (b <= a) continue;
    const x = (a + b) / 2;
    const l = narrow.filter((ln) => ln.x1 <= x);
    const r = narrow.filter((ln) => ln.x0 >= x);
    // Side by side: a right-hand line on the baseline of a left-hand one.
    const sideBySide = r.filter((rl) => l.some((ll) => Math.abs(ll.y - rl.y) < Math.max(ll.size, rl.size))).length;
    if (sideBySide < MIN_SIDE_BY_SIDE) continue;
    const score = Math.min(l.length, r.length);
    if (!best || score > best.score) best = { x, score };
  }
  return best?.x ?? null;
}

/** Columns within columns are looked for this deep (three or four columns a page). */
const MAX_DEPTH = 2;

/**
 * A page's lines (top to bottom) → blocks in reading order, each a column of one band. Each
 * column is read the same way in turn, so a page of three columns is read left to right.
 */
export function readingOrder(lines: readonly Line[], depth = 0): Line[][] {
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const gutter = depth <= MAX_DEPTH ? findGutter(sorted) : null;
  if (gutter === null) return sorted.length ? [sorted] : [];
  const blocks: Line[][] = [];
  let leftCol: Line[] = [];
  let rightCol: Line[] = [];
  const flush = (): void => {
    if (leftCol.length) blocks.push(...readingOrder(leftCol, depth + 1));
    if (rightCol.length) blocks.push(...readingOrder(rightCol, depth + 1));
    leftCol = [];
    rightCol = [];
  };
  for (const line of sorted) {
    if (line.x1 <= gutter) leftCol.push(line);
    else if (line.x0 >= gutter) rightCol.push(line);
    else {
      flush();
      blocks.push([line]);
    }
  }
  flush();
  // Consecutive one-line blocks of spanning lines read as one block.
  const merged: Line[][] = [];
  for (const b of blocks) {
    const last = merged[merged.length - 1];
    if (last && b.length === 1 && last.length >= 1 && last.every((l) => l.x0 < gutter && l.x1 > gutter) && b[0]!.x0 < gutter && b[0]!.x1 > gutter) last.push(b[0]!);
    else merged.push(b);
  }
  return merged;
}
