#!/usr/bin/env node
/**
 * The ccg command line. Exit codes: 0 ok, 1 failure, 2 bad usage. An expected failure (a CcgError,
 * or a file-system error such as a full disk or a read-only folder) prints one line naming the
 * path and what to do; anything else is a bug and prints its stack and where to report it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CcgError, UsageError, isFileSystemError, toStorageError } from '../core/errors.js';
import { checkHome, PACKAGE_ROOT } from '../core/config.js';
import type { Command, GlobalOptions } from './command.js';
import { commands } from './commands/index.js';
import { err, out } from './output.js';

interface PackageInfo {
  readonly version?: string;
  readonly bugs?: string | { readonly url?: string };
}

function packageInfo(): PackageInfo {
  try {
    return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageInfo;
  } catch {
    return {};
  }
}

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
    '  --home DIR      where sources/, corpus/ and index/ live (default: the project folder, or $CCG_HOME)',
    '  -h, --help      help for ccg or for a command (ccg COMMAND --help)',
    '  -V, --version   the version of ccg',
    '',
    'The search page: "ccg index" (and so "npm start") writes it into index/site/; open',
    'index/site/index.html in a browser (offline, no server) or run "ccg serve --open".',
    'The query language (phrases, -exclusions, OR, speaker:, org:, stance:, since:): ccg quotes --help',
    '',
    'Examples:',
    '  ccg start --offline                           build the archive from what is stored',
    '  ccg quotes "conflict of interest" --cite      quotes with citations to paste',
    '  ccg extract report.pdf --json                 preview a PDF report: quotes with their pages',
    '  ccg add report.pdf && ccg index               store it and make it searchable',
    '  ccg --home ~/ccg-archive serve --open         the search page of another archive folder',
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
      if (!v) throw new UsageError('--home needs a folder', { showUsage: true });
      home = v;
    } else if (a.startsWith('--home=')) {
      home = a.slice(7);
      if (!home) throw new UsageError('--home needs a folder', { showUsage: true });
    } else rest.push(a);
  }
  return { global: { home }, rest };
}

/** The lines printed for a bug: the stack, then where to report it. */
function bugReport(e: unknown): string {
  const pkg = packageInfo();
  const where = (typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url) ?? "the ccg-archive project's issue tracker";
  return [
    `ccg: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    `ccg: this is a bug in ccg ${pkg.version ?? ''}, not something you did. Please report it to ${where}, with the command you ran and the lines above.`,
  ].join('\n');
}

/** Prints an error in one line (or, for a bug, with its stack) and gives the exit code. */
function report(e: unknown, command: Command | undefined): number {
  if (e instanceof UsageError) {
    if (!e.showUsage) {
      err(`ccg: ${e.message}`);
      return 2;
    }
    err(`ccg: ${e.message}\n`);
    err(command ? `Usage: ${command.usage}\n(ccg ${command.name} --help for more)` : usage());
    return 2;
  }
  // A file-system error that the layer below did not name is still an expected failure.
  const known = isFileSystemError(e) ? toStorageError(e) : e;
  if (known instanceof CcgError) {
    err(`ccg: ${known.message}`);
    return 1;
  }
  err(bugReport(e));
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  let command: Command | undefined;
  try {
    const { global, rest } = globals(argv);
    const [name, ...args] = rest;
    if (name === '-V' || name === '--version') {
      out(`ccg ${packageInfo().version ?? 'unknown'}`);
      return 0;
    }
    if (!name || name === '-h' || name === '--help' || name === 'help') {
      const target = name === 'help' ? commands.find((c) => c.name === args[0]) : undefined;
      out(target ? `Usage: ${target.usage}\n\n${target.help}` : usage());
      return 0;
    }
    command = commands.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}"`, { showUsage: true });
    if (args.includes('-h') || args.includes('--help')) {
      out(`Usage: ${command.usage}\n\n${command.help}`);
      return 0;
    }
    const use = typeof command.home === 'function' ? command.home(args) : command.home;
    const home = use === 'none' ? null : checkHome(global.home, use);
    try {
      return await command.run(args, global);
    } finally {
      // A command that creates the archive folder says so once it exists (not on a usage error).
      if (home?.missing && existsSync(home.path)) err(`ccg: created the archive folder ${home.path}`);
    }
  } catch (e) {
    return report(e, command);
  }
}

// Output piped into a command that stops reading (ccg quotes … | head) ends the run quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// A failure outside the command's own promise (a stray callback) is reported like any other.
process.on('uncaughtException', (e) => process.exit(report(e, undefined)));
process.on('unhandledRejection', (e) => process.exit(report(e, undefined)));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = report(e, undefined);
  },
);
