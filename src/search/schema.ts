/**
 * The search index's format (version 5: quote records carry the page of a PDF's quote). The index is split into partitions by the year of
 * publication ("2014", …, "undated"); each partition holds a MiniSearch index over quotes (each
 * quote a record with its speaker, organisation and lineage, stance, date and document), a
 * MiniSearch index over documents (full text indexed, not stored), and the documents' texts for
 * phrase checks and snippets, each in its own file so that a quote search never loads full texts.
 * A manifest names every partition's files and is written last: it is the commit point.
 */
import type { Options } from 'minisearch';
import type { DocumentKind, Stance } from '../core/types.js';
import { processTerm } from './normalise.js';
import type { OrgTable } from './organisations.js';

export const INDEX_FORMAT = 'ccg-index';
export const INDEX_VERSION = 5;

export interface DocumentRecord {
  readonly id: string;
  readonly title: string;
  /** Indexed, not stored: texts live in the partition's texts file. */
  readonly text: string;
  readonly publisher: string | null;
  readonly published: string | null;
  /** The date is an estimate ("c. 2014"). */
  readonly approximate: boolean;
  readonly url: string | null;
  readonly source: string | null;
  readonly kind: DocumentKind;
  readonly authors: string;
  /** Names and aliases of the organisations named, for search. */
  readonly organisations: string;
  /** The organisations named and what they are part of, for filters and facets. */
  readonly orgs: readonly string[];
  readonly speakers: string;
  /** Speakers as a list, for filters and facets. */
  readonly speakerList: readonly string[];
  readonly stances: readonly Stance[];
}

export interface QuoteRecord {
  readonly id: string;
  readonly documentId: string;
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly organisation: string | null;
  /** The organisation and what it is part of (GPC → British Medical Association), for filters. */
  readonly lineage: readonly string[];
  /** Other names of the speaker's organisation ("BMA GP committee" for the GPC), for search. */
  readonly organisationAliases: string;
  /** The paragraph the quote stands in: reported speech around it is searchable too (indexed only). */
  readonly context: string;
  readonly stance: Stance;
  readonly partial: boolean;
  readonly date: string | null;
  /** The date is an estimate ("c. 2014"). */
  readonly approximate: boolean;
  /** When the archive fetched or was given the document (YYYY-MM-DD): the citation's "accessed". */
  readonly accessed: string | null;
  /** The page a PDF's quote starts on (the citation's "p. 12"); null for pages and text files. */
  readonly page: number | null;
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly kind: DocumentKind;
}

/**
 * Fuzzy matching only where it helps: long words (terms are stems, so "clinicans" → "clinican" is
 * one edit from "clinician"), one edit from 7 letters, two from 11. Fuzzy matches weigh less than
 * exact ones (MiniSearch's default weights), so they never outrank them.
 */
export const fuzzy = (term: string): number => (term.length >= 11 ? 2 : term.length >= 7 ? 1 : 0);

export const DOCUMENT_OPTIONS: Options<DocumentRecord> = {
  fields: ['title', 'text', 'publisher', 'authors', 'organisations', 'speakers'],
  storeFields: ['title', 'publisher', 'published', 'approximate', 'url', 'source', 'kind', 'orgs', 'speakerList', 'stances'],
  processTerm,
  searchOptions: { boost: { title: 3, speakers: 2, organisations: 1.5 }, fuzzy, combineWith: 'AND' },
};

export const QUOTE_OPTIONS: Options<QuoteRecord> = {
  fields: ['text', 'speaker', 'organisation', 'organisationAliases', 'role', 'title', 'context'],
  storeFields: ['documentId', 'text', 'speaker', 'role', 'organisation', 'lineage', 'stance', 'partial', 'date', 'approximate', 'accessed', 'page', 'title', 'publisher', 'url', 'source', 'kind'],
  processTerm,
  searchOptions: { boost: { speaker: 3, organisation: 2, organisationAliases: 1.5, text: 1.5, role: 1, title: 0.3, context: 0.3 }, fuzzy, combineWith: 'AND' },
};

/**
 * The fields a quote is first searched in: its words and who said it. Its document's title and the
 * paragraph around it only when these match nothing.
 */
export const QUOTE_MAIN_FIELDS = ['text', 'speaker', 'organisation', 'organisationAliases', 'role'];

export interface PartitionInfo {
  /** "2014" … or "undated". */
  readonly key: string;
  readonly documents: number;
  readonly quotes: number;
  /** File names inside index/partitions/<key>/. */
  readonly files: { readonly quotes: string; readonly documents: string; readonly texts: string };
}

export interface IndexManifest {
  readonly format: typeof INDEX_FORMAT;
  readonly version: number;
  readonly builtAt: string;
  readonly documentCount: number;
  readonly quoteCount: number;
  readonly partitions: readonly PartitionInfo[];
  /** The organisation list the index was built with: how `org:` values resolve. */
  readonly organisations: OrgTable;
  /** The catalog file (index/catalog-<digest>.json): what each document contributed, for incremental updates. */
  readonly catalog: string;
}

/** A partition key is a year or "undated": safe as a folder name. */
export const PARTITION_KEY = /^(\d{4}|undated)$/;

export function partitionKey(published: string | null): string {
  const y = published?.slice(0, 4) ?? '';
  return /^\d{4}$/.test(y) ? y : 'undated';
}
