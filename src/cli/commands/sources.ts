import { existsSync } from 'node:fs';
import { homeFlag } from '../shell.js';
import { createInterface } from 'node:readline/promises';
import type { Command } from '../command.js';
import { parse, str } from '../args.js';
import { out, err, bold, dim } from '../output.js';
import { UsageError } from '../../core/errors.js';
import { checkId, inside, PathError } from '../../core/safe-path.js';
import { plural } from '../../core/plural.js';
import { paths } from '../../core/config.js';

/** Items previewed before a source is registered. */
const PREVIEW_ITEMS = 5;

const DEFAULT_TOPICS = ['ccg*', 'clinical commissioning', 'commissioning group*', 'co-commissioning', 'delegated commissioning', 'primary care commissioning', 'icb*', 'integrated care board*', 'nhs clinical commissioners'];

async function list(home: string | null, json: boolean): Promise<number> {
  const { loadRegistry } = await import('../../sources/index.js');
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
  const [{ loadRegistry }, { SnapshotStore }] = await Promise.all([import('../../sources/index.js'), import('../../corpus/index.js')]);
  const p = paths(home);
  const reg = loadRegistry(p.registry);
  const store = new SnapshotStore(p.corpus);
  const states = await Promise.all(reg.sources.map((s) => store.readSourceState(s.id)));
  if (json) out(JSON.stringify(states, null, 2));
  else for (const s of states) out(`${bold(s.id.padEnd(24))} last success ${s.lastSuccessAt ?? 'never'} · last error ${s.lastError ?? 'none'} · items seen ${s.itemsSeen} (${s.itemsNew} new)`);
  for (const e of reg.errors) err(`ccg: ${e.message}`);
  return reg.errors.length ? 1 : 0;
}

/** The registry file for a source id: the id must be safe, and the file stays inside the registry. */
function registryFile(registryDir: string, id: string): string {
  try {
    checkId(id, '--id');
    return inside(registryDir, `${id}.json`);
  } catch (e) {
    if (e instanceof PathError) throw new UsageError(`sources add: ${e.message}`);
    throw e;
  }
}

/**
 * What the librarian says the URL is, if anything: a single page (`--kind page`), a listing of the
 * links matching a pattern (`--link-pattern RE`), a listing whose pattern is to be guessed
 * (`--kind listing`), or undefined to let discovery decide.
 */
function sourceKindAsked(kind: string | undefined, linkPattern: string | undefined): { kind: 'page' } | { kind: 'listing'; linkPattern?: string } | undefined {
  if (kind !== undefined && kind !== 'page' && kind !== 'listing') throw new UsageError(`sources add: --kind must be page or listing (feeds and sitemaps are found by themselves); got "${kind}"`);
  if (linkPattern !== undefined) {
    if (kind === 'page') throw new UsageError('sources add: --link-pattern is for a listing page; leave out --kind page');
    try { new RegExp(linkPattern); } catch (e) { throw new UsageError(`sources add: --link-pattern "${linkPattern}" is not a regular expression (${(e as Error).message})`); }
    return { kind: 'listing', linkPattern };
  }
  return kind === 'page' ? { kind: 'page' } : kind === 'listing' ? { kind: 'listing' } : undefined;
}

