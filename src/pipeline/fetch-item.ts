/**
 * Step two of an ingest: one item. A polite, conditional GET (fetchPage); new bytes are kept as a
 * snapshot; the document is built from the snapshot (documentFromSnapshot), stored with
 * de-duplication (storeDocument), and only then is the URL's state written, pointing at it. A run
 * killed between two steps loses nothing: the next run finds the snapshot, or fetches again.
 */
import type { Document } from '../core/types.js';
import type { Source } from '../sources/index.js';
import { deleteRemoval, readDocument, readRemoval, SnapshotStore, sha256, type Removal, type Revision, type UrlState } from '../corpus/index.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { FeedUrlError, FetchError } from '../fetch/errors.js';
import { CcgError, InputError } from '../core/errors.js';
import { ccgCommand } from '../core/config.js';
import { feedOrSitemap } from './discover-items.js';
import { documentFromSnapshot } from './snapshot-document.js';
import { removalOfStory, storeDocument, type StoreOutcome } from './store-document.js';
import { checkedState, recordUrlState, withDocumentId } from './fetch-state.js';
import type { PipelineContext } from './context.js';

export interface FetchPageOptions {
  readonly now?: () => Date;
  /** A feed or sitemap is refused (FeedUrlError) before anything is stored: `ccg add URL` wants pages. */
  readonly refuseFeeds?: boolean;
  /** How to run ccg on this archive, for the command a refused feed's message suggests (see ccgCommand). */
  readonly ccg?: string;
  /** Ignore the stored validators (the stored snapshot is missing). */
  readonly unconditional?: boolean;
}

/** A URL after one polite GET. Nothing is written but the snapshot of new bytes. */
export interface FetchedPage {
  readonly url: string;
  readonly previous: UrlState | null;
  /** The URL's state after this check, for the caller to record once what depends on it is stored. */
  readonly state: UrlState;
  /** The revision whose bytes are current: the new one when `changed`, else the last stored one. */
  readonly revision: Revision;
  /** New bytes arrived (a new revision, its documentId still null). */
  readonly changed: boolean;
  /** The body when one arrived; null after a 304. */
  readonly body: Buffer | null;
}

export async function fetchPage(store: SnapshotStore, fetcher: Fetcher, source: Source, url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const previous = await store.readUrlState(url);
  const fetchedAt = (options.now ?? (() => new Date()))().toISOString();
  const validators = previous && !options.unconditional ? { etag: previous.etag, lastModified: previous.lastModified } : {};
  const r = await fetcher.get(url, { intervalMs: source.intervalMs, ...validators });
  const checked = checkedState(previous, source.id, url, r, fetchedAt);
  const last = previous?.revisions[previous.revisions.length - 1] ?? null;
  if (r.notModified) {
    if (!last) throw new FetchError('E_HTTP', url, 'HTTP 304 (not modified), but no copy of it is stored', false);
    return { url, previous, state: checked, revision: last, changed: false, body: null };
  }
  const hash = sha256(r.body);
  if (last?.sha256 === hash) {
    await store.saveSnapshot(r.body); // a no-op unless the snapshot went missing
    return { url, previous, state: checked, revision: last, changed: false, body: r.body };
  }
  if (options.refuseFeeds) {
    const what = feedOrSitemap(r.body, r.headers['content-type'], r.finalUrl);
    if (what) throw new FeedUrlError(url, what, options.ccg);
  }
  await store.saveSnapshot(r.body);
  const revision: Revision = { sha256: hash, fetchedAt, status: r.status, contentType: r.headers['content-type'] ?? null, documentId: null };
  return { url, previous, state: { ...checked, revisions: [...checked.revisions, revision] }, revision, changed: true, body: r.body };
}

