/**
 * ccg verify and ccg verify --repair, as a user runs them: a real archive built by the CLI (the
 * shipped local documents and pages fetched from a server on 127.0.0.1), damaged on disk, then
 * checked and repaired by the CLI.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ccg, ccgAsync, tempHome } from './helpers.js';
import { documentProblems } from '../src/corpus/validate.js';

const TOPICS = ['ccg*', 'co-commissioning'];
const SPEAKERS = [
  ['Dr Anna Reyes', 'chair of Westmere LMC'],
  ['Tom Okafor', 'chief officer of NHS Eastbrook CCG'],
  ['Dr Priya Lal', 'a GP in Northvale'],
  ['Sam Whitlow', 'director of the Health Policy Unit'],
];

function article(n: number): string {
  const [who, role] = SPEAKERS[n % SPEAKERS.length]!;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CCG story ${n} | Test Health News</title>
<meta property="article:published_time" content="2015-0${(n % 9) + 1}-1${n % 10}T09:00:00Z"></head><body><article><h1>CCG story number ${n}</h1>
<p>Clinical commissioning groups in area ${n} will take on the commissioning of GP services from April, under plans published this week by the regional team.</p>
<p>${who}, ${role}, said: ‘Story ${n} shows that co-commissioning needs clear rules on conflicts of interest before CCGs take it on.’</p>
<p>The plans for area ${n} will be discussed at the board meeting next month, when members are expected to vote on the timetable.</p></article></body></html>`;
}

let server: Server;
let base = '';
const ARTICLES = 4;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/robots.txt') { res.writeHead(404); res.end(); return; }
    if (path === '/feed.xml') {
      const items = Array.from({ length: ARTICLES }, (_, i) => `<item><title>CCG story ${i}</title><link>${base}/news/${i}</link><description>CCGs and co-commissioning</description></item>`).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Health News</title>${items}</channel></rss>`);
      return;
    }
    const m = /^\/news\/(\d+)$/.exec(path);
    if (m && Number(m[1]) < ARTICLES) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(article(Number(m[1])));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }); });

interface Doc { id: string; url: string | null; title: string; text: string; quotes: { text: string; speaker: string | null }[]; snapshot?: { sha256: string } }

async function archive(): Promise<string> {
  const home = tempHome();
  expect(ccg(['start', '--offline'], { home }).code).toBe(0);
  const dir = join(home, 'sources', 'registry');
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  writeFileSync(join(dir, 'test-news.json'), JSON.stringify({ id: 'test-news', name: 'Test Health News', publisher: 'Test Health News', kind: 'rss', urls: [`${base}/feed.xml`], topics: TOPICS, rateLimit: { intervalMs: 0 } }));
  const r = await ccgAsync(['ingest', '--json'], { home });
  expect(JSON.parse(r.stdout.trim().split('\n')[0]!)).toMatchObject({ new: ARTICLES, failed: 0 });
  return home;
}

const docsDir = (home: string): string => join(home, 'corpus', 'documents');
const docs = (home: string): Doc[] => readdirSync(docsDir(home)).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(docsDir(home), f), 'utf8')).document as Doc);
const fetched = (home: string): Doc[] => docs(home).filter((d) => d.snapshot).sort((a, b) => a.url!.localeCompare(b.url!));
const snapshotFile = (home: string, hash: string): string => join(home, 'corpus', 'snapshots', hash.slice(0, 2), `${hash}.gz`);
const same = (d: Doc): object => ({ id: d.id, title: d.title, text: d.text, quotes: d.quotes.map((q) => [q.text, q.speaker]) });

describe('ccg verify', () => {
  it('finds nothing wrong in an archive built by start and ingest', async () => {
    const home = await archive();
    const r = ccg(['verify'], { home });
    expect(r.stdout).toMatch(/^All well: 9 documents, 4 snapshots, 4 URL fetch states, an index of 9 documents$/m);
    expect(r.code).toBe(0);
    const json = JSON.parse(ccg(['verify', '--json'], { home }).stdout);
    expect(json).toMatchObject({ ok: true, problems: [], checked: { documents: 9, snapshots: 4, urlStates: 4, indexed: 9 } });
  });

  it('names each kind of damage with its file; --repair fixes what it can and names the rest; then all is well', async () => {
    const home = await archive();
    const before = fetched(home);
    expect(before).toHaveLength(4);
    const [truncated, flipped, unsnapped, removed] = before as [Doc, Doc, Doc, Doc];
    const dir = docsDir(home);
    const local = docs(home).find((d) => !d.snapshot)!;
    // 1. a truncated record; 2. a byte flipped in a snapshot; 3. a snapshot deleted; 4. a record the index lists, removed
    truncateSync(join(dir, `${truncated.id}.json`), 100);
    const flippedFile = snapshotFile(home, flipped.snapshot!.sha256);
    const bytes = readFileSync(flippedFile);
    bytes[bytes.length - 6] = bytes[bytes.length - 6]! ^ 0xff;
    writeFileSync(flippedFile, bytes);
    rmSync(snapshotFile(home, unsnapped.snapshot!.sha256));
    rmSync(join(dir, `${removed.id}.json`));
    // 5. a temporary file left by a killed write; 6. a record under another name than its id
    const tmp = join(dir, `.${truncated.id}.json.4194999.0badc0de.tmp`);
    writeFileSync(tmp, '{"format":');
    renameSync(join(dir, `${local.id}.json`), join(dir, 'renamed.json'));

    const r = ccg(['verify'], { home });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const line = (file: string, pattern: RegExp): void => {
      expect(lines.some((l) => l.startsWith(`${file}: `) && pattern.test(l)), `${file} ${pattern}\n${r.stdout}`).toBe(true);
    };
    line(join(dir, `${truncated.id}.json`), /corrupt document record \(not valid JSON/);
    line(flippedFile, /bytes do not match the name|cannot be unpacked/);
    line(join(home, 'index', 'manifest.json'), new RegExp(`lists 3 documents that the corpus lacks or cannot read: .*${removed.id}`));
    line(join(dir, 'renamed.json'), new RegExp(`holds document ${local.id} but is not named ${local.id}\\.json`));
    line(tmp, /temporary file of a write that did not finish/);
    expect(lines.filter((l) => /revision whose snapshot is missing/.test(l))).toHaveLength(1);
    expect(lines.some((l) => l.includes(`names document ${removed.id}, which is not stored`))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ problems in .*"ccg --home \S+ verify --repair"/);
    const json = JSON.parse(ccg(['verify', '--json'], { home }).stdout);
    expect(json.ok).toBe(false);
    expect(new Set(json.problems.map((p: { kind: string }) => p.kind))).toEqual(new Set([
      'temporary-file', 'record-corrupt', 'record-misnamed', 'snapshot-corrupt', 'state-missing-snapshot', 'state-missing-document', 'content-key-stale', 'index-stale',
    ]));
    // A content key is written before its document: a key naming a document not stored is what a stopped run leaves.
    expect(json.problems.filter((p: { kind: string }) => p.kind === 'content-key-stale').map((p: { leftover: boolean }) => p.leftover)).toEqual([true]);

    // The index still builds from what can be read, naming what it left out.
    const index = ccg(['index'], { home });
    expect(index.code).toBe(1);
    expect(index.stderr).toContain(`${join(dir, `${truncated.id}.json`)}: corrupt document record`);
    expect(index.stderr).toContain(`run "ccg --home ${home} verify --repair"`);
    expect(index.stdout).toMatch(/Indexed 6 documents/);

    const repair = ccg(['verify', '--repair'], { home });
    expect(repair.code).toBe(1);
    expect(repair.stdout).toContain(`repaired: ${tmp}: removed`);
    expect(repair.stdout).toMatch(new RegExp(`document ${truncated.id} rebuilt from snapshot`));
    expect(repair.stdout).toMatch(new RegExp(`document ${removed.id} rebuilt from snapshot`));
    expect(repair.stdout).toContain(`renamed to ${join(dir, `${local.id}.json`)}`);
    // The two pages whose raw bytes are gone cannot be repaired offline: named, with what to run.
    const notRepaired = repair.stdout.split('\n').filter((l) => l.startsWith('not repaired: '));
    expect(notRepaired).toHaveLength(2);
    for (const d of [flipped, unsnapped]) expect(notRepaired.some((l) => l.includes(`${d.id}.json: its snapshot`) && l.includes(`"ccg --home ${home} ingest"`))).toBe(true);
    expect(existsSync(tmp)).toBe(false);

    // Quarantine: the truncated record and the damaged snapshot, each with a note saying where from, when and why.
    const q = join(home, 'corpus', 'quarantine');
    const notes = readdirSync(q).filter((f) => f.endsWith('.note')).map((f) => readFileSync(join(q, f), 'utf8'));
    expect(notes).toHaveLength(2);
    expect(notes.some((n) => n.includes(`from: corpus/documents/${truncated.id}.json`) && /why: corrupt document record/.test(n))).toBe(true);
    expect(notes.some((n) => n.includes(`from: corpus/snapshots/${flipped.snapshot!.sha256.slice(0, 2)}/`) && /at: \d{4}-\d\d-\d\dT/.test(n))).toBe(true);

    // Rebuilt documents are the documents ingest made.
    const after = new Map(docs(home).map((d) => [d.id, d]));
    expect(same(after.get(truncated.id)!)).toEqual(same(truncated));
    expect(same(after.get(removed.id)!)).toEqual(same(removed));
    expect(after.size).toBe(9);

    // The next ingest fetches the two lost pages again; then all is well.
    await ccgAsync(['ingest'], { home });
    const v = ccg(['verify'], { home });
    expect(v.stdout).toMatch(/^All well: 9 documents, 4 snapshots/m);
    expect(v.code).toBe(0);
    expect(existsSync(flippedFile)).toBe(true);
  });

  it('a record invalid against the data model is named with the field; a shipped document set aside comes back from sources/local', async () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const dir = docsDir(home);
    const victim = readdirSync(dir).find((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).document.quotes.length)!;
    const record = JSON.parse(readFileSync(join(dir, victim), 'utf8'));
    const original = same(record.document);
    record.document.quotes[0].stance = 'furious';
    record.document.quotes[0].end = record.document.text.length + 5;
    record.document.published = '2015-02-30';
    writeFileSync(join(dir, victim), JSON.stringify(record));
    const r = ccg(['verify'], { home });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, victim)}: invalid document record: published: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "2015-02-30"; quotes[0].stance: expected one of support, oppose, mixed, neutral; got "furious"; quotes[0].start: offsets`);
    const repair = ccg(['verify', '--repair'], { home });
    expect(repair.stdout).toMatch(/added again from .*sources\/local\//);
    expect(repair.code).toBe(0);
    expect(same(JSON.parse(readFileSync(join(dir, victim), 'utf8')).document)).toEqual(original);
    expect(ccg(['verify'], { home }).code).toBe(0);
  });

  it('--repair on a sound archive changes nothing; leftovers of a stopped run are marked as such', async () => {
    const home = await archive();
    const r = ccg(['verify', '--repair'], { home });
    expect(r.stdout).toMatch(/^Nothing to repair; all well/m);
    expect(r.code).toBe(0);
    expect(existsSync(join(home, 'corpus', 'quarantine'))).toBe(false);
    // A snapshot stored just before a kill: what a stopped run leaves.
    const { gzipSync } = await import('node:zlib');
    const { createHash } = await import('node:crypto');
    const body = Buffer.from('<html><body>a page fetched just before a kill</body></html>');
    const hash = createHash('sha256').update(body).digest('hex');
    const real = snapshotFile(home, hash);
    mkdirSync(join(real, '..'), { recursive: true });
    writeFileSync(real, gzipSync(body));
    const v = JSON.parse(ccg(['verify', '--json'], { home }).stdout);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'snapshot-orphan', file: real, leftover: true })]);
    expect(ccg(['verify', '--repair'], { home }).code).toBe(0);
    expect(existsSync(real)).toBe(false);
    expect(ccg(['verify'], { home }).code).toBe(0);
  });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A line of output: `file: ` as written, then the rest as a pattern. */
