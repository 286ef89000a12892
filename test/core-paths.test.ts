import { describe, it, expect } from 'vitest';
import { join, resolve } from 'node:path';
import { inside, checkId, isSafeId, PathError, plural } from '../src/core/index.js';

describe('paths built from user input stay in their folder', () => {
  it('accepts names inside the folder', () => {
    expect(inside('/a/b', 'c.json')).toBe(resolve('/a/b/c.json'));
    expect(inside('/a/b', 'x', 'y.json')).toBe(join(resolve('/a/b'), 'x', 'y.json'));
  });
  it('refuses parent folders, absolute paths and the folder itself', () => {
    for (const bad of ['../evil.json', '../../../../tmp/x', '/etc/passwd', '', '.', 'a/../../b']) {
      expect(() => inside('/a/b', bad)).toThrow(PathError);
    }
  });
  it('ids are lower-case letters, digits and hyphens', () => {
    for (const ok of ['pulse', 'nhs-england', 'a1']) expect(isSafeId(ok)).toBe(true);
    for (const bad of ['../evil', 'Pulse', '-x', 'a/b', 'a b', '', 'a.json', 'x'.repeat(64)]) {
      expect(isSafeId(bad)).toBe(false);
      expect(() => checkId(bad, 'source id')).toThrow(/source id/);
    }
  });
  it('counts in words', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(2, 'query', 'queries')).toBe('2 queries');
  });
});

describe('commands printed in messages reach the same archive', () => {
  it('say "ccg" for the archive ccg finds by itself, and "ccg --home DIR" (quoted for the shell) for another', async () => {
    const { ccgCommand, homeFolder } = await import('../src/core/config.js');
    expect(ccgCommand(homeFolder(null).path)).toBe('ccg');
    expect(ccgCommand('/tmp/archives/ccg')).toBe('ccg --home /tmp/archives/ccg');
    expect(ccgCommand("/tmp/Bob's archive")).toBe(`ccg --home '/tmp/Bob'\\''s archive'`);
  });
});

describe('binary search (partitionPoint)', () => {
  it('finds the first index where the test turns false, within the range given', async () => {
    const { partitionPoint } = await import('../src/core/sorted.js');
    const xs = [1, 3, 3, 5, 8];
    expect(partitionPoint(0, xs.length, (i) => xs[i]! < 3)).toBe(1);
    expect(partitionPoint(0, xs.length, (i) => xs[i]! <= 3)).toBe(3);
    expect(partitionPoint(0, xs.length, (i) => xs[i]! < 9)).toBe(5);
    expect(partitionPoint(0, xs.length, (i) => xs[i]! < 0)).toBe(0);
    expect(partitionPoint(2, 4, (i) => xs[i]! < 4)).toBe(3);
    expect(partitionPoint(0, 0, () => true)).toBe(0);
  });
});
