/**
 * What a source lists: items of RSS 2.0, Atom and RDF feeds; URLs of sitemaps (urlset, sitemap
 * index, Google News); links of listing pages (by selector or pattern, with the next page); and
 * links to a site's feeds (for `ccg sources add`). Pure: text in, items out.
 */
import { load } from 'cheerio/slim';
import { absoluteUrl, normaliseUrl } from './url.js';
import { parseDate } from '../core/dates.js';

export interface Item {
  readonly url: string;
  readonly title: string | null;
  readonly published: string | null;
  /** Text that a topic filter can read: the title and any summary. */
  readonly text: string;
}

export interface Listing {
  readonly kind: 'rss' | 'atom' | 'rdf' | 'urlset' | 'sitemapindex' | 'html' | 'unknown';
  readonly items: Item[];
  /** Child sitemaps of a sitemap index, or the next page of a listing. */
  readonly next: string[];
  /** The feed's own title (RSS channel title, Atom feed title); null for sitemaps and pages. */
  readonly title: string | null;
}

/** What a listing is, in words: "an RSS feed", "an Atom feed", "a sitemap", "a listing page". */
export function listingNoun(kind: Listing['kind'] | 'sitemap' | 'listing' | 'page'): string {
  switch (kind) {
    case 'rss': case 'rdf': return 'an RSS feed';
    case 'atom': return 'an Atom feed';
    case 'urlset': case 'sitemapindex': case 'sitemap': return 'a sitemap';
    case 'html': case 'listing': return 'a listing page';
    default: return 'a page';
  }
}

/** Is this listing a feed or a sitemap (as opposed to a page)? */
export const isFeedOrSitemap = (l: Listing): boolean => l.kind !== 'html' && l.kind !== 'unknown';

