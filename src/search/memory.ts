/**
 * An index held in memory: documents cut into partitions as a full build cuts them, behind the
 * same IndexSource interface. For tests, benchmarks and tools that build a small index on the fly.
 * Pure and browser-safe.
 */
import type { Document } from '../core/types.js';
import { PartitionBuilder } from './build.js';
import { vocabularyFile } from './fuzzy.js';
import { INDEX_FORMAT, INDEX_VERSION, PARTITION_DOCUMENTS, type IndexManifest, type PartitionInfo } from './schema.js';
import type { IndexSource } from './execute.js';
import type { OrgTable } from './organisations.js';

/** Oldest first, undated last: the order a full build cuts partitions in. */
export const byDate = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b));

export function memoryIndex(docs: readonly Document[], table: OrgTable, perPartition = PARTITION_DOCUMENTS): IndexSource {
  const sorted = [...docs].sort((a, b) => byDate(a.published, b.published));
  const files = new Map<string, Map<string, unknown>>();
  const partitions: PartitionInfo[] = [];
  const terms = { quotes: new Map<string, string>(), documents: new Map<string, string>() };
  for (let i = 0; i < sorted.length; i += perPartition) {
    const b = new PartitionBuilder(table);
    for (const d of sorted.slice(i, i + perPartition)) b.add(d);
    for (const kind of ['quotes', 'documents'] as const) for (const [w, k] of b.vocabulary(kind)) terms[kind].set(w, k);
    const key = `${String(partitions.length).padStart(6, '0')}-000000`;
    const built = b.files();
    files.set(key, new Map([...built.files].map(([name, body]) => [name, JSON.parse(body) as unknown])));
    partitions.push(b.info(key, built.counts));
  }
  const manifest: IndexManifest = {
    format: INDEX_FORMAT, version: INDEX_VERSION, builtAt: new Date(0).toISOString(),
    documentCount: docs.length, quoteCount: partitions.reduce((n, p) => n + p.quotes, 0), partitions, organisations: table, catalog: '',
    vocabulary: { quotes: 'vocab-quotes.json', documents: 'vocab-documents.json' },
  };
  files.set('', new Map([['vocab-quotes.json', vocabularyFile(terms.quotes)], ['vocab-documents.json', vocabularyFile(terms.documents)]]));
  return {
    manifest,
    file: async (key, name) => {
      const f = files.get(key)?.get(name);
      if (f === undefined) throw new Error(`no file ${key}/${name}`);
      return f;
    },
  };
}
