import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, err } from '../output.js';
import { describeIndex } from './index-cmd.js';
import { addSummary } from './add.js';
import { plural } from '../../core/plural.js';
import { UsageError } from '../../core/errors.js';
import { pathToFileURL } from 'node:url';
import { portOf, serveUntilStopped } from './serve.js';
import { homeFlag } from '../shell.js';

export const start: Command = {
  name: 'start',
  summary: 'the main job: add the shipped documents, build the index, say how to search',
  usage: 'ccg start [--offline] [--serve [--port N]]',
  help: `What "npm start" runs: adds every document listed in sources/local/manifest.json to the
corpus (already stored ones are left as they are; an archive folder without its own
sources/local/ gets the project's), fetches what is new from the registered
sources (ccg ingest), builds the search index, and prints how to search it. Without a network
each source says so in one line and the archive is built from what is stored.

  --offline   do not fetch; build from what is stored
  --serve     then serve the search page on 127.0.0.1 (as "ccg serve" does) until stopped
  --port N    the port for --serve (default 8080)`,
  home: 'creates',
  async run(argv, global) {
    const [{ createContext }, { addFiles, localManifest }, { indexCorpus }, { ingest }, { loadRegistry }, { progressReporter }] = await Promise.all([
      import('../../pipeline/context.js'), import('../../pipeline/add.js'), import('../../pipeline/index-corpus.js'), import('../../pipeline/ingest.js'), import('../../sources/index.js'), import('../progress.js'),
    ]);
    const { values } = parse('start', argv, { offline: { type: 'boolean' }, serve: { type: 'boolean' }, port: { type: 'string' } }, { max: 0 });
    if (values.port !== undefined && !values.serve) throw new UsageError('start: --port goes with --serve', { showUsage: true });
    const port = portOf(values.port as string | undefined, 'start');
    const ctx = createContext(global.home);
    const files = localManifest(ctx).map((d) => d.path);
    out(`Adding ${plural(files.length, 'local document')}…`);
    const results = await addFiles(ctx, files, { addedBy: 'npm start' });
    for (const r of results) if (r.status === 'failed') err(`  failed: ${r.error}`);
    out(`  ${addSummary(results)}`);
    if (!values.offline) {
      const registry = loadRegistry(ctx.paths.registry);
      for (const e of registry.errors) err(`  ${e.message} (source skipped)`);
      const sources = registry.sources.filter((x) => x.enabled);
      out(`Fetching from ${plural(sources.length, 'registered source')}…`);
      const progress = progressReporter(sources.length, process.stdout);
      // Short timeouts: npm start must finish promptly on a machine without internet.
      await ingest(ctx, { sources, onEvent: progress.onEvent, http: { connectTimeout: 5000, responseTimeout: 15000, retries: 1 } });
      progress.done();
    }
    const s = await indexCorpus(ctx);
    for (const p of s.problems) err(`  skipped ${p.message} (run "ccg ${homeFlag(global.home)}verify --repair")`);
    if (s.fullReason) out(`Rebuilt the whole index: ${s.fullReason}.`);
    out(describeIndex(s));
    out('');
    const h = homeFlag(global.home);
    const search: Array<readonly [string, string]> = [
      [`npm run ccg -- ${h}quotes '"barking mad"'`, 'quotes by their words (a phrase)'],
      [`npm run ccg -- ${h}quotes 'speaker:"Julie Wood"'`, 'quotes by speaker'],
      [`npm run ccg -- ${h}quotes org:BMA --cite`, 'the BMA and its GPC, with citations'],
      [`npm run ccg -- ${h}search "conflict of interest" --facets`, 'documents, with snippets and counts'],
      [`npm run ccg -- ${h}timeline --org "NHS England"`, 'positions over time'],
      [`npm run ccg -- ${h}who commissioning`, 'who said most about a subject'],
      ['npm run ccg -- --help', 'every command; "ccg quotes --help" for the query language'],
    ];
    const serveRow = [`npm run ccg -- ${h}serve --open`, 'the same page on http://127.0.0.1:8080/'] as const;
    const width = Math.max(...[...search, serveRow].map(([c]) => c.length));
    const show = ([c, what]: readonly [string, string]): void => out(`  ${c.padEnd(width)}  ${what}`);
    out('Search the archive:');
    search.forEach(show);
    out('');
    out('Search it in a browser:');
    out(`  ${pathToFileURL(s.site.page).href}`);
    show(serveRow);
    const code = results.some((r) => r.status === 'failed') || s.problems.length ? 1 : 0;
    if (!values.serve) return code;
    out('');
    await serveUntilStopped(ctx.paths.index, port, false);
    return code;
  },
};
