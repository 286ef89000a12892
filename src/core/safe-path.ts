/**
 * Paths built from user input (a source id, a document id, a file name) never leave their folder.
 * An id is lower-case letters, digits and hyphens; a joined path is checked to stay inside its
 * folder after resolution, so `../evil`, absolute paths and empty names are refused wherever they
 * come from.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CcgError } from './errors.js';

/** What an id built from user input may look like: `[a-z0-9-]+`, starting with a letter or digit. */
export const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A path that would leave its folder. */
export class PathError extends CcgError {
  constructor(message: string) {
    super('E_PATH', message);
  }
}

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

/** Throws a PathError naming `what` unless `id` is a safe id. */
export function checkId(id: string, what = 'id'): string {
  if (!isSafeId(id)) throw new PathError(`${what} "${id}": expected lower-case letters, digits and hyphens (at most 63), starting with a letter or digit`);
  return id;
}

/** `folder/…parts`, refused when the result is the folder itself or lies outside it. */
export function inside(folder: string, ...parts: string[]): string {
  const base = resolve(folder);
  const target = resolve(base, ...parts);
  const rel = relative(base, target);
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new PathError(`${parts.join('/')}: refused, the path would leave ${base}`);
  }
  return target;
}
