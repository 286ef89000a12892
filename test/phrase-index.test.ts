// The phrase index shared by the stance cues and the reporting-frame lexicon.
import { describe, expect, it } from 'vitest';
import { anyPhraseAt, longestPhraseAt, phraseIndex } from '../src/analyse/phrase-index.js';

const toks = (s: string): string[] => s.split(' ');

describe('phrase index', () => {
  const index = phraseIndex<string>([['warn*', 'w'], ['hit out', 'h'], ['hit', 'x'], ['pour* cold water', 'p'], ['back the', 'b'], ['sign* up', 's']]);

  it.each([
    ['they warned of delays', 1, 'w', 1],
    ['she hit out at plans', 1, 'h', 2],
    ['she hit the target', 1, 'x', 1],
    ['he poured cold water on it', 1, 'p', 3],
    ['we back the plans', 1, 'b', 2],
    ['practices signed up early', 1, 's', 2],
  ])('in "%s" at %i finds %s, %i words long', (text, i, value, length) => {
    expect(longestPhraseAt(toks(text), i, index)).toEqual({ value, length });
    expect(anyPhraseAt(toks(text), i, index)).toBe(true);
  });

  it.each([
    ['we back plans', 1],
    ['the war went on', 1],
    ['he poured hot water', 1],
    ['practices signed', 1],
  ])('in "%s" at %i finds nothing', (text, i) => {
    expect(longestPhraseAt(toks(text), i, index)).toBeNull();
    expect(anyPhraseAt(toks(text), i, index)).toBe(false);
  });

  it('gives the first of equally long phrases', () => {
    const twice = phraseIndex<number>([['welcom*', 1], ['welcome', 2]]);
    expect(longestPhraseAt(['welcome'], 0, twice)?.value).toBe(2);
    expect(longestPhraseAt(['welcomed'], 0, twice)?.value).toBe(1);
  });
});
