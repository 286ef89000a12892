/**
 * Positioned text items → lines. Items whose baselines are close (half the larger font size) are
 * one row; a row is cut where the gap between two items is wider than a column gutter could be
 * narrower than (1.2 em), so that the two columns of a page give two lines, not one. Small items
 * raised above the baseline that are only digits or a dagger are footnote marks: kept apart from
 * the text. Pure.
 */
import type { Line, PageText, TextItem } from './types.js';

/** A gap wider than this many ems between two items on one baseline separates columns. */
export const COLUMN_GAP_EM = 1.2;
/** A gap wider than this many ems is a space between words when the items carry none. */
const SPACE_GAP_EM = 0.15;
const MARK = /^(?:\d{1,3}|[*†‡§])$/;

/** The size most of the items' characters are set in. */
function dominantSize(items: readonly TextItem[]): number {
  const weight = new Map<number, number>();
  for (const i of items) weight.set(i.size, (weight.get(i.size) ?? 0) + i.str.length);
  let best = items[0]?.size ?? 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight || (w === bestWeight && size > best)) [best, bestWeight] = [size, w];
  return best;
}

function isMark(item: TextItem, lineSize: number, baseline: number): boolean {
  return MARK.test(item.str.trim()) && item.size < lineSize * 0.85 && baseline - item.y > item.size * 0.2;
}

function toLine(page: number, items: readonly TextItem[]): Line | null {
  const size = dominantSize(items.filter((i) => !MARK.test(i.str.trim())).length ? items.filter((i) => !MARK.test(i.str.trim())) : items);
  const body = items.filter((i) => i.size >= size * 0.85);
  const baseline = body.length ? body.reduce((a, i) => a + i.y, 0) / body.length : items[0]!.y;
  let text = '';
  let leadingMark: string | undefined;
  const marks: string[] = [];
  let end: number | null = null;
  for (const item of items) {
    if (isMark(item, size, baseline)) {
      if (!text.trim()) leadingMark = item.str.trim();
      else marks.push(item.str.trim());
      end = item.x + item.width;
      continue;
    }
    if (text && end !== null && item.x - end > size * SPACE_GAP_EM && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    text += item.str;
    end = item.x + item.width;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const x0 = Math.min(...items.map((i) => i.x));
  const x1 = Math.max(...items.map((i) => i.x + i.width));
  return { page, x0, x1, y: baseline, size, text, ...(leadingMark ? { leadingMark } : {}), ...(marks.length ? { marks } : {}) };
}

/** A page's items → its lines, top to bottom and, on one baseline, left to right. */
export function pageLines(page: PageText): Line[] {
  const items = page.items.filter((i) => i.str.trim() && i.size > 0 && Number.isFinite(i.x) && Number.isFinite(i.y));
  if (!items.length) return [];
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  // Rows: consecutive items (by baseline) within half a font size of the row's first baseline.
  const rows: TextItem[][] = [];
  let row: TextItem[] = [];
  let rowY = 0;
  let rowSize = 0;
  for (const item of sorted) {
    // A smaller item (a raised footnote mark) may stand further off the row's baseline.
    const reach = Math.abs(item.size - rowSize) > Math.max(item.size, rowSize) * 0.15 ? 0.7 : 0.5;
    if (row.length && Math.abs(item.y - rowY) <= Math.max(item.size, rowSize) * reach) {
      row.push(item);
      // A raised mark read first must not pull the row's baseline up.
      if (item.size > rowSize) [rowY, rowSize] = [item.y, item.size];
      continue;
    }
    if (row.length) rows.push(row);
    row = [item];
    [rowY, rowSize] = [item.y, item.size];
  }
  if (row.length) rows.push(row);
  const lines: Line[] = [];
  for (const r of rows) {
    r.sort((a, b) => a.x - b.x);
    const size = dominantSize(r);
    let part: TextItem[] = [];
    let end = -Infinity;
    for (const item of r) {
      if (part.length && item.x - end > size * COLUMN_GAP_EM) {
        const line = toLine(page.number, part);
        if (line) lines.push(line);
        part = [];
      }
      part.push(item);
      end = Math.max(end, item.x + item.width);
    }
    const line = toLine(page.number, part);
    if (line) lines.push(line);
  }
  return lines;
}
