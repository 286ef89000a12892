/** Words within a few typing errors, from the index's vocabulary (src/search/fuzzy.ts). */
import { describe, expect, it } from 'vitest';
import { boundedDistance, nearKeys, vocabulary, vocabularyFile } from '../src/search/fuzzy.js';

describe('boundedDistance', () => {
  it.each([
    ['commiss', 'commiss', 2, 0],
    ['comiss', 'commiss', 1, 1],
    ['commsiion', 'commission', 2, 2],
    ['clinican', 'clinician', 1, 1],
    ['procuremnet', 'procurement', 1, 1],
    ['abcdef', 'badcfe', 2, -1],
    ['short', 'much longer word', 2, -1],
    ['', 'ab', 2, 2],
  ])('%j to %j within %i is %i (a swap of neighbours is one error)', (a, b, max, want) => {
    expect(boundedDistance(a, b, max)).toBe(want);
    expect(boundedDistance(b, a, max)).toBe(want);
  });
});

describe('nearKeys', () => {
  // Words as written, and the keys (stems) they are indexed under.
  const words = new Map([
    ['commission', 'commiss'], ['commissioning', 'commiss'], ['omission', 'omiss'], ['commit', 'commit'],
    ['clinician', 'clinician'], ['clinic', 'clinic'], ['procurement', 'procur'], ['procure', 'procur'],
  ]);
  const v = vocabulary(vocabularyFile(words));

  it('finds the keys of words within the distance, whatever the letter that is wrong', () => {
    expect([...nearKeys(v, 'comission', 1)].sort()).toEqual([['commiss', 1], ['omiss', 1]]);
    expect([...nearKeys(v, 'xommission', 1)]).toEqual([['commiss', 1]]);
    expect([...nearKeys(v, 'clinican', 1)]).toEqual([['clinician', 1]]);
  });

  it('judges a typo by the word as written, not by its stem: two letters swapped in a long word', () => {
    expect([...nearKeys(v, 'procuremnet', 1)]).toEqual([['procur', 1]]);
  });

  it('gives a key its least distance, the word itself at 0', () => {
    expect(nearKeys(v, 'commissioning', 2).get('commiss')).toBe(0);
  });

  it('agrees with a plain scan of the vocabulary on every word within two edits', () => {
    const list = ['commissioning', 'commissioned', 'delegation', 'delegated', 'practice', 'practise', 'clinicians', 'clinical', 'conflict', 'conflicts', 'interest', 'interests'];
    const vv = vocabulary(vocabularyFile(new Map(list.map((w) => [w, w]))));
    for (const w of ['comissioning', 'delegaton', 'practse', 'clinicans', 'conflcts', 'intrests', 'intersets', 'zzzzzzzz']) {
      const plain = list.map((t) => [t, boundedDistance(w, t, 2)] as [string, number]).filter(([, d]) => d >= 0);
      expect([...nearKeys(vv, w, 2)].sort(), w).toEqual(plain.sort());
    }
  });
});
