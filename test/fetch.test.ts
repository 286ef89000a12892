import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fetchUrl, retryAfterMs, backoff } from '../src/fetch/http.js';
import { parseXmlListing, parseListingPage, matchesTopic, feedLinks } from '../src/fetch/discover.js';
import { normaliseUrl } from '../src/fetch/url.js';
import { Scheduler } from '../src/fetch/politeness.js';
import { startFixtureServer, pages, type FixtureServer } from './fixture-server.js';
import { ccg, ccgAsync, tempHome, CLI } from './helpers.js';
import { tmpdir } from 'node:os';

let server: FixtureServer;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });

const fast = { backoffMs: 5, sleep: async () => undefined };

describe('HTTP', () => {
  it('retries a 500 and succeeds', async () => {
    const r = await fetchUrl(`${server.base}/flaky`, fast);
    expect(r.status).toBe(200);
    expect(r.attempts).toBe(2);
  });

  it('honours Retry-After on 429', async () => {
    const waits: number[] = [];
    const r = await fetchUrl(`${server.base}/rate-limited`, { ...fast, sleep: async (ms) => { waits.push(ms); } });
    expect(r.status).toBe(200);
    expect(waits).toEqual([1000]);
  });

  it('retries a reset connection', async () => {
    expect((await fetchUrl(`${server.base}/reset`, fast)).body.toString()).toContain('ok after reset');
  });

  it.each([
    ['/slow', { responseTimeout: 300, retries: 0 }, 'E_TIMEOUT'],
    ['/loop', { maxRedirects: 3 }, 'E_REDIRECTS'],
    ['/bomb', { maxBytes: 5 * 1024 * 1024 }, 'E_TOO_LARGE'],
    ['/endless', { maxBytes: 2 * 1024 * 1024 }, 'E_TOO_LARGE'],
    ['/always-500', { retries: 2 }, 'E_HTTP'],
  ])('%s fails with %s', async (path, options, code) => {
    await expect(fetchUrl(`${server.base}${path}`, { ...fast, ...options })).rejects.toMatchObject({ code });
  });

  it('takes a PDF (by content type or by its first bytes) past the limit for pages, but not a page', async () => {
    expect((await fetchUrl(`${server.base}/big-report.pdf`, fast)).body.length).toBeGreaterThan(12 * 1024 * 1024);
    expect((await fetchUrl(`${server.base}/big-report`, fast)).body.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(fetchUrl(`${server.base}/big-page`, fast)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    await expect(fetchUrl(`${server.base}/big-report.pdf`, { ...fast, maxPdfBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
  });

  it('names the host as unreachable when nothing listens', async () => {
    await expect(fetchUrl('http://127.0.0.1:1/x', { ...fast, retries: 0 })).rejects.toMatchObject({ code: 'E_OFFLINE' });
  });

  it('makes conditional requests: a matching ETag gives 304', async () => {
    const first = await fetchUrl(`${server.base}/articles/ccg-contracts`);
    const again = await fetchUrl(`${server.base}/articles/ccg-contracts`, { etag: first.headers.etag ?? null });
    expect(again.notModified).toBe(true);
    expect(again.body.length).toBe(0);
  });

  it.each([
    ['120', 120_000],
    [new Date(Date.parse('2026-01-01T00:00:30Z')).toUTCString(), 30_000],
    ['soon', null],
  ])('Retry-After %s → %s ms', (header, want) => {
    expect(retryAfterMs(header, Date.parse('2026-01-01T00:00:00Z'))).toBe(want);
  });

  it('backs off exponentially with jitter', () => {
    expect(backoff(3, 100, () => 1)).toBe(800);
    expect(backoff(3, 100, () => 0.5)).toBe(400);
  });
});

describe('feeds, sitemaps and listings', () => {
  const base = 'http://127.0.0.1:9';
  const p = pages(base);

  it('reads RSS 2.0 items with their dates', () => {
    const l = parseXmlListing(p['/feed.xml']!.body as string, `${base}/feed.xml`);
    expect(l.kind).toBe('rss');
    expect(l.items[0]).toMatchObject({ url: `${base}/articles/ccg-contracts?utm_source=rss`, title: 'CCGs to take on GP contracts', published: '2015-03-12' });
  });

  it.each([['/atom.xml', 'atom'], ['/rdf.xml', 'rdf']])('reads %s', (path, kind) => {
    const l = parseXmlListing(p[path]!.body as string, base);
    expect(l.kind).toBe(kind);
    expect(l.items[0]).toMatchObject({ url: `${base}/articles/lmc-warns`, published: '2015-03-14' });
  });

  it('reads a sitemap index and a Google News sitemap', () => {
    expect(parseXmlListing(p['/sitemap.xml']!.body as string, base).next).toEqual([`${base}/sitemap-news.xml.gz`]);
  });

  it('reads links of a listing page by pattern, on the same site, with the next page', () => {
    const l = parseListingPage(p['/listing']!.body as string, `${base}/listing`, { linkPattern: '/articles/' });
    expect(l.items.map((i) => i.url)).toEqual([`${base}/articles/ccg-contracts`]);
    expect(l.next).toEqual([`${base}/listing2`]);
  });

  it('finds the feeds a page links to', () => {
    expect(feedLinks(p['/home']!.body as string, `${base}/home`)).toEqual([`${base}/feed.xml`]);
  });

  it.each([
    ['CCGs to take on GP contracts', true],
    ['LMC warns on co-commissioning', true],
    ['Hospital car parking charges rise', false],
    ['New integrated care boards named', true],
  ])('topic filter: %s → %s', (text, want) => {
    expect(matchesTopic(text, ['ccg*', 'co-commissioning', 'integrated care board*'])).toBe(want);
  });

  it.each([
    ['https://www.Example.com/a/?utm_source=x&b=2&a=1#top', 'https://example.com/a?a=1&b=2'],
    ['http://example.com:80/story/', 'https://example.com/story'],
    ['https://example.com/', 'https://example.com'],
  ])('normalises %s', (input, want) => {
    expect(normaliseUrl(input)).toBe(want);
  });
});

describe('politeness', () => {
  it('starts requests to one host no closer than its interval, hosts in parallel', async () => {
    const s = new Scheduler({ concurrency: 4 });
    const starts: Record<string, number[]> = { a: [], b: [] };
    const t0 = Date.now();
    await Promise.all(['a', 'a', 'a', 'b', 'b', 'b'].map((h) => s.run(h, async () => { starts[h]!.push(Date.now() - t0); }, 100)));
    for (const h of ['a', 'b']) {
      const gaps = starts[h]!.slice(1).map((t, i) => t - starts[h]![i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
    }
  });
});

function registry(home: string, sources: object[]): void {
  const dir = join(home, 'sources', 'registry');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{}');
  for (const s of sources) writeFileSync(join(dir, `${(s as { id: string }).id}.json`), JSON.stringify(s));
}

const TOPICS = ['ccg*', 'co-commissioning'];

describe('ccg ingest against a local site', () => {
  it('fetches topical items politely, stores snapshots and documents, and a second run fetches nothing new', async () => {
    const home = tempHome(false);
    registry(home, [{ id: 'test-pulse', name: 'Test Pulse', publisher: 'Test Pulse', kind: 'rss', urls: [`${server.base}/feed.xml`], topics: TOPICS, rateLimit: { intervalMs: 0 } }]);
    const r = await ccgAsync(['ingest', '--json'], { home });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n')[0]!);
    // 6 items, the parking story filtered out by topic: 5 fetched; /private is disallowed; the copy is a duplicate.
    expect(summary).toMatchObject({ source: 'test-pulse', items: 5, new: 3, duplicate: 1, skipped: 1, failed: 0 });
    const docs = readdirSync(join(home, 'corpus', 'documents')).map((f) => JSON.parse(readFileSync(join(home, 'corpus', 'documents', f), 'utf8')).document);
    expect(docs).toHaveLength(3);
    const contracts = docs.find((d) => d.title === 'CCGs to take on GP contracts');
    expect(contracts).toMatchObject({ source: 'test-pulse', publisher: 'Test Pulse', published: '2015-03-12' });
    expect(contracts.snapshot).toMatchObject({ status: 200, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), fetchedAt: expect.stringMatching(/^\d{4}-/) });
    // One story at two URLs: one document that records both (whichever was fetched first holds it).
    expect([contracts.url, ...contracts.alternateUrls].map((u: string) => u.replace(/\?.*$/, '').replace(/^https?:\/\/[^/]+/, '')).sort()).toEqual(['/articles/ccg-contracts', '/articles/ccg-contracts-copy']);
    expect(contracts.quotes[0]).toMatchObject({ speaker: 'Dr Helen Marsh', organisation: 'Northshire LMC' });
    const cp = docs.find((d) => d.title === 'CCG budget');
    expect(cp.text).toContain('£3.5m gap');
    expect(cp.text).toContain('“deeply worrying”');
    expect(server.hits.get('/private/secret') ?? 0).toBe(0);
    const snapshots = (): number => readdirSync(join(home, 'corpus', 'snapshots'), { recursive: true }).filter((f) => String(f).endsWith('.gz')).length;
    const before = snapshots();

    const again = JSON.parse((await ccgAsync(['ingest', '--json'], { home })).stdout.trim().split('\n')[0]!);
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 4, failed: 0 });
    expect(snapshots()).toBe(before);
  });

  it('reads sitemaps (index, gzipped news sitemap) and listing pages with pagination', async () => {
    const home = tempHome(false);
    registry(home, [
      { id: 'maps', name: 'Maps', publisher: 'Test', kind: 'sitemap', urls: [`${server.base}/sitemap.xml`], topics: TOPICS, rateLimit: { intervalMs: 0 } },
      { id: 'list', name: 'List', publisher: 'Test', kind: 'listing', urls: [`${server.base}/listing`], linkPattern: '/articles/', maxPages: 2, topics: TOPICS, rateLimit: { intervalMs: 0 } },
    ]);
    const lines = (await ccgAsync(['ingest', '--json', '--no-index'], { home })).stdout.trim().split('\n').map((l) => JSON.parse(l));
    // Both sources list the LMC story: whichever stores it first has it as new, the other as stored.
    const maps = lines.find((l) => l.source === 'maps');
    const list = lines.find((l) => l.source === 'list');
    expect(maps).toMatchObject({ items: 1, failed: 0 });
    expect(list).toMatchObject({ items: 2, failed: 0 });
    expect(maps.new + list.new).toBe(2);
    expect(maps.new + maps.unchanged + maps.duplicate).toBe(1);
  });

  it('a bad registry file is named with its field, and the other sources still run', async () => {
    const home = tempHome(false);
    registry(home, [
      { id: 'good', name: 'Good', publisher: 'Test', kind: 'atom', urls: [`${server.base}/atom.xml`], topics: TOPICS, rateLimit: { intervalMs: 0 } },
      { id: 'bad', name: 'Bad', publisher: 'Test', kind: 'carrier-pigeon', urls: ['x'] },
    ]);
    const r = await ccgAsync(['ingest', '--json', '--no-index'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: kind: expected one of rss, atom, sitemap, listing, page, file; got "carrier-pigeon"/);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ source: 'good', new: 1 });
  });

  it.each([
    [{ links: 'ul.news >>> a[' }, /bad-selector\.json: selectors\.links: not a CSS selector \("ul\.news >>> a\["\): /],
    [{ article: 5 }, /bad-selector\.json: selectors\.article: expected a CSS selector \(a non-empty string\); got 5/],
    [{ link: 'a' }, /bad-selector\.json: selectors\.link: not a selector of a source \(links, next, article\)/],
  ])('a listing source with bad selectors %j is named with its field, and nothing of it is fetched', async (selectors, message) => {
    const home = tempHome(false);
    const hits = server.hits.get('/listing') ?? 0;
    registry(home, [
      { id: 'good', name: 'Good', publisher: 'Test', kind: 'atom', urls: [`${server.base}/atom.xml`], topics: TOPICS, rateLimit: { intervalMs: 0 } },
      { id: 'bad-selector', name: 'Bad', publisher: 'Test', kind: 'listing', urls: [`${server.base}/listing`], selectors, rateLimit: { intervalMs: 0 } },
    ]);
    const r = await ccgAsync(['ingest', '--json', '--no-index'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ source: 'good', new: 1 });
    expect(server.hits.get('/listing') ?? 0).toBe(hits);
  });

  it('a file source reads its relative paths from the archive folder, wherever ccg runs', () => {
    const home = tempHome(false);
    mkdirSync(join(home, 'docs'));
    writeFileSync(join(home, 'docs', 'note.txt'), 'CCG boards meet\n\nThe clinical commissioning group board met on Tuesday to agree its budget for the coming year.\n');
    registry(home, [{ id: 'notes', name: 'Notes', publisher: 'Me', kind: 'file', urls: ['docs/note.txt'] }]);
    const r = ccg(['ingest', '--json', '--no-index'], { home, cwd: tmpdir() });
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ source: 'notes', new: 1, failed: 0 });
    expect(r.code).toBe(0);
  });

  it('an empty registry says how to register a source; --source naming an invalid file says it is invalid', async () => {
    const home = tempHome(false);
    const none = await ccgAsync(['ingest', '--no-index'], { home });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(`No sources in ${join(home, 'sources', 'registry')}: "ccg --home ${home} sources add URL" registers one.`);
    registry(home, [{ id: 'broken', name: 'B', publisher: 'T', kind: 'carrier-pigeon', urls: ['x'] }]);
    const named = await ccgAsync(['ingest', '--source', 'broken', '--no-index'], { home });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/broken\.json: kind: expected one of [^\n]*\(source skipped\)\nccg: ingest: the source "broken" is not valid: its file is named above\n/);
  });

  it('a page that is not a feed, and an invalid feed, are errors for their source', async () => {
    const home = tempHome(false);
    registry(home, [
      { id: 'wrong-type', name: 'W', publisher: 'T', kind: 'rss', urls: [`${server.base}/not-a-feed`], rateLimit: { intervalMs: 0 } },
      { id: 'invalid', name: 'I', publisher: 'T', kind: 'rss', urls: [`${server.base}/invalid-feed`], rateLimit: { intervalMs: 0 } },
    ]);
    const lines = (await ccgAsync(['ingest', '--json', '--no-index'], { home })).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.source === 'wrong-type').error).toMatch(/not a feed or sitemap/);
    expect(lines.find((l) => l.source === 'invalid')).toMatchObject({ items: 0 });
  });

  it('an item that fails is counted, the others are stored, and the run exits 1', async () => {
    const home = tempHome(false);
    registry(home, [{ id: 'mixed', name: 'M', publisher: 'T', kind: 'page', urls: [`${server.base}/articles/missing`, `${server.base}/articles/lmc-warns`], rateLimit: { intervalMs: 0 } }]);
    const r = await ccgAsync(['ingest', '--json', '--no-index'], { home });
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ source: 'mixed', new: 1, failed: 1 });
    expect(r.code).toBe(1);
    expect(readdirSync(join(home, 'corpus', 'documents'))).toHaveLength(1);
  });

  it('offline: one line per source, what is stored is kept, the index still builds', async () => {
    const home = tempHome();
    expect((await ccgAsync(['start', '--offline'], { home })).code).toBe(0);
    registry(home, [
      { id: 'gone-a', name: 'A', publisher: 'T', kind: 'rss', urls: ['http://127.0.0.1:1/feed.xml'] },
      { id: 'gone-b', name: 'B', publisher: 'T', kind: 'page', urls: ['http://127.0.0.1:1/a', 'http://127.0.0.1:1/b'] },
    ]);
    const r = await ccgAsync(['start'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/offline/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/Indexed 5 documents/);
  });

  it('a run killed with SIGKILL loses nothing stored and the next run goes on', async () => {
    const home = tempHome(false);
    registry(home, [{ id: 'slowish', name: 'S', publisher: 'T', kind: 'rss', urls: [`${server.base}/feed.xml`], topics: TOPICS, rateLimit: { intervalMs: 150 } }]);
    const child = spawn(process.execPath, [CLI, '--home', home, 'ingest', '--json'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const docsDir = join(home, 'corpus', 'documents');
    const parseAll = (): number => (existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(docsDir, f), 'utf8'))).length : 0);
    const partial = parseAll();
    const r = await ccgAsync(['ingest', '--json'], { home });
    expect(r.code).toBe(0);
    expect(parseAll()).toBe(3);
    expect(partial).toBeLessThanOrEqual(3);
    for (const f of readdirSync(join(home, 'corpus', 'fetch-state'), { recursive: true })) {
      if (String(f).endsWith('.json')) expect(() => JSON.parse(readFileSync(join(home, 'corpus', 'fetch-state', String(f)), 'utf8'))).not.toThrow();
    }
  });
});

