/**
 * Building one index partition from documents (see schema.ts): records, columns, postings by term
 * with word positions, cut into files. Pure (no I/O); the caller writes the files.
 */
import { STANCES, type Document, type Stance } from '../core/types.js';
import { foldCase, keyOf, processTerm, words } from './normalise.js';
import { lineage, type OrgTable } from './organisations.js';
import {
  DOCUMENT_FIELDS, QUOTE_FIELDS, RECORDS_PER_CHUNK, SHARD_CHARS, TEXTS_PER_CHUNK,
  type Base, type Columns, type PartitionInfo, type DocumentRecord, type FieldSpec, type Kind, type QuoteRecord, type Tables,
} from './schema.js';

export function documentRecord(d: Document, table: OrgTable): DocumentRecord {
  return {
    id: d.id,
    title: d.title,
    publisher: d.publisher,
    published: d.published,
    approximate: d.datePrecision === 'approximate',
    url: d.url ?? d.canonicalUrl,
    source: d.source,
    kind: d.kind,
    orgs: [...new Set(d.organisations.flatMap((o) => lineage(o.name, table)))],
    speakerList: speakersOf(d),
    stances: [...new Set(d.quotes.map((q) => q.stance))] as Stance[],
  };
}

const speakersOf = (d: Document): string[] => [...new Set(d.quotes.map((q) => q.speaker).filter((s): s is string => Boolean(s)))];

/** A quote's record, and the texts of its searchable fields (QUOTE_FIELDS order). */
export function quoteRecords(d: Document, table: OrgTable): Array<{ record: QuoteRecord; fields: string[] }> {
  const aliases = new Map(d.organisations.map((o) => [o.name, o.aliases.join(' | ')]));
  const paragraphs = d.text.split(/\n\s*\n/);
  const accessed = (d.snapshot?.fetchedAt ?? d.provenance?.addedAt ?? '').slice(0, 10) || null;
  return d.quotes.map((q, i) => ({
    record: {
      id: `${d.id}#${i}`,
      documentId: d.id,
      text: q.text,
      speaker: q.speaker,
      role: q.role,
      organisation: q.organisation,
      lineage: q.organisation ? lineage(q.organisation, table) : [],
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
    },
    fields: [q.text, q.speaker ?? '', q.organisation ?? '', (q.organisation && aliases.get(q.organisation)) ?? '', q.role ?? '', d.title, paragraphs[q.paragraph] ?? ''],
  }));
}

function documentFields(d: Document): string[] {
  return [d.title, d.text, d.publisher ?? '', d.authors.join(' '), d.organisations.flatMap((o) => [o.name, ...o.aliases]).join(' '), speakersOf(d).join(' ')];
}

/** Values numbered in order of first use. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<string, number>();
  id(value: T | null, key: string = String(value)): number {
    if (value === null) return -1;
    let n = this.ids.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.ids.set(key, n);
    }
    return n;
  }
}

/** Index keys of words as written, for positional fields (every word) and the others (no stop words). */
const KEY_CACHE_LIMIT = 500_000;
const keysOf: [Map<string, string | null>, Map<string, string | null>] = [new Map(), new Map()];

function indexKey(word: string, positional: boolean): string | null {
  const cache = keysOf[positional ? 0 : 1];
  let k = cache.get(word);
  if (k === undefined) {
    k = positional ? keyOf(word) : processTerm(word);
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(word, k);
  }
  return k;
}

/** Postings of one kind of record, as they are added (absolute record numbers and positions). */
class PostingsBuilder {
  readonly terms = new Map<string, number[]>();
  /** Words as written (folded) → their keys: the vocabulary typing errors are looked up in. */
  readonly surfaces = new Map<string, string>();
  readonly lengths: number[][];
  private readonly at = new Map<string, number[]>();

  constructor(private readonly fields: readonly FieldSpec[]) {
    this.lengths = fields.map(() => []);
  }

  /**
   * `memo`: keys of texts already keyed for this document (a document's title and paragraphs recur
   * in each of its quotes).
   */
  add(record: number, texts: readonly string[], memo?: Map<string, ReadonlyArray<string | null>>): void {
    this.fields.forEach((f, fi) => {
      const text = texts[fi] ?? '';
      const memoKey = f.positions ? text : `\u0000${text}`;
      let keys = memo?.get(memoKey);
      if (!keys) {
        // Positional fields keep every word (phrases hold stop words); the others only what is searched.
        const ws = text ? words(text) : [];
        keys = ws.map((w) => indexKey(w, f.positions));
        memo?.set(memoKey, keys);
        ws.forEach((w, i) => {
          const key = keys![i];
          if (key && !this.surfaces.has(w)) this.surfaces.set(w, key);
        });
      }
      const at = this.at;
      at.clear();
      let n = 0;
      for (let p = 0; p < keys.length; p++) {
        const key = keys[p];
        if (!key) continue;
        n++;
        const list = at.get(key);
        if (list) list.push(p);
        else at.set(key, [p]);
      }
      this.lengths[fi]![record] = n;
      for (const [key, positions] of at) {
        let out = this.terms.get(key);
        if (!out) this.terms.set(key, (out = []));
        out.push(record, fi, positions.length);
        if (f.positions) out.push(...positions);
      }
    });
  }

