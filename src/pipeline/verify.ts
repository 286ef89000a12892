/**
 * Checking and repairing the archive (`ccg verify [--repair]`).
 *
 * verifyArchive reads everything stored and names each problem with its file: document records
 * that are corrupt, invalid against the data model, or under another name than their id; snapshots
 * whose bytes do not match their name; snapshots no fetch state or document refers to; fetch states
 * whose revision names a missing snapshot or document; temporary files left by a killed write; and
 * an index that does not match the corpus (count, ids, entries).
 *
 * repairArchive rebuilds what can be rebuilt: a document from its snapshot, a fetch state from a
 * document and its snapshot, the index; it moves unreadable files to corpus/quarantine/ with a note
 * (where from, when, why), removes temporary files, and names what it could not repair.
 *
 * Problems are of two severities. A *leftover* is what a run stopped at any moment (even by
 * SIGKILL) may leave: a temporary file, a snapshot stored just before the kill, a document whose
 * fetch was not yet recorded, an index older than the corpus. The next run or `--repair` clears
 * it and nothing is lost. *Damage* is anything else: it never follows from a kill.
 */
import { ccgCommand } from '../core/config.js';
import { readFile, readdir, rename, stat, unlink, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, join, relative, resolve, isAbsolute } from 'node:path';
import type { Document, SnapshotRef } from '../core/types.js';
import { errorMessage, FormatError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { inside, isSafeId } from '../core/safe-path.js';
import { plural } from '../core/plural.js';
import { addDocument, deleteDocument, parseRecord, parseRemoval, removalFiles, removedDir, writeRemoval, REMOVAL_FORMAT, SnapshotStore, type Revision, type UrlState } from '../corpus/index.js';
import { recordFiles, checkedRecord } from '../corpus/store.js';
import { loadRegistry, type Source } from '../sources/index.js';
import { normaliseUrl } from '../core/url.js';
import { MAX_GUNZIPPED_BYTES } from './read-input.js';
import { documentFromSnapshot } from './snapshot-document.js';
import { urlStateFromDocument } from './fetch-state.js';
import { indexCorpus, readStoredIndex } from './index-corpus.js';
import { addFiles, localManifest, type AddResult } from './add.js';
import { extractFile } from './extract-file.js';
import type { PipelineContext } from './context.js';

export type ProblemKind =
  | 'temporary-file'
  | 'record-corrupt'
  | 'record-misnamed'
  | 'duplicate-id'
  | 'snapshot-corrupt'
  | 'snapshot-orphan'
  | 'stray-file'
  | 'state-corrupt'
  | 'state-missing-snapshot'
  | 'state-missing-document'
  | 'document-without-state'
  | 'document-missing-snapshot'
  | 'content-key-stale'
  | 'removal-corrupt'
  | 'removal-unfinished'
  | 'index-missing'
  | 'index-corrupt'
  | 'index-stale';

/**
 * What a run stopped at any moment may leave behind; everything else is damage. A content key is
 * written before its document (so that a stopped run never makes one story two documents), so a
 * run killed between the two leaves a key naming a document not yet stored; the next ingest stores it.
 */
export const LEFTOVER_KINDS: ReadonlySet<ProblemKind> = new Set(['temporary-file', 'snapshot-orphan', 'document-without-state', 'content-key-stale', 'removal-unfinished', 'index-missing', 'index-stale']);

export interface Problem {
  readonly kind: ProblemKind;
  /** The file the problem is in (absolute path). */
  readonly file: string;
  readonly message: string;
  readonly leftover: boolean;
  /** Document ids, snapshot hashes or URLs the problem concerns, when there are several. */
  readonly items?: readonly string[];
}

export interface VerifyReport {
  readonly home: string;
  readonly checked: {
    readonly documents: number;
    readonly snapshots: number;
    readonly urlStates: number;
    readonly sourceStates: number;
    readonly indexed: number | null;
    readonly quarantined: number;
    /** Documents taken out by ccg remove (their removal records in corpus/removed/). */
    readonly removed: number;
  };
  readonly problems: readonly Problem[];
}

export interface RepairAction {
  readonly kind: ProblemKind;
  readonly file: string;
  readonly action: string;
}

export interface RepairReport {
  readonly repaired: readonly RepairAction[];
  /** What is still wrong after repairing, with what to do about it where something can be done. */
  readonly unrepaired: readonly (Problem & { readonly hint?: string })[];
  /** The archive as it stands after repairing. */
  readonly after: VerifyReport;
}

/** `.NAME.PID.HEX.tmp`: a temporary file of an atomic write (corpus/atomic.ts). */
const TMP = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.tmp$/;
const SNAPSHOT = /^[0-9a-f]{64}\.gz$/;

const processAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw e;
  }
}

/** Every file under `dir`, recursively, except under the folders in `skip`. */
async function walk(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const files: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return files;
    throw e;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!skip.has(path)) files.push(...(await walk(path, skip)));
    } else files.push(path);
  }
  return files.sort();
}

const urlKey = (url: string): string => sha256(url).slice(0, 24);

function layout(ctx: PipelineContext) {
  const corpus = ctx.paths.corpus;
  return {
    documents: ctx.paths.documents,
    snapshots: join(corpus, 'snapshots'),
    urls: join(corpus, 'fetch-state', 'urls'),
    sources: join(corpus, 'fetch-state', 'sources'),
    content: join(corpus, 'fetch-state', 'content'),
    removed: removedDir(corpus),
    quarantine: join(corpus, 'quarantine'),
    snapshotFile: (hash: string): string => join(corpus, 'snapshots', hash.slice(0, 2), `${hash}.gz`),
    urlFile: (url: string): string => join(corpus, 'fetch-state', 'urls', `${urlKey(url)}.json`),
  };
}

