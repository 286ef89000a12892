/**
 * Where ccg-archive keeps its data. The home folder holds sources/, corpus/ and index/; it is the
 * project's root unless `--home DIR` or CCG_HOME says otherwise (tests use temporary homes).
 */
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { CcgError, toStorageError } from './errors.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellQuote } from './shell-quote.js';

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
}

/** The archive folder: `--home`, else CCG_HOME (an empty value counts as unset), else the project. */
export function homeFolder(home?: string | null): { readonly path: string; readonly from: '--home' | 'CCG_HOME' | 'default' } {
  if (home) return { path: resolve(home), from: '--home' };
  if (process.env.CCG_HOME) return { path: resolve(process.env.CCG_HOME), from: 'CCG_HOME' };
  return { path: PACKAGE_ROOT, from: 'default' };
}

/**
 * How to run ccg on the archive in `home`, for commands printed in messages ("run "ccg index""):
 * "ccg" when ccg finds that archive by itself (CCG_HOME, else the project), else "ccg --home DIR",
 * so that a command copied from a message reaches the same archive.
 */
export function ccgCommand(home: string): string {
  return `ccg ${homeArgs(home)}`.trimEnd();
}

/** The command that builds the index of the archive in `home`, quoted, with "npm start" where that builds the same archive. */
export function buildIndexHint(home: string): string {
  const ccg = ccgCommand(home);
  return ccg === 'ccg' ? '"ccg index" (or "npm start")' : `"${ccg} index"`;
}

/** "--home DIR " for a printed command on the archive in `home` ("" when ccg finds it by itself): see ccgCommand. */
export function homeArgs(home: string): string {
  const path = resolve(home);
  return path === homeFolder(null).path ? '' : `--home ${shellQuote(path)} `;
}

/** An archive folder that is missing (for a command that reads) or is not a folder. */
export class HomeError extends CcgError {
  readonly home: string;
  constructor(home: string, message: string) {
    super('E_HOME', message);
    this.home = home;
  }
}

/**
 * Whether a missing archive folder can be made: its first missing level is made and removed again
 * in the nearest folder that exists. Some file systems refuse new folders with "no such file"
 * (/proc), where Node's recursive mkdir never returns; this finds out first, and leaves nothing behind.
 */
function checkCreatable(path: string, named: string): void {
  let child = path;
  let parent = dirname(child);
  while (parent !== child && !existsSync(parent)) {
    child = parent;
    parent = dirname(child);
  }
  try {
    mkdirSync(child);
    rmdirSync(child);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HomeError(path, `${named}: cannot be created: ${parent} does not take new folders (a virtual file system such as /proc?); choose another --home`);
    if (code !== 'EEXIST') throw toStorageError(e, 'create the archive folder', path);
  }
}

/**
 * Checks the archive folder before a command uses it: a file is refused; a missing folder is refused
 * for a command that only reads (a mistyped --home), and reported as `missing` to a command that
 * may create it.
 */
export function checkHome(home: string | null | undefined, use: 'reads' | 'creates'): { readonly path: string; readonly missing: boolean } {
  const { path, from } = homeFolder(home);
  const named = from === 'default' ? path : `${from} ${path}`;
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw toStorageError(e, 'open the archive folder', path);
    if (use === 'creates') {
      checkCreatable(path, named);
      return { path, missing: true };
    }
    throw new HomeError(path, `${named}: no such folder; check the path, or create an archive there with "ccg --home ${path} start"`);
  }
  if (!isDir) throw new HomeError(path, `${named} is a file, not a folder; give the archive's folder`);
  return { path, missing: false };
}

export function paths(home?: string | null): Paths {
  const h = homeFolder(home).path;
  const sources = join(h, 'sources');
  // The archive's own reference data, else the project's (a new archive folder starts from what ships).
  const ownOrElseShipped = (...parts: string[]): string => {
    const own = join(sources, ...parts);
    return existsSync(own) ? own : join(PACKAGE_ROOT, 'sources', ...parts);
  };
  return {
    home: h,
    sources,
    registry: join(sources, 'registry'),
    organisations: ownOrElseShipped('organisations.json'),
    localManifest: ownOrElseShipped('local', 'manifest.json'),
    corpus: join(h, 'corpus'),
    documents: join(h, 'corpus', 'documents'),
    index: join(h, 'index'),
  };
}
