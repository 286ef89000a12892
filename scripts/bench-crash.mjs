#!/usr/bin/env node
// Crash-consistency harness: `ccg ingest` and `ccg index`, run as real processes against a local
// news site, are killed with SIGKILL at random moments, N times in a row (half of the ingest runs
// at a random moment after they begin to write, since most of a short run is starting up; the
// others at any moment of the run). After every kill
// `ccg verify` must find no damage: only what a stopped run is documented to leave (a temporary
// file, a snapshot stored just before the kill, a document whose fetch was not yet recorded, an
// index older than the corpus), which the next run or `ccg verify --repair` clears. Every other
// kill is followed by `ccg verify --repair`, which must leave the archive clean. A final
// uninterrupted run must then store every article the site lists exactly once, in its latest
// version, and `ccg verify` (after --repair clears the leftovers of the earlier kills) must pass.
//
// The site, its feed and its articles are generated here: a feed that grows from run to run
// (new stories appear) and articles that change (updated stories), some with ETags.
//   npm run bench:crash -- [--kills 50] [--articles 40] [--latency 15] [--seed 1] [--keep]
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, rmSync, existsSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? Number(process.argv[i + 1]) : dflt; };
const kills = arg('kills', 20), articles = arg('articles', 40), latency = arg('latency', 15), seed = arg('seed', 1);
const keep = process.argv.includes('--keep');

// A seeded generator, so that a run can be repeated.
let state = seed >>> 0 || 1;
const random = () => { state = (state + 0x6d2b79f5) >>> 0; let t = state; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (xs) => xs[Math.floor(random() * xs.length)];

// ---- the site -------------------------------------------------------------------------------
const FIRST = ['Alice', 'Bram', 'Chidi', 'Dana', 'Emeka', 'Fern', 'Gita', 'Hugo', 'Ines', 'Jonah', 'Keira', 'Luca'];
const LAST = ['Ashdown', 'Brightwell', 'Carrow', 'Denholm', 'Elsworth', 'Fairlie', 'Garside', 'Holloway', 'Ingham', 'Jessop'];
const PLACES = ['Ambridge', 'Borsetshire', 'Casterbridge', 'Dunmere', 'Eastwick', 'Felpham', 'Greyhaven', 'Holmfirth'];
const ROLES = ['chair of {p} LMC', 'chief officer of NHS {p} CCG', 'a GP partner in {p}', 'clinical lead at NHS {p} CCG', 'director of public health for {p}'];
const CLAIMS = [
  'co-commissioning gives practices a real say in how services are planned',
  'the conflicts of interest are too great for CCGs to manage GP contracts',
  'primary care commissioning needs more money before CCGs take it on',
  'local clinicians understand the needs of their patients better than a national body',
  'the timetable for delegated commissioning is far too tight',
  'the new arrangements will reduce duplication and save management costs',
];
const FILLER = [
  'The governing body will consider the proposals at its meeting next month.',
  'Practices in the area serve around {n},000 patients between them.',
  'A consultation on the plans closes at the end of the quarter.',
  'The board said it would publish the minutes of the discussion.',
  'Managers expect the changes to take effect from April.',
];

/** The site's articles: fixed words per article; a story appears in the feed at `appears` and changes at `updates`. */
const site = Array.from({ length: articles }, (_, i) => {
  const place = pick(PLACES);
  const speaker = `${pick(FIRST)} ${pick(LAST)}`;
  return {
    slug: `story-${i}-${place.toLowerCase()}`,
    title: `CCG plans in ${place}: story ${i}`,
    place, speaker, role: pick(ROLES).replace('{p}', place), claim: pick(CLAIMS),
    filler: [pick(FILLER), pick(FILLER)].map((f) => f.replace('{n}', String(10 + i))),
    appears: Math.max(0, Math.floor(i / 4) - 2),
    updates: random() < 0.3 ? 2 + Math.floor(random() * 8) : Infinity,
    etag: random() < 0.5,
  };
});
let generation = 0;
let final = false;
const listed = () => site.filter((a) => final || a.appears <= generation);
const revision = (a) => (final || generation >= a.updates ? 2 : 1);
const page = (a) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${a.title} | Crash Test Health News</title>
<meta property="og:site_name" content="Crash Test Health News"><meta property="article:published_time" content="2015-06-1${site.indexOf(a) % 10}T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${a.title}</h1>
<p>Clinical commissioning groups in ${a.place} are preparing to take on the commissioning of primary care, story ${site.indexOf(a)} reports. ${a.filler[0]}</p>
<p>${a.speaker}, ${a.role}, said: ‘I believe ${a.claim}, and story ${site.indexOf(a)} shows why.’</p>
<p>${a.filler[1]} Revision ${revision(a)} of this story.</p>
${revision(a) === 2 ? `<p>Updated: ${a.speaker} added that the ${a.place} practices had been consulted.</p>` : ''}</article></body></html>`;

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/robots.txt') { res.writeHead(404); res.end(); return; }
  if (path === '/feed.xml') {
    generation++;
    const items = listed().map((a) => `<item><title>${a.title}</title><link>${base}/news/${a.slug}</link><description>CCG story</description></item>`).join('\n');
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Crash Test Health News</title>\n${items}\n</channel></rss>`);
    return;
  }
  const a = site.find((x) => path === `/news/${x.slug}`);
  if (!a) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
  const etag = `"${a.slug}-r${revision(a)}"`;
  setTimeout(() => {
    if (a.etag && req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(a.etag ? { etag } : {}) });
    res.end(page(a));
  }, latency);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- the archive ----------------------------------------------------------------------------