/** A URL state's shape, as ingest reads it; the problems, or an empty list. */
function urlStateProblems(s: unknown): string[] {
  if (typeof s !== 'object' || s === null) return ['not an object'];
  const o = s as Record<string, unknown>;
  const problems: string[] = [];
  if (o.format !== 'ccg-fetch-state' || o.version !== 1) problems.push('not a ccg fetch state of version 1');
  for (const k of ['url', 'finalUrl', 'source', 'lastCheckedAt']) if (typeof o[k] !== 'string') problems.push(`${k}: expected a string`);
  for (const k of ['etag', 'lastModified']) if (o[k] !== null && typeof o[k] !== 'string') problems.push(`${k}: expected a string or null`);
  if (!Array.isArray(o.revisions)) problems.push('revisions: expected an array');
  else {
    o.revisions.forEach((r: unknown, i) => {
      const v = (r ?? {}) as Record<string, unknown>;
      if (typeof v.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(v.sha256)) problems.push(`revisions[${i}].sha256: expected 64 hex digits`);
      if (typeof v.fetchedAt !== 'string') problems.push(`revisions[${i}].fetchedAt: expected a string`);
      if (typeof v.status !== 'number') problems.push(`revisions[${i}].status: expected a number`);
      if (v.documentId !== null && typeof v.documentId !== 'string') problems.push(`revisions[${i}].documentId: expected a string or null`);
    });
  }
  return problems;
}

/** Everything read from disk, for checking and for repairing. */
interface Scan {
  readonly docs: Map<string, { doc: Document; file: string }>;
  /** Record files by name (valid or not), to tell a corrupt record from a missing one. */
  readonly recordNames: Set<string>;
  /** Parseable but unusable records (invalid, misnamed), with their document when it could be read. */
  readonly unusable: Map<string, Document | null>;
  /** Snapshots whose bytes match their name. */
  readonly snapshots: Map<string, string>;
  /** Snapshot hashes present on disk, whole or not. */
  readonly snapshotNames: Set<string>;
  readonly states: Map<string, { state: UrlState; file: string }>;
  readonly sourceStates: number;
  readonly index: IndexView | null;
  readonly quarantined: number;
  /** Ids of documents taken out by ccg remove: every removal record's name, readable or not. */
  readonly removed: Set<string>;
}

type Layout = ReturnType<typeof layout>;
type AddProblem = (kind: ProblemKind, file: string, message: string, items?: string[]) => void;

/** Adds to `problems`, each marked a leftover or not by its kind. */
function problemAdder(problems: Problem[]): AddProblem {
  return (kind, file, message, items) => {
    // One line each: a parser's message may quote the file's own line breaks.
    problems.push({ kind, file, message: message.replace(/\s*[\r\n]+\s*/g, ' '), leftover: LEFTOVER_KINDS.has(kind), ...(items ? { items } : {}) });
  };
}

type Records = Pick<Scan, 'docs' | 'recordNames' | 'unusable'>;

/** Whether a record of document `id` is stored, readable or not. */
const hasRecord = (r: Pick<Scan, 'docs' | 'recordNames'>, id: string): boolean => r.docs.has(id) || r.recordNames.has(`${id}.json`);

/** Temporary files of atomic writes whose writer is gone. */
async function scanTemporaryFiles(ctx: PipelineContext, L: Layout, add: AddProblem): Promise<void> {
  for (const root of [ctx.paths.corpus, ctx.paths.index, ctx.paths.registry]) {
    for (const file of await walk(root, new Set([L.quarantine]))) {
      const m = TMP.exec(basename(file));
      if (m && !processAlive(Number(m[2]))) add('temporary-file', file, `temporary file of a write that did not finish (process ${m[2]} is gone)`);
    }
  }
}

/** Document records. */
async function scanRecords(L: Layout, add: AddProblem): Promise<Records> {
  const docs = new Map<string, { doc: Document; file: string }>();
  const recordNames = new Set<string>();
  const unusable = new Map<string, Document | null>();
  const misnamed: { doc: Document; file: string }[] = [];
  for (const name of await recordFiles(L.documents)) {
    const file = join(L.documents, name);
    recordNames.add(name);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (e) {
      add('record-corrupt', file, `cannot be read (${errorMessage(e)})`);
      unusable.set(file, null);
      continue;
    }
    try {
      docs.set(basename(name, '.json'), { doc: checkedRecord(raw, file), file });
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      let doc: Document | null = null;
      try {
        doc = parseRecord(raw, file);
      } catch { /* not even an envelope */ }
      if (doc && e.message.includes('under another name')) misnamed.push({ doc, file });
      else add('record-corrupt', file, e.message.slice(file.length + 2));
      unusable.set(file, doc);
    }
  }
  for (const { doc, file } of misnamed) {
    if (hasRecord({ docs, recordNames }, doc.id)) add('duplicate-id', file, `holds document ${doc.id}, which ${doc.id}.json holds too`, [doc.id]);
    else add('record-misnamed', file, `holds document ${doc.id} but is not named ${doc.id}.json: ccg does not find it there`, [doc.id]);
  }
  return { docs, recordNames, unusable };
}

