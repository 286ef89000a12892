/**
 * The document store: one JSON file per document under corpus/documents/, named by the document's
 * stable id, in a versioned envelope. Adding a document that is already stored changes nothing;
 * a changed document replaces the old record but keeps when and how it was first added.
 */
import { readFile, readdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Document } from '../core/types.js';
import { CcgError, FormatError, toStorageError } from '../core/errors.js';
import { normaliseUrl } from '../core/url.js';
import { checkId, inside } from '../core/safe-path.js';
import { writeFileAtomic } from './atomic.js';
import { documentProblems } from './validate.js';

export const DOCUMENT_FORMAT = 'ccg-document';
export const DOCUMENT_VERSION = 1;

interface Envelope {
  readonly format: typeof DOCUMENT_FORMAT;
  readonly version: number;
  readonly document: Document;
}

export type AddStatus = 'added' | 'unchanged' | 'updated';

/** A record's file: ids are safe names (`[a-z0-9-]`), so the path never leaves the folder. */
const fileOf = (dir: string, id: string): string => inside(dir, `${checkId(id, 'document id')}.json`);

/** Documents are equal when everything but their provenance is. */
function sameContent(a: Document, b: Document): boolean {
  const strip = (d: Document): string => JSON.stringify({ ...d, provenance: undefined });
  return strip(a) === strip(b);
}

export function parseRecord(raw: string, file: string): Document {
  let env: Envelope;
  try {
    env = JSON.parse(raw) as Envelope;
  } catch (err) {
    throw new FormatError(file, `corrupt document record (not valid JSON: ${(err as Error).message})`);
  }
  if (!env || env.format !== DOCUMENT_FORMAT) throw new FormatError(file, 'not a ccg document record');
  if (env.version !== DOCUMENT_VERSION) {
    throw new FormatError(file, `document record version ${env.version} is not known to this version of ccg (it reads version ${DOCUMENT_VERSION})`);
  }
  if (!env.document || typeof env.document.id !== 'string' || typeof env.document.text !== 'string') {
    throw new FormatError(file, 'document record without an id or text');
  }
  return env.document;
}

export async function readDocument(dir: string, id: string): Promise<Document | null> {
  const file = fileOf(dir, id);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return parseRecord(raw, file);
}

/**
 * What makes a document itself: its canonical URL, or the file (path and input hash) it was added
 * from. Two records with one id but different identities are a collision, never an update.
 */
export function documentIdentity(d: Document): string {
  if (d.canonicalUrl) return (normaliseUrl(d.canonicalUrl) ?? d.canonicalUrl).replace(/^https:\/\//, '');
  if (d.provenance) return `${d.provenance.path} (sha256 ${d.provenance.sha256.slice(0, 12)})`;
  return `the text of document ${d.id}`;
}

/** Two different documents were given one id: the stored one is kept and the new one refused. */
export class IdCollisionError extends CcgError {
  constructor(file: string, stored: string, incoming: string) {
    super('E_COLLISION', `${file}: the id is already taken by ${stored}; ${incoming} was not stored (nothing was replaced)`);
  }
}

export async function addDocument(dir: string, doc: Document): Promise<AddStatus> {
  const existing = await readDocument(dir, doc.id);
  if (existing && documentIdentity(existing) !== documentIdentity(doc)) {
    throw new IdCollisionError(fileOf(dir, doc.id), documentIdentity(existing), documentIdentity(doc));
  }
  if (existing && sameContent(existing, doc)) return 'unchanged';
  const stored: Document = existing?.provenance ? { ...doc, provenance: existing.provenance } : doc;
  const env: Envelope = { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, document: stored };
  await writeFileAtomic(fileOf(dir, doc.id), `${JSON.stringify(env, null, 1)}\n`);
  return existing ? 'updated' : 'added';
}

/**
 * Deletes a document's record (`ccg remove`, after its removal record is written): one unlink, so a
 * reader sees the record whole or not at all. False when there was no record.
 */
export async function deleteDocument(dir: string, id: string): Promise<boolean> {
  const file = fileOf(dir, id);
  try {
    await unlink(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw toStorageError(err, 'remove', file);
  }
}

/** A record that cannot be used: its file and what is wrong with it. */
export interface RecordProblem {
  readonly file: string;
  readonly message: string;
}

/** Record files in the documents folder, in name order (temporary files of atomic writes left out). */
export async function recordFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
}

/**
 * Reads one record file and checks it: a valid envelope, a document valid against the data model
 * (corpus/validate.ts), and a file named after the document's id. Throws a FormatError naming
 * the file and the first problems otherwise.
 */
export function checkedRecord(raw: string, file: string): Document {
  const doc = parseRecord(raw, file);
  const problems = documentProblems(doc);
  if (problems.length) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new FormatError(file, `invalid document record: ${problems.slice(0, 3).join('; ')}${more}`);
  }
  if (basename(file) !== `${doc.id}.json`) throw new FormatError(file, `record of document ${doc.id} under another name (expected ${doc.id}.json)`);
  return doc;
}

/**
 * Every usable stored document, in id order, and the records that could not be used (corrupt,
 * invalid, or named otherwise than their id), each named with its file: one bad record does not
 * hide the others.
 */
export async function scanDocuments(dir: string): Promise<{ documents: Document[]; problems: RecordProblem[] }> {
  const documents: Document[] = [];
  const problems: RecordProblem[] = [];
  for (const f of await recordFiles(dir)) {
    const file = join(dir, f);
    try {
      documents.push(checkedRecord(await readFile(file, 'utf8'), file));
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      problems.push({ file, message: err.message.slice(file.length + 2) });
    }
  }
  return { documents, problems };
}

/** Every stored document, in id order. A corrupt record is an error that names its file. */
export async function listDocuments(dir: string): Promise<Document[]> {
  const { documents, problems } = await scanDocuments(dir);
  if (problems[0]) throw new FormatError(problems[0].file, problems[0].message);
  return documents;
}
