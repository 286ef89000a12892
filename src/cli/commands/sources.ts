import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from '../command.js';
import { parse, str } from '../args.js';
import { out, err, bold, dim } from '../output.js';
import { UsageError } from '../../core/errors.js';
import { loadRegistry } from '../../sources/index.js';
import { paths } from '../../core/config.js';
import { plural } from '../../core/plural.js';
import { SnapshotStore, writeFileAtomic } from '../../corpus/index.js';
import { discoverSource, previewItems } from '../../pipeline/discover-source.js';

const DEFAULT_TOPICS = ['ccg*', 'clinical commissioning', 'commissioning group*', 'co-commissioning', 'delegated commissioning', 'primary care commissioning', 'icb*', 'integrated care board*', 'nhs clinical commissioners'];

async function list(home: string | null, json: boolean): Promise<number> {
  const p = paths(home);
  const reg = loadRegistry(p.registry);
  for (const e of reg.errors) err(`ccg: ${e.message}`);
  if (json) out(JSON.stringify(reg.sources.map(({ file: _file, ...s }) => s), null, 2));
  else {
    for (const s of reg.sources) out(`${s.enabled ? ' ' : '-'} ${bold(s.id.padEnd(24))} ${s.kind.padEnd(8)} ${s.publisher} ${dim(s.urls[0] ?? '')}${s.urls.length > 1 ? dim(` (+${s.urls.length - 1})`) : ''}`);
    out(dim(`${plural(reg.sources.length, 'source')} in ${p.registry}${reg.errors.length ? `; ${reg.errors.length} invalid` : ''} ('-' = disabled)`));
  }
  return reg.errors.length ? 1 : 0;
}

async function check(home: string | null, json: boolean): Promise<number> {
  const p = paths(home);
  const reg = loadRegistry(p.registry);
  const store = new SnapshotStore(p.corpus);
  const states = await Promise.all(reg.sources.map((s) => store.readSourceState(s.id)));
  if (json) out(JSON.stringify(states, null, 2));
  else for (const s of states) out(`${bold(s.id.padEnd(24))} last success ${s.lastSuccessAt ?? 'never'} · last error ${s.lastError ?? 'none'} · items seen ${s.itemsSeen} (${s.itemsNew} new)`);
  for (const e of reg.errors) err(`ccg: ${e.message}`);
  return reg.errors.length ? 1 : 0;
}

async function add(home: string | null, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('sources add', argv, {
    id: { type: 'string' }, name: { type: 'string' }, publisher: { type: 'string' }, topics: { type: 'string' },
    'no-topics': { type: 'boolean' }, yes: { type: 'boolean' }, json: { type: 'boolean' },
  });
  const url = positionals[0];
  if (!url || positionals.length > 1) throw new UsageError('sources add: name one URL');
  try { new URL(url); } catch { throw new UsageError(`sources add: not a URL: "${url}"`); }
  const found = await discoverSource(url);
  const preview = await previewItems(found.items, 5);
  const host = new URL(found.url).hostname.replace(/^www\./, '');
  const id = str(values.id) ?? (host.split('.').slice(0, -1).join('-').replace(/[^a-z0-9-]/g, '-').slice(0, 40) || 'source');
  const topics = values['no-topics'] ? [] : str(values.topics)?.split(',').map((t) => t.trim()).filter(Boolean) ?? DEFAULT_TOPICS;
  const source = {
    id, name: str(values.name) ?? host, publisher: str(values.publisher) ?? host, kind: found.kind, urls: [found.url],
    rateLimit: { intervalMs: 1000 }, topics, enabled: true,
  };
  const p = paths(home);
  const file = join(p.registry, `${id}.json`);
  if (values.json) out(JSON.stringify({ source, items: found.items.length, preview, file }, null, 2));
  else {
    out(`Found a ${bold(found.kind)} at ${found.url} listing ${plural(found.items.length, 'item')}. The first:`);
    for (const it of preview) out(`  ${it.published ?? 'undated   '}  ${it.title ?? '(no title)'}  ${dim(it.url)}${it.error ? `  (${it.error})` : ''}`);
  }
  if (existsSync(file)) throw new UsageError(`sources add: ${file} already exists; choose another --id`);
  let ok = Boolean(values.yes);
  if (!ok && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    ok = /^y(es)?$/i.test((await rl.question(`Write ${file}? [y/N] `)).trim());
    rl.close();
  }
  if (!ok) {
    if (!values.json) out(`Nothing written. Run again with --yes to write ${file}.`);
    return 0;
  }
  await writeFileAtomic(file, `${JSON.stringify(source, null, 1)}\n`);
  if (!values.json) out(`Wrote ${file}. Run "ccg ingest --source ${id}" to fetch it.`);
  return 0;
}

export const sources: Command = {
  name: 'sources',
  summary: 'list, add and check the sources in the registry',
  usage: 'ccg sources list [--json] | ccg sources add URL [--id ID] [--publisher P] [--topics a,b] [--yes] | ccg sources check [--json]',
  help: `The registry is one JSON file per source in sources/registry/.

  list            every source: id, kind, publisher, URL ('-' marks a disabled one)
  add URL         finds the site's feed (the URL itself, <link rel="alternate">, /feed, /rss…) or
                  its sitemap (robots.txt), shows the first items it would ingest with their
                  titles and dates, and writes sources/registry/ID.json after you confirm
                  (or with --yes). --topics sets the terms an item must name (default: CCG terms);
                  --no-topics keeps everything.
  check           each source's last success, last error and items seen

Examples:
  ccg sources list
  ccg sources add https://www.pulsetoday.co.uk/ --id pulse --publisher Pulse --yes
  ccg sources check --json`,
  home: (argv) => (argv[0] === 'add' ? 'creates' : 'reads'),
  async run(argv, global) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(global.home, Boolean(parse('sources list', rest, { json: { type: 'boolean' } }, { max: 0 }).values.json));
    if (sub === 'check') return check(global.home, Boolean(parse('sources check', rest, { json: { type: 'boolean' } }, { max: 0 }).values.json));
    if (sub === 'add') return add(global.home, rest);
    throw new UsageError(sub ? `sources: unknown subcommand "${sub}"` : 'sources: name a subcommand: list, add or check');
  },
};
