/**
 * The static page's data and state, without a browser: the files `ccg index` writes into
 * index/site/ (and how an update changes them), the data scripts' encoding, and the page state's
 * round trip through the URL.
 */
import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { pathToFileURL } from 'node:url';
import type { Document } from '../src/core/types.js';
import { ccg, tempHome } from './helpers.js';
import { dataScript, splitQuoteIndex } from '../src/pipeline/site.js';
import { Partition, loadQuoteIndex, orgTable, parseQuery, searchQuotes, type IndexSource } from '../src/search/index.js';
import { loadOrganisations } from '../src/sources/index.js';
import { ROOT } from './helpers.js';
import { EMPTY_STATE, effectiveQuery, hashFromState, stateFromHash, toggleFacet, type PageState } from '../src/web/state.js';

/** Runs a data script as the page would and returns what it registered. */
function runData(script: string): { name: string; json: string } {
  let got: { name: string; json: string } | null = null;
  runInNewContext(script, { ccgData: (name: string, json: string) => (got = { name, json }) });
  if (!got) throw new Error('the script registered nothing');
  return got;
}

describe('data scripts', () => {
  it('carry the JSON exactly, "__proto__" as an ordinary key and line separators included', () => {
    const json = JSON.stringify({ index: [['__proto__', { 0: { 1: 2 } }]], text: 'a\u2028b\u2029c </script><script>alert(1)</script> "quoted" \\ back' });
    const { name, json: back } = runData(dataScript('2014/quotes-abc.js', json));
    expect(name).toBe('2014/quotes-abc.js');
    expect(back).toBe(json);
    const parsed = JSON.parse(back) as { index: [string, unknown][] };
    expect(parsed.index[0]![0]).toBe('__proto__');
  });
});

describe('quote chunks', () => {
  it('split a partition into indexes of at most N quotes, newest first, that find what the whole finds', async () => {
    const table = orgTable(loadOrganisations(join(ROOT, 'sources', 'organisations.json')));
    // The search benchmark's generator: news-like documents with about five quotes each.
    const gen = (await import(pathToFileURL(join(ROOT, 'scripts', 'bench-search-corpus.mjs')).href)) as { makePools: (seed: number, words: number) => unknown; makeDocument: (pools: unknown, i: number) => Document };
    const pools = gen.makePools(7, 3000);
    const p = new Partition();
    for (let i = 0; i < 60; i++) p.add(gen.makeDocument(pools, i), table);
    const whole = p.serialise().quotes;
    const chunks = splitQuoteIndex(whole, 70);
    const n = p.quoteCount;
    expect(chunks.length).toBe(Math.ceil(n / 70));
    const indexes = chunks.map(loadQuoteIndex);
    expect(indexes.reduce((sum, ms) => sum + ms.documentCount, 0)).toBe(n);
    expect(indexes.every((ms) => ms.documentCount <= 70)).toBe(true);
    // Newest first: every date of a chunk is at least every (dated) date of the next.
    const dates = indexes.map((ms) => ms.search(MiniSearchWildcard()).map((r) => String(r.date ?? '')));
    for (let c = 0; c + 1 < dates.length; c++) {
      const next = dates[c + 1]!.filter(Boolean);
      if (next.length) expect(dates[c]!.filter(Boolean).every((d) => d >= next.reduce((a, b) => (a > b ? a : b)))).toBe(true);
    }
    // The same quotes match, through src/search as the page runs it.
    const manifest = { format: 'ccg-index', version: 4, builtAt: '', documentCount: 60, quoteCount: n, organisations: table, catalog: '' } as const;
    const source = (parts: { key: string; ms: ReturnType<typeof loadQuoteIndex> }[]): IndexSource => ({
      manifest: { ...manifest, partitions: parts.map((x) => ({ key: x.key, documents: 0, quotes: 0, files: { quotes: '', documents: '', texts: '' } })) },
      quotes: async (k) => parts.find((x) => x.key === k)!.ms,
      documents: () => Promise.reject(new Error('not used')),
      texts: () => Promise.reject(new Error('not used')),
    });
    const one = source([{ key: '2016', ms: loadQuoteIndex(whole) }]);
    const split = source(indexes.map((ms, i) => ({ key: `2016.${i}`, ms })));
    for (const text of ['commissioning', '"primary care"', 'commissioning -practice', 'stance:oppose', 'since:2016 commiss']) {
      const q = parseQuery(text);
      const a = await searchQuotes(one, q, { limit: 10_000 });
      const b = await searchQuotes(split, q, { limit: 10_000 });
      expect(b.total, text).toBe(a.total);
      expect(new Set(b.hits.map((h) => h.id)), text).toEqual(new Set(a.hits.map((h) => h.id)));
    }
  });
});

const MiniSearchWildcard = (): typeof MiniSearch.wildcard => MiniSearch.wildcard;

