import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.js';
import { feedOrSitemap } from './discover-items.js';
import type { Document, KnownMetadata, Provenance } from '../core/types.js';
import { readInput } from './read-input.js';
import { buildDocument, buildPdfDocument, fileDocumentId } from './build-document.js';
import type { PipelineContext } from './context.js';

export interface ExtractFileOptions {
  readonly known?: KnownMetadata;
  readonly provenance?: (sha256: string) => Provenance;
  /** The path recorded for the file (relative to the archive's home when inside it); the path as given otherwise. */
  readonly shownPath?: string;
}

/** "report-2014_final.txt.gz" → "report 2014 final": a title for a file whose text has none. */
export function titleFromFileName(path: string): string {
  return basename(path).replace(/(\.(txt|text|md|html?|xhtml|pdf))?(\.gz)?$/i, '').replace(/[_\s-]+/g, ' ').trim();
}

/**
 * Reads, extracts and analyses one file. Throws InputError when the file cannot be read; what the
 * reader had to do to the input (a cut, bad bytes) goes to the context's warnings.
 */
/** What a file holds when it is data rather than a document ("an RSS feed", "JSON data"), else null. */
function notADocument(path: string, content: string): string | null {
  const head = content.trimStart().slice(0, 1);
  if (head === '{' || head === '[') {
    try {
      JSON.parse(content);
      return 'JSON data, not a document; nothing stored';
    } catch { /* text that starts with a bracket */ }
  }
  const feed = head === '<' ? feedOrSitemap(Buffer.from(content), null, pathToFileURL(path).href) : null;
  return feed ? `${feed}, not a document; nothing stored (to fetch what it lists, register its URL with "ccg sources add URL")` : null;
}

export async function extractFile(ctx: PipelineContext, path: string, options: ExtractFileOptions = {}): Promise<Document> {
  const input = await readInput(path);
  const data = input.format === 'pdf' ? null : notADocument(path, input.content);
  if (data) throw new InputError(path, data);
  for (const w of input.warnings) ctx.warn(w);
  const common = {
    known: options.known,
    organisations: ctx.organisations,
    stance: ctx.stance,
    ranker: ctx.ranker,
    fileId: fileDocumentId(options.shownPath ?? path, input.sha256),
    ...(options.provenance ? { provenance: options.provenance(input.sha256) } : {}),
  };
  const doc = input.format === 'pdf'
    ? await buildPdfDocument(input.bytes!, { ...common, name: path, warn: ctx.warn, ...ctx.pdfLimits })
    : buildDocument(input.content, { ...common, format: input.format });
  // A PDF without text says so itself (needsPassword, needsOcr); a page or file with none is named.
  if (!doc.text.trim() && input.format !== 'pdf') ctx.warn(`${path}: no text found (an empty page, or one its scripts fill in); only its title and metadata were read`);
  return doc.title ? doc : { ...doc, title: titleFromFileName(path) };
}
