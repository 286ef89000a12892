#!/usr/bin/env node
// Stance evaluation, honestly split. The held-out fifth of sources/stance/examples.json (every
// example whose id is divisible by 5) is never trained on and never used to choose cues or settings;
// it is scored once, at the end. Choices (which classifier, its settings) are made by k-fold
// cross-validation inside the other four fifths.
//
//   npm run eval:stance                                  held-out figures of the shipped classifier
//   npm run eval:stance -- --folds 5                     and k-fold cross-validation on the training part
//   npm run eval:stance -- --compare                     lexicon, naive Bayes (natural), logistic regression (natural), ours
//   npm run eval:stance -- --tune                        our classifier's settings by cross-validation (training part only)
//   npm run eval:stance -- --bench ../shared/bench/ccg-dev   also per-quote stance on a gold folder (seeds' gold format)
//   npm run eval:stance -- --no-frames                   as if no example had a reporting frame (and the pipeline passed none)
//   npm run eval:stance -- --concat                      also long quotes: 400 texts of two to four held-out examples each
//                                                        (without frames), labelled neutral when all parts are, mixed
//                                                        when a part is mixed or support and opposition meet, else the side
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { trainStanceModel, isHeldOut } from '../dist/analyse/stance-model.js';
import { stanceFeatures } from '../dist/analyse/stance-features.js';
import { lexiconStance, decideStance } from '../dist/analyse/stance.js';
import { loadStanceExamples, loadTopics } from '../dist/sources/index.js';

const { values: opt } = parseArgs({ options: {
  folds: { type: 'string' }, compare: { type: 'boolean' }, tune: { type: 'boolean' }, bench: { type: 'string', multiple: true }, examples: { type: 'string' }, explain: { type: 'string' }, frame: { type: 'string' }, 'no-frames': { type: 'boolean' }, concat: { type: 'boolean' },
} });
const folds = opt.folds === undefined ? 0 : Number(opt.folds);
if (!Number.isInteger(folds) || folds === 1 || folds < 0) { console.error(`eval-stance: --folds must be a whole number of at least 2, got ${opt.folds}`); process.exit(2); }

const root = join(import.meta.dirname, '..');
const withFrames = !opt['no-frames'];
/** Without frames, every example is its quote alone. */
const examples = loadStanceExamples(opt.examples ? resolve(opt.examples) : join(root, 'sources', 'stance', 'examples.json')).map((e) => (withFrames ? e : { id: e.id, text: e.text, stance: e.stance }));
const topic = loadTopics(join(root, 'sources', 'stance', 'topics.json'))[0];
const train = examples.filter((e) => !isHeldOut(e));
const heldOut = examples.filter(isHeldOut);
const labels = ['support', 'oppose', 'mixed', 'neutral'];
const argmax = (p) => labels.reduce((a, b) => (p[b] > p[a] ? b : a));

/** Accuracy, per-class precision/recall/F1 and the confusion matrix of predictions against gold. */
function score(pairs) {
  const confusion = Object.fromEntries(labels.map((l) => [l, Object.fromEntries(labels.map((m) => [m, 0]))]));
  for (const [gold, pred] of pairs) confusion[gold][pred]++;
  const right = labels.reduce((n, l) => n + confusion[l][l], 0);
  const perClass = Object.fromEntries(labels.map((l) => {
    const tp = confusion[l][l];
    const predicted = labels.reduce((n, m) => n + confusion[m][l], 0);
    const actual = labels.reduce((n, m) => n + confusion[l][m], 0);
    const p = predicted ? tp / predicted : 0, r = actual ? tp / actual : 0;
    return [l, { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 }];
  }));
  const macroF1 = labels.reduce((n, l) => n + perClass[l].f1, 0) / labels.length;
  return { n: pairs.length, accuracy: pairs.length ? right / pairs.length : 0, macroF1, perClass, confusion };
}
const f3 = (x) => x.toFixed(3);
const line = (name, s) => `${name.padEnd(26)} accuracy=${f3(s.accuracy)} macro-F1=${f3(s.macroF1)} (n=${s.n})`;
function report(name, s) {
  console.log(line(name, s));
  console.log(`  ${''.padEnd(8)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}   confusion (rows gold, columns predicted: ${labels.join(' ')})`);
  for (const l of labels) console.log(`  ${l.padEnd(8)} ${f3(s.perClass[l].precision).padStart(9)} ${f3(s.perClass[l].recall).padStart(7)}   ${labels.map((m) => String(s.confusion[l][m]).padStart(4)).join(' ')}`);
}

