/**
 * PDF reports fetched and added (issue 12): a local site on 127.0.0.1 (plain node:http, as
 * test/fixture-server.ts) lists reports on a listing page, in an RSS feed (as enclosures) and in a
 * sitemap; served as application/pdf or as application/octet-stream (recognised by their bytes);
 * a truncated PDF among them fails alone and never stops the ingest. Then `ccg index` and
 * `ccg quotes --cite` give the page.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from '../src/core/types.js';
import { documentProblems } from '../src/corpus/validate.js';
import { ROOT, ccg, ccgAsync, tempHome } from './helpers.js';

type Maker = () => Promise<Uint8Array>;
let server: Server;
let base = '';
const files = new Map<string, { type: string; body: Buffer | string }>();

beforeAll(async () => {
  const { FIXTURES } = (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'pdf-fixtures.mjs')).href)) as { FIXTURES: Record<string, Maker> };
  const pdf = async (name: string): Promise<Buffer> => Buffer.from(await FIXTURES[name]!());
  server = createServer((req, res) => {
    const f = files.get((req.url ?? '/').split('?')[0]!);
    if (!f) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': f.type });
    res.end(f.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  files.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow:\n' });
  files.set('/reports/ccg-co-commissioning-one-year-on.pdf', { type: 'application/pdf', body: await pdf('one-column-report') });
  // A server that does not say what it sends: the bytes say it is a PDF.
  files.set('/reports/ccg-bulletin', { type: 'application/octet-stream', body: await pdf('two-column-page') });
  files.set('/reports/ccg-minutes-scan.pdf', { type: 'application/pdf', body: await pdf('scanned-report') });
  files.set('/reports/ccg-board-paper-2014.pdf', { type: 'application/pdf', body: await pdf('encrypted-report') });
  files.set('/reports/ccg-cut-short.pdf', { type: 'application/pdf', body: await pdf('truncated-report') });
  // A server that sends its sign-in page in place of the report, still labelled as a PDF.
  files.set('/reports/members-only.pdf', { type: 'application/pdf', body: '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form><input name="user"></form></body></html>' });
  files.set('/reports', { type: 'text/html', body: `<html><body><h1>Reports</h1>
<a href="/reports/ccg-co-commissioning-one-year-on.pdf">CCG co-commissioning: one year on (PDF)</a>
<a href="/reports/ccg-bulletin">CCG bulletin</a>
<a href="/reports/ccg-minutes-scan.pdf">CCG minutes</a>
<a href="/reports/ccg-board-paper-2014.pdf">CCG board paper</a>
<a href="/reports/ccg-cut-short.pdf">CCG report</a></body></html>` });
  files.set('/feed.xml', { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Reports</title>
<item><title>CCG co-commissioning report</title><enclosure url="${base}/reports/ccg-co-commissioning-one-year-on.pdf" type="application/pdf" length="1"/><pubDate>Wed, 12 Mar 2014 09:00:00 GMT</pubDate></item>
</channel></rss>` });
  files.set('/sitemap.xml', { type: 'application/xml', body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/reports/ccg-bulletin</loc></url></urlset>` });
});
afterAll(async () => { server.closeAllConnections(); await new Promise<void>((r) => server.close(() => r())); });

function registry(home: string, sources: object[]): void {
  const dir = join(home, 'sources', 'registry');
  mkdirSync(dir, { recursive: true });
  for (const s of sources) writeFileSync(join(dir, `${(s as { id: string }).id}.json`), JSON.stringify(s));
}

const documents = (home: string): Document[] =>
  readdirSync(join(home, 'corpus', 'documents')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(home, 'corpus', 'documents', f), 'utf8')).document as Document);

describe('PDF reports from a site', () => {
  it('ingests the reports a listing page links to; a truncated one fails alone; quotes are cited with their page', async () => {
    const home = tempHome(false);
    registry(home, [{ id: 'reports', name: 'Reports', publisher: "The King's Fund", kind: 'listing', urls: [`${base}/reports`], linkPattern: '/reports/', topics: ['ccg*'], rateLimit: { intervalMs: 0 } }]);
    const r = await ccgAsync(['ingest', '--json'], { home });
    const summary = JSON.parse(r.stdout.trim().split('\n')[0]!);
    expect(summary).toMatchObject({ source: 'reports', items: 5, new: 4, failed: 1 });
    const docs = documents(home);
    expect(docs).toHaveLength(4);
    for (const d of docs) expect(documentProblems(d)).toEqual([]);
    const report = docs.find((d) => d.url?.endsWith('one-year-on.pdf'))!;
    expect(report).toMatchObject({ kind: 'report', publisher: "The King's Fund", title: 'Primary care co-commissioning: one year on', published: '2014-03-12', pageCount: 5 });
    expect(report.snapshot).toMatchObject({ status: 200, contentType: 'application/pdf' });
    expect(report.quotes.find((q) => q.speaker === 'Dr Amanda Doyle')?.page).toBe(3);
    const bulletin = docs.find((d) => d.url?.endsWith('/ccg-bulletin'))!;
    expect(bulletin).toMatchObject({ title: 'Commissioning bulletin', kind: 'report' });
    expect(bulletin.quotes.map((q) => [q.speaker, q.page])).toEqual([['Julie Wood', 1]]);
    expect(docs.find((d) => d.url?.endsWith('scan.pdf'))).toMatchObject({ needsOcr: true, title: 'Governing body minutes, 4 June 2013' });
    expect(docs.find((d) => d.url?.endsWith('paper-2014.pdf'))).toMatchObject({ needsPassword: true, title: 'ccg board paper 2014', text: '' });

    const cite = ccg(['quotes', 'speaker:Doyle', '--cite'], { home });
    expect(cite.code).toBe(0);
    expect(cite.stdout).toMatch(/^“We want to take on .* our patients\.” — Dr Amanda Doyle, chief clinical officer of NHS Blackpool CCG, quoted in “Primary care co-commissioning: one year on”, The King's Fund, 2014-03-12, p\. 3\. http:\/\/127\.0\.0\.1:\d+\/reports\/ccg-co-commissioning-one-year-on\.pdf \(accessed \d{4}-\d{2}-\d{2}\)$/m);
    const json = JSON.parse(ccg(['quotes', 'delegation', '--json'], { home }).stdout);
    expect(json.hits[0]).toMatchObject({ speaker: 'Julie Wood', page: 1 });
    const table = ccg(['quotes', 'conflicts'], { home });
    expect(table.stdout).toMatch(/Dr Chaand Nagpaul.*\n.*p\. 4\./);
    // The unreadable report's snapshot is recorded in its URL's state, not left for verify to find.
    const v = ccg(['verify'], { home });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^All well: 4 documents, 5 snapshots, 5 URL fetch states/);

    // The second run: nothing new; the truncated report fails again on its own, named with what is wrong.
    const again = await ccgAsync(['ingest', '--no-index'], { home });
    expect(again.stdout).toMatch(/1 source: 0 new, 0 updated, 4 unchanged, 1 failed/);
    expect(`${again.stdout}${again.stderr}`).toMatch(/ccg-cut-short\.pdf: not a valid PDF: the file is cut short/);
  });

  it('finds reports as feed enclosures and in sitemaps', async () => {
    const home = tempHome(false);
    registry(home, [
      { id: 'feed', name: 'Feed', publisher: 'Feed', kind: 'rss', urls: [`${base}/feed.xml`], topics: ['ccg*'], rateLimit: { intervalMs: 0 } },
      { id: 'map', name: 'Map', publisher: 'Map', kind: 'sitemap', urls: [`${base}/sitemap.xml`], topics: ['ccg*'], rateLimit: { intervalMs: 0 } },
    ]);
    const lines = (await ccgAsync(['ingest', '--json', '--no-index'], { home })).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.source === 'feed')).toMatchObject({ items: 1, new: 1, failed: 0 });
    expect(lines.find((l) => l.source === 'map')).toMatchObject({ items: 1, new: 1, failed: 0 });
    expect(documents(home).map((d) => d.title).sort()).toEqual(['Commissioning bulletin', 'Primary care co-commissioning: one year on']);
  });

  it('ccg add takes a PDF by URL (snapshot kept) and a local PDF (provenance kept)', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['add', `${base}/reports/ccg-co-commissioning-one-year-on.pdf`, '--json'], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ status: 'added', title: 'Primary care co-commissioning: one year on', quotes: 3 });
    const local = join(home, 'bulletin.pdf');
    writeFileSync(local, files.get('/reports/ccg-bulletin')!.body);
    const l = ccg(['add', local], { home });
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^added .*Commissioning bulletin \(1 quote\)/m);
    const docs = documents(home);
    expect(docs.find((d) => d.snapshot)?.snapshot?.contentType).toBe('application/pdf');
    expect(docs.find((d) => d.provenance)?.provenance?.path).toBe('bulletin.pdf');
    const bad = await ccgAsync(['add', `${base}/reports/ccg-cut-short.pdf`], { home });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ccg-cut-short\.pdf: not a valid PDF: the file is cut short/);
    // Labelled a PDF but holding a web page: said so, not called a PDF cut short.
    const page = await ccgAsync(['add', `${base}/reports/members-only.pdf`], { home });
    expect(page.code).toBe(1);
    expect(page.stderr).toMatch(/members-only\.pdf: not a PDF \(it has no %PDF- header near its start\); it holds an HTML page, perhaps a sign-in or error page sent in its place/);
    expect(page.stderr).not.toMatch(/cut short/);
    expect(documents(home)).toHaveLength(2);
  });
});
