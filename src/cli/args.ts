/**
 * Argument parsing with node:util's parseArgs (strict: an unknown flag is a usage error), so that
 * every command states its flags as data.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

export function parse(command: string, argv: readonly string[], options: Options): Parsed {
  try {
    const r = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${msg}`);
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
