/** Commands printed for the user to copy: they must run as printed, in the same archive. */
import { resolve } from 'node:path';

import { shellQuote } from '../core/shell-quote.js';

export { shellQuote };

/**
 * "--home DIR " (absolute, quoted) when the command was run with --home, so that a printed command
 * reaches the same archive; "" otherwise (the default folder, or $CCG_HOME, which stays set).
 */
export function homeFlag(home: string | null): string {
  return home === null ? '' : `--home ${shellQuote(resolve(home))} `;
}
