/**
 * Building the search index from the stored corpus and writing it atomically. A record that cannot
 * be read (corrupt, invalid, misnamed) is left out and named in the summary: one bad file does not
 * keep the rest of the archive from being searchable.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../corpus/index.js';
import { scanDocuments, type RecordProblem } from '../corpus/store.js';
import { buildIndex, parseIndex, type LoadedIndex } from '../search/index.js';
import { CcgError } from '../core/errors.js';
import type { PipelineContext } from './context.js';

export interface IndexSummary {
  readonly file: string;
  readonly documents: number;
  readonly quotes: number;
  readonly bytes: number;
  /** Records that could not be read and were left out of the index (see `ccg verify`). */
  readonly skipped: readonly RecordProblem[];
}

export async function indexCorpus(ctx: PipelineContext): Promise<IndexSummary> {
  const { documents, problems } = await scanDocuments(ctx.paths.documents);
  const index = buildIndex(documents);
  const json = JSON.stringify(index);
  await writeFileAtomic(ctx.paths.indexFile, json);
  return { file: ctx.paths.indexFile, documents: index.documentCount, quotes: index.quoteCount, bytes: Buffer.byteLength(json), skipped: problems };
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
