/**
 * HTML page → title, main text and metadata. Pure: a string in, an `Extracted` record out.
 * cheerio in its htmlparser2 mode (`cheerio/slim`): about five times faster than parse5 and
 * forgiving of broken markup.
 */
import { load } from 'cheerio/slim';
import type { Extracted } from '../core/types.js';
import { extractHtmlMetadata } from './html-metadata.js';
import { extractMainText } from './main-text.js';
import { capNesting } from './dom-limits.js';
import { cutTrailer } from './boilerplate.js';

/**
 * Pages longer than this are cut before parsing: news pages are well under 2 MB, and a 20 MB page
 * would take seconds and hundreds of megabytes for text no reader needs. Best effort, bounded.
 */
export const MAX_HTML_CHARS = 8_000_000;

export interface HtmlOptions {
  /** Where the page came from; used for relative canonical links and dates in the URL. */
  readonly url?: string | null;
  readonly now?: Date;
  /** The source's CSS selector for the article body, tried first. */
  readonly articleSelector?: string | null;
}

export function extractHtml(html: string, options: HtmlOptions = {}): Extracted {
  const $ = load(capNesting(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html));
  const meta = extractHtmlMetadata($, options.url ?? null, options.now);
  const paragraphs = cutTrailer(extractMainText($, meta.articleBody, options.articleSelector ?? null).paragraphs);
  // The headline often opens the main text too: the text is the article without its title.
  const title = meta.title ?? '';
  const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, ' ').trim();
  while (paragraphs.length && title && norm(paragraphs[0]!) === norm(title)) paragraphs.shift();
  return {
    title,
    text: paragraphs.join('\n\n'),
    authors: meta.authors,
    published: meta.published,
    modified: meta.modified,
    publisher: meta.publisher,
    canonicalUrl: meta.canonicalUrl,
    language: meta.language,
    kind: meta.kind,
  };
}
