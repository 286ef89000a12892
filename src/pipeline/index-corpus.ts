/**
 * The search index on disk (format in src/search/schema.ts), built from the stored corpus and
 * updated incrementally:
 *
 *   index/manifest.json                    the commit point: version, partitions, their deletions
 *   index/catalog-<hash>.json              each indexed document's partition, number, size and mtime
 *   index/partitions/<key>/…               one partition's files (bases, term shards, records, texts)
 *   index/vocab-<kind>-<hash>.json         every term of the index (typing errors)
 *
 * A full build reads the corpus, orders it by date and writes partitions of PARTITION_DOCUMENTS
 * documents. An update (`ccg index`) compares the corpus with the catalog (file size and mtime),
 * reads only new and changed records and writes them as one new partition; the old versions of
 * changed documents, and removed documents, are marked deleted in the manifest. When small
 * partitions pile up they are merged into one. Partitions are never rewritten (a partition's key is
 * new each time) and the manifest is written last, so a run killed at any moment leaves the
 * previous index whole. An index of another version, or built with another organisation list, is
 * rebuilt whole.
 */
import { buildIndexHint, ccgCommand } from '../core/config.js';
import { mkdir, readFile, readdir, rm, stat, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Document } from '../core/types.js';
import { CcgError, FormatError, errorMessage, toStorageError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { inside } from '../core/safe-path.js';
import { writeFileAtomic, writeFilesAtomic } from '../corpus/index.js';
import { checkedRecord } from '../corpus/store.js';
import { loadOrganisations } from '../sources/index.js';
import {
  PartitionBuilder, orgTable, byDate, partitionFiles, partitionedBackend, vocabularyFile, type SearchBackend, type VocabularyFile,
  INDEX_FORMAT, INDEX_VERSION, PARTITION_KEY, PARTITION_DOCUMENTS,
  type IndexManifest, type IndexSource, type PartitionInfo, type OrgTable, type Base, type Kind,
} from '../search/index.js';

const KINDS: readonly Kind[] = ['quotes', 'documents'];
const VOCAB_FILE = /^vocab-(quotes|documents)-[0-9a-f]+\.json$/;
import type { IndexContext as PipelineContext } from './index-context.js';
import { writeSite, type SiteSummary } from './site.js';

const CATALOG_FORMAT = 'ccg-index-catalog';

export interface CatalogEntry {
  /** The partition, and the document's number in it. */
  readonly key: string;
  readonly n: number;
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
async function readJson<T>(ctx: PipelineContext, file: string): Promise<T | null> {
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
    throw new FormatError(file, `corrupt (not valid JSON: ${errorMessage(err)}); rebuild the index with "${ccgCommand(ctx.paths.home)} index --full"`);
  }
}

/** The manifest, or null when there is none; a manifest of another version is reported as such. */
export async function readManifest(ctx: PipelineContext): Promise<{ manifest: IndexManifest | null; stale: string | null }> {
  const file = manifestFile(ctx);
  let m: IndexManifest | null;
  try {
    m = await readJson<IndexManifest>(ctx, file);
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

/** Files of index/ the manifest no longer names: partitions merged or replaced, old catalogs, older formats. */
async function removeUnreferenced(ctx: PipelineContext, manifest: IndexManifest): Promise<void> {
  const keep = new Set(manifest.partitions.map((p) => p.key));
  for (const f of await readdir(ctx.paths.index).catch(() => [] as string[])) {
    const unnamed = (/^catalog-[0-9a-f]+\.json$/.test(f) && f !== manifest.catalog) || (VOCAB_FILE.test(f) && !Object.values(manifest.vocabulary).includes(f));
    if (unnamed || f === 'search-index.json') await unlink(join(ctx.paths.index, f)).catch(() => undefined);
  }
  for (const key of await readdir(join(ctx.paths.index, 'partitions')).catch(() => [] as string[])) {
    // Folders of this format that the manifest does not name, and the year folders of version 5.
    if ((PARTITION_KEY.test(key) && !keep.has(key)) || /^(\d{4}|undated)$/.test(key)) await rm(inside(ctx.paths.index, 'partitions', key), { recursive: true, force: true }).catch(() => undefined);
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

/** Partitions whose live documents fall under this are small; this many small ones are merged into one. */
const SMALL_PARTITION = PARTITION_DOCUMENTS / 4;
const MERGE_AT = 8;

/** A partition's key: its number in build order and a digest of what it holds (the same archive builds the same keys). */
function newKey(seq: number, files: ReadonlyMap<string, string>): string {
  return `${String(seq).padStart(6, '0')}-${sha256(`${files.get('documents-base.json')}\n${files.get('quotes-base.json')}`).slice(0, 6)}`;
}

interface Run {
  readonly ctx: PipelineContext;
  readonly table: OrgTable;
  readonly entries: Record<string, CatalogEntry>;
  readonly problems: IndexProblem[];
  /** Files and folders written by this run: removed again if it fails before the manifest. */
  readonly written: string[];
  readonly onProgress?: (done: number, total: number) => void;
  /** Every term of the index, by kind of record (the vocabulary, for typing errors). */
  readonly vocab: Record<Kind, Map<string, string>>;
  total: number;
  read: number;
  bytes: number;
  seq: number;
}

/** Valid against the data model and named after its id, as `ccg verify` checks it; null (and a problem noted) when not. */
async function readRecord(run: Run, f: CorpusFile): Promise<Document | null> {
  try {
    return checkedRecord(await readFile(f.file, 'utf8'), f.file);
  } catch (e) {
    if (!(e instanceof CcgError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    run.problems.push({ file: f.file, message: errorMessage(e) });
    return null;
  }
}

/** A new partition's folder (its parent made as needed): a folder of its own, so made without `recursive` (which reports a read-only disk as ENOENT). */
async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dirname(dir), { recursive: true });
    await mkdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw toStorageError(e, 'write', dir);
  }
}

/** Files read (or written) this many at a time: one at a time leaves the disk idle between them. */
const AT_ONCE = 16;

/** Reads records AT_ONCE at a time and hands each (or null) to `each`, in order. */
async function eachRecord(run: Run, files: readonly CorpusFile[], each: (f: CorpusFile, doc: Document | null) => void): Promise<void> {
  for (let i = 0; i < files.length; i += AT_ONCE) {
    const batch = files.slice(i, i + AT_ONCE);
    const docs = await Promise.all(batch.map((f) => readRecord(run, f)));
    batch.forEach((f, j) => each(f, docs[j]!));
  }
}

/** Writes one partition of these records under a new key; null when none could be read. */
async function writePartition(run: Run, group: readonly CorpusFile[]): Promise<PartitionInfo | null> {
  const b = new PartitionBuilder(run.table);
  const added: Array<[CorpusFile, number]> = [];
  await eachRecord(run, group, (f, doc) => {
    run.onProgress?.(++run.read, run.total);
    if (doc) added.push([f, b.add(doc)]);
  });
  if (!added.length) return null;
  const { files, counts } = b.files();
  for (const kind of KINDS) for (const [w, k] of b.vocabulary(kind)) run.vocab[kind].set(w, k);
  const key = newKey(++run.seq, files);
  const dir = inside(run.ctx.paths.index, 'partitions', key);
  await makeFolder(dir);
  run.written.push(dir);
  const bodies = [...files];
  await writeFilesAtomic(bodies.map(([name, body]) => [inside(dir, name), body] as const), AT_ONCE);
  for (const [, body] of bodies) run.bytes += body.length;
  for (const [f, n] of added) run.entries[f.id] = { key, n, size: f.size, mtimeMs: f.mtimeMs };
  return b.info(key, counts);
}

/** A full build: the corpus ordered by date, cut into partitions of PARTITION_DOCUMENTS. */
async function buildAll(run: Run, files: readonly CorpusFile[]): Promise<PartitionInfo[]> {
  const dated: Array<[CorpusFile, string | null]> = [];
  // The dates first (records are read again when their partition is built: memory holds one partition).
  await eachRecord(run, files, (f, doc) => {
    if (doc) dated.push([f, doc.published]);
  });
  dated.sort((a, b) => byDate(a[1], b[1]) || a[0].id.localeCompare(b[0].id));
  run.total = dated.length;
  const out: PartitionInfo[] = [];
  for (let i = 0; i < dated.length; i += PARTITION_DOCUMENTS) {
    const info = await writePartition(run, dated.slice(i, i + PARTITION_DOCUMENTS).map(([f]) => f));
    if (info) out.push(info);
  }
  return out;
}

/** Documents of old partitions marked deleted: each partition's live count goes down by its deleted documents. */
async function markDeleted(ctx: PipelineContext, parts: Map<string, PartitionInfo>, gone: ReadonlyArray<CatalogEntry>): Promise<void> {
  const byKey = new Map<string, number[]>();
  for (const e of gone) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e.n]);
  for (const [key, ns] of byKey) {
    const info = parts.get(key);
    if (!info) continue;
    const base = JSON.parse(await readFile(inside(ctx.paths.index, 'partitions', key, 'quotes-base.json'), 'utf8')) as Base;
    const deleted = [...new Set([...info.deleted, ...ns])].sort((a, b) => a - b);
    const dead = new Set(deleted);
    const quotes = base.columns.doc.filter((d) => !dead.has(d)).length;
    const documents = info.documents + info.deleted.length - deleted.length;
    if (documents <= 0) parts.delete(key);
    else parts.set(key, { ...info, documents, quotes, deleted });
  }
}

/** Merges small partitions (few live documents) into one once MERGE_AT of them have piled up. */
async function mergeSmall(run: Run, parts: Map<string, PartitionInfo>, files: ReadonlyMap<string, CorpusFile>): Promise<void> {
  const small = [...parts.values()].filter((p) => p.documents < SMALL_PARTITION);
  if (small.length < MERGE_AT) return;
  const keys = new Set(small.map((p) => p.key));
  const group = Object.entries(run.entries).filter(([, e]) => keys.has(e.key)).map(([id]) => files.get(id)).filter((f): f is CorpusFile => f !== undefined);
  for (const k of keys) parts.delete(k);
  for (const f of group) delete run.entries[f.id];
  run.total += group.length;
  const info = await writePartition(run, group);
  if (info) parts.set(info.key, info);
}

/** Builds or updates the index from corpus/documents/; see the module comment. */
export async function indexCorpus(ctx: PipelineContext, options: IndexOptions = {}): Promise<IndexSummary> {
  const table = organisationTable(ctx);
  const orgDigest = sha256(JSON.stringify(table)).slice(0, 16);
  const { manifest: old, stale } = await readManifest(ctx);
  let catalog: Catalog | null = null;
  let fullReason: string | null = options.full ? 'asked for (--full)' : stale;
  if (old && !fullReason) {
    catalog = await readJson<Catalog>(ctx, inside(ctx.paths.index, old.catalog)).catch(() => null);
    if (!catalog || catalog.format !== CATALOG_FORMAT || catalog.version !== INDEX_VERSION) fullReason = 'the index catalog is missing or unreadable';
    else if (catalog.organisations !== orgDigest) fullReason = 'the organisation list changed';
  }
  const full = fullReason !== null || !old || !catalog;
  const files = await corpusFiles(ctx.paths.documents);
  const previous = full ? {} : catalog!.documents;
  const present = new Set(files.map((f) => f.id));
  const changed = files.filter((f) => previous[f.id]?.size !== f.size || previous[f.id]?.mtimeMs !== f.mtimeMs);
  const removed = Object.keys(previous).filter((id) => !present.has(id));
  const parts = new Map((full ? [] : old!.partitions).map((p) => [p.key, p]));
  const seq = Math.max(0, ...[...parts.keys()].map((k) => Number(k.slice(0, 6))));
  const vocab = { quotes: new Map<string, string>(), documents: new Map<string, string>() };
  if (!full) {
    for (const kind of KINDS) {
      const was = await readJson<VocabularyFile>(ctx, inside(ctx.paths.index, old!.vocabulary[kind])).catch(() => null);
      was?.words.forEach((w, i) => vocab[kind].set(w, was.keys[i]!));
    }
  }
  const run: Run = { ctx, table, entries: { ...previous }, problems: [], written: [], vocab, onProgress: options.onProgress, total: changed.length, read: 0, bytes: 0, seq };
  const before = new Set(parts.keys());
  try {
    if (full) {
      for (const info of await buildAll(run, changed)) parts.set(info.key, info);
    } else {
      const gone = [...removed, ...changed.map((f) => f.id)].map((id) => previous[id]).filter((e): e is CatalogEntry => e !== undefined);
      for (const id of [...removed, ...changed.map((f) => f.id)]) delete run.entries[id];
      await markDeleted(ctx, parts, gone);
      const info = changed.length ? await writePartition(run, changed) : null;
      if (info) parts.set(info.key, info);
      await mergeSmall(run, parts, new Map(files.map((f) => [f.id, f])));
    }
    const rebuilt = [...parts.keys()].filter((k) => !before.has(k));
    // New files first, the manifest last; when a write fails, the new files go and the old index stays.
    return await commit(run, { parts, rebuilt, orgDigest, full, old, fullReason, stale, removed: removed.length, read: changed.length });
  } catch (e) {
    for (const f of run.written) await rm(f, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

interface Pending {
  readonly parts: Map<string, PartitionInfo>;
  readonly rebuilt: readonly string[];
  readonly orgDigest: string;
  readonly full: boolean;
  readonly old: IndexManifest | null;
  readonly fullReason: string | null;
  readonly stale: string | null;
  readonly removed: number;
  readonly read: number;
}

async function commit(run: Run, w: Pending): Promise<IndexSummary> {
  const { ctx, entries, table, written, problems } = run;
  const { parts, orgDigest, full, old, fullReason, stale } = w;
  const catalogBody = JSON.stringify({ format: CATALOG_FORMAT, version: INDEX_VERSION, organisations: orgDigest, documents: entries } satisfies Catalog);
  const catalogName = `catalog-${sha256(catalogBody).slice(0, 12)}.json`;
  const catalogFile = inside(ctx.paths.index, catalogName);
  if (!existsSync(catalogFile)) written.push(catalogFile);
  await writeFileAtomic(catalogFile, catalogBody);
  const vocabulary = { quotes: '', documents: '' };
  for (const kind of KINDS) {
    const body = JSON.stringify(vocabularyFile(run.vocab[kind]));
    vocabulary[kind] = `vocab-${kind}-${sha256(body).slice(0, 12)}.json`;
    const file = inside(ctx.paths.index, vocabulary[kind]);
    if (!existsSync(file)) written.push(file);
    await writeFileAtomic(file, body);
  }
  const partitions = [...parts.values()].sort((a, b) => a.key.localeCompare(b.key));
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    builtAt: new Date().toISOString(),
    documentCount: partitions.reduce((n, p) => n + p.documents, 0),
    quoteCount: partitions.reduce((n, p) => n + p.quotes, 0),
    partitions,
    organisations: table,
    catalog: catalogName,
    vocabulary,
  };
  await writeFileAtomic(manifestFile(ctx), `${JSON.stringify(manifest)}\n`);
  written.length = 0; // committed: from here on nothing is undone
  await removeUnreferenced(ctx, manifest).catch(() => undefined);
  const site = await writeSite(ctx, manifest);
  return {
    dir: ctx.paths.index,
    documents: manifest.documentCount,
    quotes: manifest.quoteCount,
    partitions: partitions.length,
    rebuilt: w.rebuilt,
    read: w.read - problems.length,
    removed: w.removed,
    fullReason: full && old ? fullReason : full && stale ? stale : null,
    problems,
    bytes: run.bytes,
    site,
  };
}

/** One partition as stored, read in full for `ccg verify`: its live documents' texts and quote counts. */
export interface StoredPartition {
  readonly documents: ReadonlyMap<string, { readonly text: string; readonly quotes: number }>;
  readonly quotes: number;
}

/** The whole index as stored, for `ccg verify`: what it says it holds and each partition read in full. */
export interface StoredIndex {
  /** The manifest: the file problems of the index are named with. */
  readonly file: string;
  readonly manifest: IndexManifest;
  /** Each indexed document's partition and number, and the record's size and mtime when it was read. */
  readonly catalog: Readonly<Record<string, CatalogEntry>>;
  readonly partitions: ReadonlyMap<string, StoredPartition>;
}

async function readStoredPartition(index: DiskIndex, info: PartitionInfo): Promise<StoredPartition> {
  const docs = (await index.file(info.key, 'documents-base.json')) as Base;
  const quotes = (await index.file(info.key, 'quotes-base.json')) as Base;
  const dead = new Set(info.deleted);
  const perDoc = new Map<number, number>();
  for (const d of quotes.columns.doc) if (!dead.has(d)) perDoc.set(d, (perDoc.get(d) ?? 0) + 1);
  const documents = new Map<string, { text: string; quotes: number }>();
  for (let c = 0; c < info.files.textChunks; c++) {
    const texts = (await index.file(info.key, `texts-${c}.json`)) as string[];
    texts.forEach((text, i) => {
      const n = c * texts.length + i;
      const id = docs.ids[n];
      if (id !== undefined && !dead.has(n)) documents.set(id, { text, quotes: perDoc.get(n) ?? 0 });
    });
  }
  return { documents, quotes: [...perDoc.values()].reduce((a, b) => a + b, 0) };
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
  const catalog = await readJson<Catalog>(ctx, catalogFile);
  if (!catalog || catalog.format !== CATALOG_FORMAT || catalog.version !== INDEX_VERSION || typeof catalog.documents !== 'object') {
    throw new FormatError(catalogFile, 'the index catalog is missing or not a catalog of this version');
  }
  const index = new DiskIndex(ctx, manifest);
  const partitions = new Map<string, StoredPartition>();
  for (const info of manifest.partitions) partitions.set(info.key, await readStoredPartition(index, info));
  return { file, manifest, catalog: catalog.documents, partitions };
}

/** The index for queries: a partition's files read from disk when first needed, and kept. */
export class DiskIndex implements IndexSource {
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly byKey: Map<string, PartitionInfo>;

  constructor(private readonly ctx: PipelineContext, readonly manifest: IndexManifest) {
    this.byKey = new Map(manifest.partitions.map((p) => [p.key, p]));
  }

  private async read(key: string, name: string): Promise<unknown> {
    if (key === '' ? !VOCAB_FILE.test(name) : !this.byKey.has(key)) throw new FormatError(manifestFile(this.ctx), `no partition "${key}" or file "${name}"`);
    const file = key === '' ? inside(this.ctx.paths.index, name) : inside(this.ctx.paths.index, 'partitions', key, name);
    let json: string;
    try {
      json = await readFile(file, 'utf8');
    } catch (err) {
      throw new FormatError(file, `cannot read the index partition (${errorMessage(err)}); rebuild it with "${ccgCommand(this.ctx.paths.home)} index --full"`);
    }
    try {
      return JSON.parse(json) as unknown;
    } catch (err) {
      throw new FormatError(file, `corrupt index partition (${errorMessage(err)}); rebuild it with "${ccgCommand(this.ctx.paths.home)} index --full"`);
    }
  }

  file(key: string, name: string): Promise<unknown> {
    const id = `${key}/${name}`;
    let p = this.cache.get(id);
    if (!p) this.cache.set(id, (p = this.read(key, name)));
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
  if (!stale) throw new CcgError('E_NO_INDEX', `no search index in ${ctx.paths.index}: run ${buildIndexHint(ctx.paths.home)} first`);
  notice(`${stale}: rebuilding it…`);
  await indexCorpus(ctx, { full: true });
  const again = await readManifest(ctx);
  if (!again.manifest) throw new CcgError('E_NO_INDEX', `could not rebuild the index in ${ctx.paths.index}: ${again.stale ?? 'unknown reason'}`);
  return new DiskIndex(ctx, again.manifest);
}

/** The search engine over the index (opened, or built first, as openIndex does): what commands query. */
export async function openBackend(ctx: PipelineContext, notice?: (message: string) => void): Promise<SearchBackend> {
  return partitionedBackend(await openIndex(ctx, notice));
}
