/**
 * Ingest: for every enabled source, discover what it lists (feed, sitemap, listing page, pages),
 * keep what names the topic, fetch each new or changed article politely, keep the raw snapshot
 * with its provenance, then extract, analyse and store the document. Each step is stored
 * atomically as it completes, so a run killed at any point loses nothing already stored and the
 * next run goes on: unchanged pages cost a conditional request and nothing else.
 */
import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../core/types.js';
import { errorMessage } from '../core/errors.js';
import { addDocument, readDocument, writeFileAtomic, SnapshotStore, sha256, type UrlState } from '../corpus/index.js';
import type { Source } from '../sources/index.js';
import { fetchUrl, type HttpOptions, type HttpResponse } from '../fetch/http.js';
import { FetchError, OfflineError, RobotsDisallowedError } from '../fetch/errors.js';
import { RobotsCache } from '../fetch/robots.js';
import { Scheduler } from '../fetch/politeness.js';
import { parseXmlListing, parseListingPage, matchesTopic, type Item } from '../fetch/discover.js';
import { normaliseUrl, hostOf } from '../fetch/url.js';
import { decodeBytes, MAX_GUNZIPPED_BYTES } from './read-input.js';
import { buildDocument } from './build-document.js';
import { addFiles } from './add.js';
import type { PipelineContext } from './context.js';

/** Child sitemaps a sitemap index may add to one run. */
const MAX_CHILD_SITEMAPS = 10;

export type ItemOutcome = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'skipped' | 'failed';

export type IngestEvent =
  | { readonly type: 'source-start'; readonly source: string }
  | { readonly type: 'source-items'; readonly source: string; readonly items: number }
  | { readonly type: 'item'; readonly source: string; readonly url: string; readonly outcome: ItemOutcome; readonly error?: string }
  | { readonly type: 'source-done'; readonly source: string; readonly summary: SourceSummary }
  | { readonly type: 'source-error'; readonly source: string; readonly offline: boolean; readonly error: string };

export interface SourceSummary {
  readonly source: string;
  readonly items: number;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly duplicate: number;
  readonly skipped: number;
  readonly failed: number;
  readonly offline: boolean;
  readonly error: string | null;
}

export interface IngestOptions {
  readonly sources: readonly Source[];
  readonly http?: HttpOptions;
  /** Requests in flight at once over all hosts. */
  readonly concurrency?: number;
  /** Items per source at most (overrides the registry's maxItems when smaller). */
  readonly maxItems?: number;
  readonly onEvent?: (e: IngestEvent) => void;
  readonly now?: () => Date;
}

/** Listings are XML or HTML; a gzipped sitemap arrives as gzip bytes. */
function bodyText(r: HttpResponse): string {
  let bytes: Uint8Array = r.body;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED_BYTES });
  const charset = /charset=([\w-]+)/i.exec(r.headers['content-type'] ?? '')?.[1] ?? null;
  return decodeBytes(bytes, charset);
}

