/**
 * The static page's data and state, without a browser: the files `ccg index` writes into
 * index/site/ (and how an update changes them), the data scripts' encoding, and the page state's
 * round trip through the URL.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { ccg, tempHome } from './helpers.js';
import { dataScript } from '../src/pipeline/site.js';
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
  const siteManifest = (home: string): { partitions: Array<{ key: string; files: Record<string, string> }>; documentCount: number } =>
    JSON.parse(runData(readFileSync(join(home, 'index', 'site', 'data', 'manifest.js'), 'utf8')).json);

  it('wraps each index partition file, rewrites only the partitions that change, and removes what the manifest no longer names', () => {
    const home = tempHome();
    expect(ccg(['start', '--offline'], { home }).code).toBe(0);
    const index = JSON.parse(readFileSync(join(home, 'index', 'manifest.json'), 'utf8')) as { partitions: Array<{ key: string; files: Record<string, string> }> };
    const site = siteManifest(home);
    expect(site.partitions.map((p) => p.key)).toEqual(index.partitions.map((p) => p.key));
    for (const p of index.partitions) {
      for (const kind of ['quotes', 'documents', 'texts']) {
        const js = readFileSync(join(home, 'index', 'site', site.partitions.find((s) => s.key === p.key)!.files[kind]!), 'utf8');
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
    const named = new Set(now.partitions.flatMap((p) => Object.values(p.files).map((f) => f.replace(/^data\//, ''))));
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
