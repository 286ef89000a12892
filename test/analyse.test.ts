import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../src/extract/text.js';
import { analyse, compileOrganisations } from '../src/analyse/index.js';
import { loadOrganisations } from '../src/sources/index.js';
import { LEXICON } from './helpers.js';

const orgs = compileOrganisations(loadOrganisations(join(import.meta.dirname, '..', 'sources', 'organisations.json')));
const seed = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'sources', 'local', name), 'utf8');

describe('text documents', () => {
  it.each([
    ['000_e74ad681202afdd0.txt', 'Transforming primary care'],
    ['001_938f1089b072b8bf.txt', 'NHS England confirms plans to hand CCGs primary care commissioning role'],
    ['002_1a0f53591ffa928c.txt', 'Will CCGs take full control of general practice?'],
    ['003_92105e6a592168eb.txt', 'CCG leads demand control of primary care'],
    ['004_6f47032d33eacba4.txt', 'Clinical commissioning groups: Supporting improvement in general practice?'],
  ])('%s has the title %s', (file, title) => {
    expect(extractText(seed(file)).title).toBe(title);
  });

  it('drops boilerplate and the trailing list of other stories', () => {
    const ex = extractText(seed('001_938f1089b072b8bf.txt'));
    expect(ex.text).toContain('barking mad');
    expect(ex.text).not.toMatch(/Register now|Sign in|Just published|GMC apologises/);
  });

  it('drops copyright and footer link lines', () => {
    const ex = extractText('Title here\n\nBody text about CCGs.\n\n© 2014 Haymarket Media Group Ltd. All rights reserved.\n\nTerms and conditions | Privacy policy | Contact us');
    expect(ex.text).toBe('Body text about CCGs.');
  });

  it('reads the byline and the date line under the title', () => {
    const ex = extractText(seed('002_1a0f53591ffa928c.txt'));
    expect(ex.authors).toEqual(['Léa Legraien']);
    expect(ex.published).toBe('2017-10-25');
    expect(ex.text).not.toMatch(/Share this article|intended for health professionals/);
  });
});

describe('quotes', () => {
  const quotesOf = (file: string) => analyse(extractText(seed(file)).text, { organisations: orgs, stance: LEXICON }).quotes;

  it('attributes a quote after "said:" to the person with the role before the name', () => {
    const q = quotesOf('001_938f1089b072b8bf.txt').find((x) => x.text.includes('barking mad'));
    expect(q?.speaker).toBe('Dr Robert Morley');
    expect(q?.role).toBe('Birmingham LMC secretary');
    expect(q?.organisation).toBe('Birmingham LMC');
  });

  it('resolves "she said" and continues the speaker into the next paragraph', () => {
    const qs = quotesOf('001_938f1089b072b8bf.txt').filter((x) => x.speaker === 'Rosamond Roughton' && !x.partial);
    expect(qs.map((q) => q.text.slice(0, 20))).toEqual(['I think we will see ', 'On primary care, for']);
    expect(qs.every((q) => q.organisation === 'NHS England')).toBe(true);
  });

  it('keeps a quote running over two paragraphs with its speaker', () => {
    const qs = quotesOf('003_92105e6a592168eb.txt').filter((x) => x.speaker === 'Amanda Doyle');
    expect(qs).toHaveLength(2);
    expect(qs[0]!.organisation).toBe('NHS Blackpool CCG');
  });

  it('does not report scare quotes or headings as quotations', () => {
    const texts = quotesOf('003_92105e6a592168eb.txt').map((q) => q.text);
    expect(texts).not.toContain('young');
    expect(texts).not.toContain('Fractured system');
  });

  it('treats ’ inside words as an apostrophe, not a closing mark', () => {
    const q = quotesOf('000_e74ad681202afdd0.txt').find((x) => x.text.startsWith('I think'));
    expect(q?.text).toMatch(/it’s inevitable.*bigger units$/);
    expect(q?.speaker).toBe('Dr Nigel Watson');
    expect(q?.organisation).toBe('GPC');
  });
});

describe('datelines and titles of captured text', () => {
  it.each([
    ['Home › News › Primary care\n\nCCGs take over contracts\n\nPosted on May 12, 2014 by Jane Smith\n\nBody text here.', 'CCGs take over contracts', '2014-05-12'],
    ['12 May 2014\n\nCCGs take over contracts\n\nBody text here.', 'CCGs take over contracts', '2014-05-12'],
    ['CCGs take over contracts\n\nPublished: 12/05/2014 09:30\n\nBody text here.', 'CCGs take over contracts', '2014-05-12'],
    ['CCGs take over contracts\n\nThe deadline is 1 November 2017.\n\nBody text here.', 'CCGs take over contracts', null],
    // A journal's head line: the date it names as published, among other furniture.
    ['CCGs take over contracts\n\nGP Review 2016; 12 (Published 3 March 2016) Cite this as: GP Rev 2016;12:r41\n\nBody text here.', 'CCGs take over contracts', '2016-03-03'],
    ['CCGs take over contracts\n\nFirst published: 7 July 2019 | Section: Commissioning | Reading time 4 minutes\n\nBody text here.', 'CCGs take over contracts', '2019-07-07'],
    // A sentence may name another thing's date as published.
    ['CCGs take over contracts\n\nThe review, published 2 April 2013, found that few CCGs were ready.\n\nBody text here.', 'CCGs take over contracts', null],
  ])('%#', (raw, title, published) => {
    const ex = extractText(raw);
    expect(ex.title).toBe(title);
    expect(ex.published).toBe(published);
    expect(ex.text).toContain('Body text here.');
  });
});