const at = (file: string, rest: string): RegExp => new RegExp(`^${escape(file)}: ${rest}$`);

describe('ccg verify: stray and damaged files of each kind', () => {
  it('names each in the order it reads them (records, snapshots, URL states, source states, content keys, the index); --repair sets each aside in that order', () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const c = join(home, 'corpus');
    const dir = docsDir(home);
    const first = readdirSync(dir)[0]!;
    const id = first.replace(/\.json$/, '');
    const put = (path: string, text: string): string => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      return path;
    };
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    const copy = put(join(dir, 'copy.json'), readFileSync(join(dir, first), 'utf8'));
    const stray = put(join(c, 'snapshots', 'ab', 'notes.txt'), 'not a snapshot');
    const hash = `cd${'e'.repeat(62)}`;
    const wrong = join(c, 'snapshots', 'cd', `${hash}.gz`);
    mkdirSync(join(wrong, '..'), { recursive: true });
    writeFileSync(wrong, gzipSync(Buffer.from('other bytes')));
    const urls = join(c, 'fetch-state', 'urls');
    const readme = put(join(urls, 'readme.txt'), 'not a fetch state');
    const bad = put(join(urls, 'bad.json'), '{');
    const invalid = put(join(urls, 'invalid.json'), '{"format":"ccg-fetch-state","version":1,"revisions":[{"sha256":"x"}]}');
    const url = 'https://example.org/a';
    const misnamed = put(join(urls, 'misnamed.json'), JSON.stringify({ format: 'ccg-fetch-state', version: 1, url, finalUrl: url, source: 's', lastCheckedAt: '2020-01-01T00:00:00.000Z', etag: null, lastModified: null, revisions: [] }));
    const sources = join(c, 'fetch-state', 'sources');
    const broken = put(join(sources, 'broken.json'), '{');
    const other = put(join(sources, 'mine.json'), '{"id":"other"}');
    const content = join(c, 'fetch-state', 'content');
    const noId = put(join(content, 'k1.json'), '{}');
    const corruptKey = put(join(content, 'k2.json'), '[');
    const staleKey = put(join(content, 'k3.json'), '{"id":"0123456789abcdef"}');
    const manifest = join(home, 'index', 'manifest.json');
    rmSync(manifest);

    const r = ccg(['verify'], { home });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      at(folder, 'cannot be read \\(.+\\)'),
      at(copy, `holds document ${id}, which ${id}\\.json holds too`),
      at(stray, 'not a snapshot \\(snapshots are <aa>/<sha256>\\.gz\\)'),
      at(wrong, `bytes do not match the name \\(their sha256 is ${createHash('sha256').update('other bytes').digest('hex').slice(0, 12)}…\\)`),
      at(bad, 'corrupt fetch state \\(.+\\)'),
      at(invalid, 'invalid fetch state: url: expected a string; finalUrl: expected a string; source: expected a string'),
      at(misnamed, `fetch state of ${escape(url)} under another name \\(expected ${createHash('sha256').update(url).digest('hex').slice(0, 24)}\\.json\\)`),
      at(readme, 'not a fetch state'),
      at(broken, 'corrupt source state \\(.+\\)'),
      at(other, 'source state of another source or without an id'),
      at(noId, 'content key without a document id'),
      at(corruptKey, 'corrupt content key \\(.+\\)'),
      at(staleKey, 'names document 0123456789abcdef, which is not stored \\[left by a stopped run\\]'),
      at(manifest, 'no index: 5 documents cannot be searched \\[left by a stopped run\\]'),
      new RegExp(`^14 problems in 7 documents, 1 snapshot, 3 URL fetch states, no index; "ccg --home ${escape(home)} verify --repair" rebuilds what can be rebuilt$`),
    ].map((p) => expect.stringMatching(p)));

    // A folder in a record's place is not what a user leaves; the rest is set aside.
    rmSync(folder, { recursive: true });
    const q = join(c, 'quarantine');
    const moved = (file: string, name: string): RegExp => new RegExp(`^repaired: ${escape(file)}: moved to ${escape(q)}/\\d{8}T\\d{6}Z-${escape(name)}$`);
    const repair = ccg(['verify', '--repair'], { home });
    expect(repair.stdout.trimEnd().split('\n')).toEqual([
      moved(copy, 'documents_copy.json'),
      moved(stray, 'snapshots_ab_notes.txt'),
      moved(wrong, `snapshots_cd_${hash}.gz`),
      moved(bad, 'fetch-state_urls_bad.json'),
      moved(invalid, 'fetch-state_urls_invalid.json'),
      moved(misnamed, 'fetch-state_urls_misnamed.json'),
      moved(readme, 'fetch-state_urls_readme.txt'),
      moved(broken, 'fetch-state_sources_broken.json'),
      moved(other, 'fetch-state_sources_mine.json'),
      moved(noId, 'fetch-state_content_k1.json'),
      moved(corruptKey, 'fetch-state_content_k2.json'),
      new RegExp(`^repaired: ${escape(staleKey)}: removed \\(ingest writes it again when it stores that text\\)$`),
      new RegExp(`^repaired: ${escape(manifest)}: rebuilt: 5 documents, \\d+ quotes$`),
      /^13 repairs; all well: 5 documents, 0 snapshots, 0 URL fetch states, an index of 5 documents$/,
    ].map((p) => expect.stringMatching(p)));
    expect(repair.code).toBe(0);
    expect(readdirSync(q).filter((f) => f.endsWith('.note'))).toHaveLength(11);
    expect(existsSync(staleKey)).toBe(false);
  });
});

