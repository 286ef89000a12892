/**
 * Adding local files to the corpus: read, extract, analyse, store with provenance. Files listed in
 * the local manifest (sources/local/manifest.json) carry its metadata.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { userInfo } from 'node:os';
import type { Document, KnownMetadata } from '../core/types.js';
import { errorMessage } from '../core/errors.js';
import { addDocument, type AddStatus } from '../corpus/index.js';
import { loadLocalManifest, type LocalDocument } from '../sources/index.js';
import { extractFile } from './extract-file.js';
import type { PipelineContext } from './context.js';

export interface AddResult {
  readonly input: string;
  readonly status: AddStatus | 'failed';
  readonly id?: string;
  readonly title?: string;
  readonly quotes?: number;
  readonly error?: string;
}

function who(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function localManifest(ctx: PipelineContext): LocalDocument[] {
  return existsSync(ctx.paths.localManifest) ? loadLocalManifest(ctx.paths.localManifest) : [];
}

export async function addFiles(
  ctx: PipelineContext,
  inputs: readonly string[],
  options: { addedBy?: string; onResult?: (r: AddResult) => void } = {},
): Promise<AddResult[]> {
  const manifest = new Map(localManifest(ctx).map((d) => [d.path, d]));
  const addedBy = options.addedBy ?? `ccg add (${who()})`;
  const results: AddResult[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    const known: KnownMetadata | undefined = manifest.get(abs);
    const rel = relative(ctx.paths.home, abs);
    const shownPath = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
    let result: AddResult;
    try {
      const doc: Document = await extractFile(ctx, input, {
        known,
        shownPath,
        provenance: (sha256) => ({ path: shownPath, addedBy, addedAt: new Date().toISOString(), sha256 }),
      });
      const status = await addDocument(ctx.paths.documents, doc);
      result = { input, status, id: doc.id, title: doc.title, quotes: doc.quotes.length };
    } catch (e) {
      result = { input, status: 'failed', error: errorMessage(e) };
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
