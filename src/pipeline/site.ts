/**
 * The static search page in index/site/, written after every index update:
 *
 *   index/site/index.html, app.js, app.css, favicon.svg  the page (built by `npm run build` into dist/site/)
 *   index/site/data/manifest.js                the index's manifest: partitions, deletions, organisations
 *   index/site/data/<key>/<file>.js            each file of each index partition, as a script
 *   index/site/data/vocab-<kind>-<hash>.js     the index's vocabularies (typing errors)
 *
 * The page runs the same search code as the CLI over the same files (src/search), so a query reads
 * the same few files: each partition's bases, the shards of its words and the records it shows.
 * Browsers refuse fetch() of file:// URLs, so the data are scripts: each calls the page's global
 * `ccgData(name, json)` with the file's JSON as a string literal (JSON.parse keeps a "__proto__"
 * term an ordinary key, where an object literal would not). Partitions never change once written,
 * so an update writes only the files of new partitions, the manifest last (the page reads the old
 * one whole until then), and then removes the folders of partitions the manifest no longer names.
 */
import { ccgCommand } from '../core/config.js';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FormatError, errorMessage, toStorageError } from '../core/errors.js';
import { inside } from '../core/safe-path.js';
import { writeFileAtomic } from '../corpus/index.js';
import { PARTITION_KEY, partitionFiles, type IndexManifest } from '../search/index.js';
import type { IndexContext } from './index-context.js';

export const SITE_FORMAT = 'ccg-site';
export const SITE_VERSION = 2;
/** The page's files, as `npm run build` writes them into dist/site/. */
export const SITE_ASSETS = ['index.html', 'app.js', 'app.css', 'favicon.svg'] as const;

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
  const copies: Array<[string, string]> = [];
  for (const p of manifest.partitions) {
    if (!PARTITION_KEY.test(p.key)) throw new FormatError(join(ctx.paths.index, 'manifest.json'), `"${p.key}" is not a partition key`);
    for (const name of partitionFiles(p)) copies.push([`${p.key}/${name}`, inside(ctx.paths.index, 'partitions', p.key, name)]);
  }
  for (const name of Object.values(manifest.vocabulary)) copies.push([name, inside(ctx.paths.index, name)]);
  // Files of partitions already there are left alone (partitions never change); the rest, a few at a time.
  const missing = copies.filter(([rel]) => !existsSync(inside(site, 'data', rel.replace(/\.json$/, '.js'))));
  for (let i = 0; i < missing.length; i += 16) {
    await Promise.all(missing.slice(i, i + 16).map(async ([rel, source]) => {
      let json: string;
      try {
        json = await readFile(source, 'utf8');
      } catch (e) {
        throw toStorageError(e, 'read', source);
      }
      const js = rel.replace(/\.json$/, '.js');
      await writeFileAtomic(inside(site, 'data', ...js.split('/')), dataScript(js, json));
    }));
  }
  written += missing.length;
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
    ctx.warn(`the search page's files are missing (dist/site/): run "npm run build", then "${ccgCommand(ctx.paths.home)} index"; the page's data were written to ${site}`);
  }
  const siteManifest: SiteManifest = { ...manifest, site: { format: SITE_FORMAT, version: SITE_VERSION } };
  await writeFileAtomic(inside(site, 'data', 'manifest.js'), dataScript('manifest.js', JSON.stringify(siteManifest)));
  await removeUnreferenced(site, new Set([...manifest.partitions.map((p) => p.key), ...Object.values(manifest.vocabulary).map((v) => v.replace(/\.json$/, '.js'))])).catch((e: unknown) => ctx.warn(`could not tidy ${site}: ${errorMessage(e)}`));
  return { dir: site, page: join(site, 'index.html'), written, assets: dir !== null };
}

/** The page's manifest: the index's, marked as the site's. */
export interface SiteManifest extends IndexManifest {
  readonly site: { readonly format: typeof SITE_FORMAT; readonly version: number };
}

/** Folders of partitions and vocabularies the manifest no longer names (and an older format's year partitions). */
async function removeUnreferenced(site: string, keep: ReadonlySet<string>): Promise<void> {
  const data = join(site, 'data');
  for (const name of await readdir(data).catch(() => [] as string[])) {
    const unnamed = (PARTITION_KEY.test(name) || /^vocab-(quotes|documents)-[0-9a-f]+\.js$/.test(name)) && !keep.has(name);
    if (unnamed || /^(\d{4}|undated)$/.test(name)) await rm(inside(data, name), { recursive: true, force: true });
  }
}