describe('ccg add URL', () => {
  it('fetches one page politely and stores it with its snapshot', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['add', `${server.base}/articles/lmc-warns`, '--json'], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ status: 'added' });
    const [file] = readdirSync(join(home, 'corpus', 'documents'));
    const doc = JSON.parse(readFileSync(join(home, 'corpus', 'documents', file!), 'utf8')).document;
    expect(doc).toMatchObject({ source: 'manual', title: 'LMC warns on co-commissioning', published: '2015-03-14' });
    expect(doc.snapshot.status).toBe(200);
    const bad = await ccgAsync(['add', `${server.base}/private/secret`], { home });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/disallowed by robots\.txt/);
  });
});

describe('ccg sources', () => {
  it('add discovers a feed from a page, previews items with titles and dates, and writes the source with --yes', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['sources', 'add', `${server.base}/home`, '--id', 'local-pulse', '--publisher', 'Test Pulse', '--yes'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Found an RSS feed at .*\/feed\.xml \("Test Pulse"\) listing 6 items/);
    expect(r.stdout).toMatch(/2015-03-12 {2}CCGs to take on GP contracts/);
    const written = JSON.parse(readFileSync(join(home, 'sources', 'registry', 'local-pulse.json'), 'utf8'));
    expect(written).toMatchObject({ id: 'local-pulse', kind: 'rss', publisher: 'Test Pulse', urls: [`${server.base}/feed.xml`] });
    expect((await ccgAsync(['sources', 'list'], { home })).stdout).toMatch(/local-pulse\s+rss\s+Test Pulse/);
    await ccgAsync(['ingest', '--no-index'], { home });
    const check = JSON.parse((await ccgAsync(['sources', 'check', '--json'], { home })).stdout);
    expect(check[0]).toMatchObject({ id: 'local-pulse', lastError: null, itemsSeen: 5 });
    expect(check[0].lastSuccessAt).toMatch(/^\d{4}-/);
  });

  it('without --yes and without a terminal, writes nothing', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['sources', 'add', `${server.base}/feed.xml`], { home });
    expect(r.stdout).toMatch(/Nothing written/);
    expect(existsSync(join(home, 'sources', 'registry'))).toBe(false);
  });
});