/** A stored snapshot's bytes, gunzipped (within the limit ingest reads). */
const unpackSnapshot = async (file: string): Promise<Buffer> => gunzipSync(await readFile(file), { maxOutputLength: MAX_GUNZIPPED_BYTES });

/** Snapshots: the name is the sha256 of the gunzipped bytes. */
async function scanSnapshots(L: Layout, add: AddProblem): Promise<Pick<Scan, 'snapshots' | 'snapshotNames'>> {
  const snapshots = new Map<string, string>();
  const snapshotNames = new Set<string>();
  for (const file of await walk(L.snapshots)) {
    const name = basename(file);
    if (TMP.test(name)) continue;
    const dir = basename(join(file, '..'));
    if (!SNAPSHOT.test(name) || dir !== name.slice(0, 2)) {
      add('stray-file', file, 'not a snapshot (snapshots are <aa>/<sha256>.gz)');
      continue;
    }
    const hash = name.slice(0, 64);
    snapshotNames.add(hash);
    try {
      const actual = sha256(await unpackSnapshot(file));
      if (actual === hash) snapshots.set(hash, file);
      else add('snapshot-corrupt', file, `bytes do not match the name (their sha256 is ${actual.slice(0, 12)}…)`);
    } catch (e) {
      add('snapshot-corrupt', file, `cannot be unpacked (${errorMessage(e)})`);
    }
  }
  return { snapshots, snapshotNames };
}

/** URL states. */
async function scanUrlStates(L: Layout, add: AddProblem): Promise<Scan['states']> {
  const states = new Map<string, { state: UrlState; file: string }>();
  for (const name of await list(L.urls)) {
    const file = join(L.urls, name);
    if (TMP.test(name)) continue;
    if (!name.endsWith('.json')) {
      add('stray-file', file, 'not a fetch state');
      continue;
    }
    let state: unknown;
    try {
      state = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      add('state-corrupt', file, `corrupt fetch state (${errorMessage(e)})`);
      continue;
    }
    const bad = urlStateProblems(state);
    if (bad.length) {
      add('state-corrupt', file, `invalid fetch state: ${bad.slice(0, 3).join('; ')}`);
      continue;
    }
    const s = state as UrlState;
    if (name !== `${urlKey(s.url)}.json`) add('state-corrupt', file, `fetch state of ${s.url} under another name (expected ${urlKey(s.url)}.json)`);
    else states.set(s.url, { state: s, file });
  }
  return states;
}

/** Removal records (ccg remove): each names a document that is no longer stored. Returns their ids. */
async function scanRemovals(ctx: PipelineContext, L: Layout, records: Records, add: AddProblem): Promise<Set<string>> {
  const removed = new Set<string>();
  for (const name of await removalFiles(ctx.paths.corpus)) {
    const file = join(L.removed, name);
    const id = basename(name, '.json');
    removed.add(id);
    try {
      parseRemoval(await readFile(file, 'utf8'), file);
    } catch (e) {
      add('removal-corrupt', file, e instanceof FormatError ? e.message.slice(file.length + 2) : `cannot be read (${errorMessage(e)})`, [id]);
      continue;
    }
    if (hasRecord(records, id)) add('removal-unfinished', file, `document ${id} was being removed, but its record is still stored (${id}.json)`, [id]);
  }
  return removed;
}

/** Source states; returns how many there are. */
async function scanSourceStates(L: Layout, add: AddProblem): Promise<number> {
  let sourceStates = 0;
  for (const name of await list(L.sources)) {
    const file = join(L.sources, name);
    if (TMP.test(name) || !name.endsWith('.json')) continue;
    sourceStates++;
    try {
      const s = JSON.parse(await readFile(file, 'utf8')) as { id?: unknown };
      if (s.id !== basename(name, '.json')) add('state-corrupt', file, 'source state of another source or without an id');
    } catch (e) {
      add('state-corrupt', file, `corrupt source state (${errorMessage(e)})`);
    }
  }
  return sourceStates;
}

/** The content keys (text hash → the document that holds that text). */
async function scanContentKeys(L: Layout, records: Records, removed: ReadonlySet<string>, add: AddProblem): Promise<void> {
  for (const name of await list(L.content)) {
    const file = join(L.content, name);
    if (TMP.test(name) || !name.endsWith('.json')) continue;
    try {
      const owner = (JSON.parse(await readFile(file, 'utf8')) as { id?: unknown }).id;
      if (typeof owner !== 'string') add('state-corrupt', file, 'content key without a document id');
      else if (!hasRecord(records, owner) && !removed.has(owner)) add('content-key-stale', file, `names document ${owner}, which is not stored`, [owner]);
    } catch (e) {
      add('state-corrupt', file, `corrupt content key (${errorMessage(e)})`);
    }
  }
}

/** The index; null when there is none or it cannot be read (a problem then, or when documents are stored). */
async function scanIndex(ctx: PipelineContext, documents: number, add: AddProblem): Promise<IndexView | null> {
  let index: IndexView | null = null;
  let unreadable = false;
  try {
    index = await readIndexView(ctx);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    unreadable = true;
    add('index-corrupt', e.file, e.message.slice(e.file.length + 2));
  }
  if (!index && !unreadable && documents) add('index-missing', join(ctx.paths.index, 'manifest.json'), `no index: ${plural(documents, 'document')} cannot be searched`);
  return index;
}

