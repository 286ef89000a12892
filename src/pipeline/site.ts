/**
 * The static search page in index/site/, written after every index update:
 *
 *   index/site/index.html, app.js, app.css        the page (built by `npm run build` into dist/site/)
 *   index/site/data/manifest.js                   the site's manifest: partitions, their files, organisations
 *   index/site/data/<key>/quotes-<hash>-<n>.js    a chunk of a partition's quotes, as a script
 *   index/site/data/<key>/documents-<hash>.js     (loaded only when a document search needs it)
 *   index/site/data/<key>/texts-<hash>.js         (loaded only for phrases, exclusions and snippets)
 *
 * A year's quotes are split into chunks of at most QUOTES_PER_CHUNK, newest first
 * (`quotes-<partition hash>-<n>.js`), each a MiniSearch index of its own cut from the partition's
 * (its postings, lengths and stored fields), so that the page shows its first results after one
 * chunk has arrived rather than a whole year.
 *
 * Browsers refuse fetch() of file:// URLs, so the data are scripts: each calls the page's global
 * `ccgData(name, json)` with the partition file's JSON as a string literal (JSON.parse keeps a
 * "__proto__" term an ordinary key, where an object literal would not). A data file is named after
 * the index file it wraps, whose name carries the hash of its contents: an update writes only the
 * partitions that changed, the manifest last (the page reads the old one whole until then), and
 * then removes data files the manifest no longer names.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rmdir, unlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FormatError, errorMessage, toStorageError } from '../core/errors.js';
import { inside } from '../core/safe-path.js';
import { writeFileAtomic } from '../corpus/index.js';
import { PARTITION_KEY, type IndexManifest } from '../search/index.js';
import type { IndexContext } from './index-context.js';

export const SITE_FORMAT = 'ccg-site';
export const SITE_VERSION = 1;
/** The page's files, as `npm run build` writes them into dist/site/. */
export const SITE_ASSETS = ['index.html', 'app.js', 'app.css'] as const;

const DATA_FILE = /^(quotes|documents|texts)-[0-9a-f]+\.json$/;
/** A site data file: a partition's documents or texts, or a chunk of its quotes. */
export const SITE_DATA_FILE = /^((documents|texts)-[0-9a-f]+|quotes-[0-9a-f]+-\d+)\.js$/;
/** Quotes per chunk of the page's quote index: about 600 KB of script, 150 KB gzipped. */
export const QUOTES_PER_CHUNK = 1500;

/** MiniSearch's JSON (serialisation version 2), as far as splitting needs it. */
interface MiniSearchJson {
  documentCount: number;
  nextId: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, Array<number | null>>;
  averageFieldLength: number[];
  storedFields: Record<string, Record<string, unknown>>;
  dirtCount: number;
  index: Array<[string, Record<string, Record<string, number>>]>;
  serializationVersion: number;
}

/**
 * Splits a quote index (MiniSearch JSON) into indexes of at most `max` quotes each, newest first
 * (undated last): each keeps its quotes' postings, field lengths and stored fields, with its own
 * counts and average field lengths. Pure.
 */
export function splitQuoteIndex(json: string, max = QUOTES_PER_CHUNK): string[] {
  const j = JSON.parse(json) as MiniSearchJson;
  const ids = Object.keys(j.documentIds);
  if (ids.length <= max) return [json];
  const date = (id: string): string => String(j.storedFields[id]?.date ?? '');
  ids.sort((a, b) => (date(a) === '' ? 1 : 0) - (date(b) === '' ? 1 : 0) || date(b).localeCompare(date(a)) || Number(a) - Number(b));
  const n = Math.ceil(ids.length / max);
  const size = Math.ceil(ids.length / n);
  const chunks: string[] = [];
  const fields = j.averageFieldLength.length;
  for (let c = 0; c < n; c++) {
    const members = ids.slice(c * size, (c + 1) * size);
    const keep = new Set(members);
    const pick = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(members.filter((id) => id in o).map((id) => [id, o[id]!]));
    const fieldLength = pick(j.fieldLength);
    const averageFieldLength = Array.from({ length: fields }, (_, f) => members.reduce((sum, id) => sum + (fieldLength[id]?.[f] ?? 0), 0) / members.length);
    const index: MiniSearchJson['index'] = [];
    for (const [term, byField] of j.index) {
      let out: Record<string, Record<string, number>> | null = null;
      for (const [field, docs] of Object.entries(byField)) {
        let kept: Record<string, number> | null = null;
        for (const [id, tf] of Object.entries(docs)) {
          if (!keep.has(id)) continue;
          (kept ??= {})[id] = tf;
        }
        if (kept) (out ??= {})[field] = kept;
      }
      if (out) index.push([term, out]);
    }
    chunks.push(JSON.stringify({ ...j, documentCount: members.length, documentIds: pick(j.documentIds), fieldLength, averageFieldLength, storedFields: pick(j.storedFields), dirtCount: 0, index }));
  }
  return chunks;
}

