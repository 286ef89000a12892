#!/usr/bin/env node
/**
 * The ccg command line. Exit codes: 0 ok, 1 failure, 2 bad usage. A known error (CcgError) prints
 * one line; anything else is a bug and prints its stack.
 */
import { CcgError, UsageError } from '../core/errors.js';
import type { Command, GlobalOptions } from './command.js';
import { commands } from './commands/index.js';
import { err, out } from './output.js';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'ccg — an archive of who said what about NHS clinical commissioning groups and primary care',
    '',
    'Usage: ccg COMMAND [options]      (npm run ccg -- COMMAND [options])',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --home DIR   where sources/, corpus/ and index/ live (default: the project folder, or $CCG_HOME)',
    '  -h, --help   help for ccg or for a command (ccg COMMAND --help)',
  ].join('\n');
}

/** Takes the global flags out of argv wherever they stand. */
function globals(argv: string[]): { global: GlobalOptions; rest: string[] } {
  const rest: string[] = [];
  let home: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--home') {
      const v = argv[++i];
      if (!v) throw new UsageError('--home needs a folder');
      home = v;
    } else if (a.startsWith('--home=')) home = a.slice(7);
    else rest.push(a);
  }
  return { global: { home }, rest };
}

export async function main(argv: string[]): Promise<number> {
  let command: Command | undefined;
  try {
    const { global, rest } = globals(argv);
    const [name, ...args] = rest;
    if (!name || name === '-h' || name === '--help' || name === 'help') {
      const target = name === 'help' ? commands.find((c) => c.name === args[0]) : undefined;
      out(target ? `Usage: ${target.usage}\n\n${target.help}` : usage());
      return 0;
    }
    command = commands.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (args.includes('-h') || args.includes('--help')) {
      out(`Usage: ${command.usage}\n\n${command.help}`);
      return 0;
    }
    return await command.run(args, global);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`ccg: ${e.message}\n`);
      err(command ? `Usage: ${command.usage}\n(ccg ${command.name} --help for more)` : usage());
      return 2;
    }
    if (e instanceof CcgError) {
      err(`ccg: ${e.message}`);
      return 1;
    }
    err(`ccg: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

// Output piped into a command that stops reading (ccg quotes … | head) ends the run quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(String(e));
    process.exitCode = 1;
  },
);
