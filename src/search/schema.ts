/**
 * The search index's on-disk format. Two MiniSearch indexes, one over documents and one over
 * quotes (each quote a record of its own with speaker, organisation, stance, date and document
 * id), in a versioned envelope: loading refuses a format or version it does not know.
 */
import type { Options } from 'minisearch';
import type { DocumentKind, Stance } from '../core/types.js';

export const INDEX_FORMAT = 'ccg-index';
export const INDEX_VERSION = 2;

export interface DocumentRecord {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly publisher: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly kind: DocumentKind;
  readonly authors: string;
  readonly organisations: string;
  readonly speakers: string;
}

export interface QuoteRecord {
  readonly id: string;
  readonly documentId: string;
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly organisation: string | null;
  /** Other names of the speaker's organisation ("BMA GP committee" for the GPC), for search and filters. */
  readonly organisationAliases: string;
  /** The paragraph the quote stands in: reported speech around it is searchable too. */
  readonly context: string;
  readonly stance: Stance;
  readonly partial: boolean;
  readonly date: string | null;
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly source: string | null;
}

/** British spelling and case do not matter; a few very common words are not indexed. */
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'is', 'it', 'that', 'with', 'as', 'by', 'be', 'are', 'was', 'this']);
export const processTerm = (term: string): string | null => {
  const t = term.toLowerCase().replace(/[’']/g, '');
  return t && !STOP.has(t) ? t : null;
};

export const DOCUMENT_OPTIONS: Options<DocumentRecord> = {
  fields: ['title', 'text', 'publisher', 'authors', 'organisations', 'speakers'],
  storeFields: ['title', 'publisher', 'published', 'url', 'source', 'kind'],
  processTerm,
  searchOptions: { boost: { title: 3, speakers: 2, organisations: 1.5 }, prefix: (t, i, terms) => i === terms.length - 1 && t.length > 2, fuzzy: (t) => (t.length > 5 ? 0.15 : 0), combineWith: 'AND' },
};

export const QUOTE_OPTIONS: Options<QuoteRecord> = {
  fields: ['text', 'speaker', 'organisation', 'organisationAliases', 'role', 'title', 'context'],
  storeFields: ['documentId', 'text', 'speaker', 'role', 'organisation', 'organisationAliases', 'stance', 'partial', 'date', 'title', 'publisher', 'url', 'source'],
  processTerm,
  searchOptions: { boost: { speaker: 3, organisation: 2, organisationAliases: 1.5, text: 1.5, role: 1, title: 0.3, context: 0.3 }, prefix: (t, i, terms) => i === terms.length - 1 && t.length > 2, fuzzy: (t) => (t.length > 5 ? 0.15 : 0), combineWith: 'AND' },
};