async function add(home: string | null, argv: readonly string[]): Promise<number> {
  const [{ validateSource }, { writeFileAtomic }, { Fetcher }, { createContext }, { discoverSource, previewSource }] = await Promise.all([
    import('../../sources/index.js'), import('../../corpus/index.js'), import('../../fetch/fetcher.js'), import('../../pipeline/context.js'), import('../../pipeline/discover-source.js'),
  ]);
  const { values, positionals } = parse('sources add', argv, {
    id: { type: 'string' }, name: { type: 'string' }, publisher: { type: 'string' }, topics: { type: 'string' },
    'no-topics': { type: 'boolean' }, interval: { type: 'string' }, yes: { type: 'boolean' }, json: { type: 'boolean' },
    kind: { type: 'string' }, 'link-pattern': { type: 'string' },
  });
  const url = positionals[0];
  if (!url || positionals.length > 1) throw new UsageError('sources add: name one URL', { showUsage: true });
  let host: string;
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) throw new Error('not http');
    host = u.hostname.replace(/^www\./, '');
  } catch {
    throw new UsageError(`sources add: not an http(s) URL: "${url}"`);
  }
  for (const flag of ['name', 'publisher'] as const) {
    if (str(values[flag])?.trim() === '') throw new UsageError(`sources add: --${flag} must not be empty`);
  }
  const id = str(values.id) ?? (host.split('.').slice(0, -1).join('-').replace(/[^a-z0-9-]/g, '-').replace(/^-+/, '').slice(0, 40) || 'source');
  const intervalText = str(values.interval);
  const intervalMs = intervalText === undefined ? 1000 : Number(intervalText);
  if (!Number.isInteger(intervalMs) || intervalMs < 0) throw new UsageError(`sources add: --interval must be a whole number of milliseconds; got ${JSON.stringify(intervalText)}`);
  const as = sourceKindAsked(str(values.kind), str(values['link-pattern']));
  const p = paths(home);
  const file = registryFile(p.registry, id);
  // Before anything is fetched: a source that is already there is not previewed again.
  if (existsSync(file)) throw new UsageError(`sources add: ${file} already exists; choose another --id`);
  const topics = values['no-topics'] ? [] : str(values.topics)?.split(',').map((t) => t.trim()).filter(Boolean) ?? DEFAULT_TOPICS;

  const ctx = createContext(home);
  // One polite visitor: robots.txt first, one request at a time at the source's rate, each URL once.
  const fetcher = new Fetcher({ once: true });
  const found = await discoverSource(fetcher, url, intervalMs, as);
  if (as?.kind === 'listing' && found.kind !== 'listing') {
    throw new UsageError(`sources add: ${url}: no links to articles in one section of the site were found; give the articles' URL pattern with --link-pattern RE`);
  }
  const entry = {
    id, name: str(values.name) ?? found.title ?? host, publisher: str(values.publisher) ?? host, kind: found.kind, urls: [found.url],
    ...(found.linkPattern ? { linkPattern: found.linkPattern } : {}),
    rateLimit: { intervalMs }, topics, enabled: true,
  };
  const source = validateSource(entry, file);
  const preview = await previewSource(ctx, fetcher, source, PREVIEW_ITEMS);
  if (values.json) out(JSON.stringify({ source: entry, items: preview.listed, topical: preview.topical, preview: preview.items, file }, null, 2));
  else {
    const named = found.title ? ` ("${found.title}")` : '';
    const listed = found.kind === 'page' ? '' : ` listing ${plural(preview.listed, 'item')}`;
    const onTopic = found.kind === 'page' || !topics.length ? '' : `, ${preview.topical} of them on its topics`;
    out(`Found ${bold(found.noun)} at ${found.url}${named}${listed}${onTopic}.`);
    if (found.linkPattern) out(dim(`Its articles are the links matching ${found.linkPattern} (--link-pattern sets another; --kind page registers the page alone)`));
    if (onTopic) out(dim(`Topics: ${topics.join(', ')} (--topics sets others, --no-topics keeps everything)`));
    if (preview.items.length) out(found.kind === 'page' ? 'It yields:' : `The first ${preview.items.length === 1 ? 'one' : preview.items.length}:`);
    else if (preview.listed) out('None of them names its topics.');
    for (const it of preview.items) {
      const quotes = it.quotes === undefined ? '' : `  (${plural(it.quotes, 'quote')})`;
      out(`  ${it.published ?? 'undated   '}  ${it.title ?? '(no title)'}${quotes}  ${dim(it.url)}${it.error ? `  (${it.error})` : ''}`);
    }
    const kept = preview.items.filter((it) => !it.error).length;
    if (kept) out(dim(`(${plural(kept, 'page')} kept: the first ingest of this source asks the site only whether ${kept === 1 ? 'it has' : 'they have'} changed.)`));
  }
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
  await writeFileAtomic(file, `${JSON.stringify(entry, null, 1)}\n`);
  if (!values.json) out(`Wrote ${file}. Run "ccg ${homeFlag(home)}ingest --source ${id}" to fetch it.`);
  return 0;
}

/** `sources remove ID`: the registry file goes; the source's documents stay unless --with-documents. */
async function remove(home: string | null, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('sources remove', argv, {
    'with-documents': { type: 'boolean' }, reason: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'no-index': { type: 'boolean' }, json: { type: 'boolean' },
  }, { min: 1, max: 1, name: 'source id' });
  const id = positionals[0]!;
  try {
    checkId(id, 'source id');
  } catch (e) {
    if (e instanceof PathError) throw new UsageError(`sources remove: ${e.message}; nothing removed`);
    throw e;
  }
  const withDocuments = Boolean(values['with-documents']);
  if (!withDocuments) {
    for (const flag of ['reason', 'no-index'] as const) if (values[flag] !== undefined) throw new UsageError(`sources remove: --${flag} goes with --with-documents`, { showUsage: true });
  }
  const reason = str(values.reason)?.trim();
  if (reason === '') throw new UsageError('sources remove: --reason must not be empty');
  const [{ findSource }, { indexContext }, { planRemoval, removeSourceFile }, { applyRemoval, removedJson }, { userName }] = await Promise.all([
    import('../../sources/index.js'), import('../../pipeline/index-context.js'), import('../../pipeline/remove.js'), import('./remove.js'), import('../../core/user.js'),
  ]);
  const ctx = indexContext(home);
  const entry = findSource(ctx.paths.registry, id);
  if (!entry) throw new UsageError(`sources remove: no source "${id}" in ${ctx.paths.registry} ("ccg ${homeFlag(home)}sources list" lists them); nothing removed`);
  const plan = await planRemoval(ctx, [], [id]);
  const count = plan.bySource.get(id) ?? 0;
  const json = Boolean(values.json);
  const dryRun = Boolean(values['dry-run']);
  const ccg = `ccg ${homeFlag(home)}`;
  const removing = withDocuments ? plan : { ...plan, documents: [] };
  // The documents first: a failure leaves the source registered, so the same command can be run again.
  const index = await applyRemoval(ctx, removing, { dryRun, noIndex: Boolean(values['no-index']), reason: reason ?? null, removedBy: `ccg sources remove (${userName()})`, home }, !json);
  if (!dryRun) await removeSourceFile(entry);
  if (json) {
    out(JSON.stringify({ dryRun, source: { id, file: entry.file, valid: entry.source !== null }, documents: removing.documents.map(removedJson), kept: withDocuments ? 0 : count, index }));
    return index.updated && index.problems ? 1 : 0;
  }
  out(`${dryRun ? 'Would remove' : 'Removed'} source ${id} (${entry.file}).`);
  if (!withDocuments && count) {
    out(`Its ${plural(count, 'document')} ${dryRun ? 'would stay' : 'stay'} in the archive and in searches; "${ccg}remove --source ${id}" removes them${dryRun ? ', or add --with-documents' : ''}.`);
  } else if (!count) out(`It ${dryRun ? 'has' : 'had'} no stored documents.`);
  if (dryRun) out('Nothing removed (--dry-run).');
  return index.updated && index.problems ? 1 : 0;
}

