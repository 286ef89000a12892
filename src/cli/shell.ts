/** Commands printed for the user to copy: they must run as printed, in the same archive. */
import { homeArgs, homeFolder } from '../core/config.js';
import { shellQuote } from '../core/shell-quote.js';

export { shellQuote };

/**
 * "--home DIR " (absolute, quoted) when the archive is not the one ccg finds by itself (CCG_HOME,
 * else the project), so that a printed command reaches the same archive; "" otherwise.
 */
export function homeFlag(home: string | null): string {
  return homeArgs(homeFolder(home).path);
}