  /** The postings as stored (record numbers and positions as distances), cut into shards by sorted term. */
  shards(): { shards: string[]; first: string[] } {
    const terms = [...this.terms.keys()].sort();
    const shards: string[] = [];
    const first: string[] = [];
    let parts: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (!parts.length) return;
      shards.push(`{${parts.join(',')}}`);
      parts = [];
      size = 0;
    };
    for (const term of terms) {
      const body = `${JSON.stringify(term)}:${JSON.stringify(encode(this.terms.get(term)!, this.fields))}`;
      if (size && size + body.length > SHARD_CHARS) flush();
      if (!parts.length) first.push(term);
      parts.push(body);
      size += body.length;
    }
    flush();
    return { shards, first };
  }
}

/** Absolute record numbers and positions → distances (see schema.ts Postings). */
function encode(raw: readonly number[], fields: readonly FieldSpec[]): number[] {
  const out: number[] = [];
  let last = 0;
  for (let i = 0; i < raw.length; ) {
    const record = raw[i]!;
    const field = raw[i + 1]!;
    const n = raw[i + 2]!;
    out.push(record - last, field, n);
    last = record;
    i += 3;
    if (!fields[field]!.positions) continue;
    let prev = 0;
    for (let j = 0; j < n; j++) {
      out.push(raw[i + j]! - prev);
      prev = raw[i + j]!;
    }
    i += n;
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += size) out.push(JSON.stringify(items.slice(i, i + size)));
  return out;
}

interface ColumnsBuilder {
  date: number[];
  flags: number[];
  doc: number[];
  stance: number[];
  speaker: number[];
  organisation: number[];
  lineage: number[];
  publisher: number[];
  source: number[];
  kind: number[];
}

const emptyColumns = (): ColumnsBuilder => ({ date: [], flags: [], doc: [], stance: [], speaker: [], organisation: [], lineage: [], publisher: [], source: [], kind: [] });

/** Builds one partition: documents are added, then `files()` gives every file's contents by name. */
export class PartitionBuilder {
  private readonly ids: string[] = [];
  private readonly docRecords: DocumentRecord[] = [];
  private readonly quoteList: QuoteRecord[] = [];
  private readonly texts: string[] = [];
  private readonly postings: Record<Kind, PostingsBuilder> = { quotes: new PostingsBuilder(QUOTE_FIELDS), documents: new PostingsBuilder(DOCUMENT_FIELDS) };
  private readonly columns: Record<Kind, ColumnsBuilder> = { quotes: emptyColumns(), documents: emptyColumns() };
  private readonly speakers = new Interner<string>();
  private readonly speakerSets = new Interner<number[]>();
  private readonly organisations = new Interner<string>();
  private readonly lineages = new Interner<number[]>();
  private readonly names = new Interner<string>();
  private readonly dateTable = new Interner<string>();
  private readonly publishers = new Interner<string>();
  private readonly sources = new Interner<string>();
  private readonly kinds = new Interner<string>();
  private first: string | null = null;
  private last: string | null = null;
  private undated = false;

  constructor(private readonly table: OrgTable) {}

  get documentCount(): number {
    return this.ids.length;
  }

  get quoteCount(): number {
    return this.quoteList.length;
  }

