import type { Command } from '../command.js';
import { basename } from 'node:path';
import { homeFlag } from '../shell.js';
import { parse, str } from '../args.js';
import { out, err } from '../output.js';
import { UsageError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';

export const ingest: Command = {
  name: 'ingest',
  summary: 'fetch what is new from every registered source, then store and index it',
  usage: 'ccg ingest [--source ID]... [--max-items N] [--concurrency N] [--no-index] [--json]',
  help: `Fetches each enabled source in sources/registry/ politely (robots.txt, one request at a
time per host at the source's rate), keeps the raw snapshot of every page under corpus/snapshots
with its provenance, extracts and analyses it, stores the document and rebuilds the index.
A second run fetches only what is new or changed (ETag, Last-Modified, content hash). A run that
is stopped at any point loses nothing already stored; run it again to go on. Without a network,
each source says so in one line and the archive keeps what it has. A page whose document was
taken out by "ccg remove" is skipped (its check is recorded, nothing is stored).

  --source ID        only this source (repeatable)
  --max-items N      at most N items per source
  --concurrency N    requests in flight over all hosts (default 8)
  --no-index         do not rebuild the index afterwards
  --json             one JSON summary per source, for scripts

Exit status: 0 when every source and item went through, or the network is down (each source says
"offline"); 1 when a registry file, a source or an item failed — everything else is still stored,
and the next run tries the failed items again.

Examples:
  ccg ingest
  ccg ingest --source pulse --max-items 20`,
  home: 'creates',
  async run(argv, global) {
    const [{ loadRegistry }, { createContext }, { indexCorpus }, { ingest: runIngest }, { progressReporter }] = await Promise.all([
      import('../../sources/index.js'), import('../../pipeline/context.js'), import('../../pipeline/index-corpus.js'), import('../../pipeline/ingest.js'), import('../progress.js'),
    ]);
    const { values } = parse('ingest', argv, {
      source: { type: 'string', multiple: true },
      'max-items': { type: 'string' },
      concurrency: { type: 'string' },
      'no-index': { type: 'boolean' },
      json: { type: 'boolean' },
    }, { max: 0 });
    const num = (name: string): number | undefined => {
      const v = str(values[name]);
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`ingest: --${name} must be a positive whole number; got ${JSON.stringify(v)}`);
      return n;
    };
    const ctx = createContext(global.home);
    const registry = loadRegistry(ctx.paths.registry);
    for (const e of registry.errors) err(`ccg: ${e.message} (source skipped)`);
    const wanted = (values.source as string[] | undefined) ?? [];
    for (const id of wanted) {
      if (registry.sources.some((s) => s.id === id)) continue;
      const invalid = registry.errors.some((e) => basename((e as { file?: string }).file ?? '') === `${id}.json`);
      throw new UsageError(invalid ? `ingest: the source "${id}" is not valid: its file is named above` : `ingest: no source "${id}" in ${ctx.paths.registry}`);
    }
    if (!registry.sources.length && !registry.errors.length && !values.json) out(`No sources in ${ctx.paths.registry}: "ccg ${homeFlag(global.home)}sources add URL" registers one.`);
    const sources = registry.sources.filter((s) => (wanted.length ? wanted.includes(s.id) : s.enabled)).map((s) => ({ ...s, enabled: true }));
    const progress = values.json ? null : progressReporter(sources.length);
    const maxItems = num('max-items');
    const concurrency = num('concurrency');
    const summaries = await runIngest(ctx, {
      sources,
      ...(maxItems ? { maxItems } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(progress ? { onEvent: progress.onEvent } : {}),
    });
    progress?.done();
    if (values.json) for (const s of summaries) out(JSON.stringify(s));
    const total = (k: 'new' | 'updated' | 'unchanged' | 'failed'): number => summaries.reduce((n, s) => n + s[k], 0);
    const offline = summaries.filter((s) => s.offline).length;
    if (!values.json) out(`${plural(summaries.length, 'source')}: ${total('new')} new, ${total('updated')} updated, ${total('unchanged')} unchanged, ${total('failed')} failed${offline ? `; ${offline} offline` : ''}`);
    if (!values['no-index']) {
      const s = await indexCorpus(ctx);
      for (const p of s.problems) err(`ccg ingest: skipped ${p.message} (run "ccg ${homeFlag(global.home)}verify --repair")`);
      if (!values.json) out(`Indexed ${plural(s.documents, 'document')} and ${plural(s.quotes, 'quote')}.`);
      if (s.problems.length) return 1;
    }
    return registry.errors.length || summaries.some((s) => (s.error && !s.offline) || s.failed > 0) ? 1 : 0;
  },
};
