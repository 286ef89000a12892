/**
 * The search index's format, version 6: an index split by document into immutable partitions
 * (segments), and each partition's postings split by term.
 *
 *   a partition (index/partitions/<key>/) holds, for quotes and for documents alike:
 *     <kind>-base.json          counts, field statistics, the first term of each term shard, and
 *                               one column per filterable property (date, stance, speaker, …)
 *                               with the tables its values index
 *     <kind>-terms-<n>.json     the postings of a sorted range of terms: for each term, the
 *                               records holding it, in which field, how often and at which word
 *                               positions (so phrases are checked without reading any text)
 *     <kind>-<n>.json           the records themselves, RECORDS_PER_CHUNK a file: what results show
 *     texts-<n>.json            documents' texts, TEXTS_PER_CHUNK a file: snippets only
 *
 *   and for the whole index, vocab-<kind>-<hash>.json: every term, read only for typing errors.
 *
 * A query reads each partition's base, the one shard of each of its words and the record chunks of
 * the results it shows; never a full text, never the terms it does not use. A full build cuts the
 * archive by date into partitions of PARTITION_DOCUMENTS documents, so date filters skip whole
 * partitions; an update writes the new and changed documents as a new partition and marks their
 * old versions deleted in the manifest (a tombstone), merging small partitions when they pile up.
 * A partition is never rewritten: its key is new each time. The manifest is the commit point.
 */
import type { DocumentKind, Stance } from '../core/types.js';
import type { OrgTable } from './organisations.js';

export const INDEX_FORMAT = 'ccg-index';
export const INDEX_VERSION = 6;

/** Documents per partition in a full build. */
export const PARTITION_DOCUMENTS = 4000;
/** Records per record file, and documents per text file. */
export const RECORDS_PER_CHUNK = 250;
export const TEXTS_PER_CHUNK = 50;
/** About this many characters of postings per term shard. */
export const SHARD_CHARS = 120_000;

