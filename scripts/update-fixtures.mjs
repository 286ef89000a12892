#!/usr/bin/env node
// Regenerates test/fixtures/<case>/expected.json from the current extractor (run npm run build
// first). Read the diff before committing: the expected files are what the golden tests hold the
// extractor to.
//   node scripts/update-fixtures.mjs [CASE...]
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractFixture } from '../dist/extract/fixture.js';

const root = join(import.meta.dirname, '..', 'test', 'fixtures');
const cases = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(root).filter((d) => existsSync(join(root, d, 'source.html')));
for (const c of cases) {
  const dir = join(root, c);
  const meta = existsSync(join(dir, 'meta.json')) ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) : {};
  const out = extractFixture(readFileSync(join(dir, 'source.html')), meta.url ?? null);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`${c}: ${out.title} (${out.published ?? 'undated'}), ${out.text.split('\n\n').length} paragraphs`);
}
