/**
 * ccg remove and ccg sources remove, as a librarian runs them: a real archive built by the CLI (the
 * shipped local documents and pages fetched from a server on 127.0.0.1), then documents and sources
 * taken out of it by the CLI, searched, ingested again and verified.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ccg, ccgAsync, tempHome, ROOT, CLI } from './helpers.js';

const PEOPLE = [
  ['Dr Mira Castellan', 'chair of Ashcombe LMC'],
  ['Owen Tregarth', 'accountable officer of NHS Kelby CCG'],
  ['Dr Ines Mallory', 'a GP partner in Brackwater'],
];
/** A word each article's quote holds and no other document of the archive does. */
const MARK = ['quillwort', 'marramgrass', 'sundew'];

function article(n: number): string {
  const [who, role] = PEOPLE[n % PEOPLE.length]!;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Commissioning story ${n} | Fenland Health Wire</title>
<meta property="article:published_time" content="2016-0${n + 2}-0${n + 4}T08:00:00Z"></head><body><article><h1>Commissioning story ${n}</h1>
<p>Clinical commissioning groups in district ${n} are to take over the commissioning of general practice next year, according to papers seen by this newsletter.</p>
<p>${who}, ${role}, said: ‘The ${MARK[n]} plan for district ${n} leaves CCGs marking their own homework on conflicts of interest.’</p>
<p>Board members in district ${n} will be asked to approve the arrangements at their next meeting in public, after a period of engagement with practices.</p></article></body></html>`;
}

let server: Server;
let base = '';
/** The feed's items: paths on the server. */
let feed = ['/news/0', '/news/1', '/news/2'];
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/robots.txt') { res.writeHead(404); res.end(); return; }
    if (path === '/feed.xml') {
      const items = feed.map((p) => `<item><title>Story at ${p}</title><link>${base}${p}</link><description>CCGs and co-commissioning</description></item>`).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Fenland Health Wire</title>${items}</channel></rss>`);
      return;
    }
    // /news/N, and /mirror/N: the same story at another URL.
    const m = /^\/(news|mirror)\/(\d)$/.exec(path);
    if (m && Number(m[2]) < 3) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(article(Number(m[2])));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }); });

interface Doc { id: string; url: string | null; title: string; source: string | null; quotes: { text: string }[]; snapshot?: { sha256: string }; provenance?: { path: string } }

/** The shipped documents (start --offline) and the feed's three articles (source "wire"), indexed. */
async function archive(): Promise<string> {
  feed = ['/news/0', '/news/1', '/news/2'];
  const home = tempHome();
  expect(ccg(['start', '--offline'], { home }).code).toBe(0);
  const dir = join(home, 'sources', 'registry');
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  writeFileSync(join(dir, 'wire.json'), JSON.stringify({ id: 'wire', name: 'Fenland Health Wire', publisher: 'Fenland Health Wire', kind: 'rss', urls: [`${base}/feed.xml`], topics: ['ccg*'], rateLimit: { intervalMs: 0 } }));
  const r = await ccgAsync(['ingest', '--json'], { home });
  expect(JSON.parse(r.stdout.trim().split('\n')[0]!)).toMatchObject({ new: 3, failed: 0 });
  return home;
}

const docsDir = (home: string): string => join(home, 'corpus', 'documents');
const docs = (home: string): Doc[] => readdirSync(docsDir(home)).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(docsDir(home), f), 'utf8')).document as Doc);
const wire = (home: string): Doc[] => docs(home).filter((d) => d.source === 'wire').sort((a, b) => a.url!.localeCompare(b.url!));
const shipped = (home: string): Doc => docs(home).find((d) => d.quotes.some((q) => q.text.includes('barking mad')))!;
const quoteHits = (home: string, query: string): number => JSON.parse(ccg(['quotes', query, '--json'], { home }).stdout).total;
const searchIds = (home: string, query: string): string[] => JSON.parse(ccg(['search', query, '--json'], { home }).stdout).hits.map((h: { id: string }) => h.id);

