/**
 * Ingest: for every enabled source, discover what it lists (discoverItems), fetch each new or
 * changed item politely and store its snapshot and document (fetchItem: fetchPage →
 * documentFromSnapshot → storeDocument → recordUrlState), then record the source's run
 * (recordSourceState). Each step is stored atomically as it completes, so a run killed at any
 * point loses nothing already stored and the next run goes on: unchanged pages cost a
 * conditional request and nothing else. The steps live in their own modules so that `ccg add`,
 * `ccg sources add`'s preview and repairs reuse them.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '../core/errors.js';
import { SnapshotStore } from '../corpus/index.js';
import type { Source } from '../sources/index.js';
import type { HttpOptions } from '../fetch/http.js';
import { OfflineError, RobotsDisallowedError } from '../fetch/errors.js';
import { Fetcher } from '../fetch/fetcher.js';
import type { Item } from '../fetch/discover.js';
import { discoverItems } from './discover-items.js';
import { fetchItem, RemovedStoryError } from './fetch-item.js';
import { recordSourceState } from './fetch-state.js';
import { addFiles } from './add.js';
import type { PipelineContext } from './context.js';

export type ItemOutcome = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'skipped' | 'failed';

export type IngestEvent =
  | { readonly type: 'source-start'; readonly source: string }
  | { readonly type: 'source-items'; readonly source: string; readonly items: number }
  | { readonly type: 'item'; readonly source: string; readonly url: string; readonly outcome: ItemOutcome; readonly error?: string }
  | { readonly type: 'source-done'; readonly source: string; readonly summary: SourceSummary }
  | { readonly type: 'source-error'; readonly source: string; readonly offline: boolean; readonly error: string };

export interface SourceSummary {
  readonly source: string;
  readonly items: number;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly duplicate: number;
  readonly skipped: number;
  readonly failed: number;
  readonly offline: boolean;
  readonly error: string | null;
}

export interface IngestOptions {
  readonly sources: readonly Source[];
  readonly http?: HttpOptions;
  /** Requests in flight at once over all hosts. */
  readonly concurrency?: number;
  /** Items per source at most (overrides the registry's maxItems when smaller). */
  readonly maxItems?: number;
  readonly onEvent?: (e: IngestEvent) => void;
  readonly now?: () => Date;
  /** The polite GET to share with other work in this process; one is made from `http` and `concurrency` otherwise. */
  readonly fetcher?: Fetcher;
}

type Counts = Record<ItemOutcome, number>;

/** One item as ingest counts it: a page robots.txt disallows, or a host that cannot be reached, is skipped. */
export async function ingestItem(ctx: PipelineContext, fetcher: Fetcher, source: Source, item: Item, options: { now?: () => Date; store?: SnapshotStore } = {}): Promise<{ outcome: ItemOutcome; error?: string; offline?: boolean }> {
  try {
    return { outcome: (await fetchItem(ctx, fetcher, source, item.url, options)).outcome };
  } catch (e) {
    const offline = e instanceof OfflineError;
    // A page robots.txt disallows, an unreachable host, a story removed from the archive (ccg remove).
    const skipped = offline || e instanceof RobotsDisallowedError || e instanceof RemovedStoryError;
    return { outcome: skipped ? 'skipped' : 'failed', error: errorMessage(e), ...(offline ? { offline } : {}) };
  }
}

/** A `file` source's paths: file:// URLs as the files they name, relative paths from the archive folder (not from where ccg runs). */
function sourceFilePaths(ctx: PipelineContext, source: Source): string[] {
  return source.urls.map((u) => resolve(ctx.paths.home, /^file:\/\//i.test(u) ? fileURLToPath(u) : u));
}

/** A `file` source: its local files are added as `ccg add` adds them. */
async function ingestFiles(ctx: PipelineContext, source: Source, counts: Counts, emit: (e: IngestEvent) => void): Promise<number> {
  const results = await addFiles(ctx, sourceFilePaths(ctx, source), { addedBy: `ccg ingest (${source.id})` });
  for (const r of results) {
    // A file whose document was removed (ccg remove) is left out, as a removed page is.
    const outcome: ItemOutcome = r.status === 'added' ? 'new' : r.status === 'removed' ? 'skipped' : r.status;
    counts[outcome]++;
    emit({ type: 'item', source: source.id, url: r.input, outcome, ...(r.error ? { error: r.error } : {}) });
  }
  return results.length;
}

/** Fetches the items of one source and stores what is new; records the run in the source's state. */
export async function ingestSource(ctx: PipelineContext, fetcher: Fetcher, source: Source, options: Pick<IngestOptions, 'maxItems' | 'onEvent' | 'now'> = {}): Promise<SourceSummary> {
  const store = new SnapshotStore(ctx.paths.corpus);
  const emit = options.onEvent ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  emit({ type: 'source-start', source: source.id });
  const counts: Counts = { new: 0, updated: 0, unchanged: 0, duplicate: 0, skipped: 0, failed: 0 };
  const previous = await store.readSourceState(source.id);
  const finish = async (items: number, offline: boolean, error: string | null): Promise<SourceSummary> => {
    await recordSourceState(store, source, previous, { at: now().toISOString(), items, new: counts.new, failed: counts.failed, error });
    const summary = { source: source.id, items, ...counts, offline, error };
    emit({ type: 'source-done', source: source.id, summary });
    return summary;
  };
  if (source.kind === 'file') return finish(await ingestFiles(ctx, source, counts, emit), false, null);
  let items: Item[];
  try {
    items = (await discoverItems(fetcher, source)).slice(0, Math.min(source.maxItems, options.maxItems ?? Infinity));
  } catch (e) {
    const offline = e instanceof OfflineError;
    emit({ type: 'source-error', source: source.id, offline, error: errorMessage(e) });
    return finish(0, offline, errorMessage(e));
  }
  emit({ type: 'source-items', source: source.id, items: items.length });
  let offline = false;
  await Promise.all(items.map(async (item) => {
    // An unreachable host is said once, for the source, not for every page.
    if (offline) { counts.skipped++; return; }
    const r = await ingestItem(ctx, fetcher, source, item, { now, store });
    if (r.offline) offline = true;
    counts[r.outcome]++;
    emit({ type: 'item', source: source.id, url: item.url, outcome: r.outcome, ...(r.error ? { error: r.error } : {}) });
  }));
  return finish(items.length, offline, offline ? 'the host could not be reached' : null);
}

/** Ingests every enabled source at once, all through one Fetcher (robots.txt cache, per-host queues). */
export async function ingest(ctx: PipelineContext, options: IngestOptions): Promise<SourceSummary[]> {
  const fetcher = options.fetcher ?? new Fetcher({ http: options.http ?? {}, concurrency: options.concurrency ?? 8 });
  return Promise.all(options.sources.filter((s) => s.enabled).map((s) => ingestSource(ctx, fetcher, s, options)));
}