export const sources: Command = {
  name: 'sources',
  summary: 'list, add, check and remove the sources in the registry',
  usage: 'ccg sources list [--json] | ccg sources add URL [--id ID] [--name N] [--publisher P] [--topics a,b | --no-topics] [--kind page|listing] [--link-pattern RE] [--interval MS] [--yes] [--json] | ccg sources check [--json] | ccg sources remove ID [--with-documents [--reason TEXT] [--no-index]] [--dry-run] [--json]',
  help: `The registry is one JSON file per source in sources/registry/.

  list            every source: id, kind, publisher, URL ('-' marks a disabled one)
  add URL         finds the site's feed (the URL itself, <link rel="alternate">, /feed, /rss…) or
                  its sitemap (robots.txt); without either, a page that links to many articles
                  in one section of the site ("/news/…") is a listing page whose links are
                  followed, any other page a single page. It shows the first items it would
                  ingest (those that name the topics) with their titles, dates and quotes, and writes
                  sources/registry/ID.json after you confirm (or with --yes). It fetches as
                  ingest does: robots.txt obeyed, one request at a time at the source's rate,
                  each URL once; the pages it previews are kept as snapshots, so the first
                  ingest does not download them again.
                  --id ID         the source's id (lower-case letters, digits, hyphens;
                                  default from the host name)
                  --name N        its name (default: the feed's title, else the host)
                  --publisher P   its publisher (default: the host)
                  --topics a,b    the terms an item must name (default: CCG and ICB terms)
                  --no-topics     keep every item
                  --kind page     register the page itself, not what it links to
                  --kind listing  a listing page even where a feed exists (its article
                                  links found as above)
                  --link-pattern RE  a listing page whose articles are the links matching
                                  the regular expression RE (e.g. "/reports/.+\\.pdf$")
                  --interval MS   milliseconds between two requests to the site (default 1000)
  check           each source's last success, last error and items seen
  remove ID       deletes the source's file from sources/registry/ (a file that fails validation
                  is found by its name, ID.json), so ingest no longer fetches it. Its documents
                  stay in the archive and in searches, with its id as their source; its fetch
                  history (corpus/fetch-state/) stays too. "ccg remove --source ID" removes the
                  documents later.
                  --with-documents  remove its documents too, as "ccg remove" does (each
                                    leaves a removal record in corpus/removed/; the index
                                    is updated): those it fetched and those its files gave
                  --reason TEXT     why, kept in each removal record (with --with-documents)
                  --no-index        leave the index as it is (with --with-documents)
                  --dry-run         show what would be removed; change nothing
                  --json            {dryRun, source: {id, file, valid}, documents, kept, index}

Examples:
  ccg sources list
  ccg sources add https://www.pulsetoday.co.uk/ --id pulse --publisher Pulse --yes
  ccg sources add https://www.example.org/publications/ --link-pattern "/publications/.+\\.pdf$"
  ccg sources check --json
  ccg sources remove hsj --dry-run
  ccg sources remove hsj --with-documents --reason "paywalled: no text"`,
  home: (argv) => (argv[0] === 'add' ? 'creates' : 'reads'),
  async run(argv, global) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(global.home, Boolean(parse('sources list', rest, { json: { type: 'boolean' } }, { max: 0 }).values.json));
    if (sub === 'check') return check(global.home, Boolean(parse('sources check', rest, { json: { type: 'boolean' } }, { max: 0 }).values.json));
    if (sub === 'add') return add(global.home, rest);
    if (sub === 'remove') return remove(global.home, rest);
    throw new UsageError(sub ? `sources: unknown subcommand "${sub}"` : 'sources: name a subcommand: list, add, check or remove', { showUsage: true });
  },
};
