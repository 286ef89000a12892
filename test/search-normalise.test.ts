import { describe, it, expect } from 'vitest';
import { processTerm, keyOf, foldSpelling } from '../src/search/normalise.js';

describe('search folds spelling, case, diacritics and endings alike at index and query time', () => {
  it.each([
    ['organization', 'organisation'],
    ['organizations', 'Organisation'],
    ['program', 'programme'],
    ['programs', 'programmes'],
    ['Léa', 'Lea'],
    ['GP’s', "GP's"],
    ['commissioning', 'commissioned'],
    ['colors', 'colour'],
    ['centers', 'centre'],
    ['traveling', 'travelled'],
    ['analyze', 'analysed'],
    ['pediatric', 'paediatric'],
    ['CCGs', 'CCG'],
  ])('%s = %s', (a, b) => {
    expect(processTerm(a)).toBe(processTerm(b));
    expect(processTerm(a)).toBeTruthy();
  });

  it.each([
    ['four', 'for'],
    ['filled', 'filed'],
    ['here', 'her'],
    ['board', 'bored'],
  ])('keeps different words apart: %s ≠ %s', (a, b) => {
    expect(processTerm(a)).not.toBe(processTerm(b));
  });

  it('drops stop words from the index, keeps them in phrases', () => {
    expect(processTerm('the')).toBeNull();
    // Kept in phrases: a phrase's words are keyed by keyOf, stop words and all (engine tests in search.test.ts).
    expect(keyOf('the')).toBe('the');
  });

  it('folds only what it knows', () => {
    expect(foldSpelling('four')).toBe('four');
    expect(foldSpelling('realize')).toBe('realise');
    expect(foldSpelling('theaters')).toBe('theatres');
  });
});
