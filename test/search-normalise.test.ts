import { describe, it, expect } from 'vitest';
import { processTerm, holdsPhrase, foldSpelling } from '../src/search/normalise.js';

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
    expect(holdsPhrase('The conflicts of interest were clear.', ['conflict', 'of', 'interests'])).toBe(true);
    expect(holdsPhrase('Interest in the conflict was high.', ['conflict', 'of', 'interest'])).toBe(false);
    expect(holdsPhrase('A conflict, of interest.', ['conflict', 'of', 'interest'])).toBe(true);
  });

  it('folds only what it knows', () => {
    expect(foldSpelling('four')).toBe('four');
    expect(foldSpelling('realize')).toBe('realise');
    expect(foldSpelling('theaters')).toBe('theatres');
  });
});
