/**
 * Running headers, footers and page numbers: text in the top or bottom band of the page that is
 * repeated at the same height on most pages (digits aside, so "Page 3" and "Page 4" are one
 * text), the same text at the same height on a few pages (a chapter's running header), and lone
 * page numbers in those bands. Removed from the text; pure.
 */
import type { Line } from './types.js';

/** The top and bottom bands of a page, as a share of its height, where furniture is looked for. */
export const MARGIN_BAND = 0.12;
/**
 * Text repeated at one height on this share of the pages (digits aside), or word for word on this
 * many pages (a chapter's running header; footnotes that differ only in numbers are not), and on
 * two pages at least, is furniture.
 */
export const REPEATED_SHARE = 0.5;
export const REPEATED_PAGES = 3;
/** Heights within this many points are "the same position". */
const SAME_HEIGHT = 4;

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,3}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text.trim());

function key(line: Line, digits: boolean): string {
  const text = line.text.toLowerCase().replace(/\s+/g, ' ').trim();
  return `${Math.round(line.y / SAME_HEIGHT)}|${digits ? text : text.replace(/\d+/g, '#')}`;
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
    const band = p.lines.filter((l) => inBand(l, p.height));
    const keys = new Set([...band.map((l) => key(l, false)), ...band.map((l) => `=${key(l, true)}`)]);
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const withText = pages.filter((p) => p.lines.length).length;
  const most = Math.max(2, Math.ceil(withText * REPEATED_SHARE));
  const few = Math.max(2, Math.min(most, REPEATED_PAGES));
  return pages.map((p) => p.lines.filter((l) => {
    if (!inBand(l, p.height)) return true;
    if (isPageNumber(l.text)) return false;
    return (counts.get(key(l, false)) ?? 0) < most && (counts.get(`=${key(l, true)}`) ?? 0) < few;
  }));
}
