/**
 * The manifest of local documents that ship with the project (sources/local/manifest.json):
 * each file with what is known of it from outside its text (publisher, URL, title, date).
 */
import { dirname } from 'node:path';
import type { DocumentKind, KnownMetadata } from '../core/types.js';
import { ValidationError } from '../core/errors.js';
import { isoDay, isoMonth } from '../core/iso-dates.js';
import { inside } from '../core/safe-path.js';
import { readJsonFile } from './read-json.js';

export interface LocalDocument extends KnownMetadata {
  /** Absolute path of the file. */
  readonly path: string;
}

const KINDS: readonly DocumentKind[] = ['news', 'report', 'blog', 'press release', 'page'];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of a month and day that exist. */
function realDate(v: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return false;
  if (m[3] !== undefined) return isoDay(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
  return m[2] === undefined || isoMonth(Number(m[1]), Number(m[2])) !== null;
}

export function loadLocalManifest(file: string): LocalDocument[] {
  const data = readJsonFile(file, 'the local manifest');
  const docs = (data as { documents?: unknown }).documents;
  if (!Array.isArray(docs)) throw new ValidationError(file, 'documents', 'expected an array');
  return docs.map((d: Record<string, unknown>, i) => {
    const at = `documents[${i}]`;
    if (typeof d.file !== 'string') throw new ValidationError(file, `${at}.file`, 'expected a file name');
    for (const f of ['url', 'title', 'publisher', 'published'] as const) {
      if (d[f] != null && typeof d[f] !== 'string') throw new ValidationError(file, `${at}.${f}`, 'expected a string or null');
    }
    if (d.published != null && !realDate(d.published as string)) {
      throw new ValidationError(file, `${at}.published`, `expected YYYY, YYYY-MM or YYYY-MM-DD of a real date; got ${JSON.stringify(d.published)}`);
    }
    let path: string;
    try {
      path = inside(dirname(file), d.file);
    } catch {
      throw new ValidationError(file, `${at}.file`, `${JSON.stringify(d.file)} is not in the folder of the manifest (${dirname(file)})`);
    }
    if (d.kind != null && !KINDS.includes(d.kind as DocumentKind)) throw new ValidationError(file, `${at}.kind`, `expected one of ${KINDS.join(', ')}`);
    if (d.datePrecision != null && (d.datePrecision !== 'approximate' || d.published == null)) {
      throw new ValidationError(file, `${at}.datePrecision`, 'expected "approximate" (with a published date) or nothing');
    }
    return {
      path,
      source: 'local',
      url: (d.url as string | null) ?? null,
      title: (d.title as string | null) ?? null,
      publisher: (d.publisher as string | null) ?? null,
      published: (d.published as string | null) ?? null,
      ...(d.datePrecision === 'approximate' ? { datePrecision: 'approximate' as const } : {}),
      authors: Array.isArray(d.authors) ? (d.authors as string[]) : [],
      kind: (d.kind as DocumentKind | null) ?? null,
    };
  });
}
