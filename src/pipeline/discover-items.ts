/**
 * Step one of an ingest: what a source lists. Its feed, sitemap (index and children) or listing
 * pages (following "next" up to maxPages) are fetched through the shared Fetcher; one story
 * listed at two URLs is kept once, and only items that name the source's topics are kept.
 */
import { gunzipSync } from 'node:zlib';
import type { Source } from '../sources/index.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { FetchError } from '../fetch/errors.js';
import { parseXmlListing, parseListingPage, matchesTopic, listingNoun, isFeedOrSitemap, type Item } from '../fetch/discover.js';
import { normaliseUrl } from '../fetch/url.js';
import { decodeBytes, MAX_GUNZIPPED_BYTES } from './read-input.js';

/** Child sitemaps a sitemap index may add to one run. */
export const MAX_CHILD_SITEMAPS = 10;

/** Fetched bytes as text: gunzipped when gzip (a .xml.gz sitemap), decoded by the declared charset, a BOM or sniffing. */
export function responseText(bytes: Uint8Array, contentType: string | null | undefined): string {
  let b = bytes;
  if (b[0] === 0x1f && b[1] === 0x8b) b = gunzipSync(b, { maxOutputLength: MAX_GUNZIPPED_BYTES });
  const charset = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1] ?? null;
  return decodeBytes(b, charset);
}

/** "an RSS feed", "an Atom feed" or "a sitemap" when the bytes are one; null for a page. */
export function feedOrSitemap(bytes: Uint8Array, contentType: string | null | undefined, url: string): string | null {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const head = gzipped ? '' : Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  if (!gzipped && !/<(?:rss|feed|urlset|sitemapindex|[\w-]+:rdf)[\s>]/i.test(head)) return null;
  const listing = parseXmlListing(responseText(bytes, contentType), url);
  return isFeedOrSitemap(listing) ? listingNoun(listing.kind) : null;
}

/** Everything the source lists, each story once (tracking parameters, www, a trailing slash aside). */
export async function listItems(fetcher: Fetcher, source: Source): Promise<Item[]> {
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
    const r = await fetcher.get(url, { intervalMs: source.intervalMs });
    const text = responseText(r.body, r.headers['content-type']);
    const listing = source.kind === 'listing'
      ? parseListingPage(text, r.finalUrl, { linkSelector: source.selectors?.links, linkPattern: source.linkPattern, nextSelector: source.selectors?.next })
      : parseXmlListing(text, r.finalUrl);
    if (source.kind !== 'listing' && listing.kind === 'unknown') throw new FetchError('E_FEED', url, `not a feed or sitemap (content type ${r.headers['content-type'] ?? 'unknown'})`, false);
    items.push(...listing.items);
    queue.push(...listing.next);
  }
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = normaliseUrl(i.url) ?? i.url;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** The items that name the source's topics (a `page` source's URLs are all kept: they were chosen by hand). */
export function keepTopical(items: readonly Item[], source: Source): Item[] {
  return source.kind === 'page' ? [...items] : items.filter((i) => matchesTopic(i.text, source.topics));
}

/** What an ingest of the source would fetch: its listed items that name its topics. */
export async function discoverItems(fetcher: Fetcher, source: Source): Promise<Item[]> {
  return keepTopical(await listItems(fetcher, source), source);
}