describe('ccg verify: fetch states and documents out of step', () => {
  it('a document no fetch state records gets a state or a revision; a record lost with its snapshot is named as lost, its stale state and key cleared', async () => {
    const home = await archive();
    const [a, b, c] = fetched(home) as [Doc, Doc, Doc];
    const urls = join(home, 'corpus', 'fetch-state', 'urls');
    const stateFile = (d: Doc): string => join(urls, `${createHash('sha256').update(d.url!).digest('hex').slice(0, 24)}.json`);
    // a: its fetch state deleted; b: its state without revisions; c: its record and snapshot deleted.
    rmSync(stateFile(a));
    writeFileSync(stateFile(b), JSON.stringify({ ...JSON.parse(readFileSync(stateFile(b), 'utf8')), revisions: [] }));
    rmSync(join(docsDir(home), `${c.id}.json`));
    rmSync(snapshotFile(home, c.snapshot!.sha256));
    const manifest = join(home, 'index', 'manifest.json');
    const byId = [a, b].sort((x, y) => x.id.localeCompare(y.id));
    const key = `${escape(join(home, 'corpus', 'fetch-state', 'content'))}/[0-9a-f]+\\.json`;
    const stale = ' \\[left by a stopped run\\]';

    const r = ccg(['verify'], { home });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      new RegExp(`^${key}: names document ${c.id}, which is not stored${stale}$`),
      at(stateFile(c), `${escape(c.url!)}: 1 revision whose snapshot is missing \\(${c.snapshot!.sha256.slice(0, 12)}\\)`),
      at(stateFile(c), `${escape(c.url!)}: names document ${c.id}, which is not stored`),
      // Documents in the order of their ids.
      ...byId.map((d) => at(join(docsDir(home), `${d.id}.json`), `fetched \\S+ but no fetch state records it \\(a run stopped before recording it\\)${stale}`)),
      at(manifest, `lists 1 document that the corpus lacks or cannot read: ${c.id} \\[left by .*\\]`),
      /^6 problems in 8 documents, 3 snapshots, 3 URL fetch states, an index of 9 documents; /,
    ].map((p) => expect.stringMatching(p)));

    const repair = ccg(['verify', '--repair'], { home });
    expect(repair.code).toBe(1);
    const ccgHome = `ccg --home ${escape(home)}`;
    expect(repair.stdout.trimEnd().split('\n')).toEqual([
      new RegExp(`^repaired: ${escape(stateFile(c))}: 1 revision without a snapshot removed; the next "${ccgHome} ingest" fetches the page again$`),
      ...byId.map((d) => new RegExp(`^repaired: ${escape(join(docsDir(home), `${d.id}.json`))}: fetch state of ${escape(d.url!)} ${d === a ? 'rebuilt from the document and its snapshot' : 'given the revision'} \\(${escape(stateFile(d))}\\)$`)),
      new RegExp(`^repaired: ${key}: removed \\(ingest writes it again when it stores that text\\)$`),
      new RegExp(`^repaired: ${escape(manifest)}: rebuilt: 8 documents, \\d+ quotes$`),
      new RegExp(`^not repaired: ${escape(manifest)}: lists document ${c.id}, whose record is gone and could not be rebuilt \\(no snapshot or source file\\) \\(a shipped document comes back with "${ccgHome} start", a fetched one with "${ccgHome} ingest", another with "${ccgHome} add FILE"\\)$`),
      /^5 repairs; 1 problem left in 8 documents, 3 snapshots, 4 URL fetch states, an index of 8 documents$/,
    ].map((p) => expect.stringMatching(p)));
    const state = JSON.parse(readFileSync(stateFile(b), 'utf8'));
    expect(state.revisions.map((x: { sha256: string; documentId: string }) => [x.sha256, x.documentId])).toEqual([[b.snapshot!.sha256, b.id]]);
    expect(ccg(['verify'], { home }).stdout).toMatch(/^All well: 8 documents, 3 snapshots, 4 URL fetch states, an index of 8 documents$/m);
  });
});