/** Reads everything stored, in this order, adding a problem for each file that is not as it should be. */
async function scan(ctx: PipelineContext, problems: Problem[]): Promise<Scan> {
  const L = layout(ctx);
  const add = problemAdder(problems);
  await scanTemporaryFiles(ctx, L, add);
  const records = await scanRecords(L, add);
  const snapshots = await scanSnapshots(L, add);
  const states = await scanUrlStates(L, add);
  const removed = await scanRemovals(ctx, L, records, add);
  const sourceStates = await scanSourceStates(L, add);
  await scanContentKeys(L, records, removed, add);
  const index = await scanIndex(ctx, records.docs.size, add);
  const quarantined = (await list(L.quarantine)).filter((n) => !n.endsWith('.note')).length;
  return { ...records, ...snapshots, states, sourceStates, index, quarantined, removed };
}

/** The URLs a document is known by, as written and normalised. */
function urlsOf(doc: Document): Set<string> {
  const urls = new Set<string>();
  for (const u of [doc.url, doc.canonicalUrl, ...(doc.alternateUrls ?? [])]) {
    if (!u) continue;
    urls.add(u);
    const n = normaliseUrl(u);
    if (n) urls.add(n);
  }
  return urls;
}

function crossCheck(s: Scan, problems: Problem[]): void {
  const add = problemAdder(problems);
  const knownUrls = new Set<string>();
  for (const { doc } of s.docs.values()) for (const u of urlsOf(doc)) knownUrls.add(u);

  // Fetch states: each revision's snapshot and document.
  const inStates = new Set<string>();
  for (const { state, file } of s.states.values()) {
    const missingSnapshots = state.revisions.filter((r) => !s.snapshotNames.has(r.sha256));
    if (missingSnapshots.length) {
      add('state-missing-snapshot', file, `${state.url}: ${plural(missingSnapshots.length, 'revision')} whose snapshot is missing (${missingSnapshots.map((r) => r.sha256.slice(0, 12)).join(', ')})`, missingSnapshots.map((r) => r.sha256));
    }
    const missingDocs = [...new Set(state.revisions.map((r) => r.documentId).filter((id): id is string => id !== null))]
      .filter((id) => !hasRecord(s, id) && !s.removed.has(id));
    const listed = knownUrls.has(state.url) || knownUrls.has(normaliseUrl(state.url) ?? state.url);
    if (missingDocs.length && !listed) add('state-missing-document', file, `${state.url}: names document ${missingDocs.join(', ')}, which is not stored`, missingDocs);
    for (const r of state.revisions) inStates.add(r.sha256);
  }

  // Documents: their snapshot is stored and recorded in a fetch state.
  const inDocs = new Set<string>();
  for (const { doc, file } of s.docs.values()) {
    if (!doc.snapshot) continue;
    inDocs.add(doc.snapshot.sha256);
    if (!s.snapshotNames.has(doc.snapshot.sha256) && !inStates.has(doc.snapshot.sha256)) {
      add('document-missing-snapshot', file, `its snapshot ${doc.snapshot.sha256.slice(0, 12)}… is missing (the raw page is lost until it is fetched again)`, [doc.snapshot.sha256]);
    } else if (!inStates.has(doc.snapshot.sha256)) {
      add('document-without-state', file, `fetched ${doc.snapshot.fetchedAt} but no fetch state records it (a run stopped before recording it)`, [doc.snapshot.sha256]);
    }
  }

  // Snapshots nothing refers to.
  for (const [hash, file] of s.snapshots) {
    if (!inStates.has(hash) && !inDocs.has(hash)) add('snapshot-orphan', file, 'no fetch state or document refers to it (a run stopped before storing what it fetched)');
  }

  // The index against the corpus.
  if (s.index) indexProblems(s.index, s, add);
}

/**
 * What verify needs of the search index, whatever its format: the documents it holds, what it says
 * it holds, and whether its entry for a document matches the stored record. readIndexView is the
 * one place that knows the index's files.
 */
export interface IndexView {
  /** The file problems are named with. */
  readonly file: string;
  readonly ids: readonly string[];
  /** The counts the index records about itself. */
  readonly documentCount: number;
  readonly quoteCount: number;
  /** Problems of the index's own consistency (it says it holds what it does not). */
  readonly inconsistencies: readonly string[];
  upToDate(doc: Document): boolean;
}

