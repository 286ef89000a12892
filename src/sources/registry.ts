/**
 * The source registry: one JSON file per source in sources/registry/. Each file is validated on
 * load; a bad file is an error that names the file, the field and what is wrong, and the other
 * sources still load.
 */
import { readdirSync, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CcgError, ValidationError, errorMessage, toStorageError } from '../core/errors.js';
import { readJsonFile } from './read-json.js';
import { cssSelectorProblem, SELECTOR_NAMES } from '../fetch/selectors.js';

export type SourceKind = 'rss' | 'atom' | 'sitemap' | 'listing' | 'page' | 'file';
export const SOURCE_KINDS: readonly SourceKind[] = ['rss', 'atom', 'sitemap', 'listing', 'page', 'file'];

export interface Source {
  readonly id: string;
  readonly name: string;
  readonly publisher: string;
  readonly kind: SourceKind;
  /** Feed, sitemap or listing URLs; for `page`, the articles themselves; for `file`, local paths. */
  readonly urls: readonly string[];
  /** CSS selectors: links on a listing page, its next page, the article body. */
  readonly selectors?: { readonly links?: string; readonly next?: string; readonly article?: string };
  /** A regular expression that article URLs on a listing page match. */
  readonly linkPattern?: string;
  /** Listing pages followed at most. */
  readonly maxPages: number;
  /** Items taken from one run at most. */
  readonly maxItems: number;
  /** Milliseconds between two requests to one host. */
  readonly intervalMs: number;
  /** Topic terms an item must name to be kept (general sources); empty keeps everything. */
  readonly topics: readonly string[];
  readonly enabled: boolean;
  /** The file the source came from. */
  readonly file: string;
}

