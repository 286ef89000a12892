/**
 * Extract and analyse meet here: content and what is known of it in, a `Document` out. Pure.
 */
import { sha256 } from '../core/hash.js';
import type { Document, KnownMetadata, Provenance, SnapshotRef } from '../core/types.js';
import { extractHtml, extractText } from '../extract/index.js';
import { normaliseUrl } from '../fetch/url.js';
import { analyse, type CompiledOrganisations, type StanceScorer } from '../analyse/index.js';

export interface BuildOptions {
  readonly format: 'html' | 'text';
  readonly known?: KnownMetadata;
  readonly organisations: CompiledOrganisations;
  readonly stance: StanceScorer;
  /** The source's CSS selector for the article body (registry `selectors.article`). */
  readonly articleSelector?: string | null;
  readonly provenance?: Provenance;
  readonly snapshot?: SnapshotRef;
  readonly now?: Date;
}

/** A stable id: from the canonical URL when there is one, else from the main text. */
export function documentId(url: string | null, text: string): string {
  const norm = url ? normaliseUrl(url) ?? url : null;
  const key = norm ? `url:${norm.replace(/^https?:\/\//, '').replace(/\/$/, '')}` : `text:${text.replace(/\s+/g, ' ').trim()}`;
  return sha256(key).slice(0, 16);
}

export function buildDocument(content: string, options: BuildOptions): Document {
  const known = options.known ?? {};
  const ex = options.format === 'html' ? extractHtml(content, { url: known.url ?? null, now: options.now, articleSelector: options.articleSelector ?? null }) : extractText(content, options.now);
  // What the registry or manifest says outranks what the page suggests, except for an empty value.
  const published = known.published ?? ex.published;
  const a = analyse(ex.text, { organisations: options.organisations, published, stance: options.stance });
  const url = known.url ?? null;
  const canonicalUrl = ex.canonicalUrl ?? url;
  return {
    id: documentId(canonicalUrl, ex.text),
    source: known.source ?? null,
    url,
    canonicalUrl,
    title: known.title ?? ex.title,
    publisher: known.publisher ?? ex.publisher,
    authors: known.authors?.length ? [...known.authors] : [...ex.authors],
    published,
    modified: ex.modified,
    language: ex.language ?? (options.format === 'text' ? 'en' : null),
    kind: known.kind ?? ex.kind ?? (options.format === 'html' ? 'news' : 'page'),
    text: ex.text,
    organisations: a.organisations,
    people: a.people,
    dates: a.dates,
    quotes: a.quotes,
    positions: a.positions,
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(options.provenance ? { provenance: options.provenance } : {}),
  };
}