export interface SiteSummary {
  /** index/site/ */
  readonly dir: string;
  /** index/site/index.html */
  readonly page: string;
  /** Data files written by this run (the others were already there). */
  readonly written: number;
  /** False when the page's files were not found (dist/site/ not built): only the data were written. */
  readonly assets: boolean;
}

/** dist/site/, beside this module once built; from the sources (tests), the built copy. */
export function assetsDir(): string | null {
  for (const rel of ['../site/', '../../dist/site/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (SITE_ASSETS.every((f) => existsSync(join(dir, f)))) return dir;
  }
  return null;
}

/** A data script: `ccgData("name", "<json>");`. */
export function dataScript(name: string, json: string): string {
  return `ccgData(${JSON.stringify(name)},${JSON.stringify(json)});\n`;
}

/** Writes index/site/ for the committed index `manifest`; see the module comment. */
export async function writeSite(ctx: IndexContext, manifest: IndexManifest): Promise<SiteSummary> {
  const site = join(ctx.paths.index, 'site');
  let written = 0;
  const partitions = [];
  for (const p of manifest.partitions) {
    if (!PARTITION_KEY.test(p.key)) throw new FormatError(join(ctx.paths.index, 'manifest.json'), `partition "${p.key}" is not a year or "undated"`);
    const read = async (name: string): Promise<string> => {
      if (!DATA_FILE.test(name)) throw new FormatError(join(ctx.paths.index, 'manifest.json'), `partition ${p.key}: "${name}" is not an index file name`);
      const source = inside(ctx.paths.index, 'partitions', p.key, name);
      try {
        return await readFile(source, 'utf8');
      } catch (e) {
        throw toStorageError(e, 'read', source);
      }
    };
    const write = async (js: string, json: string): Promise<void> => {
      await writeFileAtomic(inside(site, 'data', p.key, js), dataScript(`${p.key}/${js}`, json));
      written++;
    };
    const files: Record<'documents' | 'texts', string> = { documents: '', texts: '' };
    for (const kind of ['documents', 'texts'] as const) {
      const js = p.files[kind].replace(/\.json$/, '.js');
      files[kind] = `data/${p.key}/${js}`;
      if (!existsSync(inside(site, 'data', p.key, js))) await write(js, await read(p.files[kind]));
    }
    // Chunks are named after the partition file they are cut from: present when it is unchanged.
    const base = p.files.quotes.replace(/\.json$/, '');
    const count = Math.max(1, Math.ceil(p.quotes / QUOTES_PER_CHUNK));
    const names = Array.from({ length: count }, (_, i) => `${base}-${i}.js`);
    if (!names.every((n) => existsSync(inside(site, 'data', p.key, n)))) {
      const chunks = splitQuoteIndex(await read(p.files.quotes));
      if (chunks.length !== count) throw new FormatError(inside(ctx.paths.index, 'partitions', p.key, p.files.quotes), `holds a different number of quotes than the manifest says (${p.quotes}); rebuild the index with "ccg index --full"`);
      for (let i = 0; i < count; i++) await write(names[i]!, chunks[i]!);
    }
    partitions.push({ key: p.key, documents: p.documents, quotes: p.quotes, files: { ...files, quotes: names.map((n) => `data/${p.key}/${n}`) } });
  }
  const dir = assetsDir();
  if (dir) {
    for (const f of SITE_ASSETS) {
      const from = join(dir, f);
      let body: Buffer;
      try {
        body = await readFile(from);
      } catch (e) {
        throw toStorageError(e, 'read', from);
      }
      await writeFileAtomic(inside(site, f), body);
    }
  } else {
    ctx.warn(`the search page's files are missing (dist/site/): run "npm run build", then "ccg index"; the page's data were written to ${site}`);
  }
  const siteManifest = {
    format: SITE_FORMAT,
    version: SITE_VERSION,
    index: { format: manifest.format, version: manifest.version },
    builtAt: manifest.builtAt,
    documentCount: manifest.documentCount,
    quoteCount: manifest.quoteCount,
    organisations: manifest.organisations,
    partitions,
  };
  await writeFileAtomic(inside(site, 'data', 'manifest.js'), dataScript('manifest.js', JSON.stringify(siteManifest)));
  await removeUnreferenced(site, new Set(partitions.flatMap((p) => [p.files.documents, p.files.texts, ...p.files.quotes]))).catch((e: unknown) => ctx.warn(`could not tidy ${site}: ${errorMessage(e)}`));
  return { dir: site, page: join(site, 'index.html'), written, assets: dir !== null };
}

/** Data files of partitions that changed or went, and the folders of partitions that went. */
async function removeUnreferenced(site: string, keep: ReadonlySet<string>): Promise<void> {
  const data = join(site, 'data');
  const keys = await readdir(data).catch(() => [] as string[]);
  for (const key of keys.filter((k) => PARTITION_KEY.test(k))) {
    const dir = inside(data, key);
    const names = await readdir(dir).catch(() => [] as string[]);
    let left = names.length;
    for (const f of names) {
      if (SITE_DATA_FILE.test(f) && !keep.has(`data/${key}/${f}`)) {
        await unlink(inside(dir, f));
        left--;
      }
    }
    if (left === 0) await rmdir(dir).catch(() => undefined);
  }
}