/** The index as verify sees it; null when there is none; a FormatError when it cannot be read. */
export async function readIndexView(ctx: PipelineContext): Promise<IndexView | null> {
  const stored = await readStoredIndex(ctx);
  if (!stored) return null;
  const { manifest, catalog, partitions } = stored;
  const ids = Object.keys(catalog);
  const inconsistencies: string[] = [];
  const documents = manifest.partitions.reduce((n, p) => n + p.documents, 0);
  if (manifest.documentCount !== ids.length || documents !== ids.length) {
    inconsistencies.push(`says it holds ${plural(manifest.documentCount, 'document')}; its partitions list ${documents} and its catalog ${ids.length}`);
  }
  for (const info of manifest.partitions) {
    const p = partitions.get(info.key)!;
    if (p.documents.size !== info.documents || p.quotes !== info.quotes) {
      inconsistencies.push(`partition ${info.key} holds ${plural(p.documents.size, 'document')} and ${plural(p.quotes, 'quote')}; the manifest says ${info.documents} and ${info.quotes}`);
    }
  }
  const lost = ids.filter((id) => !partitions.get(catalog[id]!.key)?.documents.has(id));
  if (lost.length) inconsistencies.push(`its catalog lists ${plural(lost.length, 'document')} that no partition holds: ${lost.slice(0, 5).join(', ')}`);
  // The index reads a record again when its size or mtime changes: the same test tells whether it is up to date.
  const files = new Map<string, { size: number; mtimeMs: number }>();
  for (const id of ids) {
    const st = await stat(join(ctx.paths.documents, `${id}.json`)).catch(() => null);
    if (st) files.set(id, { size: st.size, mtimeMs: st.mtimeMs });
  }
  return {
    file: stored.file,
    ids,
    documentCount: manifest.documentCount,
    quoteCount: manifest.quoteCount,
    inconsistencies,
    upToDate(doc) {
      const entry = catalog[doc.id];
      const file = files.get(doc.id);
      const stored = entry ? partitions.get(entry.key)?.documents.get(doc.id) : undefined;
      return Boolean(entry && file && stored)
        && entry!.size === file!.size && entry!.mtimeMs === file!.mtimeMs
        && stored!.text === doc.text
        && stored!.quotes === doc.quotes.length;
    },
  };
}

function indexProblems(index: IndexView, s: Scan, add: AddProblem): void {
  const file = index.file;
  const some = (ids: readonly string[]): string => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
  const indexed = new Set(index.ids);
  const extra = index.ids.filter((id) => !s.docs.has(id));
  const missing = [...s.docs.keys()].filter((id) => !indexed.has(id));
  if (extra.length) add('index-stale', file, `lists ${plural(extra.length, 'document')} that the corpus lacks or cannot read: ${some(extra)}`, extra);
  if (missing.length) add('index-stale', file, `lacks ${plural(missing.length, 'document')} of the corpus: ${some(missing)}`, missing);
  const outdated = [...s.docs.values()].filter(({ doc }) => indexed.has(doc.id) && !index.upToDate(doc)).map(({ doc }) => doc.id);
  if (outdated.length) add('index-stale', file, `is out of date for ${plural(outdated.length, 'document')}: ${some(outdated)}`, outdated);
  for (const m of index.inconsistencies) add('index-corrupt', file, m);
  const quotes = [...s.docs.values()].reduce((n, { doc }) => n + doc.quotes.length, 0);
  if (!extra.length && !missing.length && !outdated.length && !index.inconsistencies.length && index.quoteCount !== quotes) {
    add('index-stale', file, `holds ${plural(index.quoteCount, 'quote')}; the corpus has ${quotes}`);
  }
}

/** Everything read from disk and every problem found in it. */
async function findProblems(ctx: PipelineContext): Promise<{ s: Scan; problems: Problem[] }> {
  const problems: Problem[] = [];
  const s = await scan(ctx, problems);
  crossCheck(s, problems);
  return { s, problems };
}

export async function verifyArchive(ctx: PipelineContext): Promise<VerifyReport> {
  const { s, problems } = await findProblems(ctx);
  return {
    home: ctx.paths.home,
    checked: {
      documents: s.docs.size + s.unusable.size,
      snapshots: s.snapshotNames.size,
      urlStates: s.states.size + problems.filter((p) => p.kind === 'state-corrupt' && p.file.startsWith(layout(ctx).urls)).length,
      sourceStates: s.sourceStates,
      indexed: s.index ? s.index.ids.length : null,
      quarantined: s.quarantined,
      removed: s.removed.size,
    },
    problems,
  };
}

/** Gunzipped bytes of a stored snapshot, or null when it is missing or does not match its name. */
async function snapshotBytes(ctx: PipelineContext, hash: string): Promise<Buffer | null> {
  try {
    const bytes = await unpackSnapshot(layout(ctx).snapshotFile(hash));
    return sha256(bytes) === hash ? bytes : null;
  } catch {
    return null;
  }
}

/** A path as messages show it: relative to the archive's home when inside it. Pure. */
function shownPath(home: string, path: string): string {
  const rel = relative(home, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

/** Moves a file into corpus/quarantine/ beside a `.note` saying where it came from, when and why. */
async function quarantine(ctx: PipelineContext, file: string, why: string, now: Date): Promise<string> {
  const L = layout(ctx);
  await mkdir(L.quarantine, { recursive: true });
  const shown = shownPath(ctx.paths.home, file);
  const base = `${stamp(now)}-${shown.replace(/^corpus[/\\]/, '').replace(/[/\\]/g, '_').replace(/^\.+/, '')}`;
  let target = inside(L.quarantine, base);
  for (let n = 2; existsSync(target); n++) target = inside(L.quarantine, `${base}.${n}`);
  await rename(file, target);
  await writeFile(`${target}.note`, `moved here by ccg verify --repair\nfrom: ${shown}\nat: ${now.toISOString()}\nwhy: ${why}\n`);
  return target;
}

const sortRevisions = (rs: readonly Revision[]): Revision[] => [...rs].sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt));

/** One run of repairArchive: what it works on, what it has done, and what it has learnt for what comes after. */
interface Repairer {
  readonly ctx: PipelineContext;
  readonly L: Layout;
  readonly store: SnapshotStore;
  readonly now: () => Date;
  readonly sources: ReadonlyMap<string, Source>;
  readonly repaired: RepairAction[];
  /** What to do about a problem left unrepaired, by its file. */
  readonly hints: Map<string, string>;
  /** Documents the archive had and lacks now (records set aside, ids the index lists), by id: where and what to say if not rebuilt. */
  readonly setAside: Map<string, { file: string; message: string }>;
  documentsChanged: boolean;
}

