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
  /**
   * The command takes a query, in which `-word` and `-"a phrase"` exclude: such an argument is a
   * query word, not a flag (flags are long, `--name`, apart from -h).
   */
  readonly queryWords?: boolean;
}

export function parse(command: string, argv: readonly string[], options: Options, arity: Arity = {}): Parsed {
  const exclusions: string[] = [];
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = /^--([^=]+)$/.exec(a)?.[1];
    if (flag && options[flag]?.type === 'string' && i + 1 < argv.length) {
      // The flag's value, whatever it starts with (--sort -date).
      args.push(`${a}=${argv[++i]!}`);
    } else if (arity.queryWords && /^-[^-\s]/.test(a) && a !== '-h') exclusions.push(a);
    else args.push(a);
  }
  let r: ReturnType<typeof parseArgs>;
  try {
    r = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${msg}`, { showUsage: true });
  }
  const values = r.values as Parsed['values'];
  const formats = OUTPUT_FORMATS.filter((f) => values[f] !== undefined && values[f] !== false);
  if (formats.length > 1) throw new UsageError(`${command}: choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}`, { showUsage: true });
  const { min = 0, max = Infinity, name = 'argument' } = arity;
  const n = r.positionals.length;
  if (n < min) throw new UsageError(`${command}: name ${min === 1 ? `at least one ${name}` : `at least ${plural(min, name)}`}`, { showUsage: true });
  if (n > max) {
    const extra = r.positionals.slice(max).map((p) => `"${p}"`).join(' ');
    throw new UsageError(`${command}: unexpected ${n - max === 1 ? 'argument' : 'arguments'} ${extra} (${command} takes ${max === 0 ? 'none' : `at most ${plural(max, name)}`})`, { showUsage: true });
  }
  return { values, positionals: [...r.positionals, ...exclusions] };
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
