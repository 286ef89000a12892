// The attribution patterns matched by hand (speech-patterns.ts) find what the regular expressions
// they replace find: checked on sentences written for the test and on generated text, against the
// expressions themselves.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SPEECH_VERBS } from '../src/analyse/lexicon/speech.js';
import { afterDirectSubject, afterInvertedSubject, introducedByVerb, scanVerbs } from '../src/analyse/speech-patterns.js';

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VERBS = [...SPEECH_VERBS].sort((a, b) => b.length - a.length).map((v) => esc(v).replace(/ /g, '\\s+')).join('|');
const CLAUSE_END = `(?=\\s*(?:[,.;:!?()—–]|$|\\s(?:in|on|at|during|after|before|when|while|last|yesterday|today|tonight|this|to|of|about|from|with|by|as|recently|earlier|later|afterward|afterwards|again|then|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b))`;
const HEARER = `(?:\\s+(?:reporters|journalists|colleagues|delegates|supporters|the\\s+\\S+|an?\\s+\\S+|\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}))?`;
const AFTER_DIRECT = new RegExp(`^[\\s,.!?—–-]*([^,.;:!?“”"‘]{1,120}?(?:,[^,.;:!?“”"‘]{1,100}){0,2},?)\\s+(?:also\\s+|later\\s+|then\\s+|has\\s+|have\\s+|had\\s+|previously\\s+|once\\s+)?(?:${VERBS})(?![\\p{L}])${HEARER}${CLAUSE_END}`, 'iu');
const AFTER_INVERTED = new RegExp(`^[\\s,.!?—–-]*(?:${VERBS})\\s+(?!that\\b)([^,.;:!?“”"‘()]{2,120}?)(?=\\s*(?:[,.;:!?()]|$|\\s(?:in|on|at|during|after|before|when|while|last|yesterday|told|to)\\s))`, 'iu');
const VERB_RE = new RegExp(`(?<![\\p{L}])(?:${VERBS}|according\\s+to)(?![\\p{L}])`, 'giu');
const INTRODUCED_BY_VERB = new RegExp(`(?:${VERBS})(?:\\s+that)?\\s*$`, 'iu');

const direct = (s: string): string | null => {
  const span = afterDirectSubject(s);
  return span ? s.slice(span.start, span.end) : null;
};
const inverted = (s: string): [number, string] | null => {
  const span = afterInvertedSubject(s);
  return span ? [span.start, s.slice(span.start, span.end)] : null;
};
const directByRegex = (s: string): string | null => AFTER_DIRECT.exec(s)?.[1] ?? null;
const invertedByRegex = (s: string): [number, string] | null => {
  const m = AFTER_INVERTED.exec(s);
  return m ? [m.index + m[0].length - m[1]!.length, m[1]!] : null;
};

describe('afterDirectSubject: the subject of "…,’ X said" after a quotation', () => {
  it.each([
    ['a name and a verb', ', Ann Price said.', 'Ann Price'],
    ['the closing mark is not read past: the caller starts after it', '’ Ann Price said.', '’ Ann Price'],
    ['an apposition with commas', ', Dr Raj Mehta, chair of the committee, added on Monday.', 'Dr Raj Mehta, chair of the committee,'],
    ['an adverb before the verb', ', the minister later told reporters.', 'the minister'],
    ['a hearer named after a verb of telling', ', he told the BBC.', 'he'],
    ['capitals and the long s', ', SHE ſAID.', 'SHE'],
    ['a verb inside a longer word does not count', ', she saidx nothing.', null],
    ['no verb at all', ', and the plan went ahead.', null],
    ['a number after the verb does not end the clause', ', the chair said 42 times.', null],
    ['under the i flag \\p{Lu} takes lower case too: "she would resign" reads as a hearer', ', the chair said she would resign.', 'the chair'],
  ])('%s', (_name, text, want) => {
    expect(direct(text)).toBe(want);
    expect(direct(text)).toEqual(directByRegex(text));
  });
});

describe('afterInvertedSubject: the subject of "…,’ said X" after a quotation', () => {
  it.each([
    ['said and a name', ', said Ann Price.', [7, 'Ann Price']],
    ['a time after the name', ', wrote Dr Mehta on Friday.', [8, 'Dr Mehta']],
    ['"that" after the verb is a clause, not a subject', ', said that it would.', null],
    ['extra white space after the verb', ',  said   the chair, later.', [10, 'the chair']],
    ['no verb first', ', Ann Price said.', null],
  ])('%s', (_name, text, want) => {
    expect(inverted(text)).toEqual(want);
    expect(inverted(text)).toEqual(invertedByRegex(text));
  });
});

describe('introducedByVerb: the text before a quotation ends with a speech verb', () => {
  it.each([
    ['She said: ', false],
    ['She said ', true],
    ['She warned that ', true],
    ['She warned   that', true],
    ['She warned thatch ', false],
    ['Mr Lee has  said', true],
    ['It was unsaid', true],
    ['He told reporters\n', true],
    ['The plan', false],
  ])('%j', (text, want) => {
    expect(introducedByVerb(text)).toBe(want);
    expect(INTRODUCED_BY_VERB.test(text)).toBe(want);
  });
});

describe('on generated text, the same as the regular expressions', () => {
  const pieces = ['said', 'Said', 'ſaid', 'told', 'reporters', 'the', 'BBC', 'Dr', 'Ann', 'Price', 'that', 'also', 'has', 'on', 'Monday',
    'according', 'to', 'in', 'chair', 'of', 'x', 'é', '\u{1D400}', '\u0345', ' ', ' ', '  ', '\n', ',', '.', ';', ':', '’', '“', '—', '(', ')', '-'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));
  it('afterDirectSubject, afterInvertedSubject, introducedByVerb, scanVerbs', () => {
    fc.assert(fc.property(text, (s) => {
      expect(direct(s)).toEqual(directByRegex(s));
      expect(inverted(s)).toEqual(invertedByRegex(s));
      expect(introducedByVerb(s)).toBe(INTRODUCED_BY_VERB.test(s));
      const verbs = [...s.matchAll(VERB_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, according: /^according/i.test(m[0]) }));
      expect(scanVerbs(s, 0, s.length)).toEqual(verbs);
    }), { numRuns: 3000 });
  });
});
