/**
 * Taking documents and sources out of the archive (`ccg remove`, `ccg sources remove`).
 *
 * A document is removed in two atomic steps: its removal record is written to corpus/removed/
 * (corpus/removals.ts: what it was, where it came from, when, by whom, why), then its record in
 * corpus/documents/ is deleted. Snapshots and fetch states stay as they are: they are the
 * archive's lineage, and their revisions still name the removed id, which the removal record
 * accounts for. A run stopped between the two steps leaves both files; `ccg verify` names that as a
 * stopped run's leftover and `--repair` finishes the removal. The index is then updated as `ccg
 * index` updates it: the removed documents are marked deleted in their partitions.
 *
 * Removing a source deletes its registry file. Its documents stay unless they are removed too (a
 * source's documents are those it fetched, `source` = its id, and those its files gave, added by
 * "ccg ingest (ID)").
 */
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../core/types.js';
import { errorMessage, FormatError, toStorageError } from '../core/errors.js';
import { isSafeId } from '../core/safe-path.js';
import { normaliseUrl } from '../core/url.js';
import { deleteDocument, parseRecord, readDocument, readRemoval, removalOf, writeRemoval, type Removal } from '../corpus/index.js';
import { recordFiles } from '../corpus/store.js';
import type { RegistryEntry } from '../sources/index.js';
import { indexCorpus, readManifest, type IndexSummary } from './index-corpus.js';
import type { IndexContext } from './index-context.js';

/** An input that names nothing stored, and why. */
export interface UnknownTarget {
  readonly input: string;
  readonly reason: string;
}

export interface RemovalPlan {
  /** The documents to remove, each once, in the order they were first named. */
  readonly documents: readonly Document[];
  /** Inputs that name nothing stored: when there is one, nothing should be removed. */
  readonly unknown: readonly UnknownTarget[];
  /** How many documents each source named holds (0 is not an error for a source). */
  readonly bySource: ReadonlyMap<string, number>;
}

export const isUrlInput = (input: string): boolean => /^https?:\/\//i.test(input);

/** A document's URLs (as fetched, canonical, alternate), normalised: the keys a URL input is compared with. */
function urlKeys(doc: Document): Set<string> {
  const keys = new Set<string>();
  for (const u of [doc.url, doc.canonicalUrl, ...(doc.alternateUrls ?? [])]) if (u) keys.add(normaliseUrl(u) ?? u);
  return keys;
}

/** Whether `doc` came from source `id`: fetched by it, or added from one of its files. */
export function fromSource(doc: Document, id: string): boolean {
  return doc.source === id || doc.provenance?.addedBy === `ccg ingest (${id})`;
}

/** Every stored document whose record can be read (a corrupt one is verify's business, not ours). */
async function readAll(dir: string): Promise<Document[]> {
  const docs: Document[] = [];
  for (const name of await recordFiles(dir)) {
    const file = join(dir, name);
    try {
      docs.push(parseRecord(await readFile(file, 'utf8'), file));
    } catch (e) {
      if (!(e instanceof FormatError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw toStorageError(e, 'read', file);
    }
  }
  return docs;
}

/** Why an id names no stored document: it was removed (when, by whom), or was never stored. */
async function missing(ctx: IndexContext, id: string): Promise<string> {
  const removal = await readRemoval(ctx.paths.corpus, id).catch(() => null);
  if (removal) return `document ${id} was already removed, ${removal.removedAt.slice(0, 10)} by ${removal.removedBy}`;
  return `no document ${id} in ${ctx.paths.documents}`;
}

/**
 * The documents named by `inputs` (ids, or URLs: a document's URL, canonical URL or one of its
 * alternate URLs) and by `sources` (every document of each source). An id is only ever used as a
 * file name after it is checked to be one ([a-z0-9-]), so no input reaches a path outside
 * corpus/documents/. Nothing is written.
 */
export async function planRemoval(ctx: IndexContext, inputs: readonly string[], sources: readonly string[] = []): Promise<RemovalPlan> {
  const chosen = new Map<string, Document>();
  const unknown: UnknownTarget[] = [];
  let all: Document[] | null = null;
  const corpus = async (): Promise<Document[]> => (all ??= await readAll(ctx.paths.documents));
  for (const input of inputs) {
    if (isUrlInput(input)) {
      const key = normaliseUrl(input) ?? input;
      const found = (await corpus()).filter((d) => urlKeys(d).has(key));
      if (!found.length) unknown.push({ input, reason: `no stored document has the URL ${input}` });
      for (const d of found) if (!chosen.has(d.id)) chosen.set(d.id, d);
    } else if (!isSafeId(input)) {
      unknown.push({ input, reason: `"${input}" is neither a document id (lower-case letters, digits and hyphens, as "ccg search --json" shows them) nor an http(s) URL` });
    } else if (!chosen.has(input)) {
      let doc: Document | null;
      try {
        doc = await readDocument(ctx.paths.documents, input);
      } catch (e) {
        unknown.push({ input, reason: `${errorMessage(e)} ("ccg verify --repair" sets a corrupt record aside)` });
        continue;
      }
      if (doc) chosen.set(doc.id, doc);
      else unknown.push({ input, reason: await missing(ctx, input) });
    }
  }
  const bySource = new Map<string, number>();
  for (const id of sources) {
    const found = (await corpus()).filter((d) => fromSource(d, id));
    bySource.set(id, found.length);
    for (const d of found) if (!chosen.has(d.id)) chosen.set(d.id, d);
  }
  return { documents: [...chosen.values()], unknown, bySource };
}

export interface RemoveOptions {
  /** Who removes ("ccg remove (alice)"). */
  readonly removedBy: string;
  readonly reason?: string | null;
  readonly now?: () => Date;
}

/**
 * Removes each document: its removal record first, then its record (see the module comment). A
 * failed write throws a StorageError naming the file; documents removed before it stay removed,
 * and the one it concerned is stored as it was.
 */
export async function removeDocuments(ctx: IndexContext, docs: readonly Document[], options: RemoveOptions): Promise<Removal[]> {
  const removals: Removal[] = [];
  for (const doc of docs) {
    const removal = removalOf(doc, { removedAt: (options.now ?? (() => new Date()))().toISOString(), removedBy: options.removedBy, reason: options.reason ?? null });
    await writeRemoval(ctx.paths.corpus, removal);
    await deleteDocument(ctx.paths.documents, doc.id);
    removals.push(removal);
  }
  return removals;
}

/**
 * Brings the index up to date after a removal, as `ccg index` does (the removed documents are
 * marked deleted; no partition is rewritten); null when the archive has no index yet.
 */
export async function updateIndex(ctx: IndexContext): Promise<IndexSummary | null> {
  const { manifest, stale } = await readManifest(ctx);
  return manifest || stale ? indexCorpus(ctx) : null;
}

/** Deletes a source's registry file (found by findSource, so a file of the registry folder). */
export async function removeSourceFile(entry: RegistryEntry): Promise<void> {
  try {
    await unlink(entry.file);
  } catch (e) {
    throw toStorageError(e, 'remove', entry.file);
  }
}
