/**
 * Loading a serialized index and querying it: documents with snippets, quotes with their speakers.
 * Pure and browser-safe: the caller reads the file.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Stance } from '../core/types.js';
import { FormatError } from '../core/errors.js';
import { DOCUMENT_OPTIONS, QUOTE_OPTIONS, INDEX_FORMAT, INDEX_VERSION, type DocumentRecord, type QuoteRecord } from './schema.js';
import type { SerializedIndex } from './build.js';
import { makeSnippet, type Snippet } from './snippet.js';

export interface LoadedIndex {
  readonly builtAt: string;
  readonly documentCount: number;
  readonly quoteCount: number;
  readonly documents: MiniSearch<DocumentRecord>;
  readonly quotes: MiniSearch<QuoteRecord>;
  readonly texts: Readonly<Record<string, string>>;
}

export function parseIndex(json: string, file: string): LoadedIndex {
  let data: SerializedIndex;
  try {
    data = JSON.parse(json) as SerializedIndex;
  } catch (err) {
    throw new FormatError(file, `corrupt index (not valid JSON: ${(err as Error).message}); rebuild it with "ccg index"`);
  }
  if (!data || data.format !== INDEX_FORMAT) throw new FormatError(file, 'not a ccg search index; rebuild it with "ccg index"');
  if (data.version !== INDEX_VERSION) {
    throw new FormatError(file, `index version ${String(data.version)} is not known to this version of ccg (it reads version ${INDEX_VERSION}); rebuild it with "ccg index"`);
  }
  try {
    return {
      builtAt: data.builtAt,
      documentCount: data.documentCount,
      quoteCount: data.quoteCount,
      documents: MiniSearch.loadJS<DocumentRecord>(data.documents, DOCUMENT_OPTIONS),
      quotes: MiniSearch.loadJS<QuoteRecord>(data.quotes, QUOTE_OPTIONS),
      texts: data.texts ?? {},
    };
  } catch (err) {
    throw new FormatError(file, `corrupt index (${(err as Error).message}); rebuild it with "ccg index"`);
  }
}

export interface Filters {
  readonly speaker?: string;
  readonly org?: string;
  readonly stance?: Stance;
  readonly since?: string;
  readonly until?: string;
  readonly source?: string;
  /** Include partial quotes (a few words quoted inside reported speech). Default true. */
  readonly partial?: boolean;
}

const contains = (hay: string | null | undefined, needle: string): boolean =>
  (hay ?? '').toLowerCase().replace(/[’']/g, '').includes(needle.toLowerCase().replace(/[’']/g, ''));

/** Dates compare as strings: "2014" ≥ "2014", "2014-05" is within since 2014 and until 2014. */
function inRange(date: string | null, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!date) return false;
  if (since && date.slice(0, since.length) < since) return false;
  if (until && date.slice(0, until.length) > until) return false;
  return true;
}

export interface DocumentHit {
  readonly id: string;
  readonly score: number;
  readonly title: string;
  readonly publisher: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly snippet: Snippet;
  readonly terms: string[];
}

export interface QuoteHit extends Omit<QuoteRecord, 'id' | 'context'> {
  readonly id: string;
  readonly score: number;
  readonly terms: string[];
}

/** Results that hold the query's words as a phrase rank this many times higher. */
const PHRASE_BOOST = 3;
const phraseKey = (s: string): string => ` ${s.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * Every word in the main fields first; then (when given) every word in the wider fields too, such
 * as the reported speech around a quote; then any word, ranked by how many match.
 */
function run<T>(ms: MiniSearch<T>, query: string, filter: (r: SearchResult) => boolean, textOf?: (r: SearchResult) => string, fields?: { main: string[]; all: string[] }): SearchResult[] {
  if (!query.trim()) return ms.search(MiniSearch.wildcard, { filter });
  let results = ms.search(query, { filter, ...(fields ? { fields: fields.main } : {}) });
  if (!results.length && fields) results = ms.search(query, { filter, fields: fields.all });
  if (!results.length) results = ms.search(query, { filter, combineWith: 'OR' });
  const phrase = phraseKey(query);
  if (!textOf || phrase.trim().split(' ').length < 2) return results;
  return results
    .map((r) => (phraseKey(textOf(r)).includes(phrase) ? { ...r, score: r.score * PHRASE_BOOST } : r))
    .sort((a, b) => b.score - a.score);
}

export function searchDocuments(index: LoadedIndex, query: string, filters: Filters = {}, limit = 20): DocumentHit[] {
  const quoteDocs = filters.speaker || filters.stance
    ? new Set(run(index.quotes, '', (r) => quoteFilter(r as unknown as QuoteRecord, filters)).map((r) => (r as unknown as QuoteRecord).documentId))
    : null;
  const results = run(index.documents, query, (r) => {
    const d = r as unknown as DocumentRecord;
    if (quoteDocs && !quoteDocs.has(String(r.id))) return false;
    if (filters.source && d.source !== filters.source) return false;
    if (!inRange(d.published, filters.since, filters.until)) return false;
    return true;
  }, (r) => `${(r as unknown as DocumentRecord).title} ${index.texts[String(r.id)] ?? ''}`);
  const orgFiltered = filters.org ? results.filter((r) => contains(index.texts[String(r.id)], filters.org!) || contains((r as unknown as DocumentRecord).title, filters.org!)) : results;
  return orgFiltered.slice(0, limit).map((r) => {
    const d = r as unknown as DocumentRecord;
    return {
      id: String(r.id),
      score: r.score,
      title: d.title,
      publisher: d.publisher ?? null,
      published: d.published ?? null,
      url: d.url ?? null,
      source: d.source ?? null,
      snippet: makeSnippet(index.texts[String(r.id)] ?? '', r.terms),
      terms: r.terms,
    };
  });
}

function quoteFilter(q: QuoteRecord, f: Filters): boolean {
  if (f.speaker && !contains(q.speaker, f.speaker)) return false;
  if (f.org && !contains(q.organisation, f.org) && !contains(q.role, f.org) && !contains(q.organisationAliases, f.org)) return false;
  if (f.stance && q.stance !== f.stance) return false;
  if (f.source && q.source !== f.source) return false;
  if (f.partial === false && q.partial) return false;
  return inRange(q.date, f.since, f.until);
}

export function searchQuotes(index: LoadedIndex, query: string, filters: Filters = {}, limit = 20): QuoteHit[] {
  const all = QUOTE_OPTIONS.fields;
  const fields = { main: all.filter((f) => f !== 'context'), all };
  return run(index.quotes, query, (r) => quoteFilter(r as unknown as QuoteRecord, filters), (r) => (r as unknown as QuoteRecord).text, fields)
    .slice(0, limit)
    .map((r) => {
      const q = r as unknown as QuoteRecord;
      return {
        id: String(r.id),
        score: r.score,
        terms: r.terms,
        documentId: q.documentId,
        text: q.text,
        speaker: q.speaker ?? null,
        role: q.role ?? null,
        organisation: q.organisation ?? null,
        organisationAliases: q.organisationAliases ?? '',
        stance: q.stance,
        partial: q.partial === true,
        date: q.date ?? null,
        title: q.title,
        publisher: q.publisher ?? null,
        url: q.url ?? null,
        source: q.source ?? null,
      };
    });
}