/**
 * Approaches: each trains on examples and returns text → probabilities per stance; every one goes
 * through the same decision as the pipeline (decideStance: the most probable stance; in a document an unsure one gives way to its speaker's position).
 */
async function approaches() {
  const { default: BayesClassifier } = await import('natural/lib/natural/classifiers/bayes_classifier.js');
  const { default: LogisticRegressionClassifier } = await import('natural/lib/natural/classifiers/logistic_regression_classifier.js');
  const asTokens = (text, frame) => [...stanceFeatures(text, topic, frame)].flatMap(([k, v]) => Array(Math.max(1, Math.round(v))).fill(k));
  const natural = (Ctor) => (ex) => {
    const c = new Ctor();
    for (const e of ex) c.addDocument(asTokens(e.text, e.frame), e.stance);
    c.train();
    return (t, frame) => {
      const raw = c.getClassifications(asTokens(t, frame));
      const total = raw.reduce((n, r) => n + r.value, 0) || 1;
      return Object.fromEntries(labels.map((l) => [l, (raw.find((r) => r.label === l)?.value ?? 0) / total]));
    };
  };
  return {
    'lexicon (cues only)': () => (t) => Object.fromEntries(labels.map((l) => [l, l === lexiconStance(t, topic) ? 1 : 0])),
    'naive Bayes (natural)': natural(BayesClassifier),
    'logistic (natural)': natural(LogisticRegressionClassifier),
    'ours (softmax regression)': (ex) => { const m = trainStanceModel(ex, topic); return (t, frame) => m.probabilities(t, frame); },
    'ours without frames': (ex) => { const m = trainStanceModel(ex.map(({ frame, ...e }) => e), topic); return (t) => m.probabilities(t); },
  };
}
const decided = (trainer) => (ex) => { const p = trainer(ex); return (t, frame) => decideStance(p(t, frame)).stance; };

/** k-fold cross-validation inside the given examples (folds by id, so the same split every run). */
function crossValidate(ex, k, trainer) {
  const pairs = [];
  for (let f = 0; f < k; f++) {
    const inFold = (e) => Math.floor(e.id / 5) % k === f;
    const predict = trainer(ex.filter((e) => !inFold(e)));
    for (const e of ex.filter(inFold)) pairs.push([e.stance, predict(e.text, e.frame)]);
  }
  return score(pairs);
}

/** Per-quote stance on a gold folder: each gold quote with stances, matched by its key, as evaluate.mjs does. */
async function benchScore(dir, scorer) {
  const { extractText } = await import('../dist/extract/index.js');
  const { analyse } = await import('../dist/analyse/index.js');
  const { compileOrganisations } = await import('../dist/analyse/index.js');
  const { loadOrganisations } = await import('../dist/sources/index.js');
  const orgs = compileOrganisations(loadOrganisations(join(root, 'sources', 'organisations.json')));
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')).docs;
  const norm = (s) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  let n = 0, ok = 0;
  for (const [file, g] of Object.entries(gold)) {
    if (!existsSync(join(dir, file))) continue;
    const quotes = analyse(extractText(readFileSync(join(dir, file), 'utf8')).text, { organisations: orgs, stance: scorer }).quotes;
    for (const q of g.quotes.filter((q) => !q.optional && q.stance)) {
      const p = quotes.find((p) => norm(p.text).includes(norm(q.key)));
      if (!p) continue;
      n++;
      if (q.stance.includes(p.stance)) ok++;
    }
  }
  return { n, accuracy: n ? ok / n : 0 };
}

if (opt.explain) {
  const m = trainStanceModel(examples, topic);
  console.log(Object.entries(m.probabilities(opt.explain, opt.frame)).map(([k, v]) => `${k} ${v.toFixed(2)}`).join('  '));
  for (const { feature, weights } of m.explain(opt.explain, opt.frame).slice(0, 15)) console.log(`  ${feature.padEnd(20)} ${labels.map((l) => `${l} ${weights[l].toFixed(2).padStart(5)}`).join('  ')}`);
  process.exit(0);
}

