import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAME_LEXICON } from '../src/analyse/lexicon/reporting-frames.js';
import { frameFeatures, frameWords, quoteFrames } from '../src/analyse/stance-frame.js';
import { stanceFeatures } from '../src/analyse/stance-features.js';
import { stanceModelFrom, trainingFingerprint } from '../src/analyse/stance-model.js';
import { analyse, compileOrganisations, splitParagraphs } from '../src/analyse/index.js';
import type { Stance } from '../src/core/types.js';
import { ValidationError } from '../src/core/errors.js';
import { loadOrganisations, loadStanceExamples, loadStanceWeights } from '../src/sources/index.js';
import { ROOT, TOPIC } from './helpers.js';

describe('the reporting-frame lexicon (src/analyse/lexicon/reporting-frames.ts)', () => {
  const entries = Object.entries(FRAME_LEXICON).flatMap(([kind, list]) => list.map((entry) => ({ kind, entry })));

  it('has entries in every list, each lower case words with at most a trailing * per word', () => {
    for (const list of Object.values(FRAME_LEXICON)) expect(list.length).toBeGreaterThan(0);
    for (const { entry } of entries) expect(entry).toMatch(/^[a-z']+\*?(?: [a-z']+\*?)*$/);
  });

  it('lists no entry twice', () => {
    const seen = entries.map((e) => e.entry);
    expect(seen.length).toBe(new Set(seen).size);
  });

  it('puts no word in two classes: each entry, read as a frame, is of its own class only', () => {
    for (const { kind, entry } of entries) {
      const word = entry.replace(/\*/g, '');
      const kinds = frameWords(`x ${word}`).map((w) => w.kind);
      if (kind === 'negator' || kind === 'hedge') expect(kinds, entry).toEqual([]);
      else expect(kinds, entry).toEqual([kind]);
    }
  });
});

describe('frame features, on frames written for this test', () => {
  it.each([
    ['a warning', 'Dr Mia Lund, secretary of the LMC, warned:', ['__frame_oppose']],
    ['a criticism with a saying', 'The GPC criticised the timetable, saying', ['__frame_oppose']],
    ['concerns as a noun', 'Amid concerns from local practices, the chair said', ['__frame_oppose']],
    ['a welcome', 'The LMC welcomed the plans, saying', ['__frame_support']],
    ['praise', 'Dr Paul Aske praised the first wave of CCGs:', ['__frame_support']],
    ['backing as a noun-like verb form', 'The committee gave its backing, adding', ['__frame_support']],
    ['a negated welcome', 'The GPC did not welcome the plans, saying', ['__frame_oppose', '__frame_negated']],
    ['a refusal to back', 'He refused to back the merger, saying', ['__frame_oppose', '__frame_negated']],
    ['a negated criticism (not support)', 'She declined to criticise the CCG, saying', ['__frame_negated']],
    ['a hedged welcome', 'The chair cautiously welcomed the plans, saying', ['__frame_support', '__frame_hedged']],
    ['a welcome with a warning', 'The BMA welcomed the bill but warned', ['__frame_oppose', '__frame_support', '__frame_both']],
    ['a neutral say', 'she said.', []],
    ['a neutral tell', 'Dr Ed Shaw told the conference', []],
    ['no reporting word at all', 'In the first year,', []],
    ['nothing', '', []],
  ])('%s: %j', (_what, frame, want) => {
    expect([...frameFeatures(frame).keys()].sort()).toEqual([...want].sort());
  });

  it('adds frame features to the quote\'s own only when a frame is given', () => {
    const text = 'The contracts move to the CCG in April.';
    expect([...stanceFeatures(text, TOPIC).keys()].some((k) => k.startsWith('__frame'))).toBe(false);
    expect(stanceFeatures(text, TOPIC, 'Dr Ann Vale warned:').get('__frame_oppose')).toBe(1);
    expect(stanceFeatures(text, TOPIC, 'Dr Ann Vale warned:').get('ccg')).toBe(stanceFeatures(text, TOPIC).get('ccg'));
  });
});