  /** Adds a document; returns its number in the partition. */
  add(d: Document): number {
    const n = this.ids.length;
    const rec = documentRecord(d, this.table);
    this.ids.push(d.id);
    this.docRecords.push(rec);
    this.texts.push(d.text);
    this.widenSpan(d.published);
    const dc = this.columns.documents;
    dc.date.push(this.dateTable.id(d.published));
    dc.flags.push(rec.approximate ? 1 : 0);
    dc.doc.push(n);
    dc.stance.push(rec.stances.reduce((bits, s) => bits | (1 << STANCES.indexOf(s)), 0));
    dc.speaker.push(rec.speakerList.length ? this.speakerSets.id(rec.speakerList.map((s) => this.speakers.id(s)), rec.speakerList.join('\n')) : -1);
    dc.organisation.push(-1);
    dc.lineage.push(this.lineageId(rec.orgs));
    this.common(dc, rec);
    this.postings.documents.add(n, documentFields(d));
    const memo = new Map<string, ReadonlyArray<string | null>>();
    for (const { record, fields } of quoteRecords(d, this.table)) {
      const qn = this.quoteList.length;
      this.quoteList.push(record);
      const qc = this.columns.quotes;
      qc.date.push(this.dateTable.id(record.date));
      qc.flags.push((record.approximate ? 1 : 0) | (record.partial ? 2 : 0));
      qc.doc.push(n);
      qc.stance.push(STANCES.indexOf(record.stance));
      qc.speaker.push(this.speakers.id(record.speaker));
      qc.organisation.push(this.organisations.id(record.organisation));
      qc.lineage.push(this.lineageId(record.lineage));
      this.common(qc, record);
      this.postings.quotes.add(qn, fields, memo);
    }
    return n;
  }

  private common(c: ColumnsBuilder, r: { publisher: string | null; source: string | null; kind: string }): void {
    c.publisher.push(this.publishers.id(r.publisher));
    c.source.push(this.sources.id(r.source));
    c.kind.push(this.kinds.id(r.kind));
  }

  /** A list of organisation names as its number in the lineages table (names by their number in the names table); -1 when empty. */
  private lineageId(names: readonly string[]): number {
    return names.length ? this.lineages.id(names.map((n) => this.names.id(n)), names.join('\n')) : -1;
  }

  private widenSpan(published: string | null): void {
    if (!published) {
      this.undated = true;
      return;
    }
    if (this.first === null || published < this.first) this.first = published;
    if (this.last === null || published > this.last) this.last = published;
  }

  /** Date range of the documents added, and whether some have no date. */
  get span(): { first: string | null; last: string | null; undated: boolean } {
    return { first: this.first, last: this.last, undated: this.undated };
  }

  /** The partition's words of one kind of record (folded) and their keys: for the index's vocabulary. */
  *vocabulary(kind: Kind): IterableIterator<[string, string]> {
    for (const [w, key] of this.postings[kind].surfaces) yield [foldCase(w), key];
  }

  /** The manifest's entry for this partition, stored under `key` with files counted as `files` gave them. */
  info(key: string, counts: PartitionInfo['files']): PartitionInfo {
    return { key, documents: this.documentCount, quotes: this.quoteCount, ...this.span, deleted: [], files: counts };
  }

  /** Every file of the partition by name, and how many of each numbered kind. */
  files(): { files: Map<string, string>; counts: { quoteShards: number; documentShards: number; quoteChunks: number; documentChunks: number; textChunks: number } } {
    const tables: Tables = {
      speakers: this.speakers.values, speakerSets: this.speakerSets.values, organisations: this.organisations.values, names: this.names.values,
      lineages: this.lineages.values, dates: this.dateTable.values, publishers: this.publishers.values, sources: this.sources.values, kinds: this.kinds.values,
    };
    const files = new Map<string, string>();
    const shardCount: Record<Kind, number> = { quotes: 0, documents: 0 };
    for (const kind of ['quotes', 'documents'] as const) {
      const p = this.postings[kind];
      const { shards, first } = p.shards();
      shards.forEach((s, i) => files.set(`${kind}-terms-${i}.json`, s));
      shardCount[kind] = shards.length;
      const count = kind === 'quotes' ? this.quoteList.length : this.ids.length;
      const averageLengths = p.lengths.map((l) => (count ? l.reduce((a, b) => a + b, 0) / count : 0));
      const columns: Columns = { ...this.columns[kind], lengths: p.lengths };
      // Quotes have no speaker sets (a quote has one speaker).
      const base: Base = { kind, count, ids: kind === 'documents' ? this.ids : [], averageLengths, shards: first, columns, tables: kind === 'quotes' ? { ...tables, speakerSets: [] } : tables };
      files.set(`${kind}-base.json`, JSON.stringify(base));
    }
    const put = (prefix: string, list: string[]): number => {
      list.forEach((body, i) => files.set(`${prefix}-${i}.json`, body));
      return list.length;
    };
    const quoteChunks = put('quotes', chunks(this.quoteList, RECORDS_PER_CHUNK));
    const documentChunks = put('documents', chunks(this.docRecords, RECORDS_PER_CHUNK));
    const textChunks = put('texts', chunks(this.texts, TEXTS_PER_CHUNK));
    return { files, counts: { quoteShards: shardCount.quotes, documentShards: shardCount.documents, quoteChunks, documentChunks, textChunks } };
  }
}
