/**
 * Footnotes: the lines at the foot of a page set smaller than the body text, the first of them
 * starting with a mark ("1", "12.", "*", or a raised number). Each mark starts a footnote; the
 * lines after it continue it. Kept apart from the body, with their marks and pages. Pure.
 */
import type { Line } from './types.js';

/** Lines at most this share of the body size are small enough to be footnotes. */
export const FOOTNOTE_SIZE = 0.9;
const MARKED = /^(\d{1,3}|[*†‡§])(?:[.)])?\s+(?=\S)/;

export interface FootnoteLines {
  readonly number: string;
  readonly page: number;
  readonly lines: readonly string[];
}

/** The mark a line opens with, and its text without it; null when it opens with none. */
export function footnoteMark(line: Line): { mark: string; text: string } | null {
  if (line.leadingMark) return { mark: line.leadingMark, text: line.text };
  const m = MARKED.exec(line.text);
  return m ? { mark: m[1]!, text: line.text.slice(m[0].length) } : null;
}

/**
 * Splits a page's lines (top to bottom) into body and footnotes. `bodySize` is the size most of
 * the document's text is set in.
 */
export function splitFootnotes(lines: readonly Line[], bodySize: number): { body: Line[]; footnotes: FootnoteLines[] } {
  const byHeight = [...lines].sort((a, b) => a.y - b.y);
  let start = byHeight.length;
  while (start > 0 && byHeight[start - 1]!.size <= bodySize * FOOTNOTE_SIZE) start--;
  // The run must open with a mark, and something larger must stand above it (a page of small print is not footnotes).
  while (start < byHeight.length && !footnoteMark(byHeight[start]!)) start++;
  if (start >= byHeight.length || start === 0) return { body: [...lines], footnotes: [] };
  const notes = new Set(byHeight.slice(start));
  const footnotes: FootnoteLines[] = [];
  for (const line of byHeight.slice(start)) {
    const m = footnoteMark(line);
    if (m) footnotes.push({ number: m.mark, page: line.page, lines: [m.text] });
    else (footnotes[footnotes.length - 1]!.lines as string[]).push(line.text);
  }
  return { body: lines.filter((l) => !notes.has(l)), footnotes };
}
