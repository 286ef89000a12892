/** Building the search index from the stored corpus and writing it atomically. */
import { readFile } from 'node:fs/promises';
import { listDocuments, writeFileAtomic } from '../corpus/index.js';
import { buildIndex, parseIndex, type LoadedIndex } from '../search/index.js';
import { CcgError } from '../core/errors.js';
import type { PipelineContext } from './context.js';

export interface IndexSummary {
  readonly file: string;
  readonly documents: number;
  readonly quotes: number;
  readonly bytes: number;
}

export async function indexCorpus(ctx: PipelineContext): Promise<IndexSummary> {
  const docs = await listDocuments(ctx.paths.documents);
  const index = buildIndex(docs);
  const json = JSON.stringify(index);
  await writeFileAtomic(ctx.paths.indexFile, json);
  return { file: ctx.paths.indexFile, documents: index.documentCount, quotes: index.quoteCount, bytes: Buffer.byteLength(json) };
}

export async function loadIndex(ctx: PipelineContext): Promise<LoadedIndex> {
  let json: string;
  try {
    json = await readFile(ctx.paths.indexFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CcgError('E_NO_INDEX', `no search index at ${ctx.paths.indexFile}: run "ccg index" (or "npm start") first`);
    }
    throw err;
  }
  return parseIndex(json, ctx.paths.indexFile);
}
