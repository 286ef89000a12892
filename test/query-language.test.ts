import { describe, it, expect } from 'vitest';
import { parseQuery, formatQuery, normaliseDate, dateBounds, isFilterOnly } from '../src/search/query-language.js';

describe('the query language', () => {
  it('words are required, each a group of its own', () => {
    const q = parseQuery('conflict interest');
    expect(q.must).toEqual([[{ kind: 'word', text: 'conflict' }], [{ kind: 'word', text: 'interest' }]]);
    expect(q.errors).toEqual([]);
  });

  it('quotation marks make a phrase, straight or curly', () => {
    expect(parseQuery('"conflicts of interest" GP').must).toEqual([
      [{ kind: 'phrase', text: 'conflicts of interest', words: ['conflicts', 'of', 'interest'] }],
      [{ kind: 'word', text: 'GP' }],
    ]);
    expect(parseQuery('“barking mad”').must[0]).toEqual([{ kind: 'phrase', text: 'barking mad', words: ['barking', 'mad'] }]);
  });

  it('a leading minus excludes a word or a phrase; a hyphen inside a word does not', () => {
    const q = parseQuery('commissioning -hospital -"secondary care" co-commissioning');
    expect(q.not).toEqual([{ kind: 'word', text: 'hospital' }, { kind: 'phrase', text: 'secondary care', words: ['secondary', 'care'] }]);
    expect(q.must).toEqual([[{ kind: 'word', text: 'commissioning' }], [{ kind: 'phrase', text: 'co commissioning', words: ['co', 'commissioning'] }]]);
  });

  it('OR joins its neighbours into one group', () => {
    const q = parseQuery('BMA OR GPC funding');
    expect(q.must).toEqual([[{ kind: 'word', text: 'BMA' }, { kind: 'word', text: 'GPC' }], [{ kind: 'word', text: 'funding' }]]);
    // A dangling OR, or a lower-case "or", is not an operator.
    expect(parseQuery('OR funding').must).toEqual([[{ kind: 'word', text: 'funding' }]]);
    expect(parseQuery('funding or cuts').must).toHaveLength(3);
  });

  it('fields are filters and quoted values keep their spaces; a colon in a number is part of a word', () => {
    const q = parseQuery('speaker:"Ann Price" org:BMA stance:Oppose year:2014 10:30 source:pulse kind:news publisher:HSJ');
    expect(q.filters).toMatchObject({ speaker: ['Ann Price'], org: ['BMA'], stance: ['oppose'], year: ['2014'], source: ['pulse'], kind: ['news'], publisher: ['HSJ'] });
    expect(q.must).toEqual([[{ kind: 'phrase', text: '10 30', words: ['10', '30'] }]]);
    expect(isFilterOnly(parseQuery('org:BMA'))).toBe(true);
  });

  it('impossible dates, unknown stances and reversed ranges are errors', () => {
    expect(parseQuery('since:2015-13-45').errors).toEqual([expect.stringMatching(/since:2015-13-45 is not a date/)]);
    expect(parseQuery('until:2015-02-30').errors).toHaveLength(1);
    expect(parseQuery('stance:angry').errors).toEqual([expect.stringMatching(/stance:angry is not a stance/)]);
    expect(parseQuery('since:2016 until:2015').errors).toEqual(['since:2016 is after until:2015']);
    expect(parseQuery('since:2015-06 until:2015').errors).toEqual([]);
    expect(parseQuery('-org:BMA').errors).toHaveLength(1);
    expect(parseQuery('year:14').errors).toHaveLength(1);
    expect(parseQuery('colour:red').errors).toEqual([expect.stringMatching(/^colour: is not a field \(the fields are speaker: org:/)]);
    expect(parseQuery('"barking mad').errors).toEqual(['a quotation mark is opened before "barking mad" and never closed']);
    expect(parseQuery('NHS: plans').errors).toEqual([]);
    // A field with nothing after it is a field without a value, not the word "speaker".
    expect(parseQuery('commissioning speaker:').errors).toEqual(['speaker: needs a value right after the colon (speaker:VALUE, or speaker:"TWO WORDS")']);
    expect(parseQuery('org: BMA').errors).toEqual([expect.stringMatching(/^org: needs a value right after the colon/)]);
    expect(parseQuery('re: contracts').errors).toEqual([]);
  });

  it('a query that leaves nothing to search for is an error, not a list of everything', () => {
    // Only common words, which the index does not hold on their own.
    expect(parseQuery('the of').errors).toEqual(['"the of" has only common words (the, of), which are not searched on their own: add another word, put them in a "phrase", or add a filter']);
    // Only punctuation, quoted or not.
    expect(parseQuery('"!!"').errors).toEqual(['"!!" has no words to search for']);
    expect(parseQuery('&& ??').errors).toEqual(['"&& ??" has no words to search for']);
    // A common word beside something that narrows the results is simply not searched.
    expect(parseQuery('the speaker:Price').errors).toEqual([]);
    expect(parseQuery('the commissioning').errors).toEqual([]);
    expect(parseQuery('"the of"').errors).toEqual([]);
    expect(parseQuery('& -hospital').errors).toEqual([]);
    expect(parseQuery('').errors).toEqual([]);
  });

  it('dates: normalised, and an approximate date covers its whole year or month', () => {
    expect(normaliseDate('2014-5-3')).toBe('2014-05-03');
    expect(normaliseDate('2014-02-29')).toBeNull();
    expect(normaliseDate('2016-02-29')).toBe('2016-02-29');
    expect(dateBounds('2014')).toEqual({ first: '2014-01-01', last: '2014-12-31' });
    expect(dateBounds('2016-02')).toEqual({ first: '2016-02-01', last: '2016-02-29' });
  });

  it('writes a query back in its canonical form', () => {
    expect(formatQuery(parseQuery('  BMA   OR  GPC  -"secondary care" speaker:"Ann Price" since:2014-1 '))).toBe('BMA OR GPC -"secondary care" speaker:"Ann Price" since:2014-01');
  });
});
