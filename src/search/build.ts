/**
 * Building index partitions from documents: records for documents and quotes, and an in-memory
 * partition that documents can be added to and removed from (so that a changed document updates
 * only its partition). Pure (no I/O); browser-safe.
 */
import MiniSearch from 'minisearch';
import type { Document, Stance } from '../core/types.js';
import { DOCUMENT_OPTIONS, QUOTE_OPTIONS, type DocumentRecord, type QuoteRecord } from './schema.js';
import { lineage, type OrgTable } from './organisations.js';

export function documentRecord(d: Document, table: OrgTable): DocumentRecord {
  const speakers = [...new Set(d.quotes.map((q) => q.speaker).filter((s): s is string => Boolean(s)))];
  return {
    id: d.id,
    title: d.title,
    text: d.text,
    publisher: d.publisher,
    published: d.published,
    approximate: d.datePrecision === 'approximate',
    url: d.url ?? d.canonicalUrl,
    source: d.source,
    kind: d.kind,
    authors: d.authors.join(' '),
    organisations: d.organisations.flatMap((o) => [o.name, ...o.aliases]).join(' '),
    orgs: [...new Set(d.organisations.flatMap((o) => lineage(o.name, table)))],
    speakers: speakers.join(' '),
    speakerList: speakers,
    stances: [...new Set(d.quotes.map((q) => q.stance))] as Stance[],
  };
}

export function quoteRecords(d: Document, table: OrgTable): QuoteRecord[] {
  const aliases = new Map(d.organisations.map((o) => [o.name, o.aliases.join(' | ')]));
  const paragraphs = d.text.split(/\n\s*\n/);
  const accessed = (d.snapshot?.fetchedAt ?? d.provenance?.addedAt ?? '').slice(0, 10) || null;
  return d.quotes.map((q, i) => ({
    id: `${d.id}#${i}`,
    documentId: d.id,
    text: q.text,
    speaker: q.speaker,
    role: q.role,
    organisation: q.organisation,
    lineage: q.organisation ? lineage(q.organisation, table) : [],
    organisationAliases: (q.organisation && aliases.get(q.organisation)) ?? '',
    context: paragraphs[q.paragraph] ?? '',
    stance: q.stance,
    partial: q.partial === true,
    date: d.published,
    approximate: d.datePrecision === 'approximate',
    accessed,
    page: q.page ?? null,
    title: d.title,
    publisher: d.publisher,
    // The URL as published: normalised URLs are keys for de-duplication, not for readers.
    url: d.url ?? d.canonicalUrl,
    source: d.source,
    kind: d.kind,
  }));
}

/** One partition in memory: its two MiniSearch indexes and its documents' texts. */
export class Partition {
  readonly quotes: MiniSearch<QuoteRecord>;
  readonly documents: MiniSearch<DocumentRecord>;
  readonly texts: Map<string, string>;
  /** Quotes per document, so that a document's quotes can be removed with it. */
  readonly quoteCounts: Map<string, number>;

  constructor(init?: { quotes: MiniSearch<QuoteRecord>; documents: MiniSearch<DocumentRecord>; texts: Map<string, string>; quoteCounts: Map<string, number> }) {
    this.quotes = init?.quotes ?? new MiniSearch<QuoteRecord>(QUOTE_OPTIONS);
    this.documents = init?.documents ?? new MiniSearch<DocumentRecord>(DOCUMENT_OPTIONS);
    this.texts = init?.texts ?? new Map();
    this.quoteCounts = init?.quoteCounts ?? new Map();
  }

  add(d: Document, table: OrgTable): void {
    if (this.texts.has(d.id)) this.remove(d.id);
    this.documents.add(documentRecord(d, table));
    const qs = quoteRecords(d, table);
    this.quotes.addAll(qs);
    this.texts.set(d.id, d.text);
    this.quoteCounts.set(d.id, qs.length);
  }

  remove(id: string): boolean {
    if (!this.texts.has(id)) return false;
    this.documents.discard(id);
    const n = this.quoteCounts.get(id) ?? 0;
    for (let i = 0; i < n; i++) this.quotes.discard(`${id}#${i}`);
    this.texts.delete(id);
    this.quoteCounts.delete(id);
    return true;
  }

  get documentCount(): number {
    return this.texts.size;
  }

  get quoteCount(): number {
    let n = 0;
    for (const c of this.quoteCounts.values()) n += c;
    return n;
  }

  /** The three files' contents: MiniSearch's JSON for each index, and {id: [text, quotes]} for texts. */
  serialise(): { quotes: string; documents: string; texts: string } {
    const texts: Record<string, [string, number]> = {};
    for (const [id, t] of this.texts) texts[id] = [t, this.quoteCounts.get(id) ?? 0];
    return { quotes: JSON.stringify(this.quotes), documents: JSON.stringify(this.documents), texts: JSON.stringify(texts) };
  }
}

/** Parses a partition's texts file: id → text, and id → number of quotes. */
export function parseTexts(json: string): { texts: Map<string, string>; quoteCounts: Map<string, number> } {
  const data = JSON.parse(json) as Record<string, [string, number]>;
  const texts = new Map<string, string>();
  const quoteCounts = new Map<string, number>();
  for (const [id, [t, n]] of Object.entries(data)) {
    texts.set(id, t);
    quoteCounts.set(id, n);
  }
  return { texts, quoteCounts };
}

export function loadQuoteIndex(json: string): MiniSearch<QuoteRecord> {
  return MiniSearch.loadJSON<QuoteRecord>(json, QUOTE_OPTIONS);
}

export function loadDocumentIndex(json: string): MiniSearch<DocumentRecord> {
  return MiniSearch.loadJSON<DocumentRecord>(json, DOCUMENT_OPTIONS);
}
