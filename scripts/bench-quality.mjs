#!/usr/bin/env node
// Quality benchmark: runs ../shared/bench/evaluate.mjs over every evaluation data set that is
// present (or the folders named as arguments) and prints one summary line each, for the README.
//
//   npm run bench                         # seeds, polnear-dev, aeb-dev, trafilatura-dev, dates-dev
//   npm run bench -- ../shared/seeds      # one data set
//   SHARED=/path/to/shared npm run bench
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const shared = resolve(process.env.SHARED ?? join(process.cwd(), '..', 'shared'));
const evaluate = join(shared, 'bench', 'evaluate.mjs');
if (!existsSync(evaluate)) {
  console.error(`bench: ${evaluate} not found; set SHARED to the folder that holds bench/ and seeds/`);
  process.exit(1);
}
const sets = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [join(shared, 'seeds'), ...['polnear-dev', 'aeb-dev', 'trafilatura-dev', 'dates-dev'].map((d) => join(shared, 'bench', d))];
let failed = 0;
for (const dir of sets) {
  if (!existsSync(dir)) { console.error(`bench: ${dir} not found`); failed++; continue; }
  const r = spawnSync(process.execPath, [evaluate, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  console.log(line || `${dir}: no result (exit ${r.status})`);
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