const home = mkdtempSync(join(tmpdir(), 'ccg-bench-crash-'));
mkdirSync(join(home, 'sources', 'registry'), { recursive: true });
writeFileSync(join(home, 'sources', 'registry', 'crash-news.json'), JSON.stringify({
  id: 'crash-news', name: 'Crash Test Health News', publisher: 'Crash Test Health News', kind: 'rss',
  urls: [`${base}/feed.xml`], topics: [], maxItems: 1000, rateLimit: { intervalMs: 0 },
}, null, 1));

/** Where a run writes one file per item: watched to tell when a run has begun to write. */
const WATCHED = ['corpus/documents', 'corpus/fetch-state/urls', 'corpus/snapshots', 'index'].map((d) => join(home, d));
for (const d of WATCHED) mkdirSync(d, { recursive: true });

/**
 * Runs the CLI and kills it with SIGKILL `killAfterMs` after it starts, or, with `afterFirstWrite`,
 * that long after it first writes into the archive (most of a short run is starting up; these
 * kills land while it stores). Resolves when the process is gone.
 */
function run(args, killAfterMs = null, afterFirstWrite = false) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, '--home', home, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '', stderr = '', timer = null, firstWrite = null;
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const arm = () => { if (!timer && killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs); };
    const watchers = afterFirstWrite ? WATCHED.map((d) => watch(d, () => { if (firstWrite === null) firstWrite = performance.now() - t0; arm(); })) : [];
    if (!afterFirstWrite) arm();
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      resolve({ code, killed: signal === 'SIGKILL', ms: performance.now() - t0, firstWrite, stdout, stderr });
    });
  });
}

/** What is on disk under corpus/ and index/: names, sizes and times, to tell whether a killed run had written anything. */
function fingerprint() {
  const parts = [];
  for (const dir of ['corpus', 'index']) {
    const root = join(home, dir);
    if (!existsSync(root)) continue;
    for (const f of readdirSync(root, { recursive: true })) {
      const st = statSync(join(root, String(f)));
      if (st.isFile()) parts.push(`${dir}/${f}:${st.size}:${st.mtimeMs}`);
    }
  }
  return parts.sort().join('\n');
}

const verify = async (repair = false) => {
  const r = await run(['verify', '--json', ...(repair ? ['--repair'] : [])]);
  return { code: r.code, report: JSON.parse(r.stdout), stderr: r.stderr };
};

const stats = { ingest: 0, index: 0, midWrite: 0, finishedFirst: 0, verifyFailures: 0, repairs: 0, repairFailures: 0 };
const started = performance.now();
const leftovers = new Map();
const failures = [];
/** How long a run of each command lasts, as last seen, and how long it writes: kills land anywhere in it. */
const windows = { ingest: 2500, index: 500 };
let writing = 1000;
console.log(`crash harness: ${kills} kills, ${articles} articles at ${base} (${latency} ms each), home ${home}, seed ${seed}`);
while (stats.ingest + stats.index < kills) {
  const command = random() < 0.75 ? 'ingest' : 'index';
  // Every other ingest is killed while it stores (a moment after its first write), the others at any moment.
  const whileWriting = command === 'ingest' && random() < 0.5;
  const delay = whileWriting ? random() * writing : 20 + random() * windows[command];
  const before = fingerprint();
  const r = await run(command === 'ingest' ? ['ingest', '--json'] : ['index'], delay, whileWriting);
  if (!r.killed) {
    // Finished before the kill: aim within the run's real length next time.
    stats.finishedFirst++;
    windows[command] = r.ms * 1.1;
    if (r.firstWrite !== null) writing = (r.ms - r.firstWrite) * 1.1;
    if (r.code !== 0) failures.push(`${command} exited ${r.code} without a kill: ${r.stderr.trim().split('\n')[0]}`);
    continue;
  }
  stats[command]++;
  const wrote = fingerprint() !== before;
  if (wrote) stats.midWrite++;
  const n = stats.ingest + stats.index;
  const v = await verify();
  const damage = v.report.problems.filter((p) => !p.leftover);
  for (const p of v.report.problems.filter((x) => x.leftover)) leftovers.set(p.kind, (leftovers.get(p.kind) ?? 0) + 1);
  if (damage.length) {
    stats.verifyFailures++;
    failures.push(`after kill ${n} (${command} at ${delay.toFixed(0)} ms): ${damage.map((p) => `${p.kind} ${p.file}: ${p.message}`).join('; ')}`);
  }
  if (n % 2 === 1 && v.report.problems.length) {
    stats.repairs++;
    const rep = await verify(true);
    const again = await verify();
    if (rep.code !== 0 || again.code !== 0) {
      stats.repairFailures++;
      failures.push(`repair after kill ${n}: ${[...rep.report.unrepaired, ...again.report.problems].map((p) => `${p.kind} ${p.file}: ${p.message}`).join('; ')}`);
    }
  }
  const kinds = [...new Set(v.report.problems.map((p) => p.kind))].join(', ');
  console.log(`kill ${n}/${kills}: ${command} ${whileWriting ? `${delay.toFixed(0)} ms after its first write` : `at ${delay.toFixed(0)} ms`}${wrote ? ', after it had written' : ', before it wrote anything'}: ${v.report.problems.length} problems, ${damage.length} damage${kinds ? ` (${kinds})` : ''}`);
}

