/**
 * The one place that calls PDF.js (pdfjs-dist, its legacy build for Node): bytes → each page's
 * positioned text items, the information dictionary and XMP. Nothing is fetched: the worker runs
 * in this thread (PDF.js's "fake worker"), and CMaps, standard fonts and WebAssembly decoders are
 * read from the package's own folders on disk. Reading stops at a page limit and a time limit,
 * each named in a warning when hit; an encrypted file says so instead of failing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { PageText, TextItem } from './types.js';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Pages read at most; the rest of a longer file is left out, with a warning. */
export const MAX_PDF_PAGES = 500;
/** Reading stops after this long, with a warning; what was read is kept. */
export const PDF_TIME_LIMIT_MS = 60_000;

export interface ReadOptions {
  /** The name used in messages (the path or URL). */
  readonly name: string;
  readonly maxPages?: number;
  readonly timeLimitMs?: number;
}

export interface RawPdf {
  readonly pages: readonly PageText[];
  /** Pages the file has (more than `pages` when a limit was hit). */
  readonly pageCount: number;
  readonly info: Readonly<Record<string, unknown>>;
  readonly xmp: Readonly<Record<string, unknown>>;
  /** Encrypted with a user password: nothing but the page count could be read. */
  readonly needsPassword: boolean;
  readonly warnings: readonly string[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
/** Loaded on first use: commands that read no PDF do not pay for it. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The package's data folders, as paths with the trailing slash PDF.js wants. */
function dataFolders(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/`, wasmUrl: `${join(root, 'wasm')}/` };
}

class TimeLimit extends Error {}

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`);

/** Whether the file ends as a PDF does (an "%%EOF" near its end); a cut download does not. */
export function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return !tail.includes('%%EOF');
}

/** A PDF's header, "%PDF-1.7", within the first 1024 bytes, as readers accept (some files start with junk). */
export const isPdf = (bytes: Uint8Array): boolean => /%PDF-\d\.\d/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'));

/** What a file that is not a PDF seems to hold, for the error: a web page sent in a report's place, or other data. */
function notAPdf(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().toLowerCase();
  const page = /^(?:\ufeff|ï»¿)?\s*<(?:!doctype html|html|head|body|!--)/.test(head);
  return `not a PDF (it has no %PDF- header near its start)${page ? '; it holds an HTML page, perhaps a sign-in or error page sent in its place' : ''}`;
}

/** The time allowed to read one file: `timed` races a step against it; `deadline` is when it ends. */
interface Clock {
  readonly deadline: number;
  timed<T>(p: Promise<T>): Promise<T>;
  stop(): void;
}

function startClock(limitMs: number): Clock {
  const deadline = Date.now() + limitMs;
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimit()), limitMs);
  });
  expiry.catch(() => undefined);
  return { deadline, timed: (p) => Promise.race([p, expiry]), stop: () => clearTimeout(timer) };
}

/** One file being read: its name for messages, its time limit, and the warnings so far. */
interface Reading {
  readonly name: string;
  readonly limitMs: number;
  readonly clock: Clock;
  readonly warnings: string[];
}

const limitMessage = (r: Reading, done: number, total: number): string =>
  `${r.name}: stopped after ${seconds(r.limitMs)} (the time limit for one PDF) at page ${done + 1} of ${total}; the rest is left out`;

function loadingTask(pdf: PdfJs, bytes: Uint8Array): PDFDocumentLoadingTask {
  return pdf.getDocument({
    // PDF.js takes the buffer over; a copy keeps the caller's bytes (a snapshot) intact.
    data: new Uint8Array(bytes),
    ...dataFolders(),
    cMapPacked: true,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdf.VerbosityLevel.ERRORS,
  });
}

/** The opened document; null when it needs a password; an InputError saying why it cannot be opened. */
async function openDocument(task: PDFDocumentLoadingTask, bytes: Uint8Array, r: Reading): Promise<PDFDocumentProxy | null> {
  try {
    return await r.clock.timed(task.promise);
  } catch (e) {
    if (e instanceof TimeLimit) throw new InputError(r.name, `could not open the PDF within ${seconds(r.limitMs)} (the time limit for one PDF)`);
    const name = (e as Error)?.name;
    if (name === 'PasswordException') return null;
    const why = name === 'InvalidPDFException' ? 'not a valid PDF' : `cannot read the PDF (${(e as Error)?.message ?? String(e)})`;
    throw new InputError(r.name, `${why}${looksTruncated(bytes) ? ': the file is cut short (it does not end with %%EOF), and what is there cannot be read' : ''}`, { cause: e });
  }
}

