// The static search page's speed on a large archive, in headless Chromium (`npm run bench:site --
// [--docs N] [--home DIR] [--json]`). It writes a synthetic archive of N documents (default
// 10,000) with the search benchmark's generator (scripts/bench-search-corpus.mjs), builds it with
// `ccg index` (which writes index/site/), serves it with `ccg serve` (gzip, as a static host
// would), and measures in Chromium with an empty cache:
//
//   pageBytes           the page's own files, gzipped (index.html, app.js, app.css)
//   firstLoadBytes      bytes transferred before the first results are on screen
//   firstResultsMs      from navigation to the first results on screen
//   typeFirstMs         a word typed as soon as the page answers: to its results (while the rest loads)
//   fullLoadBytes/Ms    until every quote partition is loaded
//   keystrokeMs         per keystroke once everything is loaded (p50, max over typed queries)
//   documentSearchMs    the first document search (full-text partitions loaded on demand), and its bytes
//   fileFirstResultsMs  the first results opened from file:// (no server, no gzip)
//
// The home is kept (its path is printed) so that a second run with --home DIR skips the build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { makePools, writeArchive } from './bench-search-corpus.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const json = argv.includes('--json');
const docs = Number(opt('--docs', '10000'));
const home = opt('--home', null) ?? mkdtempSync(join(tmpdir(), 'ccg-bench-site-'));
const say = (...m) => (json ? console.error(...m) : console.log(...m));

