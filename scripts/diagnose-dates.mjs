#!/usr/bin/env node
// Lists the pages of a dates data set (gold.json {url: {file, date}}) where the publication date
// is missing or wrong, with the URL, so that each miss can be looked at.
//   node scripts/diagnose-dates.mjs ../shared/bench/dates-dev [--only missed|wrong]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = resolve(process.argv[2] ?? '');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
const urls = Object.keys(gold);
const files = urls.map((u) => join(dir, 'pages', gold[u].file));
const got = new Map();
for (let i = 0; i < files.length; i += 60) {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', 'extract', '--jsonl', ...files.slice(i, i + 60)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const l of r.stdout.split('\n')) if (l.startsWith('{')) { const o = JSON.parse(l); got.set(resolve(o.input), o.published ?? null); }
}
let missed = 0, wrong = 0;
urls.forEach((u, i) => {
  const want = gold[u].date, have = got.get(resolve(files[i]))?.slice(0, 10) ?? null;
  if (have === want) return;
  if (have === null) { missed++; if (!only || only === 'missed') console.log(`MISSED want ${want} ${gold[u].file} ${u}`); }
  else { wrong++; if (!only || only === 'wrong') console.log(`WRONG  want ${want} got ${have} ${gold[u].file} ${u}`); }
});
console.log(`${missed} missed, ${wrong} wrong of ${urls.length}`);
