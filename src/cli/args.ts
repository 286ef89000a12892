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

/**
 * `queryWords`: the command takes a query, in which `-word` and `-"a phrase"` exclude; such an
 * argument is a query word, not a flag (flags are long, `--name`, apart from -h).
 */
export function parse(command: string, argv: readonly string[], options: Options, settings: { queryWords?: boolean } = {}): Parsed {
  const exclusions: string[] = [];
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = /^--([^=]+)$/.exec(a)?.[1];
    if (flag && options[flag]?.type === 'string' && i + 1 < argv.length) {
      // The flag's value, whatever it starts with (--sort -date).
      args.push(`${a}=${argv[++i]!}`);
    } else if (settings.queryWords && /^-[^-\s]/.test(a) && a !== '-h') exclusions.push(a);
    else args.push(a);
  }
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: [...r.positionals, ...exclusions] };
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${msg}`);
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
