import type { Document, KnownMetadata, Provenance } from '../core/types.js';
import { readInput } from './read-input.js';
import { buildDocument } from './build-document.js';
import type { PipelineContext } from './context.js';

export interface ExtractFileOptions {
  readonly known?: KnownMetadata;
  readonly provenance?: (sha256: string) => Provenance;
}

/** Reads, extracts and analyses one file. Throws InputError when the file cannot be read. */
export async function extractFile(ctx: PipelineContext, path: string, options: ExtractFileOptions = {}): Promise<Document> {
  const input = await readInput(path);
  return buildDocument(input.content, {
    format: input.format,
    known: options.known,
    organisations: ctx.organisations,
    stance: ctx.stance,
    ...(options.provenance ? { provenance: options.provenance(input.sha256) } : {}),
  });
}
