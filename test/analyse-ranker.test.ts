import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compileOrganisations } from '../src/analyse/organisations.js';
import { analyse } from '../src/analyse/index.js';
import { FEATURES, candidateFeatures, type Candidate } from '../src/analyse/candidates.js';
import { best, trainRanker, type SpeakerRanker } from '../src/analyse/ranker.js';
import { loadOrganisations, loadSpeakerRanker } from '../src/sources/index.js';
import { CcgError } from '../src/core/errors.js';
import { splitParagraphs, splitSentences } from '../src/analyse/sentences.js';
import { ROOT, LEXICON, ccg, tempHome } from './helpers.js';

// Every sentence here is written for the test: the names, places and words are invented.
const SHIPPED = join(ROOT, 'sources', 'models', 'speaker-ranker.json');
const orgs = compileOrganisations(loadOrganisations(join(ROOT, 'sources', 'organisations.json')));
const ranker = loadSpeakerRanker(SHIPPED);
const quotes = (t: string, r: SpeakerRanker | null = ranker) => analyse(t, { organisations: orgs, stance: LEXICON, ranker: r }).quotes;

describe('the model file', () => {
  const temp = () => mkdtempSync(join(tmpdir(), 'ccg-ranker-'));
  const write = (content: string): string => {
    const file = join(temp(), 'speaker-ranker.json');
    writeFileSync(file, content);
    return file;
  };
  const good = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Record<string, unknown>;

  it('the shipped weights load: one per feature this version computes', () => {
    expect(ranker.features).toEqual([...FEATURES]);
    expect(ranker.weights).toHaveLength(FEATURES.length);
    expect(ranker.trainingQuotes).toBeGreaterThan(0);
  });

  it.each([
    ['missing', null, /speaker-ranker\.json: cannot read the speaker ranker's weights/],
    ['not JSON', '{"version": 1, "weights": [', /speaker-ranker\.json: \(root\): not valid JSON/],
    ['not an object', '[1, 2]', /speaker-ranker\.json: \(root\): expected a JSON object/],
    ['another version', JSON.stringify({ ...good, version: 99 }), /speaker-ranker\.json: version: expected 1, got 99/],
    ['features of another version', JSON.stringify({ ...good, features: ['distance'] }), /speaker-ranker\.json: features: .*retrain/],
    ['a weight missing', JSON.stringify({ ...good, weights: (good.weights as number[]).slice(1) }), /speaker-ranker\.json: weights: expected \d+ finite numbers/],
    ['a weight that is not a number', JSON.stringify({ ...good, weights: (good.weights as number[]).map((w, i) => (i ? w : 'x')) }), /weights: expected/],
    ['no date', JSON.stringify({ ...good, trained: 'yesterday' }), /trained: expected an ISO date/],
  ])('%s: a one-line error naming the file', (_kind, content, message) => {
    const file = content === null ? join(temp(), 'speaker-ranker.json') : write(content);
    let error: unknown;
    try {
      loadSpeakerRanker(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CcgError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a corrupt model in the archive stops the CLI with one line naming it, exit code 1', () => {
    const home = tempHome();
    mkdirSync(join(home, 'sources', 'models'), { recursive: true });
    writeFileSync(join(home, 'sources', 'models', 'speaker-ranker.json'), '{"version": 1}');
    const input = join(home, 'note.txt');
    writeFileSync(input, 'A note\n\nDr Ann Price said: “We will not close a single surgery this year.”\n');
    const r = ccg(['extract', '--json', input], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/speaker-ranker\.json: features: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the training script', () => {
  // A tiny training set in brat format, as PolNeAR's: text/NAME.txt, attributions/NAME_x.ann.
  const docs: { text: string; quote: string; source: string }[] = [];
  const people = ['Dr Ann Price', 'Dr Tom Hale', 'Dr Rita Moss', 'Dr Sam Okoro', 'Dr Lena Voss', 'Dr Piet Ramos'];
  people.forEach((name, i) => {
    const other = people[(i + 1) % people.length]!;
    const quote = `“The surgery in ward ${i + 1} will stay open for as long as patients need it.”`;
    docs.push({ text: `Notes ${i}\n\n${name} met ${other} on Monday. ${quote}\n\nThe meeting ended early.\n`, quote, source: name });
  });

  it('writes a file of the shipped format that the loader accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccg-train-'));
    mkdirSync(join(dir, 'text'));
    mkdirSync(join(dir, 'attributions'));
    docs.forEach((d, i) => {
      writeFileSync(join(dir, 'text', `doc${i}.txt`), d.text);
      const q = d.text.indexOf(d.quote);
      const s = d.text.indexOf(d.source);
      const ann = [
        `T1\tSource ${s} ${s + d.source.length}\t${d.source}`,
        `T2\tContent ${q} ${q + d.quote.length}\t${d.quote}`,
        `T3\tCue ${q} ${q}\t`,
        'E1\tAttribution:T3 Content:T2 Cue:T3 Source:T1',
      ].join('\n');
      writeFileSync(join(dir, 'attributions', `doc${i}_ann.ann`), `${ann}\n`);
    });
    const out = join(dir, 'model.json');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'train-ranker.mjs'), dir, '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const trained = loadSpeakerRanker(out);
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(trained).sort()).toEqual(Object.keys(shipped).sort());
    expect(trained.features).toEqual(ranker.features);
    expect(trained.trainingDocuments).toBe(docs.length);
    expect(trained.trainingQuotes).toBe(docs.length);
    // Only names and numbers: no text of the training set.
    expect(readFileSync(out, 'utf8')).not.toMatch(/Price|surgery|ward/);
  });

  it('refuses a folder that is not a training set, exit code 2', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'train-ranker.mjs'), tmpdir()], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});