/** The information dictionary and XMP; empty, with a warning, when they cannot be read. */
async function readMetadata(doc: PDFDocumentProxy, r: Reading): Promise<{ info: Record<string, unknown>; xmp: Record<string, unknown> }> {
  let info: Record<string, unknown> = {};
  let xmp: Record<string, unknown> = {};
  try {
    const meta = await r.clock.timed(doc.getMetadata());
    info = { ...(meta.info as Record<string, unknown>) };
    if (meta.metadata) xmp = Object.fromEntries([...meta.metadata]);
  } catch (e) {
    if (e instanceof TimeLimit) throw e;
    r.warnings.push(`${r.name}: its metadata cannot be read (${(e as Error).message}); the text is read without it`);
  }
  return { info, xmp };
}

type ContentItems = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'];

/** A page's horizontal text items, placed from the top left of the page's view box. Pure. */
function levelItems(items: ContentItems, [x0, , , y1]: readonly [number, number, number, number]): TextItem[] {
  const level: TextItem[] = [];
  for (const it of items) {
    if (!('str' in it) || !it.str) continue;
    const [a, b, c, d, e, f] = it.transform as number[];
    // Only horizontal text is read; rotated runs (a stamp, a margin note) are left out.
    if (Math.abs(b!) > 1e-3 * Math.abs(a!) || Math.abs(c!) > 1e-3 * Math.abs(d!)) continue;
    const size = Math.hypot(c!, d!);
    level.push({ str: it.str, x: e! - x0, y: y1 - f!, width: it.width, size: Math.round(size * 100) / 100, font: it.fontName });
  }
  return level;
}

async function readPage(doc: PDFDocumentProxy, n: number, clock: Clock): Promise<PageText> {
  const page = await clock.timed(doc.getPage(n));
  const view = page.view as [number, number, number, number];
  const [x0, y0, x1, y1] = view;
  const content = await clock.timed(page.getTextContent());
  const items = levelItems(content.items, view);
  page.cleanup();
  return { number: n, width: x1 - x0, height: y1 - y0, items };
}

/** Pages up to the page limit, until the time limit; a page that cannot be read is kept empty. Each limit hit is a warning. */
async function readPages(doc: PDFDocumentProxy, maxPages: number, r: Reading): Promise<PageText[]> {
  const total = doc.numPages;
  const count = Math.min(total, maxPages);
  if (total > maxPages) r.warnings.push(`${r.name}: read its first ${maxPages} of ${total} pages (the page limit for one PDF); the rest is left out`);
  const pages: PageText[] = [];
  for (let n = 1; n <= count; n++) {
    if (Date.now() > r.clock.deadline) {
      r.warnings.push(limitMessage(r, n - 1, total));
      break;
    }
    try {
      pages.push(await readPage(doc, n, r.clock));
    } catch (e) {
      if (e instanceof TimeLimit) {
        r.warnings.push(limitMessage(r, n - 1, total));
        break;
      }
      r.warnings.push(`${r.name}: page ${n} cannot be read (${(e as Error).message}); left out`);
      pages.push({ number: n, width: 0, height: 0, items: [] });
    }
  }
  return pages;
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<RawPdf> {
  // Labelled a PDF (by its content type or its name) but not one: no reader could make sense of it, and "cut short" would mislead.
  if (!isPdf(bytes)) throw new InputError(options.name, notAPdf(bytes));
  const pdf = await loadPdfJs();
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const limitMs = options.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const warnings: string[] = [];
  if (looksTruncated(bytes)) warnings.push(`${options.name}: the file seems cut short (it does not end with %%EOF); read what could be read`);
  const r: Reading = { name: options.name, limitMs, clock: startClock(limitMs), warnings };
  const task = loadingTask(pdf, bytes);
  try {
    const doc = await openDocument(task, bytes, r);
    if (!doc) return { pages: [], pageCount: 0, info: {}, xmp: {}, needsPassword: true, warnings };
    const { info, xmp } = await readMetadata(doc, r);
    const pages = await readPages(doc, maxPages, r);
    return { pages, pageCount: doc.numPages, info, xmp, needsPassword: false, warnings };
  } catch (e) {
    if (e instanceof TimeLimit) {
      // Best effort: what was read before the limit is lost only when not even the file opened.
      throw new InputError(options.name, `stopped after ${seconds(limitMs)} (the time limit for one PDF)`);
    }
    throw e;
  } finally {
    r.clock.stop();
    await task.destroy().catch(() => undefined);
  }
}
