/**
 * An index held in memory: documents partitioned as on disk, behind the same IndexSource interface.
 * For tests, benchmarks and tools that build a small index on the fly. Pure and browser-safe.
 */
import type { Document } from '../core/types.js';
import { Partition } from './build.js';
import { INDEX_FORMAT, INDEX_VERSION, partitionKey, type IndexManifest } from './schema.js';
import type { IndexSource } from './execute.js';
import type { OrgTable } from './organisations.js';

export function memoryIndex(docs: readonly Document[], table: OrgTable): IndexSource {
  const parts = new Map<string, Partition>();
  for (const d of docs) {
    const key = partitionKey(d.published);
    let p = parts.get(key);
    if (!p) parts.set(key, (p = new Partition()));
    p.add(d, table);
  }
  const partitions = [...parts].sort(([a], [b]) => a.localeCompare(b)).map(([key, p]) => ({
    key, documents: p.documentCount, quotes: p.quoteCount, files: { quotes: '', documents: '', texts: '' },
  }));
  const manifest: IndexManifest = {
    format: INDEX_FORMAT, version: INDEX_VERSION, builtAt: new Date(0).toISOString(),
    documentCount: docs.length, quoteCount: partitions.reduce((n, p) => n + p.quotes, 0), partitions, organisations: table, catalog: '',
  };
  const get = (key: string): Partition => {
    const p = parts.get(key);
    if (!p) throw new Error(`no partition ${key}`);
    return p;
  };
  return {
    manifest,
    quotes: async (key) => get(key).quotes,
    documents: async (key) => get(key).documents,
    texts: async (key) => get(key).texts,
  };
}
