/**
 * Storing a fetched document with de-duplication: one story at two URLs (or from two sources) is
 * one document that records both, found by its id (from the canonical URL), then by its text.
 * Stores into one corpus run one at a time, so that each de-duplication reads what the previous
 * store wrote.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../core/types.js';
import { addDocument, readDocument, readRemoval, writeFileAtomic, sha256, type Removal } from '../corpus/index.js';
import type { PipelineContext } from './context.js';

export type StoreOutcome = 'new' | 'updated' | 'unchanged' | 'duplicate';

export interface Stored {
  readonly outcome: StoreOutcome;
  /** The id the story is stored under: the document's own, or the one that already held the story. */
  readonly id: string;
  /** The record as stored under that id. */
  readonly document: Document;
}

/** Texts shorter than this are too generic to say that two pages are one story. */
const MIN_DUPLICATE_TEXT = 200;

const chains = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task on the same key has settled. */
function serially<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (chains.get(key) ?? Promise.resolve()).then(task, task);
  chains.set(key, run.catch(() => undefined));
  return run;
}

/** The file that names the document holding a text (so a story at another URL is found). */
export function contentKeyFile(ctx: PipelineContext, text: string): string {
  const key = sha256(text.replace(/\s+/g, ' ').trim()).slice(0, 32);
  return join(ctx.paths.corpus, 'fetch-state', 'content', `${key}.json`);
}

/** The id of the document that holds this text (its content key), or null when none does. */
async function contentOwner(ctx: PipelineContext, text: string): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(contentKeyFile(ctx, text), 'utf8')) as { id: string }).id;
  } catch {
    return null; // first time this text is seen
  }
}

/**
 * The removal record of this story, when `ccg remove` took it out: the document's own id, or the
 * document that held its text (the story at another URL); null when it was not removed.
 */
export async function removalOfStory(ctx: PipelineContext, doc: Document): Promise<Removal | null> {
  const own = await readRemoval(ctx.paths.corpus, doc.id);
  if (own || doc.text.length <= MIN_DUPLICATE_TEXT) return own;
  const owner = await contentOwner(ctx, doc.text);
  return owner && owner !== doc.id ? readRemoval(ctx.paths.corpus, owner).catch(() => null) : null;
}

/** Stores a fetched document, or records `fetchedUrl` on the document that already holds its story. */
export function storeDocument(ctx: PipelineContext, doc: Document, fetchedUrl: string): Promise<Stored> {
  return serially(ctx.paths.documents, () => storeNow(ctx, doc, fetchedUrl));
}

async function storeNow(ctx: PipelineContext, doc: Document, fetchedUrl: string): Promise<Stored> {
  const contentFile = contentKeyFile(ctx, doc.text);
  const ownerId = await contentOwner(ctx, doc.text);
  const targetId = ownerId && ownerId !== doc.id && doc.text.length > MIN_DUPLICATE_TEXT ? ownerId : doc.id;
  const existing = await readDocument(ctx.paths.documents, targetId);
  // Another URL or another source already brought this story: record the URL, keep the record.
  if (existing && (targetId !== doc.id || (existing.source !== doc.source && existing.source !== null))) {
    const urls = new Set([...(existing.alternateUrls ?? []), fetchedUrl]);
    urls.delete(existing.url ?? '');
    let record = existing;
    if (urls.size !== (existing.alternateUrls ?? []).length) {
      record = { ...existing, alternateUrls: [...urls] };
      await addDocument(ctx.paths.documents, record);
    }
    return { outcome: 'duplicate', id: existing.id, document: record };
  }
  const alternates = new Set([...(existing?.alternateUrls ?? [])]);
  if (existing?.url && existing.url !== doc.url) alternates.add(existing.url);
  const record = alternates.size ? { ...doc, alternateUrls: [...alternates] } : doc;
  // The content key first: a run stopped between the two writes leaves a key naming this id (which
  // the next run stores under), never a stored story that a second URL cannot find.
  if (!ownerId) await writeFileAtomic(contentFile, JSON.stringify({ id: doc.id }));
  const status = await addDocument(ctx.paths.documents, record);
  return { outcome: status === 'added' ? 'new' : status, id: doc.id, document: record };
}
