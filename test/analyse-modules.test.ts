import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { compileOrganisations, findOrganisations } from '../src/analyse/organisations.js';
import { findPeople } from '../src/analyse/people.js';
import { findQuoteMarks } from '../src/analyse/quote-marks.js';
import { splitParagraphs } from '../src/analyse/sentences.js';
import { documentContext, resolvePronoun } from '../src/analyse/attribution-context.js';
import { attributeAfter, attributeBefore, resolveSubject } from '../src/analyse/subjects.js';
import { candidateIndex, candidatesOf } from '../src/analyse/speaker-candidates.js';
import { describedPerson } from '../src/analyse/descriptions.js';
import { loadOrganisations } from '../src/sources/index.js';
import { ROOT } from './helpers.js';

// Every sentence here is written for the test: the names, places and words are invented.
const orgs = compileOrganisations(loadOrganisations(join(ROOT, 'sources', 'organisations.json')));

/** One document's context, as quotes.ts builds it. */
function contextOf(text: string) {
  const spans = findOrganisations(text, orgs);
  const people = findPeople(text, spans);
  const paragraphs = splitParagraphs(text);
  const quoted = paragraphs.flatMap((p) => findQuoteMarks(text.slice(p.start, p.end)).map((m) => ({ start: p.start + m.open, end: p.start + m.close })));
  return { ctx: documentContext(text, people, spans, quoted), paragraphs };
}

describe('attribution-context: he and she by salience and gender', () => {
  it.each([
    ['the subject, not a name in a relative clause', 'Ann Price, who replaced Sir Tom Hale at the helm of the trust, spoke first. She said', 'She', 'Ann Price'],
    ['two men: the subject, not the object of a preposition', 'Dr Raj Mehta met with Mr Colin Ashby on Monday. He said', 'He', 'Dr Raj Mehta'],
    ['gender agreement over recency', 'Ms Julia Fenn met Mr Tom Ward. She said', 'She', 'Ms Julia Fenn'],
    ['nobody of that gender: the last person named', 'Dr Sam Idris spoke. She said', 'She', 'Dr Sam Idris'],
  ])('%s', (_kind, text, pronoun, want) => {
    const { ctx } = contextOf(text);
    expect(resolvePronoun(ctx, text.lastIndexOf(pronoun), pronoun)?.speaker).toBe(want);
  });
});

describe('subjects: who a quote’s own sentence names', () => {
  it.each([
    ['after: “…,” X said', '“We will not sign,” Dr Ann Price said.', 'Dr Ann Price'],
    ['after, inverted: “…,” said X, chair of Y', '“We will not sign,” said Dr Ann Price, chair of Marchland CCG.', 'Dr Ann Price'],
    ['after: according to', '“We will not sign,” according to Dr Ann Price.', 'Dr Ann Price'],
    ['after: an organisation', '“We will not sign,” the BMA said.', 'British Medical Association'],
    ['after: a phrase as written', '“We will not sign,” a senior partner said.', 'a senior partner'],
  ])('%s', (_kind, text, want) => {
    const { ctx } = contextOf(text);
    const close = text.indexOf('”');
    expect(attributeAfter(ctx, close + 1, text.length)?.speaker).toBe(want);
  });

  it.each([
    ['X said: “…”', 'Dr Ann Price said: “We will not sign.”', 'Dr Ann Price'],
    ['X, chair of Y, warned that “…”', 'Dr Ann Price, chair of Marchland CCG, warned that “the plan will fail”.', 'Dr Ann Price'],
    ['a caption: X: “…”', 'Dr Ann Price: “We will not sign.”', 'Dr Ann Price'],
    ['no verb, no caption', 'The plan in full: “We will not sign.”', null],
  ])('before: %s', (_kind, text, want) => {
    const { ctx } = contextOf(text);
    expect(attributeBefore(ctx, 0, text.indexOf('“'))?.speaker ?? null).toBe(want);
  });

  it('resolveSubject prefers the last person of a region when asked', () => {
    const text = 'Dr Ann Price and Dr Tom Hale';
    const { ctx } = contextOf(text);
    expect(resolveSubject(ctx, 0, text.length, 'last')?.speaker).toBe('Dr Tom Hale');
    expect(resolveSubject(ctx, 0, text.length, 'first')?.speaker).toBe('Dr Ann Price');
  });
});

describe('speaker-candidates: every mention near a quote', () => {
  it('names, pronouns and organisations of the quote’s and the previous paragraph, none inside a quote', () => {
    const text = 'Intro line.\n\nDr Ann Price of Marchland CCG met Dr Tom Hale.\n\nShe was clear. “Dr Nobody Else will not decide this for us.”\n\nDr Lena Voss spoke later.';
    const { ctx, paragraphs } = contextOf(text);
    const open = text.indexOf('“');
    const close = text.indexOf('”');
    const cands = candidatesOf(ctx, candidateIndex(ctx, paragraphs), paragraphs, 2, open, close);
    const seen = cands.map((c) => `${c.kind}:${c.key}`);
    expect(seen).toEqual(expect.arrayContaining(['name:Dr Ann Price', 'name:Dr Tom Hale', 'pronoun:Dr Ann Price', 'organisation:NHS Marchland CCG']));
    expect(seen.some((k) => /Nobody|Voss/.test(k))).toBe(false);
  });
});

describe('descriptions: a person by role', () => {
  it.each([
    ['the chief officer', 'Jo Lake, chief officer of Fenland CCG, spoke. Later the chief officer', 'Jo Lake'],
    ['the LMC secretary', 'Dr Kim Oduya, secretary of Eastmere LMC, spoke. Later the Eastmere LMC secretary', 'Dr Kim Oduya'],
    ['the chair, with two chairs: the last named', 'Dr Al Venn, chair of Marchland CCG, met Dr Bea Ross, chair of Eastmere LMC. Later the chair', 'Dr Bea Ross'],
    ['a role nobody has', 'Jo Lake, chief officer of Fenland CCG, spoke. Later the treasurer', null],
    ['not a description', 'Jo Lake, chief officer of Fenland CCG, spoke. Later Lake', null],
  ])('%s', (_kind, text, want) => {
    const spans = findOrganisations(text, orgs);
    const people = findPeople(text, spans);
    const at = text.lastIndexOf('Later ') + 'Later '.length;
    const person = describedPerson(text, at, text.length, people, spans);
    expect(person === null ? null : people.people[person]!.name).toBe(want);
  });
});

describe('organisations: a person before "of" is not part of the place', () => {
  it.each([
    ['Dr Ann Price of Marchland CCG spoke.', 'NHS Marchland CCG'],
    ['The Vale of Marchwood CCG met.', 'NHS Vale of Marchwood CCG'],
  ])('%s', (text, want) => {
    expect(findOrganisations(text, orgs).map((o) => o.name)).toEqual([want]);
  });
});
