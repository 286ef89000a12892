/**
 * Raw snapshots and fetch state. The raw bytes of every fetched page are kept gzipped under
 * corpus/snapshots/<aa>/<sha256>.gz (the same bytes are one file), and each URL has a state record
 * (corpus/fetch-state/urls/<hash>.json): final URL, the headers that matter for the next
 * conditional request, and every revision with its fetch time, status and sha256. Every write is
 * atomic, so a run killed at any point leaves each file whole.
 */
import { sha256 } from '../core/hash.js';
import { access, readFile } from 'node:fs/promises';
import { gzipSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { checkId, inside } from '../core/safe-path.js';
import { FormatError } from '../core/errors.js';

export interface Revision {
  readonly sha256: string;
  readonly fetchedAt: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly documentId: string | null;
}

export interface UrlState {
  readonly format: 'ccg-fetch-state';
  readonly version: 1;
  readonly url: string;
  readonly finalUrl: string;
  readonly source: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastCheckedAt: string;
  readonly revisions: readonly Revision[];
}

export interface SourceState {
  readonly id: string;
  readonly lastRunAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly itemsSeen: number;
  readonly itemsNew: number;
}

export { sha256 };
const urlKey = (url: string): string => sha256(url).slice(0, 24);

export class SnapshotStore {
  constructor(private readonly corpusDir: string) {}

  private snapshotPath(hash: string): string {
    return join(this.corpusDir, 'snapshots', hash.slice(0, 2), `${hash}.gz`);
  }

  /** Stores the bytes unless the same bytes are already stored; true when a new file was written. */
  async saveSnapshot(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }> {
    const hash = sha256(bytes);
    const path = this.snapshotPath(hash);
    try {
      await access(path);
      return { sha256: hash, created: false };
    } catch {
      await writeFileAtomic(path, gzipSync(bytes));
      return { sha256: hash, created: true };
    }
  }

  /**
   * The bytes of a stored snapshot; null when there is no such snapshot. A file that cannot be
   * gunzipped, or whose bytes do not hash to its name, is a FormatError naming the file.
   */
  async readSnapshot(hash: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new FormatError(hash, 'not a snapshot name (expected 64 hexadecimal digits)');
    const path = this.snapshotPath(hash);
    let gz: Buffer;
    try {
      gz = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    let bytes: Buffer;
    try {
      bytes = gunzipSync(gz);
    } catch (e) {
      throw new FormatError(path, `corrupt snapshot (cannot gunzip: ${(e as Error).message})`);
    }
    if (sha256(bytes) !== hash) throw new FormatError(path, 'corrupt snapshot (its bytes do not match its sha256)');
    return bytes;
  }

  async readUrlState(url: string): Promise<UrlState | null> {
    const file = join(this.corpusDir, 'fetch-state', 'urls', `${urlKey(url)}.json`);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      return null;
    }
    try {
      const s = JSON.parse(raw) as UrlState;
      if (s.format !== 'ccg-fetch-state' || s.version !== 1) throw new Error('unknown format or version');
      return s;
    } catch (e) {
      throw new FormatError(file, `corrupt fetch state: ${(e as Error).message}`);
    }
  }

  async writeUrlState(state: UrlState): Promise<void> {
    await writeFileAtomic(join(this.corpusDir, 'fetch-state', 'urls', `${urlKey(state.url)}.json`), `${JSON.stringify(state, null, 1)}\n`);
  }

  async readSourceState(id: string): Promise<SourceState> {
    try {
      return JSON.parse(await readFile(inside(join(this.corpusDir, 'fetch-state', 'sources'), `${checkId(id, 'source id')}.json`), 'utf8')) as SourceState;
    } catch {
      return { id, lastRunAt: null, lastSuccessAt: null, lastError: null, itemsSeen: 0, itemsNew: 0 };
    }
  }

  async writeSourceState(state: SourceState): Promise<void> {
    await writeFileAtomic(inside(join(this.corpusDir, 'fetch-state', 'sources'), `${checkId(state.id, 'source id')}.json`), `${JSON.stringify(state, null, 1)}\n`);
  }
}
