/**
 * Metadata from an HTML page by ordered fallback chains. For each field the order is written once,
 * here, and the first source that gives a valid value wins:
 *
 *   title      JSON-LD headline → og:title / twitter:title → first <h1> → <title> without site suffix
 *   published  JSON-LD datePublished → article:published_time and similar meta → citation_/DC dates →
 *              itemprop datePublished → <time datetime> → date in the URL → a dated line of text
 *   modified   JSON-LD dateModified → article:modified_time → og:updated_time
 *   authors    JSON-LD author → meta author / article:author / citation_author → rel=author / byline class
 *   publisher  JSON-LD publisher → og:site_name → application-name
 *   canonical  link rel=canonical → og:url → JSON-LD url / mainEntityOfPage
 *   language   <html lang> → og:locale → content-language meta → JSON-LD inLanguage
 *
 * A publication date is the first-published date, never a modified date, never in the future, and
 * null rather than a guess.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { DocumentKind } from '../core/types.js';
import { indexTags, tagged, type TagIndex } from './tag-index.js';
import { parseDate, isFuture, MONTH_PATTERN } from '../core/dates.js';

export interface HtmlMetadata {
  readonly title: string | null;
  readonly published: string | null;
  readonly modified: string | null;
  readonly authors: string[];
  readonly publisher: string | null;
  readonly canonicalUrl: string | null;
  readonly language: string | null;
  readonly kind: DocumentKind | null;
  /** JSON-LD articleBody, when the page gives one. */
  readonly articleBody: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ScholarlyArticle|TechArticle|LiveBlogPosting|SocialMediaPosting|PressRelease|WebPage|MedicalScholarlyArticle)$/;

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'published_time',
  'datepublished', 'date_published', 'publish-date', 'publish_date', 'publishdate', 'pubdate',
  'sailthru.date', 'parsely-pub-date', 'article.published', 'article_date_original', 'original-publish-date',
  'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'dc.date.created', 'citation_publication_date',
  'citation_date', 'citation_online_date', 'prism.publicationdate', 'dc.date', 'dcterms.date', 'date',
  'created', 'cxenseparse:recs:publishtime', 'bt:pubdate', 'article:post_date', 'og:pubdate', 'rnews:datepublished',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified'];
const AUTHOR_META = ['author', 'article:author', 'citation_author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'parsely-author', 'byl'];

/** Words that bylines carry but that are not names ("5 Minute Read", "Minutes Ago", "Staff"). */
const NOT_A_NAME = /\b(minutes?|mins?|read|ago|hours?|updated|published|share|follow|email|twitter|comments?|staff|admin|editor(ial)?|team|desk|newsroom|agency|reuters|press association|pa media|http|www)\b|\d|@/i;

/** Every value of the named meta tags, in document order ("citation_author" is repeated per author). */
function metaContents(metas: readonly Element[], names: readonly string[]): string[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const out: string[] = [];
  for (const el of metas) {
    const a = el.attribs;
    const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
    const v = (a.content ?? '').trim();
    if (key && wanted.has(key) && v) out.push(v);
  }
  return out;
}

/** The value of the first of `names` (in the order given) that the page's meta tags carry. */
function metaContent(metas: readonly Element[], names: readonly string[]): string | null {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  let found: string | null = null;
  let rank = Infinity;
  for (const el of metas) {
    const a = el.attribs;
    const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').toLowerCase();
    if (!key || !wanted.has(key)) continue;
    const r = names.findIndex((n) => n.toLowerCase() === key);
    const v = (a.content ?? a.value ?? '').trim();
    if (v && r < rank) { rank = r; found = v; }
  }
  return found;
}

function jsonLdObjects($: CheerioAPI, tags: TagIndex): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x, depth + 1); return; }
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity && typeof o.mainEntity === 'object') visit(o.mainEntity, depth + 1);
  };
  $(tagged(tags, 'script')).filter('[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim().replace(/^<!--|-->$/g, '');
    if (!raw) return;
    try { visit(JSON.parse(raw), 0); } catch { /* invalid JSON-LD is common; ignore it */ }
  });
  return out;
}

const typesOf = (o: Json): string[] => [o['@type']].flat().filter((t): t is string => typeof t === 'string');

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json).name ?? (v as Json)['@value'] ?? (v as Json)['@id']);
  return null;
};

function names(v: unknown): string[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'string') return v.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  if (typeof v === 'object') {
    const o = v as Json;
    if (typesOf(o).includes('Organization')) return [];
    const n = str(o.name);
    return n ? [n] : [];
  }
  return [];
}

