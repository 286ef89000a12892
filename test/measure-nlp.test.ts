// scripts/measure-nlp.mjs, run as a user runs it (on dist/, after npm run build), on data sets written for the test.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.js';

const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'measure-nlp.mjs'), ...args], { encoding: 'utf8' });

describe('measure-nlp', () => {
  it('scores each tool on a gold set in the seeds\' format: speakers, organisations, what it adds to ours, speed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'measure-nlp-'));
    writeFileSync(join(dir, 'a.txt'), 'Practices and the CCG\n\nDr Ann Vale, chair of the BMA\'s GP committee, said: "We will not back the plan."\n\nThe Wessex Gazette reported the vote.\n');
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ docs: { 'a.txt': { orgs: ['BMA'], quotes: [{ key: 'not back the plan', speaker: 'Vale', org: 'BMA', stance: ['oppose'] }] } } }));
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 documents, 1 gold speakers, 1 gold organisations/);
    for (const tool of ['ours (analyse)', 'compromise', 'wink-nlp']) expect(r.stdout).toContain(tool);
    const ours = r.stdout.split('\n').find((l) => l.startsWith('ours'))!;
    expect(ours).toMatch(/^ours \(analyse\)\s+1\.000\s+1\.000\s+-/);
  });

  it('reads PolNeAR\'s brat format: the capitalised words of each Source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'measure-nlp-'));
    mkdirSync(join(dir, 'text'));
    mkdirSync(join(dir, 'attributions'));
    const text = 'The mayor spoke. "It is a good day," said Maria Lopez of the city council.\n';
    writeFileSync(join(dir, 'text', 'doc.txt'), text);
    const s = text.indexOf('Maria Lopez');
    writeFileSync(join(dir, 'attributions', 'doc_0001.ann'), `T1\tSource ${s} ${s + 11}\tMaria Lopez\nT2\tSource 0 9\tThe mayor\n`);
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 named PolNeAR sources/);
  });

  it('refuses a missing folder with exit code 2', () => {
    const r = run(join(tmpdir(), 'no-such-folder-for-measure-nlp'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: node scripts\/measure-nlp\.mjs/);
  });
});
