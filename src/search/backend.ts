/**
 * What the CLI and the page ask of a search engine, and nothing of how it stores its index: quote
 * and document searches with filters, facets and totals, timelines and "who said most". This
 * project's engine is the partitioned, term-sharded index of schema.ts, read through an IndexSource
 * (files on disk for the CLI, data scripts for the page); another engine for a server deployment
 * (SQLite FTS5, OpenSearch, …) would implement this interface, and a writer beside
 * src/pipeline/index-corpus.ts, without touching the CLI, the page, extraction or analysis.
 * Pure and browser-safe.
 */
import type { ParsedQuery } from './query-language.js';
import type { OrgTable } from './organisations.js';
import { searchDocuments, searchQuotes, type DocumentHit, type IndexSource, type QuoteHit, type Results, type RunOptions } from './execute.js';
import { timeline, type Period, type Timeline } from './timeline.js';
import { who, type Who } from './who.js';

export interface SearchBackend {
  readonly documentCount: number;
  readonly quoteCount: number;
  /** The organisation list `org:` values resolve against. */
  readonly organisations: OrgTable;
  quotes(q: ParsedQuery, options?: RunOptions): Promise<Results<QuoteHit>>;
  documents(q: ParsedQuery, options?: RunOptions): Promise<Results<DocumentHit>>;
  timeline(q: ParsedQuery, by?: Period): Promise<Timeline>;
  who(q: ParsedQuery): Promise<Who>;
}

/** The engine of this project over an index source. */
export function partitionedBackend(src: IndexSource): SearchBackend {
  return {
    documentCount: src.manifest.documentCount,
    quoteCount: src.manifest.quoteCount,
    organisations: src.manifest.organisations,
    quotes: (q, options) => searchQuotes(src, q, options),
    documents: (q, options) => searchDocuments(src, q, options),
    timeline: (q, by) => timeline(src, q, by),
    who: (q) => who(src, q),
  };
}
