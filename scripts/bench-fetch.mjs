#!/usr/bin/env node
// Fetch benchmark: N pages spread over H local hosts (127.0.0.1 … 127.0.0.H, each its own
// server), fetched by the real ingest pipeline at a given per-host interval. The politeness
// bound is what the rates allow: the slowest host needs (pages - 1) × interval plus one
// request's time. Reports measured time against that bound.
//   npm run bench:fetch -- [--pages 60] [--hosts 3] [--interval 200] [--latency 20]
import { createServer } from 'node:http';
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../dist/pipeline/index.js';
import { ingest } from '../dist/pipeline/ingest.js';

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? Number(process.argv[i + 1]) : dflt; };
const pages = arg('pages', 60), hosts = arg('hosts', 3), interval = arg('interval', 200), latency = arg('latency', 20);

const page = (i) => `<html><head><title>Story ${i}</title><meta property="article:published_time" content="2015-03-12"></head><body><article><h1>Story ${i}</h1>
<p>Clinical commissioning groups will take on the commissioning of primary care from April, story ${i} reports, with details of how co-commissioning will work.</p>
<p>Dr Jane Smith, chair of Kent LMC, said: ‘We have real concerns about conflicts of interest in story ${i}.’</p></article></body></html>`;

const servers = await Promise.all(Array.from({ length: hosts }, (_, h) => new Promise((resolve) => {
  const s = createServer((req, res) => {
    if (req.url === '/robots.txt') { res.writeHead(404); res.end(); return; }
    setTimeout(() => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page(`${h}-${req.url}`)); }, latency);
  });
  s.listen(0, `127.0.0.${h + 1}`, () => resolve(s));
})));

const home = mkdtempSync(join(tmpdir(), 'ccg-bench-fetch-'));
cpSync(join(import.meta.dirname, '..', 'sources', 'organisations.json'), join(home, 'sources', 'organisations.json'), { recursive: true });
const ctx = createContext(home);
ctx.stance('warm up');
const per = Math.ceil(pages / hosts);
const sources = servers.map((s, h) => ({
  id: `host-${h + 1}`, name: `Host ${h + 1}`, publisher: 'Bench', kind: 'page', maxPages: 1, maxItems: per, intervalMs: interval, topics: [], enabled: true, file: '',
  urls: Array.from({ length: per }, (_, i) => `http://127.0.0.${h + 1}:${s.address().port}/story/${i}`),
}));
const t0 = performance.now();
const summaries = await ingest(ctx, { sources, concurrency: 8, http: { retries: 0 } });
const seconds = (performance.now() - t0) / 1000;
const bound = ((per - 1) * interval + latency) / 1000;
const fetched = summaries.reduce((n, s) => n + s.new, 0);
console.log(`${fetched} pages over ${hosts} hosts at one request per ${interval} ms per host (${latency} ms server latency): ${seconds.toFixed(2)} s; bound ${bound.toFixed(2)} s; ${((seconds / bound - 1) * 100).toFixed(1)}% over the bound`);
for (const s of servers) s.close();
rmSync(home, { recursive: true, force: true });