/** Repairs one problem found by a pass; true when it acted, so that another pass may find what that reveals. */
type Repair = (r: Repairer, p: Problem, s: Scan) => Promise<boolean>;

const done = (r: Repairer, p: Problem, action: string): void => { r.repaired.push({ kind: p.kind, file: p.file, action }); };

const stateOfFile = (s: Scan, file: string): { state: UrlState; file: string } | undefined => [...s.states.values()].find((e) => e.file === file);

/** Adds a file again as ccg add does; its result, or null when that failed. */
async function addAgain(ctx: PipelineContext, path: string): Promise<AddResult | null> {
  const [added] = await addFiles(ctx, [path], { addedBy: 'ccg verify --repair' });
  return added && added.status !== 'failed' ? added : null;
}

const removeTemporaryFile: Repair = async (r, p) => {
  await unlink(p.file).catch(() => undefined);
  done(r, p, 'removed');
  return true;
};

/** A corrupt record, or one holding an id another record holds, is moved to the quarantine. */
const setAsideRecord: Repair = async (r, p, s) => {
  const doc = s.unusable.get(p.file) ?? null;
  const target = await quarantine(r.ctx, p.file, p.message, r.now());
  done(r, p, `moved to ${target}`);
  r.documentsChanged = true;
  if (p.kind === 'record-corrupt') {
    const id = basename(p.file, '.json');
    r.setAside.set(id, { file: target, message: `document ${id} was set aside here and could not be rebuilt (no snapshot, no source file with the same bytes)` });
    await addAgainFromProvenance(r, p, doc);
  }
  return true;
};

/** A local file still where its provenance says, with the same bytes, is added again. */
async function addAgainFromProvenance(r: Repairer, p: Problem, doc: Document | null): Promise<void> {
  const prov = doc?.provenance;
  if (!prov || typeof prov.path !== 'string') return;
  const path = isAbsolute(prov.path) ? prov.path : resolve(r.ctx.paths.home, prov.path);
  const same = existsSync(path) && (await readFile(path).then((b) => sha256(b) === prov.sha256, () => false));
  const added = same ? await addAgain(r.ctx, path) : null;
  if (added) {
    done(r, p, `document ${added.id} added again from ${prov.path}`);
    r.setAside.delete(basename(p.file, '.json'));
  }
}

const renameMisnamedRecord: Repair = async (r, p) => {
  const id = p.items![0]!;
  const target = inside(r.L.documents, `${id}.json`);
  if (existsSync(target)) return false;
  await rename(p.file, target);
  done(r, p, `renamed to ${target}`);
  r.documentsChanged = true;
  return true;
};

const setAsideFile: Repair = async (r, p) => {
  const target = await quarantine(r.ctx, p.file, p.message, r.now());
  done(r, p, `moved to ${target}`);
  return true;
};

const removeStaleContentKey: Repair = async (r, p) => {
  // Unless this pass rebuilt the document it names (stale content keys come last in a pass: see repairOrder).
  if (existsSync(join(r.L.documents, `${p.items![0]!}.json`))) return false;
  await unlink(p.file).catch(() => undefined);
  done(r, p, 'removed (ingest writes it again when it stores that text)');
  return true;
};

const finishRemoval: Repair = async (r, p) => {
  // A removal stopped between its two writes: its record says what was asked, so it is finished.
  const id = p.items![0]!;
  if (!isSafeId(id) || !(await deleteDocument(r.L.documents, id))) return false;
  done(r, p, `removal finished: ${id}.json deleted, as ccg remove would have`);
  r.documentsChanged = true;
  return true;
};

const replaceRemovalRecord: Repair = async (r, p) => {
  // The document stays removed: the file is set aside and a record that says only that is written in its place.
  const id = p.items![0]!;
  const at = await stat(p.file).then((st) => st.mtime.toISOString(), () => r.now().toISOString());
  const target = await quarantine(r.ctx, p.file, p.message, r.now());
  if (isSafeId(id)) {
    await writeRemoval(r.ctx.paths.corpus, {
      format: REMOVAL_FORMAT, version: 1, id, removedAt: at, removedBy: `unknown (its record was unreadable; rewritten by ccg verify --repair, the old one is ${target})`, reason: null,
      document: { title: '', source: null, url: null, canonicalUrl: null, publisher: null, published: null, quotes: 0 },
    });
    done(r, p, `moved to ${target}; the document stays removed (a new removal record says so)`);
  } else done(r, p, `moved to ${target}`);
  return true;
};

/** The URLs other than `url` whose fetch gave document `id`. Pure. */
const otherUrlsOf = (s: Scan, url: string, id: string): string[] =>
  [...s.states.values()].filter((e) => e.state.url !== url && e.state.revisions.some((r) => r.documentId === id)).map((e) => e.state.url);

/** `state` with the revisions that name document `from` naming `to`. Pure. */
const renameRevisions = (state: UrlState, from: string, to: string): UrlState =>
  ({ ...state, revisions: state.revisions.map((r) => (r.documentId === from ? { ...r, documentId: to } : r)) });

