/**
 * The search benchmark's archive generator (scripts/bench-search-corpus.mjs): its records are
 * valid documents (the project's validator, as `ccg index` and `ccg verify` read them), it is
 * deterministic, and an index built from them by `ccg index` finds a generated quote by a phrase
 * taken from it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from '../src/core/types.js';
import { documentProblems } from '../src/corpus/validate.js';
import { checkedRecord } from '../src/corpus/store.js';
import { ROOT, ccg, tempHome } from './helpers.js';

interface Pools { readonly seed: number }
interface Generator {
  makePools(seed?: number, vocabularySize?: number): Pools;
  makeDocument(pools: Pools, i: number): Document;
  writeArchive(home: string, pools: Pools, count: number, from?: number): number;
}

const N = 50;
let gen: Generator;
let pools: Pools;
let home: string;
let docs: Document[];

beforeAll(async () => {
  gen = (await import(pathToFileURL(join(ROOT, 'scripts', 'bench-search-corpus.mjs')).href)) as Generator;
  pools = gen.makePools(7, 5000);
  home = tempHome();
  gen.writeArchive(home, pools, N);
  const dir = join(home, 'corpus', 'documents');
  docs = readdirSync(dir).sort().map((f) => checkedRecord(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
});

describe('bench-search archive generator', () => {
  it('writes N records that are valid documents, with about five quotes each pointing at their words', () => {
    expect(docs).toHaveLength(N);
    for (const d of docs) {
      expect(documentProblems(d), d.id).toEqual([]);
      expect(d.quotes.length).toBeGreaterThan(0);
      for (const q of d.quotes) expect(d.text.slice(q.start, q.end)).toBe(q.text);
      const words = d.text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThan(1400);
    }
    const quotes = docs.reduce((n, d) => n + d.quotes.length, 0);
    expect(quotes / N).toBeGreaterThan(3.5);
    expect(quotes / N).toBeLessThan(6.5);
    // Speakers with organisations, stances of more than one kind, dates mostly set.
    expect(docs.some((d) => d.quotes.some((q) => q.speaker && q.organisation))).toBe(true);
    expect(new Set(docs.flatMap((d) => d.quotes.map((q) => q.stance))).size).toBeGreaterThan(2);
    expect(docs.filter((d) => d.published !== null).length).toBeGreaterThan(N * 0.8);
    for (const d of docs) if (d.published) expect(Number(d.published.slice(0, 4))).toBeGreaterThanOrEqual(2012);
  });

  it('is deterministic: the same seed and number give the same document, another seed another', () => {
    expect(gen.makeDocument(gen.makePools(7, 5000), 3)).toEqual(docs[3]);
    expect(gen.makeDocument(gen.makePools(8, 5000), 3).text).not.toBe(docs[3]!.text);
  });

  it('builds an index with ccg index in which a quote is found by a phrase from it', () => {
    const built = ccg(['index', '--json'], { home });
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ documents: N });
    // A quote of a document in the middle, and three words around its longest word.
    const d = docs[N / 2]!;
    const qi = d.quotes.findIndex((q) => q.text.split(' ').length >= 5);
    const q = d.quotes[qi]!;
    const words = q.text.split(' ').map((w) => w.replace(/[^\p{L}'’-]/gu, ''));
    const longest = words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
    const at = Math.min(Math.max(0, longest - 1), words.length - 3);
    const phrase = words.slice(at, at + 3).join(' ');
    const r = ccg(['quotes', `"${phrase}"`, '--json', '--limit', '100'], { home });
    expect(r.code).toBe(0);
    const hits = (JSON.parse(r.stdout) as { hits: Array<{ id: string; text: string; speaker: string | null }> }).hits;
    const hit = hits.find((h) => h.id === `${d.id}#${qi}`);
    expect(hit, `"${phrase}" in ${d.id}#${qi}`).toBeDefined();
    expect(hit!.text).toBe(q.text);
    expect(hit!.speaker).toBe(q.speaker);
  });
});
