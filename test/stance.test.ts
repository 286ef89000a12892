import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { trainStanceModel, trainStanceWeights, trainingFingerprint, stanceModelFrom, isHeldOut } from '../src/analyse/stance-model.js';
import { stanceFeatures } from '../src/analyse/stance-features.js';
import { cueScores, decideStance, quoteStances, summarisePositions, MIN_CONFIDENCE, type StanceScorer } from '../src/analyse/stance.js';
import { analyse, compileOrganisations } from '../src/analyse/index.js';
import { loadOrganisations, loadStanceExamples, loadStanceWeights } from '../src/sources/index.js';
import { createContext } from '../src/pipeline/context.js';
import { ValidationError } from '../src/core/errors.js';
import { ROOT, TOPIC, LEXICON, ccg, tempHome } from './helpers.js';

const EXAMPLES_FILE = join(ROOT, 'sources', 'stance', 'examples.json');
const examples = loadStanceExamples(EXAMPLES_FILE);
const model = trainStanceModel(examples, TOPIC);
const call = (text: string) => decideStance(model.probabilities(text));

describe('the labelled examples', () => {
  it('ship several hundred sentences, balanced across the four stances', () => {
    expect(examples.length).toBeGreaterThanOrEqual(400);
    for (const s of ['support', 'oppose', 'mixed', 'neutral']) {
      const share = examples.filter((e) => e.stance === s).length / examples.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
  });

  it('hold out every fifth example by id, about a fifth of each stance', () => {
    const held = examples.filter(isHeldOut);
    expect(held.every((e) => e.id % 5 === 0)).toBe(true);
    for (const s of ['support', 'oppose', 'mixed', 'neutral']) expect(held.filter((e) => e.stance === s).length).toBeGreaterThanOrEqual(15);
  });

  const dir = mkdtempSync(join(tmpdir(), 'ccg-stance-'));
  const write = (name: string, body: string): string => { const f = join(dir, name); writeFileSync(f, body); return f; };
  it.each([
    ['not JSON', '{"examples": [', /not valid JSON/],
    ['no examples', '{"examples": []}', /examples: expected a non-empty array/],
    ['an entry that is not an object', '{"examples": [null]}', /examples\[0\]: expected an object/],
    ['an unknown stance', '{"examples": [{"id": 1, "text": "Fine.", "stance": "happy"}]}', /examples\[0\]\.stance: expected one of support, oppose, mixed, neutral; got "happy"/],
    ['an id used twice', '{"examples": [{"id": 1, "text": "A.", "stance": "support"}, {"id": 1, "text": "B.", "stance": "oppose"}]}', /id 1 is used twice/],
    ['an empty theme', '{"examples": [{"id": 1, "text": "A.", "stance": "support", "theme": ""}]}', /examples\[0\]\.theme: expected a non-empty string/],
    ['a stance with no example', '{"examples": [{"id": 1, "text": "A.", "stance": "support"}]}', /no example is labelled oppose/],
  ])('a file with %s gives a one-line error naming it', (_what, body, problem) => {
    const file = write(`bad-${Math.random().toString(36).slice(2)}.json`, body);
    let error: unknown;
    try { loadStanceExamples(file); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message.startsWith(`${file}: `)).toBe(true);
    expect(message).toMatch(problem);
    expect(message).not.toContain('\n');
  });

  it('a corrupt examples file in the home stops ccg extract with one line naming it, exit 1', () => {
    const home = tempHome();
    const file = join(home, 'sources', 'stance', 'examples.json');
    writeFileSync(file, '{"examples": [{"id": 1, "text": "x", "stance": "maybe"}]}');
    const input = join(home, 'note.txt');
    writeFileSync(input, 'A test page\n\nDr Ann Vale, chair of a CCG, said: “We welcome the new powers for practices.”\n');
    const r = ccg(['extract', '--jsonl', input], { home });
    const out = `${r.stdout}${r.stderr}`;
    expect(r.code).toBe(1);
    expect(out).toContain(file);
    expect(out).toMatch(/expected one of support, oppose, mixed, neutral/);
  });
});

describe('the stance classifier on sentences written for this test', () => {
  it.each([
    // negation turns a cue round
    ['Our members do not support handing the practice contracts to the CCG.', 'oppose'],
    ['We have no confidence that the commissioners understand general practice.', 'oppose'],
    // support without any negation
    ['We are very pleased to take responsibility for commissioning our local practices.', 'support'],
    // contrast: both sides argued
    ['We welcome the extra local control, but we have serious concerns about the conflicts it creates.', 'mixed'],
    // off the topic: no position on commissioning
    ['The surgery car park will be resurfaced over the Easter weekend.', 'neutral'],
    ['The committee will meet again on the second Tuesday of March.', 'neutral'],
  ])('%s → %s', (text, stance) => {
    expect(call(text).stance).toBe(stance);
  });

  it('"not only … but also" adds to a position rather than denying it', () => {
    const f = stanceFeatures('Not only will the CCG help practices, but it will also improve care.', TOPIC);
    expect(f.has('__neg')).toBe(false);
    expect(f.has('__contrast')).toBe(false);
    const g = stanceFeatures('The CCG will not help practices, but it will improve care.', TOPIC);
    expect(g.has('__neg')).toBe(true);
    expect(g.has('__contrast')).toBe(true);
  });

  it('a clause with no cue after "but" leans neither way, even once natural\'s classifiers have replaced Math.sign', async () => {
    const sign = Math.sign;
    try {
      await import('natural/lib/natural/classifiers/bayes_classifier.js');
      const f = stanceFeatures('In principle it is a fine plan, but the meeting is on Friday.', TOPIC);
      expect(f.has('__contrast')).toBe(true);
      expect(f.has('__after_support')).toBe(false);
      expect(f.has('__after_oppose')).toBe(false);
    } finally {
      Math.sign = sign;
    }
  });

  it('a hedge or condition is a feature of its own', () => {
    expect(stanceFeatures('This could work if the funding follows.', TOPIC).get('__condition')).toBe(1);
    expect(stanceFeatures('This could work if the funding follows.', TOPIC).get('__hedge')).toBe(1);
    expect(stanceFeatures('This works.', TOPIC).has('__hedge')).toBe(false);
  });

  it.each([
    ['The backlog of contract variations is growing.'],
    ['The ICB is the successor body and takes on its objectives in April.'],
    ['The opposite team handed the contracts back to the region.'],
  ])('words that only begin like a cue are not cues: %s', (text) => {
    expect(cueScores(text, TOPIC)).toEqual({ support: 0, oppose: 0 });
  });

  it.each([
    ['The LMC backed the plan and called it a success.', 'support', 2],
    ['Members objected, and the committee opposed the merger.', 'oppose', 2],
  ])('the cues still count in their own senses: %s', (text, side, n) => {
    expect(cueScores(text, TOPIC)[side as 'support' | 'oppose']).toBe(n);
  });

  it('gives probabilities that sum to one and a confidence between 0 and 1', () => {
    const p = model.probabilities('We back the plans.');
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const c = call('We back the plans.');
    expect(c.confidence).toBeGreaterThan(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
  });

  it('trains the same weights from the same examples', () => {
    const again = trainStanceModel(examples, TOPIC);
    const text = 'The plans have some merit, though practices remain worried.';
    expect(again.probabilities(text)).toEqual(model.probabilities(text));
  });

  it('explains a call by the features that weigh most', () => {
    const top = model.explain('We strongly oppose the plans.').map((x) => x.feature);
    expect(top.length).toBeGreaterThan(2);
    expect(top.slice(0, 5)).toContain('__cue_oppose');
  });

  it('quality gate: beats the lexicon alone on the held-out fifth it never saw', () => {
    const trained = trainStanceModel(examples.filter((e) => !isHeldOut(e)), TOPIC);
    const test = examples.filter(isHeldOut);
    // Each example as the pipeline sees a quote: its words and, when it has one, its reporting frame.
    const acc = (f: (t: string, frame?: string) => string): number => test.filter((e) => f(e.text, e.frame) === e.stance).length / test.length;
    const ours = acc((t, frame) => decideStance(trained.probabilities(t, frame)).stance);
    const lexicon = acc((t) => decideStance(LEXICON(t)).stance);
    expect(ours).toBeGreaterThanOrEqual(0.65);
    expect(ours).toBeGreaterThan(lexicon + 0.1);
  });
});

describe('deciding a quote stance', () => {
  it('gives the most probable stance, marked unsure under the minimum confidence (a neutral one under 0.6)', () => {
    expect(decideStance({ support: 0.35, oppose: 0.25, mixed: 0.2, neutral: 0.2 })).toEqual({ stance: 'support', confidence: 0.35, unsure: true });
    expect(decideStance({ support: 0.7, oppose: 0.1, mixed: 0.1, neutral: 0.1 })).toEqual({ stance: 'support', confidence: 0.7, unsure: false });
    expect(decideStance({ support: 0.1, oppose: 0.2, mixed: 0.2, neutral: 0.5 })).toEqual({ stance: 'neutral', confidence: 0.5, unsure: true });
    expect(MIN_CONFIDENCE).toBeGreaterThan(0.25);
  });

  it('an unsure quote takes the position its speaker holds in the document; without one its own most probable stance stands', () => {
    const scorer: StanceScorer = (t) => (t.startsWith('sure')
      ? { support: 0, oppose: 0.9, mixed: 0.05, neutral: 0.05 }
      : { support: 0.3, oppose: 0.25, mixed: 0.2, neutral: 0.25 });
    const calls = quoteStances([{ text: 'sure', speaker: 'A' }, { text: 'unsure', speaker: 'A' }, { text: 'unsure', speaker: 'B' }], scorer);
    expect(calls.map((c) => c.stance)).toEqual(['oppose', 'oppose', 'support']);
    expect(calls[2]!.confidence).toBe(0.3);
  });

  it('analyse gives each quote a stance and its confidence', () => {
    const orgs = compileOrganisations(loadOrganisations(join(ROOT, 'sources', 'organisations.json')));
    const text = 'Practices and the CCG\n\nDr Ann Vale, chair of Wessex LMC, said: “We do not support handing the practice contracts to the CCG.”';
    const [q] = analyse(text, { organisations: orgs, stance: (t) => model.probabilities(t) }).quotes;
    expect(q?.stance).toBe('oppose');
    expect(q?.stanceConfidence).toBeGreaterThan(MIN_CONFIDENCE);
    expect(q?.stanceConfidence).toBeLessThanOrEqual(1);
  });

  it('summarises positions per speaker', () => {
    expect(summarisePositions([
      { key: 'A', stance: 'support' }, { key: 'A', stance: 'neutral' }, { key: 'B', stance: 'oppose' }, { key: 'B', stance: 'support' }, { key: null, stance: 'oppose' },
    ])).toEqual([
      { name: 'A', stance: 'support', quotes: 2, counts: { support: 1, oppose: 0, mixed: 0, neutral: 1 } },
      { name: 'B', stance: 'mixed', quotes: 2, counts: { support: 1, oppose: 1, mixed: 0, neutral: 0 } },
    ]);
  });

  it.each([
    ['We strongly oppose this and reject the plans.', 'oppose'],
    ['We warmly welcome the opportunity to support practices.', 'support'],
    ['This is not a benefit to anyone.', 'oppose'],
  ])('lexicon: %s → %s', (text, stance) => {
    const p = LEXICON(text);
    expect(Object.keys(p).find((k) => p[k as keyof typeof p] === 1)).toBe(stance);
  });
});

describe('npm run eval:stance', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'eval-stance.mjs'), ...args], { encoding: 'utf8' });

  it('says the held-out fifth is held out and reports accuracy, precision, recall and the confusion matrix', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+ held out \(every fifth by id\), never used for training or for choosing cues or settings/);
    expect(r.stdout).toMatch(/held-out fifth \(trained on the other \d+/);
    expect(r.stdout).toMatch(/classifier\s+accuracy=0\.\d{3} macro-F1=0\.\d{3} \(n=\d+\)/);
    expect(r.stdout).toMatch(/precision\s+recall\s+confusion/);
    for (const s of ['support', 'oppose', 'mixed', 'neutral']) expect(r.stdout).toMatch(new RegExp(`\\n  ${s}\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}(\\s+\\d+){4}`));
  });

  it('with --no-frames judges every example by its words alone, and still says what is held out', () => {
    const r = run('--no-frames');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(0 with a reporting frame, ignored: --no-frames\); trained on \d+; \d+ held out \(every fifth by id\)/);
    expect(r.stdout).toMatch(/classifier\s+accuracy=0\.\d{3}/);
  });

  it('cross-validates inside the training part with --folds, and refuses a single fold', () => {
    const r = run('--folds', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3-fold CV \(training part\)\s+accuracy=0\.\d{3}/);
    const bad = run('--folds', '1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--folds must be a whole number of at least 2/);
  });
});

