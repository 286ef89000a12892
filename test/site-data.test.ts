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
import { parseQuery, partitionFiles, searchDocuments, type IndexManifest, type IndexSource } from '../src/search/index.js';
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
      if (statSync(join(dir, key)).isFile()) out.set(key, statSync(join(dir, key)).mtimeMs);
      else for (const f of readdirSync(join(dir, key))) out.set(`${key}/${f}`, statSync(join(dir, key, f)).mtimeMs);
    }
    return out;
  };
  const readManifest = (file: string): IndexManifest => JSON.parse(file.endsWith('.js') ? runData(readFileSync(file, 'utf8')).json : readFileSync(file, 'utf8')) as IndexManifest;

  it('wraps each index partition file, writes only new partitions, and removes what the manifest no longer names', () => {
    const home = tempHome();
    expect(ccg(['start', '--offline'], { home }).code).toBe(0);
    const indexManifest = (): IndexManifest => readManifest(join(home, 'index', 'manifest.json'));
    const siteManifest = (): IndexManifest => readManifest(join(home, 'index', 'site', 'data', 'manifest.js'));
    const index = indexManifest();
    expect(siteManifest().partitions).toEqual(index.partitions);
    for (const p of index.partitions) {
      for (const name of partitionFiles(p)) {
        const js = readFileSync(join(home, 'index', 'site', 'data', p.key, name.replace(/\.json$/, '.js')), 'utf8');
        expect(runData(js).json).toBe(readFileSync(join(home, 'index', 'partitions', p.key, name), 'utf8'));
      }
    }
    const before = listData(home);
    // Change one document (its title) and remove another.
    const docs = join(home, 'corpus', 'documents');
    const [changed, gone] = readdirSync(docs).sort();
    const record = JSON.parse(readFileSync(join(docs, changed!), 'utf8')) as { document: { title: string } };
    record.document.title += ' (updated)';
    writeFileSync(join(docs, changed!), JSON.stringify(record));
    rmSync(join(docs, gone!));
    expect(ccg(['index'], { home }).code).toBe(0);
    const after = listData(home);
    const now = indexManifest();
    expect(siteManifest().partitions).toEqual(now.partitions);
    expect(now.documentCount).toBe(index.documentCount - 1);
    // The old partition stays, its two documents marked deleted; the changed one is a new partition.
    const old = now.partitions.find((p) => p.key === index.partitions[0]!.key)!;
    expect(old.deleted).toHaveLength(2);
    const fresh = now.partitions.filter((p) => !index.partitions.some((o) => o.key === p.key));
    expect(fresh.map((p) => p.documents)).toEqual([1]);
    // Files of partitions that stayed are not written again; the new partition's are all there.
    for (const [file, mtime] of after) if (before.has(file)) expect(before.get(file), file).toBe(mtime);
    const named = now.partitions.flatMap((p) => partitionFiles(p).map((n) => `${p.key}/${n.replace(/\.json$/, '.js')}`));
    const vocabularies = Object.values(now.vocabulary).map((n) => n.replace(/\.json$/, '.js'));
    expect([...after.keys()].sort()).toEqual([...named, ...vocabularies].sort());
    // The page's search (src/search over these files) finds the new title and not the removed document.
    const source: IndexSource = { manifest: now, file: async (key, name) => JSON.parse(runData(readFileSync(join(home, 'index', 'site', 'data', key, name.replace(/\.json$/, '.js')), 'utf8')).json) as unknown };
    return searchDocuments(source, parseQuery('updated')).then((r) => expect(r.hits.map((h) => h.title)).toEqual([`${record.document.title}`]));
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

  it('refuses a typed query of only common words or of no words, and only that', () => {
    const errors = (q: string): readonly string[] => effectiveQuery({ ...EMPTY_STATE, q }).errors;
    expect(errors('the of')).toEqual(['"the of" has only common words (the, of), which are not searched on their own: add another word, put them in a "phrase", or add a filter']);
    expect(errors('The OR a')).toEqual([expect.stringMatching(/^"The OR a" has only common words \(The, a\)/)]);
    expect(errors('!!')).toEqual(['"!!" has no words to search for']);
    expect(errors(' - ; OR ')).toEqual(['"- ; OR" has no words to search for']);
    for (const fine of ['', '   ', 'the commissioning', '"of the"', 'the stance:oppose', 'the -barking', 'the since:2014', '!! org:BMA']) expect(errors(fine), fine).toEqual([]);
    // One message for a query that is already wrong.
    expect(errors('the colour:red')).toHaveLength(1);
  });
});
