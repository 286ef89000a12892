/**
 * A PDF's metadata, by one ordered fallback chain (as html-metadata.ts does for pages). Each field
 * takes the first of these that gives a usable value:
 *
 *   title      1. the information dictionary's Title   2. XMP dc:title
 *              3. the first page: the largest text in its top half, when larger than the body text
 *              (4. the file name: the pipeline's, as for text files)
 *   authors    1. Author   2. XMP dc:creator   3. a "By …" / "Authors: …" line on the first page
 *   published  1. XMP xmp:CreateDate / dc:date   2. CreationDate
 *              3. the first pages: a "Published: …" line, then a line that is only a date,
 *              then the year of a "© Publisher 2013" line
 *   modified   1. XMP xmp:ModifyDate   2. ModDate
 *   publisher  1. a "© …" line or "Published by …" on the first pages (the registry's source
 *              outranks it: the pipeline applies `known` last)
 *   language   1. the catalog's /Lang   2. XMP dc:language
 *
 * A value that is a placeholder ("Untitled", "Microsoft Word - report.docx", a file name) is no
 * value; a date after `now` is no date. Pure.
 */
import { parseDate, isFuture, MONTH_PATTERN } from '../../core/dates.js';
import type { Line } from './types.js';

export interface PdfInfo {
  /** The information dictionary as PDF.js reads it (Title, Author, CreationDate, ModDate…). */
  readonly info: Readonly<Record<string, unknown>>;
  /** XMP properties by name ("dc:title", "dc:creator", "xmp:CreateDate"); values as PDF.js gives them. */
  readonly xmp: Readonly<Record<string, unknown>>;
}

export interface PdfMetadata {
  readonly title: string | null;
  readonly authors: readonly string[];
  readonly published: string | null;
  readonly modified: string | null;
  readonly publisher: string | null;
  readonly language: string | null;
  /** First-page lines the metadata was read from (the title, a "Published:" line): not body text. */
  readonly usedLines: ReadonlySet<Line>;
}

const PLACEHOLDER = /^(?:untitled|untitled document|document\d*|title|slide \d+|print|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|qxp|rtf|pptx?|odt))$/i;

const str = (v: unknown): string | null => {
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v !== 'string') return null;
  const t = v.replace(/\s+/g, ' ').trim();
  return t || null;
};
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => Boolean(s)) : str(v) ? [str(v)!] : []);

/** "D:20140312093000+00'00'" (a PDF date) or an ISO date → YYYY-MM-DD (or -MM, or YYYY). */
export function pdfDate(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(s);
  if (m && !/^\d{4}-/.test(s)) {
    const [y, mo, d] = [m[1]!, m[2], m[3]];
    const value = d && mo ? `${y}-${mo}-${d}` : mo ? `${y}-${mo}` : y;
    return parseDate(value) ?? (/^\d{4}$/.test(value) ? value : null);
  }
  return parseDate(s.slice(0, 10)) ?? null;
}

const usableTitle = (t: string | null): string | null => (t && t.length >= 3 && !PLACEHOLDER.test(t) && /\p{L}{2}/u.test(t) ? t : null);
const notFuture = (d: string | null, now: Date): string | null => (d && !isFuture(d, now) ? d : null);

const PUBLISHED_LINE = /^(?:first\s+)?(?:published|publication date|date of publication|date published|issued|date)\s*(?:on|:)?\s*[:\-–]?\s*(.+)$/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(\d{4})\s+)?(.*?)[\s,]*(\d{4})?\.?$/i;
const PUBLISHED_BY = /^published by\s+(.+?)\.?$/i;
/** A publisher's name: a few words, the first capitalised ("The King's Fund", "NHS England"), no clause. */
const publisherName = (s: string): string | null => {
  const name = s.replace(/[,.\s]+$/, '').trim();
  return /^(?:the\s+)?\p{Lu}/u.test(name) && !/[;:]/.test(name) && name.split(/\s+/).length <= 8 && name.length <= 80 ? name : null;
};
const AUTHORS_LINE = /^(?:[Bb]y|[Aa]uthors?:?|[Ww]ritten by)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})*)$/u;
const DATE_ONLY = new RegExp(`^(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${MONTH_PATTERN})\\.?,?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?\\d{4}$`, 'i');

