/**
 * Removal records: what `ccg remove` took out of the archive. Each removed document leaves
 * corpus/removed/<id>.json, written before its record is deleted: the document's id, title, URLs,
 * source and provenance (snapshot or local file), when, by whom and why. Its text and quotes go.
 *
 * The record keeps the archive's lineage whole: fetch-state revisions and content keys that name
 * the id still name something the archive knows (ccg verify reads them against these records), and
 * what would bring the document back by itself (an ingest of its source, `ccg start` adding the
 * shipped files, `ccg verify --repair`) leaves it out. Adding it again by hand (`ccg add FILE|URL`)
 * deletes the record first, then stores the document.
 */
import { readFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Document, Provenance, SnapshotRef } from '../core/types.js';
import { FormatError, errorMessage, toStorageError } from '../core/errors.js';
import { checkId, inside } from '../core/safe-path.js';
import { writeFileAtomic, listStored } from './atomic.js';

export const REMOVAL_FORMAT = 'ccg-removal';
export const REMOVAL_VERSION = 1;

/** What is kept of a removed document: enough to say what it was and where it came from, not its text. */
export interface RemovedDocument {
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly canonicalUrl: string | null;
  readonly alternateUrls?: readonly string[];
  readonly publisher: string | null;
  readonly published: string | null;
  readonly quotes: number;
  readonly snapshot?: SnapshotRef;
  readonly provenance?: Provenance;
}

export interface Removal {
  readonly format: typeof REMOVAL_FORMAT;
  readonly version: number;
  readonly id: string;
  readonly removedAt: string;
  readonly removedBy: string;
  readonly reason: string | null;
  readonly document: RemovedDocument;
}

/** corpus/removed/ */
export const removedDir = (corpusDir: string): string => join(corpusDir, 'removed');

/** A removal record's file: the id is checked, so the path never leaves corpus/removed/. */
export const removalFile = (corpusDir: string, id: string): string => inside(removedDir(corpusDir), `${checkId(id, 'document id')}.json`);

/** The removal record of a document. */
export function removalOf(doc: Document, at: { removedAt: string; removedBy: string; reason: string | null }): Removal {
  const kept: RemovedDocument = {
    title: doc.title, source: doc.source, url: doc.url, canonicalUrl: doc.canonicalUrl,
    ...(doc.alternateUrls?.length ? { alternateUrls: doc.alternateUrls } : {}),
    publisher: doc.publisher, published: doc.published, quotes: doc.quotes.length,
    ...(doc.snapshot ? { snapshot: doc.snapshot } : {}),
    ...(doc.provenance ? { provenance: doc.provenance } : {}),
  };
  return { format: REMOVAL_FORMAT, version: REMOVAL_VERSION, id: doc.id, ...at, document: kept };
}

/** A removal record read from its file; a FormatError naming the file when it is not one. */
export function parseRemoval(raw: string, file: string): Removal {
  let r: Removal;
  try {
    r = JSON.parse(raw) as Removal;
  } catch (e) {
    throw new FormatError(file, `corrupt removal record (not valid JSON: ${errorMessage(e)})`);
  }
  if (!r || r.format !== REMOVAL_FORMAT) throw new FormatError(file, 'not a ccg removal record');
  if (r.version !== REMOVAL_VERSION) throw new FormatError(file, `removal record version ${String(r.version)} is not known to this version of ccg (it reads version ${REMOVAL_VERSION})`);
  if (typeof r.id !== 'string' || typeof r.removedAt !== 'string' || !r.document || typeof r.document !== 'object') throw new FormatError(file, 'removal record without an id, a date or a document');
  if (basename(file) !== `${r.id}.json`) throw new FormatError(file, `removal record of document ${r.id} under another name (expected ${r.id}.json)`);
  return r;
}

/** The removal record of this id; null when the document was never removed (or was added again). */
export async function readRemoval(corpusDir: string, id: string): Promise<Removal | null> {
  const file = removalFile(corpusDir, id);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toStorageError(e, 'read', file);
  }
  return parseRemoval(raw, file);
}

export async function writeRemoval(corpusDir: string, removal: Removal): Promise<void> {
  await writeFileAtomic(removalFile(corpusDir, removal.id), `${JSON.stringify(removal, null, 1)}\n`);
}

/** Deletes a removal record (the document is being added again); nothing when there is none. */
export async function deleteRemoval(corpusDir: string, id: string): Promise<void> {
  const file = removalFile(corpusDir, id);
  try {
    await unlink(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw toStorageError(e, 'remove', file);
  }
}

/** Every removal record's file name, in name order (temporary files of atomic writes left out). */
export async function removalFiles(corpusDir: string): Promise<string[]> {
  return ((await listStored(removedDir(corpusDir))) ?? []).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
}