describe('the shipped weights (sources/stance/model.json)', () => {
  const MODEL_FILE = join(ROOT, 'sources', 'stance', 'model.json');
  const stored = loadStanceWeights(MODEL_FILE);

  it('were trained from the examples and topic that ship, by the training script', () => {
    expect(stored.fingerprint).toBe(trainingFingerprint(examples, TOPIC));
    const fresh = trainStanceWeights(examples, TOPIC);
    expect(stored.vocabulary).toEqual(fresh.vocabulary);
    expect(stored.weights).toEqual(fresh.weights);
    expect(stored.examples).toBe(examples.length);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'train-stance.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
  });

  it('give the same calls as a freshly trained model', () => {
    const loaded = stanceModelFrom(stored, TOPIC);
    for (const e of examples.slice(0, 40)) expect(loaded.classify(e.text)).toBe(model.classify(e.text));
  });

  it('change the fingerprint when an example changes', () => {
    const changed = examples.map((e, i) => (i === 0 ? { ...e, text: `${e.text} Indeed.` } : e));
    expect(trainingFingerprint(changed, TOPIC)).not.toBe(stored.fingerprint);
  });

  const skewed = (fingerprint: string) => JSON.stringify({ ...stored, fingerprint, weights: { ...stored.weights, mixed: stored.weights.mixed.map((w, i) => (i === 0 ? 100 : w)) } });
  const clear = 'We utterly reject these plans and will oppose them.';

  it('are used while their fingerprint matches the examples in use', () => {
    const home = tempHome();
    writeFileSync(join(home, 'sources', 'stance', 'model.json'), skewed(stored.fingerprint));
    const p = createContext(home, { warn: () => {} }).stance(clear);
    expect(p.mixed).toBeGreaterThan(0.99);
  });

  it('are not used when stale: the pipeline trains afresh from the examples', () => {
    const home = tempHome();
    writeFileSync(join(home, 'sources', 'stance', 'model.json'), skewed('0123456789abcdef'));
    const p = createContext(home, { warn: () => {} }).stance(clear);
    expect(decideStance(p).stance).toBe('oppose');
  });

  it.each([
    ['not JSON', () => '{"version": 1,', /not valid JSON/],
    ['a weight list of the wrong length', () => JSON.stringify({ ...stored, weights: { ...stored.weights, oppose: [1, 2] } }), /weights\.oppose: expected \d+ finite numbers/],
    ['no fingerprint', () => JSON.stringify({ ...stored, fingerprint: undefined }), /fingerprint: expected 16 hexadecimal digits/],
  ])('a model file with %s stops ccg extract with one line naming it, exit 1', (_what, body, problem) => {
    const home = tempHome();
    const file = join(home, 'sources', 'stance', 'model.json');
    writeFileSync(file, body());
    const input = join(home, 'note.txt');
    writeFileSync(input, 'A test page\n\nDr Ann Vale, chair of a CCG, said: “We welcome the new powers for practices.”\n');
    const r = ccg(['extract', '--jsonl', input], { home });
    expect(r.code).toBe(1);
    const lines = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.includes(file));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(problem);
  });
});