export interface Registry {
  readonly sources: Source[];
  /** Files that could not be read or failed validation, each with its message. */
  readonly errors: CcgError[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function validateSource(data: unknown, file: string): Source {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ValidationError(file, '(root)', 'expected a JSON object');
  const d = data as Record<string, unknown>;
  const str = (f: string): string => {
    if (typeof d[f] !== 'string' || !(d[f] as string).trim()) throw new ValidationError(file, f, 'expected a non-empty string');
    return d[f] as string;
  };
  const id = str('id');
  if (!ID.test(id)) throw new ValidationError(file, 'id', `expected lower-case letters, digits and hyphens; got ${JSON.stringify(id)}`);
  const kind = d.kind as SourceKind;
  if (!SOURCE_KINDS.includes(kind)) throw new ValidationError(file, 'kind', `expected one of ${SOURCE_KINDS.join(', ')}; got ${JSON.stringify(d.kind)}`);
  const urls = d.urls ?? (typeof d.url === 'string' ? [d.url] : undefined);
  if (!Array.isArray(urls) || !urls.length || !urls.every((u) => typeof u === 'string')) throw new ValidationError(file, 'urls', 'expected a non-empty array of URLs');
  if (kind !== 'file') {
    for (const [i, u] of (urls as string[]).entries()) {
      let ok = false;
      try { ok = /^https?:$/.test(new URL(u).protocol); } catch { ok = false; }
      if (!ok) throw new ValidationError(file, `urls[${i}]`, `not an http(s) URL: "${u}"`);
    }
  }
  const num = (f: string, dflt: number, min: number): number => {
    if (d[f] === undefined) return dflt;
    if (typeof d[f] !== 'number' || !Number.isFinite(d[f]) || (d[f] as number) < min) throw new ValidationError(file, f, `expected a number ≥ ${min}; got ${JSON.stringify(d[f])}`);
    return d[f] as number;
  };
  const rate = d.rateLimit as { intervalMs?: unknown } | undefined;
  if (rate !== undefined && (typeof rate !== 'object' || rate === null)) throw new ValidationError(file, 'rateLimit', 'expected an object like {"intervalMs": 1000}');
  const intervalMs = rate?.intervalMs === undefined ? 1000 : rate.intervalMs;
  if (typeof intervalMs !== 'number' || intervalMs < 0) throw new ValidationError(file, 'rateLimit.intervalMs', `expected a number ≥ 0; got ${JSON.stringify(intervalMs)}`);
  const topics = d.topics ?? [];
  if (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string')) throw new ValidationError(file, 'topics', 'expected an array of terms');
  if (d.linkPattern !== undefined) {
    try { new RegExp(d.linkPattern as string); } catch (e) { throw new ValidationError(file, 'linkPattern', `not a regular expression: ${errorMessage(e)}`); }
  }
  const selectors = d.selectors as Source['selectors'];
  if (selectors !== undefined && (typeof selectors !== 'object' || selectors === null || Array.isArray(selectors))) throw new ValidationError(file, 'selectors', 'expected an object like {"links": "h2 a"}');
  for (const [name, selector] of Object.entries(selectors ?? {})) {
    const field = `selectors.${name}`;
    if (!(SELECTOR_NAMES as readonly string[]).includes(name)) throw new ValidationError(file, field, `not a selector of a source (${SELECTOR_NAMES.join(', ')})`);
    if (typeof selector !== 'string' || !selector.trim()) throw new ValidationError(file, field, `expected a CSS selector (a non-empty string); got ${JSON.stringify(selector)}`);
    const problem = cssSelectorProblem(selector);
    if (problem) throw new ValidationError(file, field, `not a CSS selector (${JSON.stringify(selector)}): ${problem}`);
  }
  if (d.enabled !== undefined && typeof d.enabled !== 'boolean') throw new ValidationError(file, 'enabled', 'expected true or false');
  return {
    id,
    name: str('name'),
    publisher: str('publisher'),
    kind,
    urls: urls as string[],
    ...(selectors ? { selectors } : {}),
    ...(d.linkPattern ? { linkPattern: d.linkPattern as string } : {}),
    maxPages: num('maxPages', 3, 1),
    maxItems: num('maxItems', 50, 1),
    intervalMs,
    topics: topics as string[],
    enabled: d.enabled !== false,
    file,
  };
}

export function loadRegistry(dir: string): Registry {
  if (!existsSync(dir)) {
    // Missing is an empty registry; a file where a folder should be (sources/ or registry/) is not.
    try { statSync(dir); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw toStorageError(e, 'read the registry folder', dir); }
    return { sources: [], errors: [] };
  }
  const sources: Source[] = [];
  const errors: CcgError[] = [];
  const ids = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    try {
      const s = validateSource(readJsonFile(file, 'a source'), file);
      const other = ids.get(s.id);
      if (other) throw new ValidationError(file, 'id', `"${s.id}" is already the id of ${other}`);
      ids.set(s.id, file);
      sources.push(s);
    } catch (e) {
      if (e instanceof CcgError) errors.push(e);
      else throw e;
    }
  }
  return { sources, errors };
}

/** A registry file found by its source's id: the source when the file is valid, else the error that names it. */
export interface RegistryEntry {
  readonly id: string;
  readonly file: string;
  readonly source: Source | null;
  readonly error: CcgError | null;
}

/**
 * The registry file of source `id`: the file whose source has this id, else a file named `<id>.json`
 * that fails validation (so a broken file can still be found and removed); null when neither. The
 * file is always one that loadRegistry listed in `dir`, never a path built from `id`.
 */
export function findSource(dir: string, id: string): RegistryEntry | null {
  const reg = loadRegistry(dir);
  const source = reg.sources.find((s) => s.id === id);
  if (source) return { id, file: source.file, source, error: null };
  // A file that fails validation names itself as `file` (ValidationError) or `input` (InputError: unreadable).
  const fileOf = (e: CcgError): string | undefined => (e as { file?: string }).file ?? (e as { input?: string }).input;
  const error = reg.errors.find((e) => fileOf(e) !== undefined && basename(fileOf(e)!) === `${id}.json`);
  return error ? { id, file: fileOf(error)!, source: null, error } : null;
}