describe('training', () => {
  it('learns the feature that tells the right candidate', () => {
    const k = FEATURES.indexOf('verbJustAfter');
    const vec = (on: boolean, noise: number): number[] => FEATURES.map((_, i) => (i === k ? (on ? 1 : 0) : (i * 7 + noise) % 3 === 0 ? 1 : 0));
    const groups = Array.from({ length: 20 }, (_, g) => ({ features: [vec(false, g), vec(true, g + 1), vec(false, g + 2)], right: [false, true, false] }));
    const model = trainRanker(groups, { documents: 1, date: '2026-01-01' });
    expect(model.weights[k]).toBeGreaterThan(1);
    expect(best(model, [vec(false, 5), vec(false, 6), vec(true, 7)])!.index).toBe(2);
  });
});

describe('the ranker, where the rules find no speaker', () => {
  it.each([
    ['the subject of the sentence before', 'Ann Price, the chief officer, was blunt about the budget. “We will not close a single surgery this year.”', 'Ann Price'],
    ['the subject, not a name in a relative clause', 'Dr Rita Moss, who replaced Tom Hale as chair last spring, did not hold back. “Nobody asked the practices what they wanted from this.”', 'Dr Rita Moss'],
    ['the subject, not the object', 'Dr Lena Voss thanked Sam Okoro for his work on the plan. “This plan is the best chance the town has had in years.”', 'Dr Lena Voss'],
    ['an organisation', 'Marchland CCG was blunt in its reply to the consultation. “The proposals would leave us with no money for new services.”', 'NHS Marchland CCG'],
  ])('%s', (_kind, text, speaker) => {
    expect(quotes(`A note\n\n${text}`).at(-1)?.speaker).toBe(speaker);
    // The rules alone leave these unattributed: the ranker is what finds the speaker.
    expect(quotes(`A note\n\n${text}`, null).at(-1)?.speaker).toBeNull();
  });

  it('leaves the rules’ speaker where they find one in the quote’s sentence', () => {
    const t = 'Dr Rita Moss met Tom Hale on Monday.\n\n“We will not sign,” Tom Hale said.';
    expect(quotes(t).at(-1)?.speaker).toBe('Tom Hale');
  });
});

describe('features', () => {
  it.each([
    ['verbJustAfter', 'Ann Price, the chair, said the plan would work. “It will.”', 'Ann Price', 1],
    ['verbJustAfter', 'Ann Price met the board. “It will.”', 'Ann Price', 0],
    ['subordinate', 'The plan was praised by Ann Price on Monday. “It will.”', 'Ann Price', 1],
    ['sentenceStart', 'Ann Price met the board. “It will.”', 'Ann Price', 1],
    ['possessive', 'Ann Price’s plan was approved. “It will.”', 'Ann Price', 1],
    ['after', '“It will work,” Ann Price said.', 'Ann Price', 1],
    ['sameSentence', 'Ann Price met the board. “It will.”', 'Ann Price', 0],
  ])('%s for %s', (feature, text, name, want) => {
    const paragraphs = splitParagraphs(text);
    const sentences = paragraphs.flatMap((p) => splitSentences(text.slice(p.start, p.end), p.start));
    const verbs = [...text.matchAll(/\bsaid\b/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
    const open = text.indexOf('“');
    const close = text.indexOf('”');
    const start = text.indexOf(name);
    const candidate: Candidate<string> = { start, end: start + name.length, kind: 'name', speaker: name, key: name, mentionsBefore: 0, subordinate: /by $/.test(text.slice(0, start)) };
    const [x] = candidateFeatures({ text, paragraphs, sentences, verbs }, { open, close, paragraph: 0, rules: null, previous: null }, [candidate]);
    expect(x![FEATURES.indexOf(feature as (typeof FEATURES)[number])]).toBe(want);
  });
});
