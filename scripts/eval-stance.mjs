#!/usr/bin/env node
// Stance evaluation on the held-out fifth of sources/stance/examples.json (never trained on):
// accuracy and macro-F1 of the lexicon alone and of the trained classifier, with the confusion matrix.
//   npm run eval:stance        (run npm run build first if src/ changed)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainStanceModel, isHeldOut } from '../dist/analyse/stance-model.js';
import { lexiconStance } from '../dist/analyse/stance.js';
import { loadTopics } from '../dist/sources/index.js';

const file = join(import.meta.dirname, '..', 'sources', 'stance', 'examples.json');
const { examples } = JSON.parse(readFileSync(file, 'utf8'));
const topic = loadTopics(join(import.meta.dirname, '..', 'sources', 'stance', 'topics.json'))[0];
const train = examples.filter((e) => !isHeldOut(e));
const test = examples.filter(isHeldOut);
const labels = ['support', 'oppose', 'mixed', 'neutral'];

function score(name, predict) {
  const confusion = Object.fromEntries(labels.map((l) => [l, Object.fromEntries(labels.map((m) => [m, 0]))]));
  let right = 0;
  for (const e of test) { const p = predict(e.text); confusion[e.stance][p]++; if (p === e.stance) right++; }
  const f1s = labels.map((l) => {
    const tp = confusion[l][l];
    const fp = labels.reduce((n, m) => n + (m === l ? 0 : confusion[m][l]), 0);
    const fn = labels.reduce((n, m) => n + (m === l ? 0 : confusion[l][m]), 0);
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  const macro = f1s.reduce((a, b) => a + b, 0) / labels.length;
  console.log(`${name.padEnd(12)} accuracy=${(right / test.length).toFixed(3)} macro-F1=${macro.toFixed(3)}  (${labels.map((l, i) => `${l} ${f1s[i].toFixed(2)}`).join(', ')})`);
  return confusion;
}

console.log(`stance: ${train.length} training examples, ${test.length} held out`);
score('lexicon', (t) => lexiconStance(t, topic));
const t0 = performance.now();
const model = trainStanceModel(train, topic);
const ms = performance.now() - t0;
const confusion = score('classifier', (t) => model.classify(t));
console.log(`trained in ${ms.toFixed(1)} ms; confusion (rows gold, columns predicted):`);
for (const l of labels) console.log(`  ${l.padEnd(8)} ${labels.map((m) => String(confusion[l][m]).padStart(3)).join(' ')}`);

// Five-fold cross-validation over all examples (folds by id), a steadier figure than one split.
let cvRight = 0;
for (let k = 0; k < 5; k++) {
  const m = trainStanceModel(examples.filter((e) => e.id % 5 !== k), topic);
  for (const e of examples.filter((x) => x.id % 5 === k)) if (m.classify(e.text) === e.stance) cvRight++;
}
console.log(`5-fold cross-validation accuracy=${(cvRight / examples.length).toFixed(3)} over ${examples.length} examples`);

// The blend the pipeline uses: classifier and lexicon, weighted.
const { blendScorers, lexiconScorer } = await import('../dist/analyse/stance.js');
for (const w of [0.3, 0.5, 0.7]) {
  const m = trainStanceModel(train, topic);
  const blend = blendScorers((t) => m.probabilities(t), lexiconScorer(topic), w);
  score(`blend ${w}`, (t) => { const p = blend(t); return labels.reduce((a, b) => (p[b] > p[a] ? b : a)); });
}