// ---- a final uninterrupted run --------------------------------------------------------------
final = true;
const last = await run(['ingest', '--json']);
if (last.code !== 0) failures.push(`final ingest exited ${last.code}: ${last.stderr.trim()}`);
const afterLast = await verify();
const finalDamage = afterLast.report.problems.filter((p) => !p.leftover);
if (finalDamage.length) failures.push(`after the final run: ${finalDamage.map((p) => `${p.kind} ${p.file}: ${p.message}`).join('; ')}`);
const finalLeftovers = afterLast.report.problems.length;
const cleanup = afterLast.report.problems.length ? await verify(true) : null;
const clean = await verify();
if (clean.code !== 0) failures.push(`verify after the final run and --repair: ${clean.report.problems.map((p) => `${p.kind} ${p.file}: ${p.message}`).join('; ')}`);

const docsDir = join(home, 'corpus', 'documents');
const docs = existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => JSON.parse(readFileSync(join(docsDir, f), 'utf8')).document) : [];
const norm = (u) => u.replace(/^https?:\/\//, '').replace(/\/$/, '');
let stored = 0, duplicated = 0, stale = 0;
for (const a of site) {
  const url = norm(`${base}/news/${a.slug}`);
  const holders = docs.filter((d) => [d.url, d.canonicalUrl, ...(d.alternateUrls ?? [])].some((u) => u && norm(u) === url));
  if (holders.length) stored++;
  if (holders.length > 1) duplicated++;
  if (holders.length && !holders.every((d) => d.text.includes('Revision 2'))) stale++;
  if (!holders.length) failures.push(`lost: ${a.slug}`);
  if (holders.length > 1) failures.push(`stored ${holders.length} times: ${a.slug}`);
}
const extra = docs.length - stored;
if (extra > 0) failures.push(`${extra} documents that are no article of the site`);
if (stale) failures.push(`${stale} documents not in their latest version`);
const index = JSON.parse(readFileSync(join(home, 'index', 'manifest.json'), 'utf8'));
if (index.documentCount !== docs.length) failures.push(`the index holds ${index.documentCount} documents, the corpus ${docs.length}`);

const kinds = [...leftovers].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
console.log(`
| kills (ingest / index) | after the run had written | verify failures after a kill | repairs (failed) | leftovers seen after kills |
|---|---|---|---|---|
| ${stats.ingest + stats.index} (${stats.ingest} / ${stats.index}) | ${stats.midWrite} | ${stats.verifyFailures} | ${stats.repairs} (${stats.repairFailures}) | ${kinds} |

| documents expected | stored | duplicated | lost | stale | other | leftovers after the final run | verify after --repair |
|---|---|---|---|---|---|---|---|
| ${articles} | ${stored} | ${duplicated} | ${articles - stored} | ${stale} | ${Math.max(0, extra)} | ${finalLeftovers}${cleanup ? ` (repaired: ${cleanup.report.repaired.length})` : ''} | ${clean.code === 0 ? 'clean' : 'problems'} |`);
console.log(`\n${stats.finishedFirst} runs finished before their kill time and were not counted; ${((performance.now() - started) / 1000).toFixed(0)} s in all.`);
if (failures.length) {
  console.log(`\n${failures.length} failures:`);
  for (const f of failures) console.log(`  ${f}`);
}
server.closeAllConnections();
server.close();
if (keep) console.log(`archive kept at ${home}`);
else rmSync(home, { recursive: true, force: true });
process.exitCode = failures.length ? 1 : 0;
