/** Words within a few typing errors, from the index's vocabulary (src/search/fuzzy.ts). */
import { describe, expect, it } from 'vitest';
import { boundedDistance, nearWords, vocabulary } from '../src/search/fuzzy.js';

describe('boundedDistance', () => {
  it.each([
    ['commiss', 'commiss', 2, 0],
    ['comiss', 'commiss', 1, 1],
    ['commsiion', 'commission', 2, 2],
    ['clinican', 'clinician', 1, 1],
    ['abcdef', 'badcfe', 2, -1],
    ['short', 'much longer word', 2, -1],
    ['', 'ab', 2, 2],
  ])('%j to %j within %i is %i', (a, b, max, want) => {
    expect(boundedDistance(a, b, max)).toBe(want);
    expect(boundedDistance(b, a, max)).toBe(want);
  });
});

describe('nearWords', () => {
  const v = vocabulary(['commiss', 'commission', 'commit', 'omission', 'clinician', 'clinic', 'delegat', 'delegation']);
  it('finds the words within the distance, not the word itself, whatever the letter that is wrong', () => {
    expect(nearWords(v, 'comission', 1).sort()).toEqual([['commission', 1], ['omission', 1]]);
    expect(nearWords(v, 'xommission', 1)).toEqual([['commission', 1]]);
    expect(nearWords(v, 'commission', 1)).toEqual([]);
    expect(nearWords(v, 'clinican', 1)).toEqual([['clinician', 1]]);
  });
  it('agrees with a plain scan of the vocabulary on every word within two edits', () => {
    const words = ['commissioning', 'commissioned', 'delegation', 'delegated', 'practice', 'practise', 'clinicians', 'clinical', 'conflict', 'conflicts', 'interest', 'interests'];
    const vv = vocabulary(words);
    for (const w of ['comissioning', 'delegaton', 'practse', 'clinicans', 'conflcts', 'intrests', 'zzzzzzzz']) {
      const plain = words.map((t) => [t, boundedDistance(w, t, 2)] as [string, number]).filter(([, d]) => d > 0);
      expect(nearWords(vv, w, 2).sort(), w).toEqual(plain.sort());
    }
  });
});