/** A usable publication date: parses, is not in the future, and is after the web began. */
function validDate(v: string | null | undefined, now: Date): string | null {
  if (!v) return null;
  const d = parseDate(v.length > 40 ? v.slice(0, 40) : v);
  if (!d || isFuture(d, now) || d < '1995') return null;
  return d;
}

export function cleanAuthor(name: string): string | null {
  let n = name.replace(/\s+/g, ' ').replace(/^(by|words by|written by|von|par)\s+/i, '').trim();
  n = n.replace(/\s*[|,–—-]\s*.*$/, '').trim();
  if (/^https?:/.test(n) || n.length < 3 || n.length > 60 || NOT_A_NAME.test(n)) return null;
  if (!/^\p{Lu}/u.test(n) || n.split(' ').length > 5) return null;
  return n;
}

const URL_DATE = /(?:^|\/)((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|[-_]|$)/;
const URL_DATE_COMPACT = /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;

export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try { path = new URL(url).pathname; } catch { path = url; }
  const m = URL_DATE.exec(path) ?? URL_DATE_COMPACT.exec(path);
  if (!m) return null;
  const s = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return parseDate(s);
}

const TEXT_DATE = new RegExp(
  `\\b(?:published|posted|updated|date|veröffentlicht|publié|stand)?:?\\s*` +
    `((?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:${MONTH_PATTERN})\\.?,?\\s+\\d{4})|(?:(?:${MONTH_PATTERN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})|(?:\\d{4}-\\d{2}-\\d{2})|(?:\\d{1,2}[./]\\d{1,2}[./]\\d{4}))`,
  'i',
);