describe('the frame of a quote in a document', () => {
  const framesOf = (text: string) => {
    const orgs = compileOrganisations(loadOrganisations(join(ROOT, 'sources', 'organisations.json')));
    const seen: { text: string; frame: string | undefined }[] = [];
    const scorer = (t: string, frame?: string): Record<Stance, number> => { seen.push({ text: t, frame }); return { support: 0, oppose: 0, mixed: 0, neutral: 1 }; };
    const quotes = analyse(text, { organisations: orgs, stance: scorer }).quotes;
    return { quotes, seen, frames: quoteFrames(text, splitParagraphs(text), quotes) };
  };

  it.each([
    ['the words before a colon', 'A page\n\nDr Jo Pell, secretary of the LMC, warned: “The contracts will move to the CCG in April and practices will have to apply again.”', 'Dr Jo Pell, secretary of the LMC, warned:'],
    ['the words after the quote', 'A page\n\n“The contracts will move to the CCG in April and practices will have to apply again,” the chair of the LMC said.', 'the chair of the LMC said.'],
    ['a welcome with a saying', 'A page\n\nThe LMC welcomed the decision, saying: “Practices in the valley will now deal with one commissioner for everything.”', 'The LMC welcomed the decision, saying:'],
    ['the sentence before, for a quote that opens its paragraph', 'A page\n\nDr Kim Hale hit out at the plans.\n\n“Nobody in the valley has been asked what they think of any of this, and it shows.”', 'Dr Kim Hale hit out at the plans.'],
  ])('%s', (_what, text, frame) => {
    const { quotes, frames, seen } = framesOf(text);
    expect(quotes).toHaveLength(1);
    expect(frames).toEqual([frame]);
    // The pipeline hands the scorer the quote and that frame.
    expect(seen).toEqual([{ text: quotes[0]!.text, frame }]);
  });

  it('blanks out every quotation in the sentence, not only the one judged', () => {
    const text = 'A page\n\n“The first year was hard going for everyone involved,” Dr Lee Tam said, “but the practices have come round to it now.”';
    const { quotes, frames } = framesOf(text);
    expect(quotes).toHaveLength(2);
    for (const f of frames) expect(f).toBe('Dr Lee Tam said,');
  });
});

describe('the shipped classifier reads the frame (sentences written for this test)', () => {
  const model = stanceModelFrom(loadStanceWeights(join(ROOT, 'sources', 'stance', 'model.json')), TOPIC);
  const bland = 'It means practices in the valley will deal with the CCG from now on.';
  const alone = model.probabilities(bland);
  const said = model.probabilities(bland, 'she said.');
  const best = (p: Record<Stance, number>): Stance => (Object.keys(p) as Stance[]).reduce((a, b) => (p[b] > p[a] ? b : a));

  it.each([
    ['a warning', 'Dr Ruth Pym, secretary of the LMC, warned:', 'oppose'],
    ['raised concerns', 'The GPC raised concerns about the move, saying', 'oppose'],
    ['a negated welcome', 'The LMC did not welcome the move, saying', 'oppose'],
    ['a welcome', 'The LMC welcomed the move, saying', 'support'],
    ['a hailing', 'The CCG\'s chair hailed the vote, saying', 'support'],
  ] as const)('%s around a bland quote (%s) leans %s, more than a neutral "said" does', (_what, frame, lean) => {
    const p = model.probabilities(bland, frame);
    expect(best(p)).toBe(lean);
    expect(p[lean]).toBeGreaterThan(said[lean] + 0.1);
  });

  it('a neutral "said" pushes the quote towards no side', () => {
    expect(said.support).toBeLessThanOrEqual(alone.support + 0.05);
    expect(said.oppose).toBeLessThanOrEqual(alone.oppose + 0.05);
  });
});

describe('frames in the labelled examples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccg-frame-'));
  const examples = loadStanceExamples(join(ROOT, 'sources', 'stance', 'examples.json'));

  it('a good share of the examples have one, and changing a frame changes the fingerprint', () => {
    const framed = examples.filter((e) => e.frame !== undefined);
    expect(framed.length / examples.length).toBeGreaterThan(0.5);
    const changed = examples.map((e) => (e === framed[0] ? { ...e, frame: 'she warned.' } : e));
    expect(trainingFingerprint(changed, TOPIC)).not.toBe(trainingFingerprint(examples, TOPIC));
  });

  it('a frame that is not a non-empty string gives a one-line error naming the file', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ examples: [{ id: 1, text: 'A.', stance: 'support', frame: 3 }] }));
    let error: unknown;
    try { loadStanceExamples(file); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: examples\\[0\\]\\.frame: expected a non-empty string`));
  });
});