function build() {
  const dir = join(home, 'corpus', 'documents');
  const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
  if (have > docs) throw new Error(`${dir} holds ${have} documents, more than --docs ${docs}: use another --home`);
  if (have < docs) {
    say(`bench-site: writing ${docs - have} documents into ${home} …`);
    writeArchive(home, makePools(), docs - have, have, (n) => n % 5000 === 0 && say(`  ${n} written`));
  }
  if (!existsSync(join(home, 'index', 'site', 'data', 'manifest.js')) || have !== docs) {
    say('bench-site: ccg index …');
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, '--home', home, 'index', '--json'], { encoding: 'utf8', maxBuffer: 64e6 });
    if (r.status !== 0) throw new Error(`ccg index failed: ${r.stderr}`);
    say(`  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else {
    // Brings the page's own files up to date (they are copied on every index run).
    spawnSync(process.execPath, [CLI, '--home', home, 'index'], { encoding: 'utf8' });
  }
}

function serve() {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [CLI, '--home', home, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ child: c, url: m[1] });
    });
    c.on('exit', (code) => reject(new Error(`ccg serve exited ${code}`)));
  });
}

/** In the page: types `text` into the search box and resolves with the ms until its results are on screen. */
async function typeAndWait(page, text) {
  return page.evaluate(async (value) => {
    const q = document.getElementById('q');
    const results = document.getElementById('results');
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const check = () => {
        if (results.getAttribute('aria-busy') === 'false') {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    q.value = value;
    q.dispatchEvent(new Event('input', { bubbles: true }));
    return done;
  }, text);
}

const settled = (page) =>
  page.waitForFunction(() => {
    const s = document.getElementById('status')?.textContent ?? '';
    return s !== '' && !s.includes('so far') && !s.includes('Loading') && document.getElementById('results')?.getAttribute('aria-busy') === 'false';
  }, null, { timeout: 600_000, polling: 50 });

async function measure(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  const r = {};
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 600_000 });
  r.firstResultsMs = Date.now() - t0;
  r.firstLoadBytes = bytes;
  r.typeFirstMs = Math.round(await typeAndWait(page, 'commissioning'));
  r.typeFirstStatus = await page.locator('#status').innerText();
  await settled(page);
  r.fullLoadMs = Date.now() - t0;
  r.fullLoadBytes = bytes;
  r.fullStatus = await page.locator('#status').innerText();
  const times = [];
  for (const query of ['conflict of interest', 'delegated commissioning', 'org:BMA stance:oppose', '"primary care" -hospital']) {
    await typeAndWait(page, '');
    for (let i = 1; i <= query.length; i++) times.push(await typeAndWait(page, query.slice(0, i)));
  }
  times.sort((a, b) => a - b);
  r.keystrokes = times.length;
  r.keystrokeP50Ms = Math.round(times[Math.floor(times.length / 2)]);
  r.keystrokeP90Ms = Math.round(times[Math.floor(times.length * 0.9)]);
  r.keystrokeMaxMs = Math.round(times[times.length - 1]);
  await typeAndWait(page, 'delegated commissioning');
  const before = bytes;
  const td = Date.now();
  r.documentFirstMs = Math.round(
    await page.evaluate(async () => {
      const results = document.getElementById('results');
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (results.getAttribute('aria-busy') === 'false') {
            obs.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }
        });
        obs.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
      });
      document.getElementById('view-documents').click();
      return done;
    }),
  );
  r.documentFirstBytes = bytes - before;
  r.documentFirstStatus = await page.locator('#status').innerText();
  await settled(page);
  r.documentSearchMs = Date.now() - td;
  r.documentSearchBytes = bytes - before;
  r.documentStatus = await page.locator('#status').innerText();
  r.heapMb = Math.round((await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)) / 1e6);
  await context.close();
  return r;
}

async function fileFirst(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(pathToFileURL(join(home, 'index', 'site', 'index.html')).href, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 600_000 });
  const ms = Date.now() - t0;
  const typed = Math.round(await typeAndWait(page, 'commissioning'));
  await context.close();
  return { fileFirstResultsMs: ms, fileTypeFirstMs: typed };
}

build();
const site = join(home, 'index', 'site');
const gz = (f) => gzipSync(readFileSync(join(site, f))).length;
const result = { docs, home, pageBytes: gz('index.html') + gz('app.js') + gz('app.css'), appJsGzipBytes: gz('app.js') };
const manifest = JSON.parse(JSON.parse(readFileSync(join(site, 'data', 'manifest.js'), 'utf8').replace(/^ccgData\("manifest\.js",/, '').replace(/\);\s*$/, '')));
result.quotes = manifest.quoteCount;
result.partitions = manifest.partitions.length;
// Site data by kind (quotes-*, documents-*, texts-*), and the files of the index.
const sizes = { quotes: 0, documents: 0, texts: 0 };
let files = 0;
for (const p of manifest.partitions) {
  for (const f of readdirSync(join(site, 'data', p.key))) {
    files++;
    const kind = f.split('-')[0].replace(/\.js$/, '');
    if (kind in sizes) sizes[kind] += readFileSync(join(site, 'data', p.key, f)).length;
  }
}
result.chunks = files;
// The newest partition's quote base: what the page loads first.
const newest = [...manifest.partitions].sort((a, b) => (b.last ?? '').localeCompare(a.last ?? ''))[0];
result.firstChunkGzipBytes = gz(join('data', newest.key, 'quotes-base.js'));
result.siteDataBytes = sizes;
const { child, url } = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  Object.assign(result, await measure(browser, url));
  Object.assign(result, await fileFirst(browser));
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
if (json) console.log(JSON.stringify(result));
else {
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  say(`bench-site: ${docs} documents, ${result.quotes} quotes in ${result.partitions} partitions, ${result.chunks} data files (home ${home})`);
  say(`  newest partition's quote base, gzipped  ${kb(result.firstChunkGzipBytes)}`);
  say(`  page (html + js + css, gzipped)        ${kb(result.pageBytes)} (app.js ${kb(result.appJsGzipBytes)})`);
  say(`  site data on disk: quotes ${kb(sizes.quotes)}, documents ${kb(sizes.documents)}, texts ${kb(sizes.texts)}`);
  say(`  first results (HTTP, gzip)             ${result.firstResultsMs} ms after navigation, ${kb(result.firstLoadBytes)} transferred`);
  say(`  a word typed then                      ${result.typeFirstMs} ms ("${result.typeFirstStatus}")`);
  say(`  every quote partition loaded           ${result.fullLoadMs} ms, ${kb(result.fullLoadBytes)} ("${result.fullStatus}")`);
  say(`  per keystroke after that               p50 ${result.keystrokeP50Ms} ms, p90 ${result.keystrokeP90Ms} ms, max ${result.keystrokeMaxMs} ms (${result.keystrokes} keystrokes)`);
  say(`  first document search: first results   ${result.documentFirstMs} ms, ${kb(result.documentFirstBytes)} more ("${result.documentFirstStatus}")`);
  say(`  first document search: every partition ${result.documentSearchMs} ms, ${kb(result.documentSearchBytes)} more ("${result.documentStatus}")`);
  say(`  from file://: first results           ${result.fileFirstResultsMs} ms; a word typed then ${result.fileTypeFirstMs} ms`);
  say(`  JS heap                                ${result.heapMb} MB`);
}
