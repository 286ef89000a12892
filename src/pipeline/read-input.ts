/**
 * Reading an input file for extraction: only regular files (a FIFO or a device would hang),
 * gunzip when gzipped (by magic bytes, not only the name), decode the bytes (BOM → declared
 * charset → UTF-8, mostly-valid UTF-8 kept → windows-1252), cut what is over the size limit, and
 * tell HTML from plain text. A PDF (by its magic bytes, `%PDF-`, whatever its name) is kept as bytes; a file named .pdf without that header is refused, never read as text. The only I/O of the extract path; what it had to do to the input is
 * returned as warnings for the caller to show.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sha256 } from '../core/hash.js';
import iconv from 'iconv-lite';
import { InputError } from '../core/errors.js';
import { plural } from '../core/plural.js';
import { MAX_HTML_CHARS } from '../extract/html.js';
import { isPdf } from '../extract/pdf/read.js';

export interface InputFile {
  readonly path: string;
  /** The decoded text; empty for a PDF. */
  readonly content: string;
  readonly format: 'html' | 'text' | 'pdf';
  /** A PDF's bytes (gunzipped when the file was gzipped). */
  readonly bytes?: Uint8Array;
  /** sha256 of the raw bytes as read (before gunzip). */
  readonly sha256: string;
  /** The encoding the bytes were decoded from. */
  readonly encoding: string;
  /** What the reader had to do to the input: bad bytes replaced, a cut at the size limit. */
  readonly warnings: readonly string[];
}

/** Larger inputs are refused rather than read whole into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Largest decompressed size accepted from a gzipped input (a gzip bomb stops here). */
export const MAX_GUNZIPPED_BYTES = 128 * 1024 * 1024;
/** Text and HTML inputs are cut at the same length as HTML pages before parsing. */
export const MAX_TEXT_CHARS = MAX_HTML_CHARS;

export interface Decoded {
  readonly text: string;
  /** The encoding the bytes were read as. */
  readonly encoding: string;
  /** Invalid UTF-8 sequences replaced by U+FFFD (text kept as UTF-8 because most of it is). */
  readonly replaced: number;
}

const BOMS: ReadonlyArray<[number[], string]> = [[[0xef, 0xbb, 0xbf], 'utf-8'], [[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']];

/**
 * Counts what a lenient UTF-8 reading makes of the bytes: well-formed multi-byte sequences (the
 * evidence that the text is UTF-8) and ill-formed ones (each a U+FFFD). An encoded U+FFFD in the
 * input is well-formed and counts as such.
 */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number; text: string } {
  const text = new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c > 0x7f) valid++;
  }
  // U+FFFD written in the input as EF BF BD is not a decoding error.
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) invalid--;
  return { valid, invalid: Math.max(0, invalid), text };
}

/**
 * Bytes → text, in the order browsers and careful tools use: a byte-order mark; the declared
 * charset (HTTP header, then <meta charset>); strict UTF-8. Text that is mostly well-formed UTF-8
 * stays UTF-8, its few bad bytes replaced (and counted, so that the caller can warn); only text with
 * no more UTF-8 evidence than errors is read as windows-1252, the commonest other encoding of
 * English pages. iconv-lite decodes the legacy encodings: Node's TextDecoder reads windows-1252 as
 * Latin-1 and loses its curly quotes and dashes.
 */
export function decodeDetailed(bytes: Uint8Array, declared?: string | null): Decoded {
  for (const [bom, label] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { text: new TextDecoder(label).decode(bytes.subarray(bom.length)), encoding: label, replaced: 0 };
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = declared ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
  if (meta && !/^utf-?8$/i.test(meta)) {
    // As browsers do (WHATWG Encoding), Latin-1 and ASCII labels mean windows-1252: pages that
    // declare ISO-8859-1 use its curly quotes and dashes in 0x80–0x9F.
    const label = /^(?:iso[-_]?8859-1|latin-?1|l1|us-ascii|ascii|cp819|ibm819)$/i.test(meta) ? 'windows-1252' : meta.toLowerCase();
    if (iconv.encodingExists(label)) return { text: iconv.decode(Buffer.from(bytes), label), encoding: label, replaced: 0 };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', replaced: 0 };
  } catch {
    const e = utf8Evidence(bytes);
    if (e.valid > e.invalid) return { text: e.text, encoding: 'utf-8', replaced: e.invalid };
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252', replaced: 0 };
  }
}

export function decodeBytes(bytes: Uint8Array, declared?: string | null): string {
  return decodeDetailed(bytes, declared).text;
}

export function looksLikeHtml(path: string, content: string): boolean {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.html') || name.endsWith('.htm') || name.endsWith('.xhtml')) return true;
  if (name.endsWith('.txt') || name.endsWith('.text') || name.endsWith('.md')) return false;
  return /^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(content.slice(0, 1024));
}

/** The kind of a path that is not a regular file, for the error message. */
function notAFile(st: Stats): string {
  if (st.isDirectory()) return 'is a folder, not a file';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a file: save its output to a file first';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a file';
  if (st.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

/**
 * Cuts text longer than the limit at the last paragraph (or line) break before it: a 50 MB text
 * file is a mistake or a dump, and would cost gigabytes to analyse, store and index whole.
 */
export function capText(content: string, limit = MAX_TEXT_CHARS): string {
  if (content.length <= limit) return content;
  const head = content.slice(0, limit);
  const para = head.lastIndexOf('\n\n');
  const cut = para > limit / 2 ? para : head.lastIndexOf('\n');
  return cut > limit / 2 ? head.slice(0, cut) : head;
}

export async function readInput(path: string): Promise<InputFile> {
  const why = (err: unknown): string => {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is not a folder' : (err as Error).message;
  };
  let bytes: Buffer;
  try {
    // A named pipe or a device would block or never end: only regular files are read.
    const st = await stat(path);
    if (!st.isFile()) throw new InputError(path, notAFile(st));
    if (st.size > MAX_INPUT_BYTES) throw new InputError(path, `too large (${st.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, why(err), { cause: err });
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
  if (isPdf(raw)) return { path, content: '', format: 'pdf', bytes: raw, sha256: hash, encoding: 'binary', warnings: [] };
  // A file named .pdf is a report or a mistake (a download saved under the wrong name, a renamed file): never text.
  if (/\.pdf(?:\.gz)?$/i.test(path)) throw new InputError(path, 'named .pdf but not a PDF (no %PDF- header near its start)');
  const sample = raw.subarray(0, 8192);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  if (zeros > sample.length * 0.1 && !(raw[0] === 0xff || raw[0] === 0xfe)) throw new InputError(path, 'binary data, not text or HTML');
  const warnings: string[] = [];
  const decoded = decodeDetailed(raw);
  if (decoded.replaced) warnings.push(`${path}: ${plural(decoded.replaced, 'byte sequence')} not valid UTF-8; read as UTF-8 with U+FFFD (�) in their place`);
  const content = capText(decoded.text);
  if (content.length < decoded.text.length) {
    warnings.push(`${path}: cut to its first ${content.length.toLocaleString('en-GB')} of ${decoded.text.length.toLocaleString('en-GB')} characters (the limit for one document is ${MAX_TEXT_CHARS.toLocaleString('en-GB')})`);
  }
  return { path, content, format: looksLikeHtml(path, content) ? 'html' : 'text', sha256: hash, encoding: decoded.encoding, warnings };
}