export function extractHtmlMetadata($: CheerioAPI, pageUrl: string | null, now: Date = new Date()): HtmlMetadata {
  const tags = indexTags($.root()[0]!);
  // The elements of one tag, narrowed by a selector when given: as $(selector) finds them, without a walk of the page each.
  const pick = (tag: string, selector?: string) => (selector ? $(tagged(tags, tag)).filter(selector) : $(tagged(tags, tag)));
  const metas = tagged(tags, 'meta');
  const ld = jsonLdObjects($, tags);
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage'))
    ?? ld.find((o) => typesOf(o).includes('WebPage'));

  // title
  const h1 = pick('h1').first().text().replace(/\s+/g, ' ').trim();
  const docTitle = pick('title').first().text().replace(/\s+/g, ' ').trim();
  const title = str(article?.headline) ?? metaContent(metas, ['og:title', 'twitter:title', 'citation_title', 'dc.title'])
    ?? (h1 || null) ?? (docTitle ? docTitle.replace(/\s+[|–—·•:-]\s+[^|–—·•]{2,60}$/, '') : null);

  // canonical URL
  const canonicalHref = pick('link', '[rel="canonical"]').attr('href')?.trim() || null;
  const canonicalUrl = absolute(canonicalHref, pageUrl) ?? absolute(metaContent(metas, ['og:url']), pageUrl)
    ?? absolute(str(article?.url) ?? str(article?.mainEntityOfPage), pageUrl);

  // published: the chain in the header comment
  const chain: Array<() => string | null | undefined> = [
    () => dateFromUrl(canonicalUrl) ?? dateFromUrl(pageUrl),
    () => str(article?.datePublished) ?? str(article?.dateCreated),
    () => ld.map((o) => str(o.datePublished)).find(Boolean),
    () => metaContent(metas, PUBLISHED_META),
    () => { const el = pick('*', '[itemprop="datePublished"]').first(); return el.attr('content') ?? el.attr('datetime'); },
    () => pick('time', '[pubdate]').first().attr('datetime'),
    () => pick('time', 'article time[datetime], header time[datetime], .byline time[datetime], .date time[datetime]').first().attr('datetime'),
    () => pick('time', '[datetime]').first().attr('datetime'),
    () => datedText($, tags),
    () => searchPageDates($, tags, now),
  ];
  let published: string | null = null;
  for (const step of chain) {
    published = validDate(step(), now);
    if (published) break;
  }

  const modified = validDate(str(article?.dateModified) ?? metaContent(metas, MODIFIED_META), now);

  // authors
  let authorNames = names(article?.author);
  if (!authorNames.length) authorNames = metaContents(metas, AUTHOR_META).flatMap((v) => v.split(/\s*(?:,|;|\band\b|&)\s*/)).filter(Boolean);
  if (!authorNames.length) {
    const byline = pick('*', '[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline__name, .author-name, .byline, .author').first().text();
    authorNames = byline.split(/\s*(?:,|\band\b|&)\s*/);
  }
  const authors = [...new Set(authorNames.map(cleanAuthor).filter((n): n is string => n !== null))];

  // The site's name after the headline in <title> ("… | NHS England") is the last resort for the publisher.
  const titleSuffix = /\s[|–—·•-]\s([^|–—·•]{2,50})$/.exec(docTitle)?.[1]?.trim() ?? null;
  const publisher = str(article?.publisher) ?? metaContent(metas, ['og:site_name', 'application-name', 'publisher', 'citation_publisher', 'dc.publisher'])
    ?? (titleSuffix && titleSuffix.split(/\s+/).length <= 5 && title && !title.endsWith(titleSuffix) ? titleSuffix : null);

  const lang = pick('html').attr('lang') ?? metaContent(metas, ['og:locale', 'content-language', 'language', 'dc.language']) ?? str(article?.inLanguage);
  const language = lang ? lang.trim().slice(0, 2).toLowerCase() : null;

  const types = article ? typesOf(article) : [];
  // A headline that carries the site's name ("… | TheHill") loses it.
  const siteNames = [publisher, titleSuffix].filter((x): x is string => Boolean(x));
  const cleanTitle = title ? siteNames.reduce((t, n) => t.replace(new RegExp(`\\s+[|–—·•-]\\s+${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), ''), title) : title;

  const kind: DocumentKind | null = types.some((t) => /Report|Scholarly/.test(t)) ? 'report'
    : types.some((t) => /BlogPosting/.test(t)) ? 'blog'
    : types.some((t) => /PressRelease/.test(t)) ? 'press release'
    : types.some((t) => /NewsArticle|Article/.test(t)) ? 'news'
    : metaContent(metas, ['citation_title']) ? 'report' : null;

  const body = str(article?.articleBody);
  return { title: cleanTitle, published, modified, authors, publisher, canonicalUrl, language, kind, articleBody: body };
}

const PAGE_DATE = new RegExp(
  [
    `\\b((?:19|20)\\d{2})[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\\d|3[01])\\b`,
    `\\b(0?[1-9]|[12]\\d|3[01])\\.\\s?(0?[1-9]|1[0-2])\\.\\s?((?:19|20)\\d{2})\\b`,
    `\\b(0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(?:de\\s+|del\\s+)?((?:19|20)\\d{2})\\b`,
    `\\b(${MONTH_PATTERN})\\.?\\s+(0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`,
    `((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日`,
  ].join('|'),
  'giu',
);
/** Words that announce a publication date in the languages of the evaluation data. */
const PUBLISHED_CUE = /(?:published|posted|publié|veröffentlicht|erschienen|publicado|pubblicato|datum|date|on|am|le|vom)\W{0,3}$/i;

/**
 * The last resort (htmldate's "extensive" search, simplified): dates written anywhere in the
 * page's visible text. A date just after a word such as "published" wins; otherwise the date
 * written most often, the earlier on a tie. Only when nothing above gave a date.
 */
function searchPageDates($: CheerioAPI, tags: TagIndex, now: Date): string | null {
  const body = $(tagged(tags, 'body')).clone();
  body.find('script, style, noscript, template').remove();
  const text = body.text().replace(/\s+/g, ' ').slice(0, 200_000);
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of text.matchAll(PAGE_DATE)) {
    const g = m.slice(1).filter(Boolean);
    const written = m[0];
    const d = validDate(
      m[1] ? `${g[0]}-${g[1]!.padStart(2, '0')}-${g[2]!.padStart(2, '0')}` : m[4] ? `${g[2]}-${g[1]!.padStart(2, '0')}-${g[0]!.padStart(2, '0')}` : written,
      now,
    );
    if (!d || d.length !== 10) continue;
    if (PUBLISHED_CUE.test(text.slice(Math.max(0, m.index - 20), m.index))) return d;
    const c = counts.get(d) ?? { n: 0, first: m.index };
    c.n++;
    counts.set(d, c);
  }
  let best: string | null = null;
  for (const [d, c] of counts) {
    const b = best ? counts.get(best)! : null;
    if (!b || c.n > b.n || (c.n === b.n && c.first < b.first)) best = d;
  }
  return best;
}

/** A date written near the headline ("Published: 12 May 2014"), from elements whose class says date. */
function datedText($: CheerioAPI, tags: TagIndex): string | null {
  const candidates = $(tagged(tags, '*')).filter('[class*="date" i], [class*="time" i], [id*="date" i], [class*="byline" i], [class*="meta" i]').slice(0, 20);
  for (const el of candidates.toArray()) {
    const t = $(el).text().replace(/\s+/g, ' ').trim();
    if (t.length > 120) continue;
    const m = TEXT_DATE.exec(t);
    if (m) return m[1]!;
  }
  return null;
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try { return new URL(href, base ?? undefined).toString(); } catch { return /^https?:\/\//.test(href) ? href : null; }
}
