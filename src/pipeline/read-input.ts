/**
 * Reading an input file for extraction: gunzip when gzipped (by magic bytes, not only the name),
 * decode the bytes (BOM → <meta charset> → UTF-8 when valid → windows-1252), and tell HTML from
 * plain text. The only I/O of the extract path. iconv-lite decodes the legacy encodings: Node's
 * TextDecoder reads windows-1252 as Latin-1 and loses its curly quotes and dashes.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { sha256 } from '../core/hash.js';
import iconv from 'iconv-lite';
import { InputError } from '../core/errors.js';

export interface InputFile {
  readonly path: string;
  readonly content: string;
  readonly format: 'html' | 'text';
  /** sha256 of the raw bytes as read (before gunzip). */
  readonly sha256: string;
}

/** Larger inputs are refused rather than read whole into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Largest decompressed size accepted from a gzipped input (a gzip bomb stops here). */
export const MAX_GUNZIPPED_BYTES = 128 * 1024 * 1024;

export function decodeBytes(bytes: Uint8Array, declared?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // The HTTP header's charset first, then the page's own <meta charset> or http-equiv.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = declared ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
  if (meta && !/^utf-?8$/i.test(meta)) {
    // As browsers do (WHATWG Encoding), Latin-1 and ASCII labels mean windows-1252: pages that
    // declare ISO-8859-1 use its curly quotes and dashes in 0x80–0x9F.
    const label = /^(?:iso[-_]?8859-1|latin-?1|l1|us-ascii|ascii|cp819|ibm819)$/i.test(meta) ? 'windows-1252' : meta.toLowerCase();
    if (iconv.encodingExists(label)) return iconv.decode(Buffer.from(bytes), label);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: the commonest other encoding of English and European pages.
    return iconv.decode(Buffer.from(bytes), 'windows-1252');
  }
}

export function looksLikeHtml(path: string, content: string): boolean {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.html') || name.endsWith('.htm') || name.endsWith('.xhtml')) return true;
  if (name.endsWith('.txt') || name.endsWith('.text') || name.endsWith('.md')) return false;
  return /^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(content.slice(0, 1024));
}

export async function readInput(path: string): Promise<InputFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new InputError(path, why, { cause: err });
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(path, `too large (${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES})`);
  const hash = sha256(bytes);
  let raw: Uint8Array = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      raw = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED_BYTES });
    } catch (err) {
      throw new InputError(path, `cannot gunzip: ${(err as Error).message}`, { cause: err });
    }
  } else if (path.endsWith('.gz')) {
    throw new InputError(path, 'named .gz but not gzip data');
  }
  if (raw.length === 0) throw new InputError(path, 'empty file');
  const sample = raw.subarray(0, 8192);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  if (zeros > sample.length * 0.1 && !(raw[0] === 0xff || raw[0] === 0xfe)) throw new InputError(path, 'binary data, not text or HTML');
  const content = decodeBytes(raw);
  return { path, content, format: looksLikeHtml(path, content) ? 'html' : 'text', sha256: hash };
}
