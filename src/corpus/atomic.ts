/**
 * Atomic file writes: the data goes to a temporary file beside the target, is flushed to disk,
 * and is renamed over the target, so that a reader (or a run killed half-way) sees the old file
 * or the new one, never a torn one. A write that fails (a full disk, a read-only folder, a
 * permission) removes its temporary file, leaves the target as it was, and throws a StorageError
 * that names the target, the reason and what to do.
 */
import { open, rename, mkdir, unlink, readFile, readdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { toStorageError } from '../core/errors.js';
import { faultFor, faultError, type FaultStep } from './faults.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const fault = faultFor(path);
  const failAt = (step: FaultStep, syscall: string, p: string): void => {
    if (fault?.at === step) throw faultError(fault, syscall, p);
  };
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let written = false;
  try {
    failAt('mkdir', 'mkdir', dirname(path));
    await mkdir(dirname(path), { recursive: true });
    failAt('open', 'open', tmp);
    const fh = await open(tmp, 'wx');
    written = true;
    try {
      if (fault?.at === 'write') {
        const bytes = typeof data === 'string' ? Buffer.from(data) : data;
        await fh.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        throw faultError(fault, 'write', tmp);
      }
      await fh.writeFile(data);
      failAt('sync', 'fsync', tmp);
      await fh.sync();
    } finally {
      await fh.close();
    }
    failAt('rename', 'rename', tmp);
    await rename(tmp, path);
  } catch (err) {
    if (written) await unlink(tmp).catch(() => undefined);
    throw toStorageError(err, 'write', path);
  }
}

/**
 * Writes these files atomically, `atOnce` at a time. Every write of a batch is waited for before
 * the first failure is thrown, so that a caller removing what was written finds nothing still
 * being written (a late write would make its folder again).
 */
export async function writeFilesAtomic(files: ReadonlyArray<readonly [string, string | Uint8Array]>, atOnce = 16): Promise<void> {
  for (let i = 0; i < files.length; i += atOnce) {
    const results = await Promise.allSettled(files.slice(i, i + atOnce).map(([path, data]) => writeFileAtomic(path, data)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** A stored file's text, or null when there is none; any other failure is a StorageError. */
export async function readStored(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toStorageError(err, 'read', path);
  }
}

/** A folder's entries, or null when there is no folder; any other failure is a StorageError. */
export async function listStored(dir: string): Promise<string[] | null> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toStorageError(err, 'list the folder', dir);
  }
}
