/**
 * The search index on disk, built from the stored corpus and updated incrementally:
 *
 *   index/manifest.json                         the commit point: version, partitions, their files
 *   index/catalog-<hash>.json                   each indexed document's partition, size and mtime
 *   index/partitions/<key>/quotes-<hash>.json   MiniSearch over the partition's quotes
 *   index/partitions/<key>/documents-<hash>.json  MiniSearch over its documents (text not stored)
 *   index/partitions/<key>/texts-<hash>.json    its documents' texts (phrases, snippets)
 *
 * A partition is a year of publication (or "undated"). `ccg index` compares the corpus with the
 * catalog (file size and mtime), reads only new and changed records, and rewrites only the
 * partitions they touch; every file is written under a new name and the manifest last, so a run
 * killed at any moment leaves the previous index whole. An index of another version, or built
 * with another organisation list, is rebuilt whole.
 */
import { readFile, readdir, stat, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import type { Document } from '../core/types.js';
import { CcgError, FormatError, errorMessage, toStorageError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { inside } from '../core/safe-path.js';
import { writeFileAtomic } from '../corpus/index.js';
import { checkedRecord } from '../corpus/store.js';
import { loadOrganisations } from '../sources/index.js';
import {
  Partition, parseTexts, loadQuoteIndex, loadDocumentIndex, partitionKey, orgTable,
  INDEX_FORMAT, INDEX_VERSION, PARTITION_KEY,
  type IndexManifest, type IndexSource, type PartitionInfo, type OrgTable, type QuoteRecord, type DocumentRecord,
} from '../search/index.js';
import type { IndexContext as PipelineContext } from './index-context.js';
import { writeSite, type SiteSummary } from './site.js';

const CATALOG_FORMAT = 'ccg-index-catalog';

export interface CatalogEntry {
  readonly key: string;
  readonly size: number;
  readonly mtimeMs: number;
}

interface Catalog {
  readonly format: typeof CATALOG_FORMAT;
  readonly version: number;
  /** Digest of the organisation table the index was built with. */
  readonly organisations: string;
  readonly documents: Readonly<Record<string, CatalogEntry>>;
}

export interface IndexProblem {
  readonly file: string;
  readonly message: string;
}

export interface IndexSummary {
  readonly dir: string;
  readonly documents: number;
  readonly quotes: number;
  readonly partitions: number;
  /** Partitions written by this run. */
  readonly rebuilt: readonly string[];
  /** Documents read by this run (new or changed), and removed. */
  readonly read: number;
  readonly removed: number;
  /** Why the whole index was rebuilt, when it was. */
  readonly fullReason: string | null;
  /** Records that could not be read: reported and left out; the rest is indexed. */
  readonly problems: readonly IndexProblem[];
  readonly bytes: number;
  /** The static search page written beside the index (index/site/). */
  readonly site: SiteSummary;
}

export interface IndexOptions {
  /** Rebuild every partition. */
  readonly full?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

const manifestFile = (ctx: PipelineContext): string => join(ctx.paths.index, 'manifest.json');
const partitionDir = (ctx: PipelineContext, key: string): string => inside(ctx.paths.index, 'partitions', key);

/** A JSON file of the index; null when missing, a StorageError when it cannot be read, a FormatError when it is not JSON. */
async function readJson<T>(file: string): Promise<T | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toStorageError(err, 'read', file);
  }
  try {
    return JSON.parse(raw) as T;
  } catch (err) {
    throw new FormatError(file, `corrupt (not valid JSON: ${errorMessage(err)}); rebuild the index with "ccg index --full"`);
  }
}

/** The manifest, or null when there is none; a manifest of another version is reported as such. */
export async function readManifest(ctx: PipelineContext): Promise<{ manifest: IndexManifest | null; stale: string | null }> {
  const file = manifestFile(ctx);
  let m: IndexManifest | null;
  try {
    m = await readJson<IndexManifest>(file);
  } catch (e) {
    // A manifest that is not JSON is rebuilt; one that cannot be read at all is the caller's error.
    if (e instanceof FormatError) return { manifest: null, stale: errorMessage(e) };
    throw e;
  }
  if (!m) {
    const legacy = existsSync(join(ctx.paths.index, 'search-index.json'));
    return { manifest: null, stale: legacy ? 'the index was built by an older version of ccg' : null };
  }
  if (m.format !== INDEX_FORMAT) return { manifest: null, stale: `${file} is not a ccg index` };
  if (m.version !== INDEX_VERSION) return { manifest: null, stale: `the index is of version ${String(m.version)}; this ccg reads version ${INDEX_VERSION}` };
  return { manifest: m, stale: null };
}

function organisationTable(ctx: PipelineContext): OrgTable {
  return orgTable(loadOrganisations(ctx.paths.organisations));
}

async function loadPartition(ctx: PipelineContext, info: PartitionInfo): Promise<Partition> {
  const dir = partitionDir(ctx, info.key);
  const [q, d, t] = await Promise.all([info.files.quotes, info.files.documents, info.files.texts].map((f) => readFile(inside(dir, f), 'utf8')));
  return new Partition({ quotes: loadQuoteIndex(q!), documents: loadDocumentIndex(d!), ...parseTexts(t!) });
}

async function writePartition(ctx: PipelineContext, key: string, p: Partition, written: string[]): Promise<{ info: PartitionInfo; bytes: number }> {
  const dir = partitionDir(ctx, key);
  const data = p.serialise();
  const name = (kind: string, body: string): string => `${kind}-${sha256(body).slice(0, 12)}.json`;
  const files = { quotes: name('quotes', data.quotes), documents: name('documents', data.documents), texts: name('texts', data.texts) };
  for (const kind of ['quotes', 'documents', 'texts'] as const) {
    const file = inside(dir, files[kind]);
    if (!existsSync(file)) written.push(file);
    await writeFileAtomic(file, data[kind]);
  }
  return { info: { key, documents: p.documentCount, quotes: p.quoteCount, files }, bytes: data.quotes.length + data.documents.length + data.texts.length };
}

/** Files in index/ that the manifest no longer names (old partitions, old catalogs, the version 2 file). */
async function removeUnreferenced(ctx: PipelineContext, manifest: IndexManifest): Promise<void> {
  const keep = new Set([manifest.catalog, ...manifest.partitions.flatMap((p) => [p.files.quotes, p.files.documents, p.files.texts].map((f) => `${p.key}/${f}`))]);
  const top = await readdir(ctx.paths.index).catch(() => [] as string[]);
  for (const f of top) {
    if ((/^catalog-[0-9a-f]+\.json$/.test(f) && !keep.has(f)) || f === 'search-index.json') await unlink(join(ctx.paths.index, f)).catch(() => undefined);
  }
  const keys = await readdir(join(ctx.paths.index, 'partitions')).catch(() => [] as string[]);
  for (const key of keys.filter((k) => PARTITION_KEY.test(k))) {
    for (const f of await readdir(partitionDir(ctx, key)).catch(() => [] as string[])) {
      if (/^(quotes|documents|texts)-[0-9a-f]+\.json$/.test(f) && !keep.has(`${key}/${f}`)) await unlink(inside(partitionDir(ctx, key), f)).catch(() => undefined);
    }
  }
}

interface CorpusFile {
  readonly id: string;
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

async function corpusFiles(dir: string): Promise<CorpusFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: CorpusFile[] = [];
  const wanted = names.filter((x) => x.endsWith('.json') && !x.startsWith('.')).sort();
  // stat() in batches: one at a time costs seconds at 100,000 records.
  for (let i = 0; i < wanted.length; i += 256) {
    const batch = wanted.slice(i, i + 256);
    const stats = await Promise.all(batch.map((n) => stat(join(dir, n)).catch(() => null)));
    batch.forEach((n, j) => {
      const st = stats[j];
      if (st?.isFile()) out.push({ id: n.slice(0, -5), file: join(dir, n), size: st.size, mtimeMs: st.mtimeMs });
    });
  }
  return out;
}

/** Builds or updates the index from corpus/documents/; see the module comment. */
export async function indexCorpus(ctx: PipelineContext, options: IndexOptions = {}): Promise<IndexSummary> {
  const table = organisationTable(ctx);
  const orgDigest = sha256(JSON.stringify(table)).slice(0, 16);
  const { manifest: old, stale } = await readManifest(ctx);
  let catalog: Catalog | null = null;
  let fullReason: string | null = options.full ? 'asked for (--full)' : stale;
  if (old && !fullReason) {
    catalog = await readJson<Catalog>(inside(ctx.paths.index, old.catalog)).catch(() => null);
    if (!catalog || catalog.format !== CATALOG_FORMAT || catalog.version !== INDEX_VERSION) fullReason = 'the index catalog is missing or unreadable';
    else if (catalog.organisations !== orgDigest) fullReason = 'the organisation list changed';
  }
  const full = fullReason !== null || !old || !catalog;
  const files = await corpusFiles(ctx.paths.documents);
  const previous = full ? {} : catalog!.documents;
  const present = new Set(files.map((f) => f.id));
  const changed = files.filter((f) => previous[f.id]?.size !== f.size || previous[f.id]?.mtimeMs !== f.mtimeMs);
  const removed = Object.keys(previous).filter((id) => !present.has(id));

  // The partitions that change: first take out what was removed or changed …
  const parts = new Map<string, Partition>();
  const oldInfo = new Map((full ? [] : old!.partitions).map((p) => [p.key, p]));
  const partition = async (key: string): Promise<Partition> => {
    let p = parts.get(key);
    if (!p) parts.set(key, (p = oldInfo.has(key) ? await loadPartition(ctx, oldInfo.get(key)!) : new Partition()));
    return p;
  };
  const entries: Record<string, CatalogEntry> = { ...previous };
  for (const id of [...removed, ...changed.map((f) => f.id)]) {
    const was = previous[id];
    if (!was) continue;
    (await partition(was.key)).remove(id);
    delete entries[id];
  }
  // … then read and add what is new or changed, one record at a time; a record that cannot be read
  // is reported and left out. A full build goes partition by partition (the records grouped by year
  // first), writing each partition as soon as it is complete, so that it never holds more than one
  // partition in memory.
  const problems: IndexProblem[] = [];
  const written: string[] = [];
  const flushed = new Map<string, { info: PartitionInfo; bytes: number }>();
  let read = 0;
  const readRecord = async (f: CorpusFile): Promise<Document | null> => {
    try {
      // Valid against the data model and named after its id, as `ccg verify` checks it.
      return checkedRecord(await readFile(f.file, 'utf8'), f.file);
    } catch (e) {
      if (!(e instanceof CcgError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      problems.push({ file: f.file, message: errorMessage(e) });
      return null;
    }
  };
  try {
    if (full) {
      const groups = new Map<string, CorpusFile[]>();
      for (const f of changed) {
        const doc = await readRecord(f);
        if (!doc) continue;
        const key = partitionKey(doc.published);
        const g = groups.get(key);
        if (g) g.push(f);
        else groups.set(key, [f]);
      }
      for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
        const p = new Partition();
        for (const f of group) {
          const doc = await readRecord(f);
          options.onProgress?.(++read, changed.length);
          if (!doc) continue;
          p.add(doc, table);
          entries[f.id] = { key, size: f.size, mtimeMs: f.mtimeMs };
        }
        if (p.documentCount) flushed.set(key, await writePartition(ctx, key, p, written));
      }
    } else {
      for (const f of changed) {
        const doc = await readRecord(f);
        options.onProgress?.(++read, changed.length);
        if (!doc) continue;
        const key = partitionKey(doc.published);
        (await partition(key)).add(doc, table);
        entries[f.id] = { key, size: f.size, mtimeMs: f.mtimeMs };
      }
    }
    // New files first, the manifest last; when a write fails, the new files go and the old index stays.
    return await commit(ctx, { parts, flushed, oldInfo, entries, table, orgDigest, written, full, old, fullReason, stale, removed: removed.length, read: changed.length - problems.length, problems });
  } catch (e) {
    for (const f of written) await unlink(f).catch(() => undefined);
    throw e;
  }
}

interface Pending {
  readonly parts: Map<string, Partition>;
  /** Partitions a full build has already written. */
  readonly flushed: Map<string, { info: PartitionInfo; bytes: number }>;
  readonly oldInfo: Map<string, PartitionInfo>;
  readonly entries: Record<string, CatalogEntry>;
  readonly table: OrgTable;
  readonly orgDigest: string;
  readonly written: string[];
  readonly full: boolean;
  readonly old: IndexManifest | null;
  readonly fullReason: string | null;
  readonly stale: string | null;
  readonly removed: number;
  readonly read: number;
  readonly problems: IndexProblem[];
}

async function commit(ctx: PipelineContext, w: Pending): Promise<IndexSummary> {
  const { parts, flushed, oldInfo, entries, table, orgDigest, written, full, old, fullReason, stale, problems } = w;
  const infos = new Map(oldInfo);
  let bytes = 0;
  for (const [key, f] of flushed) {
    infos.set(key, f.info);
    bytes += f.bytes;
  }
  for (const [key, p] of [...parts].sort(([a], [b]) => a.localeCompare(b))) {
    if (p.documentCount === 0) {
      infos.delete(key);
      continue;
    }
    const out = await writePartition(ctx, key, p, written);
    infos.set(key, out.info);
    bytes += out.bytes;
  }
  const catalogBody = JSON.stringify({ format: CATALOG_FORMAT, version: INDEX_VERSION, organisations: orgDigest, documents: entries } satisfies Catalog);
  const catalogName = `catalog-${sha256(catalogBody).slice(0, 12)}.json`;
  const catalogFile = inside(ctx.paths.index, catalogName);
  if (!existsSync(catalogFile)) written.push(catalogFile);
  await writeFileAtomic(catalogFile, catalogBody);
  const partitions = [...infos.values()].sort((a, b) => a.key.localeCompare(b.key));
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    builtAt: new Date().toISOString(),
    documentCount: partitions.reduce((n, p) => n + p.documents, 0),
    quoteCount: partitions.reduce((n, p) => n + p.quotes, 0),
    partitions,
    organisations: table,
    catalog: catalogName,
  };
  await writeFileAtomic(manifestFile(ctx), `${JSON.stringify(manifest, null, 1)}\n`);
  written.length = 0; // committed: from here on nothing is undone
  await removeUnreferenced(ctx, manifest).catch(() => undefined);
  const site = await writeSite(ctx, manifest);
  return {
    dir: ctx.paths.index,
    documents: manifest.documentCount,
    quotes: manifest.quoteCount,
    partitions: partitions.length,
    rebuilt: [...new Set([...parts.keys(), ...flushed.keys()])].sort(),
    read: w.read,
    removed: w.removed,
    fullReason: full && old ? fullReason : full && stale ? stale : null,
    problems,
    bytes,
    site,
  };
}

/** The whole index as stored, for `ccg verify`: what it says it holds and each partition read in full. */
export interface StoredIndex {
  /** The manifest: the file problems of the index are named with. */
  readonly file: string;
  readonly manifest: IndexManifest;
  /** Each indexed document's partition and the record's size and mtime when it was read. */
  readonly catalog: Readonly<Record<string, CatalogEntry>>;
  readonly partitions: ReadonlyMap<string, Partition>;
}

/**
 * Reads the index whole; null when there is none. A FormatError names what cannot be read: the
 * manifest (or an index of another version), the catalog, a partition's files.
 */
export async function readStoredIndex(ctx: PipelineContext): Promise<StoredIndex | null> {
  const file = manifestFile(ctx);
  const { manifest, stale } = await readManifest(ctx);
  if (!manifest) {
    if (stale) throw new FormatError(file, stale);
    return null;
  }
  const catalogFile = inside(ctx.paths.index, manifest.catalog);
  const catalog = await readJson<Catalog>(catalogFile);
  if (!catalog || catalog.format !== CATALOG_FORMAT || catalog.version !== INDEX_VERSION || typeof catalog.documents !== 'object') {
    throw new FormatError(catalogFile, 'the index catalog is missing or not a catalog of this version');
  }
  const partitions = new Map<string, Partition>();
  for (const info of manifest.partitions) {
    try {
      partitions.set(info.key, await loadPartition(ctx, info));
    } catch (e) {
      throw new FormatError(partitionDir(ctx, info.key), `index partition ${info.key} cannot be read (${errorMessage(e)})`);
    }
  }
  return { file, manifest, catalog: catalog.documents, partitions };
}

/** The index for queries: partitions read from disk when first needed. */
export class DiskIndex implements IndexSource {
  private readonly quoteCache = new Map<string, Promise<MiniSearch<QuoteRecord>>>();
  private readonly documentCache = new Map<string, Promise<MiniSearch<DocumentRecord>>>();
  private readonly textCache = new Map<string, Promise<ReadonlyMap<string, string>>>();
  private readonly byKey: Map<string, PartitionInfo>;

  constructor(private readonly ctx: PipelineContext, readonly manifest: IndexManifest) {
    this.byKey = new Map(manifest.partitions.map((p) => [p.key, p]));
  }

  private file(key: string, kind: 'quotes' | 'documents' | 'texts'): string {
    const info = this.byKey.get(key);
    if (!info) throw new FormatError(manifestFile(this.ctx), `no partition "${key}"`);
    return inside(partitionDir(this.ctx, key), info.files[kind]);
  }

  private async read<T>(key: string, kind: 'quotes' | 'documents' | 'texts', parse: (json: string) => T): Promise<T> {
    const file = this.file(key, kind);
    let json: string;
    try {
      json = await readFile(file, 'utf8');
    } catch (err) {
      throw new FormatError(file, `cannot read the index partition (${errorMessage(err)}); rebuild it with "ccg index --full"`);
    }
    try {
      return parse(json);
    } catch (err) {
      throw new FormatError(file, `corrupt index partition (${errorMessage(err)}); rebuild it with "ccg index --full"`);
    }
  }

  quotes(key: string): Promise<MiniSearch<QuoteRecord>> {
    let p = this.quoteCache.get(key);
    if (!p) this.quoteCache.set(key, (p = this.read(key, 'quotes', loadQuoteIndex)));
    return p;
  }

  documents(key: string): Promise<MiniSearch<DocumentRecord>> {
    let p = this.documentCache.get(key);
    if (!p) this.documentCache.set(key, (p = this.read(key, 'documents', loadDocumentIndex)));
    return p;
  }

  texts(key: string): Promise<ReadonlyMap<string, string>> {
    let p = this.textCache.get(key);
    if (!p) this.textCache.set(key, (p = this.read(key, 'texts', (json) => parseTexts(json).texts)));
    return p;
  }
}

/**
 * Opens the index for a query. With no index yet, says how to build one; an index of another
 * version is rebuilt first, with a line saying so (through `notice`).
 */
export async function openIndex(ctx: PipelineContext, notice: (message: string) => void = ctx.warn): Promise<DiskIndex> {
  const { manifest, stale } = await readManifest(ctx);
  if (manifest) return new DiskIndex(ctx, manifest);
  if (!stale) throw new CcgError('E_NO_INDEX', `no search index in ${ctx.paths.index}: run "ccg index" (or "npm start") first`);
  notice(`${stale}: rebuilding it…`);
  await indexCorpus(ctx, { full: true });
  const again = await readManifest(ctx);
  if (!again.manifest) throw new CcgError('E_NO_INDEX', `could not rebuild the index in ${ctx.paths.index}: ${again.stale ?? 'unknown reason'}`);
  return new DiskIndex(ctx, again.manifest);
}