/** The bytes of a fetched page: its body, else its stored snapshot, else (the snapshot gone) fetched again. */
export async function pageBytes(store: SnapshotStore, fetcher: Fetcher, source: Source, page: FetchedPage, options: FetchPageOptions = {}): Promise<{ page: FetchedPage; bytes: Buffer }> {
  if (page.body) return { page, bytes: page.body };
  const stored = await store.readSnapshot(page.revision.sha256);
  if (stored) return { page, bytes: stored };
  const again = await fetchPage(store, fetcher, source, page.url, { ...options, unconditional: true });
  if (!again.body) throw new FetchError('E_HTTP', page.url, 'the stored copy is missing and the site answers "not modified"', false);
  return { page: again, bytes: again.body };
}

export interface ItemResult {
  readonly outcome: StoreOutcome;
  /** The id of the document that holds the page. */
  readonly id: string;
  readonly document: Document;
}

/** A page whose story `ccg remove` took out of the archive: ingest leaves it out (counted as skipped). */
export class RemovedStoryError extends CcgError {
  readonly removal: Removal;
  constructor(url: string, removal: Removal, ccg: string) {
    super('E_REMOVED', `${url}: left out, its document ${removal.id} was removed ${removal.removedAt.slice(0, 10)} by ${removal.removedBy}; "${ccg} add ${url}" adds it again`);
    this.removal = removal;
  }
}

export interface FetchItemOptions extends FetchPageOptions {
  readonly store?: SnapshotStore;
  /**
   * Store the page even when its document was removed (`ccg add URL`: a librarian adds it again by
   * hand, which deletes its removal record). Otherwise such a page is checked and recorded, and
   * refused with a RemovedStoryError.
   */
  readonly restore?: boolean;
}

/** Fetches one item and stores its document: new, updated, unchanged (nothing written but the check) or a duplicate. */
export async function fetchItem(ctx: PipelineContext, fetcher: Fetcher, source: Source, url: string, options: FetchItemOptions = {}): Promise<ItemResult> {
  const store = options.store ?? new SnapshotStore(ctx.paths.corpus);
  const fetched = await fetchPage(store, fetcher, source, url, options);
  if (!fetched.changed && fetched.revision.documentId) {
    const existing = await readDocument(ctx.paths.documents, fetched.revision.documentId);
    if (existing) {
      await recordUrlState(store, fetched.state);
      return { outcome: 'unchanged', id: existing.id, document: existing };
    }
    // The same bytes as the revision of a removed document: nothing to build.
    const removal = options.restore ? null : await readRemoval(ctx.paths.corpus, fetched.revision.documentId);
    if (removal) {
      await recordUrlState(store, fetched.state);
      throw new RemovedStoryError(url, removal, ccgCommand(ctx.paths.home));
    }
  }
  // New bytes, or a snapshot whose document is not stored (kept by a preview, or lost): build it.
  const { page, bytes } = await pageBytes(store, fetcher, source, fetched, options);
  let doc: Document;
  try {
    doc = await documentFromSnapshot(ctx, source, page.state, page.revision, bytes);
  } catch (e) {
    // Bytes that cannot be read as a document (a corrupt PDF): the snapshot is recorded, without a
    // document, so that nothing is left unreferenced and the next run asks with a conditional request.
    if (e instanceof InputError) await recordUrlState(store, page.state);
    throw e;
  }
  const removal = await removalOfStory(ctx, doc);
  if (removal && !options.restore) {
    // New bytes of a removed story are recorded as its revision (so the snapshot is accounted for), not stored.
    await recordUrlState(store, withDocumentId(page.state, page.revision, removal.id));
    throw new RemovedStoryError(url, removal, ccgCommand(ctx.paths.home));
  }
  // Added again by hand: the removal record goes first (a story removed under another id keeps its record).
  if (removal?.id === doc.id) await deleteRemoval(ctx.paths.corpus, doc.id);
  const stored = await storeDocument(ctx, doc, url);
  await recordUrlState(store, withDocumentId(page.state, page.revision, stored.id));
  return { outcome: stored.outcome, id: stored.id, document: stored.document };
}
