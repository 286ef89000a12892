import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out } from '../output.js';
import { CcgError, UsageError } from '../../core/errors.js';

/** Opens a URL in the desktop's browser, if there is one; says so when there is not. */
async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  await new Promise<void>((resolve) => {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.once('error', () => {
      out(`(could not open a browser: open ${url} yourself)`);
      resolve();
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Serves index/site/ until the process is stopped; resolves to the exit code. */
export async function serveUntilStopped(indexDir: string, port: number, open: boolean): Promise<number> {
  const [{ existsSync }, { dirname, join }, { serveSite, siteDir }, { buildIndexHint }] = await Promise.all([import('node:fs'), import('node:path'), import('../../pipeline/site-server.js'), import('../../core/config.js')]);
  const root = siteDir(indexDir);
  if (!existsSync(join(root, 'index.html'))) throw new CcgError('E_NO_SITE', `no search page in ${root}: run ${buildIndexHint(dirname(indexDir))} first`);
  let served;
  try {
    served = await serveSite(root, { port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CcgError('E_PORT', `port ${port} on 127.0.0.1 is in use: choose another with --port N (or --port 0 for any free port)`);
    if (code === 'EACCES') throw new CcgError('E_PORT', `port ${port} needs privileges: choose a port above 1023 with --port N`);
    throw e;
  }
  out(`Serving ${root} at ${served.url} (Ctrl-C to stop)`);
  if (open) await openBrowser(served.url);
  return new Promise((resolve) => {
    const stop = (): void => {
      served.server.close(() => resolve(0));
      served.server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** A --port value: a whole number 0–65535. */
export function portOf(value: string | undefined, command: string): number {
  if (value === undefined) return 8080;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`${command}: --port ${value} is not a port (a whole number from 0 to 65535; 0 takes any free port)`);
  return Number(value);
}

export const serve: Command = {
  name: 'serve',
  summary: 'serve the static search page (index/site/) on 127.0.0.1',
  usage: 'ccg serve [--port N] [--open]',
  help: `Serves the search page that "ccg index" writes into index/site/ on 127.0.0.1 (this machine
only), until stopped with Ctrl-C. The page works from the folder too (open index/site/index.html);
serving it adds compression and caching, and is how it would run on any static host.

  --port N   the port (default 8080; 0 takes any free port)
  --open     open the page in the desktop's browser

Examples:
  ccg serve --port 8080 --open
  ccg --home ~/ccg-archive serve --port 0     another archive folder, on any free port`,
  home: 'reads',
  async run(argv, global) {
    const { values } = parse('serve', argv, { port: { type: 'string' }, open: { type: 'boolean' } }, { max: 0 });
    const port = portOf(values.port as string | undefined, 'serve');
    const { indexContext } = await import('../../pipeline/index-context.js');
    return serveUntilStopped(indexContext(global.home).paths.index, port, Boolean(values.open));
  },
};