console.log(`stance: ${examples.length} examples (${examples.filter((e) => e.frame !== undefined).length} with a reporting frame${withFrames ? '' : ', ignored: --no-frames'}); trained on ${train.length}; ${heldOut.length} held out (every fifth by id), never used for training or for choosing cues or settings`);

if (opt.compare) {
  console.log(`\ncomparison by ${folds || 5}-fold cross-validation inside the ${train.length} training examples:`);
  for (const [name, trainer] of Object.entries(await approaches())) {
    const on = [];
    if (opt.bench?.length) {
      // On a gold folder each approach is trained on all examples, as it would ship, and scores quotes in the pipeline.
      const scorer = trainer(examples);
      for (const dir of opt.bench) { const b = await benchScore(resolve(dir), scorer); on.push(`${dir.split('/').filter(Boolean).pop()} ${f3(b.accuracy)}`); }
    }
    console.log(`${line(name, crossValidate(train, folds || 5, decided(trainer)))}${on.length ? `  ${on.join('  ')}` : ''}`);
  }
}

if (opt.tune) {
  console.log(`\nsettings by ${folds || 5}-fold cross-validation inside the training examples:`);
  for (const l2 of [0.003, 0.01, 0.03]) for (const epochs of [40, 80, 160]) {
    const s = crossValidate(train, folds || 5, (ex) => { const m = trainStanceModel(ex, topic, { l2, epochs }); return (t, frame) => decideStance(m.probabilities(t, frame)).stance; });
    console.log(line(`l2=${l2} epochs=${epochs}`, s));
  }
  // The alternative the pipeline used to take: a stance under the minimum called neutral (0 never abstains, as shipped).
  for (const min of [0, 0.3, 0.4, 0.5, 0.6]) {
    const abstain = (p) => { const c = decideStance(p, min); return c.unsure && c.stance !== 'neutral' ? 'neutral' : c.stance; };
    const s = crossValidate(train, folds || 5, (ex) => { const m = trainStanceModel(ex, topic); return (t, frame) => abstain(m.probabilities(t, frame)); });
    console.log(line(`neutral below ${min}`, s));
  }
}

if (folds && !opt.compare && !opt.tune) {
  console.log('');
  report(`${folds}-fold CV (training part)`, crossValidate(train, folds, (ex) => { const m = trainStanceModel(ex, topic); return (t, frame) => decideStance(m.probabilities(t, frame)).stance; }));
}

const t0 = performance.now();
const model = trainStanceModel(train, topic);
const ms = performance.now() - t0;
console.log(`\nheld-out fifth (trained on the other ${train.length} in ${ms.toFixed(0)} ms):`);
report('classifier', score(heldOut.map((e) => [e.stance, decideStance(model.probabilities(e.text, e.frame)).stance])));
report('lexicon alone', score(heldOut.map((e) => [e.stance, lexiconStance(e.text, topic)])));

if (opt.concat) {
  // A fixed linear congruential generator: every run builds the same 400 texts.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const combined = (parts) => {
    const sides = new Set(parts.map((e) => e.stance).filter((s) => s !== 'neutral'));
    if (!sides.size) return 'neutral';
    if (sides.has('mixed') || (sides.has('support') && sides.has('oppose'))) return 'mixed';
    return [...sides][0];
  };
  const texts = Array.from({ length: 400 }, () => {
    const parts = Array.from({ length: 2 + Math.floor(random() * 3) }, () => heldOut[Math.floor(random() * heldOut.length)]);
    return { text: parts.map((e) => e.text).join(' '), stance: combined(parts) };
  });
  console.log('');
  report('concatenated held-out', score(texts.map((e) => [e.stance, decideStance(model.probabilities(e.text)).stance])));
}

for (const dir of opt.bench ?? []) {
  const full = trainStanceModel(examples, topic);
  const s = await benchScore(resolve(dir), withFrames ? (t, frame) => full.probabilities(t, frame) : (t) => full.probabilities(t));
  console.log(`\n${dir}: stance ${f3(s.accuracy)} over ${s.n} gold quotes found (classifier trained on all ${examples.length} examples, as shipped)`);
}