describe('ccg index writes index/site/', () => {
  const listData = (home: string): Map<string, number> => {
    const dir = join(home, 'index', 'site', 'data');
    const out = new Map<string, number>();
    for (const key of readdirSync(dir)) {
      if (key === 'manifest.js') continue;
      for (const f of readdirSync(join(dir, key))) out.set(`${key}/${f}`, statSync(join(dir, key, f)).mtimeMs);
    }
    return out;
  };
  const siteManifest = (home: string): { partitions: Array<{ key: string; files: { quotes: string[]; documents: string; texts: string } }>; documentCount: number } =>
    JSON.parse(runData(readFileSync(join(home, 'index', 'site', 'data', 'manifest.js'), 'utf8')).json);

  it('wraps each index partition file, rewrites only the partitions that change, and removes what the manifest no longer names', () => {
    const home = tempHome();
    expect(ccg(['start', '--offline'], { home }).code).toBe(0);
    const index = JSON.parse(readFileSync(join(home, 'index', 'manifest.json'), 'utf8')) as { partitions: Array<{ key: string; files: Record<string, string> }> };
    const site = siteManifest(home);
    expect(site.partitions.map((p) => p.key)).toEqual(index.partitions.map((p) => p.key));
    for (const p of index.partitions) {
      const files = site.partitions.find((s) => s.key === p.key)!.files;
      // A partition this small is one chunk: its quote index as it is.
      expect(files.quotes).toHaveLength(1);
      for (const [kind, file] of [['quotes', files.quotes[0]!], ['documents', files.documents], ['texts', files.texts]] as const) {
        const js = readFileSync(join(home, 'index', 'site', file), 'utf8');
        expect(runData(js).json).toBe(readFileSync(join(home, 'index', 'partitions', p.key, p.files[kind]!), 'utf8'));
      }
    }
    const before = listData(home);
    // Change one document (its title) and remove every document of another year.
    const docs = join(home, 'corpus', 'documents');
    const records = readdirSync(docs).map((f) => ({ f, doc: (JSON.parse(readFileSync(join(docs, f), 'utf8')) as { document: { published: string | null; title: string } }).document }));
    const years = [...new Set(records.map((r) => (r.doc.published ?? 'undated').slice(0, 4)))].sort();
    expect(years.length).toBeGreaterThanOrEqual(3);
    const [changedYear, goneYear] = [years[0]!, years[years.length - 1]!];
    const changed = records.find((r) => r.doc.published?.startsWith(changedYear))!;
    const record = JSON.parse(readFileSync(join(docs, changed.f), 'utf8')) as { document: { title: string } };
    record.document.title += ' (updated)';
    writeFileSync(join(docs, changed.f), JSON.stringify(record));
    for (const r of records.filter((x) => x.doc.published?.startsWith(goneYear))) rmSync(join(docs, r.f));
    expect(ccg(['index'], { home }).code).toBe(0);
    const after = listData(home);
    const now = siteManifest(home);
    expect(now.partitions.map((p) => p.key)).toEqual(years.filter((y) => y !== goneYear));
    expect(existsSync(join(home, 'index', 'site', 'data', goneYear))).toBe(false);
    // A file whose contents did not change (its name is their hash) is not written again; the
    // changed partition has a new documents file (its title changed).
    for (const [file, mtime] of after) if (before.has(file)) expect(before.get(file), file).toBe(mtime);
    const fresh = [...after.keys()].filter((f) => !before.has(f));
    expect(fresh.some((f) => f.startsWith(`${changedYear}/documents-`))).toBe(true);
    expect(fresh.every((f) => f.startsWith(`${changedYear}/`))).toBe(true);
    const named = new Set(now.partitions.flatMap((p) => [...p.files.quotes, p.files.documents, p.files.texts].map((f) => f.replace(/^data\//, ''))));
    expect([...after.keys()].sort()).toEqual([...named].sort());
  });
});

describe('the page state in the URL', () => {
  const full: PageState = {
    q: '"conflict of interest" -hospital & more',
    view: 'timeline',
    facets: { org: ['BMA', 'NHS England'], speaker: ['Dr Raj Mehta'], stance: ['oppose'], publisher: ['HSJ'], year: ['2014'] },
    since: '2014-04',
    until: '2015',
    sort: '-date',
    subject: { kind: 'org', name: 'NHS Clinical Commissioners' },
    compare: { kind: 'speaker', name: 'Julie Wood' },
    by: 'quarter',
    period: '2014-Q2',
  };

  it.each([
    ['the empty state', EMPTY_STATE, ''],
    ['a query', { ...EMPTY_STATE, q: 'barking mad' }, '#q=barking+mad'],
    ['every part', full, null],
  ])('%s goes through the fragment and back', (_name, state, hash) => {
    const h = hashFromState(state);
    if (hash !== null) expect(h).toBe(hash);
    expect(stateFromHash(h)).toEqual(state);
  });

  it('ignores what it does not know', () => {
    const s = stateFromHash('#view=colour&stance=furious&sort=sideways&by=decade&tl=nobody&x=1');
    expect(s).toEqual(EMPTY_STATE);
  });

  it('adds facets and the date range to the typed query as filters, and reports bad dates', () => {
    const s = toggleFacet(toggleFacet({ ...EMPTY_STATE, q: 'commissioning org:GPC', since: '2014', until: '2013' }, 'org', 'BMA'), 'stance', 'oppose');
    const q = effectiveQuery(s);
    expect(q.filters.org).toEqual(['GPC', 'BMA']);
    expect(q.filters.stance).toEqual(['oppose']);
    expect(q.errors).toEqual(['the range starts (2014) after it ends (2013)']);
    expect(effectiveQuery({ ...EMPTY_STATE, since: '2015-13-45' }).errors[0]).toMatch(/From 2015-13-45 is not a date/);
    expect(toggleFacet(s, 'org', 'BMA').facets.org).toEqual([]);
    // A timeline is about its subject alone.
    expect(effectiveQuery(s, { kind: 'org', name: 'NHS England' }).filters.org).toEqual(['NHS England']);
  });
});
