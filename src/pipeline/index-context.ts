/**
 * What reading and writing the index needs: the archive's paths and where warnings go. Light on
 * purpose (no analysis, no stance model), so that a query starts in a fraction of a second.
 */
import { paths, type Paths } from '../core/config.js';

export interface IndexContext {
  readonly paths: Paths;
  readonly warn: (message: string) => void;
}

/** One line on stderr per warning. */
export function warnOnStderr(message: string): void {
  process.stderr.write(`ccg: warning: ${message}\n`);
}

export function indexContext(home?: string | null, warn: (message: string) => void = warnOnStderr): IndexContext {
  return { paths: paths(home), warn };
}
