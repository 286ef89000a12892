import { describe, it, expect } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitSentences, maskAbbreviations } from '../src/analyse/sentences.js';
import { findDates } from '../src/analyse/dates.js';
import { compileOrganisations, findOrganisations, summariseOrganisations } from '../src/analyse/organisations.js';
import { findQuoteMarks } from '../src/analyse/quote-marks.js';
import { analyse } from '../src/analyse/index.js';
import { loadOrganisations } from '../src/sources/index.js';
import { ROOT, LEXICON } from './helpers.js';
import { parseDate } from '../src/core/dates.js';

const ref = loadOrganisations(join(ROOT, 'sources', 'organisations.json'));
const orgs = compileOrganisations(ref);
const sentences = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentence splitting for British news', () => {
  it.each([
    ['Dr. Smith said so. Prof. Jones agreed.', ['Dr. Smith said so.', 'Prof. Jones agreed.']],
    ['The deal is worth £3.5m. It was signed.', ['The deal is worth £3.5m.', 'It was signed.']],
    ['See No. 10 for details. Then go.', ['See No. 10 for details.', 'Then go.']],
    ['John F. Kennedy spoke. Crowds cheered.', ['John F. Kennedy spoke.', 'Crowds cheered.']],
    ['‘It works.’ She smiled.', ['‘It works.’', 'She smiled.']],
  ])('%s', (text, want) => {
    expect(sentences(text)).toEqual(want);
  });

  it('masks abbreviation stops without moving offsets', () => {
    const t = 'Mr. Obama and Mitch McConnell, R-Ky., met.';
    const m = maskAbbreviations(t);
    expect(m).toHaveLength(t.length);
    expect(m.split('.').length).toBe(2);
  });

  // Which stops are masked (·) and which end a sentence, one rule a row.
  it.each([
    ['Mr. Ward met Cllr. Hale.', 'Mr· Ward met Cllr· Hale.'], // abbreviations, and a sentence end
    ['Anne B. Cole spoke.', 'Anne B· Cole spoke.'], // an initial
    ['The senator (D-Wis.) voted.', 'The senator (D-Wis·) voted.'], // inside parentheses opened just before
    ['The vote (on Tuesday) ended. Then Ward.', 'The vote (on Tuesday) ended. Then Ward.'], // parentheses already closed
    ['It was (in a long aside about budgets.', 'It was (in a long aside about budgets.'], // the parenthesis is too far back
    ['Tom Ruiz, R-Tex., said so.', 'Tom Ruiz, R-Tex·, said so.'], // a party and state
    ['Tom Ruiz, X-Tex. Then he left.', 'Tom Ruiz, X-Tex. Then he left.'], // not a party
    ['A wider-Texas. Then.', 'A wider-Texas. Then.'], // a long word after a hyphen
  ])('%s', (text, want) => {
    expect(maskAbbreviations(text).replaceAll('\u2024', '·')).toBe(want);
  });
});

describe('dates mentioned', () => {
  it.each([
    ['from 25 October 2017', '2017-10-25'],
    ['in April 2018', '2018-04'],
    ['before 1 November', '2017-11-01'],
    ['in 2017/18 there were', '2017'],
    ['the 2016/17 figures', '2016'],
    ['changes from April', '2017-04'],
    ['since 2015', '2015'],
  ])('%s → %s (published 2017-10-25)', (text, value) => {
    expect(findDates(text, '2017-10-25').map((d) => d.value)).toContain(value);
  });

  it('needs a publication year for a day without one', () => {
    expect(findDates('before 1 November', null)).toEqual([]);
  });
});

