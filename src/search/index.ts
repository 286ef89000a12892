export { buildIndex, documentRecord, quoteRecords } from './build.js';
export type { SerializedIndex } from './build.js';
export { parseIndex, searchDocuments, searchQuotes } from './query.js';
export type { LoadedIndex, Filters, DocumentHit, QuoteHit } from './query.js';
export { makeSnippet, markSnippet } from './snippet.js';
export type { Snippet } from './snippet.js';
export { INDEX_FORMAT, INDEX_VERSION } from './schema.js';
export { timeline } from './timeline.js';
export type { Timeline, TimelineYear } from './timeline.js';
