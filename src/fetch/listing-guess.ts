/**
 * Whether a page with no feed is a listing of articles (a news index, a reports page) or an article
 * of its own, and if a listing, which of its links are the articles. `ccg sources add` registers a
 * listing as a `listing` source with the pattern found here, so that an ingest follows its links,
 * rather than as a `page` source that would only ever fetch the index itself. Pure: HTML in, a guess out.
 *
 * A listing's articles live under one section of the site ("/news/…", "/reports/…") and their
 * last path segment reads as an item ("ccg-takes-on-gp-contracts", "2014-survey.pdf", "12345"),
 * unlike navigation ("/about", "/contact"). A page that says it is an article (og:type, schema.org
 * type) is one, whatever it links to; otherwise a page whose own text is long and that links to
 * few items is an article with a box of related links, and one that links to many is a listing.
 */
import { load } from 'cheerio/slim';
import { absoluteUrl } from './url.js';

export interface ListingGuess {
  /** A regular expression that the listing's article URLs match (the registry's `linkPattern`). */
  readonly linkPattern: string;
  /** The section the articles are in ("/news/"). */
  readonly section: string;
  /** How many different article links the page has in that section. */
  readonly links: number;
}

/** At least this many item links in one section make a listing. */
export const MIN_LISTING_LINKS = 5;
/** A page whose text runs to this many words is an article unless it links to at least LONG_PAGE_LINKS items. */
const ARTICLE_WORDS = 300;
const LONG_PAGE_LINKS = 12;

/** schema.org types of a single piece of writing (a CollectionPage, ItemList or WebPage is not one). */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|PressRelease|SocialMediaPosting)$/;

/** The last segment of a path reads as an item: words joined by hyphens or underscores, a number, or a document's file name. */
function isItemSegment(segment: string): boolean {
  if (/\.(?:pdf|html?|aspx?|php)$/i.test(segment)) return true;
  if (/\d{3,}/.test(segment)) return true;
  return segment.split(/[-_]+/).filter((w) => /^\p{L}+$/u.test(w)).length >= 3;
}

/** The schema.org types of a JSON-LD block's objects (top level, arrays and @graph), or none when it does not parse. */
function jsonLdTypes(text: string): string[] {
  let data: unknown;
  try { data = JSON.parse(text); } catch { return []; }
  const objects = (Array.isArray(data) ? data : [data]).flatMap((o) => (o && typeof o === 'object' && Array.isArray((o as { '@graph'?: unknown })['@graph']) ? [o, ...((o as { '@graph': unknown[] })['@graph'])] : [o]));
  return objects.flatMap((o) => {
    const t = o && typeof o === 'object' ? (o as { '@type'?: unknown })['@type'] : undefined;
    return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
  });
}

/** Whether the page declares itself a single article (Open Graph or schema.org). */
function declaresArticle($: ReturnType<typeof load>): boolean {
  if (($('meta[property="og:type"]').attr('content') ?? '').trim().toLowerCase() === 'article') return true;
  return $('script[type="application/ld+json"]').toArray().some((el) => jsonLdTypes($(el).text()).some((t) => ARTICLE_TYPE.test(t)));
}

const decoded = (segment: string): string => {
  try { return decodeURIComponent(segment); } catch { return segment; }
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The listing this page is, or null when it is an article, or links to too few items in any one section. */
export function guessListing(html: string, pageUrl: string): ListingGuess | null {
  const $ = load(html);
  if (declaresArticle($)) return null;
  const page = new URL(pageUrl);
  const host = page.host.replace(/^www\./, '');
  const bySection = new Map<string, Set<string>>();
  $('a[href]').each((_, el) => {
    const url = absoluteUrl($(el).attr('href') ?? '', pageUrl);
    if (!url) return;
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol) || u.host.replace(/^www\./, '') !== host) return;
    const segments = u.pathname.split('/').filter(Boolean);
    // An item sits in a section: at least one folder above it.
    if (segments.length < 2 || !isItemSegment(decoded(segments[segments.length - 1]!))) return;
    if (u.pathname === page.pathname) return;
    const section = `/${segments[0]}/`;
    const set = bySection.get(section) ?? new Set<string>();
    set.add(u.pathname);
    bySection.set(section, set);
  });
  let best: [string, number] | null = null;
  for (const [section, set] of bySection) if (!best || set.size > best[1]) best = [section, set.size];
  if (!best || best[1] < MIN_LISTING_LINKS) return null;
  $('script, style, nav, header, footer, aside, a').remove();
  const words = $('body').text().split(/\s+/).filter(Boolean).length;
  if (words >= ARTICLE_WORDS && best[1] < LONG_PAGE_LINKS) return null;
  const [section, links] = best;
  return { linkPattern: `^https?://[^/?#]+${escape(section)}[^?#]+`, section, links };
}
