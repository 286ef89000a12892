/** Commands printed for the user to copy: they must run as printed, in the same archive. */
import { resolve } from 'node:path';

/** A word quoted for a POSIX shell when it holds anything but safe characters. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * "--home DIR " (absolute, quoted) when the command was run with --home, so that a printed command
 * reaches the same archive; "" otherwise (the default folder, or $CCG_HOME, which stays set).
 */
export function homeFlag(home: string | null): string {
  return home === null ? '' : `--home ${shellQuote(resolve(home))} `;
}