describe('ccg verify --repair: records set aside come back from their source file', () => {
  it('an added file still where its provenance says comes back from there; a shipped document from sources/local; in that order', () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const file = join(home, 'note.txt');
    writeFileSync(file, 'CCG boards meet\n\nDr Ann Lee, chair of NHS Northvale CCG, said: ‘The board will meet in public to agree its budget.’\n');
    const added = JSON.parse(ccg(['add', file, '--json'], { home }).stdout.trim().split('\n')[0]!) as { id: string };
    const dir = docsDir(home);
    const addedFile = join(dir, `${added.id}.json`);
    const record = JSON.parse(readFileSync(addedFile, 'utf8'));
    const kind = record.document.kind;
    record.document.kind = 'tweet';
    writeFileSync(addedFile, JSON.stringify(record));
    const shipped = readdirSync(dir).filter((f) => f !== `${added.id}.json`).sort()[0]!;
    const shippedFile = join(dir, shipped);
    const shippedId = shipped.replace(/\.json$/, '');
    truncateSync(shippedFile, 50);
    // The repairs are named in the order of the record files' names.
    const [one, two] = [[shippedFile, shippedId], [addedFile, added.id]].sort((x, y) => x[0]!.localeCompare(y[0]!)) as [[string, string], [string, string]];
    const q = escape(join(home, 'corpus', 'quarantine'));
    const moved = ([f, id]: [string, string]): RegExp => new RegExp(`^repaired: ${escape(f)}: moved to ${q}/\\d{8}T\\d{6}Z-documents_${id}\\.json$`);
    const fromNote = new RegExp(`^repaired: ${escape(addedFile)}: document ${added.id} added again from note\\.txt$`);
    const repair = ccg(['verify', '--repair'], { home });
    expect(repair.stdout.trimEnd().split('\n')).toEqual([
      moved(one), ...(one[1] === added.id ? [fromNote] : []),
      moved(two), ...(two[1] === added.id ? [fromNote] : []),
      new RegExp(`^repaired: ${escape(shippedFile)}: document ${shippedId} added again from ${escape(join(home, 'sources', 'local'))}/\\S+$`),
      /^repaired: \S+manifest\.json: rebuilt: 6 documents, \d+ quotes$/,
      /^5 repairs; all well: 6 documents, 0 snapshots, 0 URL fetch states, an index of 6 documents$/,
    ].map((p) => expect.stringMatching(p)));
    expect(repair.code).toBe(0);
    expect(JSON.parse(readFileSync(addedFile, 'utf8')).document.kind).toBe(kind);
  });
});

