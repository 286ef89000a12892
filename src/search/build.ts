/** Building the index from documents. Pure (no I/O); browser-safe. */
import MiniSearch from 'minisearch';
import type { Document } from '../core/types.js';
import { DOCUMENT_OPTIONS, QUOTE_OPTIONS, INDEX_FORMAT, INDEX_VERSION, type DocumentRecord, type QuoteRecord } from './schema.js';

export interface SerializedIndex {
  readonly format: typeof INDEX_FORMAT;
  readonly version: number;
  readonly builtAt: string;
  readonly documentCount: number;
  readonly quoteCount: number;
  readonly documents: ReturnType<MiniSearch['toJSON']>;
  readonly quotes: ReturnType<MiniSearch['toJSON']>;
  /** Main texts by document id, for snippets. */
  readonly texts: Record<string, string>;
}

export function documentRecord(d: Document): DocumentRecord {
  return {
    id: d.id,
    title: d.title,
    text: d.text,
    publisher: d.publisher,
    published: d.published,
    url: d.canonicalUrl ?? d.url,
    source: d.source,
    kind: d.kind,
    authors: d.authors.join(' '),
    organisations: d.organisations.flatMap((o) => [o.name, ...o.aliases]).join(' '),
    speakers: [...new Set(d.quotes.map((q) => q.speaker).filter(Boolean))].join(' '),
  };
}

export function quoteRecords(d: Document): QuoteRecord[] {
  const aliases = new Map(d.organisations.map((o) => [o.name, o.aliases.join(' | ')]));
  const paragraphs = d.text.split(/\n\s*\n/);
  return d.quotes.map((q, i) => ({
    id: `${d.id}#${i}`,
    documentId: d.id,
    text: q.text,
    speaker: q.speaker,
    role: q.role,
    organisation: q.organisation,
    organisationAliases: (q.organisation && aliases.get(q.organisation)) ?? '',
    context: paragraphs[q.paragraph] ?? '',
    stance: q.stance,
    partial: q.partial === true,
    date: d.published,
    title: d.title,
    publisher: d.publisher,
    url: d.canonicalUrl ?? d.url,
    source: d.source,
  }));
}

export function buildIndex(docs: readonly Document[], now: Date = new Date()): SerializedIndex {
  const documents = new MiniSearch<DocumentRecord>(DOCUMENT_OPTIONS);
  const quotes = new MiniSearch<QuoteRecord>(QUOTE_OPTIONS);
  documents.addAll(docs.map(documentRecord));
  const qs = docs.flatMap(quoteRecords);
  quotes.addAll(qs);
  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    builtAt: now.toISOString(),
    documentCount: docs.length,
    quoteCount: qs.length,
    documents: documents.toJSON(),
    quotes: quotes.toJSON(),
    texts: Object.fromEntries(docs.map((d) => [d.id, d.text])),
  };
}
