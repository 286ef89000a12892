/**
 * Running headers, footers and page numbers: text in the top or bottom band of the page that is
 * repeated at the same height on most pages (digits aside, so "Page 3" and "Page 4" are one
 * text), and lone page numbers in those bands. Removed from the text; pure.
 */
import type { Line } from './types.js';

/** The top and bottom bands of a page, as a share of its height, where furniture is looked for. */
export const MARGIN_BAND = 0.12;
/**
 * Text repeated at one height on this share of the pages, or on this many pages (a chapter's
 * running header), and on two pages at least, is furniture.
 */
export const REPEATED_SHARE = 0.5;
export const REPEATED_PAGES = 3;
/** Heights within this many points are "the same position". */
const SAME_HEIGHT = 4;

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,3}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text.trim());

function key(line: Line): string {
  return `${Math.round(line.y / SAME_HEIGHT)}|${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
}

export interface PageLines {
  readonly number: number;
  readonly height: number;
  readonly lines: readonly Line[];
}

/** The pages' lines without their running headers, footers and page numbers. */
export function removeFurniture(pages: readonly PageLines[]): Line[][] {
  const inBand = (l: Line, height: number): boolean => l.y < height * MARGIN_BAND || l.y > height * (1 - MARGIN_BAND);
  const counts = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.lines.filter((l) => inBand(l, p.height)).map(key));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const withText = pages.filter((p) => p.lines.length).length;
  const needed = Math.max(2, Math.min(Math.ceil(withText * REPEATED_SHARE), REPEATED_PAGES));
  return pages.map((p) => p.lines.filter((l) => {
    if (!inBand(l, p.height)) return true;
    if (isPageNumber(l.text)) return false;
    return (counts.get(key(l)) ?? 0) < needed;
  }));
}
