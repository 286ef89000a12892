/**
 * Adding documents by hand (`ccg add`): local files are read, extracted, analysed and stored with
 * provenance (files listed in the local manifest, sources/local/manifest.json, carry its
 * metadata); URLs are fetched like one-page sources through the shared Fetcher and the ingest's
 * own step (fetchItem), their snapshots kept. A feed or sitemap is not a page: it is refused, with
 * the command that registers it as a source.
 */
import { ccgCommand } from '../core/config.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, resolve, isAbsolute } from 'node:path';
import { userName } from '../core/user.js';
import type { Document, KnownMetadata } from '../core/types.js';
import { errorMessage } from '../core/errors.js';
import { addDocument, deleteRemoval, documentIdentity, readDocument, readRemoval, type AddStatus } from '../corpus/index.js';
import { loadLocalManifest, type LocalDocument } from '../sources/index.js';
import { extractFile } from './extract-file.js';
import type { Source } from '../sources/index.js';
import { Fetcher } from '../fetch/fetcher.js';
import { FeedUrlError } from '../fetch/errors.js';
import { fetchItem } from './fetch-item.js';
import type { PipelineContext } from './context.js';

/**
 * What became of one input. `duplicate`: a URL whose story is already stored under another URL (the
 * URL is recorded on it), or a file whose page is already stored as fetched from its URL.
 * `removed`: a file whose document `ccg remove` took out, left out by `ccg start` and ingest (a
 * librarian's `ccg add` adds it again).
 */
export type AddOutcome = AddStatus | 'duplicate' | 'removed' | 'failed';
export const ADD_OUTCOMES: readonly AddOutcome[] = ['added', 'updated', 'unchanged', 'duplicate', 'removed', 'failed'];

export interface AddResult {
  readonly input: string;
  readonly status: AddOutcome;
  readonly id?: string;
  readonly title?: string;
  readonly quotes?: number;
  readonly error?: string;
  /** For a feed or sitemap given as a page: what it is ("an RSS feed") and the command that registers it. */
  readonly feed?: string;
  readonly suggest?: string;
}

/** The source a URL added by hand belongs to: one page, at a polite rate; the publisher comes from the page. */
export const MANUAL_SOURCE: Source = {
  id: 'manual', name: 'Added by hand', publisher: '', kind: 'page', urls: [], maxPages: 1, maxItems: 1,
  intervalMs: 1000, topics: [], enabled: true, file: '',
};

export const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/**
 * What is wrong with an input written as a URL (scheme://…) that ccg add cannot take: a malformed
 * http(s) or file URL, or another scheme; null for a good URL, and for a path (a file that exists
 * under a name like "ftp://x" is read as a file).
 */
function urlProblem(input: string): string | null {
  if (!/^[a-z][\w+.-]*:\/\//i.test(input) || existsSync(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
    if (/^file:$/i.test(url.protocol)) fileURLToPath(url);
  } catch {
    return 'not a valid URL';
  }
  if (/^(https?|file):$/.test(url.protocol)) return null;
  return 'not an http(s) URL (ccg add fetches http and https pages, and reads files)';
}

export function localManifest(ctx: PipelineContext): LocalDocument[] {
  return existsSync(ctx.paths.localManifest) ? loadLocalManifest(ctx.paths.localManifest) : [];
}

interface FileOptions {
  readonly manifest: ReadonlyMap<string, LocalDocument>;
  readonly addedBy: string;
  /** Add a document that `ccg remove` took out (deleting its removal record); otherwise it is left out as `removed`. */
  readonly restore: boolean;
}

async function addFile(ctx: PipelineContext, input: string, o: FileOptions): Promise<AddResult> {
  const abs = resolve(input);
  const known: KnownMetadata | undefined = o.manifest.get(abs);
  const rel = relative(ctx.paths.home, abs);
  const shownPath = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  try {
    const doc: Document = await extractFile(ctx, input, {
      known,
      shownPath,
      provenance: (sha256) => ({ path: shownPath, addedBy: o.addedBy, addedAt: new Date().toISOString(), sha256 }),
    });
    // A saved copy of a page the archive fetched (the same canonical URL) is that story again: the
    // fetched record, with its URL, source and snapshot, stays (as ingest keeps the first URL's).
    const held = await readDocument(ctx.paths.documents, doc.id);
    if (held?.snapshot && !doc.snapshot && documentIdentity(held) === documentIdentity(doc)) {
      return { input, status: 'duplicate', id: held.id, title: held.title, quotes: held.quotes.length };
    }
    if (await readRemoval(ctx.paths.corpus, doc.id)) {
      if (!o.restore) return { input, status: 'removed', id: doc.id, title: doc.title, quotes: doc.quotes.length };
      await deleteRemoval(ctx.paths.corpus, doc.id);
    }
    const status = await addDocument(ctx.paths.documents, doc);
    return { input, status, id: doc.id, title: doc.title, quotes: doc.quotes.length };
  } catch (e) {
    return { input, status: 'failed', error: errorMessage(e) };
  }
}

/** One URL, fetched politely as a one-page source; a feed or sitemap is refused with nothing stored. */
export async function addUrl(ctx: PipelineContext, fetcher: Fetcher, url: string): Promise<AddResult> {
  try {
    const r = await fetchItem(ctx, fetcher, { ...MANUAL_SOURCE, urls: [url] }, url, { refuseFeeds: true, ccg: ccgCommand(ctx.paths.home), restore: true });
    const status: AddOutcome = r.outcome === 'new' ? 'added' : r.outcome;
    return { input: url, status, id: r.id, title: r.document.title, quotes: r.document.quotes.length };
  } catch (e) {
    if (e instanceof FeedUrlError) return { input: url, status: 'failed', error: e.message, feed: e.what, suggest: e.suggest };
    return { input: url, status: 'failed', error: errorMessage(e) };
  }
}

export interface AddOptions {
  readonly addedBy?: string;
  readonly onResult?: (r: AddResult) => void;
  /** The polite GET for URLs (one is made when needed). */
  readonly fetcher?: Fetcher;
}

/** Files and URLs, in the order given: one result each. */
export async function addInputs(ctx: PipelineContext, inputs: readonly string[], options: AddOptions = {}): Promise<AddResult[]> {
  const manifest = new Map(localManifest(ctx).map((d) => [d.path, d]));
  const addedBy = options.addedBy ?? `ccg add (${userName()})`;
  let fetcher = options.fetcher ?? null;
  const results: AddResult[] = [];
  for (const input of inputs) {
    let result: AddResult;
    const problem = urlProblem(input);
    if (problem) {
      result = { input, status: 'failed', error: `${input}: ${problem}` };
    } else if (isUrl(input)) {
      fetcher ??= new Fetcher();
      result = await addUrl(ctx, fetcher, input);
    } else {
      result = await addFile(ctx, /^file:\/\//i.test(input) ? fileURLToPath(input) : input, { manifest, addedBy, restore: true });
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

/** Local files only (each input is a path, even one that looks like a URL). */
export async function addFiles(
  ctx: PipelineContext,
  inputs: readonly string[],
  options: { addedBy?: string; onResult?: (r: AddResult) => void } = {},
): Promise<AddResult[]> {
  const manifest = new Map(localManifest(ctx).map((d) => [d.path, d]));
  const addedBy = options.addedBy ?? `ccg add (${userName()})`;
  const results: AddResult[] = [];
  for (const input of inputs) {
    const result = await addFile(ctx, input, { manifest, addedBy, restore: false });
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
