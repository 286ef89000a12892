import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ccgAsync, tempHome } from './helpers.js';
import { startCountingSite, articlePage, type CountingSite } from './counting-server.js';

/** A page that names its canonical URL (a copy saved from the browser names the same one). */
const canonicalPage = (base: string): string => articlePage('CCG budgets cut', 'Clinical commissioning groups face a cut to their running costs, NHS England said, as practices wait for the delegated budgets.', '2015-04-01')
  .replace('</head>', `<link rel="canonical" href="${base}/articles/canonical"></head>`);

const BODY = 'Clinical commissioning groups will take on the management of GP contracts from April, NHS England said, in a change that local medical committees have long opposed.';

let server: CountingSite;
beforeAll(async () => {
  server = await startCountingSite((base) => ({
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
    '/articles/contracts': { type: 'text/html', body: articlePage('CCGs to take on GP contracts', BODY, '2015-03-12'), etag: '"c1"' },
    // The same story at another URL, with no canonical link: one document records both.
    '/articles/contracts-copy': { type: 'text/html', body: articlePage('CCGs to take on GP contracts', BODY, '2015-03-12') },
    '/private/page': { type: 'text/html', body: articlePage('Private', 'Never fetched.', '2015-03-12') },
    '/feed.xml': { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>CCG story</title><link>${base}/articles/contracts</link></item></channel></rss>` },
    '/atom.xml': { type: 'application/atom+xml', body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><entry><title>CCG</title><link href="${base}/articles/contracts"/></entry></feed>` },
    '/sitemap.xml': { type: 'application/xml', body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/articles/contracts</loc></url></urlset>` },
    // A page that names its canonical URL, as a saved copy of it does too.
    '/articles/canonical': { type: 'text/html', body: canonicalPage(base) },
  }));
});
afterAll(async () => { await server.close(); });

const STATUSES = ['added', 'updated', 'unchanged', 'duplicate', 'failed'];
const docsIn = (home: string): string[] => (existsSync(join(home, 'corpus', 'documents')) ? readdirSync(join(home, 'corpus', 'documents')) : []);

describe('ccg add URL: one line per input, one summary over all of them', () => {
  it('a stored page says "added", then "unchanged", and the summary counts it', async () => {
    const home = tempHome(false);
    const url = `${server.base}/articles/contracts`;
    const first = await ccgAsync(['add', url], { home });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^added {5}[0-9a-f]{16} {2}CCGs to take on GP contracts \(1 quote\)/m);
    expect(first.stdout.trim().split('\n').at(-1)).toBe('1 added, 0 updated, 0 unchanged, 0 failed');
    const again = await ccgAsync(['add', url], { home });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged [0-9a-f]{16} {2}CCGs to take on GP contracts/m);
    expect(again.stdout.trim().split('\n').at(-1)).toBe('0 added, 0 updated, 1 unchanged, 0 failed');
    expect(docsIn(home)).toHaveLength(1);
  });

  it('one unreachable URL is one failure, said once', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['add', 'http://127.0.0.1:1/story'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ccg add: http:\/\/127\.0\.0\.1:1\/story: cannot reach the host/);
    expect(r.stdout.trim()).toBe('0 added, 0 updated, 0 unchanged, 1 failed');
  });

  it('files and URLs together, in the order given, with documented statuses in --json', async () => {
    const home = tempHome(false);
    const file = join(home, 'note.txt');
    writeFileSync(file, 'CCG boards meet\n\nThe clinical commissioning group board met on Tuesday to agree its budget for the coming year.\n');
    const inputs = [file, `${server.base}/articles/contracts`, `${server.base}/articles/contracts-copy`, `${server.base}/private/page`, 'http://127.0.0.1:1/gone'];
    const r = await ccgAsync(['add', ...inputs, '--json'], { home });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input)).toEqual(inputs);
    expect(lines.map((l) => l.status)).toEqual(['added', 'added', 'duplicate', 'failed', 'failed']);
    for (const l of lines) expect(STATUSES).toContain(l.status);
    expect(lines[3].error).toMatch(/disallowed by robots\.txt/);
    expect(lines[2].id).toBe(lines[1].id);
    expect(server.hits.get('/private/page') ?? 0).toBe(0);
    // Added again: the copy is known to be held by the first page's document, so it is unchanged too.
    const human = await ccgAsync(['add', ...inputs], { home });
    expect(human.stdout.trim().split('\n').at(-1)).toBe('0 added, 0 updated, 3 unchanged, 2 failed');
    expect(human.stderr.trim().split('\n')).toHaveLength(2);
    // The copy's URL is recorded on the one document that holds the story.
    const docs = docsIn(home).map((f) => JSON.parse(readFileSync(join(home, 'corpus', 'documents', f), 'utf8')).document);
    expect(docs).toHaveLength(2);
    expect(docs.find((d) => d.title === 'CCGs to take on GP contracts').alternateUrls).toEqual([`${server.base}/articles/contracts-copy`]);

    const other = await ccgAsync(['add', inputs[1]!, inputs[2]!], { home: tempHome(false) });
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/^duplicate [0-9a-f]{16} {2}CCGs to take on GP contracts/m);
    expect(other.stdout.trim().split('\n').at(-1)).toBe('1 added, 0 updated, 0 unchanged, 1 duplicate, 0 failed');
  });

  it.each([
    ['/feed.xml', 'an RSS feed'],
    ['/atom.xml', 'an Atom feed'],
    ['/sitemap.xml', 'a sitemap'],
  ])('a feed (%s) is not stored as a document: it offers to register it as a source', async (path, what) => {
    const home = tempHome(false);
    const url = `${server.base}${path}`;
    const r = await ccgAsync(['add', url], { home });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`ccg add: ${url}: ${what}, not a page; nothing stored. To register it as a source: ccg --home ${home} sources add ${url}`);
    expect(r.stdout.trim()).toBe('0 added, 0 updated, 0 unchanged, 1 failed');
    expect(existsSync(join(home, 'corpus'))).toBe(false);
    const j = JSON.parse((await ccgAsync(['add', url, '--json'], { home })).stdout.trim());
    expect(j).toMatchObject({ input: url, status: 'failed', feed: what, suggest: `ccg --home ${home} sources add ${url}` });
  });

  it('a saved copy of a page already fetched is a duplicate: the fetched record, its URL, source and snapshot, stay', async () => {
    const home = tempHome(false);
    const url = `${server.base}/articles/canonical`;
    const fetched = await ccgAsync(['add', url, '--json'], { home });
    expect(JSON.parse(fetched.stdout.trim())).toMatchObject({ status: 'added' });
    const [name] = docsIn(home);
    const file = join(home, 'corpus', 'documents', name!);
    const before = readFileSync(file, 'utf8');
    const saved = join(home, 'saved-page.html');
    writeFileSync(saved, canonicalPage(server.base));
    const r = await ccgAsync(['add', saved], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^duplicate [0-9a-f]{16} {2}CCG budgets cut/m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 added, 0 updated, 0 unchanged, 1 duplicate, 0 failed');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const doc = JSON.parse(before).document;
    expect(doc.url).toBe(url);
    expect(doc.snapshot).toBeTruthy();
  });

  it.each([
    ['http://', 'http://: not a valid URL'],
    ['https://exa mple.org/x', 'https://exa mple.org/x: not a valid URL'],
    ['ftp://example.org/report.pdf', 'ftp://example.org/report.pdf: not an http(s) URL (ccg add fetches http and https pages, and reads files)'],
  ])('%s is named with what is wrong, and the other inputs are still added', async (input, message) => {
    const home = tempHome(false);
    const r = await ccgAsync(['add', input, `${server.base}/articles/contracts`], { home });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`ccg add: ${message}`);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 added, 0 updated, 0 unchanged, 1 failed');
  });

  it('a file:// URL is read as the file it names', async () => {
    const home = tempHome(false);
    const file = join(home, 'saved note.txt');
    writeFileSync(file, 'CCG boards meet\n\nThe clinical commissioning group board met on Tuesday to agree its budget for the coming year.\n');
    const r = await ccgAsync(['add', pathToFileURL(file).href], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^added {5}[0-9a-f]{16} {2}CCG boards meet/m);
  });

  it('--help documents every status it prints', async () => {
    const r = await ccgAsync(['add', '--help']);
    for (const s of STATUSES) expect(r.stdout).toMatch(new RegExp(`^  ${s} `, 'm'));
  });
});