export async function ingest(ctx: PipelineContext, options: IngestOptions): Promise<SourceSummary[]> {
  const store = new SnapshotStore(ctx.paths.corpus);
  const http = options.http ?? {};
  const robots = new RobotsCache(http);
  const scheduler = new Scheduler({ concurrency: options.concurrency ?? 8 });
  const emit = options.onEvent ?? (() => undefined);
  const now = options.now ?? (() => new Date());

  /** A polite GET: robots.txt first, then the host's queue. */
  const politeGet = async (source: Source, url: string, extra: HttpOptions = {}): Promise<HttpResponse> => {
    const rules = await robots.rulesFor(url);
    if (!rules.isAllowed(url)) throw new RobotsDisallowedError(url);
    const interval = Math.max(source.intervalMs, rules.crawlDelayMs ?? 0);
    return scheduler.run(hostOf(url), () => fetchUrl(url, { ...http, ...extra }), interval);
  };

  async function discover(source: Source): Promise<Item[]> {
    if (source.kind === 'page') return source.urls.map((u) => ({ url: u, title: null, published: null, text: '' }));
    const items: Item[] = [];
    const queue = [...source.urls];
    const seenPages = new Set<string>();
    // Listing pages follow "next" up to maxPages each; a sitemap index may add this many child sitemaps.
    const budget = source.urls.length * source.maxPages + (source.kind === 'sitemap' ? MAX_CHILD_SITEMAPS : 0);
    while (queue.length && seenPages.size < budget) {
      const url = queue.shift()!;
      if (seenPages.has(url)) continue;
      seenPages.add(url);
      const r = await politeGet(source, url);
      const text = bodyText(r);
      const listing = source.kind === 'listing'
        ? parseListingPage(text, r.finalUrl, { linkSelector: source.selectors?.links, linkPattern: source.linkPattern, nextSelector: source.selectors?.next })
        : parseXmlListing(text, r.finalUrl);
      if (source.kind !== 'listing' && listing.kind === 'unknown') throw new FetchError('E_FEED', url, `not a feed or sitemap (content type ${r.headers['content-type'] ?? 'unknown'})`, false);
      items.push(...listing.items);
      queue.push(...listing.next);
    }
    // One story listed at two URLs (tracking parameters, www, a trailing slash) is fetched once.
    const seen = new Set<string>();
    return items.filter((i) => {
      const key = normaliseUrl(i.url) ?? i.url;
      return !seen.has(key) && Boolean(seen.add(key));
    }).filter((i) => matchesTopic(i.text, source.topics));
  }

  async function fetchItem(source: Source, item: Item): Promise<ItemOutcome> {
    const state = await store.readUrlState(item.url);
    const fetchedAt = now().toISOString();
    const r = await politeGet(source, item.url, { etag: state?.etag ?? null, lastModified: state?.lastModified ?? null });
    const base: Omit<UrlState, 'revisions'> = {
      format: 'ccg-fetch-state', version: 1, url: item.url, finalUrl: r.finalUrl, source: source.id,
      etag: r.headers.etag ?? state?.etag ?? null, lastModified: r.headers['last-modified'] ?? state?.lastModified ?? null, lastCheckedAt: fetchedAt,
    };
    if (r.notModified) {
      await store.writeUrlState({ ...base, revisions: state?.revisions ?? [] });
      return 'unchanged';
    }
    const hash = sha256(r.body);
    if (state?.revisions.length && state.revisions[state.revisions.length - 1]!.sha256 === hash) {
      await store.writeUrlState({ ...base, revisions: state.revisions });
      return 'unchanged';
    }
    await store.saveSnapshot(r.body);
    const contentType = r.headers['content-type'] ?? null;
    const html = bodyText(r);
    const doc = buildDocument(html, {
      format: /text\/plain/.test(contentType ?? '') ? 'text' : 'html',
      known: { source: source.id, url: normaliseUrl(r.finalUrl) ?? r.finalUrl, publisher: source.publisher },
      organisations: ctx.organisations,
      stance: ctx.stance,
      articleSelector: source.selectors?.article ?? null,
      snapshot: { sha256: hash, fetchedAt, status: r.status, contentType, etag: r.headers.etag ?? null, lastModified: r.headers['last-modified'] ?? null },
    });
    const canonical = doc.canonicalUrl ? normaliseUrl(doc.canonicalUrl) ?? doc.canonicalUrl : null;
    const stored: Document = { ...doc, canonicalUrl: canonical, id: doc.id };
    // Storing is serialised: de-duplication reads what the previous store wrote.
    const outcome = await serially(() => storeDeduplicated(stored, item.url));
    await store.writeUrlState({ ...base, revisions: [...(state?.revisions ?? []), { sha256: hash, fetchedAt, status: r.status, contentType, documentId: stored.id }] });
    return outcome;
  }

  let chain: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  /** One story at two URLs is one document that records both: by canonical URL (the id), then by content. */
  async function storeDeduplicated(doc: Document, fetchedUrl: string): Promise<ItemOutcome> {
    const textKey = sha256(doc.text.replace(/\s+/g, ' ').trim()).slice(0, 32);
    const contentFile = join(ctx.paths.corpus, 'fetch-state', 'content', `${textKey}.json`);
    let ownerId: string | null = null;
    try {
      ownerId = (JSON.parse(await readFile(contentFile, 'utf8')) as { id: string }).id;
    } catch { /* first time this text is seen */ }
    const targetId = ownerId && ownerId !== doc.id && doc.text.length > 200 ? ownerId : doc.id;
    const existing = await readDocument(ctx.paths.documents, targetId);
    // Another URL or another source already brought this story: record the URL, keep the record.
    if (existing && (targetId !== doc.id || (existing.source !== doc.source && existing.source !== null))) {
      const urls = new Set([...(existing.alternateUrls ?? []), fetchedUrl]);
      urls.delete(existing.url ?? '');
      if (urls.size !== (existing.alternateUrls ?? []).length) await addDocument(ctx.paths.documents, { ...existing, alternateUrls: [...urls] });
      return 'duplicate';
    }
    const alternates = new Set([...(existing?.alternateUrls ?? [])]);
    if (existing?.url && existing.url !== doc.url) alternates.add(existing.url);
    const status = await addDocument(ctx.paths.documents, alternates.size ? { ...doc, alternateUrls: [...alternates] } : doc);
    if (!ownerId) await writeFileAtomic(contentFile, JSON.stringify({ id: doc.id }));
    return status === 'added' ? 'new' : status === 'updated' ? 'updated' : 'unchanged';
  }

  async function runSource(source: Source): Promise<SourceSummary> {
    emit({ type: 'source-start', source: source.id });
    const counts = { new: 0, updated: 0, unchanged: 0, duplicate: 0, skipped: 0, failed: 0 };
    const previous = await store.readSourceState(source.id);
    const finish = async (items: number, offline: boolean, error: string | null): Promise<SourceSummary> => {
      const at = now().toISOString();
      await store.writeSourceState({
        id: source.id, lastRunAt: at, lastSuccessAt: error ? previous.lastSuccessAt : at, lastError: error ?? (counts.failed ? `${counts.failed} items failed` : null),
        itemsSeen: previous.itemsSeen + items, itemsNew: previous.itemsNew + counts.new,
      });
      const summary = { source: source.id, items, ...counts, offline, error };
      emit({ type: 'source-done', source: source.id, summary });
      return summary;
    };
    if (source.kind === 'file') {
      const results = await addFiles(ctx, source.urls.map((u) => u.replace(/^file:\/\//, '')), { addedBy: `ccg ingest (${source.id})` });
      for (const r of results) {
        const outcome: ItemOutcome = r.status === 'added' ? 'new' : r.status === 'failed' ? 'failed' : r.status;
        counts[outcome]++;
        emit({ type: 'item', source: source.id, url: r.input, outcome, ...(r.error ? { error: r.error } : {}) });
      }
      return finish(results.length, false, null);
    }
    let items: Item[];
    try {
      items = (await discover(source)).slice(0, Math.min(source.maxItems, options.maxItems ?? Infinity));
    } catch (e) {
      const offline = e instanceof OfflineError;
      emit({ type: 'source-error', source: source.id, offline, error: errorMessage(e) });
      return finish(0, offline, errorMessage(e));
    }
    emit({ type: 'source-items', source: source.id, items: items.length });
    let offline = false;
    await Promise.all(items.map(async (item) => {
      if (offline) { counts.skipped++; return; }
      let outcome: ItemOutcome;
      let error: string | undefined;
      try {
        outcome = await fetchItem(source, item);
      } catch (e) {
        // An unreachable host is said once, for the source, not for every page.
        if (e instanceof OfflineError) offline = true;
        outcome = e instanceof RobotsDisallowedError || e instanceof OfflineError ? 'skipped' : 'failed';
        error = errorMessage(e);
      }
      counts[outcome]++;
      emit({ type: 'item', source: source.id, url: item.url, outcome, ...(error ? { error } : {}) });
    }));
    return finish(items.length, offline, offline ? 'the host could not be reached' : null);
  }

  return Promise.all(options.sources.filter((s) => s.enabled).map(runSource));
}