/** Documents a fetch state names and the corpus lacks are rebuilt from their snapshots. */
const rebuildDocuments: Repair = async (r, p, s) => {
  const entry = stateOfFile(s, p.file);
  if (!entry) return false;
  let state = entry.state;
  let acted = false;
  for (const id of p.items ?? []) {
    const next = await rebuildDocument(r, p, s, state, id);
    if (!next) continue;
    acted = true;
    state = next;
  }
  return acted;
};

/**
 * Rebuilds document `id` from the latest snapshot of a revision that names it. Returns the state,
 * its revisions renamed when the snapshot gives another id; null when there is nothing to rebuild from.
 */
async function rebuildDocument(r: Repairer, p: Problem, s: Scan, state: UrlState, id: string): Promise<UrlState | null> {
  const revision = [...state.revisions].reverse().find((x) => x.documentId === id && s.snapshots.has(x.sha256));
  const bytes = revision ? await snapshotBytes(r.ctx, revision.sha256) : null;
  // The one way ingest builds a fetched document (pipeline/snapshot-document.ts).
  const doc = revision && bytes ? await documentFromSnapshot(r.ctx, r.sources.get(state.source) ?? null, state, revision, bytes).catch(() => null) : null;
  if (!doc || !revision) {
    r.hints.set(p.file, `no snapshot to rebuild it from: "${ccgCommand(r.ctx.paths.home)} ingest" fetches the page again`);
    return null;
  }
  // Other URLs whose fetch gave this document are its alternate URLs, as ingest records them.
  const alternates = otherUrlsOf(s, state.url, id);
  const stored = alternates.length ? { ...doc, alternateUrls: alternates } : doc;
  // The snapshot gives another id whose record exists: that record is newer; only the revisions are corrected.
  if (!existsSync(join(r.L.documents, `${doc.id}.json`))) {
    await addDocument(r.L.documents, stored);
    r.documentsChanged = true;
    done(r, p, `document ${doc.id} rebuilt from snapshot ${revision.sha256.slice(0, 12)}…`);
  }
  r.setAside.delete(id);
  if (doc.id === id) return state;
  const renamed = renameRevisions(state, id, doc.id);
  await r.store.writeUrlState(renamed);
  done(r, p, `revisions now name document ${doc.id}, which their snapshot gives`);
  return renamed;
}

/** `state` without the revisions whose snapshot is not among `names`. Pure. */
function withoutMissingSnapshots(state: UrlState, names: ReadonlySet<string>): UrlState {
  const kept = state.revisions.filter((r) => names.has(r.sha256));
  const lostLatest = kept[kept.length - 1] !== state.revisions[state.revisions.length - 1];
  // Without its latest snapshot the page must be fetched whole again: no conditional request.
  return { ...state, revisions: kept, ...(lostLatest ? { etag: null, lastModified: null } : {}) };
}

const dropRevisionsWithoutSnapshot: Repair = async (r, p, s) => {
  const entry = stateOfFile(s, p.file);
  if (!entry) return false;
  const state = withoutMissingSnapshots(entry.state, s.snapshotNames);
  await r.store.writeUrlState(state);
  done(r, p, `${plural(entry.state.revisions.length - state.revisions.length, 'revision')} without a snapshot removed; the next "${ccgCommand(r.ctx.paths.home)} ingest" fetches the page again`);
  return true;
};

/** `existing` given the revision a document's snapshot records, in date order; its validators too when that revision is the latest. Pure. */
function withDocumentRevision(existing: UrlState, ref: SnapshotRef, id: string): UrlState {
  const revision: Revision = { sha256: ref.sha256, fetchedAt: ref.fetchedAt, status: ref.status, contentType: ref.contentType, documentId: id };
  const revisions = sortRevisions([...existing.revisions, revision]);
  const latest = revisions[revisions.length - 1] === revision;
  return { ...existing, revisions, ...(latest ? { etag: ref.etag, lastModified: ref.lastModified } : {}), lastCheckedAt: existing.lastCheckedAt > ref.fetchedAt ? existing.lastCheckedAt : ref.fetchedAt };
}

/** A fetched document no fetch state records is recorded in one. */
const recordFetchState: Repair = async (r, p, s) => {
  const doc = [...s.docs.values()].find((e) => e.file === p.file)?.doc;
  if (!doc?.snapshot || !doc.url || !s.snapshots.has(doc.snapshot.sha256)) return false;
  // The state of a URL the document is known by, if there is one; else one for its URL.
  const candidates = [...urlsOf(doc)].flatMap((u) => [u, u.replace(/^https:/, 'http:')]);
  const existing = candidates.map((u) => s.states.get(u)?.state).find(Boolean);
  const state = existing ? withDocumentRevision(existing, doc.snapshot, doc.id) : urlStateFromDocument(doc);
  if (!state) return false;
  await r.store.writeUrlState(state);
  done(r, p, `fetch state of ${state.url} ${existing ? 'given the revision' : 'rebuilt from the document and its snapshot'} (${r.L.urlFile(state.url)})`);
  return true;
};

const hintLostSnapshot: Repair = async (r, p) => {
  r.hints.set(p.file, `the raw page is lost: "${ccgCommand(r.ctx.paths.home)} ingest" fetches it again and keeps its snapshot`);
  return false;
};

const noteIndexedOnly: Repair = async (r, p, s) => {
  // Documents the index lists and the corpus lacks were stored once: rebuild them if they can be.
  if (p.message.startsWith('lists ')) {
    for (const id of p.items ?? []) {
      if (!s.recordNames.has(`${id}.json`) && !r.setAside.has(id) && !s.removed.has(id)) r.setAside.set(id, { file: p.file, message: `lists document ${id}, whose record is gone and could not be rebuilt (no snapshot or source file)` });
    }
  }
  return false;
};