describe('organisations', () => {
  const names = (t: string): string[] => summariseOrganisations(findOrganisations(t, orgs)).map((o) => o.name);

  it.each([
    ['The BMA and the RCGP responded.', ['British Medical Association', 'Royal College of General Practitioners']],
    ['GP and clinical chairman of Leeds CCG spoke.', ['NHS Leeds CCG']],
    ['NHS Blackpool CCG and Blackpool CCG are one.', ['NHS Blackpool CCG']],
    ['Public invited to meeting of South West Lincolnshire Clinical Commissioning Group', ['NHS South West Lincolnshire CCG']],
    ['Birmingham LMC secretary Dr Robert Morley', ['Birmingham LMC']],
    ['The King’s Fund report', ["The King's Fund"]],
    ['the GPC’s commissioning subcommittee', ['GPC']],
    ['Leeds PCT and South Yorkshire and Bassetlaw Commissioning Support Unit met', ['Leeds PCT', 'South Yorkshire and Bassetlaw Commissioning Support Unit']],
  ])('%s', (text, want) => {
    expect(names(text).sort()).toEqual([...want].sort());
  });

  it.each([
    ['Plans to merge Hollins, Tarnbury and Wexcombe CCGs were approved.', ['NHS Hollins CCG', 'NHS Tarnbury CCG', 'NHS Wexcombe CCG']],
    ['Hollins and Tarnbury CCGs will share a chief officer.', ['NHS Hollins CCG', 'NHS Tarnbury CCG']],
    ['Tarnbury or Wexcombe Clinical Commissioning Groups may bid.', ['NHS Tarnbury CCG', 'NHS Wexcombe CCG']],
    ['Bath and North East Somerset, Swindon and Wiltshire CCGs agreed.', ['NHS Bath and North East Somerset CCG', 'NHS Swindon CCG', 'NHS Wiltshire CCG']],
    // One name with "and" in it, in the singular, stays one.
    ['Hammersmith and Fulham CCG agreed.', ['NHS Hammersmith and Fulham CCG']],
    // A plural with one name before it names no list.
    ['Most CCGs agreed. Several London CCGs did not.', []],
  ])('a list of places before a plural family name: %s', (text, want) => {
    const spans = findOrganisations(text, orgs);
    expect(summariseOrganisations(spans).map((o) => o.name).sort()).toEqual([...want].sort());
    // Named together, each after the first is coordinated with the one before.
    expect(spans.slice(1).every((s) => s.coordinated)).toBe(true);
  });

  it.each([
    ['Leaders of Hollins LMC met the minister.', ['Hollins LMC']],
    ['Members of Tarnbury CCG voted for the plan.', ['NHS Tarnbury CCG']],
    ['The Chair of Wexcombe CCG spoke.', ['NHS Wexcombe CCG']],
    ['Vale of York CCG agreed.', ['NHS Vale of York CCG']],
  ])('people of an organisation before "of" are not part of its name: %s', (text, want) => {
    expect(names(text)).toEqual(want);
  });

  it('learns an acronym the text defines and counts its later uses', () => {
    const t = 'Graham Foulkes, vice chair of Oldham Primary Care Commissioning Committee (PCCC), spoke. The PCCC met twice.';
    const [o] = summariseOrganisations(findOrganisations(t, orgs));
    expect(o).toMatchObject({ name: 'Oldham Primary Care Commissioning Committee', mentions: 2 });
    expect(o!.aliases).toContain('PCCC');
  });

  it('does not take sentence words for a place', () => {
    expect(names('Last week CCG leaders met. The CCG said no.')).toEqual([]);
  });

  it.each([
    [{ version: 1, organisations: [{ name: 'X', kind: 'bank' }] }, /organisations\[0\]\.kind: expected one of/],
    [{ version: 1, organisations: [{ name: '', kind: 'other' }] }, /organisations\[0\]\.name: expected a non-empty string/],
    [{ version: 2, organisations: [] }, /version: expected 1/],
    [{ version: 1, organisations: [{ name: 'A', kind: 'other', aliases: ['B'] }, { name: 'B', kind: 'other' }] }, /"B" is already a name or alias of "A"/],
  ])('a bad organisation list is an error naming the file and field (%#)', (data, message) => {
    const file = join(mkdtempSync(join(tmpdir(), 'ccg-orgs-')), 'organisations.json');
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadOrganisations(file)).toThrow(message);
    expect(() => loadOrganisations(file)).toThrow(file);
  });
});