/** The title on the first page: its largest text in the top half, the lines of that size together. */
export function titleFromPage(lines: readonly Line[], bodySize: number, pageHeight: number): Line[] {
  const top = lines.filter((l) => l.y < pageHeight * 0.6 && /\p{L}{2}/u.test(l.text));
  if (!top.length) return [];
  const largest = Math.max(...top.map((l) => l.size));
  if (largest < bodySize * 1.2) return [];
  const sorted = top.filter((l) => l.size >= largest * 0.95).sort((a, b) => a.y - b.y);
  // Only the first run of adjacent lines: a second heading of the same size further down is not the title.
  const run = [sorted[0]!];
  for (const l of sorted.slice(1)) {
    if (l.y - run[run.length - 1]!.y > largest * 2) break;
    run.push(l);
  }
  return run;
}

export function pdfMetadata(meta: PdfInfo, firstPages: readonly Line[], bodySize: number, pageHeight: number, now: Date = new Date()): PdfMetadata {
  const { info, xmp } = meta;
  const used = new Set<Line>();
  const page1 = firstPages.filter((l) => l.page === firstPages[0]?.page);

  let title = usableTitle(str(info.Title)) ?? usableTitle(str(xmp['dc:title']));
  const titleLines = titleFromPage(page1, bodySize, pageHeight);
  if (!title && titleLines.length) title = titleLines.map((l) => l.text).join(' ');
  // The first page's title is not body text, whichever source gave the title.
  const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, ' ').trim();
  if (title && titleLines.length && norm(titleLines.map((l) => l.text).join(' ')) === norm(title)) titleLines.forEach((l) => used.add(l));

  let authors = strs(info.Author).flatMap((a) => a.split(/\s*(?:;|\band\b|&)\s*/)).filter(Boolean);
  if (!authors.length) authors = strs(xmp['dc:creator']);
  if (!authors.length) {
    for (const l of page1) {
      const m = AUTHORS_LINE.exec(l.text);
      if (m) {
        authors = m[1]!.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
        used.add(l);
        break;
      }
    }
  }

  let published = notFuture(pdfDate(xmp['xmp:createdate'] ?? xmp['xmp:CreateDate'] ?? xmp['dc:date']), now) ?? notFuture(pdfDate(info.CreationDate), now);
  let publisher: string | null = null;
  let copyrightYear: string | null = null;
  let dateLine: { line: Line; value: string } | null = null;
  for (const l of firstPages) {
    const t = l.text.trim();
    const p = PUBLISHED_LINE.exec(t);
    const pd = p ? notFuture(parseDate(p[1]!.replace(/\.$/, '')), now) : null;
    if (pd && !published) {
      published = pd;
      used.add(l);
      continue;
    }
    if (!dateLine && t.length <= 40 && DATE_ONLY.test(t)) {
      const d = notFuture(parseDate(t), now);
      if (d) dateLine = { line: l, value: d };
    }
    const by = PUBLISHED_BY.exec(t);
    if (by && !publisher && t.length <= 100 && publisherName(by[1]!)) {
      publisher = publisherName(by[1]!);
      used.add(l);
    }
    const c = COPYRIGHT.exec(t);
    if (c && !publisher && t.length <= 100) {
      const name = publisherName(c[2]!.replace(/\s*(?:all rights reserved|\d{4}).*$/i, '').replace(/^[\d\s,–-]+/, ''));
      if (name && /\p{L}{2}/u.test(name)) publisher = name;
      copyrightYear ??= c[1] ?? c[3] ?? null;
      used.add(l);
    }
  }
  if (!published && dateLine) {
    published = dateLine.value;
    used.add(dateLine.line);
  }
  if (!published && copyrightYear && !isFuture(copyrightYear, now)) published = copyrightYear;

  const modified = notFuture(pdfDate(xmp['xmp:modifydate'] ?? xmp['xmp:ModifyDate']), now) ?? notFuture(pdfDate(info.ModDate), now);
  const language = str(info.Language) ?? str(xmp['dc:language']);
  return { title, authors, published, modified, publisher, language, usedLines: used };
}
