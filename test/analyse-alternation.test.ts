// A word list matched by hand (alternation.ts) finds what the regular expression alternation of the
// same words, under the i and u flags, finds: the first form in the list's order, a space standing
// for any run of white space, letters compared by case folding.
import { describe, it, expect } from 'vitest';
import { alternation, alternationAt, formAt, letterAt, letterBefore, someFormEndsAt } from '../src/analyse/alternation.js';
import { isSpaceCode } from '../src/core/chars.js';

const FORMS = ['told reporters', 'told the', 'pointed out', 'said', 'says', 'say', 'told'];
const ALT = alternation(FORMS);
/** What `(?:told\s+reporters|…|told)` finds at `i` with the i and u flags, followed by `after`. */
const regexAt = (text: string, i: number, after = ''): number => {
  const re = new RegExp(`(?:${FORMS.map((f) => f.replace(/ /g, '\\s+')).join('|')})${after}`, 'iuy');
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? i + m[0].length : -1;
};

describe('alternationAt: the first form in the list that matches', () => {
  it.each([
    ['the longer form listed first wins', 'She told reporters on Monday', 4, 'told reporters'],
    ['white space of any kind and length inside a form', 'she told \n  reporters', 4, 'told \n  reporters'],
    ['the shorter form when the longer does not fit', 'she told him', 4, 'told'],
    ['a longer form may end inside a word ("told the" in "told them")', 'she told them', 4, 'told the'],
    ['a form may stop inside a word: no boundary unless asked for', 'he sayings', 3, 'say'],
    ['capitals and mixed case', 'SHE SAID', 4, 'SAID'],
    ['the long s folds to s, as under the i and u flags', 'ſaid', 0, 'ſaid'],
    ['nothing at a position where no form starts', 'he replied', 3, null],
    ['a curly apostrophe is not a letter of a form', 'said’', 0, 'said'],
  ])('%s', (_name, text, at, want) => {
    const end = alternationAt(ALT, text, at);
    expect(end < 0 ? null : text.slice(at, end)).toBe(want);
    expect(end).toBe(regexAt(text, at));
  });

  it('a condition after the form: the next form in order is tried when it fails, as the pattern backtracks', () => {
    const text = 'she told theatre goers';
    const noLetter = (end: number): boolean => !letterAt(text, end);
    expect(text.slice(4, alternationAt(ALT, text, 4, noLetter))).toBe('told');
    expect(alternationAt(ALT, text, 4, noLetter)).toBe(regexAt(text, 4, '(?![\\p{L}])'));
  });

  it('a form that ends exactly at a position, wherever it starts', () => {
    expect(someFormEndsAt(ALT, 'as he told  reporters', 21)).toBe(true);
    expect(someFormEndsAt(ALT, 'unsaid', 6)).toBe(true);
    expect(someFormEndsAt(ALT, 'said so', 7)).toBe(false);
    expect(formAt('Pointed   Out', 0, 'pointed out')).toBe(13);
  });

  it('rejects a form it could not match as the pattern would', () => {
    expect(() => alternation(['Said'])).toThrow(/'Said'/);
    expect(() => alternation(['told  the'])).toThrow();
    expect(() => alternation(['a said'])).toThrow();
  });
});

describe('letterAt and letterBefore read letters as [\\p{L}] under the i and u flags', () => {
  it.each([
    ['an ASCII letter', 'ab', 1, true],
    ['a digit', 'a1', 1, false],
    ['an accented letter', 'aé', 1, true],
    ['U+0345, a combining mark that folds to a Greek iota', 'a\u0345', 1, true],
    ['a curly quotation mark', 'a’', 1, false],
    ['a letter outside the BMP (a surrogate pair)', 'a\u{1D400}', 1, true],
  ])('%s', (_name, text, at, want) => {
    expect(letterAt(text, at)).toBe(want);
    expect(letterBefore(text, text.length)).toBe(want);
    expect(/[\p{L}]/iu.test(String.fromCodePoint(text.codePointAt(at)!))).toBe(want);
  });
});

describe('isSpaceCode is /\\s/ for every UTF-16 code unit', () => {
  it('all 65,536', () => {
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) throw new Error(`code unit ${c.toString(16)}`);
    expect(isSpaceCode(0x3000)).toBe(true);
  });
});
