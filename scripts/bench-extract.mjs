#!/usr/bin/env node
// Extraction benchmark: speed (pages/s, MB/s, CPU seconds, peak memory) through extraction alone and through
// extraction + analysis, in one process, with @mozilla/readability + jsdom measured side by side
// on the same pages; then quality through ../shared/bench/evaluate.mjs.
//
//   npm run bench:extract -- ../shared/bench/aeb-dev [--limit N] [--passes N] [--no-baseline] [--no-quality]
//
// --passes N measures each stage N times over the pages and prints the median pass: the first
// pass also pays for compiling the code (a long crawl pays that once), later ones do not.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { extractHtml } from '../dist/extract/index.js';
import { buildDocument } from '../dist/pipeline/index.js';
import { createContext } from '../dist/pipeline/index.js';
import { decodeBytes } from '../dist/pipeline/index.js';

const argv = process.argv.slice(2);
const dir = resolve(argv.find((a, i) => !a.startsWith('--') && !['--limit', '--passes'].includes(argv[i - 1])) ?? '');
const limitAt = argv.indexOf('--limit');
const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : Infinity;
const passesAt = argv.indexOf('--passes');
const passes = passesAt >= 0 ? Number(argv[passesAt + 1]) : 1;
if (!existsSync(dir) || !(passes >= 1 && Number.isInteger(passes))) { console.error('usage: bench-extract.mjs DIR [--limit N] [--passes N] [--no-baseline] [--no-quality]'); process.exit(2); }

function htmlFiles(d) {
  const out = [];
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (/\.(html?|gz)$/.test(name) && !/\.txt(\.gz)?$/.test(name)) out.push(p);
  }
  return out.sort();
}
const files = htmlFiles(dir).slice(0, limit);
const pages = files.map((f) => { const b = readFileSync(f); return decodeBytes(b[0] === 0x1f ? gunzipSync(b) : b); });
const mb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;
console.log(`${pages.length} pages, ${mb.toFixed(1)} MB of HTML from ${dir}`);

// Wall-clock time moves with whatever else the machine runs; CPU seconds (user + system, this
// process) much less, so both are printed. process.memoryUsage.rss() reads the resident size alone,
// cheaply enough to call after every page.
function measureOnce(name, fn) {
  globalThis.gc?.();
  let peak = process.memoryUsage.rss();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let failed = 0;
  for (const p of pages) {
    try { fn(p); } catch { failed++; }
    const rss = process.memoryUsage.rss(); if (rss > peak) peak = rss;
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { name, pagesPerSecond: pages.length / s, mbPerSecond: mb / s, cpuSeconds, pagesPerCpuSecond: pages.length / cpuSeconds, peakRssMb: peak / 1e6, failed };
}

/** One pass over the pages, or the median of --passes N (by pages per second). */
function measure(name, fn) {
  const runs = Array.from({ length: passes }, () => measureOnce(name, fn)).sort((a, b) => a.pagesPerSecond - b.pagesPerSecond);
  const row = runs[Math.floor(runs.length / 2)];
  const failed = row.failed;
  const cpuSeconds = row.cpuSeconds;
  console.log(`${name.padEnd(28)} ${row.pagesPerSecond.toFixed(1).padStart(7)} pages/s ${row.mbPerSecond.toFixed(2).padStart(6)} MB/s  CPU ${cpuSeconds.toFixed(2)} s (${row.pagesPerCpuSecond.toFixed(1)} pages per CPU second)  peak RSS ${row.peakRssMb.toFixed(0)} MB${failed ? `  (${failed} failed)` : ''}${passes > 1 ? `  (median of ${passes} passes)` : ''}`);
  return row;
}

const ctx = createContext();
ctx.stance('warm up the classifier');
const ours = measure('ccg extract', (p) => extractHtml(p));
const full = measure('ccg extract + analyse', (p) => buildDocument(p, { format: 'html', organisations: ctx.organisations, stance: ctx.stance, ranker: ctx.ranker }));
if (!argv.includes('--no-baseline')) {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const virtualConsole = new VirtualConsole();
  const base = measure('readability 0.6 + jsdom', (p) => {
    const dom = new JSDOM(p, { virtualConsole });
    new Readability(dom.window.document).parse();
    dom.window.close();
  });
  console.log(`speed-up: extract ${(ours.pagesPerSecond / base.pagesPerSecond).toFixed(1)}×, extract + analyse ${(full.pagesPerSecond / base.pagesPerSecond).toFixed(1)}× readability + jsdom`);
}
if (!argv.includes('--no-quality')) {
  const evaluate = resolve(process.env.SHARED ?? join(process.cwd(), '..', 'shared'), 'bench', 'evaluate.mjs');
  if (existsSync(evaluate) && (existsSync(join(dir, 'gold.json')) || existsSync(join(dir, 'ground-truth.json')))) {
    const r = spawnSync(process.execPath, [evaluate, dir], { encoding: 'utf8' });
    console.log(`quality: ${r.stdout.trim().split('\n').pop()}`);
  }
}
