/**
 * What `ccg sources add URL` needs: from any URL of a site, find a feed (the URL itself, a
 * <link rel="alternate">, the usual paths) or a sitemap (robots.txt), and preview what an ingest
 * of it would fetch. Everything goes through the shared Fetcher (robots.txt, the host's queue at
 * the source's rate), each URL is fetched at most once (give it a Fetcher made with `once`), and
 * the pages previewed are kept as snapshots with their URL state, so that the ingest that follows
 * asks for them with a conditional request instead of downloading them again.
 */
import type { Item } from '../fetch/discover.js';
import { parseXmlListing, feedLinks, listingNoun, isFeedOrSitemap } from '../fetch/discover.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { HttpResponse } from '../fetch/http.js';
import { FetchError, OfflineError } from '../fetch/errors.js';
import { guessListing } from '../fetch/listing-guess.js';
import { errorMessage } from '../core/errors.js';
import { extractHtml } from '../extract/index.js';
import { readDocument, SnapshotStore } from '../corpus/index.js';
import type { Source, SourceKind } from '../sources/index.js';
import { responseText, listItems, keepTopical } from './discover-items.js';
import { fetchPage, pageBytes } from './fetch-item.js';
import { documentFromSnapshot } from './snapshot-document.js';
import { recordUrlState } from './fetch-state.js';
import type { PipelineContext } from './context.js';

export interface Discovered {
  readonly kind: SourceKind;
  readonly url: string;
  /** The feed's title (RSS channel, Atom feed) or the page's; null when it has none. */
  readonly title: string | null;
  /** In words: "an RSS feed", "an Atom feed", "a sitemap", "a listing page", "a page". */
  readonly noun: string;
  /** A listing page's article links: the pattern they match (the registry's `linkPattern`). */
  readonly linkPattern?: string;
}

export interface Preview {
  readonly url: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly quotes?: number;
  readonly error?: string;
}

export interface SourcePreview {
  /** Items the source lists. */
  readonly listed: number;
  /** Of those, the ones that name its topics: what an ingest fetches. */
  readonly topical: number;
  readonly items: Preview[];
}

/** The paths where sites usually keep their feed. */
export const USUAL_FEEDS = ['/feed/', '/feed', '/rss', '/rss.xml', '/atom.xml', '/index.xml', '/feeds/posts/default'];

function asListing(r: HttpResponse, requireItems: boolean): Discovered | null {
  const text = responseText(r.body, r.headers['content-type']);
  if (!/<(?:rss|feed|urlset|sitemapindex|[\w-]+:rdf)[\s>]/i.test(text.slice(0, 4096))) return null;
  const l = parseXmlListing(text, r.finalUrl);
  if (!isFeedOrSitemap(l)) return null;
  const kind: SourceKind = l.kind === 'atom' ? 'atom' : l.kind === 'urlset' || l.kind === 'sitemapindex' ? 'sitemap' : 'rss';
  // A linked or usual-path feed with no items is passed over; a sitemap index lists its items in its children.
  if (requireItems && kind !== 'sitemap' && !l.items.length) return null;
  return { kind, url: r.finalUrl, title: l.title, noun: listingNoun(l.kind) };
}

/** A candidate URL as a listing; null when it is not one, is missing or is disallowed. An unreachable host is an error. */
async function tryListing(fetcher: Fetcher, url: string, intervalMs: number): Promise<Discovered | null> {
  try {
    return asListing(await fetcher.get(url, { intervalMs }), true);
  } catch (e) {
    if (e instanceof OfflineError) throw e;
    if (e instanceof FetchError) return null;
    throw e;
  }
}

/** The URL itself as a feed or sitemap, else the feed it links to or keeps at a usual path, else a sitemap robots.txt names; null for none. */
async function feedOf(fetcher: Fetcher, url: string, page: HttpResponse, html: string, intervalMs: number): Promise<Discovered | null> {
  const direct = asListing(page, false);
  if (direct) return direct;
  const candidates = [...new Set([...feedLinks(html, page.finalUrl), ...USUAL_FEEDS.map((p) => new URL(p, page.finalUrl).toString())])];
  for (const feed of candidates) {
    if (feed === url || feed === page.finalUrl) continue;
    const found = await tryListing(fetcher, feed, intervalMs);
    if (found) return found;
  }
  for (const sitemap of (await fetcher.rules(page.finalUrl)).sitemaps) {
    const found = await tryListing(fetcher, sitemap, intervalMs);
    if (found) return found;
  }
  return null;
}

/**
 * Finds the feed or sitemap behind a URL. A page with neither is a `listing` source when it links to
 * many articles in one section of its site (fetch/listing-guess.ts), else a `page` source of itself.
 * `as` decides instead: "page" registers the page itself, "listing" a listing (of the links that match its pattern, or those guessed), feeds or not.
 */
export async function discoverSource(fetcher: Fetcher, url: string, intervalMs = 1000, as?: { kind: 'page' } | { kind: 'listing'; linkPattern?: string }): Promise<Discovered> {
  const page = await fetcher.get(url, { intervalMs });
  const html = responseText(page.body, page.headers['content-type']);
  if (!as) {
    const found = await feedOf(fetcher, url, page, html, intervalMs);
    if (found) return found;
  }
  const title = extractHtml(html, { url: page.finalUrl }).title || null;
  const linkPattern = as?.kind === 'page' ? null : as?.linkPattern ?? guessListing(html, page.finalUrl)?.linkPattern ?? null;
  if (linkPattern) return { kind: 'listing', url: page.finalUrl, title, noun: listingNoun('listing'), linkPattern };
  return { kind: 'page', url: page.finalUrl, title, noun: 'a page' };
}

/**
 * One item as an ingest would see it: fetched (conditionally when its state is stored), kept as a
 * snapshot with its URL state, and built into the document an ingest would store. The document
 * itself is not stored: the source is not registered yet.
 */
export async function previewItem(ctx: PipelineContext, fetcher: Fetcher, source: Source, item: Item, store = new SnapshotStore(ctx.paths.corpus)): Promise<Preview> {
  try {
    const fetched = await fetchPage(store, fetcher, source, item.url);
    const storedId = fetched.changed ? null : fetched.revision.documentId;
    const existing = storedId ? await readDocument(ctx.paths.documents, storedId) : null;
    if (existing) {
      await recordUrlState(store, fetched.state);
      return { url: item.url, title: existing.title || item.title, published: existing.published ?? item.published, quotes: existing.quotes.length };
    }
    const { page, bytes } = await pageBytes(store, fetcher, source, fetched);
    const doc = await documentFromSnapshot(ctx, source, page.state, page.revision, bytes);
    await recordUrlState(store, page.state);
    return { url: item.url, title: doc.title || item.title, published: doc.published ?? item.published, quotes: doc.quotes.length };
  } catch (e) {
    if (e instanceof OfflineError) throw e;
    return { url: item.url, title: item.title, published: item.published, error: errorMessage(e) };
  }
}

/** What the source lists, how much of it names its topics, and the first `count` of those, previewed one after another. */
export async function previewSource(ctx: PipelineContext, fetcher: Fetcher, source: Source, count: number): Promise<SourcePreview> {
  const listed = await listItems(fetcher, source);
  const topical = keepTopical(listed, source);
  const store = new SnapshotStore(ctx.paths.corpus);
  const items: Preview[] = [];
  for (const item of topical.slice(0, count)) items.push(await previewItem(ctx, fetcher, source, item, store));
  return { listed: listed.length, topical: topical.length, items };
}
