/**
 * The static search page in index/site/, written after every index update:
 *
 *   index/site/index.html, app.js, app.css        the page (built by `npm run build` into dist/site/)
 *   index/site/data/manifest.js                   the site's manifest: partitions, their files, organisations
 *   index/site/data/<key>/quotes-<hash>.js        one index partition's file as a script
 *   index/site/data/<key>/documents-<hash>.js     (loaded only when a document search needs it)
 *   index/site/data/<key>/texts-<hash>.js         (loaded only for phrases, exclusions and snippets)
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
    const files: Record<string, string> = {};
    for (const kind of ['quotes', 'documents', 'texts'] as const) {
      const name = p.files[kind];
      if (!DATA_FILE.test(name)) throw new FormatError(join(ctx.paths.index, 'manifest.json'), `partition ${p.key}: "${name}" is not an index file name`);
      const js = name.replace(/\.json$/, '.js');
      const target = inside(site, 'data', p.key, js);
      files[kind] = `data/${p.key}/${js}`;
      if (existsSync(target)) continue;
      const source = inside(ctx.paths.index, 'partitions', p.key, name);
      let json: string;
      try {
        json = await readFile(source, 'utf8');
      } catch (e) {
        throw toStorageError(e, 'read', source);
      }
      await writeFileAtomic(target, dataScript(`${p.key}/${js}`, json));
      written++;
    }
    partitions.push({ key: p.key, documents: p.documents, quotes: p.quotes, files });
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
  await removeUnreferenced(site, new Set(partitions.flatMap((p) => Object.values(p.files)))).catch((e: unknown) => ctx.warn(`could not tidy ${site}: ${errorMessage(e)}`));
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
      if (/^(quotes|documents|texts)-[0-9a-f]+\.js$/.test(f) && !keep.has(`data/${key}/${f}`)) {
        await unlink(inside(dir, f));
        left--;
      }
    }
    if (left === 0) await rmdir(dir).catch(() => undefined);
  }
}