const clean = (s: string | undefined | null): string => (s ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const date = (s: string | undefined): string | null => (s ? parseDate(s.replace(/^\w{3},\s*/, '').replace(/\s+\d{2}:\d{2}(:\d{2})?(\s*([+-]\d{4}|GMT|UTC|Z|[A-Z]{3}))?$/, '')) : null);

/** RSS, Atom, RDF, sitemaps: told apart by their root element. */
export function parseXmlListing(xml: string, baseUrl: string): Listing {
  const $ = load(xml, { xml: { xmlMode: true, decodeEntities: true } });
  const root = $.root().children().filter((_, el) => el.type === 'tag').first();
  const name = (root.prop('tagName') as string | undefined)?.toLowerCase() ?? '';
  const abs = (u: string | undefined): string | null => (u ? absoluteUrl(u, baseUrl) : null);
  const items: Item[] = [];
  if (name === 'rss' || name === 'rdf:rdf' || name.endsWith(':rdf')) {
    $('item').each((_, el) => {
      const it = $(el);
      // An item without a link may still carry its document as an enclosure (a report's PDF).
      const link = it.children('link').first().text() || (it.children('guid[isPermaLink!="false"]').first().text()) || it.attr('rdf:about') || it.children('enclosure[type*="pdf"]').first().attr('url');
      const url = abs(link);
      if (!url) return;
      const title = clean(it.children('title').first().text()) || null;
      const published = date(it.children('pubDate').first().text() || it.children('dc\\:date').first().text());
      items.push({ url, title, published, text: `${title ?? ''} ${clean(it.children('description').first().text())} ${it.children('category').map((_, c) => $(c).text()).get().join(' ')}` });
    });
    const title = clean(root.find('channel').first().children('title').first().text()) || null;
    return { kind: name === 'rss' ? 'rss' : 'rdf', items, next: [], title };
  }
  if (name === 'feed') {
    $('entry').each((_, el) => {
      const it = $(el);
      const link = it.children('link[rel="alternate"]').attr('href') ?? it.children('link:not([rel])').attr('href') ?? it.children('link[rel="enclosure"][type*="pdf"]').attr('href') ?? it.children('link').first().attr('href');
      const url = abs(link);
      if (!url) return;
      const title = clean(it.children('title').first().text()) || null;
      const published = date(it.children('published').first().text() || it.children('updated').first().text());
      items.push({ url, title, published, text: `${title ?? ''} ${clean(it.children('summary').first().text() || it.children('content').first().text()).slice(0, 2000)}` });
    });
    return { kind: 'atom', items, next: [], title: clean(root.children('title').first().text()) || null };
  }
  if (name === 'urlset') {
    $('url').each((_, el) => {
      const it = $(el);
      const url = abs(it.children('loc').first().text());
      if (!url) return;
      const newsTitle = clean(it.find('news\\:title').first().text()) || null;
      const published = date(it.find('news\\:publication_date').first().text() || it.children('lastmod').first().text());
      const slug = decodeURIComponent(new URL(url).pathname).replace(/[/_.-]+/g, ' ');
      items.push({ url, title: newsTitle, published, text: `${newsTitle ?? ''} ${clean(it.find('news\\:keywords').first().text())} ${slug}` });
    });
    return { kind: 'urlset', items, next: [], title: null };
  }
  if (name === 'sitemapindex') {
    const next = $('sitemap > loc').map((_, el) => abs($(el).text())).get().filter((u): u is string => Boolean(u));
    return { kind: 'sitemapindex', items: [], next, title: null };
  }
  return { kind: 'unknown', items: [], next: [], title: null };
}

/** Links of a listing page: those matching a CSS selector, or a URL pattern, on the same site. */
export function parseListingPage(html: string, baseUrl: string, options: { linkSelector?: string; linkPattern?: string; nextSelector?: string } = {}): Listing {
  const $ = load(html);
  const host = new URL(baseUrl).host.replace(/^www\./, '');
  const pattern = options.linkPattern ? new RegExp(options.linkPattern) : null;
  const seen = new Set<string>();
  const items: Item[] = [];
  $(options.linkSelector ?? 'a[href]').each((_, el) => {
    const a = $(el).is('a') ? $(el) : $(el).find('a[href]').first();
    const href = a.attr('href');
    const url = href ? absoluteUrl(href, baseUrl) : null;
    const key = url ? normaliseUrl(url) : null;
    if (!url || !key || seen.has(key)) return;
    if (new URL(url).host.replace(/^www\./, '') !== host) return;
    if (pattern && !pattern.test(url)) return;
    if (!options.linkSelector && !pattern) return;
    seen.add(key);
    const title = clean(a.text()) || null;
    items.push({ url, title, published: null, text: `${title ?? ''} ${decodeURIComponent(new URL(url).pathname).replace(/[/_.-]+/g, ' ')}` });
  });
  const nextHref = (options.nextSelector ? $(options.nextSelector).first().attr('href') : undefined) ?? $('link[rel="next"], a[rel="next"]').first().attr('href');
  const next = nextHref ? [absoluteUrl(nextHref, baseUrl)].filter((u): u is string => Boolean(u)) : [];
  return { kind: 'html', items, next, title: null };
}

/** Feeds a page links to (<link rel="alternate" type="application/rss+xml">). */
export function feedLinks(html: string, baseUrl: string): string[] {
  const $ = load(html);
  return $('link[rel~="alternate"][type*="rss"], link[rel~="alternate"][type*="atom"], link[rel~="alternate"][type*="rdf"]')
    .map((_, el) => absoluteUrl($(el).attr('href') ?? '', baseUrl))
    .get()
    .filter((u): u is string => Boolean(u));
}

/** Does an item's text name the topic? Terms are lower-case words or phrases; a trailing * matches any ending. */
export function matchesTopic(text: string, terms: readonly string[]): boolean {
  if (!terms.length) return true;
  const t = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}*]+/gu, ' ')} `;
  return terms.some((term) => {
    const w = term.toLowerCase().replace(/[^\p{L}\p{N}*]+/gu, ' ').trim();
    return w.endsWith('*') ? t.includes(` ${w.slice(0, -1)}`) : t.includes(` ${w} `);
  });
}