/** The repair of each kind of problem; an index missing or corrupt is rebuilt after the passes. */
const REPAIRS: Partial<Record<ProblemKind, Repair>> = {
  'temporary-file': removeTemporaryFile,
  'record-corrupt': setAsideRecord,
  'duplicate-id': setAsideRecord,
  'record-misnamed': renameMisnamedRecord,
  'snapshot-corrupt': setAsideFile,
  'stray-file': setAsideFile,
  'state-corrupt': setAsideFile,
  'snapshot-orphan': setAsideFile,
  'content-key-stale': removeStaleContentKey,
  'removal-unfinished': finishRemoval,
  'removal-corrupt': replaceRemovalRecord,
  'state-missing-document': rebuildDocuments,
  'state-missing-snapshot': dropRevisionsWithoutSnapshot,
  'document-without-state': recordFetchState,
  'document-missing-snapshot': hintLostSnapshot,
  'index-stale': noteIndexedOnly,
};

/** A stale content key is looked at last: the document it names may be rebuilt in this pass. Pure. */
const repairOrder = (problems: readonly Problem[]): Problem[] =>
  [...problems.filter((p) => p.kind !== 'content-key-stale'), ...problems.filter((p) => p.kind === 'content-key-stale')];

/** Repairs each problem found now that no pass has tried; true when it acted. */
async function repairPass(r: Repairer, tried: Set<string>): Promise<boolean> {
  const { s, problems } = await findProblems(r.ctx);
  let acted = false;
  for (const p of repairOrder(problems)) {
    const key = `${p.kind}\0${p.file}\0${p.message}`;
    if (tried.has(key)) continue;
    tried.add(key);
    const repair = REPAIRS[p.kind];
    if (repair && (await repair(r, p, s))) acted = true;
  }
  return acted;
}

/** A shipped document set aside comes back from sources/local/, as "ccg start" would add it. */
async function restoreShipped(r: Repairer): Promise<void> {
  if (!r.setAside.size) return;
  for (const d of localManifest(r.ctx)) {
    const doc = await extractFile(r.ctx, d.path, { known: d, shownPath: shownPath(r.ctx.paths.home, d.path) }).catch(() => null);
    const target = doc ? r.setAside.get(doc.id) : undefined;
    if (!doc || !target) continue;
    if (await addAgain(r.ctx, d.path)) {
      r.repaired.push({ kind: 'record-corrupt', file: join(r.L.documents, `${doc.id}.json`), action: `document ${doc.id} added again from ${d.path}` });
      r.setAside.delete(doc.id);
      r.documentsChanged = true;
    }
  }
}

/** Rebuilds the index when it has a problem, or when there is one and documents changed. */
async function rebuildIndex(r: Repairer): Promise<void> {
  const { s, problems: before } = await findProblems(r.ctx);
  const indexProblem = before.find((p) => p.kind.startsWith('index-'));
  if (!indexProblem && !(r.documentsChanged && s.index)) return;
  // An index that is not what it says it is is rebuilt whole; a stale one re-reads what changed.
  const summary = await indexCorpus(r.ctx, { full: before.some((p) => p.kind === 'index-corrupt') });
  r.repaired.push({ kind: indexProblem?.kind ?? 'index-stale', file: indexProblem?.file ?? join(r.ctx.paths.index, 'manifest.json'), action: `rebuilt: ${plural(summary.documents, 'document')}, ${plural(summary.quotes, 'quote')}` });
}

/** A record set aside and not rebuilt under its name is a document the archive no longer has. */
function lostDocuments(r: Repairer): RepairReport['unrepaired'] {
  const ccg = ccgCommand(r.ctx.paths.home);
  return [...r.setAside].filter(([id]) => !existsSync(join(r.L.documents, `${id}.json`))).map(([, { file, message }]) => ({
    kind: 'record-corrupt' as const,
    file,
    message,
    leftover: false,
    hint: `a shipped document comes back with "${ccg} start", a fetched one with "${ccg} ingest", another with "${ccg} add FILE"`,
  }));
}

/**
 * Repairs what can be repaired, in passes (one repair can reveal the next: a corrupt record set
 * aside leaves a fetch state that names a missing document, which is then rebuilt), then rebuilds
 * the index and checks again.
 */
export async function repairArchive(ctx: PipelineContext, options: { now?: () => Date } = {}): Promise<RepairReport> {
  const r: Repairer = {
    ctx,
    L: layout(ctx),
    store: new SnapshotStore(ctx.paths.corpus),
    now: options.now ?? (() => new Date()),
    sources: new Map(loadRegistry(ctx.paths.registry).sources.map((x) => [x.id, x])),
    repaired: [],
    hints: new Map(),
    setAside: new Map(),
    documentsChanged: false,
  };
  const tried = new Set<string>();
  for (let pass = 0; pass < 5; pass++) if (!(await repairPass(r, tried))) break;
  await restoreShipped(r);
  await rebuildIndex(r);
  const after = await verifyArchive(ctx);
  return {
    repaired: r.repaired,
    unrepaired: [...lostDocuments(r), ...after.problems.map((p) => (r.hints.has(p.file) ? { ...p, hint: r.hints.get(p.file)! } : p))],
    after,
  };
}
