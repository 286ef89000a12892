/**
 * Extract and analyse meet here: content and what is known of it in, a `Document` out. Pure, but
 * for PDFs: PDF.js reads them asynchronously (buildPdfDocument).
 */
import { sha256 } from '../core/hash.js';
import type { Document, Extracted, KnownMetadata, Provenance, SnapshotRef } from '../core/types.js';
import { extractHtml, extractText } from '../extract/index.js';
import { extractPdf, type PdfExtracted } from '../extract/pdf/index.js';
import { normaliseUrl } from '../fetch/url.js';
import { analyse, type CompiledOrganisations, type SpeakerRanker, type StanceScorer } from '../analyse/index.js';

export interface BuildOptions {
  readonly format: 'html' | 'text' | 'pdf';
  readonly known?: KnownMetadata;
  readonly organisations: CompiledOrganisations;
  readonly stance: StanceScorer;
  /** The speaker ranker's weights; without them the rules alone attribute quotes. */
  readonly ranker?: SpeakerRanker | null;
  /** The source's CSS selector for the article body (registry `selectors.article`). */
  readonly articleSelector?: string | null;
  readonly provenance?: Provenance;
  readonly snapshot?: SnapshotRef;
  /** The id of a local file without a URL (fileDocumentId). */
  readonly fileId?: string;
  readonly now?: Date;
}

/** A fetched page's id: from its canonical URL (scheme and trailing slash aside), so a story is one document. */
export function urlDocumentId(url: string): string {
  const norm = normaliseUrl(url) ?? url;
  return sha256(`url:${norm.replace(/^https?:\/\//, '').replace(/\/$/, '')}`).slice(0, 16);
}

/**
 * A local file's id: from the path it was added from and the hash of its whole input, so that two
 * files never share an id however little text they have (a one-line note, a title and a
 * paragraph), and the same file added twice is one document.
 */
export function fileDocumentId(path: string, inputSha256: string): string {
  return sha256(`file:${path}\n${inputSha256}`).slice(0, 16);
}

/** The id of text that has neither a URL nor a file (a preview of a string): from the whole text and title. */
export function textDocumentId(title: string, text: string): string {
  return sha256(`text:${title}\n${text}`).slice(0, 16);
}

export function buildDocument(content: string, options: BuildOptions): Document {
  const known = options.known ?? {};
  const ex = options.format === 'html' ? extractHtml(content, { url: known.url ?? null, now: options.now, articleSelector: options.articleSelector ?? null }) : extractText(content, options.now);
  return documentFromExtracted(ex, options);
}

/** Limits and names for reading a PDF (see src/extract/pdf/read.ts). */
export interface PdfBuildOptions extends Omit<BuildOptions, 'format'> {
  /** The path or URL named in messages. */
  readonly name: string;
  readonly maxPages?: number;
  readonly timeLimitMs?: number;
  readonly memoryLimitMb?: number;
  /** What the reader had to do (limits hit, a cut file): one line each. */
  readonly warn?: (message: string) => void;
}

/**
 * A PDF's document: its text analysed as an article's, and what only PDFs have (the page of each
 * paragraph and quote, footnotes, needsPassword / needsOcr). Throws InputError when the bytes
 * cannot be read as a PDF at all.
 */
export async function buildPdfDocument(bytes: Uint8Array, options: PdfBuildOptions): Promise<Document> {
  const ex = await extractPdf(bytes, { name: options.name, now: options.now, maxPages: options.maxPages, timeLimitMs: options.timeLimitMs, memoryLimitMb: options.memoryLimitMb });
  for (const w of ex.warnings) options.warn?.(w);
  return documentFromExtracted(ex, { ...options, format: 'pdf' });
}

const isPdfExtracted = (ex: Extracted): ex is PdfExtracted => Array.isArray((ex as Partial<PdfExtracted>).pages);

function documentFromExtracted(ex: Extracted, options: BuildOptions): Document {
  const known = options.known ?? {};
  // What the registry or manifest says outranks what the page suggests, except for an empty value.
  const published = known.published ?? ex.published;
  const a = analyse(ex.text, { organisations: options.organisations, published, stance: options.stance, ranker: options.ranker ?? null });
  const url = known.url ?? null;
  const canonicalUrl = ex.canonicalUrl ?? url;
  const pdf = isPdfExtracted(ex) ? ex : null;
  // A PDF's quotes carry the page their paragraph starts on.
  const quotes = pdf ? a.quotes.map((q) => (pdf.pages[q.paragraph] !== undefined ? { ...q, page: pdf.pages[q.paragraph]! } : q)) : a.quotes;
  return {
    id: canonicalUrl ? urlDocumentId(canonicalUrl) : options.fileId ?? textDocumentId(ex.title, ex.text),
    source: known.source ?? null,
    url,
    canonicalUrl,
    title: known.title ?? ex.title,
    publisher: known.publisher ?? ex.publisher,
    authors: known.authors?.length ? [...known.authors] : [...ex.authors],
    published,
    ...(known.datePrecision === 'approximate' && known.published && published === known.published ? { datePrecision: 'approximate' as const } : {}),
    modified: ex.modified,
    language: ex.language ?? (options.format === 'html' ? null : 'en'),
    kind: known.kind ?? ex.kind ?? (options.format === 'html' ? 'news' : 'page'),
    text: ex.text,
    organisations: a.organisations,
    people: a.people,
    dates: a.dates,
    quotes,
    positions: a.positions,
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(options.provenance ? { provenance: options.provenance } : {}),
    ...(pdf ? {
      pages: [...pdf.pages],
      pageCount: pdf.pageCount,
      footnotes: [...pdf.footnotes],
      ...(pdf.needsPassword ? { needsPassword: true } : {}),
      ...(pdf.needsOcr ? { needsOcr: true } : {}),
    } : {}),
  };
}
