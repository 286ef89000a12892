/**
 * Where ccg-archive keeps its data. The home folder holds sources/, corpus/ and index/; it is the
 * project's root unless `--home DIR` or CCG_HOME says otherwise (tests use temporary homes).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root (dist/core/config.js → ../..). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Paths {
  readonly home: string;
  readonly sources: string;
  /** One JSON file per source (feeds, sitemaps, listing pages, pages). */
  readonly registry: string;
  readonly organisations: string;
  readonly localManifest: string;
  readonly corpus: string;
  readonly documents: string;
  readonly index: string;
  readonly indexFile: string;
}

export function paths(home?: string | null): Paths {
  const h = resolve(home ?? process.env.CCG_HOME ?? PACKAGE_ROOT);
  const sources = join(h, 'sources');
  const own = join(sources, 'organisations.json');
  return {
    home: h,
    sources,
    registry: join(sources, 'registry'),
    organisations: existsSync(own) ? own : join(PACKAGE_ROOT, 'sources', 'organisations.json'),
    localManifest: join(sources, 'local', 'manifest.json'),
    corpus: join(h, 'corpus'),
    documents: join(h, 'corpus', 'documents'),
    index: join(h, 'index'),
    indexFile: join(h, 'index', 'search-index.json'),
  };
}
