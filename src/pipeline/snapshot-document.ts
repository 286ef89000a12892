/**
 * A fetched page's document, built from its stored snapshot and its URL state alone: the one way
 * ingest builds a fetched document, so that `ccg verify --repair` (or an ingest that finds a
 * snapshot without its document) rebuilds exactly what ingest stored.
 */
import type { Document } from '../core/types.js';
import type { Source } from '../sources/index.js';
import type { Revision, SnapshotStore, UrlState } from '../corpus/index.js';
import { buildDocument, buildPdfDocument } from './build-document.js';
import { responseText } from './discover-items.js';
import { isPdf } from '../extract/pdf/read.js';
import { titleFromFileName } from './extract-file.js';
import type { PipelineContext } from './context.js';

/**
 * The document of one revision of a URL. `source` is the registry's entry (for its publisher and
 * article selector); null when it is no longer registered (the URL state's source id is kept).
 * A PDF (by its content type or its first bytes, `%PDF-`) is read as a report; one that cannot be
 * read at all is an InputError naming its URL.
 */
export async function documentFromSnapshot(ctx: PipelineContext, source: Source | null, urlState: UrlState, revision: Revision, bytes: Uint8Array): Promise<Document> {
  // The validators in the URL state belong to its latest revision.
  const latest = urlState.revisions[urlState.revisions.length - 1]?.sha256 === revision.sha256;
  const contentType = revision.contentType;
  const options = {
    known: {
      source: source?.id ?? urlState.source,
      // The URL as fetched and the canonical URL as the page declares it: what readers cite.
      // Normalised forms are keys (the id, de-duplication), never shown.
      url: urlState.finalUrl,
      ...(source?.publisher ? { publisher: source.publisher } : {}),
    },
    organisations: ctx.organisations,
    stance: ctx.stance,
    ranker: ctx.ranker,
    articleSelector: source?.selectors?.article ?? null,
    snapshot: {
      sha256: revision.sha256, fetchedAt: revision.fetchedAt, status: revision.status, contentType,
      etag: latest ? urlState.etag : null, lastModified: latest ? urlState.lastModified : null,
    },
  };
  if (isPdfResponse(bytes, contentType)) {
    const doc = await buildPdfDocument(bytes, { ...options, name: urlState.finalUrl, warn: ctx.warn, ...ctx.pdfLimits });
    // A report without a title anywhere is named after its file: ".../2014-ccg-survey.pdf" → "2014 ccg survey".
    return doc.title ? doc : { ...doc, title: titleFromFileName(decodeURIComponent(new URL(urlState.finalUrl).pathname)) || urlState.finalUrl };
  }
  return buildDocument(responseText(bytes, contentType), { ...options, format: /text\/plain/i.test(contentType ?? '') ? 'text' : 'html' });
}

/** A PDF by its content type (application/pdf, application/x-pdf), or by its first bytes whatever the server says. */
export function isPdfResponse(bytes: Uint8Array, contentType: string | null): boolean {
  return /^application\/(?:x-)?pdf\b/i.test(contentType ?? '') || isPdf(bytes);
}

/**
 * The document of a URL's revision (its latest by default), read from the snapshot store; null
 * when the URL has no revision or the snapshot is missing. A corrupt snapshot is a FormatError.
 */
export async function rebuildFromUrlState(ctx: PipelineContext, store: SnapshotStore, source: Source | null, urlState: UrlState, revision?: Revision): Promise<Document | null> {
  const rev = revision ?? urlState.revisions[urlState.revisions.length - 1];
  if (!rev) return null;
  const bytes = await store.readSnapshot(rev.sha256);
  if (!bytes) return null;
  return await documentFromSnapshot(ctx, source, urlState, rev, bytes);
}

