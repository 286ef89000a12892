/**
 * Updating the index on disk: each update writes its new and changed documents as a new partition,
 * marks old versions deleted, and merges small partitions once eight have piled up; searches see
 * exactly the corpus after every step, and `ccg verify` finds the index sound.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from '../src/core/types.js';
import { indexContext } from '../src/pipeline/index-context.js';
import { indexCorpus, openBackend, readManifest } from '../src/pipeline/index-corpus.js';
import { parseQuery } from '../src/search/index.js';
import { ROOT, ccg, tempHome } from './helpers.js';

interface Generator {
  makePools(seed: number, words: number): unknown;
  writeArchive(home: string, pools: unknown, count: number, from?: number): number;
}

let gen: Generator;
beforeAll(async () => {
  gen = (await import(pathToFileURL(join(ROOT, 'scripts', 'bench-search-corpus.mjs')).href)) as Generator;
});

const quiet = (home: string) => indexContext(home, () => undefined);

async function titles(home: string): Promise<string[]> {
  const r = await (await openBackend(quiet(home))).documents(parseQuery(''), { limit: 1000 });
  return r.hits.map((h) => h.title).sort();
}

function corpusTitles(home: string): string[] {
  const dir = join(home, 'corpus', 'documents');
  return readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { document: Document }).document.title).sort();
}

describe('index updates', () => {
  it('adds partitions, marks changed documents deleted, merges small partitions, and always matches the corpus', async () => {
    const home = tempHome();
    const pools = gen.makePools(11, 3000);
    gen.writeArchive(home, pools, 12);
    await indexCorpus(quiet(home), { full: true });
    expect((await readManifest(quiet(home))).manifest!.partitions).toHaveLength(1);
    expect(await titles(home)).toEqual(corpusTitles(home));

    // A changed document: its old version is deleted in its partition, the new one is a partition of its own.
    const dir = join(home, 'corpus', 'documents');
    const first = join(dir, readdirSync(dir).sort()[0]!);
    const record = JSON.parse(readFileSync(first, 'utf8')) as { document: Document };
    record.document = { ...record.document, title: `${record.document.title} revised` };
    writeFileSync(first, JSON.stringify(record));
    const s = await indexCorpus(quiet(home));
    expect([s.read, s.rebuilt.length]).toEqual([1, 1]);
    let m = (await readManifest(quiet(home))).manifest!;
    expect(m.partitions.map((p) => [p.documents, p.deleted.length])).toEqual([[11, 1], [1, 0]]);
    expect(await titles(home)).toEqual(corpusTitles(home));

    // One new document per update: a partition each, until eight small ones are merged into one.
    const counts: number[] = [];
    for (let i = 12; i < 20; i++) {
      gen.writeArchive(home, pools, 1, i);
      await indexCorpus(quiet(home));
      m = (await readManifest(quiet(home))).manifest!;
      counts.push(m.partitions.length);
      expect(m.documentCount).toBe(i + 1);
      expect(await titles(home)).toEqual(corpusTitles(home));
    }
    expect(counts).toEqual([3, 4, 5, 6, 7, 1, 2, 3]);
    expect(m.partitions[0]!.deleted).toEqual([]);
    // The folders on disk are the manifest's partitions, no more.
    expect(readdirSync(join(home, 'index', 'partitions')).sort()).toEqual(m.partitions.map((p) => p.key).sort());
    const verify = ccg(['verify', '--json'], { home });
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});

describe('ccg index says what it did', () => {
  it('a removal is reported as such, not as "nothing changed"', async () => {
    const { describeIndex } = await import('../src/cli/commands/index-cmd.js');
    const base = { dir: '/x/index', documents: 4, quotes: 9, partitions: 1, read: 0, fullReason: null, problems: [], bytes: 0, site: { dir: '', page: '', written: 0, assets: true } };
    expect(describeIndex({ ...base, rebuilt: [], removed: 1 })).toMatch(/read 0, removed 1, marked 1 removed document deleted$/);
    expect(describeIndex({ ...base, rebuilt: [], removed: 0 })).toMatch(/nothing changed$/);
    expect(describeIndex({ ...base, rebuilt: ['000002-abcdef'], removed: 2, bytes: 1048576 })).toMatch(/wrote 1 new partition \(1\.0 MB\), marked 2 removed documents deleted$/);
  });
});