describe('ccg verify and the index', () => {
  it('names a damaged file on one line even when the parser quotes the file\'s own line breaks', () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const content = join(home, 'corpus', 'fetch-state', 'content');
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'k9.json'), 'x\n\ny');
    const r = ccg(['verify'], { home });
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('k9.json'));
    expect(line).toMatch(/corrupt content key \(.+\)$/);
  });

  it('a document added and not yet indexed is named with the command that indexes it, not as a stopped run', () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const file = join(home, 'note.txt');
    writeFileSync(file, 'CCG boards meet\n\nThe clinical commissioning group board met on Tuesday to agree its budget for the coming year.\n');
    expect(ccg(['add', file], { home }).code).toBe(0);
    const r = ccg(['verify'], { home });
    expect(r.stdout).toMatch(/manifest\.json: lacks 1 document of the corpus: [0-9a-f]{16} \[left by ccg add, ccg remove --no-index, ingest --no-index or a stopped run; "ccg --home \S+ index" updates it\]\n/);
    expect(r.stdout).not.toMatch(/\[left by a stopped run\]/);
    expect(ccg(['index'], { home }).code).toBe(0);
    expect(ccg(['verify'], { home }).code).toBe(0);
  });

  it('an index out of date with a record, or unreadable, is named; --repair rebuilds it', () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const dir = docsDir(home);
    const name = readdirSync(dir)[0]!;
    const record = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    record.document.title = 'A title changed after indexing';
    writeFileSync(join(dir, name), JSON.stringify(record));
    const indexFile = join(home, 'index', 'manifest.json');
    const r = ccg(['verify'], { home });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${indexFile}: is out of date for 1 document: ${record.document.id} [left by ccg add, ccg remove --no-index, ingest --no-index or a stopped run; "ccg --home ${home} index" updates it]`);
    expect(ccg(['verify', '--repair'], { home }).code).toBe(0);
    expect(ccg(['verify'], { home }).code).toBe(0);
    writeFileSync(indexFile, '{"format": "ccg-index", "version"');
    const corrupt = JSON.parse(ccg(['verify', '--json'], { home }).stdout);
    expect(corrupt.problems).toEqual([expect.objectContaining({ kind: 'index-corrupt', file: indexFile, leftover: false })]);
    const repair = JSON.parse(ccg(['verify', '--repair', '--json'], { home }).stdout);
    expect(repair).toMatchObject({ ok: true, unrepaired: [], repaired: [{ kind: 'index-corrupt', file: indexFile, action: expect.stringMatching(/^rebuilt: 5 documents, \d+ quotes$/) }] });
    expect(ccg(['quotes', 'barking mad'], { home }).stdout).toMatch(/barking mad/);
  });
});

describe('the document validator', () => {
  const valid = {
    id: 'abc123', source: null, url: 'https://example.org/a', canonicalUrl: null, title: 'T', publisher: null, authors: ['A B'], published: '2016-02-29',
    modified: null, language: 'en', kind: 'news', text: 'He said: ‘We object.’\n\nMore.', organisations: [{ name: 'BMA', aliases: [], kind: 'union', mentions: 1 }],
    people: [{ name: 'A B', role: null, organisation: 'BMA' }], dates: [{ text: 'May 2015', value: '2015-05' }],
    quotes: [{ text: 'We object.', speaker: 'A B', role: null, organisation: 'BMA', stance: 'oppose', paragraph: 0, start: 10, end: 20 }],
    positions: { speakers: [{ name: 'A B', stance: 'oppose', quotes: 1, counts: { support: 0, oppose: 1, mixed: 0, neutral: 0 } }], organisations: [] },
    snapshot: { sha256: 'a'.repeat(64), fetchedAt: '2026-01-01T10:00:00.000Z', status: 200, contentType: 'text/html', etag: null, lastModified: null },
    aFieldOfALaterVersion: true,
  };
  it('accepts a valid document, fields it does not know included', () => {
    expect(documentProblems(valid)).toEqual([]);
  });
  it.each([
    [{ published: '2015-13' }, 'published: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "2015-13"'],
    [{ published: '2015-02-29' }, 'published: expected a date'],
    [{ id: '../x' }, 'id: expected lower-case letters'],
    [{ kind: 'tweet' }, 'kind: expected one of news, report, blog, press release, page; got "tweet"'],
    [{ authors: 'A B' }, 'authors: expected an array, got a string'],
    [{ text: undefined }, 'text: expected a string, got nothing'],
    [{ url: 'not a url' }, 'url: expected a URL'],
    [{ organisations: [{ name: 'X', aliases: [], kind: 'club', mentions: 1 }] }, 'organisations[0].kind: expected one of'],
    [{ dates: [{ text: 'x', value: 'soon' }] }, 'dates[0].value: expected a date'],
    [{ quotes: [{ ...valid.quotes[0], start: 11 }] }, 'quotes[0].text: differs from the text at offsets 11–20'],
    [{ quotes: [{ ...valid.quotes[0], end: 99 }] }, 'quotes[0].start: offsets 10–99 are not inside the text'],
    [{ quotes: [{ ...valid.quotes[0], paragraph: 2 }] }, 'quotes[0].paragraph: 2 is past the text\'s last paragraph (1)'],
    [{ quotes: [{ ...valid.quotes[0], partial: 'yes' }] }, 'quotes[0].partial: expected true or false'],
    [{ quotes: [{ ...valid.quotes[0], stanceConfidence: 1.5 }] }, 'quotes[0].stanceConfidence: expected a number from 0 to 1, got 1.5'],
    [{ positions: { speakers: [{ name: 'A', stance: 'oppose', quotes: 1, counts: { support: 0, oppose: '1', mixed: 0, neutral: 0 } }], organisations: [] } }, 'positions.speakers[0].counts.oppose: expected a whole number ≥ 0, got "1"'],
    [{ snapshot: { ...valid.snapshot, fetchedAt: 'yesterday' } }, 'snapshot.fetchedAt: expected an ISO timestamp'],
    [{ snapshot: { ...valid.snapshot, sha256: 'abc' } }, 'snapshot.sha256: expected a sha256'],
  ])('%j is named with its field', (change, problem) => {
    const problems = documentProblems({ ...valid, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
  it('names every problem of the record fields in field order, each once', () => {
    expect(documentProblems({
      ...valid, id: 'A B', source: 5, url: 'nope', canonicalUrl: 7, alternateUrls: [1], title: null, publisher: [], authors: [null], published: null,
      datePrecision: 'exact', modified: '2015-00', language: 1, kind: 'x', organisations: [5], people: [{ name: 1, role: 2, organisation: 3 }], dates: 'x',
    })).toEqual([
      'id: expected lower-case letters, digits and hyphens, got "A B"',
      'source: expected a string or null, got a number',
      'url: expected a URL, got "nope"',
      'canonicalUrl: expected a string or null, got a number',
      'alternateUrls[0]: expected a string, got a number',
      'title: expected a string, got null',
      'publisher: expected a string or null, got an array',
      'authors[0]: expected a string, got null',
      'datePrecision: expected one of approximate; got "exact"',
      'datePrecision: an approximate date needs a published date',
      'modified: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "2015-00"',
      'language: expected a string or null, got a number',
      'kind: expected one of news, report, blog, press release, page; got "x"',
      'organisations[0]: expected an object, got a number',
      'people[0].name: expected a string, got a number',
      'people[0].role: expected a string or null, got a number',
      'people[0].organisation: expected a string or null, got a number',
      'dates: expected an array, got a string',
    ]);
  });
  it('names every problem of quotes, PDF fields, positions, snapshot and provenance in field order', () => {
    expect(documentProblems({
      ...valid,
      quotes: [{ text: 'He said', speaker: 1, role: null, organisation: null, stance: 'x', paragraph: 5, start: 0, end: 3, partial: 'y', stanceConfidence: -1, page: 0 }],
      pages: [0], pageCount: -1, footnotes: [{ number: 1, text: 't', page: 0 }], needsPassword: 'no', needsOcr: 1,
      positions: { speakers: [], organisations: 'x' }, snapshot: { ...valid.snapshot, status: 700 }, provenance: { path: 1, addedBy: 'x', addedAt: 'now', sha256: 'z' },
    })).toEqual([
      'quotes[0].speaker: expected a string or null, got a number',
      'quotes[0].stance: expected one of support, oppose, mixed, neutral; got "x"',
      'quotes[0].partial: expected true or false, got "y"',
      'quotes[0].stanceConfidence: expected a number from 0 to 1, got -1',
      'quotes[0].page: expected a whole number ≥ 1, got 0',
      'quotes[0].paragraph: 5 is past the text\'s last paragraph (1)',
      'quotes[0].text: differs from the text at offsets 0–3 ("He ")',
      'pages[0]: expected a page number ≥ 1, got 0',
      'pages: 1 page for 2 paragraphs',
      'pageCount: expected a whole number ≥ 0, got -1',
      'footnotes[0].number: expected a string, got a number',
      'footnotes[0].page: expected a whole number ≥ 1, got 0',
      'needsPassword: expected true or false, got "no"',
      'needsOcr: expected true or false, got 1',
      'positions.organisations: expected an array, got a string',
      'snapshot.status: expected an HTTP status, got 700',
      'provenance.path: expected a string, got a number',
      'provenance.addedAt: expected an ISO timestamp, got "now"',
      'provenance.sha256: expected a sha256 (64 hex digits), got "z"',
    ]);
  });
  it('accepts valid PDF fields and provenance; checks no quote or page against a text that is not a string; names a record that is not an object', () => {
    expect(documentProblems({
      ...valid, datePrecision: 'approximate', pages: [1, 1], pageCount: 2, footnotes: [{ number: '1', text: 'x', page: 1 }], needsOcr: true,
      provenance: { path: 'a.txt', addedBy: 'ccg add', addedAt: '2020-01-01T00:00:00Z', sha256: 'b'.repeat(64) },
    })).toEqual([]);
    expect(documentProblems({ ...valid, text: 5, quotes: [{ ...valid.quotes[0], paragraph: 9, end: 999 }], pages: [1, 2, 3] })).toEqual(['text: expected a string, got a number']);
    expect(documentProblems([])).toEqual(['document: expected an object, got an array']);
  });
});