export interface DocumentRecord {
  readonly id: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly published: string | null;
  /** The date is an estimate ("c. 2014"). */
  readonly approximate: boolean;
  readonly url: string | null;
  readonly source: string | null;
  readonly kind: DocumentKind;
  /** The organisations named and what they are part of, for filters and facets. */
  readonly orgs: readonly string[];
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

export type Kind = 'quotes' | 'documents';

/**
 * A searchable field: its name, its weight, whether word positions are kept, and whether results
 * show it. Phrases, exclusions and the boost of words together are judged in shown fields only: a
 * quote does not hold "clinical commissioning group" because its organisation's alias does.
 */
export interface FieldSpec {
  readonly name: string;
  readonly boost: number;
  readonly positions: boolean;
  readonly shown: boolean;
}

/**
 * A quote is searched in its words and who said it first; its document's title and the paragraph
 * around it (reported speech) only when these match nothing. Names weigh most.
 */
export const QUOTE_FIELDS: readonly FieldSpec[] = [
  { name: 'text', boost: 1.5, positions: true, shown: true },
  { name: 'speaker', boost: 3, positions: true, shown: true },
  { name: 'organisation', boost: 2, positions: true, shown: true },
  { name: 'organisationAliases', boost: 1.5, positions: true, shown: false },
  { name: 'role', boost: 1, positions: true, shown: true },
  { name: 'title', boost: 0.3, positions: true, shown: true },
  { name: 'context', boost: 0.3, positions: false, shown: false },
];
/** The fields of the first attempt (see QUOTE_FIELDS). */
export const QUOTE_MAIN_FIELDS = ['text', 'speaker', 'organisation', 'organisationAliases', 'role'];

export const DOCUMENT_FIELDS: readonly FieldSpec[] = [
  { name: 'title', boost: 3, positions: true, shown: true },
  { name: 'text', boost: 1, positions: true, shown: true },
  { name: 'publisher', boost: 1, positions: true, shown: true },
  { name: 'authors', boost: 1, positions: true, shown: true },
  { name: 'organisations', boost: 1.5, positions: true, shown: false },
  { name: 'speakers', boost: 2, positions: true, shown: true },
];

export const fieldsOf = (kind: Kind): readonly FieldSpec[] => (kind === 'quotes' ? QUOTE_FIELDS : DOCUMENT_FIELDS);

/** The values that filters and facets read, one array per property, indexed by record number. */
export interface Columns {
  /** Index into tables.dates: the document's date as stored ("2014-05-03", "2014-05", "2014"); -1 when none. */
  readonly date: readonly number[];
  /** 1: approximate date; 2: a partial quote. */
  readonly flags: readonly number[];
  /** The record's document number in the partition (for quotes; for documents, itself). */
  readonly doc: readonly number[];
  /** Index into STANCES of core/types.ts (quotes), or a bit set over it (documents): its order is part of the format. */
  readonly stance: readonly number[];
  /** Index into tables.speakers (quotes) or tables.speakerSets (documents); -1 when none. */
  readonly speaker: readonly number[];
  /** Index into tables.organisations (quotes: the speaker's organisation); -1 when none. */
  readonly organisation: readonly number[];
  /** Index into tables.lineages: the organisation and what it is part of (documents: every organisation named); -1 when none. */
  readonly lineage: readonly number[];
  readonly publisher: readonly number[];
  readonly source: readonly number[];
  readonly kind: readonly number[];
  /** Words per field, field by field: lengths[f][record]. */
  readonly lengths: ReadonlyArray<readonly number[]>;
}

export interface Tables {
  readonly speakers: readonly string[];
  /** Documents only: each document's speakers, by index into speakers. */
  readonly speakerSets: ReadonlyArray<readonly number[]>;
  readonly organisations: readonly string[];
  /** Organisation names of the lineages. */
  readonly names: readonly string[];
  /** Lists of organisation names, by index into names. */
  readonly lineages: ReadonlyArray<readonly number[]>;
  readonly dates: readonly string[];
  readonly publishers: readonly string[];
  readonly sources: readonly string[];
  readonly kinds: readonly string[];
}


/** A partition's `<kind>-base.json`. */
export interface Base {
  readonly kind: Kind;
  readonly count: number;
  /** Document ids by document number (documents only; quotes point at them through `doc`). */
  readonly ids: readonly string[];
  readonly averageLengths: readonly number[];
  /** The first term of each term shard, in order. */
  readonly shards: readonly string[];
  readonly columns: Columns;
  readonly tables: Tables;
}

/**
 * One term's postings as stored: for each (record, field) holding it, the record number's
 * distance from the previous entry's, the field's number, the count, then (in fields that keep
 * them) the positions, each as the distance from the previous one.
 */
export type Postings = readonly number[];

export interface PartitionInfo {
  /** "000012-3fa9c1": a number in build order and a random tail; never reused. */
  readonly key: string;
  /** Live documents and quotes (without the deleted). */
  readonly documents: number;
  readonly quotes: number;
  /** Earliest and latest dates of its documents; whether some have none. */
  readonly first: string | null;
  readonly last: string | null;
  readonly undated: boolean;
  /** Numbers of documents deleted since it was written (changed or removed from the corpus). */
  readonly deleted: readonly number[];
  /** How many files of each numbered kind it has. */
  readonly files: { readonly quoteShards: number; readonly documentShards: number; readonly quoteChunks: number; readonly documentChunks: number; readonly textChunks: number };
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
  /** The catalog file (index/catalog-<digest>.json): where each document is, for updates. */
  readonly catalog: string;
  /** Every term of each kind of record (index/vocab-<kind>-<digest>.json): for typing errors. */
  readonly vocabulary: { readonly quotes: string; readonly documents: string };
}

/** A partition key: safe as a folder name. */
export const PARTITION_KEY = /^\d{6}-[0-9a-f]{6}$/;

/** Every file of a partition, by name. */
export function partitionFiles(info: PartitionInfo): string[] {
  const n = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}-${i}.json`);
  const f = info.files;
  return [
    'quotes-base.json', 'documents-base.json',
    ...n('quotes-terms', f.quoteShards), ...n('documents-terms', f.documentShards),
    ...n('quotes', f.quoteChunks), ...n('documents', f.documentChunks), ...n('texts', f.textChunks),
  ];
}
