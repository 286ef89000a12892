/**
 * What `ccg sources add URL` needs: from any URL of a site, find a feed (the URL itself, a
 * <link rel="alternate">, the usual paths) or a sitemap (robots.txt), and preview what it yields.
 */
import type { HttpOptions } from '../fetch/http.js';
import { fetchUrl } from '../fetch/http.js';
import { parseXmlListing, feedLinks, type Item } from '../fetch/discover.js';
import { RobotsCache } from '../fetch/robots.js';
import { FetchError } from '../fetch/errors.js';
import { decodeBytes } from './read-input.js';
import { extractHtml } from '../extract/index.js';
import type { SourceKind } from '../sources/index.js';

export interface Discovered {
  readonly kind: SourceKind;
  readonly url: string;
  readonly items: Item[];
}

export interface Preview {
  readonly url: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly error?: string;
}

const USUAL_FEEDS = ['/feed/', '/feed', '/rss', '/rss.xml', '/atom.xml', '/index.xml', '/feeds/posts/default'];

async function asListing(url: string, http: HttpOptions): Promise<Discovered | null> {
  try {
    const r = await fetchUrl(url, http);
    const text = decodeBytes(r.body);
    const l = parseXmlListing(text, r.finalUrl);
    if (l.kind === 'rss' || l.kind === 'rdf') return { kind: 'rss', url: r.finalUrl, items: l.items };
    if (l.kind === 'atom') return { kind: 'atom', url: r.finalUrl, items: l.items };
    if (l.kind === 'urlset' || l.kind === 'sitemapindex') return { kind: 'sitemap', url: r.finalUrl, items: l.items };
    return null;
  } catch (e) {
    if (e instanceof FetchError && e.code === 'E_OFFLINE') throw e;
    return null;
  }
}

export async function discoverSource(url: string, http: HttpOptions = {}): Promise<Discovered> {
  const direct = await asListing(url, http);
  if (direct) return direct;
  const page = await fetchUrl(url, http);
  const html = decodeBytes(page.body);
  for (const feed of [...feedLinks(html, page.finalUrl), ...USUAL_FEEDS.map((p) => new URL(p, page.finalUrl).toString())]) {
    const found = await asListing(feed, http);
    if (found && found.items.length) return found;
  }
  const rules = await new RobotsCache(http).rulesFor(page.finalUrl);
  for (const sm of rules.sitemaps) {
    const found = await asListing(sm, http);
    if (found) return found;
  }
  return { kind: 'page', url: page.finalUrl, items: [{ url: page.finalUrl, title: extractHtml(html, { url: page.finalUrl }).title || null, published: null, text: '' }] };
}

/** The first items, fetched and extracted: what an ingest would store. */
export async function previewItems(items: readonly Item[], count: number, http: HttpOptions = {}): Promise<Preview[]> {
  const out: Preview[] = [];
  for (const item of items.slice(0, count)) {
    try {
      const r = await fetchUrl(item.url, http);
      const ex = extractHtml(decodeBytes(r.body), { url: r.finalUrl });
      out.push({ url: item.url, title: ex.title || item.title, published: ex.published ?? item.published });
    } catch (e) {
      out.push({ url: item.url, title: item.title, published: item.published, error: (e as Error).message });
    }
  }
  return out;
}
