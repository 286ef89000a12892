#!/usr/bin/env node
// PDF benchmark: a generated report (scripts/lib/pdf-fixtures.mjs longReport: a title page, then
// N pages of paragraphs under a running header, footer and page number, quotes and footnotes) is
// read by the PDF extractor alone and by extraction + analysis (what `ccg extract` and `ccg add`
// do), each in a fresh process so that its peak memory (maxRSS) is its own.
//
//   npm run bench:pdf -- [--pages 200] [--json]
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const argv = process.argv.slice(2);
const opt = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : fallback; };

if (argv[0] === '--child') {
  // One measurement in this process: extract or document, on the file given.
  const [, mode, file] = argv;
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  let pages = 0, paragraphs = 0, quotes = 0, footnotes = 0, chars = 0;
  if (mode === 'extract') {
    const { extractPdf } = await import('../dist/extract/pdf/index.js');
    const ex = await extractPdf(bytes, { name: file, maxPages: 10_000, timeLimitMs: 600_000 });
    pages = ex.pageCount; paragraphs = ex.pages.length; footnotes = ex.footnotes.length; chars = ex.text.length;
  } else {
    const { createContext } = await import('../dist/pipeline/index.js');
    const { buildPdfDocument } = await import('../dist/pipeline/build-document.js');
    const ctx = createContext();
    ctx.stance('warm up the stance model');
    const t1 = performance.now();
    const doc = await buildPdfDocument(bytes, { name: file, organisations: ctx.organisations, stance: ctx.stance, maxPages: 10_000, timeLimitMs: 600_000 });
    pages = doc.pageCount; paragraphs = doc.pages.length; quotes = doc.quotes.length; footnotes = doc.footnotes.length; chars = doc.text.length;
    const seconds = (performance.now() - t1) / 1000;
    console.log(JSON.stringify({ mode, seconds, pages, paragraphs, quotes, footnotes, chars, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    process.exit(0);
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ mode, seconds, pages, paragraphs, quotes, footnotes, chars, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const pages = Number(opt('pages', 200));
const { longReport } = await import('./lib/pdf-fixtures.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ccg-bench-pdf-'));
const file = join(dir, `report-${pages}.pdf`);
const g0 = performance.now();
const bytes = await longReport(pages);
writeFileSync(file, bytes);
const genSeconds = (performance.now() - g0) / 1000;
// Node's own start and the modules' load are outside the timings: each child times its own work.
const baseline = spawnSync(process.execPath, ['-e', 'console.log(process.resourceUsage().maxRSS / 1024)'], { encoding: 'utf8' });
const nodeRssMb = Number(baseline.stdout.trim());
const results = [];
for (const mode of ['extract', 'document']) {
  const r = spawnSync(process.execPath, [import.meta.filename, '--child', mode, file], { encoding: 'utf8' });
  if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
  results.push(JSON.parse(r.stdout.trim().split('\n').pop()));
}
rmSync(dir, { recursive: true, force: true });
const out = { pages: pages + 1, fileMb: bytes.length / 1e6, generateSeconds: genSeconds, nodeRssMb, results: results.map((r) => ({ ...r, pagesPerSecond: r.pages / r.seconds })) };
if (argv.includes('--json')) console.log(JSON.stringify(out));
else {
  console.log(`A generated report of ${out.pages} pages (${out.fileMb.toFixed(1)} MB), made in ${genSeconds.toFixed(1)} s; a bare Node process takes ${nodeRssMb.toFixed(0)} MB.`);
  for (const r of out.results) {
    console.log(`${r.mode === 'extract' ? 'PDF extraction      ' : 'extraction + analyse'}: ${r.seconds.toFixed(2)} s, ${r.pagesPerSecond.toFixed(0)} pages/s, peak RSS ${r.maxRssMb.toFixed(0)} MB (${r.paragraphs} paragraphs, ${r.footnotes} footnotes, ${r.quotes} quotes, ${(r.chars / 1e3).toFixed(0)} K characters)`);
  }
}
