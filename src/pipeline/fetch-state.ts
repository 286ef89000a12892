/**
 * What a run remembers between runs: per URL, the validators for the next conditional request and
 * every revision with its snapshot and document; per source, when it last ran, succeeded or failed.
 */
import { plural } from '../core/plural.js';
import type { Document } from '../core/types.js';
import type { HttpResponse } from '../fetch/http.js';
import type { Source } from '../sources/index.js';
import type { Revision, SnapshotStore, SourceState, UrlState } from '../corpus/index.js';

/**
 * The URL's state after a response: its final URL, the response's validators (a 304 may omit
 * them, and then the stored ones still hold) and the time of the check. Revisions are unchanged.
 */
export function checkedState(previous: UrlState | null, sourceId: string, url: string, r: HttpResponse, checkedAt: string): UrlState {
  const carry = r.notModified;
  return {
    format: 'ccg-fetch-state', version: 1, url, finalUrl: r.finalUrl, source: sourceId,
    etag: r.headers.etag ?? (carry ? previous?.etag ?? null : null),
    lastModified: r.headers['last-modified'] ?? (carry ? previous?.lastModified ?? null : null),
    lastCheckedAt: checkedAt,
    revisions: previous?.revisions ?? [],
  };
}

/** The state with `revision` set to point at the document that holds it. */
export function withDocumentId(state: UrlState, revision: Revision, documentId: string): UrlState {
  let i = state.revisions.lastIndexOf(revision);
  if (i < 0) i = state.revisions.findLastIndex((r) => r.sha256 === revision.sha256);
  if (i < 0) return state;
  const revisions = state.revisions.map((r, j) => (j === i ? { ...r, documentId } : r));
  return { ...state, revisions };
}

/**
 * A URL state rebuilt from a stored fetched document (its URL and snapshot reference), for a
 * repair that has lost the fetch state; null for a document that was not fetched. The state is
 * keyed by the document's URL, which may differ from the URL a feed lists (tracking parameters):
 * such an item is then fetched once more in full, and found unchanged.
 */
export function urlStateFromDocument(doc: Document): UrlState | null {
  const s = doc.snapshot;
  if (!s || !doc.url || !doc.source) return null;
  return {
    format: 'ccg-fetch-state', version: 1, url: doc.url, finalUrl: doc.url, source: doc.source,
    etag: s.etag, lastModified: s.lastModified, lastCheckedAt: s.fetchedAt,
    revisions: [{ sha256: s.sha256, fetchedAt: s.fetchedAt, status: s.status, contentType: s.contentType, documentId: doc.id }],
  };
}

/** Writes a URL's state (atomically). */
export function recordUrlState(store: SnapshotStore, state: UrlState): Promise<void> {
  return store.writeUrlState(state);
}

export interface SourceRun {
  readonly at: string;
  readonly items: number;
  readonly new: number;
  readonly failed: number;
  /** What stopped the run (unreachable, not a feed); null when it ran. */
  readonly error: string | null;
}

/** Adds one run to a source's state: last run, last success, last error, items seen and new. */
export async function recordSourceState(store: SnapshotStore, source: Pick<Source, 'id'>, previous: SourceState, run: SourceRun): Promise<SourceState> {
  const state: SourceState = {
    id: source.id,
    lastRunAt: run.at,
    lastSuccessAt: run.error ? previous.lastSuccessAt : run.at,
    lastError: run.error ?? (run.failed ? `${plural(run.failed, 'item')} failed` : null),
    itemsSeen: previous.itemsSeen + run.items,
    itemsNew: previous.itemsNew + run.new,
  };
  await store.writeSourceState(state);
  return state;
}
