import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDocument, listDocuments, readDocument, writeFileAtomic } from '../src/corpus/index.js';
import { writeFilesAtomic } from '../src/corpus/atomic.js';
import type { Document } from '../src/core/types.js';
import { ROOT } from './helpers.js';

const doc = (over: Partial<Document> = {}): Document => ({
  id: 'abc123', source: null, url: null, canonicalUrl: null, title: 'T', publisher: null, authors: [], published: null,
  modified: null, language: 'en', kind: 'page', text: 'Some text.', organisations: [], people: [], dates: [], quotes: [],
  positions: { speakers: [], organisations: [] },
  provenance: { path: 'a.txt', addedBy: 'test', addedAt: '2026-01-01T00:00:00.000Z', sha256: 'x' },
  ...over,
});

describe('the document store', () => {
  it('adds, leaves an identical document alone, and updates a changed one keeping its first provenance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccg-store-'));
    expect(await addDocument(dir, doc())).toBe('added');
    const first = readFileSync(join(dir, 'abc123.json'), 'utf8');
    const later = { path: 'a.txt', addedBy: 'test', addedAt: '2026-02-02T00:00:00.000Z', sha256: 'x' };
    expect(await addDocument(dir, doc({ provenance: later }))).toBe('unchanged');
    expect(readFileSync(join(dir, 'abc123.json'), 'utf8')).toBe(first);
    expect(await addDocument(dir, doc({ text: 'Better text.', provenance: later }))).toBe('updated');
    const stored = await readDocument(dir, 'abc123');
    expect(stored?.text).toBe('Better text.');
    expect(stored?.provenance?.addedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(readdirSync(dir)).toEqual(['abc123.json']);
  });

  it('refuses a record of an unknown version, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccg-store-'));
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ format: 'ccg-document', version: 7, document: doc() }));
    await expect(listDocuments(dir)).rejects.toThrow(/x\.json: document record version 7 is not known/);
  });

  it('writing many files, one failure is thrown only after every other write has ended (a late write cannot remake a folder being removed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccg-many-'));
    writeFileSync(join(dir, 'not-a-folder'), '');
    const big = 'x'.repeat(8 << 20);
    // The bad path fails at once (its parent is a file); the large writes take far longer.
    const files = [[join(dir, 'not-a-folder', 'a.json'), '{}'], ...[1, 2, 3].map((n) => [join(dir, `big-${n}.json`), big] as const)] as const;
    try {
      await expect(writeFilesAtomic(files)).rejects.toThrow(/not-a-folder/);
      // Were any write still running when the failure was thrown, its file (or a .tmp) would be missing here.
      expect(readdirSync(dir).sort()).toEqual(['big-1.json', 'big-2.json', 'big-3.json', 'not-a-folder']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a writer killed at any moment leaves the old file or the new one, never a torn one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccg-atomic-'));
    const target = join(dir, 'record.json');
    await writeFileAtomic(target, JSON.stringify({ n: -1, pad: '' }));
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'dist', 'corpus', 'atomic.js'))};
      const pad = 'x'.repeat(2_000_000);
      for (let n = 0; ; n++) { await writeFileAtomic(${JSON.stringify(target)}, JSON.stringify({ n, pad })); if (n === 3) process.stdout.write('go\\n'); }
    `;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + round * 37));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const parsed = JSON.parse(readFileSync(target, 'utf8')) as { n: number };
      expect(parsed.n).toBeGreaterThanOrEqual(3);
    }
  });
});
