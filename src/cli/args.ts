/**
 * Argument parsing with node:util's parseArgs (strict: an unknown flag is a usage error), so that
 * every command states its flags as data: its options, and how many positional arguments it takes.
 * Two output formats at once (--json --csv) are refused for every command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';
import { plural } from '../core/plural.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

/** The flags that choose an output format: at most one of them per command line. */
export const OUTPUT_FORMATS = ['json', 'jsonl', 'csv'] as const;

/** How many positional arguments a command takes, and what they are called in messages. */
export interface Arity {
  readonly min?: number;
  readonly max?: number;
  /** What one positional argument is ("FILE or URL"), for "name at least one …". */
  readonly name?: string;
}

export function parse(command: string, argv: readonly string[], options: Options, arity: Arity = {}): Parsed {
  let r: ReturnType<typeof parseArgs>;
  try {
    r = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${msg}`);
  }
  const values = r.values as Parsed['values'];
  const formats = OUTPUT_FORMATS.filter((f) => values[f] !== undefined && values[f] !== false);
  if (formats.length > 1) throw new UsageError(`${command}: choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}`);
  const { min = 0, max = Infinity, name = 'argument' } = arity;
  const n = r.positionals.length;
  if (n < min) throw new UsageError(`${command}: name ${min === 1 ? `at least one ${name}` : `at least ${plural(min, name)}`}`);
  if (n > max) {
    const extra = r.positionals.slice(max).map((p) => `"${p}"`).join(' ');
    throw new UsageError(`${command}: unexpected ${n - max === 1 ? 'argument' : 'arguments'} ${extra} (${command} takes ${max === 0 ? 'none' : `at most ${plural(max, name)}`})`);
  }
  return { values, positionals: r.positionals };
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