describe('quotation marks', () => {
  const texts = (p: string): string[] => findQuoteMarks(p).map((m) => p.slice(m.open + 1, m.close));
  it.each([
    ['He said ‘it’s the GPs’ money, not ours’ today.', ['it’s the GPs’ money, not ours']],
    ['“Yes,” she said. “No.”', ['Yes,', 'No.']],
    ['"Mixed,” he said.', ['Mixed,']],
    ['It’s the ‘silo mentality’ again.', ['silo mentality']],
    // Plain-text British news sets quotations in straight single marks; apostrophes stay apostrophes.
    ["Dr Oyelaran said: 'It's the practices' money, and they know it.'", ["It's the practices' money, and they know it."]],
    ["'We won't sign,' she said, 'not until the GPs' votes are in.'", ["We won't sign,", "not until the GPs' votes are in."]],
    ["The surgery's 'open door' plan is the partners' idea.", ['open door']],
    ["Rock 'n' roll and the '90s, that's all.", []],
    ["It's the GPs' turn, isn't it.", []],
    ["'The board will meet in May and decide then.", ["The board will meet in May and decide then."]],
    ["Mid-sentence 'without a close stays an apostrophe.", []],
    ["Doubled marks ''stand for double ones,'' he said, 'left alone.'", []],
  ])('%s', (p, want) => {
    expect(texts(p)).toEqual(want);
  });
});

describe('quotes with speakers', () => {
  const quotes = (t: string) => analyse(t, { organisations: orgs, stance: LEXICON }).quotes;

  it.each([
    ['“We oppose it,” said Dr Jane Smith, chair of Kent LMC.', 'Dr Jane Smith', 'Kent LMC'],
    ['GPC negotiator Dr Beth McCarron-Nash said: ‘We cannot accept this.’', 'Dr Beth McCarron-Nash', 'GPC'],
    ['In a statement, NHS England wrote: ‘Delegation is delivering benefits for patients.’', 'NHS England', 'NHS England'],
    ['“It’s an invasion of the state domain,” Scott Pruitt, the attorney general of Oklahoma, said on Monday.', 'Scott Pruitt', null],
    ['“Maybe we can build a wall around it.” ― Steve Quinlan.', 'Steve Quinlan', null],
    ['Speaking to GPonline, Dr Richard Vautrey, who chairs the BMA’s GP committee, said: ‘Practices are worried.’', 'Dr Richard Vautrey', 'GPC'],
    ['NHS England’s director of primary care, Dr David Geddes, insisted: ‘Delegation will help practices.’', 'Dr David Geddes', 'NHS England'],
    ['“We are not convinced,” said Dr Jane Smith, of the Nuffield Trust.', 'Dr Jane Smith', 'Nuffield Trust'],
    ['In a statement, the Royal College of GPs said: ‘GPs must be protected from conflicts of interest.’', 'Royal College of General Practitioners', 'Royal College of General Practitioners'],
  ])('%s', (text, speaker, organisation) => {
    const [q] = quotes(`Title\n\n${text}`.split('\n\n').slice(1).join('\n\n'));
    expect(q?.speaker).toBe(speaker);
    expect(q?.organisation).toBe(organisation);
    expect(q?.partial).toBeUndefined();
  });

  it('resolves a pronoun to the last person of a compatible gender', () => {
    const t = 'Ms Julie Wood met Mr Tom Jones.\n\n‘We back the change,’ she said.';
    expect(quotes(t)[0]?.speaker).toBe('Ms Julie Wood');
  });

  it('marks a few quoted words inside reported speech as partial', () => {
    const t = 'She said there was a role for CCGs to provide ‘local knowledge and input’ to practices.';
    expect(quotes(t)[0]).toMatchObject({ text: 'local knowledge and input', partial: true });
  });
});

it('the seed documents read back the labels they ship with', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'sources', 'local', 'manifest.json'), 'utf8'));
  expect(manifest.documents).toHaveLength(5);
});

describe('written dates', () => {
  it.each([
    ['25 October 2017', '2017-10-25'],
    ['October 25, 2017', '2017-10-25'],
    ['2017-10-25T09:00:00+01:00', '2017-10-25'],
    ['25/10/2017', '2017-10-25'],
    ['October 2017', '2017-10'],
    ['3. Dezember 2011', '2011-12-03'],
    ['25 de septiembre de 2020', '2020-09-25'],
    ['12 марта 2020', '2020-03-12'],
    ['2019年6月24日', '2019-06-24'],
    ['31 February 2017', null],
    ['not a date', null],
  ])('%s → %s', (text, want) => {
    expect(parseDate(text)).toBe(want);
  });
});

it('keeps a quotation once when a pull quote repeats it', () => {
  const t = 'Dr Jane Smith said: ‘This is a recipe for disaster for practices.’\n\n‘This is a recipe for disaster for practices.’';
  expect(analyse(t, { organisations: orgs, stance: LEXICON }).quotes).toHaveLength(1);
});
