#!/usr/bin/env node
// Regenerates test/fixtures/<case>/expected.json from the current extractor (run npm run build
// first). Read the diff before committing: the expected files are what the golden tests hold the
// extractor to. PDF cases (test/fixtures-pdf/<name>/expected.json; name them pdf-<name> here) are
// made by scripts/lib/pdf-fixtures.mjs at run time, not read from a file.
//   node scripts/update-fixtures.mjs [CASE...]
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFixture, extractPdfFixture } from '../dist/extract/fixture.js';
import { FIXTURES } from './lib/pdf-fixtures.mjs';

const root = join(import.meta.dirname, '..', 'test', 'fixtures');
const pdfRoot = join(import.meta.dirname, '..', 'test', 'fixtures-pdf');
const pdfCases = Object.keys(FIXTURES).map((k) => `pdf-${k}`);
const cases = process.argv.slice(2).length ? process.argv.slice(2) : [...readdirSync(root).filter((d) => existsSync(join(root, d, 'source.html'))), ...pdfCases];
for (const c of cases) {
  const dir = c.startsWith('pdf-') ? join(pdfRoot, c.slice(4)) : join(root, c);
  if (c.startsWith('pdf-')) {
    const make = FIXTURES[c.slice(4)];
    if (!make) { console.error(`${c}: no such PDF fixture in scripts/lib/pdf-fixtures.mjs`); process.exitCode = 1; continue; }
    mkdirSync(dir, { recursive: true });
    const out = await extractPdfFixture(await make(), c.slice(4)).catch((e) => ({ error: e.message }));
    writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(out, null, 1)}\n`);
    console.log(`${c}: ${out.error ?? `${out.title} (${out.published ?? 'undated'}), ${out.pages.length} paragraphs, ${out.footnotes.length} footnotes`}`);
    continue;
  }
  const meta = existsSync(join(dir, 'meta.json')) ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) : {};
  const out = extractFixture(readFileSync(join(dir, 'source.html')), meta.url ?? null);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`${c}: ${out.title} (${out.published ?? 'undated'}), ${out.text.split('\n\n').length} paragraphs`);
}
