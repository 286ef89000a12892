/**
 * PDF → title, paragraphs with their pages, footnotes and metadata. The steps, each its own
 * module and all pure but the first:
 *
 *   read (PDF.js, in a worker thread with time and memory limits: positioned text items per
 *         page, information dictionary, XMP)
 *   → lines (items on one baseline; columns kept apart)
 *   → furniture (running headers, footers, page numbers removed)
 *   → footnotes (small lines at the foot of a page, opening with a mark, kept apart)
 *   → metadata (one fallback chain: info dictionary, XMP, the first page; metadata.ts)
 *   → columns (reading order: a two-column page column by column)
 *   → paragraphs (spacing, indents, font size; joined across page breaks)
 *   → hyphenation (line ends joined or kept)
 */
import type { Extracted, Footnote } from '../../core/types.js';
import { type ReadOptions, type RawPdf } from './read.js';
import { readPdfIsolated } from './isolate.js';
import { pageLines } from './lines.js';
import { removeFurniture } from './furniture.js';
import { splitFootnotes } from './footnotes.js';
import { pdfMetadata } from './metadata.js';
import { readingOrder } from './columns.js';
import { toParagraphs } from './paragraphs.js';
import { joinLines, vocabulary } from './hyphenation.js';
import type { Line } from './types.js';

export { isPdf, looksTruncated, readPdf, MAX_PDF_PAGES, PDF_TIME_LIMIT_MS } from './read.js';
export { readPdfIsolated, readerThreads, PDF_MEMORY_LIMIT_MB, MAX_PDF_READERS } from './isolate.js';
export type { RawPdf, ReadOptions } from './read.js';

/** Pages holding fewer characters than this on average have no text layer to speak of (a scan). */
export const MIN_CHARS_PER_PAGE = 10;

export interface PdfExtracted extends Extracted {
  /** The page (1-based) each paragraph of `text` starts on. */
  readonly pages: readonly number[];
  readonly pageCount: number;
  readonly footnotes: readonly Footnote[];
  readonly needsPassword: boolean;
  readonly needsOcr: boolean;
  /** What the reader had to do: limits hit, a cut file, pages that could not be read. */
  readonly warnings: readonly string[];
}

export interface PdfOptions extends Omit<ReadOptions, 'name'> {
  readonly name?: string;
  readonly memoryLimitMb?: number;
  readonly now?: Date;
}

/** The size most of the document's characters are set in. */
export function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const s = Math.round(l.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [s, w] of weight) if (w > bestWeight) [best, bestWeight] = [s, w];
  return best;
}

const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, ' ').trim();

/** The text-layer part: what PDF.js read → an extracted record. Pure, for tests without PDF.js. */
export function fromRawPdf(raw: RawPdf, name: string, now: Date = new Date()): PdfExtracted {
  const warnings = [...raw.warnings];
  const base = { canonicalUrl: null, kind: 'report' as const, pageCount: raw.pageCount, warnings };
  if (raw.needsPassword) {
    warnings.push(`${name}: encrypted with a password; only what is known of it outside the file is kept (marked needsPassword)`);
    return { ...base, title: '', text: '', authors: [], published: null, modified: null, publisher: null, language: null, pages: [], footnotes: [], needsPassword: true, needsOcr: false };
  }
  const perPage = raw.pages.map((p) => ({ number: p.number, height: p.height, lines: pageLines(p) }));
  const kept = removeFurniture(perPage);
  const all = kept.flat();
  const size = bodySize(all);
  const footnotes: Array<{ number: string; page: number; lines: readonly string[] }> = [];
  const bodies = kept.map((lines) => {
    const split = splitFootnotes(lines, size);
    footnotes.push(...split.footnotes);
    return split.body;
  });
  const firstPages = bodies.slice(0, 2).flat();
  const meta = pdfMetadata({ info: raw.info, xmp: raw.xmp }, firstPages, size, raw.pages[0]?.height ?? 842, now);
  const chars = raw.pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.trim().length, 0), 0);
  const needsOcr = raw.pages.length > 0 && chars < MIN_CHARS_PER_PAGE * raw.pages.length;
  const metaOut = { title: meta.title ?? '', authors: [...meta.authors], published: meta.published, modified: meta.modified, publisher: meta.publisher, language: meta.language };
  if (needsOcr) {
    warnings.push(`${name}: no text layer (a scan?); only its metadata is kept (marked needsOcr)`);
    return { ...base, ...metaOut, text: '', pages: [], footnotes: [], needsPassword: false, needsOcr: true };
  }
  const blocks = bodies.flatMap((lines) => readingOrder(lines.filter((l) => !meta.usedLines.has(l))));
  const raws = toParagraphs(blocks);
  const vocab = vocabulary([...all.map((l) => l.text)]);
  const paragraphs: Array<{ text: string; page: number }> = raws.map((p) => ({ text: joinLines(p.lines, vocab), page: p.page })).filter((p) => p.text);
  // The title often opens the text too (a title page set in body size): the text is the report without it.
  while (paragraphs.length && metaOut.title && norm(paragraphs[0]!.text) === norm(metaOut.title)) paragraphs.shift();
  return {
    ...base,
    ...metaOut,
    text: paragraphs.map((p) => p.text).join('\n\n'),
    pages: paragraphs.map((p) => p.page),
    footnotes: footnotes.map((f) => ({ number: f.number, text: joinLines(f.lines, vocab), page: f.page })),
    needsPassword: false,
    needsOcr: false,
  };
}

/** Reads and extracts a PDF. Throws InputError for a file that is not a PDF or cannot be opened. */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfExtracted> {
  const name = options.name ?? 'PDF';
  const { now, ...read } = options;
  const raw = await readPdfIsolated(bytes, { ...read, name });
  return fromRawPdf(raw, name, now);
}