/** Every file under the archive's corpus/, index/ and sources/ with its size and mtime: "nothing changed" is this, unchanged. */
function snapshotOf(home: string): string {
  const lines: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else lines.push(`${p} ${statSync(p).size} ${statSync(p).mtimeMs}`);
    }
  };
  for (const d of ['corpus', 'index', 'sources']) walk(join(home, d));
  return lines.sort().join('\n');
}

function verifiesClean(home: string): void {
  const r = ccg(['verify'], { home });
  expect(r.stdout, r.stdout + r.stderr).toMatch(/^All well: /m);
  expect(r.code).toBe(0);
}

describe('ccg remove', () => {
  it('takes a document out: no search finds it, its removal record keeps its provenance, and verify is clean', async () => {
    const home = await archive();
    const doc = shipped(home);
    expect(quoteHits(home, '"barking mad"')).toBe(1);
    expect(searchIds(home, 'barking')).toContain(doc.id);

    const r = ccg(['remove', doc.id, '--reason', 'duplicate of a printed copy'], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${doc.id}  ${doc.title}`);
    expect(r.stdout).toMatch(/Removed 1 document/);
    expect(r.stdout).toMatch(/Index updated: 7 documents/);

    expect(existsSync(join(docsDir(home), `${doc.id}.json`))).toBe(false);
    const removal = JSON.parse(readFileSync(join(home, 'corpus', 'removed', `${doc.id}.json`), 'utf8'));
    expect(removal).toMatchObject({
      format: 'ccg-removal', id: doc.id, reason: 'duplicate of a printed copy', removedBy: expect.stringMatching(/^ccg remove \(/),
      document: { title: doc.title, url: doc.url, quotes: doc.quotes.length, provenance: { path: doc.provenance!.path } },
    });
    expect(JSON.stringify(removal)).not.toContain('barking mad');

    expect(quoteHits(home, '"barking mad"')).toBe(0);
    expect(searchIds(home, 'barking')).not.toContain(doc.id);
    verifiesClean(home);
    expect(JSON.parse(ccg(['verify', '--json'], { home }).stdout).checked).toMatchObject({ documents: 7, removed: 1 });

    // It stays out: "ccg start" adds the shipped files again, but not this one.
    const start = ccg(['start', '--offline'], { home });
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(/0 added, 0 updated, 4 unchanged, 1 left out \(removed\), 0 failed/);
    expect(quoteHits(home, '"barking mad"')).toBe(0);
    verifiesClean(home);

    // A librarian adding its file by hand brings it back, and its removal record goes.
    const add = ccg(['add', join(home, 'sources', 'local', doc.provenance!.path.split('/').pop()!)], { home });
    expect(add.stdout).toMatch(new RegExp(`^added +${doc.id}`, 'm'));
    expect(existsSync(join(home, 'corpus', 'removed', `${doc.id}.json`))).toBe(false);
    expect(ccg(['index'], { home }).code).toBe(0);
    expect(quoteHits(home, '"barking mad"')).toBe(1);
    verifiesClean(home);
  });

  it('--dry-run shows what would go and changes nothing; --json says the same for scripts', async () => {
    const home = await archive();
    const [a, b] = wire(home) as [Doc, Doc];
    const before = snapshotOf(home);
    const r = ccg(['remove', a.id, b.url!, '--dry-run'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Would remove 2 documents \(2 quotes\):/);
    expect(r.stdout).toContain(`${a.id}  ${a.title}`);
    expect(r.stdout).toContain(`${b.id}  ${b.title}`);
    expect(r.stdout).toMatch(/Nothing removed \(--dry-run\)\.$/m);
    const json = ccg(['remove', a.id, '--dry-run', '--json'], { home });
    expect(JSON.parse(json.stdout)).toEqual({
      dryRun: true, documents: [{ id: a.id, title: a.title, source: 'wire', url: a.url, published: expect.any(String), quotes: 1 }], index: { updated: false, reason: 'dry run' },
    });
    expect(snapshotOf(home)).toBe(before);
    expect(quoteHits(home, MARK[0]!)).toBe(1);

    const done = JSON.parse(ccg(['remove', a.id, '--json'], { home }).stdout);
    expect(done).toMatchObject({ dryRun: false, documents: [{ id: a.id }], index: { updated: true, documents: 7 } });
    expect(quoteHits(home, MARK[0]!)).toBe(0);
  });

  it('an unknown id, a removed one or a path is refused in one line naming it, and nothing is removed', async () => {
    const home = await archive();
    const keep = wire(home)[0]!;
    const before = snapshotOf(home);
    const cases: Array<[string[], RegExp]> = [
      [[keep.id, '0123456789abcdef'], /no document 0123456789abcdef in .*corpus\/documents; nothing removed$/],
      [['../../sources/registry/wire'], /"\.\.\/\.\.\/sources\/registry\/wire" is neither a document id .* nor an http\(s\) URL; nothing removed$/],
      [[join(ROOT, 'package')], /is neither a document id/],
      [[`${base}/news/9`, keep.id], new RegExp(`no stored document has the URL ${base}/news/9; nothing removed$`)],
      [['--source', 'nobody'], /no stored document of source "nobody"; nothing removed$/],
    ];
    for (const [args, message] of cases) {
      const r = ccg(['remove', ...args], { home });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    expect(snapshotOf(home)).toBe(before);
    expect(ccg(['remove'], { home }).code).toBe(2);

    expect(ccg(['remove', keep.id], { home }).code).toBe(0);
    const again = ccg(['remove', keep.id], { home });
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toMatch(new RegExp(`document ${keep.id} was already removed, \\d{4}-\\d\\d-\\d\\d by ccg remove \\(.*\\); nothing removed$`));
  });

  it('a fetched document removed by its URL stays out of the next ingest, even at another URL; ccg add URL brings it back', async () => {
    const home = await archive();
    const [gone, kept] = wire(home) as [Doc, Doc];
    const r = ccg(['remove', gone.url!], { home });
    expect(r.code).toBe(0);
    expect(quoteHits(home, MARK[0]!)).toBe(0);
    // The fetch state still names it and its snapshot stays: the removal record accounts for both.
    expect(existsSync(join(home, 'corpus', 'snapshots', gone.snapshot!.sha256.slice(0, 2), `${gone.snapshot!.sha256}.gz`))).toBe(true);
    verifiesClean(home);

    feed = ['/news/0', '/news/1', '/news/2', '/mirror/0'];
    const ingest = await ccgAsync(['ingest', '--json'], { home });
    expect(JSON.parse(ingest.stdout.trim().split('\n')[0]!)).toMatchObject({ items: 4, new: 0, unchanged: 2, skipped: 2, failed: 0 });
    expect(docs(home).map((d) => d.id)).not.toContain(gone.id);
    expect(quoteHits(home, MARK[0]!)).toBe(0);
    expect(quoteHits(home, MARK[1]!)).toBe(1);
    verifiesClean(home);
    // --repair has nothing to bring back.
    expect(ccg(['verify', '--repair'], { home }).stdout).toMatch(/^Nothing to repair; all well/m);
    expect(quoteHits(home, MARK[0]!)).toBe(0);

    const add = await ccgAsync(['add', gone.url!], { home });
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(new RegExp(`^added +${gone.id}`, 'm'));
    expect(existsSync(join(home, 'corpus', 'removed', `${gone.id}.json`))).toBe(false);
    expect(ccg(['index'], { home }).code).toBe(0);
    expect(quoteHits(home, MARK[0]!)).toBe(1);
    expect(wire(home).map((d) => d.id)).toContain(kept.id);
    verifiesClean(home);
  });

  it('--no-index leaves the index behind, says to run ccg index, and verify names it until then', async () => {
    const home = await archive();
    const doc = wire(home)[2]!;
    const r = ccg(['remove', doc.id, '--no-index'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`The search index still lists it: run "ccg --home ${home} index" to update it\\.`));
    expect(quoteHits(home, MARK[2]!)).toBe(1);
    const verify = ccg(['verify'], { home });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(new RegExp(`lists 1 document that the corpus lacks or cannot read: ${doc.id} \\[left by .*ccg remove --no-index`));
    expect(ccg(['index'], { home }).code).toBe(0);
    expect(quoteHits(home, MARK[2]!)).toBe(0);
    verifiesClean(home);
  });

  it('a removal stopped between its two writes is named by verify as a leftover, and --repair finishes it', async () => {
    const home = await archive();
    const doc = wire(home)[1]!;
    const record = join(docsDir(home), `${doc.id}.json`);
    const saved = `${record}.saved`;
    copyFileSync(record, saved);
    expect(ccg(['remove', doc.id], { home }).code).toBe(0);
    // As if killed after the removal record was written and before the record was deleted.
    copyFileSync(saved, record);
    rmSync(saved);
    const verify = ccg(['verify', '--json'], { home });
    expect(verify.code).toBe(1);
    const kinds = JSON.parse(verify.stdout).problems.map((p: { kind: string; leftover: boolean }) => [p.kind, p.leftover]);
    expect(kinds).toContainEqual(['removal-unfinished', true]);
    const repair = ccg(['verify', '--repair'], { home });
    expect(repair.stdout).toMatch(new RegExp(`removal finished: ${doc.id}\\.json deleted`));
    expect(repair.code).toBe(0);
    expect(existsSync(record)).toBe(false);
    expect(quoteHits(home, MARK[1]!)).toBe(0);
    verifiesClean(home);
  });
});

describe('ccg remove when a write fails, and a damaged removal record', () => {
  it('a full disk while writing the removal record: one line naming the file, exit 1, the archive as it was', async () => {
    const home = await archive();
    const doc = wire(home)[0]!;
    const before = snapshotOf(home);
    const r = spawnSync(process.execPath, [CLI, '--home', home, 'remove', doc.id], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CCG_HOME: '', CCG_FAULT: 'ENOSPC:match=removed' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toBe(`ccg: cannot write ${join(home, 'corpus', 'removed', `${doc.id}.json`)}: no space left on the device; free some space and run the command again (what was stored before is unchanged)`);
    expect(snapshotOf(home)).toBe(before);
    expect(quoteHits(home, MARK[0]!)).toBe(1);
    verifiesClean(home);
  });

  it('an unreadable removal record is damage; --repair sets it aside and the document stays removed', async () => {
    const home = await archive();
    const doc = wire(home)[0]!;
    expect(ccg(['remove', doc.id], { home }).code).toBe(0);
    const file = join(home, 'corpus', 'removed', `${doc.id}.json`);
    writeFileSync(file, '{"format": "ccg-removal", "vers');
    const verify = ccg(['verify'], { home });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(new RegExp(`^${file}: corrupt removal record \\(not valid JSON`, 'm'));
    const repair = ccg(['verify', '--repair'], { home });
    expect(repair.stdout).toMatch(/the document stays removed/);
    expect(repair.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'ccg-removal', id: doc.id });
    expect(readdirSync(join(home, 'corpus', 'quarantine')).some((n) => n.endsWith(`${doc.id}.json`))).toBe(true);
    expect(docs(home).map((d) => d.id)).not.toContain(doc.id);
    expect(quoteHits(home, MARK[0]!)).toBe(0);
    verifiesClean(home);
  });
});

describe('ccg sources remove', () => {
  it('unregisters a source and keeps its documents; --with-documents takes them out too; verify is clean after each', async () => {
    const home = await archive();
    const registry = join(home, 'sources', 'registry');
    writeFileSync(join(registry, 'spare.json'), JSON.stringify({ id: 'spare', name: 'Spare', publisher: 'Spare', kind: 'rss', urls: [`${base}/feed.xml`], enabled: false }));
    const before = snapshotOf(home);
    const dry = ccg(['sources', 'remove', 'wire', '--dry-run'], { home });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Would remove source wire (${join(registry, 'wire.json')}).`);
    expect(dry.stdout).toMatch(/Its 3 documents would stay in the archive and in searches; "ccg --home \S+ remove --source wire" removes them, or add --with-documents\./);
    expect(snapshotOf(home)).toBe(before);

    const r = ccg(['sources', 'remove', 'wire'], { home });
    expect(r.code).toBe(0);
    expect(existsSync(join(registry, 'wire.json'))).toBe(false);
    expect(ccg(['sources', 'list'], { home }).stdout).not.toMatch(/\bwire\b/);
    expect(wire(home)).toHaveLength(3);
    expect(quoteHits(home, MARK[0]!)).toBe(1);
    verifiesClean(home);
    // Its documents can still be removed by the source's id.
    expect(JSON.parse(ccg(['remove', '--source', 'wire', '--dry-run', '--json'], { home }).stdout).documents).toHaveLength(3);

    const json = ccg(['sources', 'remove', 'spare', '--with-documents', '--json'], { home });
    expect(JSON.parse(json.stdout)).toMatchObject({ dryRun: false, source: { id: 'spare', valid: true }, documents: [], kept: 0 });

    // A source that still has documents, removed with them.
    writeFileSync(join(registry, 'wire.json'), JSON.stringify({ id: 'wire', name: 'Fenland Health Wire', publisher: 'Fenland Health Wire', kind: 'rss', urls: [`${base}/feed.xml`] }));
    const all = ccg(['sources', 'remove', 'wire', '--with-documents', '--reason', 'feed closed'], { home });
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/Removing 3 documents \(3 quotes\):/);
    expect(all.stdout).toMatch(/Index updated: 5 documents/);
    expect(wire(home)).toHaveLength(0);
    for (const m of MARK) expect(quoteHits(home, m)).toBe(0);
    expect(quoteHits(home, '"barking mad"')).toBe(1);
    expect(readdirSync(join(home, 'corpus', 'removed'))).toHaveLength(3);
    verifiesClean(home);
  });

  it('an unknown or unsafe name is refused in one line, and nothing is removed; a broken registry file is found by its name', async () => {
    const home = await archive();
    const registry = join(home, 'sources', 'registry');
    const before = snapshotOf(home);
    for (const [name, message] of [
      ['nowhere', /no source "nowhere" in .*sources\/registry .*; nothing removed$/],
      ['../registry/wire', /source id "\.\.\/registry\/wire": expected lower-case letters/],
      ['/etc/passwd', /source id "\/etc\/passwd": expected lower-case letters/],
    ] as const) {
      const r = ccg(['sources', 'remove', name], { home });
      expect(r.code, name).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    expect(snapshotOf(home)).toBe(before);

    writeFileSync(join(registry, 'broken.json'), '{"id": "broken", "kind": "rss"');
    const r = ccg(['sources', 'remove', 'broken'], { home });
    expect(r.code).toBe(0);
    expect(existsSync(join(registry, 'broken.json'))).toBe(false);
    expect(existsSync(join(registry, 'wire.json'))).toBe(true);
  });
});

describe('help', () => {
  it('ccg remove --help and ccg sources --help say what happens to a removed document and a source’s documents', () => {
    const help = ccg(['remove', '--help']).stdout;
    expect(help).toMatch(/Usage: ccg remove ID\|URL\.\.\./);
    expect(help).toMatch(/corpus\/removed\/ID\.json/);
    expect(help).toMatch(/--dry-run[\s\S]*--json/);
    expect(ccg(['sources', '--help']).stdout).toMatch(/remove ID[\s\S]*Its documents\s+stay in the archive[\s\S]*--with-documents/);
    expect(ccg(['--help']).stdout).toMatch(/\bremove\b/);
  });
});
