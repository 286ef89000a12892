/**
 * Lines in reading order → paragraphs. Within a column a new paragraph starts at a gap wider than
 * the usual line spacing, a change of font size (a heading), an indented first line, a bullet, or
 * after a short line that ends a sentence. A paragraph cut by the end of a column or a page goes
 * on in the next block when it does not end a sentence, when a quotation it opened is still open,
 * or when its last line runs to the margin and the next block opens in lower case, always provided
 * that the next block opens without an indent: a quote across a page break stays one paragraph, on
 * the page where it starts. Pure.
 */
import type { Line, RawParagraph } from './types.js';

/** A gap between baselines wider than this many times the usual spacing ends a paragraph. */
export const PARAGRAPH_GAP = 1.45;
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/;
const BULLET = /^[•·▪◦‣∙■–-]\s/;

/** The usual baseline-to-baseline distance for each font size (the median within columns). */
export function lineSpacings(blocks: readonly (readonly Line[])[]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  for (const block of blocks) {
    for (let i = 1; i < block.length; i++) {
      const [a, b] = [block[i - 1]!, block[i]!];
      const d = b.y - a.y;
      if (a.size === b.size && d > 0 && d < a.size * 3) (gaps.get(a.size) ?? gaps.set(a.size, []).get(a.size)!).push(d);
    }
  }
  const out = new Map<number, number>();
  for (const [size, ds] of gaps) out.set(size, ds.sort((x, y) => x - y)[Math.floor(ds.length / 2)]!);
  return out;
}

/** A quotation opened (“) and not closed (”) in the paragraph's lines so far. */
function quoteOpen(lines: readonly Line[]): boolean {
  let open = 0;
  for (const l of lines) for (const ch of l.text) open = ch === '“' ? open + 1 : ch === '”' ? Math.max(0, open - 1) : open;
  return open > 0;
}

const sameSize = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(a, b) * 0.1;

interface Draft {
  page: number;
  size: number;
  lines: Line[];
  /** The block's margins: whether the last line runs to the right margin. */
  full: boolean;
}

/** Blocks (each a column of lines, in reading order, across all pages) → paragraphs. */
export function toParagraphs(blocks: readonly (readonly Line[])[]): RawParagraph[] {
  const spacing = lineSpacings(blocks);
  const usual = (size: number): number => spacing.get(size) ?? size * 1.2;
  const drafts: Draft[] = [];
  for (const block of blocks) {
    if (!block.length) continue;
    const bodySize = block.reduce((a, l) => (l.text.length > a.n ? { n: l.text.length, s: l.size } : a), { n: -1, s: block[0]!.size }).s;
    const left = Math.min(...block.map((l) => l.x0));
    const right = Math.max(...block.filter((l) => sameSize(l.size, bodySize)).map((l) => l.x1));
    const indented = (l: Line): boolean => l.x0 - left > l.size * 0.8;
    const reachesMargin = (l: Line): boolean => right - l.x1 < l.size * 2.5;
    let current: Draft | null = null;
    block.forEach((line, i) => {
      const prev = i > 0 ? block[i - 1]! : null;
      let starts = true;
      if (prev && current) {
        starts = !sameSize(prev.size, line.size)
          || line.y - prev.y > usual(line.size) * PARAGRAPH_GAP
          || (indented(line) && !indented(prev))
          || BULLET.test(line.text)
          || (!reachesMargin(prev) && ENDS_SENTENCE.test(prev.text));
      } else if (!prev) {
        // The block's first line: the paragraph cut by the previous block's end may go on here.
        const last = drafts[drafts.length - 1];
        const lastLine = last?.lines[last.lines.length - 1];
        if (last && lastLine && sameSize(lastLine.size, line.size) && !indented(line) && !BULLET.test(line.text)
          && (!ENDS_SENTENCE.test(lastLine.text) || quoteOpen(last.lines) || (last.full && /^\p{Ll}/u.test(line.text)))) {
          current = last;
          starts = false;
        }
      }
      if (starts || !current) {
        current = { page: line.page, size: line.size, lines: [line], full: false };
        drafts.push(current);
      } else {
        current.lines.push(line);
      }
      current.full = reachesMargin(line);
    });
  }
  return drafts.map((d) => ({ page: d.page, size: d.size, lines: d.lines.map((l) => l.text) }));
}
